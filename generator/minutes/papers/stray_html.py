"""Stray HTML in exported papers, turned into plain text or Markdown.

Exporters leave HTML where the PDF had formatting: superscript ordinals ("16<sup>th</sup>"),
bold in table cells, and whole lists or nested tables inside a single table cell. Only the
tags below are treated as markup; anything else in angle brackets (an autolink such as
"<https://…>") is text and is left alone.
"""

from __future__ import annotations

import re

_TAGS = "p|b|i|u|em|strong|span|div|ul|ol|li|table|thead|tbody|tfoot|tr|td|th|h[1-6]|br|hr|sup|sub|font|a|img|caption|col|colgroup"
_TAG = re.compile(rf"</?(?:{_TAGS})\b[^<>]*/?>", re.IGNORECASE)
_SUP = re.compile(r"(?<!\s)\s*<sup>\s*+(.*?)\s*</sup>", re.IGNORECASE | re.DOTALL)
_HEADING = re.compile(r"^\s*<h([1-6])[^>]*>(.*?)</h\1>\s*", re.IGNORECASE)
_BREAKS = re.compile(r"(?<!\s)\s*(?:</(?:p|li|tr|td|th|h[1-6]|div)>|<br\s*/?>|<hr\s*/?>)\s*", re.IGNORECASE)
_BULLET_IN_CELL = re.compile(r"(^|;\s)[·•●○◦▪■\uf0b7\uf0a7]\s*")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&quot;": '"', "&#39;": "'"}


def _entities(text: str) -> str:
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text


def cell_text(cell: str) -> str:
    """One table cell as a single line of text: list items and paragraphs joined by "; "."""
    if "<" not in cell:
        return cell
    text = _SUP.sub(r"\1", cell)
    text = re.sub(
        r"<(b|strong)>\s*(.*?)\s*</\1>", lambda m: f"**{m.group(2)}**" if m.group(2) else "", text, flags=re.I
    )
    text = _BREAKS.sub("; ", text)
    text = _TAG.sub(" ", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(?<!\s)\s*;[\s;]*", "; ", text).strip().strip(";").strip()
    text = _BULLET_IN_CELL.sub(r"\1", text)
    return _entities(text)


def line_markdown(line: str) -> str:
    """A line outside a table as Markdown: <h1> becomes "#", <b> "**", <i> "*", other tags go."""
    text = _SUP.sub(r"\1", line)
    heading = _HEADING.match(text)
    if heading:
        text = (
            "#" * int(heading.group(1))
            + " "
            + heading.group(2).strip()
            + (" " + text[heading.end() :] if text[heading.end() :].strip() else "")
        )
    text = re.sub(
        r"<(b|strong)>\s*(.*?)\s*</\1>", lambda m: f"**{m.group(2)}**" if m.group(2) else "", text, flags=re.I
    )
    text = re.sub(r"<(i|em)>\s*(.*?)\s*</\1>", lambda m: f"*{m.group(2)}*" if m.group(2) else "", text, flags=re.I)
    text = _BREAKS.sub(" ", text)
    text = _TAG.sub(" ", text)
    indent = text[: len(text) - len(text.lstrip())]
    return _entities(indent + re.sub(r"[ \t]+", " ", text.strip()))


def strip_tags(text: str) -> str:
    """Text with the known tags removed (for comparing words, not for display)."""
    return _entities(_TAG.sub(" ", _SUP.sub(r"\1", text)))
