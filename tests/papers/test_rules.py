"""Table-driven tests for each cleaning rule, date and name reader, on tiny inline inputs."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from minutes.core.config import CommitteeSettings
from minutes.papers import clean, names
from minutes.papers.attendance import people_in, read_attendance
from minutes.papers.citations import find_citations
from minutes.papers.dates import parse_date, parse_date_after, parse_time
from minutes.papers.names import CommitteeNames, committee_display_name, title_case, title_similarity
from minutes.papers.readers import read_paper
from minutes.papers.shapes import unmark
from minutes.papers.stray_html import cell_text, line_markdown


def run(rule, *texts):
    return rule(clean.read_lines(read_paper(("\n".join(texts) + "\n").encode("utf-8"), "p.txt")))


@pytest.mark.parametrize(
    "text, artefact",
    [
        ("## Page 6", "page marker"),
        ("Page 175", "page marker"),
        ("**Page 20**", "page marker"),
        ("The Plan on a Page which was developed", ""),
        ("Page 3 onwards provides details", ""),
    ],
)
def test_page_markers(text, artefact):
    assert run(clean.page_markers, text)[0].artefact == artefact


def test_page_marker_sets_the_page_of_later_lines():
    lines = run(clean.page_markers, "before", "## Page 6", "after")
    assert [line.page for line in lines] == [0, 6, 6]


def test_a_page_the_reader_knew_is_kept_and_lines_nothing_changes_are_kept_as_they_are():
    lines = clean.read_lines(read_paper(b"before\nknown\n## Page 6\nafter\nknown too\n", "p.txt"))
    lines = [replace(line, page=3) if line.text.startswith("known") else line for line in lines]
    marked = clean.page_markers(lines)
    assert [line.page for line in marked] == [0, 3, 6, 6, 3]
    assert marked[0] is lines[0] and marked[1] is lines[1] and marked[3] is not lines[3]


@pytest.mark.parametrize(
    "text, unmarked, plain",
    [
        ("plain words", "plain words", "plain words"),
        ("  spaced\u00a0 out\t\x1cwords\u2003 ", "spaced out words", "spaced out words"),
        ("**Bold** and *italic* text", "Bold and italic text", "Bold and *italic* text"),
        ("see [the report](<a b.pdf>) and [plan](p.pdf)", "see the report and plan", "see the report and plan"),
        ("item 5\\. escaped \\*", "item 5. escaped *", "item 5\\. escaped \\*"),
        ("## - Heading", "## - Heading", "Heading"),
        ("a * b * c", "a * b * c", "a * b * c"),
    ],
)
def test_markdown_marks_taken_off(text, unmarked, plain):
    assert unmark(text) == unmarked
    assert names.plain(text) == plain


@pytest.mark.parametrize(
    "text, is_header",
    [
        ("#### **COMMUNITIES AND COHESION - 18/11/13**", True),
        ("6 IMPROVING LIVES SELECT COMMISSION -", True),
        ("2 **IMPROVING LIVES SELECT COMMISSION -**", True),
        ("#### E34. DATE AND TIME OF THE NEXT MEETING: -", False),
        ("# E30. MINUTES OF THE PREVIOUS MEETING HELD ON 4TH NOVEMBER, 2013.", False),
        ("IMPROVING LIVES SELECT COMMISSION", False),
        ("Improving Lives Select Commission -", False),
    ],
)
def test_running_headers(text, is_header):
    """A header is recognised when it has a date, or when it repeats (digits aside) on another page."""
    again = re.sub(r"\d", "7", text) if not re.search(r"\d/\d", text) else text
    lines = run(clean.running_headers, text, "some text", again)
    assert (lines[0].artefact == "running header") is is_header


@pytest.mark.parametrize(
    "text, artefact",
    [
        ("-----\t---", "table rule"),
        ("--\t------------------------\t--\t--", "table rule"),
        ("- a list item", ""),
        ("---", ""),
    ],
)
def test_table_rules(text, artefact):
    assert run(clean.table_rules, text)[0].artefact == artefact


def test_web_page_noise_only_on_web_pages():
    lines = run(
        clean.web_page_noise,
        "Agenda and minutes",
        "Items",
        "No. Item",
        "Child Centred Borough pdf icon PDF 853 KB",
        "Additional documents:",
    )
    assert [line.artefact for line in lines] == [
        "",
        "web page furniture",
        "web page furniture",
        "",
        "web page furniture",
    ]
    assert lines[3].text == "Child Centred Borough"
    assert lines[3].removed == ("pdf icon PDF 853 KB",)
    plain_paper = run(clean.web_page_noise, "AGENDA", "Items", "Additional documents:")
    assert [line.artefact for line in plain_paper] == ["", "", ""]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("held on 4<sup>th</sup> November, 2013", "held on 4th November, 2013"),
        ("2.\tDate:\t16 <sup>th</sup> December, 2013.", "2.\tDate:\t16th December, 2013."),
        ("<h1>BRIEFING</h1>", "# BRIEFING"),
        ("<b>Total</b>\t<b>26</b>", "**Total**\t**26**"),
        ('x\t<ul style="list-style-type: none"> <li>• one</li> <li>• two</li> </ul>', "x\tone; two"),
        ("x\t<p>15 December</p>", "x\t15 December"),
        ("see <https://rotherham.public-i.tv/core>", "see <https://rotherham.public-i.tv/core>"),
    ],
)
def test_stray_html(text, expected):
    assert run(clean.stray_html, text)[0].text == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("·       Health, Welfare and Safety Panel: -", "- Health, Welfare and Safety Panel: -"),
        ("• The number of placements", "- The number of placements"),
        ("\uf0b7 Symbol font bullet", "- Symbol font bullet"),
        (" - a well-trained workforce", "  - a well-trained workforce"),
        ("children • young people • families", "children • young people • families"),
    ],
)
def test_bullet_glyphs(text, expected):
    assert run(clean.bullet_glyphs, text)[0].text == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("- Venue:-** Microsoft Teams Virtual Meeting", "- Venue:- Microsoft Teams Virtual Meeting"),
        ("**IMPROVING LIVES SELECT COMMISSION RECOMMENDATIONS", "IMPROVING LIVES SELECT COMMISSION RECOMMENDATIONS"),
        ("**Venue:** Town Hall,", "**Venue:** Town Hall,"),
    ],
)
def test_stray_bold(text, expected):
    assert run(clean.stray_bold, text)[0].text == expected


def test_repeated_table_header_is_dropped():
    lines = run(clean.repeated_table_headers, "A\tB", "1\t2", "", "A\tB", "3\t4", "", "Text", "A\tB")
    assert [line.artefact for line in lines] == ["", "", "", "repeated table header", "", "", "", ""]


@pytest.mark.parametrize(
    "texts, joined",
    [
        (
            [
                "The Head of Service",
                "#### **COMMUNITIES AND COHESION - 18/11/13**",
                "was confident that the applicants",
            ],
            True,
        ),
        (["The Head of Service", "", "was confident that the applicants"], True),
        (["A sentence that ends.", "", "and then a lower-case one"], False),
        (
            [
                "- (2) That an update be provided to members of the Improving Lives",
                "10 IMPROVING LIVES SELECT COMMISSION -",
                "Select Commission on the implementation and use of the system.",
                "11 IMPROVING LIVES SELECT COMMISSION -",
            ],
            True,
        ),
        (["Summary Sheet", "## Page 3", "Committee Name and Date"], False),
        (["Some words here", "", "- a list item"], False),
        (
            [
                "Cabinet - Monday, 2nd October, 2023 6.00 pm",
                "",
                "No. Item",
                "",
                "To receive any apologies for absence from members.",
            ],
            False,
        ),
    ],
)
def test_broken_paragraphs(texts, joined):
    lines = clean.clean_lines("\n".join(texts) + "\n")
    last = next(line for line in reversed(lines) if not line.artefact)
    assert bool(last.joined_to) is joined
    if joined:
        assert last.source in lines[0].text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Monday, 16th December, 2013", dt.date(2013, 12, 16)),
        ("Tuesday, 28 July 2020 at 5.30 p.m.", dt.date(2020, 7, 28)),
        ("16<sup>th</sup> December, 2013".replace("<sup>", "").replace("</sup>", ""), dt.date(2013, 12, 16)),
        ("16 th December, 2013", dt.date(2013, 12, 16)),
        ("Wednesday, 25th October, 2017 at 11.00 a.m.", dt.date(2017, 10, 25)),
        ("held on Friday 13th September 2013, 10:00am", dt.date(2013, 9, 13)),
        ("31st February, 2014", None),
        ("we may see", None),
        ("Tuesday 22 September", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_date_without_year_follows_the_meeting():
    assert parse_date_after("Tuesday 22 September at 5:30pm", dt.date(2020, 7, 28)) == dt.date(2020, 9, 22)
    assert parse_date_after("21st January", dt.date(2013, 12, 16)) == dt.date(2014, 1, 21)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Time: 1.00 p.m.", "13:00"),
        ("to start at 12.00 noon", "12:00"),
        ("commencing at 5:30pm", "17:30"),
        ("at 11.00 a.m.", "11:00"),
        ("10:00am – 12:30pm", "10:00"),
        ("at 2.00 pm at My Place", "14:00"),
        ("12.00 a.m.", "00:00"),
        ("Standing Order 48.1", ""),
        ("the year 2013", ""),
    ],
)
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("IMPROVING LIVES SELECT COMMISSION", "Improving Lives Select Commission"),
        ("Improving Lives Select Commission -", "Improving Lives Select Commission"),
        ("**IMPROVING LIVES SELECT COMMISSION -**", "Improving Lives Select Commission"),
        (
            "CABINET MEMBER FOR COMMUNITIES AND COHESION 18th November, 2013",
            "Cabinet Member for Communities and Cohesion",
        ),
        ("ROTHERHAM YOUTH CABINET MEETING", "Rotherham Youth Cabinet"),
        ("CHILDREN, YOUNG PEOPLE AND FAMILIES PARTNERSHIP", "Children, Young People and Families Partnership"),
        ("ANNUAL PARISH MEETING", "Annual Parish Meeting"),
        ("Annual Town Meeting", "Annual Town Meeting"),
        ("ANNUAL TOWN HALL MEETING", "Annual Town Hall Meeting"),
        ("CRETE TOWNSHIP MEETING", "Crete Township"),
    ],
)
def test_committee_display_name(printed, expected):
    assert committee_display_name(printed) == expected


def test_site_aliases_map_printed_names_to_a_slug():
    names = CommitteeNames(
        {"ilsc": CommitteeSettings(name="Improving Lives", aliases=("Improving Lives Select Commission",))}
    )
    assert names.resolve("IMPROVING LIVES SELECT COMMISSION -").slug == "ilsc"
    assert names.resolve("IMPROVING LIVES SELECT COMMISSION -").name == "Improving Lives"
    assert names.resolve("Cabinet").slug == "cabinet"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("DEPRIVED NEIGHBOURHOODS - PROGRESS UPDATE", "Deprived Neighbourhoods - Progress Update"),
        (
            "MINUTES OF THE PREVIOUS MEETING HELD ON 4TH NOVEMBER, 2013",
            "Minutes of the Previous Meeting Held on 4th November, 2013",
        ),
        ("RE-COMMISSIONING OF CSE SUPPORT SERVICES", "Re-Commissioning of CSE Support Services"),
        ("Mixed Case Stays", "Mixed Case Stays"),
    ],
)
def test_title_case(text, expected):
    assert title_case(text) == expected


def test_title_similarity():
    assert title_similarity("Warm Well Families", "Warm and Well Families") == 1.0
    assert title_similarity("Transport for the North", "Advice Services Review") == 0.0


@pytest.mark.parametrize(
    "text, chair, names",
    [
        (
            "Councillor Hussain (in the Chair) and Councillor Wallis.",
            "Councillor Hussain",
            ["Councillor Hussain", "Councillor Wallis"],
        ),
        (
            "Councillors Jarvis, Atkin and Beaumont",
            "",
            ["Councillor Jarvis", "Councillor Atkin", "Councillor Beaumont"],
        ),
        (
            "Councillor Cusworth (in the Chair); Councillors Jarvis, Fenwick-Green and Simpson.",
            "Councillor Cusworth",
            ["Councillor Cusworth", "Councillor Jarvis", "Councillor Fenwick-Green", "Councillor Simpson"],
        ),
        (
            "Councillor Lakin (in the Chair); Steve Ashley, Clare Burton",
            "Councillor Lakin",
            ["Councillor Lakin", "Steve Ashley", "Clare Burton"],
        ),
    ],
)
def test_names_in_a_list(text, chair, names):
    people = people_in(text)
    assert [p.name for p in people] == names
    assert next((p.name for p in people if p.chair), "") == chair


@pytest.mark.parametrize(
    "text, expected",
    [
        ("An apology for absence had been received from Councillor Burton.", ["Councillor Burton"]),
        ("Apologies for absence:- Apologies were received from Councillors Pitchley.", ["Councillor Pitchley"]),
        (
            "Apologies for absence were received from Jason Harwin and Janet Wheatley.",
            ["Jason Harwin", "Janet Wheatley"],
        ),
        ("The Chair apologised for the delay.", []),
    ],
)
def test_apologies(text, expected):
    lines = clean.clean_lines(text + "\n")
    assert read_attendance(lines, 0, len(lines)).apologies == expected


def test_present_and_attendance_table():
    lines = clean.clean_lines("Present:- Councillor Hussain (in the Chair) and Councillor Wallis.\n")
    found = read_attendance(lines, 0, len(lines))
    assert (found.chair, found.present) == ("Councillor Hussain", ["Councillor Hussain", "Councillor Wallis"])
    rows = "In attendance\nSteve Ashley – Chair\tIndependent Chair\nPhil Morris – Advisor\tBusiness Manager\nSue Cassin – Member\tLead\n"
    lines = clean.clean_lines(rows)
    found = read_attendance(lines, 0, len(lines))
    assert found.chair == "Steve Ashley"
    assert found.present == ["Steve Ashley", "Sue Cassin"]
    assert found.in_attendance == ["Phil Morris"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Further to Minute No. 228 (CAMHS), it was reported", [("Minute No. 228 (CAMHS)", "", None, "228", "cites")]),
        (
            "In accordance with Minute No. 224 of 17th July, 2013, John",
            [("Minute No. 224 of 17th July, 2013", "", dt.date(2013, 7, 17), "224", "cites")],
        ),
        (
            "Minute No. C25 (Disadvantaged Areas) of a meeting of the Cabinet held on 20th June, 2012, approval",
            [
                (
                    "Minute No. C25 (Disadvantaged Areas) of a meeting of the Cabinet held on 20th June, 2012",
                    "Cabinet",
                    dt.date(2012, 6, 20),
                    "C25",
                    "cites",
                )
            ],
        ),
        (
            "the minutes of the previous meeting held on 18th November, 2013 be approved as a correct record",
            [
                (
                    "minutes of the previous meeting held on 18th November, 2013",
                    "",
                    dt.date(2013, 11, 18),
                    "",
                    "approves",
                )
            ],
        ),
        (
            "The minutes of the Youth Cabinet held on 26th September, 2013, were noted.",
            [
                (
                    "minutes of the Youth Cabinet held on 26th September, 2013",
                    "Youth Cabinet",
                    dt.date(2013, 9, 26),
                    "",
                    "cites",
                )
            ],
        ),
    ],
)
def test_citations(text, expected):
    found = find_citations(
        text, "Cabinet Member for Communities and Cohesion", CommitteeNames(), approving="approved" in text
    )
    assert [(c.text, c.committee, c.date, c.minute, c.relation) for c in found] == expected


def test_cell_and_line_markdown():
    assert cell_text("<p>a</p> <p>b</p>") == "a; b"
    assert line_markdown("<i>The Reading Agency</i>") == "*The Reading Agency*"
