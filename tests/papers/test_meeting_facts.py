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
        pytest.param(
            "DRAFT ONLY-THESE MINUTES WILL NOT BE CONSIDERED APPROVED UNTIL\n\nTUESDAY 2ND OCTOBER 2018\n\n"
            "**ELM COMMUNITY COUNCIL**\n\n**Community Centre, Elm, 4th September 2018**\n\n"
            "Present: Ann Hale (Chair), Bob Orr\n\n1. Apologies\nNone.\n2. Planning\nNone.\n",
            {"date": dt.date(2018, 9, 4), "committee": "ELM COMMUNITY COUNCIL"},
            id="a-drafts-notice-and-the-day-it-names-are-not-the-meetings",
        ),
        pytest.param(
            "ELM COMMUNITY COUNCIL\nMinutes of the AGM held on 5th June 2023 in the Scout Hall at 7pm\n\n"
            "Present: Ann Hale (Chair), Bob Orr\n\n1. Apologies\nNone.\n2. Planning\nNone.\n",
            {"date": dt.date(2023, 6, 5), "committee": "ELM COMMUNITY COUNCIL", "venue": "Scout Hall"},
            id="minutes-of-the-agm-name-no-body",
        ),
    ],
)
def test_meeting_facts(text, facts):
    lines = clean_lines(text)
    meeting = read_meeting(lines, 0, len(lines)).meeting
    assert {name: getattr(meeting, name) for name in facts} == facts


@pytest.mark.parametrize(
    "text, facts, items",
    [
        pytest.param(
            "**Elmford Township**\n\n**Mill Road, Elmford**\n\n**May 5, 2025 Minutes**\n\n"
            "Meeting was called to order by Ann Lee, Supervisor at 7:00 pm\n\n"
            "**New Business**\n\nThe board discussed the roof.\n\n**Old Business**\n\nNothing was raised.\n",
            {"date": dt.date(2025, 5, 5), "time": "19:00"},
            ["New Business", "Old Business"],
            id="letterhead-and-dated-minutes-line-in-bold",
        ),
        pytest.param(
            "**HARBOUR COMMISSION**\n\n**MINUTES FOR REGULAR MEETING**\n\n**DATE: Tuesday, June 3, 2025**\n\n"
            "**TIME: 6:30 p.m.**\n\n**PLACE: Harbour Office**\n\n"
            "**Dredging**\n\nThe commission heard a report.\n\n**Moorings**\n\nFees were set.\n",
            {"date": dt.date(2025, 6, 3), "time": "18:30", "venue": "Harbour Office"},
            ["Dredging", "Moorings"],
            id="date-time-place-lines-in-bold-under-the-body",
        ),
        pytest.param(
            "State of Ohio\n\nTown of Elmford\n\n**ELMFORD BOARD OF TRUSTEES MEETING MAY 5, 2025**\n\n"
            "The meeting was called to order at 7:00 PM.\n\n**CORRESPONDENCE**\n\nNone.\n\n**OLD BUSINESS**\n\nNone.\n",
            {"date": dt.date(2025, 5, 5)},
            ["Correspondence", "Old Business"],
            id="a-dated-board-title-under-a-preamble",
        ),
        pytest.param(
            "Minutes of the meeting held on 5 May 2025\n\n**Apologies**\n\nNone.\n\n**Finance**\n\nThe clerk reported.\n",
            {"date": dt.date(2025, 5, 5)},
            ["Apologies", "Finance"],
            id="a-title-in-plain-text-leaves-every-heading-an-item",
        ),
    ],
)
def test_title_block_set_as_headings(text, facts, items):
    """A letterhead and title set line by line in bold are the opening, not the first items."""
    lines = clean_lines(text)
    found = read_meeting(lines, 0, len(lines))
    assert {name: getattr(found.meeting, name) for name in facts} == facts
    assert [item.title for item in found.items] == items


@pytest.mark.parametrize(
    "text, kind",
    [
        pytest.param(
            "ELMFORD TOWNSHIP BOARD MEETING\n\nMAY 5th\n2025\n\n"
            "The regular meeting of the Elmford Township Board was called to order by the Supervisor with all "
            "members present.\n\nPublic comment was heard and the agenda was amended by motion from Orr with "
            "second by Bell. Motion carried.\n\nThe minutes of April's meeting were approved by motion from Bell.\n\n"
            "A motion by Pike and seconded by Orr was approved to buy a mower.\n",
            "minutes",
            id="minutes-told-in-paragraphs-that-mention-the-agenda",
        ),
        pytest.param(
            "ELMFORD TOWNSHIP BOARD\n\nAGENDA\n\nMay 5, 2025, 7 PM\n\nCall to order\n\n"
            "Approval of the minutes of April 7, 2025\n\nPublic comment\n\nMower purchase\n\nAdjournment\n",
            "agenda",
            id="an-agenda-that-names-minutes-to-approve",
        ),
    ],
)
def test_minutes_told_in_the_past_are_minutes(text, kind):
    lines = clean_lines(text)
    assert read_meeting(lines, 0, len(lines)).kind == kind


_COMMISSION = (
    "Elm Township – Lake County\n{heading}\nJuly 20, 2021\n"
    "The meeting of the Elm Township Planning Commission was called to order by Ann Hale at 6:30 pm.\n"
    "Present: Ann Hale, Bob Orme, Cy Pike.\n"
)


@pytest.mark.parametrize(
    "heading, council, committee",
    [
        pytest.param("Planning Commission", "Elm Township", "Planning Commission", id="the-heading-prints-it-short"),
        pytest.param(
            "Elm Township Planning Commission",
            "Elm Township",
            "Elm Township Planning Commission",
            id="the-heading-prints-the-councils-name",
        ),
        pytest.param(
            "Planning Commission", "Oak Township", "Elm Township Planning Commission", id="another-councils-site"
        ),
    ],
)
def test_a_body_is_named_as_its_heading_prints_it_under_its_council(heading, council, committee):
    from minutes.papers.convert import convert_with_roles
    from minutes.papers.readers import read_paper

    paper = read_paper(_COMMISSION.format(heading=heading).encode(), "content/papers/paper.txt")
    (document,) = convert_with_roles(paper, "content/papers/paper.txt", council=council).documents
    assert document.record.committee == committee


def test_two_agendas_on_one_page_are_two_records_of_their_own_bodies():
    from minutes.papers.convert import convert_with_roles
    from minutes.papers.readers import read_paper

    text = (
        "ELMSWORTH ANNUAL PARISH MEETING\nto be held on Tuesday, 14th March 2017 at 7.15pm in the Village Hall\n"
        "AGENDA\n1. Welcome\n2. Minutes of the last Annual Parish Meeting\n3. Reports\n\n"
        "ELMSWORTH PARISH COUNCIL\nANNUAL MEETING OF THE PARISH COUNCIL\nto be held on Tuesday, 14th March 2017 at 7.45pm\n"
        "AGENDA\n1. Election of Chairman\n2. Election of Vice-Chairman\n3. Apologies\n"
    )
    paper = read_paper(text.encode(), "content/papers/paper.txt")
    documents = convert_with_roles(paper, "content/papers/paper.txt", council="Elmsworth Parish Council").documents
    assert [(d.record.committee, d.record.time, [i.title for i in d.record.items]) for d in documents] == [
        ("Annual Parish Meeting", "19:15", ["Welcome", "Minutes of the last Annual Parish Meeting", "Reports"]),
        ("Elmsworth Parish Council", "19:45", ["Election of Chairman", "Election of Vice-Chairman", "Apologies"]),
    ]


@pytest.mark.parametrize(
    "call, time",
    [
        pytest.param("1. Call to order – 7:05 PM.", "19:05", id="call-to-order-dash-time"),
        pytest.param("1. Call to order at 7:02 PM.", "19:02", id="call-to-order-at-time"),
        pytest.param("1. Brenda opens meeting at 7:07 PM. First, a chair is elected.", "19:07", id="opens-meeting-at"),
        pytest.param("1. Minutes – approved; the roads report is due at 7 PM next month.", "", id="no-call-to-order"),
    ],
)
def test_the_start_time_told_in_the_first_item(call, time):
    from minutes.papers.convert import convert_paper_text

    text = (
        "Weyton Selectboard Meeting\n\nMarch 14th, 2023\n\nTown Office\n\nPresent: Ann Orr, Bob Hale, Cy Pike.\n\n"
        f"{call}\n2. Highway Business – Roads were cleared.\n3. Act on Bills – Bills were paid.\n"
    )
    assert convert_paper_text(text, "p.txt")[0].record.time == time
