"""Fit the converter's weights on the corpora, and measure them on councils held out.

    python bench/fit_weights.py [CORPUS ...] [--write] [--no-end-to-end]

The header rules weigh each value they propose by the features they saw around it
(`header.PRIORS`: a date after "held on", with its weekday, in the title line …). This script
converts every paper of the corpora (default: every corpus in tests/), pairs each document's
opening with its hand-made truth, and for each fact (committee, date, time, venue) fits the
features' coefficients so that the heaviest proposal is the true value: a conditional logit
over each document's proposals, pulled towards the weights a person set (a Gaussian prior
around `header.PRIORS`), so a feature the corpora say nothing about keeps its old weight.

It prints, per fact, how often the heaviest proposal is right with the prior weights, with the
fitted weights on the documents they were fitted on (in sample), and leave-one-council-out:
each council's documents decided by weights fitted on every other council. Unless told not to,
it then scores the corpora end to end (`bench/fidelity.py`'s figures) the same three ways.
`--write` keeps the weights fitted on everything in `generator/minutes/papers/weights.json`,
which the converter reads.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "generator"))
sys.path.insert(0, str(REPO / "bench"))

import fidelity  # noqa: E402
from minutes.papers import evidence  # noqa: E402
from minutes.papers.convert import convert_with_roles  # noqa: E402
from minutes.papers.header import PRIORS, is_generic_body  # noqa: E402
from minutes.papers.readers import read_paper  # noqa: E402

CORPORA = ("tests/corpus", "tests/corpora/second", "tests/corpora/third", "tests/corpora/fourth", "tests/seeds")
FACTS = ("committee", "date", "time", "venue")
PRIOR_STRENGTH = 2.0
"""How hard the fit is pulled back to the prior: the weight of the Gaussian prior's penalty."""
STEPS = 400
RATE = 0.05


@dataclass(frozen=True, slots=True)
class Group:
    """One fact of one document: its proposals' features, and which of them are the true value."""

    council: str
    corpus: str
    fact: str
    options: tuple[tuple[tuple[str, ...], bool], ...]


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


def gather(corpus: Path) -> list[Group]:
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    by_paper: dict[str, list[dict]] = defaultdict(list)
    for entry in truth:
        by_paper[entry["paper"]].append(entry)
    groups = []
    for name, entries in sorted(by_paper.items()):
        council = next((t.get("council") for t in entries if t.get("council")), "") or name
        data = (corpus / "papers" / name).read_bytes()
        conversion = convert_with_roles(read_paper(data, name), name, council=council)
        records = [d.record.to_mapping() for d in conversion.documents]
        for truth_entry, record in fidelity.pair_documents(entries, records):
            if record is None:
                continue
            opening = conversion.openings[records.index(record)]
            for fact in FACTS:
                options = tuple(
                    (p.features, _right(fact, p.value, truth_entry)) for f, p in opening.proposals if f == fact
                )
                if options and any(right for _, right in options):
                    groups.append(Group(council, corpus.as_posix(), fact, options))
    return groups


# --- the model -------------------------------------------------------------------------------


def _score(theta: dict[str, float], features: tuple[str, ...]) -> float:
    return sum(theta.get(f, 0.0) for f in features)


def fit(groups: list[Group], fact: str) -> dict[str, float]:
    """Coefficients that make the true proposals the heaviest: gradient ascent on the conditional
    log-likelihood, with a Gaussian prior around the weights a person set."""
    prior = PRIORS[fact]
    theta = dict(prior)
    mine = [g for g in groups if g.fact == fact]
    for _ in range(STEPS):
        grad = {f: -PRIOR_STRENGTH * (theta[f] - prior[f]) for f in theta}
        for group in mine:
            scores = [_score(theta, feats) for feats, _ in group.options]
            top = max(scores)
            weights = [math.exp(s - top) for s in scores]
            total = sum(weights)
            right_total = sum(w for w, (_, right) in zip(weights, group.options, strict=True) if right)
            for w, (feats, right) in zip(weights, group.options, strict=True):
                # d log(sum_right / sum_all) / d score_i
                g = (w / right_total if right else 0.0) - w / total
                for f in feats:
                    if f in grad:
                        grad[f] += g
        for f in theta:
            theta[f] += RATE * grad[f]
    return {f: round(v, 3) for f, v in sorted(theta.items())}


def decided_right(groups: list[Group], theta: dict[str, float]) -> tuple[int, int]:
    """How many groups' heaviest proposal (the first of equals, as the converter breaks ties) is right."""
    right = 0
    for group in groups:
        scores = [_score(theta, feats) for feats, _ in group.options]
        best = max(range(len(scores)), key=lambda n: (scores[n], -n))
        right += group.options[best][1]
    return right, len(groups)


# --- reporting --------------------------------------------------------------------------------


def _share(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right}/{total} ({right / total:.1%})" if total else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=[REPO / c for c in CORPORA])
    parser.add_argument("--write", action="store_true", help="keep the weights fitted on everything")
    parser.add_argument("--no-end-to-end", action="store_true", help="skip scoring the corpora end to end")
    args = parser.parse_args()

    groups: list[Group] = []
    with evidence.using_weights(evidence.Weights()):
        for corpus in args.corpora:
            groups += gather(corpus)
    councils = sorted({g.council for g in groups})
    print(f"{len(groups)} decisions from {len(councils)} councils in {len(args.corpora)} corpora")

    fitted = {fact: fit(groups, fact) for fact in FACTS}
    held_out: dict[str, dict[str, dict[str, float]]] = {}
    for council in councils:
        others = [g for g in groups if g.council != council]
        held_out[council] = {fact: fit(others, fact) for fact in FACTS}

    print(f"\n{'fact':<10} {'prior weights':>22} {'fitted, in sample':>22} {'leave one council out':>24}")
    for fact in FACTS:
        mine = [g for g in groups if g.fact == fact]
        loco = [0, 0]
        for council in councils:
            right, total = decided_right([g for g in mine if g.council == council], held_out[council][fact])
            loco[0] += right
            loco[1] += total
        print(
            f"{fact:<10} {_share(decided_right(mine, PRIORS[fact])):>22} {_share(decided_right(mine, fitted[fact])):>22}"
            f" {_share((loco[0], loco[1])):>24}"
        )

    print("\nfitted coefficients (prior -> fitted):")
    for fact in FACTS:
        moved = [
            f"{f} {PRIORS[fact][f]:+.2f}->{v:+.2f}" for f, v in fitted[fact].items() if abs(v - PRIORS[fact][f]) >= 0.05
        ]
        print(f"  {fact}: " + (", ".join(moved) or "unchanged"))

    if not args.no_end_to_end:
        _end_to_end(args.corpora, fitted, held_out)

    if args.write:
        out = REPO / "generator" / "minutes" / "papers" / "weights.json"
        data = {
            "about": "Fitted by bench/fit_weights.py on " + ", ".join(c.as_posix() for c in _relative(args.corpora)),
            "models": fitted,
            "rules": {},
        }
        out.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {out.relative_to(REPO)}")
    return 0


def _relative(paths: list[Path]) -> list[Path]:
    return [p.resolve().relative_to(REPO) if p.resolve().is_relative_to(REPO) else p for p in paths]


def _end_to_end(corpora: list[Path], fitted: dict, held_out: dict) -> None:
    """Each corpus scored as bench/fidelity.py scores it, with prior, fitted and held-out weights."""
    print(f"\n{'corpus':<26} {'prior':>8} {'fitted':>8} {'held out':>9}")
    for corpus in corpora:
        truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
        by_paper: dict[str, list[dict]] = defaultdict(list)
        for entry in truth:
            by_paper[entry["paper"]].append(entry)
        figures = {"prior": [], "fitted": [], "held out": []}
        for name, entries in sorted(by_paper.items()):
            council = next((t.get("council") for t in entries if t.get("council")), "") or name
            paper = corpus / "papers" / name
            with evidence.using_weights(evidence.Weights()):
                figures["prior"].append(fidelity.score_paper(paper, entries).score)
            with evidence.using_weights(evidence.Weights(models=fitted)):
                figures["fitted"].append(fidelity.score_paper(paper, entries).score)
            with evidence.using_weights(evidence.Weights(models=held_out.get(council, fitted))):
                figures["held out"].append(fidelity.score_paper(paper, entries).score)
        cells = " ".join(f"{statistics.fmean(v):8.1%}" for v in figures.values())
        print(f"{_relative([corpus])[0].as_posix():<26} {cells}")


if __name__ == "__main__":
    sys.exit(main())
