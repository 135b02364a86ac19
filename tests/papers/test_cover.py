"""Table-driven tests for an officer report's cover: which papers open with one, and what it names.

The texts are written for the tests in the shapes councils print: labelled lines, two-column
tables (from a PDF, cells split by tabs; from a text export, Markdown rows) with a label
wrapped over two rows, a label alone above its value, a memo's From/To/Subject.
"""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.papers.clean import clean_lines
from minutes.papers.cover import read_cover
from minutes.papers.extract import read_report
from minutes.papers.split import split_pack

LABELLED_LINES = """# Committee Report

**PURPOSE: Final decision report**

**COMMITTEE: Highways and Transport Committee**

DATE: 4 March 2025

**TITLE: School Streets Programme**

**Ward(s): All wards**

Purpose of Report: This report sets out the programme.

Background

1. The programme began in 2021.
"""

PDF_TABLE = (
    "**REPORT TO: NORTHERN VALLEYS COMBINED AUTHORITY**\n**COMMITTEE**\n\n"
    "DATE:\t12 JUNE 2026\nREPORT\tCAPITAL PROGRAMME\nTITLE:\tOUTTURN 2025/26\n"
    "RESPONSIBLE\tDIRECTOR OF FINANCE\nOFFICER:\t(S151 OFFICER)\nKey Decision\tNo\n\n"
    "**Purpose of Report**\n\nThis report presents the outturn.\n"
)

MARKDOWN_TABLE = (
    "| Meeting: | Cabinet | Date: | 9 October 2024 |\n|---|---|---|---|\n"
    "| Report title: | Household Support Fund | | |\n| Wards affected: | All | | |\n\n"
    "1. Summary\n\nThe fund continues.\n"
)

LABEL_ABOVE_VALUE = """Summary Sheet

Committee Name and Date of Committee Meeting

Overview and Scrutiny Board – 11 October 2017

Report Title

Advice Services Review

Ward(s) Affected

All

Summary

The review looked at advice services.
"""

MEMO = """From: Jane Doe, Cabinet Member for Adult Social Care
Health and Wellbeing

Richard Roe, Corporate Director, Adult Social Care

To: Cabinet - 30 January 2025

Subject: Transfer of the young adults service from Children's
Services to Adult Social Care

Decision no: 24/00109

Key Decision: Yes

Classification: Unrestricted

1. Introduction

1.1 The service moves on 1 April.
"""

MEETING_LINE = """**Oakfield Town Council Meeting 21 February 2017**

**Summer Events Programme**

Council is recommended to approve the events.

**1. Purpose of Report**

To advise Council of the proposed events.

**2. Recommendations**

That the programme be approved.
"""

AGENDA_FRONT_SHEET = """Committee: Planning Committee
Date: Wednesday, 5 March 2025
Time: 7.00 pm
Venue: Council Chamber, Town Hall
Contact officer: Democratic Services

AGENDA

1. Apologies for absence
2. Declarations of interest
3. Minutes of the previous meeting
"""

MINUTES = """MINUTES OF THE MEETING OF HILLCROSS PARISH COUNCIL
held on Monday 5 June 2023 at 7.30pm
Present: Councillors Smith (Chairman), Jones and Brown.
1. Apologies
None.
2. Planning
RESOLVED to object.
"""


@pytest.mark.parametrize(
    "text, committee, date, title",
    [
        pytest.param(
            LABELLED_LINES,
            "Highways and Transport Committee",
            dt.date(2025, 3, 4),
            "School Streets Programme",
            id="labelled-lines",
        ),
        pytest.param(
            PDF_TABLE,
            "NORTHERN VALLEYS COMBINED AUTHORITY COMMITTEE",
            dt.date(2026, 6, 12),
            "Capital Programme Outturn 2025/26",
            id="pdf-table-wrapped-label",
        ),
        pytest.param(
            MARKDOWN_TABLE, "Cabinet", dt.date(2024, 10, 9), "Household Support Fund", id="markdown-table-pairs"
        ),
        pytest.param(
            LABEL_ABOVE_VALUE,
            "Overview and Scrutiny Board",
            dt.date(2017, 10, 11),
            "Advice Services Review",
            id="label-above-value",
        ),
        pytest.param(
            MEMO,
            "Cabinet",
            dt.date(2025, 1, 30),
            "Transfer of the young adults service from Children's Services to Adult Social Care",
            id="memo",
        ),
        pytest.param(
            MEETING_LINE,
            "Oakfield Town Council",
            dt.date(2017, 2, 21),
            "Summer Events Programme",
            id="meeting-line-and-purpose",
        ),
    ],
)
def test_a_report_cover_is_one_report_of_the_meeting_it_names(text, committee, date, title):
    lines = clean_lines(text)
    spans = split_pack(lines)
    assert [s.kind for s in spans] == ["report"], spans
    found = read_report(lines, spans[0].start, spans[0].end)
    assert (found.meeting.committee, found.meeting.date, found.title) == (committee, date, title)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(AGENDA_FRONT_SHEET, id="agenda-front-sheet-has-date-and-contact-but-no-report-labels"),
        pytest.param(MINUTES, id="minutes"),
    ],
)
def test_meeting_papers_are_not_read_as_reports(text):
    assert read_cover(clean_lines(text)).is_report is False
    assert "report" not in [s.kind for s in split_pack(clean_lines(text))]


def test_a_memo_cover_inside_a_pack_starts_a_report_and_the_letter_before_it_stays():
    letter = (
        "Dear Member\n\n**CABINET - THURSDAY, 30 JANUARY 2025**\n\n"
        "I am now able to enclose, for consideration at the meeting of the Cabinet, the following report.\n\n"
        "Yours sincerely\n\n"
    )
    lines = clean_lines(letter + MEMO)
    spans = split_pack(lines)
    assert [s.kind for s in spans][-1] == "report"
    assert lines[next(i for i in range(spans[-1].start, spans[-1].end) if lines[i].is_content)].text.startswith("From:")


def test_a_cover_ends_where_its_fields_stop():
    # The summary sheet's labels sit 20 lines into an agenda: they are not the agenda's cover.
    agenda = "PLANNING BOARD\n\n" + "\n".join(f"{n}. Item number {n}" for n in range(1, 20)) + "\n\n"
    assert read_cover(clean_lines(agenda + LABEL_ABOVE_VALUE)).fields == {}
