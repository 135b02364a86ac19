"""Legacy Word documents (.doc): two real council minutes, and small documents made byte by byte
(`doc_files`) for each mark Word writes and each way a file can be broken."""

from __future__ import annotations

import io
import re
import struct

import docx
import pytest

from doc_files import Doc, Level, Para, cells, compound_file, list_tables
from helpers import REPO
from minutes.papers.convert import convert_paper
from minutes.papers.readers import ReadLimits, read_paper, reader_for
from minutes.papers.readers.doc import MAX_PIECES, OLE_MAGIC, DocReader

FIXTURES = REPO / "tests" / "fixtures" / "doc"
DECEMBER = FIXTURES / "tayport-cc_2019-12-02_minutes.doc"
FEBRUARY = FIXTURES / "tayport-cc_2018-02-05_minutes.doc"
COUNCIL = "Tayport Ferryport-on-Craig Community Council"


def content(data: bytes, limits: ReadLimits | None = None) -> list[str]:
    paper = DocReader().read(data, "paper.doc", *([limits] if limits else []))
    assert paper.problems == ()
    return [line.text for line in paper.lines if not line.furniture]


# --- real papers ---------------------------------------------------------------------------------


def test_a_real_doc_is_sniffed_by_its_bytes_whatever_its_name():
    data = DECEMBER.read_bytes()
    assert reader_for(data).name == "doc"
    assert read_paper(data, "minutes.txt").format == "doc"


def test_real_minutes_read_as_printed():
    paper = read_paper(DECEMBER.read_bytes(), DECEMBER.name)
    assert paper.problems == ()
    lines = [line.text for line in paper.lines]
    # the letterhead, title block and attendance, as the document prints them
    assert lines[:20] == [
        "**Tayport Ferryport –On-Craig**",
        "",
        "# Community Council",
        "",
        "## MINUTES OF THE MEETING OF",
        "",
        "**THE TAYPORT FERRYPORT ON CRAIG COMMUNITY COUNCIL**",
        "",
        "**HELD IN THE BURGH CHAMBERS ON MONDAY 2nd DECEMBER 2019 AT 19:00 HRS**",
        "",
        "### Present: Chair: Mr D Gray: Secretary: Mr G M Beat: Treasurer: Mr J Kinnear",
        "",
        "Mrs M Taylor, Mrs S Walker, Mrs L White, MS N Walker,",
        "",
        "In Attendance: Councillor Tim Brett , Councillor Bill Connor",
        "",
        "Apologies: Mrs H Lowe , Messrs D Myles , M Mitcham",
        "",
        "Declarations of Interest: Mr J Kinnear ref Larick Centre",
        "",
    ]
    # the table of items and actions: one line a row, cells tab-separated, no blank line between rows
    start = lines.index("Agenda items/Discussion\tAction")
    assert lines[start - 1] == ""
    assert lines[start + 1 : start + 3] == [
        "Police Matters: Written Report appended .\t",
        "Foodbanks Report: No report.\t",
    ]
    rows = lines[start : start + 6]
    assert all(row.count("\t") == 1 for row in rows) and lines[start + 6] == ""
    assert rows[5].startswith("Tay Bridgehead Forum Report: A constitution has been established")
    assert "Next Meeting on Monday 3rd February at 7.00 pm in the Burgh Chambers , Tayport" in lines
    assert lines[-1] == "The meeting closed at 8.35 pm"
    assert [line.number for line in paper.lines] == list(range(1, len(lines) + 1))
    assert not any(re.search(r"[\x00-\x08\x0b-\x1f]", line) for line in lines)  # no mark of Word's left over
    assert {line.heading for line in paper.lines} == {0, 1, 2, 3}
    assert paper.meta["author"] == "User" and paper.meta["created"] == "2020-01-20T16:47:00"


def test_bold_paragraphs_are_those_the_councils_own_pdf_of_the_paper_prints_in_bold():
    # The council also published these minutes as a PDF printed from the .doc: the PDF reader finds the
    # same four body paragraphs in a bold font (the letterhead's lines it reads as headings instead).
    paper = read_paper(FEBRUARY.read_bytes(), FEBRUARY.name)
    assert [line.text for line in paper.lines if line.bold] == [
        "**Tayport Ferryport –On-Craig**",
        "**THE TAYPORT FERRYPORT ON CRAIG COMMUNITY COUNCIL**",
        "**HELD IN THE BURGH CHAMBERS ON MONDAY 5th FEBRUARY 2018 AT 19:00 HRS**",
        "**Planning Applications:**",
        "**Fife Councillors - Written Reports appended**",
        "**Questions for Fife Council:**",
        "**A.O.C.B.**",
    ]


def test_a_hyperlink_field_prints_its_result_not_its_instruction():
    text = read_paper(FEBRUARY.read_bytes(), FEBRUARY.name).text
    assert "Volunteers can get further information www.firescotland.gov.uk" in text
    assert "HYPERLINK" not in text and "http://" not in text
    assert "HELD IN THE BURGH CHAMBERS ON MONDAY 5th FEBRUARY 2018 AT 19:00 HRS" in text


def test_real_minutes_convert_into_a_record():
    paper = read_paper(DECEMBER.read_bytes(), DECEMBER.name)
    (document,) = convert_paper(paper, f"content/papers/{DECEMBER.name}", council=COUNCIL)
    record = document.record
    assert (record.kind, record.committee, str(record.date), record.time) == ("minutes", COUNCIL, "2019-12-02", "19:00")
    assert record.venue == "BURGH CHAMBERS" and record.end_time == "20:35"
    attendance = record.attendance
    assert attendance.chair == "Mr D Gray"
    assert attendance.present == (
        "Mr D Gray",
        "Mr G M Beat",
        "Mr J Kinnear",
        "Mrs M Taylor",
        "Mrs S Walker",
        "Mrs L White",
        "MS N Walker",
    )
    assert attendance.apologies == ("Mrs H Lowe", "Mr D Myles", "Mr M Mitcham")
    assert attendance.in_attendance == ("Councillor Tim Brett", "Councillor Bill Connor")
    assert str(document.relpath) == "tayport-ferryport-on-craig-community-council/2019-12-02/minutes.md"
    assert record.next_meeting is not None and str(record.next_meeting.date) == "2020-02-03"


# --- the marks Word writes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ([Para('Visit \x13 HYPERLINK "https://e.org" \x14our site\x15 now')], ["Visit our site now"]),
        ([Para("Page \x13 IF \x13 PAGE \x141\x15 = 1 \x14one\x15 of 2")], ["Page one of 2"]),
        ([Para('Index\x13 TC "Apologies" \x15 entry')], ["Index entry"]),
        ([Para("Unclosed \x13 PAGE \x14 3")], ["Unclosed 3"]),
        ([Para("Logo\x01 and\x08 a note\x05 and a footnote\x02.")], ["Logo and a note and a footnote."]),
        ([Para("Chair:\x0bCllr A Orr")], ["Chair: Cllr A Orr"]),
        ([Para("Item\t4\x1e5 re\x1fport")], ["Item 4-5 report"]),
        ([Para("Page one\x0cPage two")], ["Page one", "", "Page two"]),
        ([Para("First"), Para(""), Para("   "), Para("Second")], ["First", "", "Second"]),
        (
            [
                Para("Present:"),
                *cells("Cllr A Orr", "", "Chair"),
                *cells("Cllr B Nye", "Vice", ""),
                Para("1. Apologies"),
            ],
            ["Present:", "", "Cllr A Orr\t\tChair", "Cllr B Nye\tVice\t", "", "1. Apologies"],
        ),
        (
            [Para("Clerk's duties", in_table=True), Para("February", "\x07", in_table=True), *cells("£340")[1:]],
            ["Clerk's duties February"],
        ),
        ([*cells("", ""), *cells("a", "b")], ["a\tb"]),
        ([Para("Lost", "\x07", in_table=True), Para("After")], ["Lost", "", "After"]),
    ],
)
def test_marks_become_clean_lines(body, lines):
    assert content(Doc(body).bytes()) == lines


def test_a_table_reads_as_the_same_table_in_a_docx_does():
    rows = [("Name", "Role", "Present"), ("Cllr A Orr", "Chair", "Yes"), ("Mrs E Moss", "Clerk", "")]
    document = docx.Document()
    document.add_paragraph("Attendance")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("1. Apologies")
    out = io.BytesIO()
    document.save(out)
    from_docx = [line.text for line in read_paper(out.getvalue(), "a.docx").lines]
    made = Doc([Para("Attendance"), *[p for row in rows for p in cells(*row)], Para("1. Apologies")])
    assert content(made.bytes()) == from_docx


@pytest.mark.parametrize(
    ("doc", "lines"),
    [
        (
            Doc([Para("Minutes"), Para("Present: Cllr A Orr, café £5")], unicode=True),
            ["Minutes", "", "Present: Cllr A Orr, café £5"],
        ),
        (
            Doc([Para("Minutes"), Para("Present: Cllr A Orr, café £5")], cut_at=(3, 12, 20)),
            ["Minutes", "", "Present: Cllr A Orr, café £5"],
        ),
        (Doc([Para("Ŵyddgrug — Cyngor Tref")], unicode=True, cut_at=(5,)), ["Ŵyddgrug — Cyngor Tref"]),
        (Doc([*cells("a", "b"), *cells("c", "d")], unicode=True, cut_at=(1, 4, 7)), ["a\tb", "c\td"]),
    ],
)
def test_pieces_in_either_encoding_join_into_the_text(doc, lines):
    assert content(doc.bytes()) == lines


def test_headings_come_from_styles_and_outline_levels():
    styles = [(0, "Normal"), (1, "heading 1"), (3, "heading 3"), (62, "Title"), (4094, "Heading 2"), (4094, "Body")]
    body = [
        Para("Elm Parish Council", style=3),
        Para("Minutes", style=1),
        Para("Planning", style=4),
        Para("Finance", style=2),
        Para("Outlined", outline=1),
        Para("Text", style=5),
        Para("Plain"),
    ]
    paper = DocReader().read(Doc(body, styles=styles).bytes(), "h.doc")
    assert [(line.heading, line.text) for line in paper.lines if line.text] == [
        (1, "# Elm Parish Council"),
        (1, "# Minutes"),
        (2, "## Planning"),
        (3, "### Finance"),
        (2, "## Outlined"),
        (0, "Text"),
        (0, "Plain"),
    ]


STYLES = [(0, "Normal"), (4094, "Bold body", 1, 0), (4094, "Based on bold", None, 1), (4094, "Toggled", 0x81, 1)]


@pytest.mark.parametrize(
    ("para", "bold"),
    [
        (Para("RESOLVED", bold=-1), True),
        (Para("RESOLVED that the minutes be signed", bold=8), False),
        (Para("All bold but its full stop.", bold=26), True),
        (Para("Plain"), False),
        (Para("A bold style", style=1), True),
        (Para("Based on a bold style", style=2), True),
        (Para("A style toggling its bold base off", style=3), False),
        (Para("Toggled against that style", style=3, bold=-0x7F), True),
        (Para("As its bold style", style=1, bold=-0x80), True),
        (Para("As its plain style", bold=-0x80), False),
    ],
)
def test_a_paragraph_wholly_in_bold_is_a_bold_line(para, bold):
    (line,) = DocReader().read(Doc([para], styles=STYLES).bytes(), "b.doc").lines
    assert line.bold is bold
    assert line.text == (f"**{para.text}**" if bold else para.text)


def test_bold_is_found_across_pieces_in_either_encoding():
    made = Doc([Para("Bold one", bold=-1), Para("Plain"), Para("Bold two", bold=-1)], unicode=True, cut_at=(3, 12))
    assert content(made.bytes()) == ["**Bold one**", "", "Plain", "", "**Bold two**"]


def test_the_running_header_and_footer_are_furniture():
    made = Doc([Para("Minutes")], header="Elm Parish Council", footer="Page \x13 PAGE \x142\x15 of 3")
    paper = DocReader().read(made.bytes(), "f.doc")
    assert [(line.text, line.furniture) for line in paper.lines] == [
        ("Elm Parish Council", "running header"),
        ("Page 2 of 3", "running footer"),
        ("Minutes", ""),
    ]
    assert paper.text == "Minutes"


# --- Word's list numbering ----------------------------------------------------------------------

NUMBERED = [Level("\x00."), Level("\x01)", nfc=4), Level("(\x02)", nfc=2)]
"""Minutes' items "1.", their points "a)", and those points' own "(i)"."""


def _listed(*paras: Para, lists=None, overrides=None, **doc) -> list[str]:
    tables = list_tables(lists or [(7, NUMBERED)], overrides or [(7, {})])
    return [line for line in content(Doc(list(paras), lists=tables, **doc).bytes()) if line]


@pytest.mark.parametrize(
    ("paras", "lines"),
    [
        (
            [Para("Apologies", ilfo=1, ilvl=0), Para("Minutes", ilfo=1), Para("Planning", ilfo=1, ilvl=0)],
            ["1. Apologies", "2. Minutes", "3. Planning"],
        ),
        (
            [
                Para("Planning", ilfo=1, ilvl=0),
                Para("Oak Lane", ilfo=1, ilvl=1),
                Para("the hedge", ilfo=1, ilvl=2),
                Para("the gate", ilfo=1, ilvl=2),
                Para("Elm Road", ilfo=1, ilvl=1),
                Para("Finance", ilfo=1, ilvl=0),
                Para("Payments", ilfo=1, ilvl=1),
            ],
            [
                "1. Planning",
                "a) Oak Lane",
                "(i) the hedge",
                "(ii) the gate",
                "b) Elm Road",
                "2. Finance",
                "a) Payments",
            ],
        ),
        ([Para("Typed 4. stays", ilfo=0), Para("Off", ilfo=0x7FF)], ["Typed 4. stays", "Off"]),
        (
            [Para("No such override", ilfo=9), Para("No such level", ilfo=1, ilvl=12)],
            ["No such override", "No such level"],
        ),
        ([Para("Counted"), Para("", ilfo=1), Para("After an empty one", ilfo=1)], ["Counted", "2. After an empty one"]),
    ],
)
def test_list_paragraphs_get_the_numbers_word_prints(paras, lines):
    assert _listed(*paras) == lines


@pytest.mark.parametrize(
    ("level", "label"),
    [
        (Level("\x00.", nfc=1, start=4), "IV. Item"),
        (Level("(\x00)", nfc=2, start=9), "(ix) Item"),
        (Level("\x00.", nfc=3, start=27), "AA. Item"),
        (Level("Item \x00:", start=12), "Item 12: Item"),
        (Level("\x00", nfc=5, start=2), "2nd Item"),
        (Level("\uf0b7", nfc=23), "- Item"),
        (Level("", nfc=255), "Item"),
        (Level("\x00.", nfc=1, start=2_000_000_000), "2000000000. Item"),
        (Level("\x00.", start=-5), "0. Item"),
    ],
)
def test_each_number_format_prints_as_word_prints_it(level, label):
    assert _listed(Para("Item", ilfo=1, ilvl=0), lists=[(3, [level])], overrides=[(3, {})]) == [label]


def test_levels_print_their_parents_numbers_and_legal_numbering_prints_them_in_digits():
    levels = [Level("\x00.", nfc=1), Level("\x00.\x01"), Level("\x00.\x01.\x02", legal=True)]
    paras = [Para("Finance", ilfo=1, ilvl=0), Para("Budget", ilfo=1, ilvl=1), Para("Precept", ilfo=1, ilvl=2)]
    assert _listed(*paras, lists=[(5, levels)], overrides=[(5, {})]) == ["I. Finance", "I.1 Budget", "1.1.1 Precept"]


def test_overrides_of_one_list_continue_it_and_one_that_restarts_it_starts_again():
    paras = [Para("A", ilfo=1), Para("B", ilfo=2), Para("C", ilfo=3), Para("D", ilfo=3), Para("E", ilfo=1)]
    overrides = [(7, {}), (7, {}), (7, {0: 10})]
    assert _listed(*paras, overrides=overrides) == ["1. A", "2. B", "10. C", "11. D", "3. E"]


def test_a_style_numbers_its_paragraphs_unless_the_paragraph_switches_it_off():
    styles = [(0, "Normal"), (4094, "List Number"), (4094, "Based on it", None, 1), (4094, "Loop", None, 3)]
    paras = [
        Para("Apologies", style=1),
        Para("Minutes", style=2),
        Para("Its own level", style=1, ilvl=1),
        Para("Switched off", style=1, ilfo=0),
        Para("A style based on itself", style=3),
    ]
    made = _listed(*paras, styles=styles, style_lists={1: (1, 0)})
    assert made == ["1. Apologies", "2. Minutes", "a) Its own level", "Switched off", "A style based on itself"]


def test_list_paragraphs_in_a_table_cell_are_lines_after_its_row():
    row = [
        Para("Planning:", "\r", in_table=True, ilfo=1, ilvl=0),
        Para("Oak Lane", "\r", in_table=True, ilfo=1, ilvl=1),
        Para("Elm Road", "\x07", in_table=True, ilfo=1, ilvl=1),
        Para("Clerk", "\x07", in_table=True),
        Para("", "\x07", in_table=True, row_end=True),
    ]
    plain = [Para("Name", "\r", in_table=True), Para("and role", "\x07", in_table=True), *cells("Clerk")[1:]]
    second = [Para("Finance", "\x07", in_table=True), Para("Budget", "\x07", in_table=True, ilfo=1), *cells("")[1:]]
    tables = list_tables([(7, NUMBERED)], [(7, {})])
    made = Doc([*cells("Item", "Action"), *row, *second, *plain], lists=tables)
    assert content(made.bytes()) == [
        "Item\tAction",
        "1.\tPlanning:\tClerk",
        "",
        "a) Oak Lane",
        "",
        "b) Elm Road",
        "",
        "Finance\t2. Budget",
        "Name and role",
    ]


def test_real_minutes_with_list_tables_but_typed_numbers_keep_the_numbers_typed():
    # The February minutes hold three lists in their list tables, but number their points by hand ("1.⇥");
    # no paragraph names a list, so each typed number is printed once, as the council's PDF of it shows.
    lines = [line.text for line in read_paper(FEBRUARY.read_bytes(), FEBRUARY.name).lines]
    assert "1. Speed bumps in Queen Street are breaking up at their sides , need attention" in lines
    assert not any(re.match(r"^(?:\d+\.|[a-z]\)) (?:\d+\.|[a-z]\))", line) for line in lines)


def _lvl(length: int, properties: int = 0) -> bytes:
    """An LVL whose number text says it is `length` characters, after `properties` bytes each of paragraph
    and character properties."""
    lvlf = struct.pack("<iBB", 1, 0, 0) + b"\x00" * 18 + bytes([properties, properties, 0, 0])
    return lvlf + b"\x00" * (2 * properties) + struct.pack("<H", length)


LISTS = list_tables([(7, NUMBERED)], [(7, {})])


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        ((struct.pack("<h", 3000) + b"\x00" * 30, b"", LISTS[2]), "list table counts 3,000 lists in 32 bytes"),
        ((struct.pack("<h", -1), b"", LISTS[2]), "list table counts -1 lists"),
        ((LISTS[0], _lvl(0, 255) * 8, b""), "list level lies past the end of its stream"),
        ((LISTS[0], _lvl(60_000) + b"\x00" * 200, LISTS[2]), "number text of 60,000 characters is broken"),
        ((LISTS[0], LISTS[1], struct.pack("<I", 1 << 30) + b"\x00" * 16), "counts 1,073,741,824 overrides"),
        ((LISTS[0], LISTS[1], struct.pack("<IiiiBBBB", 1, 7, 0, 0, 200, 0, 0, 0) + b"\x00" * 12), "levels lie past"),
    ],
)
def test_a_broken_list_table_is_one_error_naming_the_file(tables, message):
    paper = read_paper(Doc([Para("A", ilfo=1)], lists=tables).bytes(), "content/papers/lists.doc")
    (problem,) = paper.problems
    assert paper.lines == () and message in problem.message and "list numbers cannot be read" in problem.message
    assert str(problem).startswith("content/papers/lists.doc: error: ") and "\n" not in str(problem)


def test_a_list_table_pointing_past_its_stream_is_refused():
    made = bytearray(Doc([Para("A", ilfo=1)], lists=LISTS).bytes())
    paper = read_paper(Doc([Para("A", ilfo=1)], lists=(LISTS[0], LISTS[1], LISTS[2])).bytes(), "ok.doc")
    assert [line.text for line in paper.lines] == ["1. A"]
    at = bytes(made).index(struct.pack("<H", 0xA5EC))
    fib_pair = at + 154 + 8 * 73  # PlfLst's place in the File Information Block
    struct.pack_into("<I", made, fib_pair, 1 << 20)
    (problem,) = read_paper(bytes(made), "far.doc").problems
    assert "list table lies past the end of its stream" in problem.message


# --- files that cannot be read --------------------------------------------------------------------


def _pieces_clx(cps: list[int], fcs: list[int]) -> bytes:
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(struct.pack("<HIH", 0, fc, 0) for fc in fcs)
    return b"\x02" + struct.pack("<I", len(plc)) + plc


def _truncated_real() -> bytes:
    return DECEMBER.read_bytes()[:3000]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (lambda: Doc([Para("Secret")], flags=0x0300).bytes(), "the Word document is encrypted"),
        (lambda: Doc([Para("Old")], n_fib=104).bytes(), "saved by Word 6 or Word 95"),
        (lambda: compound_file({"Workbook": b"\x09\x08" * 100}), "not a Word document (it holds no WordDocument"),
        (lambda: OLE_MAGIC, "container is broken"),
        (lambda: OLE_MAGIC + b"\x00" * 2000, "container is broken"),
        (_truncated_real, "container is broken (incomplete OLE sector)"),
        (lambda: Doc([Para("A")], streams={"1Table": b""}).bytes(), "has no 1Table stream"),
        (lambda: compound_file({"WordDocument": b"x" * 5000, "1Table": b""}), "does not start as Word's do"),
        (lambda: Doc([Para("A")], clx=b"\x01\x02\x00ab").bytes(), "has no piece table"),
        (lambda: Doc([Para("A")], clx=b"\x02" + struct.pack("<I", 100) + b"\x00" * 20).bytes(), "cut short"),
        (lambda: Doc([Para("A")], clx=_pieces_clx([0, 2], [1 << 29])).bytes(), "past the end of its text stream"),
        (lambda: Doc([Para("A")], clx=_pieces_clx([0, 2, 1], [2048, 2048])).bytes(), "runs backwards at piece 2"),
        (lambda: Doc([Para("A")], clx=_pieces_clx([1, 2], [2048])).bytes(), "does not start at its first character"),
        (lambda: Doc([Para("A")], pieces=MAX_PIECES).bytes(), "(limit: 100,000 pieces)"),
        (
            lambda: Doc([Para("A")], clx=_pieces_clx([0, 4000, 8000], [0x40000000 | 2048, 0x40000000 | 2048])).bytes(),
            "counts 8,000 characters in a text stream of",
        ),
        (lambda: compound_file({"WordDocument": b"x" * 5000, "1Table": b"y" * 5000}, chain={1: 0}), "loops back"),
        (lambda: compound_file({"WordDocument": b"x" * 5000}, chain={0: 5000}), "sector index out of range"),
    ],
)
def test_a_broken_doc_is_one_error_naming_the_file(data, message):
    paper = read_paper(data(), "content/papers/bad.doc")
    assert paper.format == "doc" and paper.lines == ()
    (problem,) = paper.problems
    assert problem.severity == "error" and message in problem.message
    assert str(problem).startswith("content/papers/bad.doc: error: ") and "\n" not in str(problem)


def test_a_stream_past_the_unpacked_limit_is_refused_before_it_is_read():
    made = Doc([Para("x" * 1_100_000)]).bytes()
    paper = DocReader().read(made, "big.doc", ReadLimits(unpacked_mb=1))
    (problem,) = paper.problems
    assert paper.lines == ()
    assert problem.message.startswith("the Word document's WordDocument stream is 1 MB (limit max_unpacked_mb: 1 MB)")
    assert content(made)[0] == "x" * 1_100_000


def test_fields_nested_past_the_limit_are_refused():
    deep = Doc([Para("\x13" * 6 + "x" + "\x15" * 6)]).bytes()
    paper = DocReader().read(deep, "deep.doc", ReadLimits(nesting=5))
    assert paper.lines == () and "(limit max_nesting: 5)" in paper.problems[0].message
    assert content(deep, ReadLimits(nesting=6)) == []
