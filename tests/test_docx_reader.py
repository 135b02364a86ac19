"""Word documents: headings from styles, Word's numbering, bold, tables, headers."""

from __future__ import annotations

import io

import docx
import pytest

from minutes.papers.readers import read_paper, reader_for
from minutes.papers.readers.docx import DocxReader
from minutes.papers.readers.numbering import number_text


def document_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def minutes(document) -> None:
    document.core_properties.title = "Minutes of the Parish Council"
    document.sections[0].header.paragraphs[0].text = "Horsley Parish Council"
    document.sections[0].footer.paragraphs[0].text = "Signed ............ Chairman"
    document.add_heading("Minutes of the meeting held on 18 March 2014", 1)
    document.add_paragraph("Present: Cllr N Hackett (Chairman), Cllr A Caudwell")
    document.add_heading("14/037: Minutes of the Last Meeting", 2)
    document.add_paragraph("Apologies", style="List Number")
    document.add_paragraph("Declarations of interest", style="List Number")
    document.add_paragraph("A point made", style="List Bullet")
    bold = document.add_paragraph()
    bold.add_run("RESOLVED").bold = True
    mixed = document.add_paragraph()
    mixed.add_run("Resolved").bold = True
    mixed.add_run(" that the minutes be signed.")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ("Payee", "Details", "Amount"),
            ("SLCC", "Membership", "£304"),
            ("J R Nicholson", "Clerk's duties\nFebruary", "£340.20"),
        ]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    merged = document.add_table(rows=2, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Wide"
    merged.cell(0, 2).text = "Right"
    merged.cell(1, 0).text = "a"
    merged.cell(1, 1).text = "b"
    merged.cell(1, 2).text = "c"


def test_sniffed_by_its_bytes():
    data = document_bytes(minutes)
    assert reader_for(data).name == "docx"
    assert read_paper(data, "minutes.docx").format == "docx"


def test_structure_comes_through():
    paper = read_paper(document_bytes(minutes), "minutes.docx")
    content = [line.text for line in paper.lines if not line.furniture]
    assert content == [
        "# Minutes of the meeting held on 18 March 2014",
        "",
        "Present: Cllr N Hackett (Chairman), Cllr A Caudwell",
        "",
        "## 14/037: Minutes of the Last Meeting",
        "",
        "1. Apologies",
        "2. Declarations of interest",
        "- A point made",
        "",
        "**RESOLVED**",
        "",
        "Resolved that the minutes be signed.",
        "",
        "Payee\tDetails\tAmount",
        "SLCC\tMembership\t£304",
        "J R Nicholson\tClerk's duties February\t£340.20",
        "",
        "Wide\tRight",
        "a\tb\tc",
    ]
    assert [line.number for line in paper.lines] == list(range(1, len(paper.lines) + 1))
    furniture = {line.text: line.furniture for line in paper.lines if line.furniture}
    assert furniture == {"Horsley Parish Council": "running header", "Signed ............ Chairman": "running footer"}
    assert paper.meta["title"] == "Minutes of the Parish Council"
    headings = [(line.heading, line.text) for line in paper.lines if line.heading]
    assert headings == [
        (1, "# Minutes of the meeting held on 18 March 2014"),
        (2, "## 14/037: Minutes of the Last Meeting"),
    ]


@pytest.mark.parametrize("data", [b"PK\x03\x04word/" + b"\x00" * 100, b"PK\x03\x04" + b"word/document.xml" * 5])
def test_a_broken_docx_is_a_problem(data):
    paper = DocxReader().read(data, "broken.docx")
    assert paper.lines == () and paper.problems[0].severity == "error"
    assert "broken.docx" in str(paper.problems[0]) and "save it again" in paper.problems[0].message


def test_a_zip_that_is_not_word_is_not_claimed():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    assert reader_for(out.getvalue()).name == "text"


def test_a_cell_of_list_paragraphs_keeps_its_first_and_its_number_in_the_row_and_sets_the_others_after_it():
    # Minutes set as a table, a cell to an item: the item's number and title, what was said, its points.
    def build(document) -> None:
        table = document.add_table(rows=3, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Item", "Action"
        cell = table.cell(1, 0)
        cell.paragraphs[0].text = "Planning:"
        cell.paragraphs[0].style = "List Number"
        cell.add_paragraph("Two applications were discussed.")
        cell.add_paragraph("A point", style="List Bullet")
        table.cell(1, 1).text = "Clerk"
        names = table.cell(2, 0)
        names.paragraphs[0].text = "Cllr A Orr"
        names.add_paragraph("Chair", style="List Bullet")
        table.cell(2, 1).text = "JO"

    paper = read_paper(document_bytes(build), "table.docx")
    assert [line.text for line in paper.lines if not line.furniture] == [
        "Item\tAction",
        "1.\tPlanning:\tClerk",
        "",
        "Two applications were discussed.",
        "",
        "- A point",
        "",
        "Cllr A Orr Chair\tJO",
    ]


def test_a_paragraph_broken_by_hand_is_read_line_by_line():
    def build(document) -> None:
        document.add_paragraph("Elm County Board of Commissioners")
        broken = document.add_paragraph("Tuesday, February 20, 2024 – 9:00 a.m.")
        broken.add_run().add_break()
        broken.add_run("Board Room, Elm County Government Center")
        broken.add_run().add_break()
        broken.add_run("200 Second Street NE, Birch Falls")

    paper = read_paper(document_bytes(build), "broken.docx")
    assert [line.text for line in paper.lines if not line.furniture] == [
        "Elm County Board of Commissioners",
        "",
        "Tuesday, February 20, 2024 – 9:00 a.m.",
        "Board Room, Elm County Government Center",
        "200 Second Street NE, Birch Falls",
    ]


def test_a_cell_beside_a_minutes_number_sets_its_text_after_the_heading():
    # Minutes set as a table of two columns: the minute's number, then its heading over what was said. A cell of
    # names beside a name, and a cell whose first paragraph is a sentence, stay whole.
    def build(document) -> None:
        table = document.add_table(rows=3, cols=2)
        table.cell(0, 0).text = "P/24/031"
        cell = table.cell(0, 1)
        cell.paragraphs[0].text = "APOLOGIES FOR ABSENCE"
        cell.add_paragraph("Apologies were received from Cllr M. Orr.")
        cell.add_paragraph("RESOLVED that the apologies be accepted.")
        table.cell(1, 0).text = "P/24/032"
        said = table.cell(1, 1)
        said.paragraphs[0].text = "Nothing was declared."
        said.add_paragraph("The Chairman thanked members.")
        table.cell(2, 0).text = "Cllr A Orr"
        names = table.cell(2, 1)
        names.paragraphs[0].text = "Cllr B Hale"
        names.add_paragraph("Cllr C Nye")

    paper = read_paper(document_bytes(build), "table.docx")
    assert [line.text for line in paper.lines if not line.furniture] == [
        "P/24/031\tAPOLOGIES FOR ABSENCE",
        "",
        "Apologies were received from Cllr M. Orr.",
        "",
        "RESOLVED that the apologies be accepted.",
        "",
        "P/24/032\tNothing was declared. The Chairman thanked members.",
        "Cllr A Orr\tCllr B Hale Cllr C Nye",
    ]


@pytest.mark.parametrize(
    ("value", "fmt", "printed"),
    [
        (3, "decimal", "3"),
        (14, "lowerRoman", "xiv"),
        (1994, "upperRoman", "MCMXCIV"),
        (4000, "upperRoman", "4000"),
        (26, "lowerLetter", "z"),
        (28, "upperLetter", "BB"),
        (781, "lowerLetter", "781"),
        (0, "lowerLetter", "0"),
        (7, "decimalZero", "07"),
        (12, "decimalZero", "12"),
        (11, "ordinal", "11th"),
        (22, "ordinal", "22nd"),
    ],
)
def test_a_counter_prints_as_word_prints_it(value, fmt, printed):
    assert number_text(value, fmt) == printed


def test_a_row_of_item_and_action_sets_the_heading_apart_from_what_was_done():
    # Minutes set as a table of item and action: the item's number and heading in bold over a summary in the
    # first cell, the motion in the second. The heading stands on its own line, the rest after it; a cell of
    # names beside a label keeps each name apart; a row of figures stays one line.
    def build(document) -> None:
        table = document.add_table(rows=4, cols=2)
        table.cell(0, 0).text = "DIRECTORS PRESENT:"
        names = table.cell(0, 1)
        names.paragraphs[0].text = "Chair R. Delorme, Village of Antler Creek"
        names.add_paragraph("Director A. Kowalski, Electoral Area B")
        item = table.cell(1, 0)
        item.paragraphs[0].add_run("4.1\tBylaw No. 1287, 2024 – Water Service Amendment").bold = True
        item.add_paragraph("The amendment raises the parcel tax to fund the new reservoir liner this year.")
        action = table.cell(1, 1)
        action.paragraphs[0].text = "MOVED Director Gill, SECONDED Director Oduya,"
        action.add_paragraph("THAT Bylaw No. 1287 be read a first, second and third time.")
        action.add_paragraph("CARRIED")
        table.cell(2, 0).text = "2.\tAPPROVAL OF AGENDA"
        table.cell(2, 1).text = "MOVED Director Fraser, SECONDED Director Kowalski, THAT the agenda be approved."
        table.cell(3, 0).text = "1. Grants"
        table.cell(3, 1).text = "$5,000"

    paper = read_paper(document_bytes(build), "table.docx")
    assert [line.text for line in paper.lines if not line.furniture] == [
        "DIRECTORS PRESENT:\tChair R. Delorme, Village of Antler Creek; Director A. Kowalski, Electoral Area B",
        "",
        "4.1 Bylaw No. 1287, 2024 – Water Service Amendment",
        "The amendment raises the parcel tax to fund the new reservoir liner this year.",
        "MOVED Director Gill, SECONDED Director Oduya,",
        "THAT Bylaw No. 1287 be read a first, second and third time.",
        "CARRIED",
        "",
        "2. APPROVAL OF AGENDA",
        "MOVED Director Fraser, SECONDED Director Kowalski, THAT the agenda be approved.",
        "",
        "1. Grants\t$5,000",
    ]
