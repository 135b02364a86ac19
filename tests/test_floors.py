"""The converter's fidelity on every corpus stays above its floors: overall, per fact and per paper.

The floors are tests/floors.json, written by `make floors` (bench/floors.py) a point
or two under the figures measured; the README's table is made from the same file,
and checked here, so the README and the tests cannot disagree.
"""

from __future__ import annotations

import json
import statistics
import sys

import pytest

from helpers import REPO

sys.path.insert(0, str(REPO / "bench"))
import fidelity
import floors

FLOORS = json.loads((REPO / "tests" / "floors.json").read_text(encoding="utf-8"))


def test_every_corpus_has_floors():
    assert list(FLOORS) == list(floors.CORPORA)
    for name, entry in FLOORS.items():
        assert set(entry["floor"]["facts"]) == set(fidelity.COLUMNS), name
        papers = {p.name for p in (REPO / entry["folder"] / "papers").iterdir() if p.suffix in (".txt", ".pdf")}
        truth = {e["paper"] for e in json.loads((REPO / entry["folder"] / "truth.json").read_text(encoding="utf-8"))}
        assert set(entry["floor"]["papers"]) == truth <= papers, f"{name}: every paper with truth needs its floor"


@pytest.mark.parametrize("name", list(FLOORS))
def test_fidelity_stays_above_every_floor(name):
    entry = FLOORS[name]
    low = entry["floor"]
    results = fidelity.run(REPO / entry["folder"])
    assert not [r.paper for r in results if r.crashed]
    documents = [d for r in results for d in r.documents]
    below = {}
    overall = statistics.fmean(r.score for r in results)
    if overall < low["overall"]:
        below["overall"] = (round(overall, 4), low["overall"])
    for fact, least in low["facts"].items():
        got = statistics.fmean(d.parts[fact] for d in documents if fact in d.parts)
        if got < least:
            below[fact] = (round(got, 4), least)
    for result in results:
        if result.score < low["papers"][result.paper]:
            below[result.paper] = (round(result.score, 4), low["papers"][result.paper])
    assert below == {}, f"{entry['folder']}: below the floor (got, floor): {below}"


def test_the_readme_shows_the_table_the_floors_make():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert floors.readme_section(FLOORS) in readme, "README.md's table is stale: run `make floors`"


@pytest.mark.parametrize(
    ("measured", "least"), [(1.0, 0.99), (0.982, 0.97), (0.9199, 0.9), (0.92, 0.91), (0.005, 0.0), (0.0, 0.0)]
)
def test_a_floor_is_one_to_two_points_under_the_figure(measured, least):
    assert floors.floor(measured) == least
