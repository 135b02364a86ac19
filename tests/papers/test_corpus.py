"""Real papers of other councils (tests/corpus) and the demo's own (tests/seeds), scored and kept.

- Each corpus paper's facts are a golden file in tests/fixtures/corpus-golden/, written by
  `make golden` (which prints the diff) and read by a person before committing, so any change in what
  the converter reads from a real paper shows up in a review.
- The fidelity of the converter against the hand-made truth (bench/fidelity.py) must stay
  at or above the figures the project promises: 90 % overall and 70 % for every paper on
  the corpus, 100 % on the seeds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from golden import facts

from goldens import check

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
SEEDS = ROOT / "tests" / "seeds"
GOLDEN = ROOT / "tests" / "fixtures" / "corpus-golden"
TRUTH = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
COUNCIL = {entry["paper"]: entry.get("council", "") for entry in TRUTH}
PAPERS = sorted((CORPUS / "papers").glob("*.txt"))

sys.path.insert(0, str(ROOT / "bench"))
import fidelity  # noqa: E402


@pytest.mark.parametrize("paper", PAPERS, ids=[p.name[:2] for p in PAPERS])
def test_corpus_golden_facts(paper: Path):
    check(GOLDEN / f"{paper.stem}.yaml", facts(paper, paper.name, COUNCIL.get(paper.name, "")))


def test_corpus_fidelity_meets_the_promise():
    results = fidelity.run(CORPUS)
    scores = {r.paper: r.score for r in results}
    assert not [r.paper for r in results if r.crashed]
    assert sum(scores.values()) / len(scores) >= 0.90, scores
    assert {p: s for p, s in scores.items() if s < 0.70} == {}


def test_seed_fidelity_is_complete():
    results = fidelity.run(SEEDS)
    assert {r.paper: round(r.score, 4) for r in results} == {r.paper: 1.0 for r in results}
