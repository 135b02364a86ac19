"""Table-driven tests for attendance shapes seen on papers from councils of many kinds: letters after
names, nicknames, lists run into the next sentence, labels printed side by side, labels inside one long
paragraph. All text is invented."""

from __future__ import annotations

import pytest

from minutes.papers.attendance import label_of, people_in, read_attendance
from minutes.papers.clean import clean_lines


def attendance(text: str, **options):
    lines = clean_lines(text)
    return read_attendance(lines, 0, len(lines), **options)


@pytest.mark.parametrize(
    "text, names",
    [
        pytest.param(
            "Aldermen K Hale, R T Moss OBE, P Lund",
            ["Alderman K Hale", "Alderman R T Moss OBE", "Alderman P Lund"],
            id="honours-kept",
        ),
        pytest.param(
            "Councillors B Orr BEM and C Nye", ["Councillor B Orr BEM", "Councillor C Nye"], id="honours-before-and"
        ),
        pytest.param("Cr T Bell OAM (Mayor), Cr F Gow", ["Cr T Bell OAM", "Cr F Gow"], id="honours-then-role"),
        pytest.param(
            "Councillors: Mary “Molly” Keane, Tom Ryan",
            ["Councillor Mary “Molly” Keane", "Councillor Tom Ryan"],
            id="nickname-in-quotes",
        ),
        pytest.param("Sean ‘Red’ Daly, Ann Ward", ["Sean ‘Red’ Daly", "Ann Ward"], id="nickname-in-single-quotes"),
        pytest.param(
            "Councillor Ann Price, Chairman, Presided. Councillors B Hale, C Orme",
            ["Councillor Ann Price", "Councillor B Hale", "Councillor C Orme"],
            id="full-stop-before-next-titled-group",
        ),
        pytest.param(
            "Mr. T. Farr, County Manager, Ms. A. Boyle, D.O.S., Mr. K. Lyons, A.O.",
            ["Mr. T. Farr", "Ms. A. Boyle", "Mr. K. Lyons"],
            id="office-initials-after-names",
        ),
        pytest.param("Mr. B. Hale, Mrs. C. Orme", ["Mr. B. Hale", "Mrs. C. Orme"], id="title-dots-are-not-full-stops"),
        pytest.param(
            "Library Director Sandy Whit and Trustee Vane", ["Sandy Whit", "Trustee Vane"], id="office-before-a-name"
        ),
        pytest.param(
            "Councillors D Hale (Chair), S Linn & P Marsh Clerk J Cole",
            ["Councillor D Hale", "Councillor S Linn", "Councillor P Marsh", "J Cole"],
            id="the-clerk-takes-no-councillors-title",
        ),
        pytest.param("Watson Robb Convenor", ["Watson Robb"], id="convenor-after-a-name"),
        pytest.param("A Armin, EDC", ["A Armin"], id="a-bodys-initials-after-the-comma"),
        pytest.param(
            "Councillors D Hale (Chair), N Cress and P Moran Clerk Mrs J Todd Eden District Councillor A Armin "
            "and Councillor A Conn plus ten guests",
            [
                "Councillor D Hale",
                "Councillor N Cress",
                "Councillor P Moran",
                "Mrs J Todd",
                "District Councillor A Armin",
                "Councillor A Conn",
            ],
            id="offices-between-names-run-together-open-the-next-name",
        ),
        pytest.param("A Armin EDC and M Armin", ["A Armin", "M Armin"], id="a-bodys-initials-after-the-name"),
        pytest.param("Mr & Mrs Johns, Ann Bell", ["Mr Johns", "Mrs Johns", "Ann Bell"], id="a-couple"),
        pytest.param("Ann Bell, Three Members, ten guests", ["Ann Bell"], id="counts-of-people-not-named"),
        pytest.param("Cllr J Smith MBE, J Davis OAM", ["Cllr J Smith MBE", "J Davis OAM"], id="honours-are-no-body"),
        pytest.param(
            "Clerk Fisk, Supervisor Glass, Treasurer Lea, Trustees Pye & Hamm. All Present.",
            ["Fisk", "Supervisor Glass", "Lea", "Pye", "Hamm"],
            id="all-present-after-the-roll",
        ),
        pytest.param("Trustees Matt and Mike present", ["Matt", "Mike"], id="present-after-the-names"),
        pytest.param("Sandy Whit, Library Director, Jo Bell", ["Sandy Whit", "Jo Bell"], id="an-office-after-a-name"),
        pytest.param(
            "S. Knox (SK); P. Wood (PDW); J. Brom (JB) were not in attendance.",
            ["S. Knox", "P. Wood", "J. Brom"],
            id="were-not-in-attendance-after-the-names",
        ),
        pytest.param(
            "P. Stod (PS) Ward Councillor; K. Phil (Clerk). No members of the public present.",
            ["P. Stod", "K. Phil"],
            id="a-tier-after-initials-and-a-sentence-after-the-list",
        ),
        pytest.param("A Hale, Ward Councillor, B Orr", ["A Hale", "B Orr"], id="a-tier-alone-is-the-office-before"),
        pytest.param(
            "Lucy Jess (Elm Primary School), Mari Don (Secretary), Elmhead Community Police",
            ["Lucy Jess", "Mari Don"],
            id="a-body-named-where-a-person-would-be-is-no-person",
        ),
    ],
)
def test_people_in(text, names):
    assert [p.name for p in people_in(text)] == names


def test_presided_marks_the_chair():
    people = people_in("Councillor Ann Price, Chairman, Presided. Councillors B Hale, C Orme")
    assert [p.name for p in people if p.chair] == ["Councillor Ann Price"]


def test_office_initials_are_roles():
    people = people_in("Ms. A. Boyle, D.O.S., Mr. K. Lyons")
    assert people[0].role == "D.O.S"


FLATTENED = (
    "COUNTY COUNCIL MINUTES OF MONTHLY MEETING HELD IN THE COUNCIL CHAMBER ON MONDAY, 3RD MAY 2010 AT 2.00 P.M. "
    "{labels} Cllr. A. Breen (Presiding), Cllrs. B. Hale, C. Orme, D. Pike and E. Quill. Cllr. F. Roe "
    "IN ATTENDANCE: Mr. G. Shaw, County Manager, Ms. H. Tate, A.O. VOTES OF SYMPATHY: Votes of sympathy were extended "
    "to the family of the late Mary Walsh.\n"
)


@pytest.mark.parametrize(
    "labels, present, apologies",
    [
        pytest.param(
            "PRESENT: APOLOGIES:",
            ["Cllr. A. Breen", "Cllr B. Hale", "Cllr C. Orme", "Cllr D. Pike", "Cllr E. Quill"],
            ["Cllr. F. Roe"],
            id="present-apologies",
        ),
        pytest.param(
            "MEMBERS PRESENT: APOLOGIES:",
            ["Cllr. A. Breen", "Cllr B. Hale", "Cllr C. Orme", "Cllr D. Pike", "Cllr E. Quill"],
            ["Cllr. F. Roe"],
            id="members-present-apologies",
        ),
    ],
)
def test_two_labels_side_by_side_in_a_flattened_page(labels, present, apologies):
    found = attendance(FLATTENED.format(labels=labels))
    assert (found.chair, found.present, found.apologies) == ("Cllr. A. Breen", present, apologies)
    assert found.in_attendance == ["Mr. G. Shaw", "Ms. H. Tate"]


@pytest.mark.parametrize(
    "text, apologies, in_attendance",
    [
        pytest.param(
            "MINUTES OF ANNUAL MEETING HELD ON MONDAY, 1st JUNE, 2015, AT 7 PM Present: Councillors: Ann Hale, Bob Orme, "
            "Cora Pike. Apologies: Dan Quill Also Present: Mr. Ed Roe, Senior Engineer. Summons of Meeting: Notice was read.\n",
            ["Dan Quill"],
            ["Mr. Ed Roe"],
            id="next-label-ends-the-list",
        ),
    ],
)
def test_labels_inside_one_paragraph(text, apologies, in_attendance):
    found = attendance(text)
    assert (found.apologies, found.in_attendance) == (apologies, in_attendance)
    assert found.present == ["Councillor Ann Hale", "Councillor Bob Orme", "Councillor Cora Pike"]


@pytest.mark.parametrize(
    "text, chair, present, in_attendance, apologies",
    [
        pytest.param(
            "Present / Bresennol Chair Cllr A Pym Cllr B Sands, Cllr C Tate, In attendance : Ann Lowe, Clerk / RFO\n",
            "Cllr A Pym",
            ["Cllr A Pym", "Cllr B Sands", "Cllr C Tate"],
            ["Ann Lowe"],
            [],
            id="english-label-then-welsh",
        ),
        pytest.param(
            "In Attendance\nCouncillors A Hale (AH) Chair, B Marsh (BM) vice-chair, C Orme (CO), D Pike (DP), Eve Lowe (EL), "
            "the temporary clerk, was in attendance.\n1) Apologies – Councillor F Roe.\n",
            "Councillor A Hale",
            ["Councillor A Hale", "Councillor B Marsh", "Councillor C Orme", "Councillor D Pike"],
            ["Councillor Eve Lowe"],
            [],
            id="in-attendance-naming-its-chair-lists-the-members",
        ),
        pytest.param(
            "In attendance: Councillor A Hale, Councillor B Marsh\n",
            "",
            [],
            ["Councillor A Hale", "Councillor B Marsh"],
            [],
            id="in-attendance-without-a-chair-stays",
        ),
        pytest.param(
            "|Present: |Ann Hale, Bob Orme, Cy Pike, |\n\n| |Di Quill, Ed Roe, Councillor Shaw |\n\n"
            "|Apologies |Councillors Tait and Umber, Vi West |\n\n|In attendance |Wyn Young, Police Scotland |\n",
            "",
            ["Ann Hale", "Bob Orme", "Cy Pike", "Di Quill", "Ed Roe"],
            ["Wyn Young", "Police Scotland", "Councillor Shaw"],
            ["Councillor Vi West"],
            id="rows-with-bars-and-ward-councillors",
        ),
        pytest.param(
            "Present |\nMayor Hale, Deputy Mayor Orme, Councillors Pike, Quill and Roe |\nVenue |\nCivic Hall |\n",
            "",
            ["Mayor Hale", "Deputy Mayor Orme", "Councillor Pike", "Councillor Quill", "Councillor Roe"],
            [],
            [],
            id="label-and-value-rows-ending-in-bars",
        ),
        pytest.param(
            "Present: Cllr Ann Hale, Bob Orme, Cy Pike, Di Quill, Ed Roe\n",
            "",
            ["Cllr Ann Hale", "Bob Orme", "Cy Pike", "Di Quill", "Ed Roe"],
            [],
            [],
            id="a-title-on-the-first-name-only-is-not-a-ward-councillor",
        ),
        pytest.param(
            "ROLL CALL\nMayor Ann Hale and Councilmembers Bob Orme, Cy Pike-\nQuill, and Di Roe. Also present were City Manager Ed Shaw,\n"
            "Finance Director Flo Tate.\nMayor Ann Hale opened the meeting for the purpose of Open Forum.\n",
            "Ann Hale",
            ["Mayor Ann Hale", "Bob Orme", "Cy Pike-Quill", "Di Roe"],
            ["Ed Shaw", "Flo Tate"],
            [],
            id="roll-call-councilmembers-also-present-were",
        ),
        pytest.param(
            "Opened the meeting and declared a quorum present. Selectmen present: Ann Hale, Bob Orme, Cy Pike. "
            "Also present: Clerk Di Roe.\n",
            "",
            ["Ann Hale", "Bob Orme", "Cy Pike"],
            ["Di Roe"],
            [],
            id="label-after-a-sentence-in-a-short-paragraph",
        ),
        pytest.param(
            "Trustees present: Ann Hale, Bob Orme\n",
            "",
            ["Ann Hale", "Bob Orme"],
            [],
            [],
            id="trustees-present",
        ),
        pytest.param(
            "PRESENT:\nChairperson: Ann Hale (AH);\nElected Members: Bob Orme (Secretary) (BO), Cy Pike (CP), Di Roe (DR).\n"
            "City Council: Councillor Ed Shaw;\nMembers of the Public: 3.\n",
            "Ann Hale",
            ["Ann Hale", "Bob Orme", "Cy Pike", "Di Roe"],
            [],
            [],
            id="elected-members-under-present",
        ),
        pytest.param(
            "The following councillors were present: A Hale (Chairman), B Orme and C Pike.\n"
            "Apologies were received from Cllr D Quill.\n",
            "A Hale",
            ["A Hale", "B Orme", "C Pike"],
            [],
            ["Cllr D Quill"],
            id="the-following-were-present-is-a-label",
        ),
        pytest.param(
            "Present: Cllr Ann Hale (Vice-Chairman, presiding), Cllr Bob Orme (Chairman, Planning Committee)\n",
            "Cllr Ann Hale",
            ["Cllr Ann Hale", "Cllr Bob Orme"],
            [],
            [],
            id="presiding-in-a-longer-note",
        ),
        pytest.param(
            "ROLL CALL Present: Ann Hale, Board Member\n Bob Orme, Board Member\n Absent: Cy Pike, Board Member\n"
            " Staff: Di Quill, Library Director\n Ed Roe, Recording Secretary\n",
            "",
            ["Ann Hale", "Bob Orme"],
            ["Di Quill", "Ed Roe"],
            [],
            id="roll-call-then-present-without-a-colon-between-and-offices-by-their-last-word",
        ),
        pytest.param(
            "Present: Ann Hale, President\n Bob Orme, Vice President\n Cy Pike, Board Member\n",
            "Ann Hale",
            ["Ann Hale", "Bob Orme", "Cy Pike"],
            [],
            [],
            id="a-boards-president-presides-its-vice-president-does-not",
        ),
        pytest.param(
            "The Annual Town Meeting was called to order by Clerk Orme at 7:00 PM.\n"
            "Trustee Pike made a motion to elect Tim Miller as moderator, seconded by a resident.\n",
            "Tim Miller",
            [],
            [],
            [],
            id="the-moderator-elected-presides-over-a-town-meeting",
        ),
        pytest.param(
            "The meeting was called to order by Clerk Orme at 7:00 PM.\nThe moderator fee was set at $50.\n",
            "Clerk Orme",
            [],
            [],
            [],
            id="a-moderator-not-elected-changes-nothing",
        ),
        pytest.param(
            "Present:\tAnn Hale\tBob Orme\n\tCy Pike\tDi Quill\nEd Roe\n\nIn attendance: Fay Shaw\n",
            "",
            ["Ann Hale", "Bob Orme", "Cy Pike", "Di Quill", "Ed Roe"],
            ["Fay Shaw"],
            [],
            id="two-columns-of-names-a-person-in-each-cell",
        ),
        pytest.param(
            "Members: Ann Hale, Bob Orme\nATTENDING: Cy Pike, Di Quill\n",
            "",
            ["Ann Hale", "Bob Orme"],
            ["Cy Pike", "Di Quill"],
            [],
            id="attending-after-the-members-are-the-others",
        ),
        pytest.param(
            "Attending: Ann Hale, Bob Orme\n",
            "",
            ["Ann Hale", "Bob Orme"],
            [],
            [],
            id="attending-alone-lists-those-present",
        ),
        pytest.param(
            "Members Present:\nAnn Hale\nBob Orme\nAlso in\nAttendance:\nCy Pike\nDi Quill\n",
            "",
            ["Ann Hale", "Bob Orme", "Cy Pike", "Di Quill"],
            [],
            [],
            id="attendance-broken-from-its-also-in-is-no-new-list",
        ),
        pytest.param(
            "Present: Community Councillors A Hale (Chair), B Orme; SBC Councillors C Pike, D Quill; PC E Roe; "
            "4 members of the public.\n",
            "Councillor A Hale",
            ["Councillor A Hale", "Councillor B Orme"],
            ["Councillor C Pike", "Councillor D Quill", "PC E Roe"],
            [],
            id="another-bodys-councillors-and-the-police-after-semicolons",
        ),
        pytest.param(
            "Present: Ann Hale (Chair), Bob Orme; Cllr Cy Pike (SBC); PC Di Quill\n",
            "Ann Hale",
            ["Ann Hale", "Bob Orme"],
            ["Cllr Cy Pike", "PC Di Quill"],
            [],
            id="a-councillor-of-another-body-named-in-brackets",
        ),
        pytest.param(
            "Present: Cllr Ann Hale (Chair); Cllr Bob Orme; Cllr Cy Pike\n",
            "Cllr Ann Hale",
            ["Cllr Ann Hale", "Cllr Bob Orme", "Cllr Cy Pike"],
            [],
            [],
            id="members-set-apart-by-semicolons-stay-members",
        ),
        pytest.param(
            "Cllrs present: Ann Hale (Chair), Bob Orme.\nCllrs absent: Cy Pike (apologies sent), Di Quill.\n",
            "Ann Hale",
            ["Ann Hale", "Bob Orme"],
            [],
            ["Cy Pike"],
            id="cllrs-present-and-absent-with-apologies",
        ),
        pytest.param(
            "Councillor\tPresent\tApologies\nA Hale (Chairman)\t✓\t\nB Orme\t\t✓\nC Pike\t✓\t\n",
            "A Hale",
            ["A Hale", "C Pike"],
            [],
            ["B Orme"],
            id="register-a-column-for-each-way-of-attending",
        ),
        pytest.param(
            "Name\tPresent\tApologies\tAbsent\nCllr A Hale\tY\nCllr B Orme\t\t\tY\nCllr C Pike\t\tY\n",
            "",
            ["Cllr A Hale"],
            [],
            ["Cllr C Pike"],
            id="register-absent-is-neither-present-nor-apologies",
        ),
        pytest.param(
            "Attendance\tP/A\nCllr A Hale (Chair)\tP\nCllr B Orme\tAp\nCllr C Pike\tP\n",
            "Cllr A Hale",
            ["Cllr A Hale", "Cllr C Pike"],
            [],
            ["Cllr B Orme"],
            id="register-one-column-of-codes",
        ),
        pytest.param(
            "Item\tPresent\tApologies\nRoads\t✓\t\n",
            "",
            [],
            [],
            [],
            id="a-table-not-headed-by-names-is-no-register",
        ),
        pytest.param(
            "Elected Members: Councillor Ed Shaw\n",
            "",
            [],
            ["Councillor Ed Shaw"],
            [],
            id="elected-members-alone-attend",
        ),
    ],
)
def test_read_attendance(text, chair, present, in_attendance, apologies):
    found = attendance(text)
    assert (found.chair, found.present, found.in_attendance, found.apologies) == (
        chair,
        present,
        in_attendance,
        apologies,
    )


@pytest.mark.parametrize(
    "text, present, in_attendance",
    [
        pytest.param(
            "Inaugural Meeting of the Community Council held in the Town Hall on Tuesday 4 May 2021\n"
            "Ann Hale Bob Orme\nCatherine Pike Dan Quill\nEve Roe Frank Shaw\nGina Tate\nHal Umber (on behalf of the Returning Officer):\n"
            "- Hal Umber welcomed all to the meeting.\n",
            ["Ann Hale", "Bob Orme", "Catherine Pike", "Dan Quill", "Eve Roe", "Frank Shaw", "Gina Tate"],
            ["Hal Umber"],
            id="names-two-to-a-line",
        ),
        pytest.param(
            "Finance Report\nPlanning Matters\nAnnual Accounts\n",
            [],
            [],
            id="short-headings-are-not-names",
        ),
        pytest.param(
            "Ann Hale\nBob Orme\nCy Pike\n",
            [],
            [],
            id="one-name-a-line-is-not-a-grid",
        ),
    ],
)
def test_names_without_labels_in_the_opening(text, present, in_attendance):
    found = attendance(text, opening_end=10**6)
    assert (found.present, found.in_attendance) == (present, in_attendance)


@pytest.mark.parametrize(
    "text, present, in_attendance",
    [
        pytest.param(
            "Attendance\nCr A Hale (Mayor), Cr B Orme, Cr C Pike (arrived 7.05pm)\n"
            "General Manager, Director Corporate Services, Director Community, Works Manager, Executive Support Manager.\n",
            ["Cr A Hale", "Cr B Orme", "Cr C Pike"],
            [],
            id="offices-without-names-end-the-list",
        ),
        pytest.param(
            "Present:\nAnn Hale, Bob Orme, Cy Pike\nDi Roe, Ed Shaw, Flo Tate\n",
            ["Ann Hale", "Bob Orme", "Cy Pike", "Di Roe", "Ed Shaw", "Flo Tate"],
            [],
            id="names-wrapped-are-not-offices",
        ),
        pytest.param(
            "ROLL CALL\nMayor Ann Hale and Councilmembers Bob Orme and Flo Tate. Also present were City Manager Cy\n"
            "Pike, Planning Director Di Roe, Finance Director Ed Shaw.\n",
            ["Mayor Ann Hale", "Bob Orme", "Flo Tate"],
            ["Cy Pike", "Di Roe", "Ed Shaw"],
            id="a-name-wrapped-before-offices-is-not-a-line-of-offices",
        ),
    ],
)
def test_lines_of_offices(text, present, in_attendance):
    found = attendance(text)
    assert (found.present, found.in_attendance) == (present, in_attendance)


# --- roll calls and sentences of township and city minutes (invented text) -----------------------


@pytest.mark.parametrize(
    "text, chair, present, apologies",
    [
        pytest.param(
            "The meeting was called to order by Supervisor Vane at 7:00 PM.\n"
            "Board members present were Trustee Orr, Trustee Bell Absent, and Supervisor Vane.\n",
            "Supervisor Vane",
            ["Trustee Orr", "Supervisor Vane"],
            [],
            id="absent-inside-the-present-list",
        ),
        pytest.param(
            "Board members present were Trustee Orr, Trustee Pike (Excused Absent) and Supervisor Vane.\n",
            "",
            ["Trustee Orr", "Supervisor Vane"],
            ["Trustee Pike"],
            id="excused-is-an-apology",
        ),
        pytest.param(
            "The regular meeting was called to order at 7:00 pm, with Orr, Bell, Pike and 4 guests present.\n",
            "",
            ["Orr", "Bell", "Pike"],
            [],
            id="with-names-present",
        ),
        pytest.param(
            "The commission was called to order by Ann Hale, chairperson at 6:30 p.m.\n"
            "Roll call was taken: Ann Hale, Ben Orr and Cy Pike were present. Di Lund was absent.\n",
            "Ann Hale",
            ["Ann Hale", "Ben Orr", "Cy Pike"],
            [],
            id="names-were-present",
        ),
        pytest.param(
            "Meeting called to order by Supervisor, Ann Hale at 7:05 pm.\n"
            "Roll call:\tBoard members\tPresent\n"
            "\tAnn Hale, Supervisor\tX\n\tBen Orr, Treasurer\tX\n\tCy Pike, Clerk\tAb\n\tDi Lund, Trustee\tE\n",
            "Ann Hale",
            ["Ann Hale", "Ben Orr"],
            ["Di Lund"],
            id="roll-call-table-with-marks",
        ),
        pytest.param(
            "Roll Call\t__Name______\tPresent\n"
            "\tAnn Hale, Supervisor\tX\n\tBen Orr, Treasurer\tX\n\tCy Pike, Clerk\tX\n\tDi Lund, Trustee\tAb\n",
            "",
            ["Ann Hale", "Ben Orr", "Cy Pike"],
            [],
            id="roll-call-label-heading-its-columns-calls-the-clerk-and-treasurer-as-members",
        ),
        pytest.param(
            "Roll Call\t__ Board Members\tPresent\n\tAnn Hale, Supervisor\tX\n\tBen Orr, Clerk\tX\n",
            "",
            ["Ann Hale", "Ben Orr"],
            [],
            id="roll-call-label-beside-a-board-members-column",
        ),
        pytest.param(
            "ROLL CALL - Present: Councilmembers Orr, deVane, Pike,\nLund and Mayor Hale - 5.\nAbsent: None.\n",
            "",
            ["Orr", "deVane", "Pike", "Lund", "Mayor Hale"],
            [],
            id="label-under-a-label-and-a-head-count",
        ),
        pytest.param(
            "Present: Ann Hale, Ben Orr, Cy Pike Motion made by AH to accept agenda, 2nd by BO. Motion carried.\n",
            "",
            ["Ann Hale", "Ben Orr", "Cy Pike"],
            [],
            id="list-run-into-a-motion",
        ),
        pytest.param(
            "The Council met, called to order by Mayor Tim\nHale, with all present.\n",
            "",
            [],
            [],
            id="a-name-cut-at-the-line-end-is-not-the-chair",
        ),
    ],
)
def test_township_attendance(text, chair, present, apologies):
    found = attendance(text)
    assert (found.chair, found.present, found.apologies) == (chair, present, apologies)


# --- offices, reasons and titled lines around names in parish and community councils' minutes ---


@pytest.mark.parametrize(
    "text, people",
    [
        pytest.param("Chairman – Cllr John Orr", [("Cllr John Orr", "Chairman", True, False)], id="office-dash-name"),
        pytest.param(
            "Vice-Chairman – Cllr Ann Bell, Clerk - Mrs E Pike",
            [("Cllr Ann Bell", "Vice-Chairman", False, False), ("Mrs E Pike", "Clerk", False, True)],
            id="offices-dash-names",
        ),
        pytest.param("Cllr Orr – Chairman", [("Cllr Orr", "Chairman", True, False)], id="name-dash-office"),
        pytest.param(
            "Cllr Gray – holiday; Mrs A Pink - Work commitments",
            [("Cllr Gray", "", False, False), ("Mrs A Pink", "", False, False)],
            id="name-dash-reason",
        ),
        pytest.param("Ann Smith-Jones", [("Ann Smith-Jones", "", False, False)], id="hyphen-in-a-name"),
    ],
)
def test_offices_and_reasons_beside_a_dash(text, people):
    assert [(p.name, p.role, p.chair, p.officer) for p in people_in(text)] == people


@pytest.mark.parametrize(
    "text, present, apologies",
    [
        pytest.param(
            "Present: Cllr John Orr (Chair), Cllr Ann Bell, Cllr Tom Hale, Dawn White\nCllr Paul Nye, Cllr Pat Pink\n",
            [
                "Cllr John Orr",
                "Cllr Ann Bell",
                "Cllr Tom Hale",
                "Dawn White",
                "Cllr Paul Nye",
                "Cllr Pat Pink",
            ],
            [],
            id="a-long-line-then-a-line-opening-with-a-title",
        ),
        pytest.param(
            "Present: Cllr John Orr (Chair), Cllr Ann Bell, Cllr Tom Hale, Cllr Dawn\nWhite\n",
            ["Cllr John Orr", "Cllr Ann Bell", "Cllr Tom Hale", "Cllr Dawn White"],
            [],
            id="a-long-line-wrapped-inside-a-name",
        ),
        pytest.param(
            "Present: Cllr John Orr, Cllr Ann Bell\nApologies: Received and accepted from Cllr Fred Gray.\n",
            ["Cllr John Orr", "Cllr Ann Bell"],
            ["Cllr Fred Gray"],
            id="apologies-received-from-after-the-label",
        ),
    ],
)
def test_lines_of_a_list(text, present, apologies):
    found = attendance(text)
    assert (found.present, found.apologies) == (present, apologies)


def _minutes(*items: str) -> str:
    head = "ELMSWORTH PARISH COUNCIL\n\nMinutes of the meeting held on 12 March 2019 at 7.30pm\n\n"
    present = "Present: Cllr John Orr (Chair), Cllr Ann Bell, Cllr Tom Hale\n\n"
    return head + present + "\n\n".join(items) + "\n\n9. Planning\nNo applications.\n"


@pytest.mark.parametrize(
    "paper, apologies",
    [
        pytest.param(
            _minutes("1. APOLOGIES\nCllr Gray – holiday; Cllr Pink – illness."),
            ["Cllr Gray", "Cllr Pink"],
            id="names-and-reasons-under-the-item",
        ),
        pytest.param(
            _minutes(
                "1. APOLOGIES\nCllr Gray – work commitments; Cllr Pink – a family illness. Apologies were accepted."
            ),
            ["Cllr Gray", "Cllr Pink"],
            id="names-and-longer-reasons-then-a-sentence",
        ),
        pytest.param(
            _minutes("1. Apologies\nCllr S Gray\nCllr T Pink"),
            ["Cllr S Gray", "Cllr T Pink"],
            id="a-name-a-line-under-the-item",
        ),
        pytest.param(
            _minutes("1. APOLOGIES\nCouncillor Gray sent her apologies. Councillor Pink also sent apologies."),
            ["Councillor Gray", "Councillor Pink"],
            id="also-sent-apologies",
        ),
        pytest.param(
            _minutes("1. To receive apologies for absence\nCllr Gray sent apologies."),
            ["Cllr Gray"],
            id="to-receive-apologies-then-a-sentence",
        ),
        pytest.param(
            _minutes("1. Welcome and apologies\nCouncillors Gray and Pink gave their apologies."),
            ["Councillor Gray", "Councillor Pink"],
            id="welcome-and-apologies",
        ),
        pytest.param(
            _minutes("1. Apologies\nCllr Mrs F. Gray had sent an apology for absence.\nCllr P. Pink apologised."),
            ["Cllr Mrs F. Gray", "Cllr P. Pink"],
            id="an-initials-stop-ends-no-clause",
        ),
        pytest.param(
            _minutes("1. Apologies – Cllr Gray sent apologies."),
            ["Cllr Gray"],
            id="sent-apologies-run-in-after-the-heading",
        ),
        pytest.param(
            _minutes("1. Apologies\nThe Chairman said Cllr Gray and Cllr Pink had sent their apologies."),
            ["Cllr Gray", "Cllr Pink"],
            id="sent-apologies-told-by-the-chairman",
        ),
        pytest.param(
            _minutes("1. Apologies\nApologies received and accepted: Cllr Gray, Cllr Pink"),
            ["Cllr Gray", "Cllr Pink"],
            id="apologies-named-after-a-colon-under-the-item",
        ),
        pytest.param(
            _minutes("1. Apologies\nApologies: none received."),
            [],
            id="no-apologies-after-the-colon",
        ),
        pytest.param(
            _minutes("1. To receive the Clerk's report\nCllr Gray sent apologies to the resident for the delay."),
            [],
            id="an-item-not-about-apologies",
        ),
    ],
)
def test_apologies_under_an_item(paper, apologies):
    from minutes.papers.convert import convert_with_roles
    from minutes.papers.readers import read_paper

    text = read_paper(paper.encode(), "content/papers/paper.txt")
    (document,) = convert_with_roles(text, "content/papers/paper.txt", council="Elmsworth Parish Council").documents
    assert list(document.record.attendance.apologies) == apologies


@pytest.mark.parametrize(
    "text, chair, present, in_attendance, apologies",
    [
        pytest.param(
            "Present: Chair: Mr C Orr: Secretary: Mr G Hale: Treasurer: Mr J Nye::Vice Chair D Pike\n"
            "Mrs J Moss, Mrs S Bell\n",
            "Mr C Orr",
            ["Mr C Orr", "Mr G Hale", "Mr J Nye", "D Pike", "Mrs J Moss", "Mrs S Bell"],
            [],
            [],
            id="office-bearers-as-labels-inside-the-list",
        ),
        pytest.param(
            "Present:: Secretary: Mr G Hale in Chair : Treasurer: Mr J Nye : Mrs S Bell , Messrs F Tull , D Pike\n",
            "Mr G Hale",
            ["Mr G Hale", "Mr J Nye", "Mrs S Bell", "Mr F Tull", "Mr D Pike"],
            [],
            [],
            id="the-secretary-in-the-chair",
        ),
        pytest.param(
            "Present: Secretary: Mrs A Orr, Cllr B Hale, Cllr C Nye\n",
            "",
            ["Cllr B Hale", "Cllr C Nye"],
            ["Mrs A Orr"],
            [],
            id="a-secretary-with-no-chair-among-the-offices-attends",
        ),
        pytest.param(
            "Sederunt: Anne Orr (Chair), Bill Hale (Vice Chair), Carol Nye (Secretary), Dave Pike (Treasurer), Ed Tull\n",
            "Anne Orr",
            ["Anne Orr", "Bill Hale", "Carol Nye", "Dave Pike", "Ed Tull"],
            [],
            [],
            id="office-bearers-in-brackets-beside-the-chair",
        ),
        pytest.param(
            "Present: Cllr Anne Orr (Chair), Cllr Bill Hale, Carol Nye (Secretary)\n",
            "Cllr Anne Orr",
            ["Cllr Anne Orr", "Cllr Bill Hale"],
            ["Carol Nye"],
            [],
            id="a-secretary-beside-councillors-is-their-officer",
        ),
        pytest.param(
            "Community Councillors present: Anne Orr (Chair), Bill Hale, Carol Nye\nEx-officio: Cllr G Bell\n",
            "Anne Orr",
            ["Anne Orr", "Bill Hale", "Carol Nye"],
            ["Cllr G Bell"],
            [],
            id="community-councillors-present-and-ex-officio",
        ),
        pytest.param(
            "Community Councillors: Anne Orr (Chair), Bill Hale, Carol Nye\nSBC Councillors: Gus Bell, Hal Moss\n"
            "Police: PC Ian Rae\n",
            "Anne Orr",
            ["Anne Orr", "Bill Hale", "Carol Nye"],
            ["Gus Bell", "Hal Moss", "PC Ian Rae"],
            [],
            id="another-authoritys-councillors-and-the-police-under-their-own-labels",
        ),
        pytest.param(
            "Parish Councillors: Anne Orr (Chair), Bill Hale\nBorough Councillors: Gus Bell\n",
            "Anne Orr",
            ["Anne Orr", "Bill Hale"],
            ["Gus Bell"],
            [],
            id="parish-councillors-are-the-members",
        ),
        pytest.param(
            "Attendees: Anne Orr (Chair), Bill Hale (Secretary), Carol Nye, Dave Pike, Cllr G Bell (Highland Council)\n",
            "Anne Orr",
            ["Anne Orr", "Bill Hale", "Carol Nye", "Dave Pike"],
            ["Cllr G Bell"],
            [],
            id="office-bearers-beside-a-visiting-councillor",
        ),
        pytest.param(
            "Present – Anne Orr (chairing), Bill Hale, Carol Nye\n",
            "Anne Orr",
            ["Anne Orr", "Bill Hale", "Carol Nye"],
            [],
            [],
            id="chairing-in-brackets",
        ),
        pytest.param(
            "Present: A Orr (Chair) B Hale C Nye D Pike\n",
            "A Orr",
            ["A Orr", "B Hale", "C Nye", "D Pike"],
            [],
            [],
            id="initialled-names-without-commas",
        ),
        pytest.param(
            "Present: ANNE ORR (CHAIR), BILL HALE, CAROL NYE\n",
            "ANNE ORR",
            ["ANNE ORR", "BILL HALE", "CAROL NYE"],
            [],
            [],
            id="names-in-capitals-are-not-initials",
        ),
        pytest.param(
            "Present:\nAnne Orr – Chair\nBill Hale – Secretary\nCarol Nye – Treasurer\nDave Pike\n",
            "Anne Orr",
            ["Anne Orr", "Bill Hale", "Carol Nye", "Dave Pike"],
            [],
            [],
            id="office-bearers-one-a-line",
        ),
        pytest.param(
            "Welcomed by Councillor Bill Orr in the Chair.\n\n"
            "Present: Mrs M Hale , Mrs H Nye , Mrs L Pike , Messrs D Tull , G Moss , J Bell , D Gray . "
            "Councillors B Orr , T Reed . Youth Representative Amy Lowe\n",
            "Councillor Bill Orr",
            ["Mrs M Hale", "Mrs H Nye", "Mrs L Pike", "Mr D Tull", "Mr G Moss", "Mr J Bell", "Mr D Gray"],
            ["Amy Lowe", "Councillor B Orr", "Councillor T Reed"],
            [],
            id="ward-councillors-and-a-representative-among-members-named-with-personal-titles",
        ),
        pytest.param(
            "Present: Cllr A Orr in the Chair, Cllr B Hale, Cllr C Nye\n",
            "Cllr A Orr",
            ["Cllr A Orr", "Cllr B Hale", "Cllr C Nye"],
            [],
            [],
            id="in-the-chair-without-brackets",
        ),
        pytest.param(
            "Present: Mr D Orr, Mrs L Hale\n\nApologies: Mrs H Nye , Mr C Pike\n\n"
            "In Attendance Councillor B Tull , Councillor T Moss\n\nMinutes of the previous meeting\n",
            "",
            ["Mr D Orr", "Mrs L Hale"],
            ["Councillor B Tull", "Councillor T Moss"],
            ["Mrs H Nye", "Mr C Pike"],
            id="a-label-without-its-colon-before-titled-names",
        ),
        pytest.param(
            "Members: Wat Robb Convenor\n**Ada Rudd Secretary**\n**Meg Strat Treasurer (MS) Col Smit Member (CS)**\n"
            "**Mat Croy Member (MC)**\n\nAttending: Geo Free A&B Councillor\n",
            "Wat Robb",
            ["Wat Robb", "Ada Rudd", "Meg Strat", "Col Smit", "Mat Croy"],
            ["Geo Free"],
            [],
            id="names-and-offices-in-bold-under-a-plain-label-that-names-one",
        ),
        pytest.param(
            "Members: Wat Robb Convenor\n**Chairman's Remarks**\nThe Convenor thanked everyone.\n",
            "Wat Robb",
            ["Wat Robb"],
            [],
            [],
            id="a-bold-heading-after-it-ends-the-list",
        ),
        pytest.param(
            "Members: Wat Robb Convenor, Ada Rudd Secretary, Meg Strat Treasurer\n",
            "Wat Robb",
            ["Wat Robb", "Ada Rudd", "Meg Strat"],
            [],
            [],
            id="names-each-with-an-office-after-it",
        ),
        pytest.param(
            "Commissioners Present: President Al Hale, Vice-President Jo Orr, Secretary Bo Nye, Cy Pike, and Di Lowe "
            "were present.\n",
            "",
            ["President Al Hale", "Vice-President Jo Orr", "Bo Nye", "Cy Pike", "Di Lowe"],
            [],
            [],
            id="a-labelled-list-ending-as-a-sentence-keeps-its-offices-among-the-members",
        ),
        pytest.param(
            "Commissioners Hale, Vice-President Jo Orr, Secretary/ Treasurer Bo Nye and Cy Pike were present. "
            "Port Manager Di Lowe was present.\n",
            "",
            ["Commissioner Hale", "Vice-President Jo Orr", "Bo Nye", "Commissioner Cy Pike"],
            ["Di Lowe"],
            [],
            id="a-sentence-naming-the-board-keeps-its-offices-among-the-members",
        ),
        pytest.param(
            "Present: Cllrs. Nick Hale (in the Chair) Pete Cruz\nChris Lay Jim MacDonald\n\n"
            "In Attendance Clerk, Jenny Holl\n",
            "Cllr Nick Hale",
            ["Cllr Nick Hale", "Cllr Pete Cruz", "Cllr Chris Lay", "Cllr Jim MacDonald"],
            ["Jenny Holl"],
            [],
            id="names-two-to-a-row-and-the-clerk-after-a-label-without-its-colon",
        ),
        pytest.param(
            "Present:\tCllrs.\tNick Hale (in the Chair),\tSimon Bri Terry Cook\n\t\tChris Lay\tPete Cruz Jim MacDonald\n",
            "Cllr Nick Hale",
            ["Cllr Nick Hale", "Cllr Simon Bri", "Cllr Terry Cook", "Chris Lay", "Pete Cruz", "Jim MacDonald"],
            [],
            [],
            id="a-grid-of-names-set-out-with-tabs",
        ),
        pytest.param(
            "CHAIRPERSON: Mrs. Cara Robb CLERK: Mrs. Jen Holl\n",
            "Mrs. Cara Robb",
            ["Mrs. Cara Robb"],
            ["Mrs. Jen Holl"],
            [],
            id="the-letterheads-chair-and-clerk-on-one-line",
        ),
        pytest.param(
            "Present: Wil Hend (Vice-Chair), Fi Barn, Jac Crowe, Martin Kay (Elm Station), 2 Members of the Public\n",
            "",
            ["Wil Hend", "Fi Barn", "Jac Crowe"],
            ["Martin Kay"],
            [],
            id="someone-there-for-another-body-attends",
        ),
        pytest.param(
            "Present: Carl Finn (Chair), Trish Gray, Flt Sgt Simon Mitch, Wg Cdr N Clay\n",
            "Carl Finn",
            ["Carl Finn", "Trish Gray"],
            ["Flt Sgt Simon Mitch", "Wg Cdr N Clay"],
            [],
            id="ranks-of-a-base-nearby-attend",
        ),
        pytest.param(
            "Present: Community Councillors: Jim Smit (Chair), Ann Jons, Bob Bron; Ex-officio: Cllr Tom Blak (SBC); "
            "Others: PC Dunn, 3 residents\n",
            "Jim Smit",
            ["Jim Smit", "Ann Jons", "Bob Bron"],
            ["Cllr Tom Blak", "PC Dunn"],
            [],
            id="labels-after-semicolons-inside-the-list",
        ),
        pytest.param(
            "Members present: Jim Smit, Ann Jons, Bob Bron and Sue Gren. Jim Smit chaired the meeting.\n",
            "Jim Smit",
            ["Jim Smit", "Ann Jons", "Bob Bron", "Sue Gren"],
            [],
            [],
            id="who-chaired-told-after-the-list",
        ),
        pytest.param(
            "Attending: Jim Smit (Convenor), Ann Jons, Tom Blak (Moray Council)\nPresent\nSue Gren\n"
            "Cllr Rob Whit – Fife Council\n",
            "Jim Smit",
            ["Jim Smit", "Ann Jons", "Sue Gren"],
            ["Tom Blak", "Cllr Rob Whit"],
            [],
            id="another-councils-councillor-by-a-note-or-after-a-dash",
        ),
        pytest.param(
            "Chair Colley called the meeting to order at 3:00 p.m.\n\n"
            "Commissioners Present: Dwight Colley (Chair), Warren Apple (Vice-Chair) and Alexa Rust (Member).\n",
            "Dwight Colley",
            ["Dwight Colley", "Warren Apple", "Alexa Rust"],
            [],
            [],
            id="the-list-gives-the-full-name-of-a-chair-a-sentence-named-by-surname",
        ),
    ],
)
def test_community_council_lists(text, chair, present, in_attendance, apologies):
    found = attendance(text)
    assert (found.chair, found.present, found.in_attendance, found.apologies) == (
        chair,
        present,
        in_attendance,
        apologies,
    )


@pytest.mark.parametrize(
    "sentence, chair",
    [
        pytest.param("Cllr Orr chaired the meeting.", "Cllr Orr", id="chaired-the-meeting"),
        pytest.param(
            "Cllr Orr chaired the meeting in the absence of the Chairman.", "Cllr Orr", id="chaired-in-absence"
        ),
        pytest.param("The meeting was chaired by Cllr Orr.", "Cllr Orr", id="meeting-chaired-by"),
        pytest.param(
            "The meeting was chaired by Councillor A. B. Orr.", "Councillor A. B. Orr", id="chaired-by-initials"
        ),
        pytest.param("The working group, chaired by Cllr Orr, reported.", "", id="another-body-chaired-by"),
        pytest.param("The Chair, Anne Orr, welcomed everyone.", "Anne Orr", id="the-chair-comma-name"),
        pytest.param(
            "The meeting was opened by the Chairman, Mr A Orr, at 7pm.", "Mr A Orr", id="opened-by-the-chairman"
        ),
        pytest.param("Anne Orr (Chair) welcomed everyone.", "Anne Orr", id="name-chair-in-brackets-welcomed"),
        pytest.param("Cllr Orr, Chairman, opened the meeting.", "Cllr Orr", id="name-comma-chairman-opened"),
        pytest.param("Bill Hale took the Chair in the absence of Anne Orr.", "Bill Hale", id="took-the-capital-chair"),
        pytest.param(
            "In the absence of the Chair, Bill Hale (Vice Chair) chaired the meeting.",
            "Bill Hale",
            id="vice-chair-in-brackets-chaired",
        ),
        pytest.param("The Vice-Chair, Bill Hale, welcomed everyone.", "", id="the-vice-chair-comma-name"),
        pytest.param("The Chair of the working group, Ann Orr, reported.", "", id="chair-of-another-group"),
        pytest.param("Cllr Orr was elected to chair the meeting.", "Cllr Orr", id="elected-to-chair-the-meeting"),
        pytest.param(
            "Cllr Orr was appointed as Chairman for the meeting.", "Cllr Orr", id="appointed-chairman-for-the-meeting"
        ),
        pytest.param("Cllr Orr was elected to the finance working group.", "", id="elected-to-another-body"),
        pytest.param(
            "The Convenor (Watson Robinson) opened the meeting.", "Watson Robinson", id="the-convenor-named-in-brackets"
        ),
        pytest.param("The Convenor, Ann Orr, welcomed everyone.", "Ann Orr", id="the-convenor-comma-name"),
        pytest.param(
            "1. Call to order – Trustee Vane called the meeting to order at 7:03 p.m.",
            "Trustee Vane",
            id="titled-member-called-the-meeting-to-order",
        ),
        pytest.param(
            "Cllr Ann Hale called the regular meeting to order at 7pm.",
            "Cllr Ann Hale",
            id="called-the-regular-meeting",
        ),
        pytest.param(
            "The meeting was called to order at 7:00 pm by Trustee Vane.",
            "Trustee Vane",
            id="called-by-at-sentence-end",
        ),
        pytest.param("Vice-Chair Cllr Hale called the meeting to order.", "", id="vice-chair-called-to-order"),
        pytest.param(
            "The Clerk said Supervisor Hale called the meeting to order last week", "", id="reported-call-to-order"
        ),
    ],
)
def test_chaired_the_meeting(sentence, chair):
    from minutes.papers.attendance import chair_in_sentence

    assert chair_in_sentence(sentence) == chair


@pytest.mark.parametrize(
    "text, names",
    [
        pytest.param("Mrs E Moss, 1 Mill Lane, Elmsworth, EL1 2AB", ["Mrs E Moss"], id="clerk-and-address"),
        pytest.param("Mrs E Moss (Clerk) Tel 01234 567890", ["Mrs E Moss"], id="clerk-and-telephone"),
        pytest.param("Mr A Orr, clerk@elmsworth.example", ["Mr A Orr"], id="clerk-and-email"),
        pytest.param(
            "Cllr A Orr, 4 members of the public, Cllr B Hale",
            ["Cllr A Orr", "Cllr B Hale"],
            id="a-head-count-is-no-address",
        ),
        pytest.param(
            "Councillor Mel Orr (arrived @ 6:06 p.m.), Councillor Kay Hale",
            ["Councillor Mel Orr", "Councillor Kay Hale"],
            id="an-at-sign-is-no-email",
        ),
    ],
)
def test_an_address_ends_a_list_of_names(text, names):
    assert [p.name for p in people_in(text)] == names


def test_a_table_of_business_ends_the_list_above_it():
    found = attendance("Present: Cllr A Orr (Chair), Cllr B Hale\n\nItem\tDiscussion\tAction\n1\tApologies: none.\t\n")
    assert found.present == ["Cllr A Orr", "Cllr B Hale"]


def test_a_table_of_minutes_with_an_action_column_reads_its_items():
    from minutes.papers.convert import convert_with_roles
    from minutes.papers.readers import read_paper

    paper = (
        "ELMSWORTH PARISH COUNCIL\n\nMinutes of the meeting held on 12 March 2019 at 7.30pm\n\n"
        "Present: Cllr A Orr (Chair), Cllr B Hale\n\nItem\tDiscussion\tAction\n1\tApologies: Cllr Gray.\t\n"
        "2\tPlanning: 19/0123 – no objection.\tClerk\n3\tFinance: payments approved.\tJO/EM\n"
    )
    text = read_paper(paper.encode(), "content/papers/paper.txt")
    (document,) = convert_with_roles(text, "content/papers/paper.txt").documents
    record = document.record
    assert [(i.number, i.title) for i in record.items] == [("1", "Apologies"), ("2", "Planning"), ("3", "Finance")]
    assert list(record.attendance.apologies) == ["Cllr Gray"]
    assert "JO/EM" in document.body


@pytest.mark.parametrize(
    "line, apologies",
    [
        pytest.param(
            "Apologies were intimated from Ed Tull and Fay Reed.", ["Ed Tull", "Fay Reed"], id="intimated-from"
        ),
        pytest.param("Absent with apologies: Ed Tull, Fay Reed", ["Ed Tull", "Fay Reed"], id="absent-with-apologies"),
        pytest.param("Ed Tull and Fay Reed had given their apologies.", ["Ed Tull", "Fay Reed"], id="had-given"),
        pytest.param("Intimated apologies: Ed Tull, Fay Reed", ["Ed Tull", "Fay Reed"], id="intimated-label"),
        pytest.param("Apologies were offered by Ed Tull and Fay Reed.", ["Ed Tull", "Fay Reed"], id="offered-by"),
        pytest.param("Absent: Gus Hale", [], id="absent-without-apologies-is-not-recorded"),
    ],
)
def test_apologies_told_in_other_words(line, apologies):
    found = attendance(f"Present: Anne Orr (Chair), Bill Hale, Carol Nye\n{line}\n")
    assert found.apologies == apologies


_SUB_ITEMS = (
    "ELMSWORTH COMMUNITY COUNCIL\nMinutes of the meeting held on 15th June 2021 at 7pm\n\n"
    "1. Introductions and welcome\n\na. Present\n\n{present}\n\nb. Apologies:\n\n{apologies}\n\n"
    "c. Declarations of interest – none\n\n2. Minutes of the previous meeting\n\nAccepted.\n\n3. Reports\n\nNoted.\n"
)


@pytest.mark.parametrize(
    "present, apologies, chair, names, sent",
    [
        pytest.param(
            "Ann Hale\tConvenor\nBob Orme\tVice Chair\nCy Pike\tSecretary\nDi Quill\tMember",
            "Ed Roe\tTreasurer\nFay Shaw\tMember",
            "Ann Hale",
            ["Ann Hale", "Bob Orme", "Cy Pike", "Di Quill"],
            ["Ed Roe", "Fay Shaw"],
            id="name-and-office-rows-under-lettered-sub-items",
        ),
        pytest.param(
            "Cllr Ann Hale\tChairman\nCllr Bob Orme\tMember\nMrs Cy Pike\tClerk",
            "Cllr Ed Roe\tMember",
            "Cllr Ann Hale",
            ["Cllr Ann Hale", "Cllr Bob Orme"],
            ["Cllr Ed Roe"],
            id="a-clerk-among-titled-councillors-is-no-member",
        ),
    ],
)
def test_attendance_under_lettered_sub_items(present, apologies, chair, names, sent):
    from minutes.papers.convert import convert_with_roles
    from minutes.papers.readers import read_paper

    text = _SUB_ITEMS.format(present=present, apologies=apologies)
    paper = read_paper(text.encode(), "content/papers/paper.txt")
    (document,) = convert_with_roles(paper, "content/papers/paper.txt", council="Elmsworth Community Council").documents
    attendance = document.record.attendance
    assert (attendance.chair, list(attendance.present), list(attendance.apologies)) == (chair, names, sent)


@pytest.mark.parametrize(
    "text, role",
    [
        pytest.param("STAFF ATTENDING: Library Director Sandy Whit, Di Abb", "in_attendance", id="staff-attending"),
        pytest.param("PUBLIC ATTENDING: Several residents", "in_attendance", id="public-attending"),
        pytest.param("Public present: 3", "in_attendance", id="public-present"),
        pytest.param("ATTENDING: Trustees Hale, Orme", "present", id="attending-alone"),
    ],
)
def test_who_else_attended_is_labelled_apart_from_the_members(text, role):
    assert label_of(text)[0] == role


@pytest.mark.parametrize(
    "text, chair, present, in_attendance",
    [
        pytest.param(
            "Present: Cllr N Rob – presiding Cllr R Herr Cllr J Harr Mr I Brad\n",
            "Cllr N Rob",
            ["Cllr N Rob", "Cllr R Herr", "Cllr J Harr", "Mr I Brad"],
            [],
            id="a-note-after-a-dash-stays-with-the-name-before",
        ),
        pytest.param(
            "**Councillors Present:**\n**A Athw**\n**N Beech-Smith**\nA Cook (Vice Chair)\n**J Ogd**\n\n"
            "**Officers Present:**\n**J Abb – Town Clerk**\n\n1. Welcome – The Vice Chair welcomed all those present.\n",
            "",
            ["A Athw", "N Beech-Smith", "A Cook", "J Ogd"],
            ["J Abb"],
            id="names-set-as-boldly-as-their-label",
        ),
    ],
)
def test_lists_of_names_under_their_labels(text, chair, present, in_attendance):
    lines = clean_lines(text)
    found = read_attendance(lines, 0, len(lines))
    assert (found.chair, found.present, found.in_attendance) == (chair, present, in_attendance)


def test_the_vice_chair_who_presided_is_the_chair():
    from minutes.papers.convert import convert_paper_text

    text = (
        "KESTON TOWN COUNCIL\n\nPlanning Committee Meeting Minutes\n14 April 2025\n\nCouncillors Present:\n"
        "A Athw\nN Beech\nA Cook (Vice Chair)\n\n1. Welcome and Apologies – The Vice Chair welcomed all those present.\n"
        "2. Declaration of Interests – None.\n3. Planning – No objection.\n"
    )
    assert convert_paper_text(text, "p.txt")[0].record.attendance.chair == "A Cook"
    said_otherwise = text.replace("The Vice Chair welcomed all those present", "The Clerk read the notice")
    assert convert_paper_text(said_otherwise, "p.txt")[0].record.attendance.chair == ""


@pytest.mark.parametrize(
    "text, present, in_attendance",
    [
        # councillors of another tier attend but are not members
        pytest.param(
            "Present\nCouncillors D Hale (Chair), N Cress and P Moran Clerk Mrs J Todd Eden District Councillor A Armin\n",
            ["Councillor D Hale", "Councillor N Cress", "Councillor P Moran"],
            ["Mrs J Todd", "District Councillor A Armin"],
            id="the-clerk-and-another-tiers-councillor-after-the-members",
        ),
        pytest.param(
            "Present: Cllr A Orr, Cllr B Hale, County Councillor C Nye\n",
            ["Cllr A Orr", "Cllr B Hale"],
            ["County Councillor C Nye"],
            id="a-county-councillor-among-those-present",
        ),
        # who holds an office as a member
        pytest.param(
            "Roll Call: Clerk Orr, Supervisor Hale, Treasurer Bell, Trustees Pike & Nye.\n",
            ["Orr", "Supervisor Hale", "Bell", "Pike", "Nye"],
            [],
            id="a-township-boards-clerk-and-treasurer-are-members",
        ),
        pytest.param(
            "Present: Councillors Hale, Orme and Pike, Clerk Bell\n",
            ["Councillor Hale", "Councillor Orme", "Councillor Pike"],
            ["Bell"],
            id="a-councils-clerk-attends",
        ),
        # names printed without their commas, or under the body's own title
        pytest.param(
            "Members present: John Hale (chair) Anne Orme Tom Pike Peter Nye\n",
            ["John Hale", "Anne Orme", "Tom Pike", "Peter Nye"],
            [],
            id="names-in-pairs-without-commas",
        ),
        pytest.param(
            "Present: Mary Anne Hale, Tom Pike\n", ["Mary Anne Hale", "Tom Pike"], [], id="three-word-name-kept"
        ),
        pytest.param(
            "PRESENT: Community Councillors John Hale (Chair), Anne Orme, Tom Pike\n",
            ["Councillor John Hale", "Councillor Anne Orme", "Councillor Tom Pike"],
            [],
            id="the-bodys-own-councillors",
        ),
        # who was away, told inside the list
        pytest.param(
            "Present: Ann Orr, Bob Hale, Jess Teet. Absent Cy Jord\n",
            ["Ann Orr", "Bob Hale", "Jess Teet"],
            [],
            id="absent-after-the-full-stop",
        ),
        pytest.param(
            "Present: Ann Orr, Bob Hale and Bren Jar. Bill Mayer, absent.\n",
            ["Ann Orr", "Bob Hale", "Bren Jar"],
            [],
            id="name-comma-absent-after-the-full-stop",
        ),
    ],
)
def test_who_was_present_and_who_attended(text, present, in_attendance):
    lines = clean_lines(text)
    found = read_attendance(lines, 0, len(lines))
    assert (found.present, found.in_attendance) == (present, in_attendance)


@pytest.mark.parametrize(
    "text, present, in_attendance",
    [
        pytest.param(
            "Commissioners Present: Dale Colt (Chair), Wes Apple\n\nStaff: Chief Noel Mon, Secretary Amy Tay.\n\n"
            "CITIZEN COMMENTS\nNone were made.\n",
            ["Dale Colt", "Wes Apple"],
            ["Chief Noel Mon", "Amy Tay"],
            id="a-heading-in-capitals-after-a-list-in-small-letters",
        ),
        pytest.param(
            "Present:\nJOHN HALE\nANNE ORME\n\nIn attendance: Tom Pike\n",
            ["JOHN HALE", "ANNE ORME"],
            ["Tom Pike"],
            id="names-in-capitals-under-names-in-capitals",
        ),
        pytest.param(
            "46 Commissioners Present: Dale Colt (Chair), Wes Apple\n",
            ["Dale Colt", "Wes Apple"],
            [],
            id="a-scans-line-number-before-the-label",
        ),
        pytest.param(
            "WN NMP Oma Commissioners Present: Dale Colt (Chair), Wes Apple\n",
            ["Dale Colt", "Wes Apple"],
            [],
            id="a-scans-margin-read-as-letters-before-the-label",
        ),
    ],
)
def test_where_a_list_starts_and_stops(text, present, in_attendance):
    lines = clean_lines(text)
    found = read_attendance(lines, 0, len(lines))
    assert (found.present, found.in_attendance) == (present, in_attendance)


@pytest.mark.parametrize(
    "business, chair",
    [
        pytest.param(
            "1. Election of Chair – Cllr Athw nominated Cllr Gibb for Chair, seconded by Cllr Cook; Cllr Gibb was "
            "unanimously voted as Chair of this committee.\n2. Minutes – Approved.\n",
            "R Gibb",
            id="the-chair-elected-at-the-meeting",
        ),
        pytest.param(
            "1. Brenda opens the meeting. Stacey nominates Cllr Cook for chair. Bill seconds. Unanimous.\n"
            "2. Minutes – Approved.\n",
            "A Cook",
            id="nominated-for-chair-in-a-sentence",
        ),
        pytest.param(
            "1. Vice chair – Cllr Athw nominated Cllr Gibb for Vice Chair.\n2. Minutes – Approved.\n",
            "",
            id="a-vice-chair-elected-is-not-the-chair",
        ),
        pytest.param(
            "1. Outside bodies – Cllr Athw nominated Cllr Gibb for chair of the Village Hall trust.\n"
            "2. Minutes – Approved.\n",
            "",
            id="the-chair-of-another-body-is-not-this-meetings",
        ),
        pytest.param(
            "1. Minutes – Approved.\n2. Adjournment – President Gibb adjourned the meeting at 9:23 p.m.\n",
            "R Gibb",
            id="the-president-who-closed-the-meeting",
        ),
        pytest.param(
            "1. Minutes – Approved.\n2. Adjournment – Vice President Gibb adjourned the meeting at 9:23 p.m.\n",
            "",
            id="a-vice-president-who-closed-it-is-not-the-chair",
        ),
    ],
)
def test_the_chair_named_only_in_the_business(business, chair):
    from minutes.papers.convert import convert_paper_text

    text = (
        "KESTON TOWN COUNCIL\n\nPlanning Committee Meeting Minutes\n14 April 2025\n\nCouncillors Present:\n"
        f"R Gibb\nA Cook\nT Athw\n\n{business}"
    )
    assert convert_paper_text(text, "p.txt")[0].record.attendance.chair == chair


def test_the_vice_chair_who_opened_business_read_before_its_first_item():
    from minutes.papers.convert import convert_paper_text

    text = (
        "KESTON COMMUNITY COUNCIL\n\nCommunity Centre, 4th September 2018\n\n"
        "Present: Wilma Hend (Vice-Chair), Fiona Barn, Jacq Crow\n\n"
        "Chairs Opening Remarks: The Vice-Chair opened the meeting by thanking everyone for coming\n"
        "2. Apologies – Lucy Jess\n3. Approval of Minutes – No minutes\n4. Police Report – None\n"
    )
    assert convert_paper_text(text, "p.txt")[0].record.attendance.chair == "Wilma Hend"


@pytest.mark.parametrize(
    "text, present, apologies",
    [
        pytest.param(
            "Present. Cllrs.Chris Wilt (in the Chair) Alan Bidd Brian Bird\nRobin Forr Liz Hart Gail Mart\n",
            [
                "Cllr Chris Wilt",
                "Cllr Alan Bidd",
                "Cllr Brian Bird",
                "Cllr Robin Forr",
                "Cllr Liz Hart",
                "Cllr Gail Mart",
            ],
            [],
            id="a-label-closed-by-a-full-stop-and-a-title-run-into-the-name",
        ),
        pytest.param(
            "Present. The meeting was quorate.\n", [], [], id="a-sentence-after-present-and-a-full-stop-is-no-list"
        ),
    ],
)
def test_labels_and_titles_printed_short(text, present, apologies):
    lines = clean_lines(text)
    found = read_attendance(lines, 0, len(lines))
    assert (found.present, found.apologies) == (present, apologies)


def test_a_titles_full_stop_ends_no_clause_of_apologies():
    from minutes.papers.convert import convert_paper_text

    text = (
        "ELM PARISH COUNCIL\n\nMinutes of the Parish Council Meeting held on Tuesday 10th February 2015 at 7.30 p.m.\n\n"
        "Present: Cllrs. Ron Dark (in the Chair), Alan Bidd\n\n15/22 Apologies – Cllr. Clive Shore\n"
        "15/23 Minutes – The Minutes were approved.\n15/24 Planning – Discussed.\n"
    )
    assert convert_paper_text(text, "p.txt")[0].record.attendance.apologies == ("Cllr. Clive Shore",)


@pytest.mark.parametrize(
    "text, present, in_attendance",
    [
        pytest.param(
            "Present: Supervisor Mike Hale; Trustees: Joe Hulk and Ron Stra; Highway Commissioner Larry Trai; "
            "Assessor Janet Rou; and Township Clerk Beth Gehr\n",
            ["Supervisor Mike Hale", "Joe Hulk", "Ron Stra"],
            ["Larry Trai", "Janet Rou", "Beth Gehr"],
            id="a-townships-officers-are-not-its-board",
        ),
        pytest.param(
            "ROLL CALL- Supervisor Hale, Trustee Orr, Road Commissioner Trai, & Clerk Stra- All present.\n\n"
            "Assessor Rou- Not present\n",
            ["Supervisor Hale", "Trustee Orr", "Stra"],
            ["Trai"],
            id="all-present-closes-the-roll-and-not-present-is-absent",
        ),
        pytest.param(
            "Present: Ann Orr, Bob Hale\n\nElm County Sheriff Report- No Sheriff representative was present to report.\n",
            ["Ann Orr", "Bob Hale"],
            [],
            id="nobody-was-present-names-nobody",
        ),
    ],
)
def test_township_rolls(text, present, in_attendance):
    lines = clean_lines(text)
    found = read_attendance(lines, 0, len(lines))
    assert (found.present, found.in_attendance) == (present, in_attendance)


@pytest.mark.parametrize(
    "text, present, in_attendance",
    [
        pytest.param(
            "Present: Stef Hai, Shel Bran, Dave Leon, Dean Walk Motion made by SH to accept the agenda, 2nd by DW. "
            "Roll Call Vote, Ayes: SH, SB, DL\n",
            ["Stef Hai", "Shel Bran", "Dave Leon", "Dean Walk"],
            [],
            id="a-list-run-into-a-motion-and-its-vote",
        ),
        pytest.param(
            "Present: Ann Orr (Chair), Bob Hale, Cy Nye, Di Pike\nCllr Ian Pate\tA&B Councillor\n"
            "Cllr Geo Free Ward Councillor\n",
            ["Ann Orr", "Bob Hale", "Cy Nye", "Di Pike"],
            ["Cllr Geo Free", "Cllr Ian Pate"],
            id="councillors-of-the-authority-by-its-initials-or-of-the-ward",
        ),
        pytest.param(
            "Present: Ann Orr (Chair), Bob Hale, Cy Nye\n1\tItem\tAction Point\n",
            ["Ann Orr", "Bob Hale", "Cy Nye"],
            [],
            id="the-business-tables-heading-row-ends-the-list",
        ),
    ],
)
def test_what_a_list_is_not(text, present, in_attendance):
    lines = clean_lines(text)
    found = read_attendance(lines, 0, len(lines))
    assert (found.present, found.in_attendance) == (present, in_attendance)


def test_a_moderator_elected_in_a_motion_presides():
    from minutes.papers.convert import convert_paper_text

    text = (
        "ELM TOWNSHIP ANNUAL TOWN MEETING\nApril 9, 2024, 7:00pm\n\n"
        "The Annual Town Meeting was called to order at 7:00pm by Clerk Beth Gehr. The pledge was recited.\n\n"
        "It was moved and seconded that Jake Myer be elected as moderator. Motion carried.\n"
    )
    assert convert_paper_text(text, "p.txt")[0].record.attendance.chair == "Jake Myer"


@pytest.mark.parametrize(
    "text, present, apologies",
    [
        pytest.param(
            "Present for the meeting: Mayor Turn, Council members, Jared Clar, Chris Pier and Town Clerk Wanda Edw.\n",
            ["Mayor Turn", "Jared Clar", "Chris Pier"],
            [],
            id="present-for-the-meeting",
        ),
        pytest.param(
            "Present: Sean Turn, Chris Pier, Scot Harr\n\nChris Pier was absent from the meeting.\n",
            ["Sean Turn", "Scot Harr"],
            [],
            id="absent-told-after-the-list",
        ),
        pytest.param(
            "Chairman: M. Stua\nVice Chairman: P. Nich\nParish Councillors: Mrs E. Chub\nP. Jay\n",
            ["M. Stua", "P. Nich", "Mrs E. Chub", "P. Jay"],
            [],
            id="the-vice-chairmans-own-label",
        ),
        pytest.param(
            "Present: Chairman M. Stua\nParish Councillor Mrs F. Chap\nMrs E. Chub\n",
            ["M. Stua", "Councillor Mrs F. Chap", "Mrs E. Chub"],
            [],
            id="a-parish-councillor-is-a-member",
        ),
        pytest.param(
            "Present: Ann Orr, Bob Hale\n\nAPOLOGIES\nCllr Caun had apologised as he had another commitment\n"
            "Cllr Webb had sent an apology for his absence as he was on vacation.\n"
            "Cllr Hart and Cllr Mrs Land were unable to attend\n",
            ["Ann Orr", "Bob Hale"],
            ["Cllr Caun", "Cllr Webb", "Cllr Hart", "Cllr Mrs Land"],
            id="apologies-told-a-sentence-a-line-under-the-heading",
        ),
        pytest.param(
            "Present: Ann Orr, Bob Hale\n\nCllr Orr was unable to attend the training day.\n"
            "The Chairman apologised to the residents for the delay.\n",
            ["Ann Orr", "Bob Hale"],
            [],
            id="unable-to-attend-something-else-is-no-apology",
        ),
    ],
)
def test_lists_and_sentences_of_small_councils(text, present, apologies):
    lines = clean_lines(text)
    found = read_attendance(lines, 0, len(lines))
    assert (found.present, found.apologies) == (present, apologies)


def test_the_mayor_named_under_call_to_order_chairs_by_the_name_the_list_gives():
    from minutes.papers.convert import convert_paper_text

    text = (
        "Town of Elm 3389 Elm Hwy, Elm, NC 28634 704-546-2339\n\nDATE: January 6, 2025\n\n"
        "ATTENDEES: Sean Turn, Mayor\n\nChris Pier - Council Member\n\nWanda Edw – Town Clerk\n\n"
        "**AGENDA:**\n\nCall to Order: Mayor Turn\n\nInvocation: Chris Pier\n\n"
        "**OLD BUSINESS:**\n\nChris made a motion to approve the sewer rates. Motion carried 4-0.\n\n"
        "**NEW BUSINESS:**\n\nThe council discussed the park. Chris made a motion to buy a bench. Motion carried 4-0.\n"
    )
    (document,) = convert_paper_text(text, "p.txt")
    assert (document.record.committee, document.record.attendance.chair) == ("Town of Elm", "Sean Turn")
