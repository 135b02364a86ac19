"""Split a cleaned paper into the documents it holds.

A pack is several documents printed one after another: an agenda front sheet (or a
covering letter), the minutes of the previous meeting, officer reports with appendices,
sometimes minutes of other bodies. A paper may also be one set of minutes with a web
page's title above it, or the same minutes twice (a flattened copy, then the text).

Where a document starts is a matter of evidence. Each line that could open one is
scored by small rules (`START_SIGNALS`): a heading naming minutes, a title naming a body
with a date beside it, an attendance list just below, the top of a printed page, a
report's cover sheet. A line scoring `START_THRESHOLD` or more opens a document; a
"document" before it with nothing in it (a page title, a stamp) is not one, and joins
the document it heads. What no rule opens stays with the document before it (an
appendix stays with its report); a paper where nothing is recognised is one document.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from minutes.papers.attendance import label_of
from minutes.papers.clean import Line
from minutes.papers.cover import opens_cover, read_cover, starts_report
from minutes.papers.dates import find_dates
from minutes.papers.header import AGENDA_WORDS, BODY_WORD
from minutes.papers.names import plain
from minutes.papers.shapes import Shape
from minutes.papers.shapes import shapes as line_shapes

AGENDA = "agenda"
MINUTES = "minutes"
MEETING = "meeting"
"""A meeting's paper whose kind (agenda or minutes) its content decides."""
WEB_MINUTES = "web-minutes"
REPORT = "report"
DOCUMENT = "document"

START_THRESHOLD = 4.0
PREAMBLE_LINES = 8
"""A 'document' of fewer content lines than this, with no items, heads the next one."""


@dataclass(frozen=True, slots=True)
class Span:
    """A run of lines that forms one document: `lines[start:end]`."""

    kind: str
    start: int
    end: int
    reason: str
    """What recognised the first line, for `explain`."""


_REPORT_TO = re.compile(r"^[\w\s]{0,60}?(?:council|authority)\s*[-–]\s*report\s+to\b", re.IGNORECASE)
_MINUTES_HEADING = re.compile(
    r"\b(?:minutes?\s+of\b|minutes\b|minute\s+of\s+the\b|record\s+of\s+(?:the\s+)?(?:meeting|proceedings|decisions)\b|"
    r"notes\s+of\s+(?:the\s+)?meeting\b|proceedings\s+at\b|decision\s+notice\b)",
    re.IGNORECASE,
)
_NOT_A_HEADING = re.compile(
    r"^(?:(?:resolution|motion)\s*(?:no\.?\s*|#\s*)[\w/.-]{1,16}\s*[-–—:]?\s*)?(?:minutes?\s*:|minutes\s+(?:approval|signature|sign-?off)\b|to\s+(?:approve|confirm|receive|adopt|note)\b|the\s+minutes\b"
    r"|(?:approv|adopt|confirm|correct|read)\w*\s+(?:of\s+)?(?:the\s+)?minutes\b"
    r"|(?:be\s+it\s+)?resolved\b|that\s|moved\b|motion\b|it\s+was\s+(?:moved|resolved|agreed)\b"
    r"|minutes\s+(?:were\s+|was\s+)?(?:approved|adopted|confirmed)\s+(?:by|on|at)\b)",
    re.IGNORECASE,
)
"""Business about minutes ("APPROVAL OF MINUTES September 13, 2023"), a resolution or motion on them ("THAT the
minutes of the March 25, 2025 Council meeting be adopted", "RESOLVED to approve the minutes of …") or a form to
sign them ("Minutes Approval Signature Form"), or when they were approved ("Minutes approved by the City Commission on
July 23, 2024."), not a heading that opens them."""
_LETTERED = re.compile(r"^[A-Z][.)]\s+\S")
"""An item lettered in capitals ("B. Draft Minutes of the Board meeting of May 5, 2025. Approved.")."""
_BULLET = re.compile(r"^[•·▪‣◦●]\s")
_DURATION = re.compile(r"\b\d+\s+minutes\b", re.IGNORECASE)
"""'3 MINUTES TO SPEAK': a length of time, not the paper's kind."""


def _first_content(lines: Sequence[Line]) -> int:
    return next((i for i, line in enumerate(lines) if line.is_content), -1)


def _next_content(lines: Sequence[Line], i: int, count: int) -> list[int]:
    out: list[int] = []
    k = i + 1
    while k < len(lines) and len(out) < count:
        if lines[k].is_content and not lines[k].artefact:
            out.append(k)
        k += 1
    return out


def _headingish(shape: Shape) -> bool:
    if not shape.text or shape.table or shape.bullet:
        return False
    words = len(shape.text.split())
    return (bool(shape.heading or shape.bold or shape.caps) and words <= 30) or words <= 14


# --- start rules: (kind, weight, reason) or None -----------------------------------------------------

Signal = Callable[[Sequence[Line], Sequence[Shape], int], "tuple[str, float, str] | None"]


def _item_title(lines: Sequence[Line], shapes_: Sequence[Shape], i: int) -> bool:
    """An item's heading, not a document's: it is numbered, or sits under a number printed alone."""
    from minutes.papers.headings import read_number

    if read_number(shapes_[i].text) or _LETTERED.match(shapes_[i].text):
        return True
    k = i - 1
    while k >= 0 and (not lines[k].is_content or lines[k].artefact):
        k -= 1
    # "22." or "77/21" alone above it; a bare "102" is more likely a page number.
    return k >= 0 and bool(re.fullmatch(r"[A-Za-z]{0,5}/?\d{1,4}(?:/\d{2,4}[.)]?|[.)])", shapes_[k].text))


def minutes_heading(lines: Sequence[Line], shapes_: Sequence[Shape], i: int) -> tuple[str, float, str] | None:
    """A heading naming minutes ("MINUTES OF Far North District Council", "Minutes of the Meeting of …")."""
    text = shapes_[i].text
    if not _headingish(shapes_[i]) or _NOT_A_HEADING.match(text) or _item_title(lines, shapes_, i):
        return None
    if re.search(r"\b(?:previous|last|earlier)\s+meeting\b", text, re.IGNORECASE):
        return None
    window = " ".join([text] + [shapes_[k].text for k in _next_content(lines, i, 2)])
    if _MINUTES_HEADING.search(_DURATION.sub("", text)) and (BODY_WORD.search(window) or find_dates(window, 2000)):
        return MINUTES, 3.0, "a heading naming minutes"
    return None


_SIGNATURE_LINE = re.compile(r"(?i)^\W*signed\b|…{3}|\.{5}|_{5}")
"""A line to sign on: "Signed …………… Chairman", "Date: ........", "____________"."""


def body_and_date(lines: Sequence[Line], shapes_: Sequence[Shape], i: int) -> tuple[str, float, str] | None:
    """A title naming a body, with the meeting's date on it or just below ("PLANNING COMMITTEE" / "Wednesday, 25 March 2015")."""
    shape = shapes_[i]
    if not _headingish(shape) or not BODY_WORD.search(shape.text) or len(shape.text.split()) > 20:
        return None
    if _NOT_A_HEADING.match(shape.text):
        return None
    if _item_title(lines, shapes_, i) or re.search(r"\b(?:previous|last)\s+meeting\b", shape.text, re.IGNORECASE):
        return None
    if re.search(r"\b(?:you|will|requested|enclose|dear)\b", shape.text, re.IGNORECASE):
        return None
    if _SIGNATURE_LINE.search(shape.text):
        return None  # "Signed ……… Town Mayor Date ………": where the minutes before are signed, not a title
    window = [shape.text] + [shapes_[k].text for k in _next_content(lines, i, 2)]
    if any(find_dates(t) for t in window):
        return MEETING, 2.0, "a title naming a body, with a date"
    return None


def attendance_follows(lines: Sequence[Line], shapes_: Sequence[Shape], i: int) -> tuple[str, float, str] | None:
    """An attendance list ("Present:", "MEMBERS PRESENT:") within the next few lines."""
    if not _headingish(shapes_[i]) or label_of(shapes_[i].text):
        return None
    for k in _next_content(lines, i, 8):
        labelled = label_of(shapes_[k].text)
        if labelled and labelled[0] in ("present", "members", "chair", "in_attendance"):
            return MINUTES, 2.5, "an attendance list follows"
        if _numbered(shapes_[k].text):
            return None  # items come first: the list belongs to a later document's title
    return None


def _numbered(text: str) -> bool:
    from minutes.papers.headings import read_number

    found = read_number(text)
    if found is None or not found[2] or any(f.start == 0 for f in find_dates(text, 2000)):
        return False  # a bare "1", or "26 November 2014"
    return True  # "1. Apologies"


def page_top(lines: Sequence[Line], shapes_: Sequence[Shape], i: int) -> tuple[str, float, str] | None:
    """The first line of a printed page: documents in a pack start on a new page."""
    k = i - 1
    while k >= 0 and not lines[k].is_content and not lines[k].artefact:
        k -= 1
    if k < 0:
        return None
    above, here = lines[k].hint, lines[i].hint
    if lines[k].artefact in (
        "page marker",
        "page break",
        "page number",
        "running header",
        "agenda item stamp",
        "blank page",
    ) or (above is not None and here is not None and above.page and above.page != here.page):
        return "", 1.0, "the top of a page"
    return None


_ANOTHER_MEETING = re.compile(
    r"\b(?:followed\s+by|after\s+which|then|and\s+(?:of\s+)?)?\s*(?:the\s+|an?\s+)?(?:[A-Z][\w'’&-]*\s+){0,6}"
    r"(?:meeting|AGM)\b(?:\s+of\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,5})?[^.]{0,40}?\b(?:on|at)\b",
    re.IGNORECASE,
)


_MEETING_WORD = re.compile(r"meeting|agm", re.IGNORECASE)
"""What `_ANOTHER_MEETING` needs somewhere in a line: a line without it is not searched (the pattern tries
every word of a line, and almost every line is without it)."""

_CAPITALS_OPENING = re.compile(r"^(?:[A-Z][A-Z'’&-]+\s+){2,}(?:OF|THE|[A-Z][A-Z'’&-]+)\b")
"""A heading in capitals with the words after it joined on ("ANNUAL MEETING OF THE PARISH COUNCIL to be held on …")."""
_FOLLOWED = re.compile(
    r"^\W*(?:(?:to\s+be\s+)?followed\s+by|after\s+which|and\s+then|then|at\s+the\s+(?:close|conclusion)\s+of)\b",
    re.IGNORECASE,
)


def another_meeting(lines: Sequence[Line], shapes_: Sequence[Shape], i: int) -> tuple[str, float, str] | None:
    """A second meeting's agenda on the same page, after the first one's items ("followed by the Annual
    Meeting of the Parish Council on Tuesday 14th March 2017 at 7.45pm" / "AGENDA" / "1. …")."""
    text = shapes_[i].text
    if (
        not _MEETING_WORD.search(text)
        or not _ANOTHER_MEETING.search(text)
        or not find_dates(text, 2000)
        or re.search(
            r"\b(?:next|previous|last|were|was|been|(?<!\bbe\s)held|approved|confirmed|signed|from|actions?)\b",
            text,
            re.IGNORECASE,
        )
    ):
        return None
    if _numbered(text) or re.match(r"^\(?[a-z0-9]{1,3}[.)]", text):
        return None  # an item that names a meeting, not a meeting's own heading
    if not (_FOLLOWED.match(text) or _headingish(shapes_[i]) or _CAPITALS_OPENING.match(text)):
        return None  # a sentence inside an item that mentions a meeting
    before = [k for k in range(max(0, i - 12), i) if lines[k].is_content and not lines[k].artefact]
    if sum(1 for k in before if _numbered(shapes_[k].text)) < 2:
        return None  # the paper's own opening, not a second meeting after items
    after = _next_content(lines, i, 3)
    if any(re.fullmatch(r"(?i)agenda\W*", shapes_[k].text.strip()) or _numbered(shapes_[k].text) for k in after):
        return MEETING, 4.0, "another meeting's agenda after the first one's items"
    return None


START_SIGNALS: tuple[tuple[str, Signal], ...] = (
    ("minutes heading", minutes_heading),
    ("body and date", body_and_date),
    ("attendance follows", attendance_follows),
    ("page top", page_top),
    ("another meeting", another_meeting),
)
"""Weak signals that a line opens a meeting document; their weights add up."""


def agenda_start(lines: Sequence[Line], i: int) -> str:
    """The first lines of a paper that hold "AGENDA" (or "A G E N D A") within the front sheet."""
    if i != _first_content(lines):
        return ""
    if re.match(
        r"^[\s*#>]*(?:(?:summary|draft|approved|unapproved)\s+)?(?:of\s+)?(?:the\s+)?minutes\b",
        lines[i].text,
        re.IGNORECASE,
    ):
        return ""  # "SUMMARY OF THE MINUTES" / … / "AGENDA": the minutes' own item about the agenda
    seen = 0
    for line in lines[i:]:
        if not line.is_content:
            continue
        seen += 1
        if seen > 40:
            break
        compact = re.sub(r"[\s*#>]", "", line.text).upper()
        if compact in ("AGENDA", "SUPPLEMENTARYAGENDA"):
            return "agenda front sheet"
        if compact.startswith(("AGENDAANDMINUTES", "AGENDA,DECISIONSANDMINUTES")):
            return ""
    return ""


def web_minutes_start(lines: Sequence[Line], i: int) -> str:
    """A ModernGov "Agenda and minutes" page: its first lines say so."""
    if i != _first_content(lines):
        return ""
    for line in lines[i : i + 12]:
        if plain(line.text).lower() in (
            "agenda and minutes",
            "agenda, decisions and minutes",
            "agenda, decisions and draft minutes",
            "agenda and decisions",
            "issue - meetings",
            "issue - decisions",
            "decision details",
            "decisions published",
        ):
            return "ModernGov agenda and minutes page"
    return ""


_REPORT_OF_OFFICER = re.compile(
    r"(?i)\breport\s+(?:of|by)\s+(?:the\s+)?(?:head|director|chief|corporate|strategic|assistant|executive|service|"
    r"planning|development|monitoring|section\s+151)\b"
)
"""An officer's report named by its author's office: "REPORT OF THE HEAD OF PLANNING"."""


def _set_as_title(text: str, p: str) -> bool:
    """A line set as a title, in bold or capitals, with no number and not the minutes'."""
    from minutes.papers.headings import read_number

    titled = text.startswith(("**", "#")) or p.upper() == p
    return titled and not read_number(p) and re.search(r"(?i)\bminutes\b", p) is None


def report_start(lines: Sequence[Line], i: int) -> str:
    """An officer report's cover: "Summary Sheet", "… REPORT TO MEMBERS", a "BRIEFING" table, or the
    heading fields of a report at the top of a paper ("From: …", "To: Cabinet", "Subject: …")."""
    if i == _first_content(lines):
        reason = starts_report(lines, i)
        if reason:
            return reason
        firsts = [line.text.strip() for line in lines[i : i + 40] if line.is_content and not line.artefact][:15]
        title = plain(firsts[0]) if firsts else ""
        if (
            re.search(r"\breport\b", title, re.IGNORECASE)
            and not re.search(r"\b(?:minutes|agenda)\b", title, re.IGNORECASE)
            and any(re.match(r"^(?i:to|report\s+to)\s+(?:the\s+)?[A-Z]", plain(t)) for t in firsts[1:12])
        ):
            return "a report's title, and the body it goes to"  # "Finance Monitoring Report" … "To Cabinet – 30 January 2025"
    elif reason := opens_cover(lines, i):
        return reason
    text = lines[i].text.strip()
    p = plain(text)
    if p.lower() == "summary sheet":
        return "report summary sheet"
    if _REPORT_TO.match(p) and len(p.split()) <= 12:
        return "report to members"
    if _REPORT_OF_OFFICER.search(p) and len(p.split()) <= 20 and _top_of_page(lines, i) and _set_as_title(text, p):
        return "an officer's report at the top of a page"  # "… PLANNING COMMITTEE – 13 NOVEMBER 2024 REPORT OF THE HEAD OF PLANNING"
    first_cell = plain(text.split("\t")[0]).upper()
    if first_cell == "BRIEFING" or (first_cell.startswith("BRIEFING") and "TO:" in text.upper()):
        return "briefing"
    return ""


START_RULES: tuple[tuple[str, Callable[[Sequence[Line], int], str]], ...] = (
    (REPORT, report_start),
    (AGENDA, agenda_start),
    (WEB_MINUTES, web_minutes_start),
)
"""Per document kind, a rule that recognises its first line outright."""


@dataclass(frozen=True, slots=True)
class Start:
    index: int
    kind: str
    score: float
    reasons: tuple[str, ...]


def score_starts(lines: Sequence[Line], shapes_: Sequence[Shape] | None = None) -> list[Start]:
    """Every line whose signals reach the threshold, with the evidence."""
    shapes_ = shapes_ or line_shapes(lines)
    out = []
    for i, line in enumerate(lines):
        if not line.is_content or line.artefact or not shapes_[i].text or _inside_list(lines, shapes_, i):
            continue
        total, kind, reasons = 0.0, "", []
        for _, signal in START_SIGNALS:
            found = signal(lines, shapes_, i)
            if found:
                signal_kind, weight, reason = found
                total += weight
                reasons.append(f"{reason} (+{weight:g})")
                if signal_kind == MINUTES or (signal_kind and not kind):
                    kind = signal_kind
        if total >= START_THRESHOLD and kind:
            out.append(Start(i, kind if kind != MEETING else MINUTES, total, tuple(reasons)))
    return out


def _inside_list(lines: Sequence[Line], shapes_: Sequence[Shape], i: int) -> bool:
    """An entry of a bulleted list opens no document: an agenda's "• Usage Application: Township Hall,
    January 17, 2026" names a body and a date. A line between two entries is one too (its bullet lost
    in the export, or the line set apart in bold)."""
    if shapes_[i].bullet or _BULLET.match(shapes_[i].text):
        return True
    k = i - 1
    while k >= 0 and (not lines[k].is_content or lines[k].artefact):
        k -= 1
    after = _next_content(lines, i, 1)
    return k >= 0 and bool(after) and shapes_[k].bullet and shapes_[after[0]].bullet


def split_pack(lines: Sequence[Line], shapes_: Sequence[Shape] | None = None) -> list[Span]:
    """Documents in the order they appear; together they cover every line."""
    shapes_ = shapes_ or line_shapes(lines)
    starts: dict[int, tuple[str, str]] = {}
    for i in range(len(lines)):
        if not lines[i].is_content:
            continue
        for kind, rule in START_RULES:
            reason = rule(lines, i)
            if reason:
                starts.setdefault(i, (kind, reason))
                break
    for start in score_starts(lines, shapes_):
        starts.setdefault(start.index, (start.kind, "; ".join(start.reasons)))
    first = _first_content(lines)
    if first < 0:
        return [Span(DOCUMENT, 0, len(lines), "no text")]
    if first not in starts:
        starts[first] = (MEETING, "the paper's first line")
    for at in [i for i, (kind, _) in starts.items() if kind == REPORT]:
        if at in starts:
            # A report's cover is one document, however its fields are set out.
            last = read_cover(lines, at).last
            starts = {i: start for i, start in starts.items() if not at < i <= last}
    ordered = sorted(starts.items())
    spans: list[Span] = []
    for n, (index, (kind, reason)) in enumerate(ordered):
        end = ordered[n + 1][0] if n + 1 < len(ordered) else len(lines)
        spans.append(Span(kind, 0 if n == 0 else index, end, reason))
    return _join_running_titles(_join_preambles(spans, lines, shapes_), lines)


def _join_running_titles(spans: list[Span], lines: Sequence[Line]) -> list[Span]:
    """A title at the top of a page that names the meeting the document before it is about
    ("Council Meeting Minutes — June 27, 2012." under "Page 1 of 16") is the page's running
    title, not a new document: the same date opens both. So is a title the page repeats at its foot
    ("Minutes of the Personnel Committee Meeting" / "January 4, 2018"), word for word as the document opened."""
    out: list[Span] = []
    for span in spans:
        if out and span.kind in (MINUTES, MEETING) and out[-1].kind in (MINUTES, MEETING):
            opening = [i for i in range(span.start, span.end) if lines[i].is_content and not lines[i].artefact][:2]
            before = [i for i in range(out[-1].start, out[-1].end) if lines[i].is_content and not lines[i].artefact][
                :12
            ]
            if _running_title(lines, opening, before, _top_of_page(lines, span.start)) or _open_meeting_title(
                lines, opening, before, out[-1]
            ):
                out[-1] = Span(out[-1].kind, out[-1].start, span.end, out[-1].reason)
                continue
        out.append(span)
    return out


def _running_title(lines: Sequence[Line], opening: Sequence[int], before: Sequence[int], page_top: bool) -> bool:
    """Whether a document's opening lines are the running title of the document before: its dates, on a short
    first line at the top of a page, or on lines the earlier document opened with word for word."""
    if not opening or len(lines[opening[0]].text.split()) > 12:
        return False
    opened = _printed_dates(lines, before)
    if page_top:
        dates = _printed_dates(lines, opening[:1])
        return bool(dates) and dates <= opened
    if len(opening) < 2 or len(lines[opening[1]].text.split()) > 12:
        return False
    dates = _printed_dates(lines, opening)
    seen = {_folded(lines[i].text) for i in before}
    return bool(dates) and dates <= opened and _folded(lines[opening[0]].text) in seen


def _printed_dates(lines: Sequence[Line], indexes: Sequence[int]) -> set[dt.date]:
    """The dates, with their years, the lines at `indexes` print."""
    return {f.date for i in indexes for f in find_dates(lines[i].text, 2000) if f.year_printed}


def _open_meeting_title(lines: Sequence[Line], opening: Sequence[int], before: Sequence[int], previous: Span) -> bool:
    """Whether a document's opening is a page's title printed inside the minutes before it, which have not closed
    ("SJC Fire District 3 - Commission Minutes" / "Tuesday, November 12, 2024" on page 2 of a scan whose page break
    was lost): two short lines, the earlier minutes' date, and mostly the words those minutes opened with."""
    if len(opening) < 2 or any(len(lines[i].text.split()) > 10 for i in opening):
        return False
    dates = _printed_dates(lines, opening)
    if not dates or not dates <= _printed_dates(lines, before):
        return False
    if any(_CLOSED.search(lines[k].text) for k in range(previous.start, previous.end)):
        return False
    words = set(_folded(lines[opening[0]].text).split())
    known = set(" ".join(_folded(lines[i].text) for i in before).split())
    return len(words) >= 2 and len(words & known) * 2 >= len(words)


_CLOSED = re.compile(r"(?i)\b(?:adjourned|meeting\s+(?:was\s+)?(?:closed|ended)|closed\s+the\s+meeting)\b")
"""Minutes that say their meeting ended: what follows may be another meeting's."""


def _folded(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _top_of_page(lines: Sequence[Line], i: int) -> bool:
    """Whether only page furniture (a page number, a page break) stands between line `i` and the text before it."""
    k = i - 1
    while k >= 0 and not lines[k].is_content:
        if lines[k].artefact:
            return True
        k -= 1
    return False


def _join_preambles(spans: list[Span], lines: Sequence[Line], shapes_: Sequence[Shape]) -> list[Span]:
    """A span too small to be a document (a page title, "Agenda Item 5", one flattened
    paragraph) heads the minutes after it; so does a start that repeats the one before."""
    out: list[Span] = []
    for span in spans:
        if out and span.kind in (MINUTES, MEETING) and out[-1].kind in (MINUTES, MEETING, DOCUMENT):
            previous = out[-1]
            content = [i for i in range(previous.start, previous.end) if lines[i].is_content and not lines[i].artefact]
            if len(content) < PREAMBLE_LINES and not _has_numbered_lines(shapes_, content):
                kind = span.kind if previous.kind in (MEETING, DOCUMENT) else previous.kind
                out[-1] = Span(kind, previous.start, span.end, f"{span.reason} (after a short preamble)")
                continue
        out.append(span)
    return out


def _has_numbered_lines(shapes_: Sequence[Shape], indexes: Sequence[int]) -> bool:
    return sum(1 for i in indexes if re.match(r"^\d{1,3}[.)]?\s+[A-Z]", shapes_[i].text)) >= 2


def is_title_line(lines: Sequence[Line], i: int) -> bool:
    """A line that could open a document: a heading, bold or capitals, or a short line on its own."""
    line = lines[i]
    if not line.is_content or "\t" in line.text:
        return False
    text = line.text.strip()
    p = plain(text)
    if not p or p.startswith(("-", "(")) or re.match(r"^(?:[-*+]|\d+[.)])\s", text):
        return False
    if text.startswith("#") or (text.startswith("**") and text.endswith("**")):
        return True
    letters = [c for c in p if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) >= 0.8 * len(letters) and len(p.split()) <= 20:
        return True
    standalone = all(not lines[k].is_content or lines[k].artefact for k in (i - 1, i + 1) if 0 <= k < len(lines))
    return (
        standalone and len(p.split()) <= 12 and not re.search(r"[.;,]$", p) and not line.text.lstrip().startswith("-")
    )


__all__ = [
    "AGENDA",
    "AGENDA_WORDS",
    "DOCUMENT",
    "MEETING",
    "MINUTES",
    "REPORT",
    "WEB_MINUTES",
    "Span",
    "is_title_line",
    "split_pack",
]
