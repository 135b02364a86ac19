"""Table-driven tests for splitting a pack into documents, and for each start signal."""

from __future__ import annotations

import itertools

import pytest

from minutes.papers.clean import clean_lines
from minutes.papers.convert import convert_paper_text
from minutes.papers.shapes import shapes
from minutes.papers.split import attendance_follows, body_and_date, minutes_heading, split_pack


def documents(text: str) -> list[tuple[str, str]]:
    """(kind, first content line) of each document the pack splits into."""
    lines = clean_lines(text)
    spans = split_pack(lines)
    assert spans[0].start == 0 and spans[-1].end == len(lines)
    assert all(a.end == b.start for a, b in itertools.pairwise(spans)), "documents must cover every line, in order"
    return [(s.kind, next(lines[i].text for i in range(s.start, s.end) if lines[i].is_content)) for s in spans]


MINUTES_5_JUNE = """MINUTES OF THE MEETING OF GROBY PARISH COUNCIL
held on Monday 5 June 2023
Present: Councillors Smith (Chairman), Jones and Brown.
1. Apologies
None.
2. Planning
Noted.
3. Finance
Noted.
4. Close
Done.
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "AGENDA\nPlanning Committee\nWednesday, 22 April 2015 at 7pm\n1. Apologies\n2. Declarations of interest\n"
            "3. Minutes of the previous meeting\n4. Planning applications\n5. Appeals\n6. Enforcement\n7. Date of next meeting\n\n"
            "PLANNING COMMITTEE\nWednesday, 25 March 2015\nPresent: Councillors Smith (Chairman), Jones and Brown.\n1. Apologies\nNone.\n",
            [("agenda", "AGENDA"), ("minutes", "PLANNING COMMITTEE")],
            id="agenda-then-minutes",
        ),
        pytest.param(
            "AGENDA\nPlanning Committee\nWednesday, 22 April 2015 at 7pm\n1. Apologies\n2. Minutes of the previous meeting\n"
            "3. Planning applications\n\n"
            "PLANNING COMMITTEE\nWednesday, 25 March 2015\nPresent: Councillors Smith (Chairman), Jones and Brown.\n1. Apologies\nNone.\n",
            [("agenda", "AGENDA"), ("minutes", "PLANNING COMMITTEE")],
            id="short-agenda-then-minutes",
        ),
        pytest.param(
            "Groby Parish Council website\n\nMINUTES OF THE MEETING OF GROBY PARISH COUNCIL\n\nMonday 5 June 2023 at 7pm\n\n"
            "Present: Councillors Smith (Chairman), Jones and Brown.\n1. Apologies\nNone.\n",
            [("minutes", "Groby Parish Council website")],
            id="page-title-is-a-preamble",
        ),
        pytest.param(
            "Meetings archive\n\nMINUTES OF THE MEETING OF GROBY PARISH COUNCIL\n\nMonday 5 June 2023 at 7pm\n\n"
            "Present: Councillors Smith (Chairman), Jones and Brown.\n1. Apologies\nNone.\n",
            [("minutes", "Meetings archive")],
            id="unscored-first-line-joins",
        ),
        pytest.param(
            "MINUTES OF THE MEETING OF THE CABINET\nMonday, 16th December, 2013\n"
            "Present: Councillor Smith (in the Chair); Councillors Jones and Brown.\n\n53. DECLARATIONS OF INTEREST\nNone.\n\n"
            "54. MINUTES OF THE PREVIOUS MEETING HELD ON 18TH NOVEMBER, 2013\nResolved: That the minutes be approved.\n\n55. PLANNING\nNoted.\n",
            [("minutes", "MINUTES OF THE MEETING OF THE CABINET")],
            id="previous-meeting-item-is-not-a-document",
        ),
        pytest.param(
            MINUTES_5_JUNE + "\n" + MINUTES_5_JUNE.replace("5 June", "3 July"),
            [
                ("minutes", "MINUTES OF THE MEETING OF GROBY PARISH COUNCIL held on Monday 5 June 2023"),
                ("minutes", "MINUTES OF THE MEETING OF GROBY PARISH COUNCIL held on Monday 3 July 2023"),
            ],
            id="two-meetings-minutes",
        ),
        pytest.param(
            "MINUTES OF THE MEETING OF THE CABINET\nMonday, 16th December, 2013\n"
            "Present: Councillor Smith (in the Chair); Councillors Jones and Brown.\n1. Apologies\nNone.\n\n"
            "Summary Sheet\nCommittee Name and Date: Cabinet, 20 January 2014\nReport Title: Budget Update\n",
            [("minutes", "MINUTES OF THE MEETING OF THE CABINET"), ("report", "Summary Sheet")],
            id="summary-sheet-opens-a-report",
        ),
        pytest.param(
            "MINUTES OF THE MEETING OF THE CABINET\nMonday, 16th December, 2013\n"
            "Present: Councillor Smith (in the Chair); Councillors Jones and Brown.\n1. Apologies\nNone.\n\n"
            "ROTHERHAM BOROUGH COUNCIL - REPORT TO MEMBERS\nBudget Update\n",
            [
                ("minutes", "MINUTES OF THE MEETING OF THE CABINET"),
                ("report", "ROTHERHAM BOROUGH COUNCIL - REPORT TO MEMBERS"),
            ],
            id="report-to-members",
        ),
        pytest.param(
            MINUTES_5_JUNE
            + "\nPage 7\n\n**ELM DISTRICT COUNCIL PLANNING COMMITTEE – 13 NOVEMBER 2024 REPORT OF THE HEAD OF "
            "PLANNING**\n\n1. Site and surroundings\n1.1 The site extends to 1.3 hectares.\n",
            [
                ("minutes", "MINUTES OF THE MEETING OF GROBY PARISH COUNCIL held on Monday 5 June 2023"),
                (
                    "report",
                    "**ELM DISTRICT COUNCIL PLANNING COMMITTEE – 13 NOVEMBER 2024 REPORT OF THE HEAD OF PLANNING**",
                ),
            ],
            id="an-officers-report-at-the-top-of-a-page",
        ),
        pytest.param(
            MINUTES_5_JUNE + "\n**REPORT OF THE CHIEF EXECUTIVE**\nThe Chief Executive reported on the budget.\n",
            [("minutes", "MINUTES OF THE MEETING OF GROBY PARISH COUNCIL held on Monday 5 June 2023")],
            id="an-officers-report-told-inside-minutes-is-part-of-them",
        ),
        pytest.param("Some text.\nMore text.\n", [("meeting", "Some text.")], id="nothing-recognised-is-one-document"),
        pytest.param(
            "ELMFORD TOWNSHIP BOARD MEETING\n\nAGENDA\n\nMay 5, 2025, 7 PM\n\nSUPERVISOR\n\n"
            "- Hall Usage Application: Garden Club, June 1, 2025\n\n"
            "**Elmford Township Hall Usage Application: Lions Club: June 7, 2025, 9 AM**\n\n"
            "- Park Usage Application: Scouts, June 8, 2025\n\n"
            "• Township Hall Usage Application: Choir, Board Meeting, June 9, 2025\n\n"
            "CLERK:\n\nTREASURER: Financial Report\n\nPresent: none\n",
            [("agenda", "ELMFORD TOWNSHIP BOARD MEETING")],
            id="entries-of-an-agenda-s-list-naming-a-body-and-a-date-open-no-document",
        ),
    ],
)
def test_split_pack(text, expected):
    assert documents(text) == expected


def test_empty_paper_is_one_empty_document():
    lines = clean_lines("\n\n")
    assert [(s.kind, s.start, s.end) for s in split_pack(lines)] == [("document", 0, len(lines))]


def test_preamble_reason_says_so():
    lines = clean_lines(
        "Groby Parish Council website\n\nMINUTES OF THE MEETING OF GROBY PARISH COUNCIL\n\nMonday 5 June 2023 at 7pm\n\n"
        "Present: Councillors Smith (Chairman), Jones and Brown.\n"
    )
    (span,) = split_pack(lines)
    assert span.reason.endswith("(after a short preamble)")


# --- the signals, on the first line of a small text ----------------------------------------------


def signal(rule, text: str, index: int = 0):
    lines = clean_lines(text)
    found = rule(lines, shapes(lines), index)
    return found[0] if found else None


@pytest.mark.parametrize(
    "text, index, kind",
    [
        pytest.param(
            "Minutes of the Planning Committee\nWednesday, 25 March 2015\n", 0, "minutes", id="minutes-of-body"
        ),
        pytest.param(
            "MINUTES OF Far North District Council\nExtraordinary Council Meeting\n", 0, "minutes", id="infocouncil"
        ),
        pytest.param("MINUTES\nPlanning Committee\n", 0, "minutes", id="body-on-next-line"),
        pytest.param("Minutes\nNotes from the garden\n", 0, None, id="no-body-no-date"),
        pytest.param("Minutes:\nThe Cabinet agreed\n", 0, None, id="moderngov-label"),
        pytest.param(
            "To approve the minutes of the Planning Committee held on 3 March 2015\n", 0, None, id="to-approve"
        ),
        pytest.param("The minutes of the Planning Committee 3 March 2015\n", 0, None, id="the-minutes"),
        pytest.param("54. MINUTES OF THE PREVIOUS MEETING HELD ON 4TH NOVEMBER, 2013\n", 0, None, id="numbered-item"),
        pytest.param("MINUTES OF THE PREVIOUS MEETING of the Council 2013\n", 0, None, id="previous-meeting"),
        pytest.param("22.\nMinutes of the Cabinet held on 3 March 2015\n", 1, None, id="under-a-number-alone"),
        pytest.param(
            "B. *Draft Minutes of the Regular Library Board meeting of May 5, 2025. Approved.\n",
            0,
            None,
            id="an-item-lettered-in-capitals",
        ),
        pytest.param(
            "PUBLIC COMMENT: (SPEAKERS WILL HAVE 5 MINUTES EACH)\nBoard of Trustees, May 5, 2025\n",
            0,
            None,
            id="a-length-of-time-in-minutes",
        ),
        pytest.param(
            "APPROVAL OF MINUTES April 7, 2025, Regular Board meeting minutes.\n", 0, None, id="approval-of-minutes"
        ),
        pytest.param(
            "Minutes Approval Signature Form\nApproval of the August 2025 Elm Township meeting minutes.\n",
            0,
            None,
            id="a-form-to-sign-the-minutes",
        ),
        pytest.param(
            "*Minutes approved by the City Commission on July 23, 2024.*\n",
            0,
            None,
            id="when-the-minutes-were-approved",
        ),
    ],
)
def test_minutes_heading(text, index, kind):
    assert signal(minutes_heading, text, index) == kind


@pytest.mark.parametrize(
    "text, kind",
    [
        pytest.param("PLANNING COMMITTEE\nWednesday, 25 March 2015\n", "meeting", id="date-below"),
        pytest.param("PLANNING COMMITTEE - 25 March 2015\n", "meeting", id="date-beside"),
        pytest.param("PLANNING COMMITTEE\nThe agenda follows\n", None, id="no-date"),
        pytest.param("Garden Party\n25 March 2015\n", None, id="no-body"),
        pytest.param("5. PLANNING COMMITTEE 25 March 2015\n", None, id="numbered-item"),
        pytest.param(
            "Minutes of the previous meeting of the Planning Committee 25 March 2015\n", None, id="previous-meeting"
        ),
        pytest.param("You will attend the Planning Committee on 25 March 2015\n", None, id="letter-sentence"),
        pytest.param(
            "APPROVAL OF MINUTES: Regular Board meeting of April 7, 2025\n", None, id="approval-of-a-board-s-minutes"
        ),
        pytest.param(
            "Signed ……………… Town Mayor Date ……………… Full Council – 11 December 2023\n",
            None,
            id="a-signature-line-run-into-the-running-title",
        ),
    ],
)
def test_body_and_date(text, kind):
    assert signal(body_and_date, text) == kind


@pytest.mark.parametrize(
    "text, kind",
    [
        pytest.param("PLANNING COMMITTEE\nWednesday, 25 March 2015\nPresent: Cllr A\n", "minutes", id="present"),
        pytest.param("PLANNING COMMITTEE\nMEMBERS PRESENT:\nCllr A\n", "minutes", id="members-present"),
        pytest.param("PLANNING COMMITTEE\nIn attendance: Mr X\n", "minutes", id="in-attendance"),
        pytest.param("PLANNING COMMITTEE\nApologies: Cllr A\n", None, id="apologies-alone-is-not-enough"),
        pytest.param("Present: Cllr A\nPresent: Cllr B\n", None, id="label-itself"),
        pytest.param("PLANNING COMMITTEE\n1\n2\n3\n4\n5\n6\nPresent: Cllr A\n", "minutes", id="within-eight-lines"),
        pytest.param("PLANNING COMMITTEE\n1\n2\n3\n4\n5\n6\n7\n8\nPresent: Cllr A\n", None, id="beyond-eight-lines"),
    ],
)
def test_attendance_follows(text, kind):
    assert signal(attendance_follows, text) == kind


def test_a_running_title_naming_the_same_meeting_is_not_a_new_document():
    text = (
        "REGULAR COUNCIL MEETING MINUTES\nCouncil Chambers\nWednesday, June 27, 2012\n"
        "Present: Mayor A Hughes\nCouncillor B Evans\n1. CALL TO ORDER:\nThe Mayor called the meeting to order.\n"
        "Page 1 of 16\nCouncil Meeting Minutes — June 27, 2012.\n2. ADOPTION OF AGENDA:\nCarried.\n"
        "3. DISCLOSURE OF PECUNIARY INTEREST:\nNone declared.\n"
    )
    assert [kind for kind, _ in documents(text)] == ["minutes"]


def test_a_title_and_date_repeated_at_a_page_foot_are_not_a_new_document():
    text = (
        "ELM PUBLIC LIBRARY DISTRICT\nMinutes of the Personnel Committee Meeting\nThursday, January 4, 2018, 11:00 a.m.\n"
        "ATTENDING: Trustees Hale and Orme\n1. Call to order\nThe meeting opened.\n2. New Business\n"
        "The committee reviewed the director's job description.\n"
        "Minutes of the Personnel Committee Meeting\nJanuary 4, 2018\n3. Adjournment\nThe meeting adjourned.\n"
    )
    assert [kind for kind, _ in documents(text)] == ["minutes"]


def test_another_meetings_title_and_date_after_minutes_still_start_a_document():
    text = (
        "Minutes of the Personnel Committee Meeting\nThursday, January 4, 2018\nATTENDING: Trustees Hale and Orme\n"
        "1. Call to order\nThe meeting opened.\n2. New Business\nThe committee reviewed the job description.\n"
        "3. Adjournment\nThe meeting adjourned.\n"
        "Minutes of the Personnel Committee Meeting\nThursday, February 6, 2018\nATTENDING: Trustees Hale and Orme\n"
        "1. Call to order\nThe meeting opened.\n"
    )
    assert [kind for kind, _ in documents(text)] == ["minutes", "minutes"]


def test_a_page_top_title_with_another_date_still_starts_a_document():
    text = (
        "MINUTES OF THE PLANNING COMMITTEE\nWednesday, June 27, 2012\nPresent: Councillor B Evans\n"
        "1. Apologies\nNone.\n2. Minutes\nApproved.\n3. Applications\nNo objection.\n4. Appeals\nNoted.\n"
        "5. Close\nThe meeting closed.\nPage 4 of 4\nMINUTES OF THE PLANNING COMMITTEE\nWednesday, July 25, 2012\n"
        "Present: Councillor B Evans\n1. Apologies\nNone.\n"
    )
    assert [kind for kind, _ in documents(text)] == ["minutes", "minutes"]


# --- packs and pages that hold several meetings (invented text) ---------------------------------


AGENDA_AND_PREVIOUS_MINUTES = """\
ASHBY PARISH COUNCIL

AGENDA

Meeting to be held on Tuesday 4 April 2023 at 7.30pm in the Village Hall

1. Apologies for absence
2. To approve the minutes of the meeting held on 7 March 2023
3. Planning applications

ASHBY PARISH COUNCIL

MINUTES OF THE MEETING HELD ON TUESDAY 7 MARCH 2023 AT 7.30PM IN THE VILLAGE HALL

Present: Cllr A Hale (Chair), Cllr B Orr, Cllr D Lund

Apologies: Cllr C Pike

1. Apologies for absence
Cllr Pike sent apologies.
2. Minutes
The minutes of the meeting held on 7 February 2023 were approved.
3. Planning applications
None.
"""

TWO_AGENDAS = """\
ASHBY PARISH COUNCIL

NOTICE IS HEREBY GIVEN that the Annual Parish Meeting will be held on Tuesday 14th March 2017 at 7.15pm in the Village Hall

AGENDA
1. Welcome
2. Chairman's report
3. Questions from residents

followed by the Annual Meeting of the Parish Council on Tuesday 14th March 2017 at 7.45pm

AGENDA
1. Election of Chairman
2. Apologies for absence
3. Declarations of interest
"""

JOINT_SESSION = """\
ASHBY PARISH COUNCIL

MINUTES OF THE MEETING HELD ON TUESDAY 7 MARCH 2023 AT 7.30PM IN THE VILLAGE HALL

Present: Cllr A Hale (Chair), Cllr B Orr

1. Apologies for absence
None.
2. Joint session with the Burial Board
The Council met jointly with the Burial Board on Tuesday 7 March 2023 at 8pm to agree the fees.
3. Planning applications
None.
"""


def _meetings(text):
    return [
        (d.record.kind, str(d.record.date), d.record.time, len(d.record.items), d.record.attendance.present)
        for d in convert_paper_text(text, "p.txt", council="Ashby Parish Council")
        if d.record.kind in ("agenda", "minutes")
    ]


def test_the_printed_minutes_of_the_previous_meeting_in_a_pack_are_a_record_of_their_own():
    assert _meetings(AGENDA_AND_PREVIOUS_MINUTES) == [
        ("agenda", "2023-04-04", "19:30", 3, ()),
        ("minutes", "2023-03-07", "19:30", 3, ("Cllr A Hale", "Cllr B Orr", "Cllr D Lund")),
    ]


def test_two_agendas_on_one_page_are_two_records():
    assert _meetings(TWO_AGENDAS) == [
        ("agenda", "2017-03-14", "19:15", 3, ()),
        ("agenda", "2017-03-14", "19:45", 3, ()),
    ]


PACK_WITH_COMMITTEE_MINUTES = """\
ELM TOWN COUNCIL
Councillors are summoned to attend a meeting of Elm Town Council on Monday 11 December 2023 at 7.00pm.
AGENDA
1. Apologies for absence
2. Declarations of interest
3. Planning Committee (pages 6-7) To receive the minutes of the meeting of the Planning Committee held on 27 November 2023.
4. Finance

Signed ……………… Town Mayor Date ……………… Full Council – 11 December 2023

# ELM TOWN COUNCIL
The Guildhall, Market Place, Elm

**MINUTES OF THE MEETING OF THE PLANNING COMMITTEE HELD ON MONDAY 27 NOVEMBER 2023 AT 7.00PM**

PRESENT: Councillors D Holloway (Chairman), F Quartermaine, I Bell

**PL/23/045 APOLOGIES FOR ABSENCE**
Apologies were received from Councillor G Penn.

**PL/23/046 PLANNING APPLICATIONS**
RESOLVED: That no objection be raised to application 23/03112/FUL.
"""


def test_another_bodys_minutes_under_a_letterhead_in_a_pack_are_its_record():
    # The Planning Committee's minutes, under the council's letterhead after the previous page's signature line,
    # are the minutes the agenda's item 3 receives: a record of their own, not a report
    records = [
        d.record for d in convert_paper_text(PACK_WITH_COMMITTEE_MINUTES, "pack.txt", council="Elm Town Council")
    ]
    assert [(r.kind, r.committee, str(r.date)) for r in records] == [
        ("agenda", "Elm Town Council", "2023-12-11"),
        ("minutes", "Planning Committee", "2023-11-27"),
    ]


def test_a_joint_session_noted_inside_minutes_stays_part_of_them():
    assert _meetings(JOINT_SESSION) == [("minutes", "2023-03-07", "19:30", 3, ("Cllr A Hale", "Cllr B Orr"))]


@pytest.mark.parametrize(
    "text, kinds",
    [
        pytest.param(
            "SUMMARY OF THE MINUTES\nELM COUNTY FIRE DISTRICT 3\n\nTuesday, September 10, 2024 — Training Room\n\n"
            "ROLL CALL\nCommissioners Present: Dale Colt (Chair), Wes Apple\n\nAGENDA\nNo changes were requested.\n",
            [("minutes", "Elm County Fire District 3")],
            id="minutes-with-an-agenda-item-are-no-agenda-front-sheet",
        ),
    ],
)
def test_one_set_of_minutes(text, kinds):
    documents_ = convert_paper_text(text, "p.txt")
    assert [(d.record.kind, d.record.committee) for d in documents_] == kinds
