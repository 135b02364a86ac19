"""The PDFs of tests/pdfs/, their SOURCES rows, and each read once per test process."""

from __future__ import annotations

import ctypes
import functools
import io
import math
import os
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

PDFS = Path(__file__).resolve().parent / "pdfs"
ORACLE = PDFS / "pdftotext"


@dataclass(frozen=True, slots=True)
class Case:
    path: Path
    layer: str
    """text | scanned | garbled, as SOURCES.md says"""
    furniture: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.path.stem


def _cases() -> list[Case]:
    cases: list[Case] = []
    for row in (PDFS / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]
        if len(cells) != 8 or not cells[0].startswith("`"):
            continue
        furniture = tuple(f.strip().replace("\\|", "|") for f in cells[5].split(";") if f.strip())
        cases.append(Case(PDFS / cells[0].strip("`"), cells[4], furniture))
    return cases


CASES = _cases()
TEXT_CASES = [c for c in CASES if c.layer == "text"]
OCR_CASES = [c for c in CASES if c.layer != "text"]


def require_tesseract() -> None:
    """OCR tests fail, never skip, without Tesseract: CI installs it."""
    if shutil.which("tesseract") is None:
        pytest.fail("Tesseract is required for the OCR tests (Debian: apt-get install tesseract-ocr tesseract-ocr-eng)")


@functools.cache
def read(path: Path):
    """The paper as the PDF reader gives it (OCR cache off: tests see Tesseract itself)."""
    from minutes.papers.readers.pdf import PdfReader

    os.environ["MINUTES_OCR_CACHE"] = "off"
    return PdfReader().read(path.read_bytes(), path.name)


def words(text: str) -> Counter:
    return Counter(w.lower() for w in re.findall(r"[^\W_]+", text))


def made_pdf(pages: list[list[tuple[str, float, float]]], angle: float = 0.0, size: float = 12.0) -> bytes:
    """A PDF of Helvetica lines (text, x, y) a page each list, each line one text object turned by `angle` degrees."""
    pdf = pdfium.PdfDocument.new()
    turn = math.radians(angle)
    for lines in pages:
        page = pdf.new_page(595, 842)
        for text, x, y in lines:
            obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(size))
            wide = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
            pdfium_c.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
            pdfium_c.FPDFPageObj_Transform(obj, math.cos(turn), math.sin(turn), -math.sin(turn), math.cos(turn), x, y)
            pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
