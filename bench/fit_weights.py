"""Fit the converter's weights on the corpora, and measure them on councils held out.

    python bench/fit_weights.py [CORPUS ...] [--write] [--no-end-to-end]

This script converts every paper of the corpora (default: every corpus in tests/), pairs each
document with its hand-made truth, and fits what the converter weighs (`weight_models.py`):

- the header facts (committee, date, time, venue): each rule weighs the value it proposes by the
  features it saw around it (`header.PRIORS`: a date after "held on", with its weekday …); the
  coefficients are fitted so that the heaviest proposal is the true value;
- the item headings (`items.chain`): each numbering scheme's rising chain of candidate headings
  is scored by the styles its headings are set in (`headings.STYLE_PRIORS`) and whether it starts
  at one; the coefficients are fitted so that the chain the truth's items follow scores most;
- the decision and attendance rules (`decisions.*`, `attendance.*`, by id): each rule's weight
  is the share of the facts it read that the truth bears out, smoothed towards the weight its
  module states. A decision is right where its item records no more decisions than the truth
  counts (an item with too many shares the blame among its decisions); an attendance rule is
  credited with the names of the lists of the documents it read (shared among the rules that
  read them). The converter takes a decision read by a rule weighing less than
  `decisions.STRONG` as one to check (`confidence.py`).

It prints, per fact, how the prior weights, the weights fitted on everything (in sample) and
leave-one-council-out weights (each council decided by weights fitted on every other council) do:
the share of choices right for the choice models, the Brier error (lower is better) for the
rules' weights. A fitted model or rule weight is kept only where leave-one-council-out is not
worse than the prior; otherwise the prior stays. Unless told not to, it then scores the corpora
end to end (`bench/fidelity.py`'s figures) the same three ways. `--write` keeps the kept weights
in `generator/minutes/papers/weights.json`, which the converter reads.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "generator"))
sys.path.insert(0, str(REPO / "bench"))

import fidelity  # noqa: E402
from minutes.papers import evidence, headings  # noqa: E402
from minutes.papers.convert import Conversion, convert_with_roles  # noqa: E402
from minutes.papers.evidence import REGISTRY, Weights  # noqa: E402
from minutes.papers.extract import Found  # noqa: E402
from minutes.papers.header import PRIORS, is_generic_body  # noqa: E402
from minutes.papers.readers import read_paper  # noqa: E402
from weight_models import (  # noqa: E402
    Group,
    RuleFit,
    Tally,
    decided_right,
    fit_choice,
    loco_choice,
    loco_precisions,
    rule_fits,
)

CORPORA = ("tests/corpus", "tests/corpora/second", "tests/corpora/third", "tests/corpora/fourth", "tests/seeds")
HEADER_FACTS = ("committee", "date", "time", "venue")
CHAIN = headings.CHAIN_MODEL
CHOICE_PRIORS: dict[str, dict[str, float]] = {
    **{fact: dict(PRIORS[fact]) for fact in HEADER_FACTS},
    CHAIN: {**headings.STYLE_PRIORS, headings.STARTS_AT_ONE: headings.START_PRIOR},
}
"""Per choice model, the coefficients a person set: where the fit starts and what it is pulled back to."""
RULE_FAMILIES = ("decisions.", "attendance.")


def rule_priors() -> dict[str, float]:
    """The weight each fitted family's rule states in its module, by id (a rule added later is fitted too)."""
    return {rule_id: r.weight for rule_id, r in sorted(REGISTRY.items()) if rule_id.startswith(RULE_FAMILIES)}


@dataclass
class Gathered:
    """What the corpora show: the choices the converter made, and the facts each rule read."""

    groups: list[Group] = field(default_factory=list)
    tallies: list[Tally] = field(default_factory=list)


# --- gathering -----------------------------------------------------------------------------


def _right(fact: str, value: object, truth: dict) -> bool:
    want = truth.get(fact)
    if not want:
        return False
    if fact == "committee":
        if is_generic_body(str(value)) and truth.get("council"):
            value = truth["council"]  # the converter files "Parish Council" under the site's council
        return fidelity.norm_committee(str(value)) == fidelity.norm_committee(want)
    if fact == "venue":
        return fidelity.dice(str(value), want) >= 0.8
    return str(value) == str(want)


def gather(corpus: Path) -> Gathered:
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    by_paper: dict[str, list[dict]] = defaultdict(list)
    for entry in truth:
        by_paper[entry["paper"]].append(entry)
    out = Gathered()
    for name, entries in sorted(by_paper.items()):
        council = next((t.get("council") for t in entries if t.get("council")), "") or name
        data = (corpus / "papers" / name).read_bytes()
        conversion = convert_with_roles(read_paper(data, name), name, council=council)
        _gather_paper(conversion, entries, council, corpus.as_posix(), out)
    return out


def _gather_paper(conversion: Conversion, entries: list[dict], council: str, corpus: str, out: Gathered) -> None:
    records = [d.record.to_mapping() for d in conversion.documents]
    for truth_entry, record in fidelity.pair_documents(entries, records):
        if record is None:
            continue
        n = records.index(record)
        opening = conversion.openings[n]
        for fact in HEADER_FACTS:
            options = tuple(
                (dict(Counter(p.features)), _right(fact, p.value, truth_entry))
                for f, p in opening.proposals
                if f == fact
            )
            if options and any(right for _, right in options):
                out.groups.append(Group(council, corpus, fact, options))
        if n < len(conversion.readings):
            reading = conversion.readings[n]
            for group in (
                _chain_group(reading, truth_entry, council, corpus),
                _style_group(reading, truth_entry, council, corpus),
            ):
                if group:
                    out.groups.append(group)
            out.tallies += _decision_tallies(reading, truth_entry, record, council)
            out.tallies += _attendance_tallies(reading, truth_entry, record, council)


def _chain_group(reading: Found, truth: dict, council: str, corpus: str) -> Group | None:
    """The numbering schemes' rival chains of one document, each right when it matches as many of the
    truth's items as any does (and some): the choice `headings.choose_items` makes by `_chain_score`."""
    chains = sorted(headings.scheme_chains(reading.item_candidates).values(), key=lambda c: c[0].index)
    want = truth.get("items") or []
    matched = [
        len(fidelity.match_items(want, [{"number": c.number.rstrip("."), "title": c.title} for c in chain]))
        for chain in chains
    ]
    return _group(council, corpus, [(headings.chain_features(c), m) for c, m in zip(chains, matched, strict=True)])


def _style_group(reading: Found, truth: dict, council: str, corpus: str) -> Group | None:
    """The styles of a document's unnumbered headings, rival readings of its items, each right when it
    matches as many of the truth's items as any does (and some): the choice `headings._unnumbered_top`
    makes by how many headings a style has, times its weight."""
    styles = sorted(headings.unnumbered_styles(reading.item_candidates).values(), key=lambda g: g[0].index)
    want = truth.get("items") or []
    matched = [len(fidelity.match_items(want, [{"number": "", "title": c.title} for c in group])) for group in styles]
    return _group(
        council, corpus, [({group[0].style: float(len(group))}, m) for group, m in zip(styles, matched, strict=True)]
    )


def _group(council: str, corpus: str, scored: list[tuple[dict[str, float], int]]) -> Group | None:
    """A choice among options (features, how many truth items each matches): the best-matching ones are right."""
    most = max((m for _, m in scored), default=0)
    options = tuple((features, m == most) for features, m in scored)
    if most == 0 or all(right for _, right in options) or len(options) < 2:
        return None  # nothing to choose: one reading, none right, or all as good
    return Group(council, corpus, CHAIN, options)


def _decision_tallies(reading: Found, truth: dict, record: Mapping, council: str) -> list[Tally]:
    """Per rule, the decisions it read under the items the truth has too, and how many of them are
    within the count the truth records (an item with too many shares the excess among its decisions)."""
    if record.get("kind") != "minutes":
        return []
    out = []
    for want, have in fidelity.match_items(truth.get("items") or [], record.get("items") or []):
        decisions = reading.item_decisions.get(have.get("number") or have.get("anchor") or "", ())
        if not decisions:
            continue
        share = min(1.0, int(want.get("resolutions") or 0) / len(decisions))
        for rule_id, count in sorted(Counter(d.rule for d in decisions).items()):
            out.append(Tally(council, rule_id, count * share, float(count)))
    return out


def _attendance_tallies(reading: Found, truth: dict, record: Mapping, council: str) -> list[Tally]:
    """Per rule that read a block of the document, its share of the document's names (the chair and the
    present, apologies and in-attendance lists) and of those the truth lists under the same heading."""
    read = reading.attendance_read
    if read is None or not read.rules:
        return []
    attendance = record.get("attendance") or {}
    right = total = 0
    for role in ("present", "apologies", "in_attendance"):
        pool = [fidelity.norm_name(n) for n in truth.get(role) or []]
        for name in attendance.get(role) or []:
            total += 1
            if fidelity.norm_name(name) in pool:
                pool.remove(fidelity.norm_name(name))
                right += 1
    if attendance.get("chair"):
        total += 1
        right += fidelity.norm_name(attendance["chair"]) == fidelity.norm_name(truth.get("chair") or "")
    if not total:
        return []
    blocks = Counter(read.rules)
    return [
        Tally(council, rule_id, right * count / len(read.rules), total * count / len(read.rules))
        for rule_id, count in sorted(blocks.items())
    ]


# --- fitting -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChoiceFit:
    """One choice model: its coefficients fitted on everything and per held-out council, and how each
    way decided the corpora's groups."""

    name: str
    fitted: dict[str, float]
    held_out: dict[str, dict[str, float]]
    prior_right: tuple[int, int]
    fitted_right: tuple[int, int]
    held_out_right: tuple[int, int]
    councils: int
    """How many councils' papers offered a choice."""

    @property
    def accepted(self) -> bool:
        """Whether weights fitted without a council decided its groups at least as well as the prior (with
        choices in one council's papers only, none was decided by weights fitted elsewhere: the prior stays)."""
        return self.councils >= 2 and self.held_out_right[0] >= self.prior_right[0]


def fit_choices(groups: Sequence[Group]) -> list[ChoiceFit]:
    out = []
    for name, prior in CHOICE_PRIORS.items():
        mine = [g for g in groups if g.fact == name]
        held_right, held_out = loco_choice(mine, prior)
        fitted = fit_choice(mine, prior)
        out.append(
            ChoiceFit(
                name,
                fitted,
                held_out,
                decided_right(mine, prior),
                decided_right(mine, fitted),
                held_right,
                len({g.council for g in mine}),
            )
        )
    return out


def weights_for(
    choices: Sequence[ChoiceFit], rules: Sequence[RuleFit], council: str | None = None, held: Mapping | None = None
) -> Weights:
    """The weights kept (only those that held out at least as well as their prior): fitted on everything,
    or with `council`, fitted on every other council."""
    models = {}
    for choice in choices:
        if choice.accepted:
            models[choice.name] = choice.fitted if council is None else choice.held_out.get(council, choice.fitted)
    kept = {}
    for r in rules:
        if r.accepted:
            kept[r.rule] = r.fitted if council is None or held is None else held.get(council, {}).get(r.rule, r.prior)
    return Weights(kept, models)


# --- reporting --------------------------------------------------------------------------------


def _share(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right}/{total} ({right / total:.1%})" if total else "-"


def _error(error: float, count: float) -> str:
    return f"{error / count:.3f} of {count:.0f}" if count else "-"


def print_table(choices: Sequence[ChoiceFit], rules: Sequence[RuleFit]) -> None:
    print(f"\n{'fact':<18} {'prior weights':>20} {'fitted, in sample':>20} {'leave one council out':>22}  kept")
    for c in choices:
        kept = "fitted" if c.accepted else "prior (one council)" if c.councils < 2 else "prior (held out worse)"
        print(
            f"{c.name:<18} {_share(c.prior_right):>20} {_share(c.fitted_right):>20} {_share(c.held_out_right):>22}"
            f"  {kept}"
        )
    for family in RULE_FAMILIES:
        mine = [r for r in rules if r.rule.startswith(family)]
        facts = sum(r.facts for r in mine)
        kept = sum(r.accepted for r in mine)
        print(
            f"{family + '* (Brier)':<18} {_error(sum(r.prior_error for r in mine), facts):>20}"
            f" {_error(sum(r.fitted_error for r in mine), facts):>20}"
            f" {_error(sum(r.held_out_error if r.accepted else r.prior_error for r in mine), facts):>22}"
            f"  fitted for {kept} of {len(mine)} rules"
        )
    print("  (choices: share decided right, higher is better; rules: Brier error of the weight read as the chance")
    print("   a fact it read is right, lower is better; held out counts the prior where the fit is not kept)")
    print("\nchoice coefficients (prior -> fitted):")
    for c in choices:
        prior = CHOICE_PRIORS[c.name]
        moved = [f"{f} {prior[f]:+.2f}->{v:+.2f}" for f, v in c.fitted.items() if abs(v - prior[f]) >= 0.05]
        print(f"  {c.name}: " + (", ".join(moved) or "unchanged") + ("" if c.accepted else "  [not kept]"))
    print("\nrule weights (prior -> fitted, facts read; Brier prior / in sample / held out):")
    for r in rules:
        print(
            f"  {r.rule:<36} {r.prior:.2f} -> {r.fitted:.2f}  {r.facts:6.1f}"
            f"   {r.prior_error / r.facts:.3f} / {r.fitted_error / r.facts:.3f} / {r.held_out_error / r.facts:.3f}"
            + (
                ""
                if r.accepted
                else "  [prior kept: one council]"
                if r.councils < 2
                else "  [prior kept: held out worse]"
            )
        )


def end_to_end(corpora: list[Path], choices: Sequence[ChoiceFit], rules: Sequence[RuleFit], held: Mapping) -> None:
    """Each corpus scored as bench/fidelity.py scores it, with prior, fitted and held-out weights."""
    print(f"\n{'corpus':<26} {'prior':>8} {'fitted':>8} {'held out':>9}")
    for corpus in corpora:
        truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
        by_paper: dict[str, list[dict]] = defaultdict(list)
        for entry in truth:
            by_paper[entry["paper"]].append(entry)
        figures: dict[str, list[float]] = {"prior": [], "fitted": [], "held out": []}
        for name, entries in sorted(by_paper.items()):
            council = next((t.get("council") for t in entries if t.get("council")), "") or name
            paper = corpus / "papers" / name
            ways = {
                "prior": Weights(),
                "fitted": weights_for(choices, rules),
                "held out": weights_for(choices, rules, council, held),
            }
            for way, weights in ways.items():
                with evidence.using_weights(weights):
                    figures[way].append(fidelity.score_paper(paper, entries).score)
        cells = " ".join(f"{statistics.fmean(v):8.1%}" for v in figures.values())
        print(f"{_relative([corpus])[0].as_posix():<26} {cells}")


def _relative(paths: list[Path]) -> list[Path]:
    return [p.resolve().relative_to(REPO) if p.resolve().is_relative_to(REPO) else p for p in paths]


def write(corpora: list[Path], choices: Sequence[ChoiceFit], rules: Sequence[RuleFit]) -> Path:
    out = REPO / "generator" / "minutes" / "papers" / "weights.json"
    kept = weights_for(choices, rules)
    data = {
        "about": "Fitted by bench/fit_weights.py (make fit) on "
        + ", ".join(c.as_posix() for c in _relative(corpora))
        + "; only what held out at least as well as its prior is kept",
        "models": {name: dict(v) for name, v in sorted(kept.models.items())},
        "rules": dict(sorted(kept.rules.items())),
    }
    out.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=[REPO / c for c in CORPORA])
    parser.add_argument("--write", action="store_true", help="keep the weights fitted on everything")
    parser.add_argument("--no-end-to-end", action="store_true", help="skip scoring the corpora end to end")
    args = parser.parse_args()

    gathered = Gathered()
    with evidence.using_weights(Weights()):
        for corpus in args.corpora:
            found = gather(corpus)
            gathered.groups += found.groups
            gathered.tallies += found.tallies
    councils = {g.council for g in gathered.groups} | {t.council for t in gathered.tallies}
    print(
        f"{len(gathered.groups)} choices and {len(gathered.tallies)} rule tallies from {len(councils)} councils"
        f" in {len(args.corpora)} corpora"
    )
    choices = fit_choices(gathered.groups)
    priors = rule_priors()
    rules = rule_fits(gathered.tallies, priors)
    print_table(choices, rules)
    if not args.no_end_to_end:
        end_to_end(args.corpora, choices, rules, loco_precisions(gathered.tallies, priors))
    if args.write:
        print(f"\nwrote {write(args.corpora, choices, rules).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
