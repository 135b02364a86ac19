"""Write a document's cleaned lines as Markdown.

Extraction decides which lines become what (an item heading with its anchor, a resolution
as a numbered list entry); this module only writes: it copies every content line in
reading order, applies those replacements, turns runs of tab-separated lines into pipe
tables, and shifts headings below the document's own title.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from minutes.papers.clean import Line

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


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
    blocks: list[str] = []
    paragraph: list[str] = []
    table: list[str] = []
    table_break = False

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append("\n".join(paragraph))
            paragraph.clear()

    def flush_table() -> None:
        if table:
            blocks.append("\n".join(pipe_table(table)))
            table.clear()

    for i in range(start, end):
        line = lines[i]
        if i in replacements:
            flush_paragraph()
            flush_table()
            if replacements[i]:
                blocks.append(replacements[i])
            continue
        if line.artefact == "repeated table header":
            table_break = False
            continue
        if not line.is_content:
            flush_paragraph()
            table_break = True
            continue
        text = line.text
        if "\t" in text:
            flush_paragraph()
            if table_break:
                flush_table()
            table.append(text)
            table_break = False
            continue
        table_break = False
        flush_table()
        heading = _HEADING.match(text.strip())
        if heading:
            flush_paragraph()
            level = max(min_heading + 1, min(6, len(heading.group(1)) + 1))
            title = heading.group(2).strip()
            if title.startswith("**") and title.endswith("**") and title.count("**") == 2:
                title = title[2:-2].strip()
            blocks.append("#" * level + " " + title)
            continue
        if (
            re.match(r"^\s*(?:[-*+]|\d{1,3}[.)])\s", text)
            and paragraph
            and not re.match(r"^\s*(?:[-*+]|\d{1,3}[.)])\s", paragraph[-1])
        ):
            flush_paragraph()
        paragraph.append(_guard(text))
    flush_paragraph()
    flush_table()
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


def _guard(text: str) -> str:
    """Keep a text line from being read as Markdown it is not (a setext underline, a thematic break)."""
    stripped = text.strip()
    if re.fullmatch(r"[-=_*]{3,}", stripped):
        return "\\" + stripped
    return text
