"""The PDF reader's characters: what it takes from pdfium in few calls is what asking pdfium for every
character's code point, box and origin gives.

The reader asks for a page's text in one call and for a character's origin only where the baseline
may have moved. The reference here asks for everything of every character, through pypdfium2's own
bindings and structures, and gathers the runs with the reader's run builders: the runs, and the counts
of characters and letters, must be the same on every page of the test PDFs.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from minutes.papers.readers.pdf import chars
from minutes.papers.readers.pdf.chars import SOFT_HYPHEN_MARKS, PageChars, page_runs, page_text
from pdfcases import made_pdf

TESTS = Path(__file__).resolve().parent
PAPERS = sorted((TESTS / "pdfs").glob("*.pdf")) + sorted((TESTS / "pdfs" / "samples").glob("*.pdf"))[:3]
HYPHENATED = TESTS / "pdfs" / "weca_2021-09_bus-strategy_multicolumn.pdf"
"""pdfium marks line-end hyphens in it (U+FFFE in the page text, U+0002 as the character's code point)."""
BROKEN_FONT = TESTS / "pdfs" / "horsley-pc_2014-03-18_draft-minutes_broken-font.pdf"
"""Characters without a code point: pdfium's page text has fewer characters than the page."""


def pages(path: Path) -> Iterator[tuple[pdfium.PdfPage, pdfium.PdfTextPage]]:
    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            yield page, textpage
            textpage.close()
            page.close()
    finally:
        pdf.close()


def address(textpage: pdfium.PdfTextPage) -> int:
    return ctypes.cast(textpage.raw, ctypes.c_void_p).value


def code_points(textpage: pdfium.PdfTextPage) -> list[int]:
    return [pdfium_c.FPDFText_GetUnicode(textpage.raw, i) for i in range(pdfium_c.FPDFText_CountChars(textpage.raw))]


def same_character(a: int, b: int) -> bool:
    """The same code point, or two of pdfium's marks of a line-end hyphen (one meaning, either kept)."""
    return a == b or (a in SOFT_HYPHEN_MARKS and b in SOFT_HYPHEN_MARKS)


def runs_asking_every_character(textpage: pdfium.PdfTextPage, page_height: float) -> PageChars:
    """The runs as the reader made them when it asked pdfium for each character's code point, text object,
    box and origin in turn, and the characters and letters counted one by one."""
    raw, page = textpage.raw, address(textpage)
    box, x, y = pdfium_c.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
    fonts: dict[int, tuple[str, bool]] = {}
    objects: dict[int, tuple[str, bool, int, float]] = {}
    upright, sideways = chars._UprightRuns(), chars._SidewaysRuns(page_height)
    visible = letters = 0  # counted here, character by character, not by the run builders
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        obj = pdfium_c.FPDFText_GetTextObject(raw, i)
        obj = ctypes.cast(obj, ctypes.c_void_p).value if obj else None
        if code in (32, 0xA0, 9):
            upright.space_pending = True
            if sideways.pieces:
                sideways.space(obj)
            continue
        if code in (10, 13) and pdfium_c.FPDFText_IsGenerated(raw, i):
            upright.space_pending = True
            continue
        if not obj:
            if code in SOFT_HYPHEN_MARKS:
                upright.hyphen(None)
            continue
        if obj not in objects:
            objects[obj] = chars._object_facts(obj, page, i, fonts, chars._Buffers())
        facts = objects[obj]
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(box))
        pdfium_c.FPDFText_GetCharOrigin(raw, i, ctypes.byref(x), ctypes.byref(y))
        if facts[2] or code not in SOFT_HYPHEN_MARKS:
            visible += 1
            letters += chr(code).isalnum()
        if facts[2]:
            sideways.add(chr(code), obj, (box.left, box.top, box.right, box.bottom), facts)
        elif code in SOFT_HYPHEN_MARKS:
            upright.hyphen(box.right)
        else:
            upright.add(chr(code), box.left, box.right, page_height - y.value, facts)
    upright.close()
    return PageChars(upright.runs + sideways.runs(), visible, letters)


@pytest.mark.parametrize("path", PAPERS, ids=lambda p: p.stem)
def test_the_page_text_is_each_characters_code_point(path):
    for _page, textpage in pages(path):
        codes = code_points(textpage)
        text = page_text(address(textpage), len(codes))
        assert len(text) == len(codes)
        assert all(same_character(ord(ch), code) for ch, code in zip(text, codes, strict=True))


def test_hyphen_marks_and_characters_without_a_code_point_are_met():
    """The test PDFs hold both cases the page text differs in, so the test above meets them."""
    marked = [i for _, textpage in pages(HYPHENATED) for i in code_points(textpage) if i == 2]
    assert marked
    short = []
    for _, textpage in pages(BROKEN_FONT):
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        units = (ctypes.c_uint16 * (count + 1))()
        short.append(pdfium_c.FPDFText_GetText(textpage.raw, 0, count, units) - 1 < count)
    assert any(short)


@pytest.mark.parametrize("path", PAPERS, ids=lambda p: p.stem)
def test_runs_are_those_of_asking_every_character(path):
    for page, textpage in pages(path):
        height = page.get_size()[1]
        assert page_runs(textpage, height) == runs_asking_every_character(textpage, height)


def test_the_papers_hold_runs_of_every_kind():
    """Sideways runs, runs ended by a marked hyphen and runs of many baselines are among those compared."""
    runs = [
        run for path in PAPERS for page, textpage in pages(path) for run in page_runs(textpage, page.get_size()[1]).runs
    ]
    assert any(run.angle for run in runs)
    assert any(run.hyphen for run in runs)
    assert len({math.floor(run.baseline) for run in runs}) > 500


@pytest.mark.parametrize(
    ("angle", "lines", "runs"),
    [
        # one text object whose characters climb: the baseline moves within the object
        (5, [("A line set at a slope, longer than a few words of it", 72, 700)], 8),
        # a line-end hyphen pdfium marks, upright and sideways
        (0, [("A word cut by a hyphen at the line's end, exam-", 72, 700), ("ple, and the rest", 72, 685)], 2),
        (90, [("A word cut by a hyphen at the line's end, exam-", 300, 100), ("ple, and the rest", 315, 100)], 2),
    ],
)
def test_made_pages_read_as_asking_every_character(tmp_path, angle, lines, runs):
    path = tmp_path / "made.pdf"
    path.write_bytes(made_pdf([lines], angle))
    for _page, textpage in pages(path):
        read = page_runs(textpage, 842)
        assert read == runs_asking_every_character(textpage, 842)
        assert len(read.runs) == runs


def test_the_page_text_comes_in_one_call(monkeypatch):
    """No character is asked its code point on a page whose text is one unit a character."""

    def asked(page: int, index: int) -> int:
        raise AssertionError(f"character {index} asked its code point")

    monkeypatch.setattr(chars, "_char_unicode", asked)
    opened = pages(PAPERS[0])
    _page, textpage = next(opened)
    assert len(page_text(address(textpage), pdfium_c.FPDFText_CountChars(textpage.raw))) > 1000


def test_a_page_without_text_has_no_runs():
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    textpage = page.get_textpage()
    assert page_runs(textpage, 842) == PageChars([], 0, 0)
    assert page_text(address(textpage), 0) == ""
