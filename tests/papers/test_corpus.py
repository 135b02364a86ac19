"""Real papers of other councils (tests/corpus) and the demo's own (tests/seeds), scored and kept.

- Each corpus paper's facts are a golden file in tests/fixtures/corpus-golden/, written by
  `make golden` (which prints the diff) and read by a person before committing, so any change in what
  the converter reads from a real paper shows up in a review.
- The fidelity of the converter against the hand-made truth (bench/fidelity.py) is held to
  its floors, per fact and per paper, by tests/test_floors.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden import facts

from goldens import check

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
GOLDEN = ROOT / "tests" / "fixtures" / "corpus-golden"
TRUTH = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
COUNCIL = {entry["paper"]: entry.get("council", "") for entry in TRUTH}
PAPERS = sorted((CORPUS / "papers").glob("*.txt"))


@pytest.mark.parametrize("paper", PAPERS, ids=[p.name[:2] for p in PAPERS])
def test_corpus_golden_facts(paper: Path):
    check(GOLDEN / f"{paper.stem}.yaml", facts(paper, paper.name, COUNCIL.get(paper.name, "")))
