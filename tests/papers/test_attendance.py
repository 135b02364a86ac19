"""Table-driven tests for attendance: one printed list of names, the labels that open a
block, and the blocks and sentences of a document's opening."""

from __future__ import annotations

import pytest

from minutes.papers.attendance import label_of, people_in, read_attendance
from minutes.papers.clean import clean_lines

# --- people_in ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, names",
    [
        pytest.param(
            "Councillors A Smith, B Jones and C Brown",
            ["Councillor A Smith", "Councillor B Jones", "Councillor C Brown"],
            id="group-title",
        ),
        pytest.param("Cllrs Smith and Jones", ["Cllr Smith", "Cllr Jones"], id="group-cllrs"),
        pytest.param("Crs Crosby, Hill", ["Cr Crosby", "Cr Hill"], id="group-crs"),
        pytest.param("Mrs Susan Ryding, Clerk", ["Mrs Susan Ryding"], id="role-after-comma"),
        pytest.param(
            "Councillor Hussain (Chairman), Councillor Wallis",
            ["Councillor Hussain", "Councillor Wallis"],
            id="chair-mark",
        ),
        pytest.param("Cllr E Black (arrived 7.01pm)", ["Cllr E Black"], id="note-dropped"),
        pytest.param("Director of Services (Mr. G. Daly)", ["Mr. G. Daly"], id="name-in-brackets"),
        pytest.param(
            "Director of Services (Mr. G. Daly), Senior Planner (Ms. C. Curley)",
            ["Mr. G. Daly", "Ms. C. Curley"],
            id="officials-in-brackets",
        ),
        pytest.param("Mayor Adams, Presiding", ["Mayor Adams"], id="presiding"),
        pytest.param(
            "supervisors Dick Dillon, Ray Barnes",
            ["Supervisor Dick Dillon", "Supervisor Ray Barnes"],
            id="lower-case-group",
        ),
        pytest.param("treasurer Ray Barnes", ["Ray Barnes"], id="lower-case-role-first"),
        pytest.param("Marv and Sue Forbragd", ["Marv Forbragd", "Sue Forbragd"], id="shared-surname"),
        pytest.param(
            "guests Marv and Sue Forbragd",
            ["Marv Forbragd", "Sue Forbragd"],
            id="role-then-shared-surname",
        ),
        pytest.param("William J Taylor, MBE (General Manager, Water Services)", ["William J Taylor"], id="honours"),
        pytest.param("Mrs S Benbow-Jones M Hughes", ["Mrs S Benbow-Jones", "M Hughes"], id="two-without-comma"),
        pytest.param(
            "Town Clerk Geraint Thomas Town Secretary Anna Padgett",
            ["Geraint Thomas", "Anna Padgett"],
            id="run-on-roles",
        ),
        pytest.param("Steele (Chair) Walsh and Wyatt", ["Steele", "Walsh", "Wyatt"], id="missing-comma-after-bracket"),
        pytest.param(
            "Councillors Marles, Senior and Simpson",
            ["Councillor Marles", "Councillor Senior", "Councillor Simpson"],
            id="Senior-surname",
        ),
        pytest.param("Marles, Senior and Simpson", ["Marles", "Senior", "Simpson"], id="Senior-surname-untitled"),
        pytest.param("Saltzman, 5", ["Saltzman"], id="head-count"),
        pytest.param(
            "Cllr N Roberts – presiding Cllr R Herring Mr I Braid Revd R Braby",
            ["Cllr N Roberts", "Cllr R Herring", "Mr I Braid", "Revd R Braby"],
            id="titles-without-commas",
        ),
        pytest.param(
            "Councillors, Mr Tim Owen (Chair), Mrs Sharon Barton",
            ["Mr Tim Owen", "Mrs Sharon Barton"],
            id="Councillors-comma",
        ),
        pytest.param("3 members of the public", [], id="public-count"),
        pytest.param("None", [], id="none"),
        pytest.param("There were no apologies", [], id="no-apologies"),
        pytest.param(
            "Councillor(s) McMahon, Sheahan",
            ["Councillor McMahon", "Councillor Sheahan"],
            id="councillor(s)",
        ),
        pytest.param(
            "Mr D L Nicholson Deputy Parish Clerk",
            ["Mr D L Nicholson"],
            id="role-after-name-no-comma",
        ),
        pytest.param(
            "J Smith, Clerk and RFO",
            ["J Smith"],
            id="RFO-is-a-role",
        ),
        pytest.param(
            "Julia Brandt, P.E. (Westbrook Engineering); Greg Amundsen, District Counsel (Amundsen & Price LLP); Tom Hale",
            ["Julia Brandt", "Greg Amundsen", "Tom Hale"],
            id="an-engineers-letters-and-a-counsels-office",
        ),
        pytest.param(
            "Director of Environmental Services (A Creighton); Head of Estates and Cemeteries (J Whiteside)",
            ["A Creighton", "J Whiteside"],
            id="offices-with-their-holders-in-brackets",
        ),
    ],
)
def test_people_in_names(text, names):
    assert [p.name for p in people_in(text)] == names


@pytest.mark.parametrize(
    "text, name, role, officer",
    [
        pytest.param("Mrs Susan Ryding, Clerk", "Mrs Susan Ryding", "Clerk", True, id="clerk"),
        pytest.param("Mr A Mackenzie, Legal Manager", "Mr A Mackenzie", "Legal Manager", True, id="manager"),
        pytest.param("Director of Services (Mr. G. Daly)", "Mr. G. Daly", "Director of Services", True, id="director"),
        pytest.param("Town Clerk Geraint Thomas", "Geraint Thomas", "Town Clerk", True, id="role-first"),
        pytest.param("B. Westlake-Power (Secretary)", "B. Westlake-Power", "Secretary", True, id="role-in-brackets"),
        pytest.param("Cllr Smith (Vice-Chairman)", "Cllr Smith", "Vice-Chairman", False, id="vice-chair-is-member"),
    ],
)
def test_people_in_roles(text, name, role, officer):
    person = people_in(text)[0]
    assert (person.name, person.role, person.officer) == (name, role, officer)


@pytest.mark.parametrize(
    "text, chair",
    [
        pytest.param("Councillor Hussain (Chairman), Councillor Wallis", "Councillor Hussain", id="chairman"),
        pytest.param("Councillor Jones (in the Chair)", "Councillor Jones", id="in-the-chair"),
        pytest.param("Mayor Adams, Presiding", "Mayor Adams", id="presiding"),
        pytest.param("Steele (Chair) Walsh and Wyatt", "Steele", id="chair-then-names"),
        pytest.param("Cllr Smith (Vice-Chairman), Cllr Jones", "", id="vice-chair-is-not-chair"),
    ],
)
def test_people_in_chair(text, chair):
    assert next((p.name for p in people_in(text) if p.chair), "") == chair


# --- label_of ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Present:", ("present", ""), id="present"),
        pytest.param("PRESENT", ("present", ""), id="present-caps-alone"),
        pytest.param("Present: Cllr A", ("present", "Cllr A"), id="present-with-names"),
        pytest.param("Present were Cllr A", ("present", "Cllr A"), id="present-were"),
        pytest.param("Attendance", ("present", ""), id="attendance"),
        pytest.param("MEMBERS PRESENT:", ("members", ""), id="members-present"),
        pytest.param("Councillors present", ("members", ""), id="councillors-present"),
        pytest.param("Councillors:", ("members", ""), id="councillors"),
        pytest.param("Apologies:", ("apologies", ""), id="apologies"),
        pytest.param("Apology", ("apologies", ""), id="apology-alone"),
        pytest.param("Apologies for absence: Cllr B", ("apologies", "Cllr B"), id="apologies-for-absence"),
        pytest.param("Also present: Mr X", ("in_attendance", "Mr X"), id="also-present"),
        pytest.param("Officers in attendance:", ("in_attendance", ""), id="officers"),
        pytest.param("Members of the public", ("in_attendance", ""), id="public"),
        pytest.param("Absent: Cllr C", ("absent", "Cllr C"), id="absent"),
        pytest.param("Chairman: Cllr X", ("chair", "Cllr X"), id="chairman"),
        pytest.param("Present in the Chair: Cllr X", ("chair", "Cllr X"), id="present-in-the-chair"),
        pytest.param("Membership:", ("membership", ""), id="membership"),
        pytest.param("Presently the hall is closed", None, id="presently"),
        pytest.param("Chair", None, id="chair-alone"),
        pytest.param("Members agreed to the proposal", None, id="members-in-a-sentence"),
        pytest.param("Staff costs were discussed", None, id="staff-in-a-sentence"),
        pytest.param(
            "Management and Staff: Jo Bell, Port Manager", ("in_attendance", "Jo Bell, Port Manager"), id="management"
        ),
        pytest.param("Members of the Public and Media:", ("in_attendance", ""), id="public-and-media"),
        pytest.param(
            "Scottish Borders Councillors: Cllr F White", ("in_attendance", "Cllr F White"), id="a-councils-councillors"
        ),
        pytest.param("Others: PC Dunn", ("in_attendance", "PC Dunn"), id="others"),
        pytest.param("Others were concerned about parking", None, id="others-in-a-sentence"),
    ],
)
def test_label_of(text, expected):
    assert label_of(text) == expected


# --- read_attendance ---------------------------------------------------------------------------


def attendance(text: str, **options):
    lines = clean_lines(text)
    return read_attendance(lines, 0, len(lines), **options)


@pytest.mark.parametrize(
    "text, chair, present, in_attendance, apologies",
    [
        pytest.param(
            "Present: Councillor Smith (Chairman), Councillors Jones, Brown,\nGreen and White.\n",
            "Councillor Smith",
            ["Councillor Smith", "Councillor Jones", "Councillor Brown", "Councillor Green", "Councillor White"],
            [],
            [],
            id="list-wrapped-over-lines",
        ),
        pytest.param(
            "Present:\nCouncillor A Smith (Chairman)\nCouncillor B Jones\nCouncillor C Brown\n\nThe meeting opened at 7pm.\n",
            "Councillor A Smith",
            ["Councillor A Smith", "Councillor B Jones", "Councillor C Brown"],
            [],
            [],
            id="one-person-a-line",
        ),
        pytest.param(
            "In attendance:\nMr A Mackenzie, Legal Manager\nMr D Mudie, Team Leader\n",
            "",
            [],
            ["Mr A Mackenzie", "Mr D Mudie"],
            [],
            id="one-officer-a-line",
        ),
        pytest.param(
            "P = Present\nA = Apologies\nCouncillors:\nP  Cllr A Smith\nP  Cllr B Jones\nA  Cllr C Brown\nP  Cllr D Green\n",
            "",
            ["Cllr A Smith", "Cllr B Jones", "Cllr D Green"],
            [],
            ["Cllr C Brown"],
            id="flagged-list-with-legend",
        ),
        pytest.param(
            "In attendance\nSteve Ashley – Chair\tIndependent Chair\nPhil Morris – Advisor\tBusiness Manager\nSue Cassin – Member\tLead\n",
            "Steve Ashley",
            ["Steve Ashley", "Sue Cassin"],
            ["Phil Morris"],
            [],
            id="table-name-role-description",
        ),
        pytest.param(
            "Present: Cllr A Smith, Cllr B Jones\nApologies: Cllr C Brown, Cllr D Green\n",
            "",
            ["Cllr A Smith", "Cllr B Jones"],
            [],
            ["Cllr C Brown", "Cllr D Green"],
            id="apologies-label",
        ),
        pytest.param(
            "Apologies for absence were received from Councillor S. A. Webb.\n",
            "",
            [],
            [],
            ["Councillor S. A. Webb"],
            id="apologies-sentence-initials",
        ),
        pytest.param(
            "Apologies were received from Cllr C Brown and Cllr D Green.\n",
            "",
            [],
            [],
            ["Cllr C Brown", "Cllr D Green"],
            id="apologies-sentence-two",
        ),
        pytest.param(
            "Present: Cllr A Smith, Cllr B Jones\nApologies: There were no apologies.\n",
            "",
            ["Cllr A Smith", "Cllr B Jones"],
            [],
            [],
            id="no-apologies-label",
        ),
        pytest.param("There were no apologies.\n", "", [], [], [], id="no-apologies-sentence"),
        pytest.param("Apologies: None\n", "", [], [], [], id="apologies-none"),
        pytest.param(
            "Board members present were supervisors Dick Dillon, Ray Barnes and Sue Smith.\n",
            "",
            ["Supervisor Dick Dillon", "Supervisor Ray Barnes", "Supervisor Sue Smith"],
            [],
            [],
            id="board-members-present-were",
        ),
        pytest.param(
            "Present:- Councillors D. Jones (Chairman), A. Evans and B. Hughes. Town Clerk Mr R Davies. Apologies:- Councillors G.G.Jones\n",
            "Councillor D. Jones",
            ["Councillor D. Jones", "Councillor A. Evans", "Councillor B. Hughes"],
            ["Mr R Davies"],
            ["Councillor G.G.Jones"],
            id="inline-apologies-label",
        ),
        pytest.param(
            "Present: Councillors Smith (Chair), Jones and Brown. Also present: Mrs Susan Ryding, Clerk.\n",
            "Councillor Smith",
            ["Councillor Smith", "Councillor Jones", "Councillor Brown"],
            ["Mrs Susan Ryding"],
            [],
            id="also-present-inside",
        ),
        pytest.param(
            "Present: Councillors Smith (Chair), Jones and Brown Also Mrs Susan Ryding (Clerk)\n",
            "Councillor Smith",
            ["Councillor Smith", "Councillor Jones", "Councillor Brown"],
            ["Mrs Susan Ryding"],
            [],
            id="also-inside-list",
        ),
        pytest.param(
            "MEMBERS PRESENT:\nCouncillor A Smith (Chair), Councillor B Jones\nOFFICERS PRESENT:\nMr X Ray, Planning Officer\n",
            "Councillor A Smith",
            ["Councillor A Smith", "Councillor B Jones"],
            ["Mr X Ray"],
            [],
            id="members-then-officers",
        ),
        pytest.param(
            "Chairman: Cllr A Smith\nPresent: Cllr B Jones, Cllr C Brown\n",
            "Cllr A Smith",
            ["Cllr A Smith", "Cllr B Jones", "Cllr C Brown"],
            [],
            [],
            id="chairman-label",
        ),
        pytest.param(
            "Present: Cllr A Smith, Cllr B Jones\nAbsent: Cllr C Brown\n",
            "",
            ["Cllr A Smith", "Cllr B Jones"],
            [],
            [],
            id="absent-is-neither",
        ),
        pytest.param(
            "Present were Councillor A Smith and Councillor B Jones.\n",
            "",
            ["Councillor A Smith", "Councillor B Jones"],
            [],
            [],
            id="present-were-sentence",
        ),
        pytest.param(
            "Also present were guests Marv and Sue Forbragd.\n",
            "",
            [],
            ["Marv Forbragd", "Sue Forbragd"],
            [],
            id="also-present-were-guests",
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


def test_chair_in_a_with_sentence():
    found = attendance("With Councillor Keary in the Chair there were also present councillor(s) McMahon, Sheahan.\n")
    assert found.chair == "Councillor Keary"


def test_councillors_in_a_with_sentence():
    found = attendance("With Councillor Keary in the Chair there were also present councillor(s) McMahon, Sheahan.\n")
    assert found.present[-2:] == ["Councillor McMahon", "Councillor Sheahan"]


@pytest.mark.parametrize(
    "text, chair, present, in_attendance",
    [
        pytest.param(
            "Kenny Thomson (Chairman), Jane Smith, Bob Brown, Ann White\n\n1. Apologies\n",
            "Kenny Thomson",
            ["Kenny Thomson", "Jane Smith", "Bob Brown", "Ann White"],
            [],
            id="no-label-names-its-chair",
        ),
        pytest.param(
            "Councillors D Risk (Chairman), P Summers, J Bloggs\n\n1. Apologies\n",
            "Councillor D Risk",
            ["Councillor D Risk", "Councillor P Summers", "Councillor J Bloggs"],
            [],
            id="no-label-titled",
        ),
        pytest.param("Parish Clerk and RFO A M Hounsell\n", "", [], ["A M Hounsell"], id="officer-line"),
        pytest.param("County Councillor J Smith\n", "", [], ["J Smith"], id="county-councillor-line"),
        pytest.param(
            "Present: Cllr A Smith (Chairman), Cllr B Jones, Cllr C Brown\n\nParish Clerk and RFO A M Hounsell\n",
            "Cllr A Smith",
            ["Cllr A Smith", "Cllr B Jones", "Cllr C Brown"],
            ["A M Hounsell"],
            id="officer-line-after-list",
        ),
    ],
)
def test_lists_without_labels_in_the_opening(text, chair, present, in_attendance):
    found = attendance(text, opening_end=10**6)
    assert (found.chair, found.present, found.in_attendance) == (chair, present, in_attendance)


def test_list_without_label_outside_the_opening_is_not_read():
    found = attendance("Kenny Thomson (Chairman), Jane Smith, Bob Brown, Ann White\n")
    assert (found.chair, found.present) == ("", [])


def test_labels_only_skips_sentences():
    found = attendance("Apologies for absence were received from Councillor Smith.\n", labels_only=True)
    assert found.apologies == []


def test_membership_of_an_agenda():
    found = attendance(
        "Membership:\nCouncillor A Smith (Chairman), Councillor B Jones (Vice-Chairman), Councillor C Brown\n"
    )
    assert found.membership == [
        ("Councillor A Smith", "Chair"),
        ("Councillor B Jones", "Vice-Chairman"),
        ("Councillor C Brown", ""),
    ]
    assert found.present == []


TWO_MEETINGS = (
    "Present:\nSite Inspection Meeting on 9 September:\nCouncillors Smith, Jones\n"
    "Scheduled Meeting on 17 September:\nCouncillors Smith, Brown, Green\n"
)


@pytest.mark.parametrize(
    "day, present",
    [
        pytest.param((17, 9), ["Councillor Smith", "Councillor Brown", "Councillor Green"], id="scheduled"),
        pytest.param((9, 9), ["Councillor Smith", "Councillor Jones"], id="site-inspection"),
    ],
)
def test_meeting_day_picks_its_list(day, present):
    assert attendance(TWO_MEETINGS, meeting_day=day).present == present


def test_attendance_lines_are_marked():
    found = attendance("Present: Cllr A Smith, Cllr B Jones\nApologies: Cllr C Brown\n\nThe meeting opened.\n")
    assert found.lines == {0, 1}


def test_an_export_that_dropped_both_labels_keeps_their_order():
    """Those present (named with their chair) first, then, right below, the apologies."""
    found = attendance(
        "Ann Hale (Chairman), Bob Orme, Cara Lund, Dan Pike\n\nCouncillor Eve Marsh, Fay Toms and Gus Reed.\n\n"
        "The chairman welcomed everyone.\n",
        opening_end=10**6,
    )
    assert found.present == ["Ann Hale", "Bob Orme", "Cara Lund", "Dan Pike"]
    assert found.apologies == ["Councillor Eve Marsh", "Fay Toms", "Gus Reed"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Councillors A Hale, B Orme, C Lund\n\nCouncillor E Marsh, F Toms and G Reed.\n",
            id="no-chair-named-in-the-first-list",
        ),
        pytest.param(
            "Ann Hale (Chairman), Bob Orme, Cara Lund\n\nThe chairman welcomed everyone to the hall.\n\n"
            "Councillor Eve Marsh, Fay Toms and Gus Reed.\n",
            id="text-between-the-lists",
        ),
    ],
)
def test_a_second_list_with_no_label_is_not_apologies_unless_right_below_those_present(text):
    found = attendance(text, opening_end=10**6)
    assert found.apologies == []
    assert any(name.endswith("Reed") for name in found.present)


def test_a_roll_call_taken_on_a_motion_is_no_attendance():
    # How each member voted ("Mr. Boyd, yea;") says nothing of who came; the answers of the roll at the start do
    found = attendance(
        "Roll Call: Mr. Boyd, present; Mrs. Kessler, present; Dr. Lutz, absent.\n\n"
        "Roll Call: Mr. Okafor, yea; Mrs. Reyes, yea; Mr. Vance, nay.\n"
    )
    assert (found.present, found.apologies) == (["Mr. Boyd", "Mrs. Kessler"], [])
