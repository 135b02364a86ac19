"""How faithfully the converter reads real papers: records scored against hand-made truth.

    python bench/fidelity.py CORPUS_DIR [--verbose] [--json FILE] [--baseline REV]

CORPUS_DIR holds `papers/` (the papers as published) and `truth.json` (one entry per
meeting document a paper holds: kind, committee, council, date, time, venue, chair,
present, apologies, in_attendance, items with number, title and resolution count,
next_meeting; see the corpus README for its conventions). Each paper is converted on
its own in a fresh site whose `site.yaml` names the paper's council, as the council's
own site would, and its agenda and minutes records are scored:

- meetings: F1 of (kind, committee, date) between the paper's records and its truth
  entries, so a missed meeting and an invented one both cost;
- date, time, chair: exact (a value where the truth has none is wrong);
- venue: Dice similarity of the normalised words;
- present, apologies: F1 of names compared without titles (Councillor, Cllr, Mrs …),
  case, dots and parenthesised notes;
- items: F1 of items found (number and title: numbers equal after dropping a trailing
  dot and spaces, titles at least 80 % alike);
- resolutions: share of the items found whose resolution count is right.

A document's score is the mean of those eight figures (resolutions left out when neither
side has items); a paper's score is the mean over its documents; the overall figure is
the mean over papers. `in_attendance` and `next_meeting` are shown but not scored.
The last line printed is the overall figure.

With `--ablate` every rule of the converter's registry is switched off in turn, the corpora
scored again, and each rule's worth printed: the change of each corpus's figure and the
number of papers whose score it changes.

With `--baseline REV` the same corpus is scored, in the same run, by the converter as it
was at git revision REV (its `minutes` package exported to a temporary folder), and the
two overall figures are printed with their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import traceback
import unicodedata
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# `--baseline` runs this script again over an older tree of the package, named here.
sys.path.insert(0, os.environ.get("MINUTES_FIDELITY_SOURCE") or str(REPO / "generator"))

import yaml  # noqa: E402

sys.path.insert(0, str(REPO / "bench"))
import revision as revision_tree  # noqa: E402
from minutes.core.config import load_config  # noqa: E402
from minutes.papers import convert_papers, evidence  # noqa: E402
from minutes.records import frontmatter  # noqa: E402
from minutes.records.record import anchor_for  # noqa: E402

MEETING_KINDS = ("agenda", "minutes")
TITLE_MATCH = 0.8
_TITLES = re.compile(
    r"^(?:(?:councillors?|cllrs?|cr|crs|mayor pro tem(?:pore)?|vice[ -]mayor|mayor|deputy mayor|commissioners?|supervisors?|clerk|treasurer|"
    r"mr|mrs|ms|miss|mx|dr|prof|professor|rev|revd|reverend|sir|dame|lady|lord|his worship|her worship|"
    r"the|alderman|aldermen|county councillor|district councillor|parish councillor|ward councillor|borough councillor|"
    r"(?:county|district|borough|town|parish|ward) cllrs?|trustees?|council ?members?|(?:deputy )?reeve|"
    r"board members?|(?:alternate )?directors?|selectm[ae]n|selectwoman|selectperson|alderperson|(?:vice[ -])?president|(?:vice[ -])?chair(?:man|woman|person)?)\.?\s+)+",
    re.IGNORECASE,
)


# --- normalising -----------------------------------------------------------------------


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip()


def norm_name(name: str) -> str:
    """A person's name without titles, notes, dots or case: "Cllr P. Batty (Chairman)" -> "p batty"."""
    name = re.sub(r"\([^)]*\)", " ", _fold(name))
    name = name.split(",")[0]
    name = _TITLES.sub("", name.strip())
    name = re.sub(r"[.\s]+", " ", name)
    return name.strip(" -").lower()


def norm_words(text: str) -> list[str]:
    text = _fold(text).lower().replace("&", " and ")
    words = re.findall(r"[a-z0-9']+", text)
    while words and words[0] == "the":
        words = words[1:]
    return words


def norm_committee(name: str) -> str:
    words = [w for w in norm_words(name) if w != "the"]
    while words and words[-1] in ("meeting", "minutes"):
        words.pop()
    return " ".join(words)


def norm_title(title: str) -> str:
    text = _fold(title)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("**", "").replace("\\", "")
    text = re.sub(r"[\s:;,.–-]+$", "", text)
    return text.lower()


def norm_number(number: str | None) -> str:
    return re.sub(r"\s+", "", (number or "")).rstrip(".").lower()


# --- scoring -----------------------------------------------------------------------------


def f1(found: int, expected: int, produced: int) -> float:
    if expected == 0 and produced == 0:
        return 1.0
    return 2 * found / (expected + produced) if expected + produced else 0.0


def name_f1(expected: list[str], produced: list[str]) -> float:
    want = [norm_name(n) for n in expected if norm_name(n)]
    have = [norm_name(n) for n in produced if norm_name(n)]
    pool = list(have)
    found = 0
    for name in want:
        if name in pool:
            pool.remove(name)
            found += 1
    return f1(found, len(want), len(have))


def dice(a: str | None, b: str | None) -> float:
    wa, wb = norm_words(a or ""), norm_words(b or "")
    if not wa and not wb:
        return 1.0
    if not wa or not wb:
        return 0.0
    common = 0
    pool = list(wb)
    for word in wa:
        if word in pool:
            pool.remove(word)
            common += 1
    return 2 * common / (len(wa) + len(wb))


def match_items(expected: list[dict], produced: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs (truth item, record item) in order: same number, titles alike."""
    pairs = []
    used: set[int] = set()
    for want in expected:
        for n, have in enumerate(produced):
            if n in used:
                continue
            if norm_number(want.get("number")) != norm_number(have.get("number")):
                continue
            ratio = SequenceMatcher(None, norm_title(want.get("title", "")), norm_title(have.get("title", ""))).ratio()
            if ratio >= TITLE_MATCH:
                pairs.append((want, have))
                used.add(n)
                break
    return pairs


@dataclass
class DocumentScore:
    truth: dict
    record: dict | None
    parts: dict[str, float] = field(default_factory=dict)
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def score(self) -> float:
        return statistics.fmean(self.parts.values())


def score_document(truth: dict, record: dict | None, meetings: float) -> DocumentScore:
    result = DocumentScore(truth, record)
    rec = record or {}
    att = rec.get("attendance") or {}
    parts = result.parts
    parts["meetings"] = meetings
    parts["date"] = float((truth.get("date") or "") == str(rec.get("date") or ""))
    parts["time"] = float((truth.get("time") or "") == str(rec.get("time") or ""))
    parts["venue"] = dice(truth.get("venue"), rec.get("venue"))
    parts["chair"] = float(norm_name(truth.get("chair") or "") == norm_name(att.get("chair") or ""))
    parts["present"] = name_f1(truth.get("present") or [], att.get("present") or [])
    parts["apologies"] = name_f1(truth.get("apologies") or [], att.get("apologies") or [])
    want_items = truth.get("items") or []
    have_items = rec.get("items") or []
    pairs = match_items(want_items, have_items)
    parts["items"] = f1(len(pairs), len(want_items), len(have_items))
    if want_items or have_items:
        right = sum(
            1 for want, have in pairs if int(want.get("resolutions") or 0) == len(have.get("resolutions") or [])
        )
        parts["resolutions"] = right / len(pairs) if pairs else 0.0
    result.extra["in_attendance"] = name_f1(truth.get("in_attendance") or [], att.get("in_attendance") or [])
    next_meeting = (rec.get("next_meeting") or {}).get("date") or ""
    result.extra["next_meeting"] = float((truth.get("next_meeting") or "") == str(next_meeting))
    return result


def meeting_key(kind: str, committee: str, date: str | None) -> tuple[str, str, str]:
    return kind, norm_committee(committee or ""), str(date or "")


def pair_documents(truths: list[dict], records: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each truth entry with the record that best matches it (kind first, then date, committee, items)."""
    candidates = [r for r in records if r.get("kind") in MEETING_KINDS]
    pairs = []
    used: set[int] = set()
    for truth in truths:
        best, best_score = None, -1.0
        for n, record in enumerate(candidates):
            if n in used or record.get("kind") != truth["kind"]:
                continue
            closeness = (
                2.0 * (str(record.get("date") or "") == (truth.get("date") or ""))
                + 1.0 * (norm_committee(record.get("committee", "")) == norm_committee(truth.get("committee", "")))
                + f1(
                    len(match_items(truth.get("items") or [], record.get("items") or [])),
                    len(truth.get("items") or []),
                    len(record.get("items") or []),
                )
            )
            if closeness > best_score:
                best, best_score = n, closeness
        if best is not None:
            used.add(best)
            pairs.append((truth, candidates[best]))
        else:
            pairs.append((truth, None))
    return pairs


# --- converting ---------------------------------------------------------------------------


@dataclass
class PaperResult:
    paper: str
    documents: list[DocumentScore]
    records: list[dict]
    warnings: int
    crashed: str = ""

    @property
    def score(self) -> float:
        return statistics.fmean(d.score for d in self.documents) if self.documents else 0.0

    @property
    def unsorted(self) -> int:
        return sum(
            1 for r in self.records if (r.get("committee") or "").lower() == "unsorted papers" or not r.get("date")
        )


def convert_one(paper: Path, council: str) -> tuple[list[dict], int]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        site = {"title": "Fidelity", "council": council} if council else {"title": "Fidelity"}
        (root / "site.yaml").write_text(yaml.safe_dump(site), encoding="utf-8")
        papers = root / "content" / "papers"
        papers.mkdir(parents=True)
        (papers / paper.name).write_bytes(paper.read_bytes())
        report = convert_papers(load_config(root))
        records = []
        for path in sorted(report.written):
            data = frontmatter.split(path.read_text(encoding="utf-8")).data
            records.append(data)
        warnings = sum(1 for p in report.problems if p.severity == "warning")
        return records, warnings


def score_paper(paper: Path, truths: list[dict]) -> PaperResult:
    council = next((t.get("council") for t in truths if t.get("council")), "")
    try:
        records, warnings = convert_one(paper, council)
    except Exception:
        crash = traceback.format_exc(limit=3).strip().splitlines()[-1]
        return PaperResult(paper.name, [score_document(t, None, 0.0) for t in truths], [], 0, crash)
    return score_records(paper.name, truths, records, warnings)


def score_records(name: str, truths: list[dict], records: list[dict], warnings: int) -> PaperResult:
    """A paper's score from the records made of it."""
    meetings_made = [r for r in records if r.get("kind") in MEETING_KINDS]
    want = [meeting_key(t["kind"], t.get("committee", ""), t.get("date")) for t in truths]
    have = [meeting_key(r.get("kind", ""), r.get("committee", ""), r.get("date")) for r in meetings_made]
    pool = list(have)
    found = []
    for key in want:
        if key in pool:
            pool.remove(key)
            found.append(key)
    meetings = f1(len(found), len(want), len(have))
    documents = [score_document(t, r, meetings) for t, r in pair_documents(truths, records)]
    return PaperResult(name, documents, records, warnings)


# --- a council's papers as one site, and taught by corrections -------------------------------


def by_council(truth: list[dict]) -> dict[str, dict[str, list[dict]]]:
    """Truth entries by council, then by paper (papers in name order)."""
    out: dict[str, dict[str, list[dict]]] = {}
    for entry in truth:
        council = entry.get("council") or entry["paper"]
        out.setdefault(council, {}).setdefault(entry["paper"], []).append(entry)
    return {c: dict(sorted(papers.items())) for c, papers in sorted(out.items())}


UNTAUGHT: list[PaperResult] = []
TAUGHT: Counter[str] = Counter()
"""With --teach: how many lessons of each kind the corrections taught, and how many untaught records changed."""
LESSON_KINDS = (
    ("body", "the body "),
    ("venue", "meetings are held"),
    ("items", "items are numbered"),
    ("items", "is an item"),
    ("items", "is titled by"),
    ("items", "only group"),
    ("labels", "are listed under"),
    ("chair", "the chair is named"),
    ("roles", "is a member present"),
    ("roster", "attend and are not members"),
    ("header", "the header ("),
    ("cue", "is printed after"),
)
"""With --teach: the scored papers as they were read before any record was corrected (same run)."""


def run_by_council(corpus: Path, teach: int = 0) -> list[PaperResult]:
    """Each council's papers converted together in one site, as a user converts an archive; with
    `teach`, the first `teach` papers of each council corrected from the truth (as a person edits
    the record files), the archive converted again, and only the other papers scored."""
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    results: list[PaperResult] = []
    for council, papers in by_council(truth).items():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            site = {"title": "Fidelity", "council": council} if council not in papers else {"title": "Fidelity"}
            (root / "site.yaml").write_text(yaml.safe_dump(site), encoding="utf-8")
            folder = root / "content" / "papers"
            folder.mkdir(parents=True)
            for name in papers:
                (folder / name).write_bytes((corpus / "papers" / name).read_bytes())
            try:
                report = convert_papers(load_config(root))
                taught = list(papers)[:teach] if len(papers) > teach else []
                if taught:
                    records = _records_by_paper(root)
                    for name, entries in papers.items():
                        if name not in taught:
                            docs = [data for _, data in records.get(name, [])]
                            UNTAUGHT.append(score_records(name, entries, docs, 0))
                    for name in taught:
                        REPLAYED_BEFORE.append(
                            score_records(name, papers[name], [d for _, d in records.get(name, [])], 0)
                        )
                        correct_records(records.get(name, []), papers[name])
                    report = convert_papers(load_config(root))
                    _count_lessons(report.learned, records, _records_by_paper(root), taught)
                    _replay(root, {name: papers[name] for name in taught})
                records = _records_by_paper(root)
            except Exception:
                crash = traceback.format_exc(limit=3).strip().splitlines()[-1]
                results += [
                    PaperResult(name, [score_document(t, None, 0.0) for t in entries], [], 0, crash)
                    for name, entries in papers.items()
                    if name not in taught
                ]
                continue
            warnings = Counter(
                Path(str(p.path)).name for p in report.problems if p.severity == "warning" and p.path is not None
            )
            for name, entries in papers.items():
                if name in taught:
                    continue
                docs = [data for _, data in records.get(name, [])]
                results.append(score_records(name, entries, docs, warnings.get(name, 0)))
    return results


REPLAYED: list[PaperResult] = []
"""With --teach: the taught papers converted afresh in a new site holding only the style their correction taught."""
REPLAYED_BEFORE: list[PaperResult] = []
"""The same papers as first read, before their records were corrected."""


def _replay(root: Path, taught: dict[str, list[dict]]) -> None:
    """Convert the taught papers again in a site of their own with the house style the correction left: how
    much of the correction its lessons carry (a paper read after them, in the archive's style)."""
    with tempfile.TemporaryDirectory() as tmp:
        again = Path(tmp)
        shutil.copy(root / "site.yaml", again / "site.yaml")
        folder = again / "content" / "papers"
        folder.mkdir(parents=True)
        shutil.copy(root / "content" / "house-style.yaml", again / "content" / "house-style.yaml")
        for name in taught:
            shutil.copy(root / "content" / "papers" / name, folder / name)
        convert_papers(load_config(again))
        records = _records_by_paper(again)
        for name, entries in taught.items():
            REPLAYED.append(score_records(name, entries, [d for _, d in records.get(name, [])], 0))


def _count_lessons(
    said: Sequence[str],
    before: dict[str, list[tuple[Path, dict]]],
    after: dict[str, list[tuple[Path, dict]]],
    taught: Sequence[str],
) -> None:
    """Add to TAUGHT the kinds of what a re-run said it learned, and how many untaught papers' records changed
    (totals only: a sealed archive's contents stay unread)."""
    for line in said:
        TAUGHT[next((kind for kind, words in LESSON_KINDS if words in line), "other")] += 1
    for name, entries in before.items():
        if name in taught:
            continue
        TAUGHT["papers"] += 1
        TAUGHT["papers changed"] += [d for _, d in entries] != [d for _, d in after.get(name, [])]
        for _, data in after.get(name, []):
            for entry in data.get("review") or []:
                if "house style" in str(entry.get("why") or entry.get("reason") or ""):
                    TAUGHT[f"withheld {entry.get('fact')}"] += 1


def _records_by_paper(root: Path) -> dict[str, list[tuple[Path, dict]]]:
    """Every record of the site, with its file, by the name of the paper it was converted from."""
    out: dict[str, list[tuple[Path, dict]]] = {}
    for path in sorted((root / "content" / "meetings").rglob("*.md")):
        data = frontmatter.split(path.read_text(encoding="utf-8")).data
        paper = Path(str((data.get("source") or {}).get("paper") or "")).name
        out.setdefault(paper, []).append((path, data))
    return out


def correct_records(records: list[tuple[Path, dict]], truths: list[dict]) -> None:
    """Edit a paper's records as a person would who corrects them from the paper: the facts of each
    meeting set right, a meeting record that is no meeting made a plain document. The bodies stay."""
    datas = [data for _, data in records]
    pairs = pair_documents(truths, datas)
    paired = {id(record): truth for truth, record in pairs if record is not None}
    # A meeting the converter did not read as one: a person turns the record it made of that paper into it.
    spare = [data for data in datas if id(data) not in paired]
    for truth, record in pairs:
        if record is None and spare:
            paired[id(spare.pop(0))] = truth
    for path, data in records:
        truth = paired.get(id(data))
        if truth is None:
            if data.get("kind") in MEETING_KINDS:
                data["kind"] = "document"
                _rewrite(path, data)
            continue
        data["kind"] = truth["kind"]
        data["committee"] = truth.get("committee") or data.get("committee")
        for key in ("date", "time", "venue"):
            if truth.get(key):
                data[key] = dt.date.fromisoformat(truth[key]) if key == "date" else truth[key]
            else:
                data.pop(key, None)
        attendance = {key: list(truth.get(key) or []) for key in ("present", "apologies", "in_attendance")}
        if truth.get("chair"):
            attendance["chair"] = truth["chair"]
        data["attendance"] = {k: v for k, v in attendance.items() if v}
        data["items"] = _corrected_items(truth.get("items") or [], data.get("items") or [])
        _rewrite(path, data)


def _corrected_items(want: list[dict], have: list[dict]) -> list[dict]:
    kept = {id(w): h for w, h in match_items(want, have)}
    items, anchors = [], set()
    for item in want:
        number, title = item.get("number") or "", item.get("title") or ""
        old = kept.get(id(item)) or {}
        anchor = old.get("anchor") or anchor_for(number or " ".join(title.split()[:8]))
        while anchor in anchors:
            anchor += "-x"
        anchors.add(anchor)
        entry = {"number": number, "title": title, "anchor": anchor}
        if old.get("resolutions"):
            entry["resolutions"] = old["resolutions"]
        items.append(entry)
    return items


def _rewrite(path: Path, data: dict) -> None:
    body = frontmatter.split(path.read_text(encoding="utf-8")).body
    path.write_text(frontmatter.join(data, body), encoding="utf-8")


# --- reporting ------------------------------------------------------------------------------

COLUMNS = ("meetings", "date", "time", "venue", "chair", "present", "apologies", "items", "resolutions")


def run(corpus: Path) -> list[PaperResult]:
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    by_paper: dict[str, list[dict]] = {}
    for entry in truth:
        by_paper.setdefault(entry["paper"], []).append(entry)
    return [score_paper(corpus / "papers" / name, entries) for name, entries in sorted(by_paper.items())]


def print_table(results: list[PaperResult], verbose: bool) -> None:
    header = f"{'paper':<44} " + " ".join(f"{c[:5]:>5}" for c in COLUMNS) + "  score  warn  unsorted"
    print(header)
    print("-" * len(header))
    for result in results:
        for doc in result.documents:
            name = (result.paper[:40] + " " + doc.truth["kind"][:1]).ljust(44)
            cells = " ".join(f"{doc.parts[c] * 100:5.0f}" if c in doc.parts else "    -" for c in COLUMNS)
            print(
                f"{name} {cells}  {doc.score * 100:5.1f}  {result.warnings:4d}  {result.unsorted:8d}"
                + (f"  CRASH {result.crashed}" if result.crashed else "")
            )
            if verbose:
                _explain(doc)
    print("-" * len(header))
    means = {c: statistics.fmean(d.parts[c] for r in results for d in r.documents if c in d.parts) for c in COLUMNS}
    print(f"{'mean over documents':<44} " + " ".join(f"{means[c] * 100:5.0f}" for c in COLUMNS))
    extra = {
        k: statistics.fmean(d.extra[k] for r in results for d in r.documents) for k in ("in_attendance", "next_meeting")
    }
    print("not scored: " + ", ".join(f"{k} {v * 100:.0f}%" for k, v in extra.items()))
    crashes = sum(1 for r in results if r.crashed)
    worst = min(results, key=lambda r: r.score)
    overall = statistics.fmean(r.score for r in results)
    print(
        f"papers {len(results)}, documents {sum(len(r.documents) for r in results)}, crashes {crashes}, "
        f"warnings {sum(r.warnings for r in results)}, unsorted or undated records {sum(r.unsorted for r in results)}, "
        f"lowest paper {worst.paper} {worst.score * 100:.1f}%"
    )
    print(
        f"fidelity {overall * 100:.1f}% over {len(results)} papers (lowest {worst.score * 100:.1f}%, crashes {crashes})"
    )


def _explain(doc: DocumentScore) -> None:
    truth, rec = doc.truth, doc.record or {}
    att = rec.get("attendance") or {}
    for key, have in (
        ("committee", rec.get("committee")),
        ("date", rec.get("date")),
        ("time", rec.get("time")),
        ("venue", rec.get("venue")),
        ("chair", att.get("chair")),
    ):
        want = truth.get(key)
        same = norm_name if key == "chair" else (lambda text: norm_words(str(text or "")))  # as each is scored
        if same(str(want or "")) != same(str(have or "")):
            print(f"      {key}: want {want!r} got {have!r}")
    for key in ("present", "apologies", "in_attendance"):
        want = sorted(norm_name(n) for n in truth.get(key) or [])
        have = sorted(norm_name(n) for n in att.get(key) or [])
        if want != have:
            print(f"      {key}: missing {sorted(set(want) - set(have))} extra {sorted(set(have) - set(want))}")
    want_items = truth.get("items") or []
    have_items = rec.get("items") or []
    pairs = match_items(want_items, have_items)
    matched_want = {id(w) for w, _ in pairs}
    matched_have = {id(h) for _, h in pairs}
    for item in want_items:
        if id(item) not in matched_want:
            print(f"      item missing: {item.get('number')!r} {item.get('title', '')[:70]!r}")
    for item in have_items:
        if id(item) not in matched_have:
            print(f"      item extra:   {item.get('number')!r} {item.get('title', '')[:70]!r}")
    for want, have in pairs:
        if int(want.get("resolutions") or 0) != len(have.get("resolutions") or []):
            print(
                f"      resolutions {want.get('number')!r}: want {want.get('resolutions')} got {len(have.get('resolutions') or [])}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="+", help="folder holding papers/ and truth.json")
    parser.add_argument("--verbose", "-v", action="store_true", help="show each difference from the truth")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON to this file")
    parser.add_argument(
        "--baseline", metavar="REV", help="also score the converter of this git revision, in the same run"
    )
    parser.add_argument(
        "--by-council",
        action="store_true",
        help="convert each council's papers together in one site, as a user converts an archive",
    )
    parser.add_argument(
        "--teach",
        type=int,
        default=0,
        metavar="N",
        help="with --by-council: correct the first N papers of each council from the truth, convert again, "
        "and score only the council's other papers",
    )
    parser.add_argument(
        "--ablate",
        action="store_true",
        help="score the corpora once per rule of the converter with that rule switched off, and print what each is worth",
    )
    args = parser.parse_args(argv)
    for corpus in args.corpus:
        if not (corpus / "truth.json").is_file():
            parser.error(f"{corpus}/truth.json not found")
    if args.ablate:
        return ablate(args.corpus)
    for corpus in args.corpus:
        if len(args.corpus) > 1:
            print(f"== {corpus}")
        _report(corpus, args)
    return 0


def _report(corpus: Path, args: argparse.Namespace) -> None:
    UNTAUGHT.clear()
    TAUGHT.clear()
    REPLAYED.clear()
    REPLAYED_BEFORE.clear()
    results = run_by_council(corpus, args.teach) if args.by_council or args.teach else run(corpus)
    print_table(results, args.verbose)
    if UNTAUGHT:
        before = statistics.fmean(r.score for r in UNTAUGHT)
        print(f"the same papers before any record was corrected: {before:.1%}")
        print("lessons taught: " + ", ".join(f"{k} {v}" for k, v in sorted(TAUGHT.items())))
    if REPLAYED:
        print(
            f"the taught papers read afresh with what they taught: {statistics.fmean(r.score for r in REPLAYED):.1%} "
            f"(as first read: {statistics.fmean(r.score for r in REPLAYED_BEFORE):.1%})"
        )
    if args.baseline:
        before = baseline_overall(corpus, args.baseline, _mode_args(args))
        after = statistics.fmean(r.score for r in results)
        ratio = f"{after / before:.2f}x" if before else "n/a"
        print(f"baseline {args.baseline}: {before:.1%}; this tree: {after:.1%}; ratio {ratio}")
    if args.json:
        data = {
            "overall": statistics.fmean(r.score for r in results),
            "papers": {
                r.paper: {
                    "score": r.score,
                    "crashed": r.crashed,
                    "warnings": r.warnings,
                    "documents": [d.parts for d in r.documents],
                }
                for r in results
            },
        }
        args.json.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# --- what each rule is worth -----------------------------------------------------------------


def _paper_scores(corpora: list[Path], off: tuple[str, ...]) -> dict[str, float]:
    """Every paper's score, by "corpus/paper", with the rules `off` switched off."""
    with evidence.disabled(off):
        return {f"{corpus}/{r.paper}": r.score for corpus in corpora for r in run(corpus)}


def _ablated(job: tuple[list[Path], str]) -> tuple[str, dict[str, float]]:
    corpora, rule_id = job
    return rule_id, _paper_scores(corpora, (rule_id,))


def ablate(corpora: list[Path]) -> int:
    """Per rule: the corpora's figures with that rule switched off, and how many papers it changes."""
    base = _paper_scores(corpora, ())
    rules = sorted(evidence.REGISTRY)
    jobs = [(corpora, rule_id) for rule_id in rules]
    # Not a multiprocessing.Pool: its workers are daemons, which may not start the process each paper is
    # converted in, so every paper crashed and every rule seemed to be worth the whole score.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(os.cpu_count() or 1, mp_context=context) as pool:
        results = dict(pool.map(_ablated, jobs))
    names = [c.as_posix() for c in corpora]
    width = max(len(r) for r in rules)
    print(
        f"{'rule (switched off)':<{width}} " + " ".join(f"{n[-12:]:>12}" for n in names) + "  papers changed  examples"
    )
    means = {n: statistics.fmean(v for k, v in base.items() if k.startswith(n + "/")) for n in names}
    print(f"{'(none)':<{width}} " + " ".join(f"{means[n] * 100:11.1f}%" for n in names))
    for rule_id in rules:
        scores = results[rule_id]
        cells = []
        for n in names:
            mean = statistics.fmean(v for k, v in scores.items() if k.startswith(n + "/"))
            cells.append(f"{(mean - means[n]) * 100:+11.1f} ")
        changed = sum(1 for k in base if abs(scores[k] - base[k]) > 1e-9)
        examples = len(evidence.REGISTRY[rule_id].examples)
        print(f"{rule_id:<{width}} " + " ".join(cells) + f" {changed:14d}  {examples:8d}")
    return 0


def _mode_args(args: argparse.Namespace) -> list[str]:
    return (["--by-council"] if args.by_council else []) + (["--teach", str(args.teach)] if args.teach else [])


def baseline_overall(corpus: Path, revision: str, mode: list[str] | None = None) -> float:
    """The overall figure of the converter at `revision`: its package exported from git, and this
    script run again with that package first on the path (the scoring stays this script's)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = revision_tree.export(revision, Path(tmp))
        out = Path(tmp) / "scores.json"
        env = {**os.environ, "MINUTES_FIDELITY_SOURCE": str(source)}
        subprocess.run(
            [sys.executable, __file__, str(corpus), "--json", str(out), *(mode or [])],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return float(json.loads(out.read_text(encoding="utf-8"))["overall"])


if __name__ == "__main__":
    sys.exit(main())
