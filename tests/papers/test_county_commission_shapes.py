"""Shapes of a county commission's minutes, each kept by a small invented paper: a month-first numeric date, a
place under the dated title, 'Name – District' attendees, run-in labels beside labelled headings, and 'Notes on
Meeting' as minutes."""

from __future__ import annotations

import datetime as dt

from minutes.papers.convert import convert_paper_text

DATED_PLACE = """\
**Commission on Aging**
**Minutes Nov. 6, 2019**
**Betty J. Queen Center**

Present: Alex Brown, Cindy Swann, Lillian Morris

Minutes: Reviewed minutes. Motion approved and seconded. Minutes approved.

Financials: Previous Balance $1319.51. Motion approved and seconded.

**General:**

- Alex passed out the newsletter.

**Fall Festival:**

- Morning was busier than afternoon.
"""


def test_a_place_under_the_dated_title_is_the_venue_and_labels_beside_labelled_headings_are_items() -> None:
    record = convert_paper_text(DATED_PLACE, "m.pdf")[0].record
    assert record.venue == "Betty J. Queen Center"
    assert [item.title for item in record.items] == ["Minutes", "Financials", "General", "Fall Festival"]


ATTENDEES = """\
# Example County Commission on Aging Meeting Minutes – 7/12/2023 10:09am - 10:50am

**Attendees**

Angie Hunter – JABA
Jo Griffith – Mineral District
Tammy Rogers
Lillian Morris – Mountain Rd District

**Treasurers Report**

Balance as of June 30, 2023.
"""


def test_a_month_first_paper_and_attendees_with_the_district_they_stand_for() -> None:
    record = convert_paper_text(ATTENDEES, "m.pdf")[0].record
    assert record.date == dt.date(2023, 7, 12)
    assert record.attendance.present == ("Angie Hunter", "Jo Griffith", "Tammy Rogers", "Lillian Morris")


NOTES = """\
# Example County Commission on Aging

Notes on Meeting – March 5, 2025

We had two additional representatives for the district.

Other discussion topics:

1. Transportation. Rides are scheduled by calling two days ahead.

2. Fire and EMS. Many seniors may not have fire alarms.
"""


def test_notes_on_a_meeting_are_its_minutes() -> None:
    record = convert_paper_text(NOTES, "n.pdf")[0].record
    assert (record.kind, record.date) == ("minutes", dt.date(2025, 3, 5))


LABELLED_PARAGRAPHS = """\
# Example County Commission on Aging Meeting Minutes – September 7, 2022

Present: Ginger Dillard, Jo Griffith, Jon Tustin

Minutes: Minute taker absent

Treasurer Report: Previous Balance $2618.76

Old Business

Yellow Books: Discussed distribution

Toll Free Number at JABA: over 350 callers at last check.

New Business

Fall Festival: Oct 1 at Walton Park. The commission will take a stall.
"""


def test_paragraphs_titled_by_their_labels_are_the_items_and_lone_group_lines_are_not() -> None:
    record = convert_paper_text(LABELLED_PARAGRAPHS, "m.pdf")[0].record
    assert [item.title for item in record.items] == [
        "Minutes",
        "Treasurer Report",
        "Yellow Books",
        "Toll Free Number at JABA",
        "Fall Festival",
    ]


MISPRINTED_CHAIR = """\
# Example County Commission on Aging

# Meeting Minutes - November 4, 2020

# 1. Call to order

Meeting was called to order at 10:14 by Johathan Tustin

# 2. Roll Call – Members Present

Jonathan Tustin, Kathy Swarthout, Lily Bramble

# 3. Minutes

October minutes were approved.
"""


def test_a_chair_misprinted_in_the_call_to_order_is_the_member_the_roll_names() -> None:
    attendance = convert_paper_text(MISPRINTED_CHAIR, "m.pdf")[0].record.attendance
    assert attendance.chair == "Jonathan Tustin"
    assert attendance.present == ("Jonathan Tustin", "Kathy Swarthout", "Lily Bramble")
