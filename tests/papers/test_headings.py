"""Table-driven tests for item headings: reading a number, splitting a run-in heading, and
finding the items of business in small documents."""

from __future__ import annotations

import pytest

from minutes.papers.clean import clean_lines
from minutes.papers.headings import find_items, number_key, read_number, run_in

# --- read_number -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("3. Minutes", ("int", "3", "Minutes"), id="dot"),
        pytest.param("3) Minutes", ("int", "3", "Minutes"), id="bracket"),
        pytest.param("3 Minutes", ("int", "3", "Minutes"), id="space"),
        pytest.param("12 – Minutes", ("int", "12", "Minutes"), id="dash"),
        pytest.param("1\\. Apologies", ("int", "1", "Apologies"), id="escaped-dot"),
        pytest.param("22.", ("int", "22", ""), id="alone"),
        pytest.param("E31. DECLARATIONS OF INTEREST", ("prefixed", "E31", "DECLARATIONS OF INTEREST"), id="E31"),
        pytest.param("C150 Cabinet", ("prefixed", "C150", "Cabinet"), id="C150"),
        pytest.param("PLA146/14", ("slash", "PLA146/14", ""), id="PLA146/14"),
        pytest.param("ES.24/041 Apologies", ("slash", "ES.24/041", "Apologies"), id="ES.24/041"),
        pytest.param("77/21 Minutes", ("slash", "77/21", "Minutes"), id="77/21"),
        pytest.param("Cou/285/07-08 Present", ("slash", "Cou/285/07-08", "Present"), id="Cou/285/07-08"),
        pytest.param("F01:04/24 Apologies", ("slash", "F01:04/24", "Apologies"), id="F01:04/24"),
        pytest.param("1-0607/8 - Minutes", ("slash", "1-0607/8", "Minutes"), id="1-0607/8"),
        pytest.param("PAR 1 Apologies", ("prefixed", "PAR 1", "Apologies"), id="PAR-1"),
        pytest.param("*42 Authorize payment", ("int", "*42", "Authorize payment"), id="star-42"),
        pytest.param("S-56 Request", ("int", "S-56", "Request"), id="S-56"),
        pytest.param("item 5 Minutes", ("int", "5", "Minutes"), id="item-lower"),
        pytest.param(
            "Item 5 Minutes",
            ("int", "5", "Minutes"),
            id="Item-5",
        ),
        pytest.param("minute no. 12 Apologies", ("int", "12", "Apologies"), id="minute-no"),
        pytest.param("Minute 123/2019 – Apologies", ("slash", "123/2019", "Apologies"), id="minute-word-slash"),
        pytest.param("Minute No. 45/19 Planning", ("slash", "45/19", "Planning"), id="minute-no-slash"),
        pytest.param("Min 45. Apologies", ("int", "45", "Apologies"), id="min-abbreviated"),
        pytest.param("Min. 45/19 – Planning", ("slash", "45/19", "Planning"), id="min-abbreviated-slash"),
        pytest.param(
            "(19/21) To receive apologies", ("slash", "19/21", "To receive apologies"), id="slash-in-brackets"
        ),
        pytest.param("4.1 Update", ("dotted", "4.1", "Update"), id="4.1"),
        pytest.param("4.1.2 Detail", ("dotted", "4.1.2", "Detail"), id="4.1.2"),
        pytest.param("(a) Police Report", ("paren", "a", "Police Report"), id="paren-a"),
        pytest.param("(iv) Sub-item", ("paren", "iv", "Sub-item"), id="paren-iv"),
        pytest.param("b) Sub-item", ("letter", "b", "Sub-item"), id="letter-b"),
        pytest.param("II. APPROVAL OF MINUTES", ("roman", "II", "APPROVAL OF MINUTES"), id="roman-capitals"),
        pytest.param("XIV) Old Business", ("roman", "XIV", "Old Business"), id="roman-bracket"),
        pytest.param(
            "CMD.74.21 Election of the Cathaoirleach",
            ("prefixed", "CMD.74.21", "Election of the Cathaoirleach"),
            id="district-prefix-minute-year",
        ),
    ],
)
def test_read_number(text, expected):
    assert read_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("12th May", id="ordinal"),
        pytest.param("2030Economic Plan", id="glued-year"),
        pytest.param("1999 was a good year", id="year"),
        pytest.param("Apologies", id="no-number"),
        pytest.param("Min 45 minutes late", id="min-without-its-stop"),
        pytest.param("(19/21 of the total)", id="slash-in-brackets-within-a-sentence"),
        pytest.param("A. Something", id="capital-letter"),
        pytest.param(
            "9:30 AM",
            id="clock-time",
        ),
        pytest.param(
            "3.5m of rain",
            id="decimal",
        ),
    ],
)
def test_read_number_refuses(text):
    assert read_number(text) is None


@pytest.mark.parametrize(
    "number, key",
    [
        pytest.param("12", (12,), id="int"),
        pytest.param("4.1", (4, 1), id="dotted"),
        pytest.param("4.1.2", (4, 1, 2), id="dotted-3"),
        pytest.param("PLA146/14", (146, 0, 14), id="slash"),
        pytest.param("Cou/285/07-08", (285, 0, 7, 8), id="slash-years"),
        pytest.param("2019/1", (2019, 0, 1), id="year-first"),
        pytest.param("C 08/042", (8, 0, 42), id="letter-year-minute"),
        pytest.param("4.1/04/17", (4, 1, 4, 17), id="sub-minute-month-year"),
        pytest.param("(c)", (3,), id="paren-letter"),
        pytest.param("(iv)", (4,), id="roman"),
        pytest.param("IV", (4,), id="roman-capitals"),
        pytest.param("IX", (9,), id="roman-nine"),
        pytest.param("I", (1,), id="roman-one-not-the-ninth-letter"),
        pytest.param("*42", (42,), id="star"),
        pytest.param("S-56", (56,), id="letter-dash"),
        pytest.param("E31", (31,), id="prefixed"),
        pytest.param("PAR 1", (1,), id="PAR"),
        pytest.param("Item", (0,), id="no-digits"),
    ],
)
def test_number_key(number, key):
    assert number_key(number) == key


def test_number_keys_sort_as_a_reader_counts():
    numbers = ["10", "4.2", "2", "4.10", "4.1", "4"]
    assert sorted(numbers, key=number_key) == ["2", "4", "4.1", "4.2", "4.10", "10"]


def test_minute_numbers_sort_whichever_part_counts():
    assert sorted(["5/04/17", "4.1/04/17", "4/04/17"], key=number_key) == ["4/04/17", "4.1/04/17", "5/04/17"]
    assert sorted(["2019/3", "2019/1", "2019/2"], key=number_key) == ["2019/1", "2019/2", "2019/3"]
    assert sorted(["C 08/044", "C 08/042"], key=number_key) == ["C 08/042", "C 08/044"]


# --- run_in ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, title, rest",
    [
        pytest.param(
            "MEMBERS’ DECLARATIONS OF INTEREST There were no declarations of interest.",
            "MEMBERS’ DECLARATIONS OF INTEREST",
            "There were no declarations of interest.",
            id="caps-then-prose",
        ),
        pytest.param(
            "APOLOGIES FOR ABSENCE were received from Councillor Smith.",
            "APOLOGIES FOR ABSENCE",
            "were received from Councillor Smith.",
            id="caps-then-lower",
        ),
        pytest.param(
            "HS2 UPDATE The clerk reported that works continue.",
            "HS2 UPDATE",
            "The clerk reported that works continue.",
            id="caps-with-digits",
        ),
        pytest.param(
            "Chairman’s remarks – The chairman welcomed all present.",
            "Chairman’s remarks",
            "The chairman welcomed all present.",
            id="dash-sentence",
        ),
        pytest.param(
            "Welcome: The Chairman welcomed those present.",
            "Welcome",
            "The Chairman welcomed those present.",
            id="colon-sentence",
        ),
        pytest.param(
            "Apologies for absence: Cllr E Black – accepted.",
            "Apologies for absence",
            "Cllr E Black – accepted.",
            id="colon-names",
        ),
        pytest.param("Apologies: None", "Apologies", "None", id="colon-none"),
        pytest.param(
            "(Agenda 1) APOLOGIES FOR ABSENCE None",
            "APOLOGIES FOR ABSENCE",
            "(Agenda 1) None",
            id="agenda-cross-reference",
        ),
        pytest.param("DECLARATIONS OF INTEREST Nil.", "DECLARATIONS OF INTEREST", "Nil.", id="capitals-then-nil"),
        pytest.param("Apologies – None.", "Apologies", "None.", id="dash-none"),
        pytest.param(
            "Questions from the Public: None", "Questions from the Public", "None", id="colon-none-long-title"
        ),
        pytest.param(
            "Date of next meeting: The next meeting will be held on 12 May 2020 at 7pm.",
            "Date of next meeting",
            "The next meeting will be held on 12 May 2020 at 7pm.",
            id="colon-sentence-with-date",
        ),
        pytest.param(
            "Mayor’s Announcements a) The Mayor will attend the event",
            "Mayor’s Announcements",
            "a) The Mayor will attend the event",
            id="first-sub-item-runs-on",
        ),
        pytest.param(
            "Finance. A cheque was signed for the grass cutting.",
            "Finance",
            "A cheque was signed for the grass cutting.",
            id="Finance-dot",
        ),
        pytest.param(
            "FINANCE. A cheque was signed for the grass cutting.",
            "FINANCE",
            "A cheque was signed for the grass cutting.",
            id="FINANCE-dot",
        ),
        pytest.param(
            "Declarations of Interest – Cllrs Smith and Jones",
            "Declarations of Interest",
            "Cllrs Smith and Jones",
            id="dash-names",
        ),
        pytest.param(
            "Report of the Footpaths Working Group. To note the working group's survey of the stiles.",
            "Report of the Footpaths Working Group",
            "To note the working group's survey of the stiles.",
            id="longer-title-dot-then-what-the-meeting-is-to-do",
        ),
        pytest.param(
            "Minutes – approved and signed", "Minutes", "approved and signed", id="dash-outcome-in-lower-case"
        ),
        pytest.param("Planning – Noted.", "Planning", "Noted.", id="dash-outcome-in-a-word"),
        pytest.param(
            "Members of the Public – none present.", "Members of the Public", "none present.", id="dash-none-present"
        ),
        pytest.param(
            "Roll Call – Trustee Vane called roll call", "Roll Call", "Trustee Vane called roll call", id="someone-did"
        ),
        pytest.param(
            "Minutes of the Last Meeting held on the 31 March 2025 – These minutes were received, considered, and "
            "approved following the vote.",
            "Minutes of the Last Meeting held on the 31 March 2025",
            "These minutes were received, considered, and approved following the vote.",
            id="long-title-dash-sentence",
        ),
    ],
)
def test_run_in_splits(text, title, rest):
    assert run_in(text) == (title, rest)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("RLSCB Business Plan 2013-16", id="acronym-then-title"),
        pytest.param("Part 8 - Proposed Neighbourhood Park", id="part-dash-title"),
        pytest.param("Minutes – 12 September 2014", id="dash-date"),
        pytest.param("Revised Public Law Outline – Anne Deeney", id="dash-presenter"),
        pytest.param("Date of next meeting - Wednesday, 25th October", id="dash-weekday-date"),
        pytest.param("Date of next meeting: 12 May 2020", id="colon-date"),
        pytest.param("23/01240/F - Land at Mill Lane", id="planning-reference"),
        pytest.param("PLANNING APPLICATIONS", id="all-caps"),
        pytest.param("RESOLVED that the minutes be approved", id="resolved-not-a-title"),
        pytest.param("CCTV Update", id="short-title"),
        pytest.param("Accounts – Approved payments list", id="dash-title-opening-with-an-outcome-word"),
        pytest.param(
            "Report on the state of the churchyard wall. The wall was inspected in May.",
            id="longer-title-dot-then-a-sentence-stays-whole",
        ),
    ],
)
def test_run_in_keeps_titles_whole(text):
    assert run_in(text) == (text, "")


# --- find_items --------------------------------------------------------------------------------


def items(text: str) -> list[tuple[str, str]]:
    lines = clean_lines(text)
    return [(h.number, h.title) for h in find_items(lines, 0, len(lines))]


def tree(text: str) -> list[tuple[str, str, int, str]]:
    lines = clean_lines(text)
    return [(h.number, h.title, h.level, h.parent) for h in find_items(lines, 0, len(lines))]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "1. Apologies for absence\nNone were received.\n\n2. Minutes of the last meeting\nApproved.\n\n3. Planning\nNo applications.\n",
            [("1", "Apologies for absence"), ("2", "Minutes of the last meeting"), ("3", "Planning")],
            id="numbered-lines",
        ),
        pytest.param(
            "## 1. Apologies\nNone.\n\n## 2. Minutes\nApproved.\n\n## 3. Finance\nNoted.\n",
            [("1", "Apologies"), ("2", "Minutes"), ("3", "Finance")],
            id="markdown-headings",
        ),
        pytest.param(
            "**1. Apologies**\nNone.\n\n**2. Minutes**\nApproved.\n\n**3. Finance**\nNoted.\n",
            [("1", "Apologies"), ("2", "Minutes"), ("3", "Finance")],
            id="bold",
        ),
        pytest.param(
            "22.\n\nAppointment of Chairman\n\nMinutes:\n\nCouncillor Smith was appointed.\n\n"
            "23.\n\nApologies for absence\n\nMinutes:\n\nNone.\n\n"
            "24.\n\nDeclarations of interest\n\nMinutes:\n\nThere were none.\n",
            [("22", "Appointment of Chairman"), ("23", "Apologies for absence"), ("24", "Declarations of interest")],
            id="moderngov-number-alone",
        ),
        pytest.param(
            "APOLOGIES\nPLA146/14\nApologies were received.\n\nMINUTES\nPLA147/14\nApproved.\n\n"
            "PLANNING APPLICATIONS\nPLA148/14\nConsidered.\n",
            [("PLA146/14", "APOLOGIES"), ("PLA147/14", "MINUTES"), ("PLA148/14", "PLANNING APPLICATIONS")],
            id="minute-number-below-title",
        ),
        pytest.param(
            "PAR\n1\nApologies for absence\nNone.\n\nPAR\n2\nMinutes of the last meeting\nApproved.\n\nPAR\n3\nPlanning\nNone.\n",
            [("PAR 1", "Apologies for absence"), ("PAR 2", "Minutes of the last meeting"), ("PAR 3", "Planning")],
            id="PAR-then-number-then-title",
        ),
        pytest.param(
            "2. Apologies\nNone.\n\n3. Declarations of interest\nNone.\n\n4. Public questions\nNone.\n\n5. Planning\nNone.\n\n"
            "6. Highways\nNone.\n\n7. Finance\nNoted.\n\n8. Correspondence\nNoted.\n\n9. Date of next meeting\nTo be fixed.\n\n"
            "1. Adoption of Minutes\nThe minutes were adopted.\n",
            [
                ("2", "Apologies"),
                ("3", "Declarations of interest"),
                ("4", "Public questions"),
                ("5", "Planning"),
                ("6", "Highways"),
                ("7", "Finance"),
                ("8", "Correspondence"),
                ("9", "Date of next meeting"),
                ("1", "Adoption of Minutes"),
            ],
            id="item-taken-out-of-order",
        ),
        pytest.param(
            "1. Apologies\nNone.\n\n2. Finance\nThe council considered the quotation for grass cutting and agreed that it should pay\n"
            "3 invoices from the contractor at the end of the season.\n\n3. Planning\nNone.\n\n4. Close\nDone.\n",
            [("1", "Apologies"), ("2", "Finance"), ("3", "Planning"), ("4", "Close")],
            id="wrapped-line-starting-with-a-number",
        ),
        pytest.param(
            "1. Apologies\nNone.\n\n1. Minutes\nApproved.\n\n1. Planning\nNone.\n\n1. Finance\nNoted.\n",
            [("1", "Apologies"), ("1", "Minutes"), ("1", "Planning"), ("1", "Finance")],
            id="auto-numbered-list",
        ),
        pytest.param(
            "1. APOLOGIES\nNone.\n\n2. FINANCE\nThe following payments were approved:\n1. Clerk's salary\n2. Hall hire\n3. Grass cutting\n\n"
            "3. PLANNING\nNone.\n\n4. CLOSE\nDone.\n",
            [("1", "APOLOGIES"), ("2", "FINANCE"), ("3", "PLANNING"), ("4", "CLOSE")],
            id="list-inside-caps-items",
        ),
        pytest.param(
            "1. Apologies\nNone.\n\n2. Finance\nThe following payments were approved:\n\n1. Clerk's salary\n2. Hall hire\n3. Grass cutting\n\n"
            "3. Planning\nNone.\n\n4. Close\nDone.\n",
            [("1", "Apologies"), ("2", "Finance"), ("3", "Planning"), ("4", "Close")],
            id="list-inside-plain-items",
        ),
        pytest.param(
            "1. Apologies\nNone.\n\n2. Minutes\nApproved.\n\n3. Date of next meeting\n12 May 2020.\n",
            [("1", "Apologies"), ("2", "Minutes"), ("3", "Date of next meeting")],
            id="date-line-not-an-item",
        ),
        pytest.param(
            "1. Apologies\nNone.\n\n9:30 AM The meeting opened.\n\n2. Minutes\nApproved.\n\n3. Planning\nNone.\n",
            [("1", "Apologies"), ("2", "Minutes"), ("3", "Planning")],
            id="clock-time-not-an-item",
        ),
        pytest.param(
            "1. Apologies\nNone.\n\n2. Questions\n\nQuestion submitted by Councillor Smith\nWhat is being done about potholes?\n\n"
            "Question submitted by Councillor Jones\nWhen will the lights be fixed?\n\n3. Close\nDone.\n",
            [
                ("1", "Apologies"),
                ("2", "Questions"),
                ("", "Question submitted by Councillor Smith"),
                ("", "Question submitted by Councillor Jones"),
                ("3", "Close"),
            ],
            id="questions-submitted-unnumbered",
        ),
        pytest.param(
            "1. Apologies\nNone.\n\n2. Minutes\nApproved.\n\nQuestion submitted by Councillor Smith\n3. What is being done about potholes?\n\n"
            "Question submitted by Councillor Jones\n4. When will the lights be fixed?\n\n5. Close\nDone.\n",
            [
                ("1", "Apologies"),
                ("2", "Minutes"),
                ("3", "Question submitted by Councillor Smith"),
                ("4", "Question submitted by Councillor Jones"),
                ("5", "Close"),
            ],
            id="questions-submitted-numbered-below",
        ),
        pytest.param(
            ". Apologies\nNone.\n\n. Minutes of the last meeting\nApproved.\n\n. Any Other Business\nNone.\n",
            [("", "Apologies"), ("", "Minutes of the last meeting"), ("", "Any Other Business")],
            id="numbers-lost",
        ),
        pytest.param(
            ". Apologies\nNone.\n\n. Minutes\nApproved.\n\n. Any Other Business\nNone.\n",
            [("", "Apologies"), ("", "Minutes"), ("", "Any Other Business")],
            id="numbers-lost-bare-minutes",
        ),
        pytest.param(
            "Police Report:\nNo crimes reported.\n\nPlanning Matters:\nNo applications.\n\nFinance:\nPayments approved.\n",
            [("", "Police Report"), ("", "Planning Matters"), ("", "Finance")],
            id="three-colon-headings",
        ),
        pytest.param(
            "Police Report:\nNo crimes reported.\n\nPlanning Matters:\nNo applications.\n",
            [],
            id="two-colon-headings-are-not-enough",
        ),
        pytest.param(
            "APOLOGIES FOR ABSENCE were received from Councillor Smith.\n\nMINUTES OF THE LAST MEETING were approved and signed.\n\n"
            "PLANNING APPLICATIONS were considered and no objections raised.\n",
            [("", "APOLOGIES FOR ABSENCE"), ("", "MINUTES OF THE LAST MEETING"), ("", "PLANNING APPLICATIONS")],
            id="run-in-capitals",
        ),
        pytest.param(
            "The meeting opened at 7pm and the chairman welcomed everyone.\nThe clerk read the notices.\n",
            [],
            id="prose-has-no-items",
        ),
        pytest.param(
            "Apologies\nCllr Moss sent her apologies.\n\nDeclarations of interest\nNone were made.\n\n"
            "Public forum\nTwo residents spoke about parking on the green.\n",
            [("", "Apologies"), ("", "Declarations of interest"), ("", "Public forum")],
            id="standard-business-on-plain-lines",
        ),
        pytest.param(
            "Minutes of March 2021\nThe minutes were approved.\n\nDeclarations of Interest None\n\n"
            "Matters Arising The clerk reported that the bench had been repaired.\n",
            [("", "Minutes of March 2021"), ("", "Declarations of Interest"), ("", "Matters Arising")],
            id="standard-business-run-in-after-a-distinctive-name",
        ),
        pytest.param(
            "Present: Anne Orr (Chair), Bill Hale\nApologies: Ed Tull\n\nMinutes of Previous Meeting\n"
            "The minutes were approved.\n\nMatters Arising\nThe bench was repaired.\n\nPlanning\nNone.\n",
            [("", "Minutes of Previous Meeting"), ("", "Matters Arising"), ("", "Planning")],
            id="apologies-listed-under-those-present-open-no-item",
        ),
        pytest.param(
            "Apologies were received from Cllr Jones.\n\nPlanning applications were noted.\n\n"
            "Correspondence was read and filed.\n",
            [],
            id="sentences-that-open-with-the-names-of-business-are-not-items",
        ),
        pytest.param(
            "Apologies\nNone.\n\nThe meeting discussed the roof of the village hall at length.\n",
            [],
            id="one-standard-heading-is-not-a-list-of-items",
        ),
        pytest.param(
            "1. Apologies for absence Apologies for absence were received from Cllr Dunn and Cllr Hale, and the meeting "
            "accepted them with thanks.\n\n2. Minutes of the meeting of 4 March RESOLVED that the minutes of the meeting "
            "held on 4 March be approved as a correct record and signed.\n\n3. Election of the Chairman for the Year On "
            "the motion of Cllr Hale, seconded by Cllr Dunn, Cllr Moss was elected to the chair for the year.\n\n4. To "
            "determine if the matters are to be considered under the categories suggested in the agenda and what the "
            "public may see.\n",
            [
                ("1", "Apologies for absence"),
                ("2", "Minutes of the meeting of 4 March"),
                ("3", "Election of the Chairman for the Year"),
                (
                    "4",
                    "To determine if the matters are to be considered under the categories suggested in the agenda and "
                    "what the public may see",
                ),
            ],
            id="long-numbered-lines-end-their-title-where-the-minute-opens",
        ),
        pytest.param(
            "- The chair welcomed everyone.\n- Apologies were received from Cllr Hart.\n"
            "- It was agreed to repaint the bus shelter.\n- The next meeting is on 4 May.\n",
            [
                ("", "The chair welcomed everyone."),
                ("", "Apologies were received from Cllr Hart."),
                ("", "It was agreed to repaint the bus shelter."),
                ("", "The next meeting is on 4 May."),
            ],
            id="minutes-kept-as-a-list-of-points",
        ),
        pytest.param(
            "The meeting heard from residents about the park.\n\nThe following were noted:\n\n- the gate\n"
            "- the fence\n- the bins\n\nThe chair closed the meeting.\n",
            [],
            id="a-list-of-things-inside-prose-is-not-a-list-of-items",
        ),
        pytest.param(
            "The meeting heard from residents about the park and the playground.\n\nThe clerk reported on the audit.\n\n"
            "The treasurer reported on the accounts.\n\nMatters raised:\n\n- Dog fouling on the green was raised.\n"
            "- Parking near the school was raised.\n- The state of the footpath was raised.\n\n"
            "The chair thanked the clerk.\n\nThe clerk will write to the county.\n\nThe meeting closed at 9pm.\n"
            "Signed by the chair.\n",
            [],
            id="a-list-of-points-that-is-not-most-of-the-minutes-is-not-their-items",
        ),
        pytest.param(
            "Minutes pdf icon PDF 135 KB\n\nTo approve the minutes.\n\nOverview Report pdf icon PDF 308 KB\n\nThe report was noted.\n",
            [("", "Minutes"), ("", "Overview Report")],
            id="web-page-titles-with-papers-attached-even-Minutes",
        ),
        pytest.param(
            "MINUTES OF OCTOBER MONTHLY MEETING OF HILLSIDE COUNTY COUNCIL HELD IN THE COUNTY HALL ON MONDAY 3 MAY 2010\n\n"
            "VOTES OF SYMPATHY were extended to the families.\n\nMINUTES OF THE LAST MEETING were confirmed.\n\n"
            "CORRESPONDENCE was noted.\n",
            [("", "VOTES OF SYMPATHY"), ("", "MINUTES OF THE LAST MEETING"), ("", "CORRESPONDENCE")],
            id="the-papers-title-in-capitals-is-not-an-item",
        ),
        pytest.param(
            "AM119\n\nNotice and Summons of Meeting\n\nRead.\n\nAM219\n\nMember Attendance and Apologies\n\nRecorded.\n\n"
            "AM319\n\nSuspension of Standing Orders\n\nAgreed.\n\nAM419\n\nElection of Mayor\n\nElected.\n",
            [
                ("AM119", "Notice and Summons of Meeting"),
                ("AM219", "Member Attendance and Apologies"),
                ("AM319", "Suspension of Standing Orders"),
                ("AM419", "Election of Mayor"),
            ],
            id="minute-numbers-ending-with-the-year",
        ),
        pytest.param(
            "|Present: |Ann Bell, Cal Dunn |\n\n|Apologies |Eve Fox |\n\n"
            "|Approve minutes |Proposed by Ann, seconded by Cal | |\n\n"
            "| Police Report | The constable told the meeting that there was little | |\n\n| |to report this month. | |\n\n"
            "|Election Results and |The clerk read the results of the | |\n\n|election of office bearers |ballot. | |\n\n"
            "| |Ann Bell was elected chair. | |\n",
            [("", "Approve minutes"), ("", "Police Report"), ("", "Election Results and election of office bearers")],
            id="minutes-kept-as-a-table-a-topic-to-a-row",
        ),
        pytest.param(
            "Payments:\n|Anglian Water |£40.00 |\n|BT Group |£21.50 |\n|Clerk |Jane Doe |\n",
            [],
            id="pairs-of-names-and-sums-are-not-topics",
        ),
        pytest.param(
            "No\tItem\n1\tApologies for absence\n2\tDeclarations of interest\n3\tMinutes of the last meeting\n"
            "4\tPlanning applications\n",
            [
                ("1", "Apologies for absence"),
                ("2", "Declarations of interest"),
                ("3", "Minutes of the last meeting"),
                ("4", "Planning applications"),
            ],
            id="an-agenda-set-out-as-a-table",
        ),
        pytest.param(
            "No | Item |\n1 | Appointment of Chair |\n2 | Budget 2017-18\nTo review the budget. |\n3 | Play areas |\n"
            "| 4 | Close |\n",
            [("1", "Appointment of Chair"), ("2", "Budget 2017-18"), ("3", "Play areas"), ("4", "Close")],
            id="pipe-rows-one-cell-running-onto-the-next-line",
        ),
        pytest.param(
            "Payments approved:\n1\tAnglian Water\t£40.00\t£8.00\n2\tBT Group\t£21.50\t£4.30\n3\tClerk's salary\t£500.00\t£0.00\n",
            [],
            id="a-table-of-figures-holds-no-items",
        ),
        pytest.param(
            "Statements received:\n08\tJane Hill\tItem 8 Parking levy\n10\tSam Ray, Chair of the residents' group\tItem 8\n"
            "13\tAl Fox\tItem 9 Buses\n",
            [],
            id="a-register-of-statements-holds-no-items",
        ),
        pytest.param(
            "Present: Cllr P Batty (Chairman), Cllr J Green, Cllr A White\n41/19 Apologies: Cllr S Black.\n"
            "42/19 Declarations of interest: None.\n43/19 Minutes: approved.\n",
            [("41/19", "Apologies"), ("42/19", "Declarations of interest"), ("43/19", "Minutes")],
            id="a-list-of-those-present-does-not-run-on-into-the-first-minute",
        ),
        pytest.param(
            "**CABINET - THURSDAY, 30 JANUARY 2025**\n\n**Budget monitoring**\n\nNoted.\n\n**Fees and charges**\n\nAgreed.\n",
            [("", "Budget monitoring"), ("", "Fees and charges")],
            id="a-body-and-its-day-is-the-meetings-title",
        ),
    ],
)
def test_find_items(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "1. Apologies\nNone.\n\n2. Minutes\nApproved.\n\n3. Planning\nNone.\n\n4. Finance\n\n4.1 Payments\nApproved.\n\n4.2 Budget\nNoted.\n\n5. Close\nDone.\n",
            [
                ("1", "Apologies", 0, ""),
                ("2", "Minutes", 0, ""),
                ("3", "Planning", 0, ""),
                ("4", "Finance", 0, ""),
                ("4.1", "Payments", 1, "4"),
                ("4.2", "Budget", 1, "4"),
                ("5", "Close", 0, ""),
            ],
            id="dotted-under-whole",
        ),
        pytest.param(
            "1. Apologies\nNone.\n\n2. Minutes\nApproved.\n\n3. Reports\n\n(a) Police Report\nNoted.\n\n(b) County Councillor Report\nNoted.\n\n4. Close\nDone.\n",
            [
                ("1", "Apologies", 0, ""),
                ("2", "Minutes", 0, ""),
                ("3", "Reports", 0, ""),
                ("3(a)", "Police Report", 1, "3"),
                ("3(b)", "County Councillor Report", 1, "3"),
                ("4", "Close", 0, ""),
            ],
            id="lettered-under-whole",
        ),
        pytest.param(
            "## Apologies\n\nNone received.\n\n## Planning\n\n1. Land at Mill Lane\n2. Barn at Church Street\n\n## Finance\n\n1. Payments\n2. Bank reconciliation\n",
            [
                ("", "Apologies", 0, ""),
                ("", "Planning", 0, ""),
                ("1", "Land at Mill Lane", 1, ""),
                ("2", "Barn at Church Street", 1, ""),
                ("", "Finance", 0, ""),
                ("1", "Payments", 1, ""),
                ("2", "Bank reconciliation", 1, ""),
            ],
            id="sections-with-restarting-lists",
        ),
        pytest.param(
            "## Apologies\n\nNone received.\n\n## Planning\n\n1. Land at Mill Lane\n2. The Barn, Church Street\n\n## Finance\n\n1. Payments\n2. Bank reconciliation\n",
            [
                ("", "Apologies", 0, ""),
                ("", "Planning", 0, ""),
                ("1", "Land at Mill Lane", 1, ""),
                ("2", "The Barn, Church Street", 1, ""),
                ("", "Finance", 0, ""),
                ("1", "Payments", 1, ""),
                ("2", "Bank reconciliation", 1, ""),
            ],
            id="sub-item-starting-The",
        ),
        pytest.param(
            "1. Matters arising:\n\nA. Police\n\nThe beat officer reported.\n\nB. Grant Budget Pilot\n\nExplained.\n\n2. Close\n\nDone.\n",
            [
                ("1", "Matters arising", 0, ""),
                ("1(A)", "Police", 1, "1"),
                ("1(B)", "Grant Budget Pilot", 1, "1"),
                ("2", "Close", 0, ""),
            ],
            id="capital-letters-under-whole",
        ),
        pytest.param(
            "1. Present\n\nB. Smith\n\n2. Close\n\nDone.\n",
            [("1", "Present", 0, ""), ("2", "Close", 0, "")],
            id="one-initial-is-a-name-not-a-sub-item",
        ),
        pytest.param(
            "6 Apologies\n\n7 Accounts for the Year\n\n  1. Review the annual accounts\n  2. Internal audit report\n"
            "  3. Governance statement\n\n8 Close\n",
            [
                ("6", "Apologies", 0, ""),
                ("7", "Accounts for the Year", 0, ""),
                ("7(1)", "Review the annual accounts", 1, "7"),
                ("7(2)", "Internal audit report", 1, "7"),
                ("7(3)", "Governance statement", 1, "7"),
                ("8", "Close", 0, ""),
            ],
            id="a-list-of-short-headings-from-1-under-a-whole-number",
        ),
        pytest.param(
            "6 Apologies\n\n7 Payments\n\n  1. That the payments listed in the schedule be approved today\n"
            "  2. That the clerk pays them by bank transfer\n\n8 Close\n",
            [("6", "Apologies", 0, ""), ("7", "Payments", 0, ""), ("8", "Close", 0, "")],
            id="a-list-of-resolutions-under-an-item-stays-its-text",
        ),
    ],
)
def test_find_items_with_sub_items(text, expected):
    assert tree(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "I. CALL TO ORDER\n\nThe meeting opened.\n\nII. Approval of the Consent Calendar\n\nApproved 5-0.\n\n"
            "III. Old Business\n\nA. Boat ramp\n\nDiscussed.\n\nB. Dredging\n\nNone.\n\nIV. Adjournment\n",
            [
                ("I", "CALL TO ORDER", 0, ""),
                ("II", "Approval of the Consent Calendar", 0, ""),
                ("III", "Old Business", 0, ""),
                ("III(A)", "Boat ramp", 1, "III"),
                ("III(B)", "Dredging", 1, "III"),
                ("IV", "Adjournment", 0, ""),
            ],
            id="roman-numerals-with-lettered-sub-items",
        ),
    ],
)
def test_roman_numbered_items(text, expected):
    assert tree(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "## AGENDA Tuesday, December 10, 2024\n\nCall to Order\n\nRoll Call of Board Members\n\nConsent Agenda\n\n"
            "- Approval of Minutes\n- Bills and Payroll\n\nNew Business\n\n- FB31 Relocated to the Shipyard\n\n"
            "Citizen Comment\n\nAdjourn\n",
            [
                ("", "Call to Order", 0, ""),
                ("", "Roll Call of Board Members", 0, ""),
                ("", "Consent Agenda", 0, ""),
                ("", "New Business", 0, ""),
                ("", "Citizen Comment", 0, ""),
                ("", "Adjourn", 0, ""),  # one word and the last line, but it closes the meeting
            ],
            id="an-agendas-plain-title-lines-with-lists-under-them",
        ),
        pytest.param(
            "Road Report\n\nThe grader was mended last week and is back on the roads.\n\n"
            "Park Report\n\nThe swings were painted by the volunteers on Saturday.\n",
            [],
            id="minutes-headings-with-text-between-are-not-read-so",
        ),
    ],
)
def test_agenda_lines(text, expected):
    assert tree(text) == expected


@pytest.mark.parametrize(
    "text, numbers",
    [
        pytest.param(
            "4. Consent Agenda\nTrustee Orme read the consent agenda as follows:\n"
            "a. Approve Minutes of the February 19, 2020 Regular Meeting\nb. Approve Payment of Invoices\n"
            "c. Receive and file Financial Reports\n5. Adjournment\n",
            ["4", "4(a)", "4(b)", "4(c)", "5"],
            id="an-agendas-actions-lettered-under-as-follows",
        ),
        pytest.param(
            "5. New Business\na.\tApprove the purchase of a new van\nMOTION: Trustee Pike moved to approve.\n"
            "b.\tAdopt Ordinance 20-1 Prevailing Wage\nMOTION: Trustee Pike moved to adopt.\n6. Adjournment\n",
            ["5", "5(a)", "5(b)", "6"],
            id="lettered-actions-set-off-by-a-tab",
        ),
        pytest.param(
            "5. Budget\nRESOLVED that the Committee:\n(a) Approve the revenue budget for 2021\n"
            "(b) Approve the capital programme\n6. Close\n",
            ["5", "6"],
            id="a-resolutions-lettered-points",
        ),
        pytest.param(
            "5. Budget\nThe report was discussed.\n(a) approve the revenue budget for 2021\n"
            "(b) note the forecast overspend\n6. Close\n",
            ["5", "6"],
            id="lettered-points-in-lower-case",
        ),
    ],
)
def test_lettered_actions_are_sub_items_and_a_resolutions_points_are_not(text, numbers):
    assert [h.number for h in find_items(clean_lines(text), 0, len(clean_lines(text)))] == numbers


@pytest.mark.parametrize(
    "text, titles",
    [
        pytest.param(
            "# ELM LIBRARY DISTRICT\n# Budget Public Hearing\nWednesday, September 20, 2017 — 7:00 p.m\n\n"
            "1. Call to order\nThe hearing opened.\n2. Adjournment\nThe hearing closed.\n",
            ["Call to order", "Adjournment"],
            id="headings-over-the-date-are-the-title",
        ),
        pytest.param(
            "# Welcome\n# Finance\nThe accounts for the year to 31 March 2017 were presented and approved.\n"
            "# Planning\nNo objection was raised.\n",
            ["Welcome", "Finance", "Planning"],
            id="headings-over-a-dated-sentence-are-items",
        ),
    ],
)
def test_unnumbered_headings_over_the_meetings_date_are_its_title_not_items(text, titles):
    lines = clean_lines(text)
    assert [h.title for h in find_items(lines, 0, len(lines))] == titles


def test_numbered_lines_counting_on_from_bold_ones_are_items_not_lists():
    text = (
        "1. Welcome – Cllr Orr welcomed all.\n\n2. Declaration of Interests – None.\n\n**3. Clerk's Report –**\n"
        "The clerk reported.\n\n4. Members of the Public – none present.\n\n5. Bank Reconciliation – Agreed.\n\n"
        "**6. Grant Request –**\nA grant was given.\n\n7. Date of Next Meeting\n\n**8. Exclusion of the Public**\n"
    )
    lines = clean_lines(text)
    assert [h.number for h in find_items(lines, 0, len(lines))] == [str(n) for n in range(1, 9)]


@pytest.mark.parametrize(
    "text, title, rest",
    [
        pytest.param(
            "Minutes – The Minutes of the Council Meeting held on 4th March were approved and signed.",
            "Minutes",
            "The Minutes of the Council Meeting held on 4th March were approved and signed.",
            id="minutes-dash-the-minutes-were-approved",
        ),
        pytest.param(
            "Planning – The following applications were considered:",
            "Planning",
            "The following applications were considered:",
            id="dash-then-a-short-sentence-with-a-verb",
        ),
        pytest.param(
            "Village Hall – To receive the caretaker’s report",
            "Village Hall",
            "To receive the caretaker’s report",
            id="agenda-heading-dash-action",
        ),
        pytest.param(
            "Playing Field –To note the repair of the swings",
            "Playing Field",
            "To note the repair of the swings",
            id="dash-attached-to-the-action",
        ),
        pytest.param(
            "Cemetery- To approve a quote for hedge cutting",
            "Cemetery",
            "To approve a quote for hedge cutting",
            id="hyphen-attached-to-the-heading",
        ),
        pytest.param(
            "Flooding– Cllr. Green said the ditch by the school overflows",
            "Flooding",
            "Cllr. Green said the ditch by the school overflows",
            id="dash-attached-to-the-heading-then-a-councillor",
        ),
        pytest.param(
            "Bus Shelter – Church Road – No reply has been received from the county.",
            "Bus Shelter – Church Road",
            "No reply has been received from the county.",
            id="a-heading-holding-a-dash-then-a-sentence",
        ),
        pytest.param(
            "Footpath 12 - Resurfacing and drainage work – to receive an update",
            "Footpath 12 - Resurfacing and drainage work",
            "to receive an update",
            id="a-heading-holding-a-hyphen-then-an-action",
        ),
        pytest.param(
            "HCC 30 mph Limit – A reply has been received from the county.",
            "HCC 30 mph Limit",
            "A reply has been received from the county.",
            id="capitals-and-a-figure-in-the-heading",
        ),
        pytest.param(
            "NALC SLCC Training – Two councillors attended the course in June.",
            "NALC SLCC Training",
            "Two councillors attended the course in June.",
            id="acronyms-then-a-word-before-the-dash",
        ),
        pytest.param(
            "Annual Assembly and Annual Meeting of the P.C. – Because of the elections, it was agreed to move them.",
            "Annual Assembly and Annual Meeting of the P.C.",
            "Because of the elections, it was agreed to move them.",
            id="a-heading-of-nine-words-then-a-sentence",
        ),
        pytest.param(
            "Financial Regulations The revised model regulations had been adopted by the clerk for the council.",
            "Financial Regulations",
            "The revised model regulations had been adopted by the clerk for the council.",
            id="capitalised-heading-run-into-a-sentence-opening-the",
        ),
    ],
)
def test_run_in_a_heading_set_off_from_its_text(text, title, rest):
    assert run_in(text) == (title, rest)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Housing Review - The Future of Rural Homes", id="dash-then-a-phrase-without-a-verb"),
        pytest.param("Budget – Precept – 2025-26", id="dashes-between-parts-of-a-title"),
        pytest.param("Recreation Ground Improvements and Fencing", id="no-dash"),
        pytest.param("Storm Damage. – 3 trees reported down on the common.", id="a-listed-sentence-before-a-dash"),
    ],
)
def test_run_in_keeps_a_title_with_dashes_and_no_sentence_whole(text):
    assert run_in(text) == (text, "")


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "12/24 Apologies – None received.\n\n12/25 Finance –\n\n"
            "(a) The grant request from the Scouts for £200 was approved.\n"
            "(b) Payments – The payments listed below were approved.\n"
            "(c) The insurance renewal had been circulated before the meeting. It was agreed to renew.\n\n"
            "12/26 Close – The meeting closed at 9 p.m.\n",
            [
                ("12/24", "Apologies", 0, ""),
                ("12/25", "Finance", 0, ""),
                ("12/25(a)", "The grant request from the Scouts for £200 was approved", 1, "12/25"),
                ("12/25(b)", "Payments", 1, "12/25"),
                ("12/25(c)", "The insurance renewal had been circulated before the meeting", 1, "12/25"),
                ("12/26", "Close", 0, ""),
            ],
            id="bare-sentences-lettered-beside-a-headed-sub-minute",
        ),
        pytest.param(
            "12/24 Apologies – None received.\n\n12/25 Finance –\n\n"
            "(a) Payments – The payments listed below were approved.\n"
            "(c) The insurance renewal had been circulated before the meeting and was discussed.\n\n"
            "12/26 Close – The meeting closed at 9 p.m.\n",
            [
                ("12/24", "Apologies", 0, ""),
                ("12/25", "Finance", 0, ""),
                ("12/25(a)", "Payments", 1, "12/25"),
                ("12/26", "Close", 0, ""),
            ],
            id="a-bare-sentence-after-a-gap-in-the-letters-stays-text",
        ),
        pytest.param(
            "1. Apologies\n\n2. Finance\n\n(a) To approve the bank reconciliation;\n"
            "(b) To approve the payments for May;\n\n3. Close\n",
            [
                ("1", "Apologies", 0, ""),
                ("2", "Finance", 0, ""),
                ("2(a)", "To approve the bank reconciliation", 1, "2"),
                ("2(b)", "To approve the payments for May", 1, "2"),
                ("3", "Close", 0, ""),
            ],
            id="agenda-sub-items-closed-by-a-semicolon",
        ),
    ],
)
def test_lettered_sub_minutes_bare_or_closed_by_a_semicolon(text, expected):
    assert tree(text) == expected


@pytest.mark.parametrize(
    "text, last",
    [
        pytest.param(
            "1/25 Apologies – Cllr Green sent apologies.\n\n2/25 Minutes – The Minutes of the last meeting were approved.\n\n"
            "3/25 Website – The new pages have been published.\n\n"
            "4/25 Date of Next Meeting – Tuesday, 10th March 2025 at 7.30 p.m.\n",
            ("4/25", "Date of Next Meeting"),
            id="a-paper-whose-headings-run-in-after-a-dash",
        ),
        pytest.param(
            "1. Apologies for Absence\n\n2. Declarations of Interest\n\n3. Housing Strategy\n\n"
            "4. Date of next meeting - Wednesday, 25th October 2025 at 11.00 a.m.\n",
            ("4", "Date of next meeting - Wednesday, 25th October 2025 at 11.00 a.m"),
            id="a-paper-with-no-run-in-headings-keeps-the-date",
        ),
    ],
)
def test_the_next_meetings_date_after_a_dash_runs_in_as_the_papers_headings_do(text, last):
    assert items(text)[-1] == last


# --- labels, bold headings and title blocks of whole papers ------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "**ELM TOWNSHIP ANNUAL TOWN MEETING**\n\n**Elm Town Hall, Elm Center, IL**\n\n**April 9, 2024, 7:00pm**\n\n"
            "The meeting was called to order.\n\n**Old Business**\n\nThe roof was mended.\n\n**New Business**\n\n"
            "A new mower was bought.\n",
            [("", "Old Business"), ("", "New Business")],
            id="a-place-line-between-the-title-and-the-date-is-the-title",
        ),
        pytest.param(
            "## HARBOUR BOARD MEETING\n## Mill Road Hall\n## May 5, 2025\n\nThe meeting opened.\n\n## Dredging\n\n"
            "A report was heard.\n\n## Moorings\n\nFees were set.\n",
            [("", "Dredging"), ("", "Moorings")],
            id="a-hall-under-the-title-with-the-date-below",
        ),
        pytest.param(
            "DATE: May 7, 2025\n\nTIME: 6:00 PM\n\nOLD BUSINESS:\n\nPARKING LOT: The lot was paved in May.\n\n"
            "NEW BUSINESS:\n\nFENCE: A fence would cost about $27,000.00 to put up.\n",
            [("", "OLD BUSINESS"), ("", "PARKING LOT"), ("", "NEW BUSINESS"), ("", "FENCE")],
            id="a-labelled-time-line-is-the-header-not-an-item",
        ),
        pytest.param(
            "OLD BUSINESS:\n\nPARKING LOT: The lot was paved in May.\n\nStreet Lights Elm Road: Power lines are "
            "underground there.\n\nSpeed table – Mayor read the new quote for a table on Main Street.\n\n"
            "NEW BUSINESS:\n\nSewer Rates: Normally towns charge double for services outside the limits.\n\n"
            "Maintenance Log on Equipment – Ann and Tom will prepare a log of the equipment.\n",
            [
                ("", "OLD BUSINESS"),
                ("", "PARKING LOT"),
                ("", "Street Lights Elm Road"),
                ("", "Speed table"),
                ("", "NEW BUSINESS"),
                ("", "Sewer Rates"),
                ("", "Maintenance Log on Equipment"),
            ],
            id="labels-in-mixed-case-run-in-beside-capitals-headings",
        ),
        pytest.param(
            "**OLD BUSINESS:**\n\nPARKING LOT: The lot was paved in May.\n\nBRIDGE REPAIR: Work starts in June.\n\n"
            "Public Comment Period:\n\nNo one spoke at all.\n\n**NEW BUSINESS:**\n\nFENCE: A fence would cost more.\n",
            [
                ("", "OLD BUSINESS"),
                ("", "PARKING LOT"),
                ("", "BRIDGE REPAIR"),
                ("", "Public Comment Period"),
                ("", "NEW BUSINESS"),
                ("", "FENCE"),
            ],
            id="bold-and-mixed-case-labels-standing-alone-are-items-as-their-capitals-twins",
        ),
        pytest.param(
            "Call to Order: Mayor Reed\n\nInvocation: Ann Bell\n\nPledge of Allegiance:\n\n"
            "Approval of minutes: Ann Bell made a motion to approve the minutes. Tom Orr seconded. Motion carried 4-0.\n\n"
            "AGENDA: Tom Orr made a motion to approve the agenda. Ann Bell seconded the motion. Motion carried 4-0.\n\n"
            "PUBLIC COMMENT PERIOD:\n\nNo one spoke at all.\n\nOLD BUSINESS:\n\nPARKING LOT: The lot was paved in May.\n",
            [
                ("", "Call to Order"),
                ("", "Invocation"),
                ("", "Pledge of Allegiance"),
                ("", "Approval of minutes"),
                ("", "AGENDA"),
                ("", "PUBLIC COMMENT PERIOD"),
                ("", "OLD BUSINESS"),
                ("", "PARKING LOT"),
            ],
            id="the-opening-label-lines-of-us-minutes-are-items",
        ),
        pytest.param(
            "OLD BUSINESS:\n\nPARKING LOT: The lot was paved in May.\n\nELM PT. AVE. SINKHOLE: The cover is fixed.\n\n"
            "ELM CO. E D C: The group met in March.\n",
            [("", "OLD BUSINESS"), ("", "PARKING LOT"), ("", "ELM PT. AVE. SINKHOLE"), ("", "ELM CO. E D C")],
            id="a-capitals-label-with-abbreviation-dots-is-one-title",
        ),
        pytest.param(
            "MINUTES OF THE EXTRAORDINARY MEETING OF THE PARISH COUNCIL HELD ON 22ND JUNE 2011\n\n"
            "The Chairman opened the meeting at 7.05 pm.\n\n**Apology**\n\nCllr Webb had sent an apology.\n\n"
            "**Co-option of a Parish Councillor to fill the vacant seat after the election held on 5th May 2011**\n\n"
            "A substantial majority voted to co-opt Jo Smith.\n",
            [
                ("", "Apology"),
                (
                    "",
                    "Co-option of a Parish Councillor to fill the vacant seat after the election held on 5th May 2011",
                ),
            ],
            id="the-bold-headings-of-a-short-paper-are-its-items",
        ),
        pytest.param(
            "The Chairman opened the meeting at 7.35 pm.\n\n**APOLOGIES**\n\nCllr Caunce had apologised.\n\n"
            "The council voted to object to the application.\n",
            [("", "APOLOGIES")],
            id="one-bold-heading-of-a-short-paper-is-an-item",
        ),
        pytest.param(
            "Correspondence\n\n1. Bob Green – Quotation to replace the damaged gate at the playing field\n\n"
            "2. GAPTC – Appointment of a new chief executive (emailed to councillors)\n\n"
            "3. CDC – Closure of the recycling site (emailed to councillors)\n",
            [
                ("1", "Bob Green – Quotation to replace the damaged gate at the playing field"),
                ("2", "GAPTC – Appointment of a new chief executive (emailed to councillors)"),
                ("3", "CDC – Closure of the recycling site (emailed to councillors)"),
            ],
            id="a-numbered-letter-keeps-its-sender-and-subject",
        ),
    ],
)
def test_labels_bold_headings_and_title_blocks_of_whole_papers(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize(
    "text, title, rest",
    [
        pytest.param(
            "HIGHLAND PT. AVE. SINKHOLE: Manhole cover is fixed.",
            "HIGHLAND PT. AVE. SINKHOLE",
            "Manhole cover is fixed.",
            id="abbreviation-dots-inside-a-capitals-label",
        ),
        pytest.param(
            "DR. ROBERTSON MEMORIAL: The stone is set.", "DR. ROBERTSON MEMORIAL", "The stone is set.", id="dr-dot"
        ),
        pytest.param(
            "Street Light Elm Road – Power lines are underground along the road.",
            "Street Light Elm Road",
            "Power lines are underground along the road.",
            id="a-label-before-a-dash-and-a-sentence",
        ),
        pytest.param(
            "PRESENTATION: TOWN CENTRE REGENERATION",
            "PRESENTATION: TOWN CENTRE REGENERATION",
            "",
            id="a-title-in-capitals-either-side-of-its-colon",
        ),
        pytest.param("APOLOGIES: CLLR GRAY.", "APOLOGIES", "CLLR GRAY.", id="a-label-in-capitals-and-its-names"),
    ],
)
def test_run_in_labels_of_whole_papers(text, title, rest):
    assert run_in(text) == (title, rest)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Bob Green – Quotation to replace the damaged gate at the playing field", id="quotation-to"),
        pytest.param("GAPTC – Appointment of a new chief executive", id="capitals-sender"),
        pytest.param("Jill Hale – Confirmation of bank account held", id="confirmation-of"),
        pytest.param("Richard Kenny – Request for financial support for a cycle event (to list)", id="request-for"),
    ],
)
def test_run_in_keeps_a_sender_and_the_subject_of_a_letter_whole(text):
    assert run_in(text) == (text, "")


@pytest.mark.parametrize(
    "line, title, pages",
    [
        pytest.param(
            "3.1 Regular Board Meeting – April 18, 2024 Page 4", "Regular Board Meeting – April 18, 2024", "4"
        ),
        pytest.param(
            "3.2 Committee of the Whole Meeting – May 2, 2024 Pages 11 - 14 Recommendation:",
            "Committee of the Whole Meeting – May 2, 2024",
            "11-14",
            id="the-next-line-run-on-after-it",
        ),
        pytest.param("4. Minutes (Pages 5-9)", "Minutes", "5-9", id="in-brackets"),
        pytest.param(
            "4. MINUTES OF THE PREVIOUS MEETING (Pages 5 - 7) To confirm as a correct record the minutes.",
            "MINUTES OF THE PREVIOUS MEETING",
            "5-7",
            id="in-brackets-with-the-description-run-on",
        ),
        pytest.param("4. Page 2 of the plan", "Page 2 of the plan", "", id="a-title-about-a-page"),
    ],
)
def test_a_page_reference_printed_at_the_right_of_a_heading(line, title, pages):
    lines = clean_lines(f"2. Business\n\n3. Adoption of Minutes\n\n{line}\nTHAT the minutes be adopted.\n")
    head = find_items(lines, 0, len(lines))[-1]
    assert (head.title, head.pages) == (title, pages)


def test_a_contents_page_printed_again_below_gives_no_items():
    # "ORDER OF BUSINESS" lists the items with their pages; the paper prints them again as its headings: the
    # headings are the items, each once, without a page number
    text = (
        "ORDER OF BUSINESS\n\n**1 Opening Karakia 3**\n\n**2 Apologies 3**\n\n**3 Declarations of Interest 4**\n\n"
        "**4 Reports 5**\n\n"
        "1 OPENING KARAKIA\nThe karakia was read.\n\n2 APOLOGIES\nNone at the close of the agenda.\n\n"
        "3 DECLARATIONS OF INTEREST\nMembers are reminded.\n\n4 REPORTS\nThe reports follow.\n"
    )
    lines = clean_lines(text)
    heads = find_items(lines, 0, len(lines))
    assert [(h.number, h.title) for h in heads] == [
        ("1", "OPENING KARAKIA"),
        ("2", "APOLOGIES"),
        ("3", "DECLARATIONS OF INTEREST"),
        ("4", "REPORTS"),
    ]
