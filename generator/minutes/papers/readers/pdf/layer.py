"""What a page's text layer is worth: real text, a scan, nonsense, or nothing.

A scanned page has images and (almost) no characters. A garbled layer has characters
that are not language: a font whose ToUnicode map is wrong decodes to symbols, digits
and control codes ("+/54'30(4*'#34"). So the test is on tokens: the share that look like
words or figures ("Council", "2025", "£1,429.5", "(a)") is near zero on such a page and
well over half on genuine pages, tables of figures included. Both go to OCR.
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from minutes.papers.readers.pdf.chars import PageChars

MIN_TEXT_CHARS = 12

MIN_WORDLIKE_SHARE = 0.3

_WORDLIKE = re.compile(
    r"^[(\[\"'\u2018\u201c£$€-]*"
    r"(?:[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d[\d,.:/-]*%?|[^\W\d_]?\d+[^\W\d_]{0,2})"
    r"[)\]\"'\u2019\u201d.,;:!?%]*$"
)


def classify(chars: PageChars, page: pdfium.PdfPage, stamped_only: bool = False) -> str:
    """text | scanned | garbled | empty. `stamped_only`: all the page's text came from
    annotations flattened into it (a clerk's stamp on a scan), so a page mostly covered
    by an image is still a scan; the OCR reads the stamp too."""
    if chars.count >= MIN_TEXT_CHARS:
        if wordlike_share(chars) < MIN_WORDLIKE_SHARE:
            return "garbled"
        if stamped_only and _image_cover(page) >= 0.5:
            return "scanned"
        return "text"
    if _image_cover(page) > 0:
        return "scanned"
    return "text" if chars.count else "empty"


def _image_cover(page: pdfium.PdfPage) -> float:
    """The largest share of the page one image (or a form holding one) covers."""
    raw = page.raw
    width, height = page.get_size()
    area = max(width * height, 1.0)
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    best = 0.0
    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, index)
        if pdfium_c.FPDFPageObj_GetType(obj) not in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue  # a scan may sit inside a form XObject
        if pdfium_c.FPDFPageObj_GetBounds(obj, l, b, r, t):
            best = max(best, min(1.0, (r.value - l.value) * (t.value - b.value) / area))
        else:
            best = max(best, 0.01)
    return best


def wordlike_share(chars: PageChars) -> float:
    tokens = [token for run in chars.runs for token in run.text.split()]
    if not tokens:
        return 0.0
    return sum(1 for token in tokens if _WORDLIKE.match(token)) / len(tokens)
