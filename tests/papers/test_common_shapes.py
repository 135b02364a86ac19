"""Shapes common to many councils' papers, each kept by a small invented paper and what it must give.

All text is invented, in the shapes councils use."""

from __future__ import annotations

import datetime as dt

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

TRANSCRIPT = """\
CITY OF PALM HAVEN
CITY COMMISSION MEETING
VERBATIM MINUTES
MARCH 14, 2023
CITY HALL, COMMISSION CHAMBER
200 ALHAMBRA CIRCLE, PALM HAVEN, FL

City Commission
Mayor Robert Vale
Vice Mayor Lisa Mendez
Commissioner Tom Byers

City Staff
City Manager, Peter Irons
City Clerk, Billy Ung

Public Speaker(s)
Jane Roe

Agenda Item A-1 - Call to Order.
Agenda Item A-2 - Roll Call.

Mayor Vale: Good morning. I'd like to call the meeting to order. Madam Clerk, the roll.
City Clerk Ung: Vice Mayor Mendez.

Agenda Item E-1 - An Ordinance amending the Zoning Code.

Mayor Vale: Item E-1, Mr. Attorney.

Agenda Item F-2 - A Resolution approving a contract.

Mayor Vale: F-2.

Agenda Item L-1 - Adjournment.
"""

CANADIAN = """\
THE CORPORATION OF THE TOWN OF ELMVALE
COUNCIL MEETING MINUTES
Tuesday, April 8, 2025
6:00 p.m.
Council Chambers

Present: Mayor A. Reid, Councillors C. Dunn, D. Ng and E. Park
Regrets: Councillor F. Shaw

1. Call to Order
Mayor Reid called the meeting to order at 6:00 p.m.

2. Adoption of Minutes
Resolution 2025-041
THAT the minutes of the March 25, 2025 Council meeting be adopted as circulated.
Carried

3. Adjournment
"""

SHIRE = """\
ELMTON SHIRE COUNCIL
MINUTES OF THE ORDINARY COUNCIL MEETING
HELD IN THE COUNCIL CHAMBERS, 1 MAIN STREET, ELMTON
ON WEDNESDAY 19 FEBRUARY 2025 COMMENCING AT 9.00AM

1. OPENING
The Mayor, Cr J Bloggs, declared the meeting open at 9.02am.

2. PRESENT
Cr J Bloggs (Mayor), Cr K Smith, Cr L Brown

3. APOLOGIES
Cr N Green
"""

COUNTY = """\
BOARD OF COUNTY COMMISSIONERS
REGULAR MEETING
JUNE 3, 2024

The Board of County Commissioners met in regular session on Monday, June 3, 2024, at 6:00 p.m. in the \
Commissioners' Meeting Room, Elm County Courthouse, with the following members present: Chairman John Park, \
Commissioner Al Reed and Commissioner Joe Hill.

CALL TO ORDER
Chairman Park called the meeting to order at 6:00 p.m.
"""

SELECTBOARD = """\
Town of Elmfield
Selectboard Meeting Minutes
March 4, 2024

Selectboard Members Present: Ann Lee (Chair), Bob Marsh, Cathy Nunn
Others Present: Dana Ortiz (Town Administrator)

1. Public Comment: None.

2. Approve Warrants
Motion to approve the warrants. Vote: 3-0.
"""

TOWN = """\
ELMBRIDGE TOWN COUNCIL
Minutes of the Meeting of the Full Council
held on Tuesday 14th January 2025 at 7.00pm

Present:
Councillor A Hale (Town Mayor, in the Chair)
Councillors B Orme, C Pike and D Rowe

In attendance:
G Vine (Town Clerk)

FC/25/001 APOLOGIES FOR ABSENCE
Apologies were received from Councillor J Young.
"""

VILLAGE_BOARD = """\
VILLAGE OF ELMSPA
BOARD OF TRUSTEES
REGULAR MEETING MINUTES
MONDAY, APRIL 14, 2025

PRESENT: Mayor Joan Ames, Trustees Ben Cole and Dan Egan

APPROVAL OF MINUTES
RESOLVED to approve the minutes of the March 24, 2025 meeting.
Motion by Trustee Cole, seconded by Trustee Egan. Motion carried.

ADJOURNMENT
"""

LABEL_CELL = (
    "MINUTES OF AN EMERGENCY MEETING OF THE PARISH COUNCIL\n"
    "HELD AT THE VILLAGE HALL, ELMLEY\n"
    "ON WEDNESDAY 16th JANUARY 2008.\n\n"
    "**Present**\tChairman\tM. Stuart\n"
    "\tVice Chairman\tP. Nicholas\n"
    "\tParish Councillor\tJ. Harris\n"
    "\t\tP. Jay\n\n"
    "The Chairman opened the meeting at 6.05pm.\n"
)

SUMMONS = """\
Elmgrave Town Council

Planning & Development Committee Meeting

Dear Councillors

You are summoned to the next meeting of the Planning and Development Committee which will take place on \
Monday 30 June at 6.15pm in the Council Chamber, Town Council Office.

Joanna Abbott
Town Clerk
25 June 2025

AGENDA

1. Welcome and Apologies for Absence
2. Declaration of Interests
"""

NEXT_AGENDA = """\
**ELMCHARS COMMUNITY COUNCIL**

The next meeting will be held on Tuesday, 8 July 2008 at 7.00pm in The Hive.

**AGENDA**

1. Chair's opening remarks
2. Apologies
3. Approval of minutes from 3.6.08
"""

WELCOME_APOLOGIES = """\
**ELMGRAVE TOWN COUNCIL**

**Planning and Development Committee Meeting Minutes**
**2 June 2025**

**Councillors Present:**
**A Athwall**
**R Gibson**

1. Welcome and to Receive and Accept Apologies for Absence – Apologies were noted from Cllrs Comber and Skinner.

2. Declaration of Interests – None.
"""

BOARD_WITH_OFFICERS = """\
Monthly Board Meeting Minutes
January 12, 2011

TOWN of ELMLAKE

On Wednesday, January 12, 2011, the Elmlake Board of Supervisors met at the Town Hall.

Board Members Present: Bob Hofer, Chairman

Norm Leslie, Supervisor

Jim Stahlmann, Supervisor

Kristie Woolard, Deputy Clerk

Todd McLouth, Township Engineer

Supervisor Leslie motioned to approve the agenda. The motion carried.
"""

FIRM_IN_ATTENDANCE = """\
Elm Township Planning Commission Minutes January 18, 2005

Members present: Ann Orr, Bob Hale, Cy Nye

SITE PLAN REVIEW
Mike Rybicki and Brent Barringer of Wilcox were in attendance to answer questions.
"""

BOARD_SENTENCES = """\
Elmhead Homeowners Association Board of Directors Meeting September 15, 2015

CALL TO ORDER
The meeting was called to order at 5:00 pm. Board members in attendance were David Alquist, Mark Barkmeier, and \
Bobbie Van Dore. Phyllis McPherson and Dawn Bates were in attendance for Vista Management Associates, Inc.

SITE PLAN REVIEW
Mike Rybicki was in attendance to answer questions.
"""

CARE_OF = """\
# Elmhead Filing #1
Homeowners Association
c/o Vista Management Associates, Inc.
8700 Turnpike Drive, Suite 230
Westminster, CO 80031

**ANNUAL MEETING**
**April 21, 2015**

**CALL TO ORDER:**
The meeting was called to order at 7:00 pm.
"""

LETTERHEAD = """\
# Elmhead Filing #1

## Homeowners Association c/o Vista Management Associates, Inc. 8700 Turnpike Drive, Suite 230 Westminster, CO 80031
(303) 429-2611

## Fax: (303) 429-2632

## BOARD OF DIRECTORS MEETING August 19, 2013

**CALL TO ORDER:**
The meeting was called to order at 5:00 pm.

**APPROVAL OF PREVIOUS MINUTES:**
The minutes were approved.
"""

COMMUNITY = """\
BROOMVALE COMMUNITY COUNCIL
Minutes of the meeting held in Broomvale Village Hall on Monday 13th January 2025 at 7.30pm

Present: Alan Baird (Chair), Beth Cowan, Colin Dick

1. Minutes of Previous Meeting
Approved: proposed Colin Dick, seconded Beth Cowan.

2. Treasurer's Report
Reviewed. Motion approved and seconded. Minutes approved.

3. Fife Development Plan – Adopted
"""

DAY_OF = """\
TOWN OF ELM
BOARD OF SELECTMEN
MINUTES

A regular meeting of the Board of Selectmen was held on the 14th day of March, 2023 at 7:00 o'clock p.m. at the \
Town Office.

1. Minutes
Approved.
"""

ROLL_CALL = """\
VILLAGE OF ELM
BOARD OF TRUSTEES
REGULAR MEETING MINUTES
May 12, 2025

ROLL CALL:
Mayor Ann Orr – Present
Trustee Bob Bell – Present
Trustee Cy Dunn – Absent
Trustee Di Frost: Absent (excused)

1. APPROVAL OF MINUTES
Motion carried.
"""

SCHOOL_BOARD = """\
ELM UNIFIED SCHOOL DISTRICT
BOARD OF EDUCATION
MINUTES OF REGULAR MEETING
October 15, 2024

BOARD MEMBERS PRESENT: Ana Cruz, President; Ben Diaz, Vice President; Cal Eng, Clerk
STAFF PRESENT: Dr. Fay Hunt, Superintendent

1.0 CALL TO ORDER
President Cruz called the meeting to order at 6:00 p.m.
"""

SECTIONED_AGENDA = """\
City of Palm Haven
City Commission Meeting
Agenda
Tuesday, March 14, 2023
9:00 AM

A. MEETING CALLED TO ORDER
B. PRESENTATIONS AND PROCLAMATIONS
B.-1. 23-5102 Proclamation declaring March as Women's History Month.
B.-2. 23-5110 Presentation of the Employee of the Month.
C. CONSENT AGENDA
C.-1. 23-5077 Resolution approving the minutes of the February 28, 2023 meeting.
D. ADJOURNMENT
"""


@pytest.mark.parametrize(
    "text, fact, expected",
    [
        pytest.param(
            SECTIONED_AGENDA,
            "items",
            [
                ("A", "Meeting Called to Order"),
                ("B", "Presentations and Proclamations"),
                ("B.-1", "23-5102 Proclamation declaring March as Women's History Month"),
                ("B.-2", "23-5110 Presentation of the Employee of the Month"),
                ("C", "Consent Agenda"),
                ("C.-1", "23-5077 Resolution approving the minutes of the February 28, 2023 meeting"),
                ("D", "Adjournment"),
            ],
            id="items-numbered-in-the-lettered-sections-over-them",
        ),
        pytest.param(TRANSCRIPT, "kind", "minutes", id="agenda-item-numbers-say-no-agenda"),
        pytest.param(TRANSCRIPT, "venue", "CITY HALL, COMMISSION CHAMBER", id="a-commission-chamber-is-a-place"),
        pytest.param(TRANSCRIPT, "chair's surname", "Vale", id="the-speaker-who-calls-the-meeting-to-order"),
        pytest.param(
            TRANSCRIPT,
            "items",
            [
                ("A-1", "Call to Order"),
                ("A-2", "Roll Call"),
                ("E-1", "An Ordinance amending the Zoning Code"),
                ("F-2", "A Resolution approving a contract"),
                ("L-1", "Adjournment"),
            ],
            id="agenda-items-numbered-in-lettered-sections-and-no-street-number",
        ),
        pytest.param(
            TRANSCRIPT,
            "present",
            ("Mayor Robert Vale", "Lisa Mendez", "Commissioner Tom Byers"),
            id="members-one-to-a-line-by-office",
        ),
        pytest.param(
            TRANSCRIPT, "in_attendance", ("Peter Irons", "Billy Ung", "Jane Roe"), id="city-staff-and-public-speakers"
        ),
        pytest.param(CANADIAN, "apologies", ("Councillor F. Shaw",), id="regrets-are-apologies"),
        pytest.param(CANADIAN, "documents", 1, id="a-resolution-on-the-minutes-opens-no-document"),
        pytest.param(VILLAGE_BOARD, "documents", 1, id="resolved-to-approve-the-minutes-opens-no-document"),
        pytest.param(SHIRE, "committee", "Elmton Shire Council", id="a-shire-council-is-the-council"),
        pytest.param(SHIRE, "chair", "Cr J Bloggs", id="the-mayor-who-declared-the-meeting-open"),
        pytest.param(
            COUNTY,
            "venue",
            "Commissioners' Meeting Room, Elm County Courthouse",
            id="the-venue-ends-before-who-was-there",
        ),
        pytest.param(SELECTBOARD, "present", ("Ann Lee", "Bob Marsh", "Cathy Nunn"), id="selectboard-members-present"),
        pytest.param(
            TOWN,
            "present",
            ("Councillor A Hale", "Councillor B Orme", "Councillor C Pike", "Councillor D Rowe"),
            id="the-chair-a-line-then-the-councillors-on-one",
        ),
        pytest.param(TOWN, "chair", "Councillor A Hale", id="a-comma-inside-the-chairs-note-is-no-role"),
        pytest.param(
            LABEL_CELL,
            "present",
            ("M. Stuart", "P. Nicholas", "J. Harris", "P. Jay"),
            id="a-label-alone-in-a-tables-first-cell",
        ),
        pytest.param(LABEL_CELL, "chair", "M. Stuart", id="the-chairman-row-of-a-labelled-table"),
        pytest.param(
            SUMMONS, "date", dt.date(2025, 6, 30), id="a-day-without-its-year-in-the-summons-over-the-letters-date"
        ),
        pytest.param(SUMMONS, "time", "18:15", id="the-hour-of-the-next-meeting-the-notice-calls"),
        pytest.param(NEXT_AGENDA, "date", dt.date(2008, 7, 8), id="an-agenda-that-calls-the-next-meeting"),
        pytest.param(NEXT_AGENDA, "time", "19:00", id="the-hour-of-the-next-meeting-an-agenda-calls"),
        pytest.param(
            WELCOME_APOLOGIES, "apologies", ("Cllr Comber", "Cllr Skinner"), id="welcome-and-to-receive-apologies"
        ),
        pytest.param(
            BOARD_WITH_OFFICERS,
            "in_attendance",
            ("Kristie Woolard", "Todd McLouth"),
            id="an-engineer-under-board-members-present-attends",
        ),
        pytest.param(
            BOARD_SENTENCES,
            "present",
            ("David Alquist", "Mark Barkmeier", "Bobbie Van Dore"),
            id="board-members-in-attendance-were",
        ),
        pytest.param(
            FIRM_IN_ATTENDANCE,
            "in_attendance",
            ("Mike Rybicki", "Brent Barringer"),
            id="names-with-the-firm-they-came-from",
        ),
        pytest.param(
            BOARD_SENTENCES,
            "in_attendance",
            ("Phyllis McPherson", "Dawn Bates", "Mike Rybicki"),
            id="in-attendance-for-a-firm-or-of-one-attends",
        ),
        pytest.param(LETTERHEAD, "date", dt.date(2013, 8, 19), id="a-letterheads-fax-line-is-no-item"),
        pytest.param(CARE_OF, "venue", "", id="the-address-under-care-of-is-no-venue"),
        pytest.param(COMMUNITY, "resolutions", [1, 1, 0], id="an-outcome-alone-with-who-moved-it"),
        pytest.param(DAY_OF, "venue", "Town Office", id="the-venue-after-an-o-clock-time"),
        pytest.param(ROLL_CALL, "present", ("Mayor Ann Orr", "Trustee Bob Bell"), id="a-roll-call-marked-line-by-line"),
        pytest.param(ROLL_CALL, "apologies", ("Trustee Di Frost",), id="absent-excused-in-a-roll-call-is-an-apology"),
        pytest.param(SCHOOL_BOARD, "in_attendance", ("Dr. Fay Hunt",), id="a-superintendent-is-an-office-not-a-name"),
    ],
)
def test_a_councils_shape_gives_its_fact(text: str, fact: str, expected: object) -> None:
    assert fact_of(text, fact) == expected


COMMISSION = """\
CITY OF ELM
CITY COMMISSION
REGULAR MEETING MINUTES
Tuesday, May 14, 2024 – 6:00 p.m.
City Hall Commission Chambers

1. CALL TO ORDER / ROLL CALL
Mayor Vale called the meeting to order at 6:00 p.m. and asked the City Clerk to call the roll.
Mayor Ann Vale – Present
Vice Mayor Tom Orr – Present
Commissioner Lisa Hale – Present
Commissioner Raymond Dunn – Absent (excused)
Commissioner Sam Frost – Absent
Commissioner Jo Lane – Present (arrived 6:12 p.m.)

2. CONSENT AGENDA
Motion by Vice Mayor Orr, seconded by Commissioner Hale, to approve the Consent Agenda. Motion passed 3-0.
2.A Approval of Minutes – Regular Meeting of April 23, 2024
2.B Monthly Financial Report – March 2024

3. ADJOURNMENT
"""

COMMISSION_AGENDA = """\
CITY OF ELM
CITY COMMISSION
REGULAR MEETING AGENDA
Tuesday, June 11, 2024 – 6:00 p.m.
City Hall Commission Chambers

Mayor Ann Vale\tCity Manager Greg Ash
Vice Mayor Tom Orr\tCity Attorney Nat Pruitt
Commissioners Lisa Hale, Raymond Dunn and Sam Frost\tCity Clerk Mona Fell

1. CALL TO ORDER / ROLL CALL
2. CONSENT AGENDA
3. ADJOURNMENT
"""


SHIRE_HEADINGS = """\
ELMTON SHIRE COUNCIL
MINUTES OF THE ORDINARY MEETING OF COUNCIL HELD IN THE COUNCIL CHAMBER ON WEDNESDAY 17 APRIL 2024 AT 6.00PM

1. OPENING
The Mayor opened the meeting at 6.00pm.

2. PRESENT: Cr K Bloggs (Mayor), Cr L Tan (Deputy Mayor), Cr A Schultz

3. APOLOGIES: Cr M Dell

4. CONFIRMATION OF MINUTES
RESOLUTION
Moved Cr Tan Seconded Cr Schultz

That the minutes of the meeting held on 20 March 2024 be confirmed.

CARRIED
"""


REPORT_CODES = """\
BROLGA PLAINS SHIRE COUNCIL

MINUTES OF THE ORDINARY MEETING OF COUNCIL HELD IN THE COUNCIL CHAMBERS ON THURSDAY 15 FEBRUARY 2024

PRESENT: Cr R Hadley (Mayor), Cr J Pemberton (Deputy Mayor), Crs A Brennan and K Dimitriou.

**MM 01/24 KELVARRA SHOWGROUND – DROUGHT FODDER DEPOT**

The Mayor reported on the need for a fodder depot.

RESOLUTION 24/021 Moved: Cr Hadley Seconded: Cr Pemberton

That Council waive the hire fees for the showground.

CARRIED

**GM 01/24 CODE OF MEETING PRACTICE – ADOPTION**

The draft code was exhibited and one submission was received.

RESOLUTION 24/022 Moved: Cr Pemberton Seconded: Cr Brennan

That Council adopt the Code of Meeting Practice as exhibited.

CARRIED

**CS 01/24 INVESTMENT REPORT – JANUARY 2024**

RESOLUTION 24/023 Moved: Cr Brennan Seconded: Cr Dimitriou

That the investment report be received.

CARRIED

**ES 01/24 DRAFT TOWN CENTRE MASTERPLAN**

RESOLUTION 24/024 Moved: Cr Dimitriou Seconded: Cr Hadley

That the draft masterplan be placed on public exhibition.

CARRIED
"""


RURAL_MUNICIPALITY = """\
THE RURAL MUNICIPALITY OF ELM HOLLOW
REGULAR MEETING OF COUNCIL

Minutes of the Regular Meeting of the Council of the Rural Municipality of Elm Hollow held in the
Council Chambers, Municipal Office, 52 Main Street, Linden, Manitoba on Tuesday, April 9, 2024.

Present: Reeve Abe Penner; Councillors Ruth Dueck, Tom Wiebe; CAO Marlene Toews

CALL TO ORDER
Reeve Penner called the meeting to order at 9:00 a.m.

ADOPTION OF AGENDA
Resolution No. 2024-114
Moved by Councillor Dueck
Seconded by Councillor Wiebe
BE IT RESOLVED THAT the agenda be adopted as presented.
CARRIED

ROAD MAINTENANCE
Resolution No. 2024-115
Moved by Councillor Wiebe
Seconded by Councillor Dueck
BE IT RESOLVED THAT the grader be repaired.
DEFEATED
"""


SCHOOL_BOARD = """\
**ELM LOCAL SCHOOL DISTRICT**
**BOARD OF EDUCATION**
**REGULAR MEETING MINUTES**
**Monday, March 18, 2024**
**Elm High School Media Center**

**CALL TO ORDER**

The Board of Education met in regular session. President Mrs. Dana Kessler called the meeting to order at 6:30 p.m.

Roll Call: Mr. Boyd, present; Mrs. Kessler, present; Dr. Lutz, absent; Mr. Okafor, present.

**RESOLUTION #24-029 Adopt Agenda**
Motion by Mr. Okafor, second by Mr. Boyd, to adopt the agenda.
Roll Call: Mr. Boyd, yea; Mrs. Kessler, yea; Mr. Okafor, yea. Motion carried 3-0.

**RESOLUTION #24-030 Approve Minutes**
Motion by Mr. Boyd, second by Mr. Okafor, to approve the minutes of the February 19, 2024 meeting.
Roll Call: Mr. Boyd, yea; Mrs. Kessler, yea; Mr. Okafor, yea. Motion carried 3-0.
"""


def fact_of(text: str, fact: str) -> object:
    """One fact of the first record the invented paper `text` converts to (or how many records it gives)."""
    documents = convert_paper_text(text, "p.txt")
    record = documents[0].record
    return {
        "kind": record.kind,
        "committee": record.committee,
        "date": record.date,
        "time": record.time,
        "venue": record.venue,
        "chair": record.attendance.chair,
        "chair's surname": record.attendance.chair.split()[-1] if record.attendance.chair else "",
        "present": record.attendance.present,
        "apologies": record.attendance.apologies,
        "in_attendance": record.attendance.in_attendance,
        "items": [(item.number, item.title) for item in record.items],
        "resolutions": [len(item.resolutions) for item in record.items],
        "documents": len(documents),
    }[fact]


ROMAN = """\
TOWN OF ELM
PLANNING BOARD
MINUTES
June 3, 2025

I. OLD BUSINESS
A. Site plan – 12 Oak Street
Tabled.
B. Sign ordinance
Discussed.
II. NEW BUSINESS
A. Subdivision – Elm Farm
Approved 3-0.
III. ADJOURNMENT
"""

GROUPED = """\
Elmhead Homeowners Association Board of Directors Meeting January 9, 2018

**CALL TO ORDER**
The meeting was called to order at 5:05 pm.

**FINANCIAL REPORTS**
Monthly Financials – The financials ending December 2017 were reviewed and all questions answered.

Delinquency Update – The delinquent accounts were discussed and all questions were answered.

**REPORTS**
Inspection Report – The inspection report was reviewed in detail by the board.

**ADJOURNMENT**
The meeting adjourned at 6:15 pm.
"""

HASHED = """\
TOWN OF ELM
PLANNING BOARD
MINUTES
June 3, 2025

#1 Call to Order
Called to order.
#2 Minutes
Approved.
#3 Adjournment
"""

FIRE_DISTRICT = """\
SUMMARY OF THE MINUTES
ELM COUNTY FIRE DISTRICT 2

Tuesday, March 11, 2025 — Fire Station Training Room
Station #21 at 40 Harbor Street in Elmport

CALL TO ORDER
Chair Dane called the Fire Commission meeting for Elm Fire District 2 to order at 3:00 p.m.

ROLL CALL
Commissioners Present: Ruth Dane (Chair), Omar Pike (Vice-Chair) and Lena Voss (Member).

Staff: Chief Tom Hale and Board Secretary Amy Ross.

AGENDA
No changes were requested to the Agenda.

UNFINISHED BUSINESS
911 Dispatch
Commissioner Pike reported that a recent call was routed to the wrong county. Discussion followed regarding possible
remedies and the cost of each.

Elm Fire District 2 - Commission Minutes
Tuesday, March 11, 2025

Chief Hale noted that the county runs the dispatch centre. No action was taken.

NEW BUSINESS
None discussed.

ADJOURNMENT
Moved by Pike, seconded by Voss, to adjourn the meeting at 4:10 p.m. Motion passed 3-0.
"""

TITLED_OVER_A_SENTENCE = """\
ELM WATER DISTRICT
APPROVED MINUTES – BOARD OF DIRECTORS
The Board of Directors met at the District Office on Tuesday, June 3, 2025 at 6:00 p.m.

CALL TO ORDER
President Cole called the meeting to order at 6:00 p.m.

APPROVAL OF MINUTES
The minutes of May 6, 2025 were approved as presented.

ADJOURNMENT
The meeting adjourned at 7:15 p.m.
"""

SCHOOL_BOARD_TABLE = """\
# Elm Valley School District

## Board of Education – Regular Meeting Minutes

## Monday, September 18, 2023 – 7:00 p.m.

Large Group Instruction Room, Elm Valley High School

### I. CALL TO ORDER

Board President Ann Moreno called the meeting to order at 7:02 p.m.

### II. ROLL CALL

| Board Member | Present | Absent |
|---|---|---|
| Mrs. Ann Moreno, President | X | |
| Mr. Luis Ortega, Vice President | X | |
| Mr. Dwayne Fetter | | X |
| Dr. Rebecca Hsu | X | |

**Administrators present:** Dr. Sharon White, Superintendent; Mr. Brian Kessel, Assistant Superintendent; Mrs. Janet Lutz, Director of Special Education

**Others present:** Tanya Rich, CAO/Clerk

### III. ACTION ITEMS

**A. Approval of Personnel Items** as listed in Attachment A, including the appointment of a Grade 3 teacher.

Motion by Mr. Ortega, second by Dr. Hsu. Motion carried 3-0.

**B. Approval of the Treasurer’s Report and Bills Payable for August 2023.**

It was proposed by Cllr. Hsu, seconded by Cllr. Ortega and agreed to pay the bills.

### IV. ADJOURNMENT
"""

TIMED_AGENDA = """\
                     ELM COUNTY BOARD OF COMMISSIONERS
                            REGULAR MEETING AGENDA
                        Tuesday, March 5, 2024 - 9:00 a.m.
           Commissioners' Board Room, Elm County Government Center
                  200 Second Street NE, Birch Falls, Minnesota

9:00     1.  CALL TO ORDER

         2.  APPROVAL OF AGENDA

9:15     3.  PUBLIC WORKS - Tom Hale, County Engineer
             a. Resolution 2024-12 - Final Acceptance of the road
             b. Purchase of a plow truck

        4.  ADJOURNMENT
"""

WRAPPED_LABEL = """\
TOWNSHIP OF ELM LAKE
Regular Meeting of Council
Minutes
Tuesday, April 12, 2022, 7:00 p.m.

Council Members Mayor Ann Orr
Present: Deputy Mayor Bob Hale
Councillor Cy Nye
Regrets: Councillor Di Pike

1. Call to Order
Mayor Orr called the meeting to order at 7:00 p.m.
"""

TITLE_UNDER_LETTERHEAD = """\
Elm & Strath Community Council

# Elm & Strath Community Council
Secretary: Ann Fraser, Tigh an Uillt, Strath, Inverness-shire IV4 7QJ t. 01463 761 448
elm.secretary@example.org

**Minutes of the Ordinary Meeting held in Elm Hall on Tuesday 8th**
**November 2022 at 7.30pm**

Present: Alasdair Munro (Chair), Ewan Grant, Morag Sutherland

**LIC.5 APOLOGIES FOR ABSENCE**

Apologies were received from Shona Ross.

**LIC.6 PLANNING**

The application was noted.
"""

SELECTBOARD_MOTIONS = """\
TOWN OF ELM
SELECTBOARD MEETING MINUTES
Monday, October 2, 2023 - 6:30 PM

Members present: Ann Hale, Bob Orr, Cy Nye

APPROVAL OF MINUTES
Motion: To approve the minutes of September 18, 2023 as amended.
Moved: Hale. Seconded: Orr. Roll call vote: 3-0-0.

PUBLIC COMMENT
None was offered at this meeting by any resident.

SURPLUS TRUCK
Motion: To declare the 2009 truck surplus and offer it for sale.
Moved: Orr. Seconded: Hale. Vote: 3-0-0.

ADJOURNMENT
Motion: To adjourn at 8:41 PM.
Moved: Hale Seconded: Orr Vote: 3-0-0
"""

LABELLED_ROWS = """\
SHIRE OF ELM
MINUTES
ORDINARY COUNCIL MEETING
Held in the Council Chambers on Wednesday 21 February 2024 commencing at 2.00pm

1. RECORD OF ATTENDANCE

Members\tCr Ann Hale\tShire President (Presiding Member)
\tCr Bob Orr\tDeputy Shire President
\tCr Cy Nye\t
Staff\tMr Stuart Hall\tChief Executive Officer
\tMs Jen Rowe\tManager Corporate Services
Apologies\tCr Di Pike\t

2. CONFIRMATION OF MINUTES
The minutes were confirmed.
"""

PRESENT_IN_CHAMBER = """\
ELM AND LOUGH DISTRICT COUNCIL

Minutes of Meeting of the Environmental Services Committee held in the Council Chamber, Civic Centre, Elm on Monday 13 March 2023 at 7.00 pm

Present in Alderman G Hale (Chair)
Chamber: Aldermen R Craig and P Lennon
Councillors T Boyle and S Devlin

In Attendance: Mr D Hughes, Director of Environmental Services

ES 20/23 APOLOGIES

Apologies were received from Councillor B Rafferty.
"""

VENUE_OVER_MEMBERS = """\
FULL COUNCIL
Minutes of a meeting of Elm District Council held on 26 September 2012 at the
Council Offices, Holt Road, Elm at 6.00 pm.
Members Present:
Mr M J Baker
Mrs L Brett

1. APOLOGIES
None.
"""

COUNCIL_PRESENT = """\
The Corporation of the City of Elm Bay
Council Minutes
Regular Meeting of Council
Tuesday, May 14, 2024, 6:00 p.m.
Council Chambers, City Hall, 220 Front Street

Council Present: Mayor D. Kowal
Councillor A. Bhatt
Councillor R. Chiasson (electronic participation) Regrets: Councillor L. MacInnis

Staff Present: M. Harrington, Chief Administrative Officer

1. Call to Order

The Mayor called the meeting to order at 6:00 p.m.

2. Adoption of Agenda

The agenda was adopted.
"""

VILLAGE_AGENDA = """\
# VILLAGE OF ELM FALLS
12 Main Street · Elm Falls, New York 13477 · (315) 555-0192

**BOARD OF TRUSTEES**
**REGULAR MEETING AGENDA**
**Monday, March 11, 2024 – 7:00 PM**

1. Call to Order

2. Approval of Minutes
3. Resolutions

A. Adoption of Local Law #1 of 2024 (Short-Term Rentals)
B. Authorize Mayor to Sign Inter-Municipal Agreement with Town of Elm (Snow Removal)

4. Adjournment
"""

MEMBERS_CELL_RUN_IN = """\
SHIRE OF ELM
MINUTES
ORDINARY COUNCIL MEETING
Held in the Council Chambers on Wednesday 15 March 2023 commencing at 2.00pm

2. RECORD OF ATTENDANCE

Members Cr Ann Hale Shire President (Presiding Member)
Cr Bob Orr Deputy Shire President
Cr Cy Nye

3. CONFIRMATION OF MINUTES
The minutes were confirmed.
"""


@pytest.mark.parametrize(
    "text, fact, expected",
    [
        pytest.param(
            MEMBERS_CELL_RUN_IN,
            "present",
            ("Cr Ann Hale", "Cr Bob Orr", "Cr Cy Nye"),
            id="a-members-cell-run-into-its-first-councillor",
        ),
        pytest.param(MEMBERS_CELL_RUN_IN, "chair", "Cr Ann Hale", id="the-presiding-member-in-that-table"),
        pytest.param(
            VILLAGE_AGENDA,
            "items",
            [
                ("1", "Call to Order"),
                ("2", "Approval of Minutes"),
                ("3", "Resolutions"),
                ("3(A)", "Adoption of Local Law #1 of 2024 (Short-Term Rentals)"),
                ("3(B)", "Authorize Mayor to Sign Inter-Municipal Agreement with Town of Elm (Snow Removal)"),
                ("4", "Adjournment"),
            ],
            id="a-letterhead-address-parted-by-dots-and-long-lettered-sub-items",
        ),
        pytest.param(
            COUNCIL_PRESENT,
            "present",
            ("Mayor D. Kowal", "Councillor A. Bhatt", "Councillor R. Chiasson"),
            id="council-present-and-regrets-run-onto-the-last-line",
        ),
        pytest.param(COUNCIL_PRESENT, "apologies", ("Councillor L. MacInnis",), id="regrets-mid-line"),
        pytest.param(COUNCIL_PRESENT, "chair", "Mayor D. Kowal", id="the-mayor-called-it-to-order-by-office"),
        pytest.param(
            PRESENT_IN_CHAMBER,
            "present",
            ("Alderman G Hale", "Alderman R Craig", "Alderman P Lennon", "Councillor T Boyle", "Councillor S Devlin"),
            id="present-in-chamber-wrapped-beside-the-names",
        ),
        pytest.param(PRESENT_IN_CHAMBER, "chair", "Alderman G Hale", id="the-chair-in-a-wrapped-label"),
        pytest.param(
            VENUE_OVER_MEMBERS,
            "venue",
            "Council Offices, Holt Road, Elm",
            id="a-sentence-over-members-present-wraps-no-label",
        ),
        pytest.param(VENUE_OVER_MEMBERS, "present", ("Mr M J Baker", "Mrs L Brett"), id="members-under-the-sentence"),
        pytest.param(
            LABELLED_ROWS,
            "present",
            ("Cr Ann Hale", "Cr Bob Orr", "Cr Cy Nye"),
            id="a-label-in-a-rows-first-cell-starts-another-list",
        ),
        pytest.param(LABELLED_ROWS, "in_attendance", ("Mr Stuart Hall", "Ms Jen Rowe"), id="staff-rows-attend"),
        pytest.param(
            SELECTBOARD_MOTIONS,
            "items",
            [("", "Approval of Minutes"), ("", "Public Comment"), ("", "Surplus Truck"), ("", "Adjournment")],
            id="a-motions-label-under-a-heading-is-no-item",
        ),
        pytest.param(SELECTBOARD_MOTIONS, "resolutions", [1, 0, 1, 1], id="a-motion-and-its-vote-3-0-0"),
        pytest.param(
            TITLE_UNDER_LETTERHEAD,
            "items",
            [("LIC.5", "Apologies for Absence"), ("LIC.6", "Planning")],
            id="a-committees-prefix-a-dot-and-the-minute",
        ),
        pytest.param(
            TITLE_UNDER_LETTERHEAD,
            "date",
            dt.date(2022, 11, 8),
            id="a-title-under-the-letterhead-wrapped-over-two-bold-lines",
        ),
        pytest.param(
            WRAPPED_LABEL,
            "present",
            ("Mayor Ann Orr", "Deputy Mayor Bob Hale", "Councillor Cy Nye"),
            id="a-label-wrapped-in-its-column-beside-the-names",
        ),
        pytest.param(
            TIMED_AGENDA,
            "items",
            [
                ("1", "Call to Order"),
                ("2", "Approval of Agenda"),
                ("3", "PUBLIC WORKS - Tom Hale, County Engineer"),
                ("3(a)", "Resolution 2024-12 - Final Acceptance of the road"),
                ("3(b)", "Purchase of a plow truck"),
                ("4", "Adjournment"),
            ],
            # the times in a column before the numbers, and the address in the heading (its quarter of town after
            # the street) no item 200 whose restart at 1 makes the items a list
            id="an-agenda-with-a-column-of-times",
        ),
        pytest.param(
            SCHOOL_BOARD_TABLE,
            "present",
            ("Mrs. Ann Moreno", "Mr. Luis Ortega", "Dr. Rebecca Hsu"),
            id="a-board-members-register-marked-present-or-absent",
        ),
        pytest.param(
            SCHOOL_BOARD_TABLE,
            "in_attendance",
            ("Dr. Sharon White", "Mr. Brian Kessel", "Mrs. Janet Lutz", "Tanya Rich"),
            id="administrators-present-each-a-name-and-role-parted-by-semicolons",
        ),
        pytest.param(
            SCHOOL_BOARD_TABLE,
            "venue",
            "Large Group Instruction Room, Elm Valley High School",
            id="a-room-a-bodys-word-describes-is-a-place",
        ),
        pytest.param(
            SCHOOL_BOARD_TABLE,
            "items",
            [
                ("I", "Call to Order"),
                ("II", "Roll Call"),
                ("III", "Action Items"),
                ("III(A)", "Approval of Personnel Items"),
                ("III(B)", "Approval of the Treasurer’s Report and Bills Payable for August 2023"),
                ("IV", "Adjournment"),
            ],
            id="lettered-items-titled-in-bold",
        ),
        pytest.param(SCHOOL_BOARD_TABLE, "resolutions", [0, 0, 0, 1, 1, 0], id="seconded-by-cllr-and-agreed"),
        pytest.param(
            TITLED_OVER_A_SENTENCE,
            "items",
            [("", "Call to Order"), ("", "Approval of Minutes"), ("", "Adjournment")],
            id="a-title-naming-the-minutes-is-no-item",
        ),
        pytest.param(
            TITLED_OVER_A_SENTENCE, "date", dt.date(2025, 6, 3), id="the-date-under-a-title-naming-the-minutes"
        ),
        pytest.param(
            FIRE_DISTRICT,
            "items",
            [
                ("", "Call to Order"),
                ("", "Roll Call"),
                ("", "Unfinished Business"),
                ("", "911 Dispatch"),
                ("", "New Business"),
                ("", "Adjournment"),
            ],
            # The title's lines over a line that opens with the date are no items; "AGENDA" after the call to order
            # approves the agenda and opens no list of items; the roll call is business; a number of three figures
            # alone under a heading opens its title.
            id="a-summary-of-minutes-told-under-capital-headings",
        ),
        pytest.param(FIRE_DISTRICT, "documents", 1, id="a-pages-title-inside-minutes-not-yet-closed"),
        pytest.param(CITY, "committee", "City Of Elm", id="the-kind-of-meeting-is-no-body"),
        pytest.param(PARISH, "apologies", ("Cllr D White",), id="an-apology-told-again-by-surname-is-one-person"),
        pytest.param(VILLAGE, "items", [("A", "Approval of Minutes"), ("B", "Bills")], id="items-lettered-from-a"),
        pytest.param(
            ROMAN,
            "items",
            [
                ("I", "Old Business"),
                ("I(A)", "Site plan – 12 Oak Street"),
                ("I(B)", "Sign ordinance"),
                ("II", "New Business"),
                ("II(A)", "Subdivision – Elm Farm"),
                ("III", "Adjournment"),
            ],
            id="a-lone-sub-item-a-where-the-paper-letters-sub-items",
        ),
        pytest.param(
            GROUPED,
            "items",
            [
                ("", "Call to Order"),
                ("", "Monthly Financials"),
                ("", "Delinquency Update"),
                ("", "Inspection Report"),
                ("", "Adjournment"),
            ],
            id="labels-under-a-heading-that-only-groups-them",
        ),
        pytest.param(
            COMMISSION,
            "present",
            ("Mayor Ann Vale", "Tom Orr", "Commissioner Lisa Hale", "Commissioner Jo Lane"),
            id="a-roll-call-each-member-then-their-answer",
        ),
        pytest.param(
            COMMISSION, "apologies", ("Commissioner Raymond Dunn",), id="a-roll-calls-excused-absence-is-an-apology"
        ),
        pytest.param(
            COMMISSION,
            "items",
            [
                ("1", "Call to Order / Roll Call"),
                ("2", "Consent Agenda"),
                ("2.A", "Approval of Minutes – Regular Meeting of April 23, 2024"),
                ("2.B", "Monthly Financial Report – March 2024"),
                ("3", "Adjournment"),
            ],
            id="a-sections-items-lettered-after-its-number",
        ),
        pytest.param(COMMISSION_AGENDA, "kind", "agenda", id="an-agenda-titled-so-over-its-membership"),
        pytest.param(SCHOOL_BOARD, "time", "18:30", id="called-to-order-by-a-titled-president-under-its-heading"),
        pytest.param(
            SCHOOL_BOARD, "present", ("Mr. Boyd", "Mrs. Kessler", "Mr. Okafor"), id="a-roll-calls-answers-after-names"
        ),
        pytest.param(SCHOOL_BOARD, "documents", 1, id="a-resolution-approving-minutes-over-a-vote-opens-nothing"),
        pytest.param(
            RURAL_MUNICIPALITY,
            "date",
            dt.date(2024, 4, 9),
            id="a-title-over-the-sentence-opening-the-minutes-wrapped-over-lines",
        ),
        pytest.param(
            RURAL_MUNICIPALITY,
            "items",
            [("", "Call to Order"), ("", "Adoption of Agenda"), ("", "Road Maintenance")],
            id="a-motions-number-and-outcome-in-capitals-are-no-items",
        ),
        pytest.param(
            RURAL_MUNICIPALITY.replace("Resolution No. 2024-114", "**Resolution No. 2024-114**"),
            "items",
            [("", "Call to Order"), ("", "Adoption of Agenda"), ("", "Road Maintenance")],
            id="a-motions-number-in-bold-is-no-item",
        ),
        pytest.param(
            RURAL_MUNICIPALITY.replace(
                "ROAD MAINTENANCE",
                "Delegation: Elm Hollow Fire Department – Chief Dale Unger\n"
                "Chief Unger presented the department's annual report and asked for a new tanker.\n\n"
                "COUNCIL REPORTS\n"
                "Councillor Dueck – Library board, April 2. Reeve Penner – District officials, April 3.\n\n"
                "ROAD MAINTENANCE",
            ),
            "items",
            [
                ("", "Call to Order"),
                ("", "Adoption of Agenda"),
                ("", "Delegation: Elm Hollow Fire Department – Chief Dale Unger"),
                ("", "Council Reports"),
                ("", "Road Maintenance"),
            ],
            id="a-delegation-named-on-its-own-line-and-members-reports-under-their-heading",
        ),
        pytest.param(
            RURAL_MUNICIPALITY,
            "in_attendance",
            ("Marlene Toews",),
            id="an-officer-after-the-councillors-in-one-list",
        ),
        pytest.param(
            SHIRE_HEADINGS,
            "present",
            ("Cr K Bloggs", "Cr L Tan", "Cr A Schultz"),
            id="those-present-on-their-items-heading",
        ),
        pytest.param(SHIRE_HEADINGS, "chair", "Cr K Bloggs", id="the-mayor-opened-it-noted-beside-their-name"),
        pytest.param(SHIRE_HEADINGS, "resolutions", [0, 0, 0, 1], id="a-resolution-marked-over-who-moved-it"),
        pytest.param(
            "Minutes of the Board of Directors\n\nBoard Members Present: Harold Brandvold, Ines Teague\n\n"
            "1. CALL TO ORDER\nPresident Brandvold called the meeting to order at 7:00 PM. Four directors were present.",
            "present",
            ("Harold Brandvold", "Ines Teague"),
            id="directors-counted-in-a-sentence-are-not-named",
        ),
        pytest.param(
            "PLANNING AND ZONING COMMISSION\nMINUTES OF REGULAR MEETING\nTuesday, May 21, 2024 – 6:00 p.m.\n"
            "Commissioners Courtroom, Bexar Bend County Courthouse, 200 South Travis Street, Mesquite Flat, Texas\n\n"
            "COMMISSIONERS PRESENT: Ray Pruett, Walter Feagin\n\nI. CALL TO ORDER\nThe chair called the meeting to order.",
            "venue",
            "Commissioners Courtroom, Bexar Bend County Courthouse, 200 South Travis Street, Mesquite Flat, Texas",
            id="the-commissioners-courtroom-is-where-they-met-not-who",
        ),
        pytest.param(
            "**Kestrel Creek Water District**\n\n**MINUTES OF SPECIAL-CALLED MEETING**\n\nJune 4, 2024\n\n"
            "Board Members Present: Harold Brandvold, Ines Teague\n\n1. CALL TO ORDER\nThe meeting opened at 6 PM.",
            "committee",
            "Kestrel Creek Water District",
            id="a-special-called-meeting-is-no-body",
        ),
        pytest.param(
            "5. CONSENT AGENDA\nM/S/C (Teague/Yoshimura) to approve the consent agenda as presented. (4-0)\n\n"
            "6. RATES\nM/S/F (Okafor/Teague) to defer the rate increase. (2-3)",
            "resolutions",
            [1, 0],
            id="moved-seconded-carried-in-shorthand",
        ),
        pytest.param(
            REPORT_CODES,
            "items",
            [
                ("MM 01/24", "Kelvarra Showground – Drought Fodder Depot"),
                ("GM 01/24", "Code of Meeting Practice – Adoption"),
                ("CS 01/24", "Investment Report – January 2024"),
                ("ES 01/24", "Draft Town Centre Masterplan"),
            ],
            id="items-numbered-by-each-directorates-report-codes-over-numbered-resolutions",
        ),
        pytest.param(REPORT_CODES, "resolutions", [1, 1, 1, 1], id="a-resolutions-number-beside-who-moved-it"),
        pytest.param(
            "Minutes of the Environmental Services Committee held on Tuesday 12 March 2024 at 7.00 pm\n\n"
            "In the Chair: Alderman T McKeown\nPresent: Councillors S Devlin and C Fleming\n"
            "In Attendance: Director of Environmental Services (A Creighton); Head of Estates and Cemeteries "
            "(J Whiteside); Democratic Services Officer (L Nesbitt)\n\n"
            "ES.24/041 Apologies\nApologies were received from Councillor M Bradley.\n",
            "in_attendance",
            ("A Creighton", "J Whiteside", "L Nesbitt"),
            id="officers-by-office-each-holder-in-brackets",
        ),
        pytest.param(
            "MINUTES of the Inverlaggan Area Committee held on 12 March 2024\n\n"
            "Present: Councillor A Hale (Convener), Councillor B Orr\n\n"
            "1. MINUTE\n\nThe Minute of the meeting of the Committee held on 6 February 2024 was submitted and "
            "approved as a correct record.\n\n"
            "2. ROADS\n\nThe Committee considered a report.\n\nThe Committee agreed:-\n\n(1) to note the report;\n\n"
            "(2) to approve the works; and\n\n(3) to ask for a further report.\n",
            "resolutions",
            [1, 3],
            id="a-minute-submitted-and-approved-and-what-the-committee-agreed-in-parts",
        ),
        pytest.param(
            HASHED,
            "items",
            [("#1", "Call to Order"), ("#2", "Minutes"), ("#3", "Adjournment")],
            id="items-numbered-with-a-hash",
        ),
    ],
)
def test_a_common_shape_gives_its_fact(text: str, fact: str, expected: object) -> None:
    assert fact_of(text, fact) == expected
