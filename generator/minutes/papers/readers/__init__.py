"""Readers: one per paper format, tried in order; the bytes decide, not the extension.

A new format is one module with a reader class (`name`, `sniff`, `read`) and one line
in `READERS`.
"""

from __future__ import annotations

from dataclasses import replace

from minutes.core.errors import Problem
from minutes.papers.readers.base import (
    DEFAULT_LIMITS,
    PageInfo,
    PaperText,
    Reader,
    ReadLimits,
    SourceLine,
    text_lines,
)
from minutes.papers.readers.doc import DocReader
from minutes.papers.readers.docx import DocxReader
from minutes.papers.readers.html import HtmlReader
from minutes.papers.readers.markdown import MarkdownReader
from minutes.papers.readers.pdf import PdfReader
from minutes.papers.readers.text import TextReader

READERS: tuple[Reader, ...] = (
    PdfReader(),
    DocxReader(),
    DocReader(),
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


def import_reader_for(data: bytes) -> None:
    """Import now what reading a file like `data` needs and its reader imports only when first asked (the
    HTML parser, python-docx): a convert calls this before it forks the worker for such a paper, so that
    its workers do not import them each again."""
    reader = reader_for(data)
    imports = getattr(reader, "import_parser", None)
    if imports is not None:
        imports()


def read_paper(data: bytes, shown_as: str, limits: ReadLimits = DEFAULT_LIMITS) -> PaperText:
    """A paper's lines, whatever its format; none longer than `limits.line_chars`."""
    return cut_long_lines(reader_for(data).read(data, shown_as, limits), shown_as, limits.line_chars)


def cut_long_lines(paper: PaperText, shown_as: str, limit: int) -> PaperText:
    """Every line longer than `limit` cut into lines of at most `limit` characters (at a space where
    one is near), each keeping the line's number and hints; one warning says how many were cut.

    What reads a line afterwards (cleaning, splitting, finding facts) then never sees more
    than `limit` characters at once; no text is lost.
    """
    long = [line for line in paper.lines if len(line.text) > limit]
    if not long:
        return paper
    lines: list[SourceLine] = []
    for line in paper.lines:
        if len(line.text) <= limit:
            lines.append(line)
            continue
        text = line.text
        while text:
            cut = len(text) if len(text) <= limit else text.rfind(" ", limit * 3 // 4, limit + 1)
            if cut <= 0:
                cut = limit
            lines.append(replace(line, text=text[:cut].rstrip(" ") if cut < len(text) else text[:cut]))
            text = text[cut:].lstrip(" ")
    first = long[0]
    warning = Problem(
        shown_as,
        first.number,
        f"{len(long)} line{'s are' if len(long) > 1 else ' is'} longer than {limit:,} characters "
        f"(the first, line {first.number}, has {len(first.text):,}); each was cut into lines of at most "
        f"{limit:,} (limit max_line_chars: {limit})",
        "warning",
    )
    return replace(paper, lines=tuple(lines), problems=(*paper.problems, warning))


__all__ = [
    "DEFAULT_LIMITS",
    "READERS",
    "PageInfo",
    "PaperText",
    "ReadLimits",
    "Reader",
    "SourceLine",
    "read_paper",
    "reader_for",
    "text_lines",
]
