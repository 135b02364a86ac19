"""Golden facts for each sample paper: every meeting, item, attendee, resolution and citation.

The expected facts live in tests/fixtures/golden/<paper-stem>.yaml and were checked by hand
against the papers. They change only through `make golden`, which prints the diff
for a person to read (tests/goldens.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import facts

from goldens import check
from minutes.papers import convert_paper_text

ROOT = Path(__file__).resolve().parents[2]
PAPERS = sorted((ROOT / "content" / "papers").glob("*.txt"))
GOLDEN = ROOT / "tests" / "fixtures" / "golden"


@pytest.mark.parametrize("paper", PAPERS, ids=[p.stem for p in PAPERS])
def test_golden_facts(paper: Path):
    check(GOLDEN / f"{paper.stem}.yaml", facts(paper, paper.relative_to(ROOT).as_posix()))


# Facts checked by hand against the papers, independent of the golden files, so a bad
# regeneration cannot hide a regression in the things that matter most.
MEETINGS = {
    "000_86c187667cde2ece": [
        ("agenda", "Cabinet Member for Communities and Cohesion", "2013-12-16", "13:00"),
        ("minutes", "Cabinet Member for Communities and Cohesion", "2013-11-18", ""),
        ("report", "Cabinet Member for Communities and Cohesion", "2013-12-16", "13:00"),
    ],
    "001_d6dfb0b255ddcbc9": [
        ("agenda", "Improving Lives Select Commission", "2020-07-28", "17:30"),
        ("minutes", "Improving Lives Select Commission", "2020-03-03", ""),
        ("report", "Improving Lives Select Commission", "2020-07-28", "17:30"),
        ("report", "Improving Lives Select Commission", "2020-07-28", "17:30"),
        ("report", "Improving Lives Select Commission", "2020-07-28", "17:30"),
        ("report", "Improving Lives Select Commission", "2020-07-28", "17:30"),
    ],
    "002_6f9fd44b4208914b": [
        ("agenda", "Children, Young People and Families Partnership", "2014-01-15", "14:00"),
        ("minutes", "Children, Young People and Families Partnership", "2013-11-20", ""),
        ("report", "Children, Young People and Families Partnership", "2014-01-15", "14:00"),
        ("report", "Children, Young People and Families Partnership", "2014-01-15", "14:00"),
        ("report", "Children, Young People and Families Partnership", "2014-01-15", "14:00"),
        ("minutes", "Rotherham Youth Cabinet", "2014-01-15", ""),  # prints 26 November 2014: filed by its pack
        ("minutes", "Rotherham Local Safeguarding Children Board", "2013-09-13", "10:00"),
    ],
    "003_f5721d629642682c": [("agenda", "Overview and Scrutiny Management Board", "2017-10-11", "11:00")]
    + [("report", "Overview and Scrutiny Management Board", "2017-10-11", "11:00")] * 5,
    "004_19e28d43e7fb93e4": [("minutes", "Improving Lives Select Commission", "", "")],
}
ITEM_NUMBERS = {
    ("000_86c187667cde2ece", "minutes"): ["E29", "E30", "E31", "E32", "E33", "E34"],
    ("001_d6dfb0b255ddcbc9", "minutes"): [str(n) for n in range(53, 65)],
    ("002_6f9fd44b4208914b", "minutes"): [str(n) for n in range(235, 246)],
    ("004_19e28d43e7fb93e4", "minutes"): [str(n) for n in range(1, 11)],
}
REPORT_ITEMS = {
    "000_86c187667cde2ece": ["7"],
    "001_d6dfb0b255ddcbc9": ["7", "8", "10", "11"],
    "002_6f9fd44b4208914b": ["5", "8", "9"],
    "003_f5721d629642682c": ["5", "6", "7", "8", "9"],
}


@pytest.mark.parametrize("paper", PAPERS, ids=[p.stem for p in PAPERS])
def test_meetings_found(paper: Path):
    documents = convert_paper_text(paper.read_text(encoding="utf-8"), paper.name)
    got = [
        (d.record.kind, d.record.committee, d.record.date.isoformat() if d.record.date else "", d.record.time)
        for d in documents
    ]
    assert got == MEETINGS[paper.stem]
    for d in documents:
        wanted = ITEM_NUMBERS.get((paper.stem, d.record.kind))
        if wanted and d.record.committee == documents[0].record.committee:
            assert [i.number for i in d.record.items] == wanted
    assert [d.record.agenda_item for d in documents if d.record.kind == "report"] == REPORT_ITEMS.get(paper.stem, [])


def test_agenda_minutes_date_disagreement_is_a_warning_on_both():
    paper = next(p for p in PAPERS if p.stem.startswith("001"))
    documents = convert_paper_text(paper.read_text(encoding="utf-8"), paper.name)
    agenda, minutes = documents[0], documents[1]
    for d in (agenda, minutes):
        assert any("2020-06-16" in w and "2020-03-03" in w for w in d.record.warnings)


def test_web_page_without_date_warns_and_marks_truncated_items():
    paper = next(p for p in PAPERS if p.stem.startswith("004"))
    (document,) = convert_paper_text(paper.read_text(encoding="utf-8"), paper.name)
    assert document.record.date is None
    assert any("no meeting date" in w for w in document.record.warnings)
    assert [i.number for i in document.record.items if i.truncated] == ["6", "7"]
    assert "undated-" in document.relpath.as_posix()
