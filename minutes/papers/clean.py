"""Clean the export artefacts out of a paper, line by line, without losing its words.

A paper is text exported from a PDF pack or a web page. The export leaves artefacts: page
markers, running headers repeated on every page, stray HTML, bullet glyphs, unbalanced bold
markers, file-size noise from web pages, and paragraphs broken where a page ended. Each rule
below recognises one kind of artefact. `RULES` runs them in order, the way markdown-it's
core runs its rules; every rule takes and returns the whole list of lines, so a rule can
look at its neighbours.

A line a rule drops keeps its place with `artefact` naming why, so `explain` can list it
and tests can check that nothing else went missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from . import html
from .readers import PaperText, SourceLine, read_paper


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a paper on its way through the cleaning rules."""

    number: int
    """1-based line number in the paper."""
    source: str
    """The line as the paper has it."""
    text: str
    """The cleaned Markdown text; empty for blank lines, artefacts and lines joined to another."""
    artefact: str = ""
    """Name of the export artefact this line is, empty for content."""
    removed: tuple[str, ...] = ()
    """Inline artefacts a rule cut out of this line (e.g. a web page's "pdf icon PDF 77 KB")."""
    page: int = 0
    """Pack page the line is on, when page markers say; 0 if unknown."""
    joined_to: int = 0
    """Line number of the line this one continues (a paragraph broken across a page)."""
    hint: SourceLine | None = None
    """What the paper's reader knew about the line (page, size, bold, OCR)."""

    @property
    def is_content(self) -> bool:
        return bool(self.text.strip())


Rule = Callable[[list[Line]], list[Line]]

_PAGE_MARKER = re.compile(r"^\s*(?:#{1,6}\s*)?(?:\*\*)?\s*Page\s+(\d{1,4})\s*(?:\*\*)?\s*$", re.IGNORECASE)
_RUNNING_HEADER = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\*\*)?\s*(?:\d{1,4}\s+)?(?:\*\*)?\s*"
    r"(?P<name>[A-Z][A-Z ,&'’()]{3,}?)\s*[-–]\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})?\s*(?:\*\*)?\s*$"
)
_TABLE_RULE = re.compile(r"^[\s\-|:]*--[\s\-|:]*$")
_FILE_SIZE = re.compile(r"\s*pdf icon PDF \d+(?:\.\d+)? ?[KMG]B\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[·•●○◦▪■\uf0b7\uf0a7\uf0d8\uf076\u2023\u2043]\s*")
_TERMINAL = re.compile(r"[.!?:;]['’\")\]*]*$")
_BLOCK_START = re.compile(r"^\s*(?:#|[-*+]\s|\d+[.)]\s|\(\w{1,3}\)|\||>)")


def read_lines(paper: PaperText) -> list[Line]:
    """The paper as numbered lines, each still holding its source text; lines the reader
    judged page furniture arrive as artefacts."""
    return [
        Line(
            number=s.number,
            source=s.text,
            text="" if s.furniture else s.text,
            artefact=s.furniture,
            page=s.printed_page,
            hint=s,
        )
        for s in paper.lines
    ]


def blank_lines(lines: list[Line]) -> list[Line]:
    """Lines of only spaces or no-break spaces are blank; other lines lose trailing spaces."""
    out = []
    for line in lines:
        text = line.text.replace("\u00a0", " ").replace("\u200b", "")
        hard_break = text.endswith("  ") and text.strip()
        text = text.rstrip()
        out.append(replace(line, text=text + ("  " if hard_break else "") if text.strip() else ""))
    return out


def page_markers(lines: list[Line]) -> list[Line]:
    """"## Page 6" or "Page 175" on a line of its own: where a pack page starts.

    The number is kept on every following line (`page`) so a document can be tied to the
    agenda item whose page range it falls in.
    """
    out, page = [], 0
    for line in lines:
        match = _PAGE_MARKER.match(line.text)
        if match:
            page = int(match.group(1))
            out.append(replace(line, text="", artefact="page marker", page=page))
        else:
            # A paged reader may already know the printed page; a marker in the text says it otherwise.
            out.append(replace(line, page=line.page or page))
    return out


def running_headers(lines: list[Line]) -> list[Line]:
    """A committee name in capitals ending in a dash, with or without a page number or short date.

    PDF packs of minutes repeat "COMMUNITIES AND COHESION - 18/11/13" or
    "6 IMPROVING LIVES SELECT COMMISSION -" at the top of each page.
    """
    return [
        replace(line, text="", artefact="running header") if _RUNNING_HEADER.match(line.text) else line
        for line in lines
    ]


def table_rules(lines: list[Line]) -> list[Line]:
    """Rows of dashes between tab-separated cells ("-----\\t---"): the exporter's table borders."""
    return [
        replace(line, text="", artefact="table rule")
        if line.text and _TABLE_RULE.match(line.text) and ("\t" in line.text or "|" in line.text)
        else line
        for line in lines
    ]


def web_page_noise(lines: list[Line]) -> list[Line]:
    """ModernGov page furniture: "pdf icon PDF 77 KB" after a title, "Additional documents:",
    and the "Items" / "No. Item" header of the items table."""
    is_web_page = any(_FILE_SIZE.search(line.text) for line in lines) or any(
        line.text.strip().lower() == "agenda and minutes" for line in lines[:5]
    )
    if not is_web_page:
        return lines
    out = []
    for line in lines:
        stripped = line.text.strip()
        if stripped in ("Additional documents:", "Items", "No. Item"):
            out.append(replace(line, text="", artefact="web page furniture"))
            continue
        found = _FILE_SIZE.findall(line.text)
        if found:
            out.append(replace(line, text=_FILE_SIZE.sub("", line.text), removed=line.removed + tuple(f.strip() for f in found)))
        else:
            out.append(line)
    return out


def stray_html(lines: list[Line]) -> list[Line]:
    """HTML left by the exporter: <sup>th</sup> becomes "th", <b> bold, <h1> a heading;
    lists and paragraphs inside table cells become text joined by "; "."""
    out = []
    for line in lines:
        if "<" not in line.text:
            out.append(line)
            continue
        if "\t" in line.text:
            text = "\t".join(html.cell_text(cell) for cell in line.text.split("\t"))
        else:
            text = html.line_markdown(line.text)
        out.append(replace(line, text=text.rstrip()))
    return out


def bullet_glyphs(lines: list[Line]) -> list[Line]:
    """Bullets drawn as characters ("·", "•", the Symbol-font "\\uf0b7") become Markdown list items;
    a list item indented by one space (" - a well-trained…") is nested under the one before."""
    out = []
    for line in lines:
        text = line.text
        if _BULLET.match(text) and "\t" not in text:
            rest = _BULLET.sub("", text, count=1)
            text = "- " + rest if rest else ""
        elif re.match(r"^ [-*] ", text):
            text = "  " + text[1:]
        out.append(replace(line, text=text))
    return out


def stray_bold(lines: list[Line]) -> list[Line]:
    """A line with an odd number of "**" has lost half a bold pair in the export; drop its markers
    ("- Venue:-** Microsoft Teams" becomes "- Venue:- Microsoft Teams")."""
    return [
        replace(line, text=line.text.replace("**", "")) if line.text.count("**") % 2 else line for line in lines
    ]


def repeated_table_headers(lines: list[Line]) -> list[Line]:
    """A table's header row printed again at the top of the next page ("ACTION\tDELIVERY
    MILESTONES\t…" fifty times over): the repeat is dropped and the table runs on."""
    out = list(lines)
    header = ""
    last_was_table = False
    for i, line in enumerate(out):
        if line.artefact or not line.is_content:
            continue
        if "\t" not in line.text:
            header, last_was_table = "", False
            continue
        if not last_was_table or not header:
            header = line.text.strip()
        elif line.text.strip() == header and out[i - 1].text.strip() != header:
            if not out[i - 1].is_content or out[i - 1].artefact:
                out[i] = replace(line, text="", artefact="repeated table header")
        last_was_table = True
    return out


def broken_paragraphs(lines: list[Line]) -> list[Line]:
    """A paragraph the page ended in the middle of: the next paragraph starts in lower case, or
    a page marker or running header sits between two long lines and the first has no full stop.
    The continuation is joined onto the first line so the sentence reads whole."""
    out = list(lines)
    previous = -1  # index of the last content line
    artefact_between = False
    for i, line in enumerate(out):
        if line.artefact:
            artefact_between = True
            continue
        if not line.is_content:
            continue
        if previous >= 0 and _continues(out[previous].text, line.text, artefact_between):
            head = out[previous]
            out[previous] = replace(head, text=head.text.rstrip() + " " + line.text.strip())
            out[i] = replace(line, text="", joined_to=head.number)
        else:
            previous = i
        artefact_between = False
    return out


def _continues(before: str, after: str, artefact_between: bool) -> bool:
    if "\t" in before or "\t" in after or before.lstrip().startswith("#") or _BLOCK_START.match(after):
        return False
    if before.endswith("  ") or _TERMINAL.search(before.rstrip()) or before.rstrip().endswith("**"):
        return False
    first = after.lstrip()[:1]
    if first.islower():
        return True
    return artefact_between and first.isalpha() and len(before.split()) >= 6 and len(after.split()) >= 6


RULES: tuple[Rule, ...] = (
    blank_lines,
    page_markers,
    running_headers,
    table_rules,
    web_page_noise,
    stray_html,
    bullet_glyphs,
    stray_bold,
    repeated_table_headers,
    broken_paragraphs,
)
"""The cleaning rules in the order they run; later rules see earlier rules' output."""


def clean_lines(paper: PaperText | str, rules: tuple[Rule, ...] = RULES) -> list[Line]:
    """Run every rule over the paper's lines (a text is read as a text paper would be)."""
    if isinstance(paper, str):
        paper = read_paper(paper.encode("utf-8"), "paper.txt")
    lines = read_lines(paper)
    for rule in rules:
        lines = rule(lines)
    return lines
