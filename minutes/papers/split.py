"""Split a cleaned pack into the documents it holds.

A pack is several documents printed one after another: the agenda front sheet, the minutes
of the previous meeting, officer reports with appendices, sometimes minutes of other
bodies. Each `START_RULES` entry recognises the first line of one kind of document. What
no rule recognises stays with the document before it (an appendix stays with its report);
a paper where nothing is recognised is one `document`.

Splitting by title (a heading that names a later agenda item) needs the agenda, so it
lives in `split_at_titles`, run once the agenda is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from .clean import Line
from .dates import parse_date
from .names import plain

AGENDA = "agenda"
MINUTES = "minutes"
WEB_MINUTES = "web-minutes"
REPORT = "report"
DOCUMENT = "document"


@dataclass(frozen=True, slots=True)
class Span:
    """A run of lines that forms one document: `lines[start:end]`."""

    kind: str
    start: int
    end: int
    reason: str
    """What recognised the first line, for `explain`."""


_PRESENT = re.compile(r"^(?:present\s*:|in attendance\s*:?\s*$)", re.IGNORECASE)
_REPORT_TO = re.compile(r"^rotherham\s+(?:metropolitan\s+)?borough\s+council\s*[-–]\s*report\s+to\b", re.IGNORECASE)


def _is_heading_like(line: Line) -> bool:
    text = line.text.strip()
    p = plain(text)
    if not p or "\t" in text or p.startswith(("-", "(")) or re.match(r"^(?:[-*+]|\d+[.)])\s", text):
        return False
    if text.startswith("#") or (text.startswith("**") and text.endswith("**")):
        return True
    if p.lower() == "minutes" or parse_date(p):
        return len(p.split()) <= 30
    letters = [c for c in p if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters) and len(p.split()) <= 20


def agenda_start(lines: Sequence[Line], i: int) -> str:
    """The first lines of a paper that hold "AGENDA" (or "A G E N D A") within the front sheet."""
    if i != _first_content(lines):
        return ""
    seen = 0
    for line in lines[i:]:
        if not line.is_content:
            continue
        seen += 1
        if seen > 40:
            break
        compact = re.sub(r"[\s*#]", "", line.text).upper()
        if compact == "AGENDA":
            return "agenda front sheet"
        if compact == "AGENDAANDMINUTES":
            return ""
    return ""


def web_minutes_start(lines: Sequence[Line], i: int) -> str:
    """A ModernGov "Agenda and minutes" page: its first line says so."""
    if i == _first_content(lines) and plain(lines[i].text).lower() == "agenda and minutes":
        return "ModernGov agenda and minutes page"
    return ""


def report_start(lines: Sequence[Line], i: int) -> str:
    """An officer report's cover: "Summary Sheet", "… REPORT TO MEMBERS", or a "BRIEFING" table."""
    text = lines[i].text.strip()
    p = plain(text)
    if p.lower() == "summary sheet":
        return "report summary sheet"
    if _REPORT_TO.match(p) and len(p.split()) <= 12:
        return "report to members"
    first_cell = plain(text.split("\t")[0]).upper()
    if first_cell == "BRIEFING" or (first_cell.startswith("BRIEFING") and "TO:" in text.upper()):
        return "briefing"
    return ""


START_RULES: tuple[tuple[str, Callable[[Sequence[Line], int], str]], ...] = (
    (AGENDA, agenda_start),
    (WEB_MINUTES, web_minutes_start),
    (REPORT, report_start),
)
"""Per document kind, the rule that recognises its first line."""


def _first_content(lines: Sequence[Line]) -> int:
    return next((i for i, line in enumerate(lines) if line.is_content), -1)


def _minutes_starts(lines: Sequence[Line]) -> list[tuple[int, str]]:
    """Minutes open with a heading naming the body and date, then "Present:-" or "In attendance";
    the document starts at the heading, found by walking back over heading-like lines."""
    starts = []
    for i, line in enumerate(lines):
        if not line.is_content or not _PRESENT.match(plain(line.text)):
            continue
        first, seen = None, 0
        j = i - 1
        while j >= 0 and seen < 6:
            candidate = lines[j]
            if candidate.artefact or not candidate.is_content:
                j -= 1
                continue
            if not _is_heading_like(candidate):
                break
            first, seen = j, seen + 1
            j -= 1
        if first is None:
            continue
        heading = " ".join(plain(lines[k].text) for k in range(first, i) if lines[k].is_content)
        if parse_date(heading) or re.search(r"\bminutes\b", heading, re.I):
            starts.append((first, "minutes heading followed by Present/In attendance"))
    return starts


def split_pack(lines: Sequence[Line]) -> list[Span]:
    """Documents in the order they appear; together they cover every line."""
    starts: dict[int, tuple[str, str]] = {}
    for i in range(len(lines)):
        if not lines[i].is_content:
            continue
        for kind, rule in START_RULES:
            reason = rule(lines, i)
            if reason:
                starts.setdefault(i, (kind, reason))
                break
    for i, reason in _minutes_starts(lines):
        starts.setdefault(i, (MINUTES, reason))
    first = _first_content(lines)
    if first < 0:
        return [Span(DOCUMENT, 0, len(lines), "no text")]
    if first not in starts:
        starts[first] = (DOCUMENT, "text before any recognised document")
    ordered = sorted(starts.items())
    spans = []
    for n, (index, (kind, reason)) in enumerate(ordered):
        end = ordered[n + 1][0] if n + 1 < len(ordered) else len(lines)
        spans.append(Span(kind, 0 if n == 0 else index, end, reason))
    return spans


def is_title_line(lines: Sequence[Line], i: int) -> bool:
    """A line that could open a document: a heading, bold or capitals, or a short line on its own."""
    line = lines[i]
    if not line.is_content or "\t" in line.text:
        return False
    if _is_heading_like(line):
        return True
    p = plain(line.text)
    standalone = all(
        not lines[k].is_content or lines[k].artefact for k in (i - 1, i + 1) if 0 <= k < len(lines)
    )
    return standalone and len(p.split()) <= 12 and not re.search(r"[.;,]$", p) and not line.text.lstrip().startswith("-")
