"""The PDF reader on real council PDFs: per-page golden facts, no furniture in content,
no words lost against pdftotext, tables kept whole; and its small rules, table-driven."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goldens import check
from minutes.papers.readers import read_paper, reader_for
from minutes.papers.readers.pdf import PdfReader
from minutes.papers.readers.pdf.furniture import fill_printed_pages, page_number_in, shape
from minutes.papers.readers.pdf.tidy import Vocabulary, as_list_item, clean
from pdfcases import CASES, ORACLE, PDFS, TEXT_CASES, made_pdf, read, words

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "pdf-golden"
ROOT = Path(__file__).resolve().parent.parent


def golden_facts(case) -> dict:
    """What the golden file pins: per page its layer, printed page, columns, tables,
    furniture and headings; for the paper its word count and warnings. OCR'd text is
    not pinned word for word (it is checked for readable English in test_pdf_ocr)."""
    paper = read(case.path)
    pages = []
    for info in paper.pages:
        page = {"page": info.number, "layer": info.layer, "printed_page": info.printed_page}
        if info.ocr:
            page["ocr"] = True
        else:
            page.update(
                columns=info.columns,
                tables=info.tables,
                furniture=list(info.furniture),
                headings=[line.text for line in paper.lines if line.page == info.number and line.heading],
            )
        if info.notes:
            page["notes"] = list(info.notes)
        pages.append(page)
    text_words = sum(words(line.text).total() for line in paper.lines if not line.furniture and not line.ocr)
    return {
        "file": case.path.relative_to(PDFS).as_posix(),
        "format": paper.format,
        "title": paper.meta.get("title", ""),
        "pages": len(paper.pages),
        "ocr_pages": [info.number for info in paper.pages if info.ocr],
        "content_words": text_words,
        "warnings": [p.message for p in paper.problems],
        "page_facts": pages,
    }


@pytest.mark.parametrize("case", [c for c in CASES if c.layer == "text"], ids=lambda c: c.name)
def test_golden(case):
    check(GOLDEN / f"{case.name}.yaml", golden_facts(case))


def _furniture_pattern(text: str) -> tuple[re.Pattern, int]:
    first_page = 1
    match = re.search(r"\s*\(from page (\d+)\)$", text)
    if match:
        first_page, text = int(match.group(1)), text[: match.start()]
    pattern = r"\s*".join(re.escape(part).replace(r"\{n\}", r"\d+") for part in text.split())
    return re.compile(r"^(?:#+\s*)?(?:\*\*)?\s*" + pattern + r"\s*(?:\*\*)?$", re.IGNORECASE), first_page


@pytest.mark.parametrize("case", [c for c in TEXT_CASES if c.furniture], ids=lambda c: c.name)
def test_no_furniture_in_content(case):
    paper = read(case.path)
    for text in case.furniture:
        pattern, first_page = _furniture_pattern(text)
        removed = [line for line in paper.lines if line.furniture and pattern.match(line.text)]
        assert removed, f"{text!r} was never found as furniture"
        leaked = [
            line
            for line in paper.lines
            if not line.furniture
            and line.page >= first_page
            and any(pattern.match(cell.strip()) for cell in line.text.split("\t"))
        ]
        assert not leaked, f"{text!r} left in content: {[(l.page, l.text) for l in leaked[:3]]}"


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda c: c.name)
def test_keeps_the_words_pdftotext_finds(case):
    """At least 99 % of pdftotext's words (it joins line-end hyphens silently, which
    accounts for most of the rest)."""
    oracle = words((ORACLE / f"{case.name}.txt").read_text(encoding="utf-8"))
    paper = read(case.path)
    found = words("\n".join(line.text for line in paper.lines))
    lost = oracle - found
    assert lost.total() <= 0.01 * oracle.total(), lost.most_common(20)


SAMPLES = sorted((ROOT / "content" / "papers").glob("*.txt"))


@pytest.mark.parametrize("paper", SAMPLES, ids=lambda p: p.stem)
def test_printed_samples_keep_their_words(paper):
    """A sample printed to PDF reads back with 99 % of the words of its text, none of
    the printed header or footer among the content."""
    source = re.sub(r"</?\w+[^>]*>", " ", paper.read_text(encoding="utf-8"))
    expected = words(source)
    pdf = read(PDFS / "samples" / f"{paper.stem}.pdf")
    content = words("\n".join(line.text for line in pdf.lines if not line.furniture))
    lost = expected - content
    assert lost.total() <= 0.01 * expected.total(), lost.most_common(20)
    assert all(line.printed_page == line.page for line in pdf.lines)


def test_a_table_over_pages_is_one_table_with_one_header():
    paper = read(PDFS / "sutton-coldfield-tc_2017-11_payments-over-250.pdf")
    rows = [line for line in paper.lines if "\t" in line.text]
    header = "Inv Date\tRef\tPayee\tDetails\t£ (net)\tUnrecoverable VAT\tCategory"
    assert [line.text for line in rows].count(header) == 1
    assert len(rows) > 100 and all(line.text.count("\t") == 6 for line in rows)
    body = [line.text for line in paper.lines if not line.furniture]
    start = body.index(header)
    assert "" not in body[start : start + len(rows)], "a blank line splits the table"


def test_ruled_table_in_minutes_stays_a_table():
    paper = read(PDFS / "sutton-coldfield-tc_2018-03-13_community-grants_minutes.pdf")
    rows = [line.text for line in paper.lines if "\t" in line.text and not line.furniture]
    assert sum(1 for row in rows if "Organisation" in row and "Recommendation" in row) == 1
    repeated = [line for line in paper.lines if line.furniture == "repeated table header"]
    assert len(repeated) >= 3 and all("Organisation" in line.text for line in repeated)
    assert any(row.startswith("Friends of Mossy Bank\t") for row in rows)


def test_pack_page_numbers_follow_the_pack():
    """ModernGov prints "Page N" sideways on landscape pages; blank pages count too."""
    paper = read(PDFS / "kent-cc_2025-02-13_county-council_budget-amendments-pack.pdf")
    printed = [info.printed_page for info in paper.pages]
    assert printed == [0, 0] + list(range(1, 47))
    sideways = [
        info
        for info in paper.pages
        if any(f.startswith("Page") for f in info.furniture) and info.number >= 9 and info.number <= 11
    ]
    assert sideways


def test_three_columns_read_column_by_column():
    paper = read(PDFS / "weca_2021-09_bus-strategy_multicolumn.pdf")
    text = paper.text
    assert (
        "The West of England is one of the UK’s most successful, innovative and desirable places to live and work."
        in text
    )
    assert max(info.columns for info in paper.pages) == 3


def test_minutes_headings_and_ordinals():
    paper = read(PDFS / "kent-cc_2025-01-30_cabinet_minutes.pdf")
    texts = [line.text for line in paper.lines]
    assert "**84. Apologies**" in texts
    assert any("scheduled to be held on 4th March 2025" in t for t in texts)
    assert paper.meta["producer"].startswith("Aspose.Words")


def test_sniff_and_format():
    data = (PDFS / "kent-cc_2025-03-13_county-council_minutes.pdf").read_bytes()
    assert reader_for(data).name == "pdf"
    assert read_paper(data, "m.pdf").format == "pdf"


@pytest.mark.parametrize(
    "data", [b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF", b"%PDF-" + bytes(range(256)) * 20]
)
def test_a_broken_pdf_is_a_problem_not_a_crash(data):
    paper = PdfReader().read(data, "broken.pdf")
    assert paper.format == "pdf" and paper.lines == ()
    assert paper.problems and "broken.pdf" in str(paper.problems[0])


def test_a_truncated_pdf_is_read_as_far_as_it_goes_or_reported():
    data = (PDFS / "kent-cc_2025-03-13_county-council_minutes.pdf").read_bytes()
    paper = PdfReader().read(data[: len(data) // 2], "half.pdf")
    assert paper.lines or paper.problems


@settings(max_examples=25, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_after_the_magic_never_raise(tail):
    paper = PdfReader().read(b"%PDF-1.5\n" + tail, "fuzz.pdf")
    assert paper.format == "pdf"


def test_an_empty_page_is_empty():
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    import io

    out = io.BytesIO()
    pdf.save(out)
    paper = PdfReader().read(out.getvalue(), "blank.pdf")
    assert [info.layer for info in paper.pages] == ["empty"] and paper.lines == ()


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Page 12", 12),
        ("Page 3 of 10", 3),
        ("P a g e | 10", 10),
        ("Page | 4", 4),
        ("4 | Page", 4),
        ("- 7 -", 7),
        ("12", 12),
        ("3 of 9", 3),
        ("Page twelve", None),
        ("Agenda Item 7", None),
        ("2025-26", None),
    ],
)
def test_page_numbers(text, number):
    assert page_number_in(text) == number


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Page 3", "Page 14", True),
        ("Payments Made 2016/17", "Payments Made 2017/18", True),
        ("P a g e | 9", "Page | 10", True),
        ("Minutes", "Agenda", False),
    ],
)
def test_running_lines_compare_without_digits(a, b, same):
    assert (shape(a) == shape(b)) is same


@pytest.mark.parametrize(
    ("text", "seen", "total", "why"),
    [
        pytest.param("1 P&D Mins 2024/25 Page", 2, 2, "running footer", id="numbered-on-both-pages-of-two"),
        pytest.param("1 P&D Mins 2024/25 Page", 1, 2, "", id="on-one-page-of-two"),
        pytest.param("Minutes of the meeting", 2, 2, "", id="no-number-on-both-pages-of-two"),
        pytest.param("Finance Minutes 2024", 3, 5, "running footer", id="on-most-pages"),
    ],
)
def test_running_footers_of_short_papers(text, seen, total, why):
    from minutes.papers.readers.pdf.furniture import BandLine, _why

    assert _why(BandLine(page=0, runs=(), text=text, where="bottom"), seen, total) == why


def _band(page: int, text: str, where: str = "top"):
    from minutes.papers.readers.pdf.chars import Run
    from minutes.papers.readers.pdf.furniture import BandLine

    return BandLine(page, (Run(text, 0, 100, 20, 10, False, "F", 0),), text, where)


@pytest.mark.parametrize(
    ("tops", "kept"),
    [
        # A title block at the top of every page: the first page keeps it as the paper's title.
        (
            [["Elm Parish Council", "Minutes of Meeting", "3rd December 2025"]] * 3,
            {(0, "Elm Parish Council"), (0, "Minutes of Meeting"), (0, "3rd December 2025")},
        ),
        # Minutes of a later meeting appended under their own title block: its first copy is kept too.
        (
            [["Elm Parish Council", "Minutes of Meeting", "3 May 2025"]] * 2
            + [["Elm Parish Council", "Minutes of Meeting", "4 June 2025"]] * 2,
            {(p, t) for p in (0, 2) for t in ("Elm Parish Council", "Minutes of Meeting")}
            | {(0, "3 May 2025"), (2, "4 June 2025")},
        ),
        # A title repeated from the second page on, under the first page's own title, is the pages' header.
        ([[]] + [["Minutes of the Elm", "Library Board Meeting"]] * 3, set()),
        # A running header naming no meeting or kind of paper is furniture on every page.
        ([["Elm Parish Council", "Finance Committee"]] * 3, set()),
    ],
)
def test_a_title_block_repeated_on_every_page_is_kept_once(tops, kept):
    from minutes.papers.readers.pdf.furniture import judge

    pages = [[_band(n, text) for text in texts] + [_band(n, f"Page {n + 1}", "bottom")] for n, texts in enumerate(tops)]
    verdict = judge(pages)
    not_furniture = {
        (line.page, line.text) for lines in pages for line in lines if (line.page, line.runs[0]) not in verdict
    }
    assert not_furniture == kept


def _run(text: str, x0: float, baseline: float):
    from minutes.papers.readers.pdf.chars import Run

    return Run(text, x0, x0 + 6 * len(text), baseline, 12, False, "F", 0)


def _numbered_page(numbers, texts, text_x=72.0, heights=None):
    """Figures right-aligned at x 54 down the margin, a line of text beside each line that has one, each line
    14 points below the last (or as `heights` says)."""
    runs, baseline = [], 100.0
    for n, (number, text) in enumerate(zip(numbers, texts, strict=True)):
        baseline += heights[n] if heights else 14
        if number:
            runs.append(_run(number, 54 - 6 * len(number), baseline))
        if text:
            runs.append(_run(text, text_x, baseline))
    return runs


@pytest.mark.parametrize(
    ("numbers", "texts", "text_x", "found"),
    [
        # A word processor's line numbers: every line, blank ones too, numbered in the margin.
        (
            [str(n) for n in range(1, 9)],
            ["CALL TO ORDER", "", "The chair opened it.", "", "ROLL CALL", "A, B", "", "x"],
            72,
            8,
        ),
        # Item numbers over the left edge of their text, whose own lines have none.
        (
            ["1", "", "2", "", "3", "", "4", "", "5", ""],
            ["Welcome", "Text", "Apologies", "Text"] * 2 + ["Minutes", "Text"],
            42,
            0,
        ),
        # Too few figures to be a column of line numbers.
        (["1", "2", "3", "4"], ["A", "B", "C", "D"], 72, 0),
        # A line beside the column without its figure: not numbered lines.
        (["1", "2", "", "4", "5", "6"], ["A", "B", "C", "D", "E", "F"], 72, 0),
        # Figures that go back: not a count.
        (["1", "2", "3", "2", "5", "6"], ["A", "B", "C", "D", "E", "F"], 72, 0),
        # A table's column of ages, with figures beside it.
        ([str(n) for n in range(18, 26)], ["40", "47", "49", "40", "40", "42", "40", "32"], 88, 0),
    ],
)
def test_line_numbers_in_the_margin_are_furniture(numbers, texts, text_x, found):
    from minutes.papers.readers.pdf.furniture import line_numbers

    runs = _numbered_page(numbers, texts, text_x)
    got = line_numbers(runs, 612)
    assert len(got) == found
    assert all(run.text.isdigit() and run.x1 <= 54 for run in got)


def test_line_numbers_read_by_ocr_are_furniture():
    """OCR's line numbers: boxes that end a point or two apart, a figure misread ("2" for 12), and the text's
    baseline at its descenders, two points below the figure's."""
    from minutes.papers.readers.pdf.chars import Run
    from minutes.papers.readers.pdf.furniture import line_numbers

    runs = []
    for n in range(1, 21):
        baseline = 100.0 + 14 * n
        figure = "2" if n == 12 else str(n)
        right = 54 + (n % 3) - 1
        runs.append(Run(figure, right - 6 * len(figure), right, baseline, 12, False, "ocr", 0))
        runs.append(Run(f"Line {n} of the minutes", 72, 200, baseline + 2, 12, False, "ocr", 0))
    assert len(line_numbers(runs, 612)) == 20


def test_rows_of_unequal_height_are_no_numbered_lines():
    from minutes.papers.readers.pdf.furniture import line_numbers

    texts = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"]
    even = _numbered_page([str(n) for n in range(1, 7)], texts)
    uneven = _numbered_page([str(n) for n in range(1, 7)], texts, heights=[14, 14, 40, 14, 60, 30])
    assert (len(line_numbers(even, 612)), len(line_numbers(uneven, 612))) == (6, 0)


@pytest.mark.parametrize(
    ("numbers", "filled"),
    [
        ([0, 0, 1, 0, 3, 4, 0], [0, 0, 1, 2, 3, 4, 5]),
        ([5, 0, 0, 8], [5, 6, 7, 8]),
        ([5, 0, 9], [5, 0, 9]),
        ([0, 2, 3, 4], [1, 2, 3, 4]),
        ([0, 0, 7], [0, 0, 7]),
        ([0, 1, 2, 0], [0, 1, 2, 3]),
        ([], []),
    ],
)
def test_blank_pages_between_numbered_pages_are_numbered(numbers, filled):
    assert fill_printed_pages(numbers) == filled


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("• Parking charges", "- Parking charges"),
        ("\uf0b7 Parking", "- Parking"),
        ("▪ A", "- A"),
        ("- already", "- already"),
        ("o Parking charges", "- Parking charges"),
        ("o clock", None),
        ("- 5,000.0", None),
        ("•Item", "- Item"),
        ("Normal text", None),
        ("•", None),
    ],
)
def test_bullets(line, item):
    assert as_list_item(line) == item


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("the recom-", "mendation was", "the recommendation was"),
        ("for the well-", "being of", "for the well-being of"),
        ("a father-", "inclusive approach", "a father-inclusive approach"),
        ("in 2024-", "25 the", "in 2024-25 the"),
        ("the North-", "East", "the North-East"),
        ("ends here", "next", "ends here next"),
    ],
)
def test_line_end_hyphens(left, right, joined):
    vocabulary = Vocabulary(["the recommendation of", "their well-being", "a father was"])
    assert vocabulary.join(left, right) == joined


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("ﬁnance ofﬁce", "finance office"),
        ("a\u00a0b", "a b"),
        ("co\u00adoperate", "cooperate"),
        ("½ of £2", "½ of £2"),
        ("x²", "x²"),
        ("a   b", "a b"),
    ],
)
def test_clean_expands_ligatures_only(raw, tidy):
    assert clean(raw) == tidy


def test_ocr_papers_are_listed_for_the_ocr_tests():
    assert {c.layer for c in CASES} == {"text", "garbled", "scanned"}


def test_reading_is_deterministic():
    data = (PDFS / "sutton-coldfield-tc_2018-03-13_community-grants_minutes.pdf").read_bytes()
    assert PdfReader().read(data, "m.pdf") == PdfReader().read(data, "m.pdf")


def test_every_page_is_described_for_explain():
    paper = read(PDFS / "kent-cc_2025-01-30_cabinet_item7-supplementary-pack.pdf")
    assert [info.number for info in paper.pages] == list(range(1, 23))
    assert {line.page for line in paper.lines} <= set(range(1, 23))
    assert [line.number for line in paper.lines] == list(range(1, len(paper.lines) + 1))
    stamped = paper.pages[2]
    assert stamped.furniture == ("Agenda Item 7", "Page 1") and stamped.printed_page == 1
    assert all(line.printed_page == 1 for line in paper.lines if line.page == 3)


def test_a_ruled_row_of_item_and_action_tells_its_item():
    # Minutes set as a ruled table of item and action: the bold numbered heading over a summary in the first cell,
    # the motion in the second. The row is told as the heading and its paragraphs; a row of figures stays a row.
    from minutes.papers.readers.pdf.chars import Run
    from minutes.papers.readers.pdf.rules import Grid
    from minutes.papers.readers.pdf.tables import fill_grid

    def run(text, x0, baseline, bold=False):
        return Run(text, x0, x0 + 5 * len(text), baseline, 10, bold, "F", 0)

    runs = [
        run("4.1 Bylaw No. 1287 – Water", 72, 112, bold=True),
        run("Service Amendment", 72, 124, bold=True),
        run("Report from the Manager dated 9 April.", 72, 136),
        run("MOVED Director Orr, SECONDED Director Hale,", 310, 112),
        run("THAT the bylaw be read a third time.", 310, 124),
        run("CARRIED", 310, 136, bold=True),
        run("1. Grants", 72, 170, bold=True),
        run("$5,000", 310, 170),
    ]
    table = fill_grid(
        Grid((70.0, 300.0, 560.0), (100.0, 150.0, 180.0)), runs, lambda lines: " ".join(x.text for x in lines)
    )
    assert table is not None
    assert table.told == (
        (
            "4.1 Bylaw No. 1287 – Water Service Amendment",
            "Report from the Manager dated 9 April.",
            "MOVED Director Orr, SECONDED Director Hale, THAT the bylaw be read a third time. CARRIED",
        ),
        (),
    )


@pytest.mark.parametrize(
    ("left", "right", "furniture"),
    [
        # title, page number and the initials a mayor signs on each page: a footer of three parts
        ("Regular Council Meeting Minutes – March 12, 2024", "Mayor ______ CAO ______", True),
        # three cells of a table's row in the band, figures changing page to page: no footer
        ("Grant to the Elm Youth Club", "£1,200.00", False),
    ],
)
def test_a_footer_of_three_parts_with_the_page_number_is_furniture(left: str, right: str, furniture: bool):
    pages = [
        [
            (f"Item {n}. The council considered the report on the works for the year.", 72, 700),
            (left, 30, 30),
            (f"Page {n} of 3" if furniture else f"{n * 7}", 320, 30),
            (right, 450, 30),
        ]
        for n in range(1, 4)
    ]
    paper = PdfReader(ocr=False).read(made_pdf(pages, size=10), "made.pdf")
    footers = [line for line in paper.lines if left in line.text]
    assert len(footers) == 3
    assert all(bool(line.furniture) == furniture for line in footers)
