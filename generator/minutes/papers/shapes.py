"""What a line looks like, whatever the format it came from.

Rules that recognise structure (a document's title, an item's heading, an attendance
list) weigh how a line is set: a Markdown heading, a whole-line bold phrase, capitals, a
list entry, a quotation, a short line standing alone. `shape` reads those once, from the
line's Markdown and from the hints its reader gave (a PDF's bold or large text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from minutes.papers.clean import Line
from minutes.papers.memo import remembered

_HEADING = re.compile(r"^\s*(#{1,6})\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_BULLET = re.compile(r"^\s*[-*+]\s+")


@dataclass(frozen=True, slots=True)
class Shape:
    """How one line is set."""

    text: str
    """The words without Markdown decoration (heading marks, bold, quote marks, a bullet)."""
    heading: int = 0
    """Markdown heading level, or the reader's heading hint; 0 when not a heading."""
    bold: bool = False
    """The whole line is bold."""
    quote: bool = False
    bullet: bool = False
    """A "- " list entry (numbered list entries keep their number in `text`)."""
    caps: bool = False
    """Its letters are (nearly) all capitals, and there are enough of them to tell."""
    indent: int = 0
    table: bool = False
    """A row of table cells."""

    @property
    def strong(self) -> bool:
        """Set apart from body text: a heading, bold or capitals."""
        return bool(self.heading or self.bold or self.caps)

    @property
    def words(self) -> int:
        return len(self.text.split())


@remembered
def unmark(text: str) -> str:
    """Text without inline Markdown: bold and italic marks, link syntax, escapes."""
    # each pattern is tried only where its mark is in the text (most lines have none of them)
    if "[" in text:
        text = re.sub(r"\[([^\]]*)\]\((?:<[^>]*>|[^)]*)\)", r"\1", text)
    text = text.replace("**", "").replace("__", "")
    if "*" in text:
        text = re.sub(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", text)
    if "\\" in text:
        text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", text)
    return " ".join(text.split())  # as re.sub(r"\s+", " ", text).strip(): both split at str.isspace


def is_caps(text: str) -> bool:
    # filter and map over str methods: the loop runs in C (this is asked of every line)
    letters = "".join(filter(str.isalpha, text))
    return len(letters) >= 4 and sum(map(str.isupper, letters)) / len(letters) >= 0.85


def shape(line: Line) -> Shape:
    raw = line.text
    if not raw.strip():
        return Shape(text="")
    table = "\t" in raw
    indent = len(raw) - len(raw.lstrip(" "))
    text = raw.strip()
    quote = bool(_QUOTE.match(text))
    text = _QUOTE.sub("", text)
    heading = 0
    match = _HEADING.match(text)
    if match:
        heading = len(match.group(1))
        text = text[match.end() :]
    bullet = bool(_BULLET.match(text))
    if bullet:
        text = _BULLET.sub("", text, count=1)
    stripped = text.strip()
    bold = (
        stripped.startswith("**")
        and stripped.endswith("**")
        and len(stripped) > 4
        and "**" not in stripped[2:-2].replace("** **", "").replace("****", "")
    ) or (
        stripped.startswith("**") and stripped.endswith("**") and stripped.count("**") % 2 == 0 and _all_bold(stripped)
    )
    hint = line.hint
    if hint is not None:
        heading = heading or hint.heading
        bold = bold or hint.bold
    words = unmark(text)
    return Shape(
        text=words,
        heading=heading,
        bold=bold,
        quote=quote,
        bullet=bullet,
        caps=is_caps(words),
        indent=indent,
        table=table,
    )


def _all_bold(text: str) -> bool:
    """ "**1.** **Title**": every word of the line sits inside bold marks."""
    outside = re.sub(r"\*\*[^*]*\*\*", "", text)
    return not outside.strip()


def shapes(lines: Sequence[Line]) -> list[Shape]:
    return [shape(line) for line in lines]


def row_cells(text: str) -> list[str]:
    """A table row's cells: tab-separated (PDF, HTML, Word), or between pipes ("| 1 | Apologies |",
    "1 | Apologies |" as some web pages print them); [] for a line that is not a row."""
    if "\t" in text:
        return [c.strip() for c in text.split("\t")]
    if text.count("|") >= 2 and text.rstrip().endswith("|"):
        return [c.strip() for c in text.strip().strip("|").split("|")]
    if re.match(r"^\|?\s*[\w.()]{1,8}\s+\|\s+\S", text):
        return [c.strip() for c in text.strip().strip("|").split("|")]  # a row whose last cell runs onto the next line
    return []
