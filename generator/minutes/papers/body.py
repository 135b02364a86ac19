"""Write a document's cleaned lines as Markdown.

Extraction decides which lines become what (an item heading with its anchor, a resolution
as a numbered list entry); this module only writes: it copies every content line in
reading order, applies those replacements, turns runs of tab-separated lines into pipe
tables, and shifts headings below the document's own title.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from minutes.papers.clean import Line

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LIST_ENTRY = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")
"""A line that starts a list entry: it starts a paragraph of its own unless the line before is one too."""


def pipe_table(rows: Sequence[str]) -> list[str]:
    """Tab-separated rows as a Markdown pipe table; the first row is the header."""
    cells = [[_cell(c) for c in row.split("\t")] for row in rows]
    width = max(len(r) for r in cells)
    while width > 1 and all(len(r) < width or not r[width - 1] for r in cells):
        width -= 1
    padded = [
        (r + [""] * width)[:width] if len(r) <= width else r[: width - 1] + [" ".join(r[width - 1 :])] for r in cells
    ]
    out = ["| " + " | ".join(c or " " for c in padded[0]) + " |", "|" + "|".join(["---"] * width) + "|"]
    out += ["| " + " | ".join(c or " " for c in row) + " |" for row in padded[1:]]
    return out


def _cell(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.replace("\\", "\\\\").replace("|", "\\|")


def render(
    lines: Sequence[Line],
    start: int,
    end: int,
    replacements: Mapping[int, str] | None = None,
    *,
    min_heading: int = 2,
) -> str:
    """Markdown for `lines[start:end]`; `replacements` maps a line index to the Markdown to write instead.

    Headings keep their relative levels but none is above `min_heading`, so the document
    title (rendered by the site) stays the only top-level heading.
    """
    replacements = replacements or {}
    out = _Blocks(min_heading)
    for i in range(start, end):
        if i in replacements:
            out.replace(replacements[i])
        else:
            out.add(lines[i])
    return out.markdown()


@dataclass(slots=True)
class _Blocks:
    """The Markdown blocks written so far; the paragraph and the table being gathered stay open until a
    line of another kind closes them."""

    min_heading: int
    blocks: list[str] = field(default_factory=list)
    paragraph: list[str] = field(default_factory=list)
    table: list[str] = field(default_factory=list)
    table_break: bool = False
    """A blank line since the table's last row: the next tab-separated line starts a new table."""

    def close_paragraph(self) -> None:
        if self.paragraph:
            self.blocks.append("\n".join(self.paragraph))
            self.paragraph.clear()

    def close_table(self) -> None:
        if self.table:
            self.blocks.append("\n".join(pipe_table(self.table)))
            self.table.clear()

    def replace(self, markdown: str) -> None:
        """A line extraction rewrote (an item heading, a resolution): its Markdown as a block of its own."""
        self.close_paragraph()
        self.close_table()
        if markdown:
            self.blocks.append(markdown)

    def add(self, line: Line) -> None:
        """A line as the paper has it: a table row, a heading, a paragraph's line, or a break between them."""
        if line.artefact == "repeated table header":
            self.table_break = False
            return
        if not line.is_content:
            self.close_paragraph()
            self.table_break = True
            return
        text = line.text
        if "\t" in text:
            self.add_table_row(text)
            return
        self.table_break = False
        self.close_table()
        heading = _HEADING.match(text.strip())
        if heading:
            self.add_heading(heading)
            return
        if _LIST_ENTRY.match(text) and self.paragraph and not _LIST_ENTRY.match(self.paragraph[-1]):
            self.close_paragraph()
        self.paragraph.append(_guard(text))

    def add_table_row(self, text: str) -> None:
        self.close_paragraph()
        if self.table_break:
            self.close_table()
        self.table.append(text)
        self.table_break = False

    def add_heading(self, heading: re.Match[str]) -> None:
        """A heading shifted below the document's title, without bold markers wrapping all of it."""
        self.close_paragraph()
        level = max(self.min_heading + 1, min(6, len(heading.group(1)) + 1))
        title = heading.group(2).strip()
        if title.startswith("**") and title.endswith("**") and title.count("**") == 2:
            title = title[2:-2].strip()
        self.blocks.append("#" * level + " " + title)

    def markdown(self) -> str:
        self.close_paragraph()
        self.close_table()
        return "\n\n".join(b for b in self.blocks if b.strip()) + "\n"


def _guard(text: str) -> str:
    """Keep a text line from being read as Markdown it is not (a setext underline, a thematic break)."""
    stripped = text.strip()
    if re.fullmatch(r"[-=_*]{3,}", stripped):
        return "\\" + stripped
    return text
