"""Table-driven tests for the meeting facts `read_meeting` takes from a whole paper: the shapes
where the opening alone does not say them (texts written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.papers.clean import clean_lines
from minutes.papers.extract import read_meeting

US_MINUTES = """MINUTES OF THE PROCEEDINGS OF THE CITY COUNCIL
OF THE CITY OF MAPLE CENTER IN THE COUNTY
OF LAKE AND THE STATE OF MINNESOTA
REGULAR SESSION
NOVEMBER 13, 2018
CITY HALL – COUNCIL CHAMBERS
1. INFORMAL OPEN FORUM WITH CITY COUNCIL
CALL TO ORDER INFORMAL OPEN FORUM
The Maple Center City Council met in Informal Open Forum called to order by Mayor Jo
Smith at 6:45 p.m.
ROLL CALL
Mayor Jo Smith and Councilmembers Al Brown and Di Green.
2. INVOCATION
A moment of silence was observed.
3. ADJOURNMENT
The meeting closed at 7:30 p.m.
"""

SELECTMEN = """Selectmen’s Minutes, November 16, 2017

November 16, 2017

Opened the meeting and declared a quorum present.

NEW BUSINESS: The fire truck is expected to be done in spring.
"""


@pytest.mark.parametrize(
    "text, facts",
    [
        pytest.param(
            US_MINUTES,
            {"date": dt.date(2018, 11, 13), "time": "18:45", "venue": "CITY HALL – COUNCIL CHAMBERS"},
            id="time-from-a-call-to-order-over-two-lines-venue-from-a-council-chambers-line",
        ),
        pytest.param(
            "REGULAR COUNCIL MEETING MINUTES\nCouncil Chambers\nWednesday, June 27, 2012\n"
            "Present: Mayor A Hughes\n1. CALL TO ORDER:\nCalled to order.\n2. ADOPTION OF AGENDA:\nCarried.\n",
            {"date": dt.date(2012, 6, 27), "venue": "Council Chambers"},
            id="a-meeting-minutes-title-is-no-item-and-council-chambers-is-a-venue",
        ),
        pytest.param(
            "**The Corporation of the Township of Riverbend**\n**12 Main Street Riverbend ON**\n**www.riverbend.ca**\n"
            "# *** AGENDA *** Amended January 2, 2023 Tuesday, January 3, 2023 **START TIME 6:30 p.m.**\n"
            "1. Disclosure of pecuniary interest.\n2. Committee Reports.\n3. Correspondence.\n4. Adjournment.\n",
            {"date": dt.date(2023, 1, 3), "time": "18:30", "committee": "Township of Riverbend"},
            id="letterhead-above-a-dated-agenda-line-is-no-item",
        ),
        pytest.param(SELECTMEN, {"date": dt.date(2017, 11, 16)}, id="month-first-date-repeated-on-the-next-line"),
    ],
)
def test_meeting_facts(text, facts):
    lines = clean_lines(text)
    meeting = read_meeting(lines, 0, len(lines)).meeting
    assert {name: getattr(meeting, name) for name in facts} == facts
