"""Readers: one per paper format, tried in order; the bytes decide, not the extension.

A new format is one module with a reader class (`name`, `file_extensions`, `sniff`,
`read`) and one line in `READERS`.
"""

from __future__ import annotations

from minutes.papers.readers.base import PageInfo, PaperText, Reader, SourceLine, text_lines
from minutes.papers.readers.docx import DocxReader
from minutes.papers.readers.html import HtmlReader
from minutes.papers.readers.markdown import MarkdownReader
from minutes.papers.readers.pdf import PdfReader
from minutes.papers.readers.text import TextReader

READERS: tuple[Reader, ...] = (
    PdfReader(),
    DocxReader(),
    HtmlReader(),
    MarkdownReader(),
    TextReader(),
)
"""In the order they are asked; the text reader, last, takes anything."""

SNIFF_BYTES = 65536


def reader_for(data: bytes) -> Reader:
    """The reader for a file: the first whose `sniff` claims its opening bytes."""
    head = data[:SNIFF_BYTES]
    return next(reader for reader in READERS if reader.sniff(head))


def read_paper(data: bytes, shown_as: str) -> PaperText:
    """A paper's lines, whatever its format."""
    return reader_for(data).read(data, shown_as)


__all__ = ["READERS", "PageInfo", "PaperText", "Reader", "SourceLine", "read_paper", "reader_for", "text_lines"]
