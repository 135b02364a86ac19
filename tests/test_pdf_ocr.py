"""OCR: garbled text layers and scanned pages read by Tesseract as readable English,
marked as OCR; a warning and an image-only page when Tesseract is missing; the cache.

OCR takes seconds a page, so these use the two short Horsley papers and three scanned
pages; long scanned packages are covered by bench/pdf_bench.py."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from goldens import check
from minutes.papers.readers.pdf import PdfReader
from pdfcases import OCR_CASES, PDFS, read, require_tesseract, words

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "pdf-golden"
HORSLEY_AGENDA = PDFS / "horsley-pc_2014-04-29_agenda_broken-font.pdf"
HORSLEY_MINUTES = PDFS / "horsley-pc_2014-03-18_draft-minutes_broken-font.pdf"
SCANNED = PDFS / "nipissing-twp_2025-02-18_council_agenda-package-scanned_pages-1-3.pdf"
STAMPED = PDFS / "sutton-coldfield-tc_2017-04_statement-of-accounts-scanned_page-1.pdf"

COMMON = {"the", "of", "and", "to", "council", "meeting", "parish", "minutes", "for", "in", "a", "be"}


def english_share(text: str) -> float:
    """Share of tokens that are dictionary-shaped words: OCR gibberish scores low."""
    tokens = re.findall(r"\S+", text)
    good = [
        t for t in tokens if re.fullmatch(r"[(\"'‘“]*[A-Za-z][a-z]*(?:['’-][a-z]+)?[.,;:)\"'’”]*|[0-9][0-9.,:/]*", t)
    ]
    return len(good) / max(1, len(tokens))


PHRASES = {
    HORSLEY_AGENDA.stem: ("HORSLEY PARISH COUNCIL", "Declarations of Interest", "Village Hall", "Casual Vacancy"),
    HORSLEY_MINUTES.stem: ("HORSLEY PARISH COUNCIL", "Matters Arising", "Declarations of Interest", "Nupend Farm"),
    SCANNED.stem: ("AGENDA", "Disclosure of pecuniary interest", "Adjournment", "Present:"),
    # the clerk's stamp is an annotation on the scan: flattened, it is read with the page
    STAMPED.stem: ("Item 58", "Royal Sutton Coldfield Town Council", "Statement of Accounts"),
}


def ocr_facts(case) -> dict:
    """What the golden file pins of a paper read by OCR: per page its layer, OCR and printed page."""
    paper = read(case.path)
    return {
        "file": case.path.name,
        "pages": [
            {"page": p.number, "layer": p.layer, "ocr": p.ocr, "printed_page": p.printed_page} for p in paper.pages
        ],
        "warnings": [p.message for p in paper.problems],
    }


@pytest.mark.parametrize("case", OCR_CASES, ids=lambda c: c.name)
def test_ocr_reads_readable_english(case):
    """Each garbled or scanned paper, OCR'd once: every page OCR'd and marked so, the
    text readable English with the phrases a person reads on the page, a warning; and
    per page its layer, OCR and printed page as the golden file says. OCR'd words are
    not pinned one by one (Tesseract's versions differ)."""
    require_tesseract()
    paper = read(case.path)
    check(GOLDEN / f"{case.name}.yaml", ocr_facts(case))
    assert all(info.ocr for info in paper.pages)
    content = [line for line in paper.lines if line.text and not line.furniture]
    assert content and all(line.ocr for line in content) and paper.ocr
    text = paper.text
    assert english_share(text) > 0.85, text[:500]
    if words(text).total() >= 100:  # a cover page has too few words for common ones
        assert len(COMMON & set(words(text))) >= 6
    for phrase in PHRASES[case.name]:
        assert phrase in text
    assert any("OCR" in p.message and p.severity == "warning" for p in paper.problems)


def test_without_tesseract_warn_once_and_keep_image_pages(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on this PATH
    paper = PdfReader().read(HORSLEY_MINUTES.read_bytes(), HORSLEY_MINUTES.name)
    missing = [p for p in paper.problems if "Tesseract is not installed" in p.message]
    assert len(missing) == 1 and missing[0].severity == "warning"
    assert "apt-get install tesseract-ocr" in missing[0].message
    assert [info.layer for info in paper.pages] == ["garbled"] * 3
    assert not any(info.ocr for info in paper.pages)
    placeholders = [line for line in paper.lines if "scanned image" in line.text or "not been read" in line.text]
    assert len(placeholders) == 3 and not any(line.furniture for line in placeholders)
    # the garbled text itself is never passed off as the paper's text
    assert not re.search(r"[#+/]{3}", paper.text)


def test_ocr_pages_limits_ocr(monkeypatch):
    require_tesseract()
    monkeypatch.setenv("MINUTES_OCR_CACHE", "off")
    paper = PdfReader(ocr_pages={2}).read(SCANNED.read_bytes(), SCANNED.name)
    assert [info.ocr for info in paper.pages] == [False, True, False]
    assert "OCR not asked for this page" in paper.pages[0].notes[0]
    assert {line.page for line in paper.lines if line.ocr} == {2}


def test_ocr_cache_is_used(monkeypatch, tmp_path):
    require_tesseract()
    monkeypatch.setenv("MINUTES_OCR_CACHE", str(tmp_path))
    first = PdfReader().read(HORSLEY_AGENDA.read_bytes(), HORSLEY_AGENDA.name)
    cached = list(tmp_path.glob("*/*.tsv"))
    assert len(cached) == 1
    tsv = cached[0].read_text(encoding="utf-8")
    cached[0].write_text(tsv.replace("HORSLEY", "CACHED"), encoding="utf-8")
    second = PdfReader().read(HORSLEY_AGENDA.read_bytes(), HORSLEY_AGENDA.name)
    assert "HORSLEY PARISH" in first.text and "CACHED PARISH" in second.text
    assert os.environ["MINUTES_OCR_CACHE"] == str(tmp_path)


def _tsv_row(line: int, word: int, left: int, text: str) -> str:
    # level 5 (a word): page, block, paragraph, line, word, left, top, width, height, confidence, text
    return "\t".join(map(str, (5, 1, 1, 1, line, word, left, 100 + 40 * line, 18 * len(text), 30, 96, text)))


@pytest.mark.parametrize(
    ("words", "runs"),
    [
        # A line number set apart in the margin: a run of its own, as a text layer has it.
        # (a gap of one em, less than the wide gap that parts any two runs)
        ([(150, "42"), (226, "Fire"), (308, "Boat"), (390, "Relocation.")], ["42", "Fire Boat Relocation."]),
        # An item's number a space from its title stays with it.
        ([(150, "42"), (200, "Fire"), (282, "Boat")], ["42 Fire Boat"]),
        # A figure inside the line is a word of it.
        ([(150, "About"), (250, "42"), (322, "boats")], ["About 42 boats"]),
    ],
)
def test_a_figure_set_apart_before_a_line_is_a_run_of_its_own(words, runs):
    from minutes.papers.readers.pdf.ocr import runs_from_tsv

    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    tsv = "\n".join([header] + [_tsv_row(1, n, left, text) for n, (left, text) in enumerate(words, 1)])
    assert [run.text for run in runs_from_tsv(tsv, 72 / 300)] == runs
