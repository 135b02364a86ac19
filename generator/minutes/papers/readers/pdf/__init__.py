"""PDF papers, born-digital or scanned, read with pdfium (pypdfium2).

The steps, one small module each, run over the whole file before anything is written,
because furniture and heading levels are judged across pages:

1. `chars`: each page's characters as runs, with size, font, bold and rotation.
2. `layer`: text, scanned, garbled or empty; scanned and garbled pages go to `ocr`.
3. `furniture`: running headers and footers, page numbers and stamps, by position and
   repetition; the pack page number ("Page 12") kept as the page's printed page.
4. `rules`, `tables`: ruled and unruled tables; `columns`: reading order;
   `lines`, `layout`: lines and paragraphs, headings by size and bold, list items.
5. `tidy`: ligatures, bullets, line-end hyphens.

The reader never raises on a bad file: a damaged or encrypted PDF is a `Problem`.
"""

from __future__ import annotations

from minutes.papers.readers.pdf.reader import PdfReader

__all__ = ["PdfReader"]
