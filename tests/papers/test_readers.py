"""Table-driven tests for the paper readers: which reader the bytes choose, how text is
decoded, Markdown front-matter, and how a web page becomes lines."""

from __future__ import annotations

import codecs
import datetime as dt
import itertools

import pytest

from minutes.papers.readers import read_paper, reader_for
from minutes.papers.readers.html import HtmlReader
from minutes.papers.readers.text import decode_text


def content(paper) -> list[str]:
    """The non-blank lines a reader kept as content."""
    return [line.text for line in paper.lines if line.text.strip() and not line.furniture]


def furniture(paper) -> dict[str, str]:
    return {line.text: line.furniture for line in paper.lines if line.furniture}


# --- choosing a reader ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param(b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html", id="doctype"),
        pytest.param(b"  <html><body>x</body></html>", "html", id="html-tag-after-spaces"),
        pytest.param(b"\xef\xbb\xbf<html><body>x</body></html>", "html", id="html-after-bom"),
        pytest.param(b"<!-- saved from url --><html><body>x</body></html>", "html", id="html-after-comment"),
        pytest.param(b"<div><p>A fragment</p></div>", "html", id="fragment-div"),
        pytest.param(b"<table><tr><td>1</td></tr></table>", "html", id="fragment-table"),
        pytest.param(b"held on 4<sup>th</sup> November", "text", id="stray-sup-is-text"),
        pytest.param(b"<sup>th</sup> November", "text", id="sup-first-is-text"),
        pytest.param(b"---\ntitle: Minutes\n---\nBody\n", "markdown", id="front-matter"),
        pytest.param(b"---\n\nA rule, then text\n", "text", id="rule-without-key"),
        pytest.param(b"# Minutes\n\nPresent: X\n", "text", id="markdown-without-front-matter"),
        pytest.param(b"MINUTES\nPresent: Councillor X\n", "text", id="plain"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "doc", id="ole-compound-file"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a", "text", id="ole-magic-cut-short"),
    ],
)
def test_reader_for_sniffs_the_bytes(data, expected):
    assert reader_for(data).name == expected


@pytest.mark.parametrize(
    "data, shown_as, expected",
    [
        pytest.param(b"<html><body><p>x</p></body></html>", "paper.txt", "html", id="html-named-txt"),
        pytest.param(b"Plain minutes\n", "paper.html", "text", id="text-named-html"),
        pytest.param(b"---\ntitle: X\n---\nBody\n", "paper.txt", "markdown", id="markdown-named-txt"),
    ],
)
def test_read_paper_ignores_the_extension(data, shown_as, expected):
    assert read_paper(data, shown_as).format == expected


# --- decoding text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, text, severities",
    [
        pytest.param("Café – minutes".encode(), "Café – minutes", [], id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + b"Minutes", "Minutes", [], id="utf-8-bom-dropped"),
        pytest.param("Café".encode("utf-16"), "Café", [], id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + "Café".encode("utf-16-be"), "Café", [], id="utf-16-be-bom"),
        pytest.param("Café – £5".encode("cp1252"), "Café – £5", ["warning"], id="windows-1252-warns"),
        pytest.param(b"a\x00b", "ab", ["error"], id="nul-bytes-error"),
        pytest.param(b"", "", ["error"], id="empty"),
        pytest.param(b"  \n\n ", "", ["error"], id="only-whitespace-is-empty"),
        pytest.param(b"one\r\ntwo\rthree", "one\ntwo\nthree", [], id="line-endings"),
        pytest.param(b"tab\there\x07bell", "tab\there bell", [], id="control-char-to-space"),
    ],
)
def test_decode_text(data, text, severities):
    decoded, problems = decode_text(data, "p.txt")
    assert decoded == text
    assert [p.severity for p in problems] == severities


def test_windows_1252_warning_names_the_first_bad_line():
    _, problems = decode_text("ok\nstill ok\ncaf\u00e9".encode("cp1252"), "p.txt")
    assert [(p.path, p.line) for p in problems] == [("p.txt", 3)]
    assert "Windows-1252" in problems[0].message


def test_mostly_control_characters_is_a_binary_file():
    paper = read_paper(bytes(range(1, 9)) * 20, "p.txt")
    assert [p.severity for p in paper.problems] == ["error"]


def test_empty_paper_has_no_lines():
    paper = read_paper(b"", "p.txt")
    assert paper.lines == ()
    assert [p.severity for p in paper.problems] == ["error"]


# --- Markdown ----------------------------------------------------------------------------------


def test_front_matter_is_meta_and_furniture():
    paper = read_paper(b"---\ntitle: Parish Council\ndate: 2020-01-02\n---\n# Minutes\nPresent: X\n", "p.md")
    assert paper.format == "markdown"
    assert paper.meta == {"title": "Parish Council", "date": dt.date(2020, 1, 2)}
    assert [bool(line.furniture) for line in paper.lines] == [True, True, True, True, False, False]
    assert content(paper) == ["# Minutes", "Present: X"]


@pytest.mark.parametrize(
    "data, meta, severities",
    [
        pytest.param(b"---\ntitle: [unclosed\n---\nBody\n", {}, ["warning"], id="bad-yaml-warns"),
        pytest.param(b"---\ntitle: X\nBody without a closing fence\n", {}, [], id="unclosed-front-matter"),
    ],
)
def test_front_matter_problems(data, meta, severities):
    paper = read_paper(data, "p.md")
    assert paper.meta == meta
    assert [p.severity for p in paper.problems] == severities
    assert not any(line.furniture for line in paper.lines)


# --- HTML --------------------------------------------------------------------------------------


def html(body: str):
    paper = HtmlReader().read(body.encode("utf-8"), "p.html")
    assert paper.format == "html"
    return paper


@pytest.mark.parametrize(
    "body, lines",
    [
        pytest.param("<h1>Minutes</h1><h3>Apologies</h3>", ["# Minutes", "### Apologies"], id="heading-levels"),
        pytest.param("<h2><strong>Bold heading</strong></h2>", ["## Bold heading"], id="heading-drops-bold"),
        pytest.param("<p>One</p><p>Two</p>", ["One", "Two"], id="paragraphs"),
        pytest.param("<p>Town Hall,<br>Moorgate<br/>Rotherham</p>", ["Town Hall,", "Moorgate", "Rotherham"], id="br"),
        pytest.param(
            "<p>A <b>bold</b> word and <i>italic</i></p>", ["A **bold** word and *italic*"], id="inline-marks"
        ),
        pytest.param("<p>4<sup>th</sup> May</p>", ["4th May"], id="sup-joined"),
        pytest.param("<p>Fish&nbsp;&amp;&nbsp;Chips</p>", ["Fish & Chips"], id="entities"),
        pytest.param("<ul><li>Apples</li><li>Pears</li></ul>", ["- Apples", "- Pears"], id="ul"),
        pytest.param("<ol><li>Welcome</li><li>Apologies</li></ol>", ["1. Welcome", "2. Apologies"], id="ol"),
        pytest.param(
            "<ol start='5'><li>Planning</li><li>Finance</li></ol>", ["5. Planning", "6. Finance"], id="ol-start"
        ),
        pytest.param("<ol start='x'><li>Planning</li></ol>", ["1. Planning"], id="ol-bad-start"),
        pytest.param(
            "<ol><li>Planning<ol type='a'><li>First</li><li>Second</li></ol></li></ol>",
            ["1. Planning", "  a. First", "  b. Second"],
            id="ol-type-letters",
        ),
        pytest.param("<ol type='I' start='3'><li>Reports</li></ol>", ["III. Reports"], id="ol-type-roman"),
        pytest.param(
            "<ol><li><strong>Tree Works</strong><br>To note the notifications.</li><li>Planning<br>Two cases</li></ol>",
            ["1. **Tree Works**", "To note the notifications.", "2. Planning Two cases"],
            id="an-entrys-bold-title-over-its-text",
        ),
        pytest.param(
            "<ol><li><span>1.0</span> Apologies</li><li><span>6.1</span> New development</li><li>200 trees</li></ol>",
            ["1.0 Apologies", "6.1 New development", "3. 200 trees"],
            id="ol-entries-printing-their-own-numbers",
        ),
        pytest.param("<ul><li>Parent<ul><li>Child</li></ul></li></ul>", ["- Parent", "  - Child"], id="nested-list"),
        pytest.param(
            "<table><tr><th>Name</th><th>Role</th></tr><tr><td>A Smith</td><td>Clerk</td></tr></table>",
            ["Name\tRole", "A Smith\tClerk"],
            id="data-table-rows",
        ),
        pytest.param(
            "<table><tr><td>Staff Present:</td><td>Ann Hale, CAO/Clerk<br>Bob Orr, Director of Public Works<br>"
            "Cy Nye, Treasurer</td></tr><tr><td>5</td><td>Minutes<br>(pages 3-9)</td></tr></table>",
            [
                "Staff Present:\tAnn Hale, CAO/Clerk; Bob Orr, Director of Public Works; Cy Nye, Treasurer",
                "5\tMinutes (pages 3-9)",
            ],
            id="a-cells-lines-listed-apart",
        ),
    ],
)
def test_html_blocks(body, lines):
    assert content(html(body)) == lines


def test_layout_table_is_read_cell_by_cell():
    """A ModernGov items table: a number cell, then a cell of paragraphs."""
    body = (
        "<table><tr><td>22.</td><td><p>Appointment of Chairman</p><p>Minutes:</p><p>Cllr X was appointed.</p></td></tr>"
        "<tr><td>23.</td><td><p>Apologies</p></td></tr></table>"
    )
    assert content(html(body)) == [
        "22.",
        "Appointment of Chairman",
        "Minutes:",
        "Cllr X was appointed.",
        "23.",
        "Apologies",
    ]


def test_a_list_of_blocks_lays_out_a_page():
    """A web page's items set as a list whose entries are blocks: no list markers, each block its own lines."""
    body = (
        "<ul><li><p><span>LIC.19</span> <span>Apologies</span></p><div>Apologies were received.</div></li>"
        "<li><p><span>LIC.20</span> <span>Minutes</span></p><div><p>Approved.</p></div></li></ul>"
    )
    assert content(html(body)) == ["LIC.19 Apologies", "Apologies were received.", "LIC.20 Minutes", "Approved."]


def test_single_column_table_is_layout():
    assert content(html("<table><tr><td>First</td></tr><tr><td>Second</td></tr></table>")) == ["First", "Second"]


@pytest.mark.parametrize(
    "body, hidden, why",
    [
        pytest.param(
            "<p>Shown</p><div style='display: none'>Filter tags</div>",
            "Filter tags",
            "hidden web-page text",
            id="display-none",
        ),
        pytest.param(
            "<p>Shown</p><p style='visibility:hidden'>Ghost</p>",
            "Ghost",
            "hidden web-page text",
            id="visibility-hidden",
        ),
        pytest.param("<p>Shown</p><p hidden>Ghost</p>", "Ghost", "hidden web-page text", id="hidden-attribute"),
        pytest.param("<p>Shown</p><nav><a href='/'>Home</a></nav>", "Home", "web page navigation", id="nav"),
        pytest.param("<p>Shown</p><footer>Copyright</footer>", "Copyright", "web page navigation", id="footer"),
        pytest.param(
            "<p>Shown</p><div class='breadcrumb'>Home &gt; Meetings</div>",
            "Home > Meetings",
            "web page navigation",
            id="breadcrumb-class",
        ),
        pytest.param(
            "<p>Shown</p><div role='navigation'>Menu</div>", "Menu", "web page navigation", id="role-navigation"
        ),
        pytest.param(
            "<p>Shown</p><div class='site-header'>Palmetto</div>", "Palmetto", "web page navigation", id="site-header"
        ),
        pytest.param("<header>Logo</header><p>Shown</p>", "Logo", "web page navigation", id="page-header-element"),
    ],
)
def test_html_furniture(body, hidden, why):
    paper = html(body)
    assert content(paper) == ["Shown"]
    assert furniture(paper) == {hidden: why}


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "<html><head><title>Title</title><style>p {color: red}</style></head><body><p>Shown</p></body></html>",
            id="head",
        ),
        pytest.param("<p>Shown</p><script>var x = 'hidden';</script>", id="script"),
        pytest.param("<p>Shown</p><style>.x {}</style>", id="style"),
        pytest.param("<p>Shown</p><!-- a comment -->", id="comment"),
        pytest.param("<p>Shown<script>document.write('x')</script></p>", id="inline-script"),
    ],
)
def test_html_skips_what_is_never_shown(body):
    paper = html(body)
    assert [line.text for line in paper.lines if line.text.strip()] == ["Shown"]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("<div class='minutes-header'><p>Shown</p></div>", id="the-minutes-own-header-class"),
        pytest.param("<div class='entry-header'><p>Shown</p></div>", id="a-posts-header-class"),
        pytest.param("<article><header><p>Shown</p></header></article>", id="an-articles-header-element"),
    ],
)
def test_html_a_papers_own_header_is_content(body):
    # The title block of the minutes themselves (body, date, place) is the paper's, not the site's chrome
    assert content(html(body)) == ["Shown"]


def test_html_title_goes_to_meta():
    paper = html("<html><head><title>Cabinet - 10 November 2020</title></head><body><p>x</p></body></html>")
    assert paper.meta == {"title": "Cabinet - 10 November 2020"}


def test_html_fragment_without_html_tag():
    paper = read_paper(b"<h2>Agenda</h2><p>1. Welcome</p>", "fragment.txt")
    assert paper.format == "html"
    assert content(paper) == ["## Agenda", "1. Welcome"]


def test_html_lines_are_numbered_in_order_with_single_blanks():
    paper = html("<h1>A</h1><p>B</p><p>C</p>")
    assert [line.number for line in paper.lines] == list(range(1, len(paper.lines) + 1))
    texts = [line.text for line in paper.lines]
    assert not any(a == b == "" for a, b in itertools.pairwise(texts))
