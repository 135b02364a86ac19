"""Are the facts the converter gets wrong the ones it flags for review?

    python bench/doubts.py CORPUS_DIR... [--verbose] [--sweep] [--json FILE]

Each corpus is converted and scored as `bench/fidelity.py` scores it (each paper alone in
a fresh site naming its council, records paired with the truth). Every scored fact of a
meeting record is one unit: kind, committee, date, time, venue, chair, present,
apologies, items and decisions (the resolution counts) of each truth entry. A unit is
*wrong* when fidelity scores it below 100 % (a missed meeting counts as a wrong kind, as
does a meeting record with no truth); it is *flagged* when the record's `review:` lists
a doubt on that fact (`item` entries flag the items, `decision` entries the decisions;
a missed meeting is flagged when another record of its paper doubts its own kind).

For each corpus it prints, per fact and in all: the units, how many are wrong, how many
are flagged, the **recall** of doubts (share of wrong units flagged) and their
**precision** (share of flagged units wrong), and how many doubts a person must check
per meeting record. `in_attendance` and citations are not scored by fidelity, so their
doubts count in the doubts per record only.

With `--sweep` every fact is converted with its confidence listed, and the figures are
printed for a range of thresholds. With `--fit` the threshold of each fact
(`confidence.REVIEW_BELOW`) is fitted on all the corpora given together (see `fit`); the
figures are then printed leave-one-corpus-out too, each corpus measured with the
thresholds fitted on the others. `--save FILE` keeps the measured facts, `--load FILE`
measures again from them without converting.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fidelity
from minutes.papers import confidence
from minutes.records.record import REVIEW_FACTS
from minutes.site.doubts import WEIGHTS

UNITS = ("kind", "committee", "date", "time", "venue", "chair", "present", "apologies", "items", "decisions")
_UNIT_OF = {"item": "items", "decision": "decisions"}
"""A `review` entry's fact -> the unit it flags (the others flag the unit of their own name)."""
SWEEP = (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 1.01)
FIT_GRID = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99)
"""The thresholds `--fit` chooses from."""
FLOOR = 0.3
"""Every fact this unsure is listed, whatever the corpora say: the converter found it by no rule of the text."""
TARGET_PRECISION = 0.4
"""The share of listed facts that should be wrong (for a fact of weight 1)."""
FACT_OF = {"items": "item", "decisions": "decision"}
"""A scored unit -> the fact of its `review` entries (and threshold)."""
Thresholds = Mapping[str, float]
"""Fact -> list it for review below this confidence."""


@dataclass
class Unit:
    corpus: str
    paper: str
    unit: str
    wrong: bool
    confidence: float | None
    """The lowest confidence of a doubt on this unit; None when nothing doubts it."""
    detail: str = ""
    why: str = ""
    """What the doubt says (the first of them)."""

    def flagged(self, below: Thresholds) -> bool:
        return self.confidence is not None and self.confidence < below[FACT_OF.get(self.unit, self.unit)]


@dataclass
class CorpusDoubts:
    corpus: str
    units: list[Unit] = field(default_factory=list)
    records: int = 0
    meeting_records: int = 0
    entries: list[tuple[str, float]] = field(default_factory=list)
    """The fact and confidence of every doubt written, scored or not."""

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> CorpusDoubts:
        units = [Unit(**u) for u in data["units"]]
        entries = [(str(f), float(c)) for f, c in data["entries"]]
        return cls(data["corpus"], units, data["records"], data["meeting_records"], entries)


def _lowest(record: dict | None, unit: str) -> float | None:
    found = _doubts(record, unit)
    return min(found)[0] if found else None


def _why(record: dict | None, unit: str) -> str:
    found = _doubts(record, unit)
    return min(found)[1] if found else ""


def _doubts(record: dict | None, unit: str) -> list[tuple[float, str]]:
    return [
        (float(entry.get("confidence", 0.0)), str(entry.get("why", "")))
        for entry in (record or {}).get("review") or []
        if _UNIT_OF.get(entry.get("fact"), entry.get("fact")) == unit
    ]


def units_of(corpus: str, result: fidelity.PaperResult) -> list[Unit]:
    """The scored units of one paper: each truth entry's facts, and each meeting record without a truth."""
    out: list[Unit] = []
    paired = {id(d.record) for d in result.documents if d.record is not None}
    unpaired = [r for r in result.records if id(r) not in paired]
    kind_doubt = [c for r in unpaired if (c := _lowest(r, "kind")) is not None]
    for doc in result.documents:
        truth, record = doc.truth, doc.record
        if record is None:
            out.append(
                Unit(
                    corpus,
                    result.paper,
                    "kind",
                    True,
                    min(kind_doubt) if kind_doubt else None,
                    f"no {truth['kind']} record",
                )
            )
            continue
        out.append(Unit(corpus, result.paper, "kind", False, _lowest(record, "kind")))
        wrong = {
            "committee": fidelity.norm_committee(truth.get("committee") or "")
            != fidelity.norm_committee(record.get("committee") or ""),
            **{part: doc.parts[part] < 1.0 for part in ("date", "time", "venue", "chair", "present", "apologies")},
            "items": doc.parts["items"] < 1.0,
        }
        if "resolutions" in doc.parts:
            wrong["decisions"] = doc.parts["resolutions"] < 1.0
        for unit, is_wrong in wrong.items():
            detail = f"{truth['kind']}: want {_want(truth, unit)!r} got {_got(record, unit)!r}" if is_wrong else ""
            out.append(Unit(corpus, result.paper, unit, is_wrong, _lowest(record, unit), detail, _why(record, unit)))
    for record in unpaired:
        if record.get("kind") in fidelity.MEETING_KINDS:
            out.append(
                Unit(corpus, result.paper, "kind", True, _lowest(record, "kind"), f"{record.get('kind')} with no truth")
            )
    return out


def _want(truth: dict, unit: str) -> object:
    if unit in ("items", "decisions"):
        return len(truth.get("items") or [])
    return truth.get(unit)


def _got(record: dict, unit: str) -> object:
    if unit in ("chair", "present", "apologies"):
        return (record.get("attendance") or {}).get(unit)
    if unit in ("items", "decisions"):
        return len(record.get("items") or [])
    return record.get(unit)


def measure(corpus: Path) -> CorpusDoubts:
    found = CorpusDoubts(corpus.as_posix())
    for result in fidelity.run(corpus):
        found.units += units_of(found.corpus, result)
        found.records += len(result.records)
        found.meeting_records += sum(1 for r in result.records if r.get("kind") in fidelity.MEETING_KINDS)
        found.entries += [
            (str(e.get("fact")), float(e.get("confidence", 0.0))) for r in result.records for e in r.get("review") or []
        ]
    return found


@dataclass(frozen=True)
class Figures:
    wrong: int
    flagged: int
    caught: int
    doubts: int
    meeting_records: int

    @property
    def recall(self) -> float | None:
        return self.caught / self.wrong if self.wrong else None

    @property
    def precision(self) -> float | None:
        return self.caught / self.flagged if self.flagged else None

    @property
    def per_record(self) -> float:
        return self.doubts / self.meeting_records if self.meeting_records else 0.0


def figures(found: CorpusDoubts, below: Thresholds, unit: str = "") -> Figures:
    units = [u for u in found.units if not unit or u.unit == unit]
    return Figures(
        wrong=sum(u.wrong for u in units),
        flagged=sum(u.flagged(below) for u in units),
        caught=sum(u.wrong and u.flagged(below) for u in units),
        doubts=sum(1 for fact, c in found.entries if c < below.get(fact, 0.0)),
        meeting_records=found.meeting_records,
    )


def _percent(value: float | None) -> str:
    return "    -" if value is None else f"{value * 100:4.0f}%"


def print_corpus(found: CorpusDoubts, below: Thresholds, verbose: bool) -> None:
    print(f"{'fact':<11} {'units':>5} {'wrong':>5} {'flagged':>7} {'caught':>6} {'recall':>6} {'precision':>9}")
    for unit in UNITS:
        f = figures(found, below, unit)
        units = sum(1 for u in found.units if u.unit == unit)
        print(
            f"{unit:<11} {units:5d} {f.wrong:5d} {f.flagged:7d} {f.caught:6d} {_percent(f.recall):>6} "
            f"{_percent(f.precision):>9}"
        )
    f = figures(found, below)
    print(
        f"{'all':<11} {len(found.units):5d} {f.wrong:5d} {f.flagged:7d} {f.caught:6d} {_percent(f.recall):>6} "
        f"{_percent(f.precision):>9}"
    )
    if verbose:
        for u in found.units:
            if u.wrong and not u.flagged(below):
                print(f"  missed   {u.paper[:44]:<44} {u.unit:<10} {u.detail[:110]}")
        for u in found.units:
            if u.flagged(below):
                how = "caught  " if u.wrong else "needless"
                print(f"  {how} {u.paper[:44]:<44} {u.unit:<10} {u.confidence:.2f} {u.why[:110]}")
    print(
        f"recall of doubts {_percent(f.recall).strip()} ({f.caught} of {f.wrong} wrong facts flagged), "
        f"precision {_percent(f.precision).strip()} ({f.caught} of {f.flagged} flagged facts wrong), "
        f"{f.per_record:.1f} doubts per meeting record ({f.doubts} in {found.meeting_records}; "
        f"{found.records} records in all)"
    )


def print_sweep(results: list[CorpusDoubts], unit: str = "") -> None:
    print(f"{'below':>6} " + " ".join(f"{Path(r.corpus).name[-16:]:>26}" for r in results))
    print(f"{'':>6} " + " ".join(f"{'recall prec. per-rec':>26}" for _ in results))
    for level in SWEEP:
        below = dict.fromkeys(REVIEW_FACTS, level)
        cells = []
        for found in results:
            f = figures(found, below, unit)
            cells.append(f"{_percent(f.recall):>8} {_percent(f.precision):>7} {f.per_record:9.1f}")
        print(f"{level:6.2f} " + " ".join(f"{c:>26}" for c in cells))


def fit(results: list[CorpusDoubts], base: Thresholds) -> dict[str, float]:
    """Each fact's threshold, fitted on these corpora together.

    A wrong value misleads readers more for some facts than others (site/doubts.py's WEIGHTS: a wrong date
    files a meeting where nobody finds it), so a person is asked to check a fact when it is wrong at least
    TARGET_PRECISION / weight of the time. The threshold starts at FLOOR (a fact found by no rule at all is
    always shown) and is raised along FIT_GRID while the facts it would add are wrong at least that often
    (a slice too thin to say is pooled with the next). A fact with no wrong value to learn from keeps `base`.
    """
    fitted = dict(base)
    for unit in UNITS:
        fact = FACT_OF.get(unit, unit)
        units = [u for found in results for u in found.units if u.unit == unit and u.confidence is not None]
        if not any(u.wrong for u in units):
            continue
        wanted = TARGET_PRECISION / WEIGHTS.get(fact, 1.0)
        chosen = FLOOR
        for level in FIT_GRID:
            if level <= chosen:
                continue
            added = [u for u in units if chosen <= u.confidence < level]
            if added and sum(u.wrong for u in added) / len(added) >= wanted:
                chosen = level
        fitted[fact] = chosen
    return fitted


def print_summary(results: list[CorpusDoubts], below_of) -> None:
    """One line per corpus: recall, precision, doubts per record (`below_of(corpus)` its thresholds)."""
    print(f"| {'corpus':<26} | {'wrong facts':>11} | {'flagged':>7} | {'recall':>6} | {'precision':>9} | per record |")
    print(f"|{'-' * 28}|{'-' * 12}:|{'-' * 8}:|{'-' * 7}:|{'-' * 10}:|{'-' * 11}:|")
    rows = [(found.corpus, figures(found, below_of(found))) for found in results]
    if len(rows) > 1:
        pooled = Figures(*(sum(getattr(f, name) for _, f in rows) for name in Figures.__dataclass_fields__))
        rows.append(("all corpora", pooled))
    for name, f in rows:
        print(
            f"| {name:<26} | {f.wrong:>11} | {f.flagged:>7} | {_percent(f.recall):>6} | "
            f"{_percent(f.precision):>9} | {f.per_record:>10.1f} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="+", help="folder holding papers/ and truth.json")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the wrong facts missed and needless doubts")
    parser.add_argument("--sweep", action="store_true", help="the figures for a range of thresholds")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument(
        "--below", type=float, default=None, help="measure at this threshold for every fact instead of REVIEW_BELOW"
    )
    parser.add_argument("--fit", action="store_true", help="fit each fact's threshold on the corpora given")
    parser.add_argument("--save", type=Path, help="write the measured facts to this file")
    parser.add_argument("--load", type=Path, help="read the measured facts from this file instead of converting")
    parser.add_argument("--fact", choices=UNITS, default="", help="with --sweep: the figures of one fact only")
    args = parser.parse_args(argv)
    for corpus in args.corpus:
        if not args.load and not (corpus / "truth.json").is_file():
            parser.error(f"{corpus}/truth.json not found")
    below = dict(confidence.REVIEW_BELOW) if args.below is None else dict.fromkeys(REVIEW_FACTS, args.below)
    listing_all = args.sweep or args.fit or args.below is not None
    if args.load:
        saved = json.loads(args.load.read_text(encoding="utf-8"))
        results = [CorpusDoubts.from_json(d) for d in saved["corpora"]]
        if not saved["every_fact"] and listing_all:
            parser.error(f"{args.load} was measured with the thresholds; --sweep, --fit and --below need every fact")
    else:
        if listing_all:
            # Every fact judged is listed, with its confidence (workers are forked: they see this too).
            confidence.REVIEW_BELOW = dict.fromkeys(REVIEW_FACTS, 1.01)
        results = [measure(corpus) for corpus in args.corpus]
    if args.save:
        data = {"every_fact": listing_all, "corpora": [r.to_json() for r in results]}
        args.save.write_text(json.dumps(data) + "\n", encoding="utf-8")
    if args.fit:
        fitted = fit(results, below)
        print("fitted on all the corpora: REVIEW_BELOW = " + json.dumps(fitted))
        print_summary(results, lambda found: fitted)
        print("leave-one-corpus-out (each corpus with the thresholds fitted on the others):")
        print_summary(results, lambda found: fit([r for r in results if r is not found], below))
        print("the thresholds in confidence.py:")
        print_summary(results, lambda found: below)
    elif args.sweep:
        print_sweep(results, args.fact)
    else:
        print_summary(results, lambda found: below)
        for found in results:
            print(f"== {found.corpus}")
            print_corpus(found, below, args.verbose)
    if args.json:
        data = {}
        for found in results:
            f = figures(found, below)
            data[found.corpus] = {
                "review_below": dict(below),
                "recall": f.recall,
                "precision": f.precision,
                "doubts_per_meeting_record": f.per_record,
                "by_fact": {
                    unit: {"wrong": g.wrong, "flagged": g.flagged, "caught": g.caught}
                    for unit in UNITS
                    for g in (figures(found, below, unit),)
                },
            }
        args.json.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
