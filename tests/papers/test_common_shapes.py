"""Shapes common to many councils' papers, each kept by a small invented paper and what it must give.

All text is invented, in the shapes councils use."""

from __future__ import annotations

import pytest

from minutes.papers.convert import convert_paper_text

CITY = """\
CITY OF ELM
CITY COUNCIL
REGULAR MEETING MINUTES
Tuesday, May 5, 2025 – 7:00 p.m.
Council Chambers, 100 Main Street

ROLL CALL: Present: Mayor Smith, Councilmembers Jones, Brown and Lee.

1. CALL TO ORDER
Mayor Smith called the meeting to order at 7:02 p.m.

2. APPROVAL OF MINUTES
Motion by Jones, second by Brown, to approve. Motion carried 4-0.
"""

PARISH = """\
Elm Parish Council
Minutes of the Parish Council Meeting held on Monday 3rd March 2025 at 7.30pm in the Village Hall

Present: Cllrs A Smith (Chairman), B Jones, C Brown
Apologies: Cllr D White
In attendance: Mrs E Green (Clerk)

25/01 Apologies for absence
Apologies were received and accepted from Cllr White.

25/02 Minutes
RESOLVED that the minutes of the meeting held on 3rd February 2025 be approved.
"""

VILLAGE = """\
VILLAGE OF ELM
BOARD OF TRUSTEES
MINUTES
January 9, 2024

The regular meeting of the Board of Trustees was called to order by Mayor Ann Orr at 7:00 p.m.

Present: Trustees Bell, Dunn, Frost and Gray

A. Approval of Minutes
Motion by Bell, seconded by Dunn to approve the minutes. All ayes. Motion carried.

B. Bills
Motion by Frost, seconded by Gray to pay the bills. All ayes. Motion carried.
"""


@pytest.mark.parametrize(
    "text, fact, expected",
    [
        pytest.param(CITY, "committee", "City Of Elm", id="the-kind-of-meeting-is-no-body"),
        pytest.param(PARISH, "apologies", ("Cllr D White",), id="an-apology-told-again-by-surname-is-one-person"),
        pytest.param(VILLAGE, "items", [("A", "Approval of Minutes"), ("B", "Bills")], id="items-lettered-from-a"),
    ],
)
def test_a_common_shape_gives_its_fact(text: str, fact: str, expected: object) -> None:
    record = convert_paper_text(text, "p.txt")[0].record
    got = {
        "committee": record.committee,
        "apologies": record.attendance.apologies,
        "items": [(item.number, item.title) for item in record.items],
    }[fact]
    assert got == expected
