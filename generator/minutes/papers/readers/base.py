"""The contract every paper reader keeps: a file's bytes in, one stream of lines out.

Papers arrive as PDFs, Word documents, saved web pages, Markdown and plain text. Each
format has a reader (`READERS` in `__init__.py`); everything after it (cleaning,
splitting a pack, extracting facts) sees only `PaperText`, never the format.

A line's `text` is written in one small Markdown dialect, whatever the format:

- a heading starts with "#" marks ("## Minutes"), a whole-line bold phrase is "**…**";
- a list item starts "- " (bullets) or "1. " (numbered lists whose numbers are printed
  or implied);
- a table row is its cells separated by tab characters, one row per line; a row of a
  table's header is the first row of a run of rows;
- a blank line (text "") ends a paragraph.

Hints a format knows about a line travel beside the text (page, size, bold, furniture,
OCR), so the rules after the reader can weigh them without knowing where they came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol, TypedDict, Unpack

from minutes.core.config import SETTINGS, SiteConfig
from minutes.core.errors import Problem


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of a paper, in reading order."""

    text: str
    """The line in the dialect above; "" for a blank line."""
    number: int
    """1-based position in the paper: the line number of a text file, the line's
    position in reading order for a PDF or Word document. `explain` and error messages
    quote it."""
    page: int = 0
    """Physical page (1-based) for paged formats; 0 when the format has no pages."""
    printed_page: int = 0
    """The page number printed on the page (a pack's "Page 12"), 0 if none was found.
    Agendas cite pack pages ("Pages 5 - 20"), so reports are tied to items by it."""
    furniture: str = ""
    """Why the reader judged this line page furniture ("running header", "page number",
    "watermark", …); such a line never reaches a document's body. Empty for content."""
    heading: int = 0
    """Heading level the layout suggests (1 = largest), 0 when not a heading. For text
    formats the "#" marks in `text` say the same."""
    bold: bool = False
    """The whole line is bold."""
    size: float = 0.0
    """Font size in points (median over the line), 0 when unknown."""
    indent: float = 0.0
    """Left edge relative to the page's body text, in points; 0 when unknown."""
    ocr: bool = False
    """The text was read by OCR from an image and needs a person's check."""
    box: tuple[float, ...] = ()
    """Where a paged format printed the line: (left, top, right, bottom) in points from the top-left corner of
    `page`; empty when unknown. `minutes serve` highlights a doubtful fact's lines on the page image with it."""


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What a paged reader found on one page, for `minutes convert --explain`."""

    number: int
    layer: str = "text"
    """text | scanned (images only) | garbled (a text layer that is not language) | empty"""
    ocr: bool = False
    columns: int = 1
    tables: int = 0
    headings: int = 0
    furniture: tuple[str, ...] = ()
    """The furniture removed from the page, as printed."""
    printed_page: int = 0
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PaperText:
    """A paper as its reader returns it."""

    lines: tuple[SourceLine, ...]
    format: str
    """text | markdown | html | pdf | docx | doc"""
    problems: tuple[Problem, ...] = ()
    """Anything odd about the file, for the user (a warning or an error naming the file)."""
    meta: Mapping[str, object] = field(default_factory=dict)
    """Facts the file itself carries beside its text: a Markdown paper's YAML front-matter,
    an HTML page's <title>, a PDF's document title. Weak evidence only."""
    pages: tuple[PageInfo, ...] = ()
    """Per page, for paged formats."""

    @property
    def ocr(self) -> bool:
        """Whether any of the text was read by OCR."""
        return any(line.ocr for line in self.lines)

    @property
    def text(self) -> str:
        """The content lines joined, furniture left out (for tests and word counts)."""
        return "\n".join(line.text for line in self.lines if not line.furniture)


_DEFAULT = {setting.name: setting.default for setting in SETTINGS}


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """How much of one paper a reader takes on; each is a setting of site.yaml (docs/configuration.md).

    Papers come from strangers: a 1 MB file can stand for gigabytes (a
    decompression bomb) or nest ten thousand levels deep. A paper past a limit
    is refused whole, with an error naming the limit, never read in part.
    """

    pages: int = _DEFAULT["max_paper_pages"]
    """Pages of a PDF."""
    unpacked_mb: int = _DEFAULT["max_unpacked_mb"]
    """Megabytes a packed format (a Word document is a zip file) unpacks to."""
    nesting: int = _DEFAULT["max_nesting"]
    """Elements nested in elements (an HTML page's <div>s in <div>s)."""
    line_chars: int = _DEFAULT["max_line_chars"]
    """Characters in a line; a longer line is cut into lines of this length, with a warning."""

    @classmethod
    def of(cls, config: SiteConfig) -> ReadLimits:
        return cls(config.max_paper_pages, config.max_unpacked_mb, config.max_nesting, config.max_line_chars)


DEFAULT_LIMITS = ReadLimits()


def past_limit(shown_as: str, what: str, setting: str, limit: int | str, fix: str) -> Problem:
    """The error for a paper past a limit: `path: error: what (limit setting: N); fix`."""
    return Problem(shown_as, 0, f"{what} (limit {setting}: {limit}); {fix}", "error")


class Reader(Protocol):
    """One format: a name, a test on the first bytes, and a read."""

    # Read-only: a reader's class sets it.
    @property
    def name(self) -> str: ...

    def sniff(self, head: bytes) -> bool:
        """Whether a file starting with `head` (its first 64 KiB) is in this format."""
        ...

    def read(self, data: bytes, shown_as: str, limits: ReadLimits = DEFAULT_LIMITS) -> PaperText:
        """The paper's lines; never raises for bad input, reports it in `problems` (a paper past one
        of `limits` as an error naming the limit, and no lines)."""
        ...


class LineHints(TypedDict, total=False):
    """What a document format tells of a line beside its text (`SourceLine`'s fields)."""

    heading: int
    bold: bool
    furniture: str


class LineWriter:
    """Lines numbered in reading order, with one blank line before each paragraph (none between the
    rows of a table, nor after furniture): how the Word readers write a document's paragraphs."""

    def __init__(self) -> None:
        self.lines: list[SourceLine] = []

    def add(self, text: str, blank_before: bool = True, **hints: Unpack[LineHints]) -> None:
        if blank_before and self.lines and self.lines[-1].text and not self.lines[-1].furniture:
            self.lines.append(SourceLine(text="", number=len(self.lines) + 1))
        self.lines.append(SourceLine(text=text, number=len(self.lines) + 1, **hints))


def text_lines(text: str) -> tuple[SourceLine, ...]:
    """Lines of a text, numbered from 1."""
    raw = text.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    return tuple(SourceLine(text=line, number=n) for n, line in enumerate(raw, start=1))
