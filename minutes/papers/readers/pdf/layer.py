"""What a page's text layer is worth: real text, a scan, nonsense, or nothing.

A scanned page has images and (almost) no characters. A garbled layer has characters
that are not language: a font whose ToUnicode map is wrong decodes to symbols, digits
and control codes ("+/54'30(4*'#34"). So the test is on tokens: the share that look like
words or figures ("Council", "2025", "£1,429.5", "(a)") is near zero on such a page and
well over half on genuine pages, tables of figures included. Both go to OCR.
"""

from __future__ import annotations

import pypdfium2.raw as pdfium_c

import re

from .chars import PageChars

MIN_TEXT_CHARS = 12
MIN_WORDLIKE_SHARE = 0.3

_WORDLIKE = re.compile(
    r"^[(\[\"'\u2018\u201c£$€-]*"
    r"(?:[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d[\d,.:/-]*%?|[^\W\d_]?\d+[^\W\d_]{0,2})"
    r"[)\]\"'\u2019\u201d.,;:!?%]*$"
)


def classify(chars: PageChars, page) -> str:
    """text | scanned | garbled | empty"""
    if chars.count >= MIN_TEXT_CHARS:
        return "garbled" if wordlike_share(chars) < MIN_WORDLIKE_SHARE else "text"
    if _has_images(page):
        return "scanned"
    return "text" if chars.count else "empty"


def _has_images(page) -> bool:
    raw = page.raw
    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        kind = pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, index))
        if kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM):
            return True  # a scan may sit inside a form XObject
    return False


def wordlike_share(chars: PageChars) -> float:
    tokens = [token for run in chars.runs for token in run.text.split()]
    if not tokens:
        return 0.0
    return sum(1 for token in tokens if _WORDLIKE.match(token)) / len(tokens)
