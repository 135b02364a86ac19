"""Do the word counts that end a run-in heading matter? Each tried over a range on the corpora.

    python bench/run_in_grid.py [CORPUS ...]

`headings.run_in` splits a heading run into its item's text ("Welcome: The Chairman welcomed
…") by the shape of what follows the mark and by word counts (`headings.RunInLimits`). This
script converts every paper of the corpora once, keeping every line `run_in` was asked about;
then, for each limit in turn and each value in a range around today's (the others held), it
counts the lines whose split changes and scores the papers holding them again
(`bench/fidelity.py`'s figures). It prints, per limit, the best value on all councils (in
sample) and the change leave-one-council-out gives (each council's papers read with the value
best on every other council), so a limit is only moved where councils held out gain.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from dataclasses import fields, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "generator"))
sys.path.insert(0, str(REPO / "bench"))

import fidelity  # noqa: E402
from minutes.papers import headings  # noqa: E402
from minutes.papers.convert import convert_with_roles  # noqa: E402
from minutes.papers.readers import read_paper  # noqa: E402

CORPORA = ("tests/corpus", "tests/corpora/second", "tests/corpora/third", "tests/corpora/fourth", "tests/seeds")
SPREAD = 4
"""Values tried: today's, and up to this many either side (never below 1)."""

Paper = tuple[str, str, str]
"""(corpus, paper name, council)"""


def asked(corpora: list[Path]) -> tuple[dict[Paper, set[str]], dict[Paper, list[dict]]]:
    """Per paper, every text `run_in` was asked to split while converting it; and its truth entries."""
    texts: dict[Paper, set[str]] = defaultdict(set)
    truths: dict[Paper, list[dict]] = {}
    plain_run_in = headings.run_in
    current: list[Paper] = []

    def recording(text: str) -> tuple[str, str]:
        texts[current[-1]].add(text)
        return plain_run_in(text)

    headings.run_in = recording  # the module's callers look it up by name, so each call is seen
    try:
        for corpus in corpora:
            by_paper: dict[str, list[dict]] = defaultdict(list)
            for entry in json.loads((corpus / "truth.json").read_text(encoding="utf-8")):
                by_paper[entry["paper"]].append(entry)
            for name, entries in sorted(by_paper.items()):
                council = next((t.get("council") for t in entries if t.get("council")), "") or name
                paper = (corpus.as_posix(), name, council)
                truths[paper] = entries
                current.append(paper)
                convert_with_roles(read_paper((corpus / "papers" / name).read_bytes(), name), name, council=council)
    finally:
        headings.run_in = plain_run_in
    return texts, truths


def _split_with(limits: headings.RunInLimits, text: str) -> tuple[str, str]:
    before = headings.RUN_IN
    headings.RUN_IN = limits
    try:
        return headings.run_in(text)
    finally:
        headings.RUN_IN = before


def _score(paper: Paper, entries: list[dict], limits: headings.RunInLimits) -> float:
    before = headings.RUN_IN
    headings.RUN_IN = limits  # the conversion's workers are forked, so they read with these limits too
    try:
        return fidelity.score_paper(Path(paper[0]) / "papers" / paper[1], entries).score
    finally:
        headings.RUN_IN = before


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=[REPO / c for c in CORPORA])
    args = parser.parse_args()
    texts, truths = asked(args.corpora)
    today = headings.RUN_IN
    plain = {paper: {t: headings.run_in(t) for t in mine} for paper, mine in texts.items()}
    baseline: dict[Paper, float] = {}
    print(f"{sum(len(t) for t in texts.values())} run-in lines in {len(texts)} papers")
    print(
        f"\n{'limit':<26} {'today':>5} {'values':>7} {'lines changed':>14} {'papers':>7} {'best in sample':>15}"
        f" {'held out':>9}"
    )
    for limit in fields(headings.RunInLimits):
        now = getattr(today, limit.name)
        values = [v for v in range(max(1, now - SPREAD), now + SPREAD + 1) if v != now]
        # per value, per paper: the change of the paper's score (0 where no line splits otherwise)
        gains: dict[int, dict[Paper, float]] = {}
        changed_lines = []
        papers_hit: set[Paper] = set()
        for value in values:
            limits = replace(today, **{limit.name: value})
            hit = {p: sum(_split_with(limits, t) != plain[p][t] for t in mine) for p, mine in texts.items()}
            hit = {p: n for p, n in hit.items() if n}
            changed_lines.append(sum(hit.values()))
            papers_hit |= set(hit)
            gains[value] = {}
            for paper in hit:
                if paper not in baseline:
                    baseline[paper] = _score(paper, truths[paper], today)
                gains[value][paper] = _score(paper, truths[paper], limits) - baseline[paper]
        best, best_gain = _best(gains, set(truths))
        held_out = 0.0
        for council in sorted({p[2] for p in truths}):
            others = {p for p in truths if p[2] != council}
            value, _ = _best(gains, others)
            held_out += sum(g for p, g in gains.get(value, {}).items() if p[2] == council)
        span = f"{min(changed_lines)}-{max(changed_lines)}" if changed_lines else "0"
        best_text = f"{best} ({best_gain / len(truths):+.2%})" if best != 0 else "today's"
        print(
            f"{limit.name:<26} {now:>5} {values[0]:>3}-{values[-1]:<3} {span:>14} {len(papers_hit):>7}"
            f" {best_text:>15} {held_out / len(truths):>+9.2%}"
        )
    print("\n(score changes are of the mean paper's fidelity over all corpora; held out: each council read with the")
    print(" value best on the others, today's where none gains)")
    if baseline:
        print(f"papers scored again: {len(baseline)}; their mean today {statistics.fmean(baseline.values()):.1%}")
    return 0


def _best(gains: dict[int, dict[Paper, float]], papers: set[Paper]) -> tuple[int, float]:
    """The value whose papers among `papers` gain most in sum (0: today's, when none gains)."""
    best, best_gain = 0, 0.0
    for value, by_paper in sorted(gains.items()):
        gain = sum(g for p, g in by_paper.items() if p in papers)
        if gain > best_gain + 1e-9:
            best, best_gain = value, gain
    return best, best_gain


if __name__ == "__main__":
    sys.exit(main())
