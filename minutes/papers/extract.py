"""Facts from each kind of document: agenda front sheets, minutes, ModernGov pages, reports.

Each `read_*` function takes the cleaned lines of one document and returns what it found
plus the Markdown replacements for the lines it recognised (item headings with their
anchors, resolutions as numbered lists). It never drops a line: lines it does not
recognise are written as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Sequence

from ..record import Attendance, Item, anchor_for
from .attendance import AttendanceBuilder, split_names
from .clean import Line
from .dates import parse_date, parse_time
from .names import plain, title_case


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What a document's opening lines say about its meeting, as printed."""

    committee: str = ""
    date: dt.date | None = None
    time: str = ""
    venue: str = ""


@dataclass(slots=True)
class Found:
    """What an extractor found in one document."""

    meeting: MeetingFacts = field(default_factory=MeetingFacts)
    attendance: Attendance = field(default_factory=Attendance)
    items: list[Item] = field(default_factory=list)
    item_lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Item number -> (first, end) line indexes of the item's text."""
    item_details: dict[str, str] = field(default_factory=dict)
    """Item number -> the item's text after its heading, as plain text."""
    replacements: dict[int, str] = field(default_factory=dict)
    title: str = ""
    printed_date: str = ""
    warnings: list[str] = field(default_factory=list)


_AGENDA_ITEM = re.compile(r"^(?P<number>\d{1,2})\.\s*(?P<title>\S.*)$")
_PAGES = re.compile(r"\s*\(\s*Pages?\s+(?P<first>\d{1,4})(?:\s*(?:[-–]|to)?\s*(?P<last>\d{1,4}))?\s*\)\s*\.?", re.IGNORECASE)
_GROUP = re.compile(r"^(?:items?\s+)?for\s+(?:decision|discussion|information|pre-decision scrutiny|noting|monitoring)\b", re.IGNORECASE)
_KEY_LINE = re.compile(r"^(?:date|time|membership|contact|co-opted|agenda|venue)\b", re.IGNORECASE)


def _content(lines: Sequence[Line], start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if lines[i].is_content]


def _item_heading(number: str, title: str) -> str:
    return f"## {number}. {title} {{#{anchor_for(number)}}}"


def read_meeting_header(lines: Sequence[Line], indexes: Sequence[int]) -> MeetingFacts:
    """Committee, date, time and venue from the lines at the top of an agenda or web page."""
    committee = ""
    date = None
    time = ""
    venue_parts: list[str] = []
    in_venue = False
    for i in indexes:
        text = plain(lines[i].text)
        key_text = re.sub(r"^[-*]\s*", "", text)
        if not committee and not _KEY_LINE.match(key_text) and re.search(r"[A-Za-z]", text) and text.lower() != "agenda and minutes":
            committee = text
            continue
        venue = re.search(r"\bvenue\s*:?-?\s*(?P<rest>.*)$", key_text, re.IGNORECASE)
        if venue:
            rest = venue.group("rest")
            cut = re.search(r"\bdate\b", rest, re.IGNORECASE)
            if cut:
                date = date or parse_date(rest[cut.start():])
                rest = rest[: cut.start()]
            venue_parts = [rest.strip()]
            in_venue = True
            continue
        if in_venue and not _KEY_LINE.match(key_text):
            venue_parts.append(text.strip())
            continue
        in_venue = False
        if re.match(r"^date\b", key_text, re.IGNORECASE):
            date = date or parse_date(key_text)
            time = time or parse_time(key_text)
        elif re.match(r"^time\b", key_text, re.IGNORECASE):
            time = time or parse_time(key_text)
    if date is None:
        for i in indexes:
            date = parse_date(lines[i].text)
            if date:
                break
    venue = re.sub(r"\s+", " ", " ".join(p for p in venue_parts if p)).strip().rstrip(",")
    return MeetingFacts(committee=committee, date=date, time=time, venue=venue)


def read_agenda(lines: Sequence[Line], start: int, end: int) -> Found:
    """An agenda front sheet: the meeting, then numbered items with their page ranges."""
    found = Found(title="Agenda")
    indexes = _content(lines, start, end)
    agenda_at = next((i for i in indexes if re.sub(r"[\s*#]", "", lines[i].text).upper() == "AGENDA"), None)
    header = [i for i in indexes if agenda_at is None or i < agenda_at]
    found.meeting = read_meeting_header(lines, header)
    for i in header:
        chair = re.search(r"(Councillor\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s*\(Chair(?:man)?\)", plain(lines[i].text))
        if chair and "membership" in lines[i].text.lower():
            found.attendance = Attendance(chair="Councillor " + chair.group(2) if "councillor" in lines[i].text.lower() else chair.group(2))
    expected = 1
    current: str | None = None
    body_from = agenda_at + 1 if agenda_at is not None else (header[-1] + 1 if header else start)
    numbers: list[tuple[str, int]] = []
    for i in _content(lines, body_from, end):
        raw = lines[i].text
        text = plain(raw)
        match = _AGENDA_ITEM.match(text)
        if match and not raw.startswith("  ") and int(match.group("number")) in (expected, expected + 1):
            number = match.group("number")
            title = match.group("title").strip()
            pages = _PAGES.search(title)
            page_text = ""
            if pages:
                first, last = pages.group("first"), pages.group("last") or pages.group("first")
                page_text = f"{first}-{last}" if first != last else first
                title = (title[: pages.start()] + title[pages.end():]).strip()
            title = _clean_title(title)
            found.items.append(Item(number=number, title=title, anchor=anchor_for(number), pages=page_text))
            heading = _item_heading(number, title)
            if pages:
                heading += f"\n\n*Pages {page_text.replace('-', '–')}*"
            found.replacements[i] = heading
            numbers.append((number, i))
            current = number
            expected = int(number) + 1
            continue
        if _GROUP.match(text) and len(text.split()) <= 6:
            found.replacements[i] = f"**{text}**"
        elif current and raw.startswith(("  -", "  *", "- ", "  ")):
            found.replacements[i] = "- " + re.sub(r"^\s*[-*]\s*", "", raw).strip()
    for n, (number, i) in enumerate(numbers):
        stop = numbers[n + 1][1] if n + 1 < len(numbers) else end
        found.item_lines[number] = (i, stop)
        found.item_details[number] = "\n".join(plain(lines[k].text) for k in _content(lines, i + 1, stop))
    return found


_MINUTE_HEADING = re.compile(r"^(?P<number>[A-Z]{1,2}\d{1,4}|\d{1,4}(?:\.\d{1,2})?)\.?\s+(?P<title>\S.*)$")
_RESOLVED = re.compile(r"^(?P<prefix>(?:it\s+was\s+)?resolved\s*(?::\s*-?|-|:-)?)\s*(?P<rest>.*)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(?:[-*]\s*)?\((?P<n>\d{1,2}|[a-h]|[ivx]{1,4})\)\s*(?P<text>.*)$")
# Someone declaring ("X declared a non-pecuniary interest", "interests were declared"),
# not a reference back to it ("who had declared an interest ... left the meeting").
_DECLARED = re.compile(
    r"(?<!had )(?<!having )(?<!previously )\bdeclared\s+(?:an?|their|his|her)\b[^.]*?\binterest"
    r"|\binterests?\s+(?:was|were)\s+declared\b",
    re.IGNORECASE,
)
_EXEMPT = re.compile(r"\(exempt\)|\bexempt under paragraph|\bexempt information\b|press and public be excluded", re.IGNORECASE)
TRUNCATED = re.compile(r"\.{2,}\s*view the full minutes text for item", re.IGNORECASE)


def _minute_key(number: str) -> tuple[int, int]:
    digits = re.sub(r"^[A-Z]+", "", number)
    main, _, sub = digits.partition(".")
    return int(main), int(sub or 0)


def _is_minute_heading(raw: str) -> re.Match | None:
    text = plain(raw)
    match = _MINUTE_HEADING.match(text)
    if not match or "\t" in raw or raw.lstrip().startswith(("-", "*  ")):
        return None
    stripped = raw.strip()
    marked = stripped.startswith("#") or (stripped.startswith("**") and stripped.endswith("**") and stripped.count("**") == 2)
    letters = [c for c in match.group("title") if c.isalpha()]
    capitals = len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    return match if (marked or capitals) else None


def _clean_title(title: str) -> str:
    title = re.sub(r"[\s:;,.–-]+$", "", plain(title))
    return title_case(title)


def read_minutes(lines: Sequence[Line], start: int, end: int) -> Found:
    """Minutes: heading (body and date), attendance, then numbered minutes with resolutions."""
    found = Found(title="Minutes")
    indexes = _content(lines, start, end)
    present_at = next(
        (i for i in indexes if re.match(r"^(?:present\s*:|in attendance\s*:?\s*$)", plain(lines[i].text), re.I)), None
    )
    heading = [i for i in indexes if present_at is None or i < present_at]
    heading_text = " ".join(plain(lines[i].text) for i in heading)
    committee = plain(lines[heading[0]].text) if heading else ""
    venue = ""
    at = re.search(r"\bat\s+(?P<venue>[A-Z][^,.;]+)\s*$", heading_text)
    if at and parse_date(heading_text):
        venue = at.group("venue").strip()
    found.meeting = MeetingFacts(committee=committee, date=parse_date(heading_text), time=parse_time(heading_text), venue=venue)
    found.printed_date = heading_text
    found.items, found.item_lines, found.item_details, found.replacements, first_item = _read_minute_items(
        lines, present_at if present_at is not None else (heading[-1] + 1 if heading else start), end
    )
    attendance = AttendanceBuilder()
    for i in indexes:
        if present_at is None or i < present_at or (first_item is not None and i >= first_item):
            continue
        attendance.feed(lines[i].text)
    found.attendance = Attendance(
        chair=attendance.chair,
        present=tuple(attendance.present),
        apologies=tuple(attendance.apologies),
        in_attendance=tuple(attendance.in_attendance),
    )
    return found


def _read_minute_items(lines: Sequence[Line], start: int, end: int):
    items: list[Item] = []
    spans: dict[str, tuple[int, int]] = {}
    details: dict[str, str] = {}
    replacements: dict[int, str] = {}
    heads: list[tuple[str, str, int]] = []
    last: tuple[int, int] | None = None
    for i in _content(lines, start, end):
        match = _is_minute_heading(lines[i].text)
        if not match:
            continue
        number = match.group("number")
        key = _minute_key(number)
        if last is not None and key <= last:
            continue
        if number in spans or any(h[0] == number for h in heads):
            continue
        heads.append((number, _clean_title(match.group("title")), i))
        last = key
    for n, (number, title, i) in enumerate(heads):
        stop = heads[n + 1][2] if n + 1 < len(heads) else end
        spans[number] = (i, stop)
        replacements[i] = _item_heading(number, title)
        item, details[number] = _read_item(lines, number, title, i + 1, stop, replacements)
        items.append(item)
    return items, spans, details, replacements, (heads[0][2] if heads else None)


def _read_item(
    lines: Sequence[Line], number: str, title: str, start: int, end: int, replacements: dict[int, str]
) -> tuple[Item, str]:
    """The item numbered `number` whose text runs over lines[start:end], and that text."""
    text, resolutions, declarations, exempt, truncated = _read_item_text(lines, start, end, replacements)
    item = Item(
        number=number,
        title=title,
        anchor=anchor_for(number),
        resolutions=tuple(resolutions),
        declarations=tuple(declarations),
        exempt=exempt,
        truncated=truncated,
    )
    return item, text


def _read_item_text(lines: Sequence[Line], start: int, end: int, replacements: dict[int, str]):
    resolutions: list[str] = []
    declarations: list[str] = []
    exempt = truncated = False
    texts = []
    numbered_next = 0
    for i in _content(lines, start, end):
        raw = lines[i].text
        text = plain(raw)
        texts.append(text)
        if _DECLARED.search(text):
            declarations.append(text)
        if _EXEMPT.search(text):
            exempt = True
        if TRUNCATED.search(text):
            truncated = True
        resolved = _RESOLVED.match(text)
        if resolved and not raw.lstrip().startswith("#"):
            rest = resolved.group("rest").strip()
            numbered = _NUMBERED.match(rest)
            prefix = resolved.group("prefix").strip()
            if numbered:
                resolutions.append(numbered.group("text").strip())
                replacements[i] = f"{prefix}\n\n1. {numbered.group('text').strip()}"
                numbered_next = 2
            elif rest:
                resolutions.append(rest)
                replacements[i] = f"{prefix}\n\n1. {rest}"
                numbered_next = 0
            else:
                numbered_next = 1
                replacements[i] = prefix
            continue
        if numbered_next:
            numbered = _NUMBERED.match(text)
            if numbered and numbered.group("n") == str(numbered_next):
                resolutions.append(numbered.group("text").strip())
                replacements[i] = f"{numbered_next}. {numbered.group('text').strip()}"
                numbered_next += 1
    return "\n".join(texts), resolutions, declarations, exempt, truncated


_WEB_NUMBER = re.compile(r"^(?P<number>\d{1,3})\.$")


def read_web_minutes(lines: Sequence[Line], start: int, end: int) -> Found:
    """A ModernGov "Agenda and minutes" page: "1." / title / agenda text / "Minutes:" / minutes."""
    found = Found(title="Minutes")
    indexes = _content(lines, start, end)
    heads: list[tuple[str, str, int, int]] = []
    for n, i in enumerate(indexes[:-1]):
        match = _WEB_NUMBER.match(plain(lines[i].text))
        if match:
            title_at = indexes[n + 1]
            heads.append((match.group("number"), _clean_title(lines[title_at].text), i, title_at))
    first = heads[0][2] if heads else end
    found.meeting = read_meeting_header(lines, [i for i in indexes if i < first])
    for n, (number, title, i, title_at) in enumerate(heads):
        stop = heads[n + 1][2] if n + 1 < len(heads) else end
        found.item_lines[number] = (i, stop)
        found.replacements[i] = _item_heading(number, title)
        found.replacements[title_at] = ""
        for k in _content(lines, title_at + 1, stop):
            if plain(lines[k].text) == "Minutes:":
                found.replacements[k] = "**Minutes:**"
        item, found.item_details[number] = _read_item(lines, number, title, title_at + 1, stop, found.replacements)
        found.items.append(item)
    return found


_TITLE_KEYS = ("report title", "title", "report title:", "title:")


def read_report(lines: Sequence[Line], start: int, end: int) -> Found:
    """An officer report or briefing: its title, and the meeting its cover sheet names."""
    found = Found()
    indexes = _content(lines, start, end)
    for n, i in enumerate(indexes[:40]):
        text = lines[i].text
        cells = [plain(c) for c in text.split("\t")]
        for c, cell in enumerate(cells):
            if re.fullmatch(r"(?:\d+\.?\s*)?title\s*:?", cell, re.IGNORECASE) and c + 1 < len(cells) and cells[c + 1]:
                found.title = found.title or cells[c + 1].rstrip(".")
        if "\t" not in text and plain(text).lower() in _TITLE_KEYS and n + 1 < len(indexes):
            found.title = found.title or plain(lines[indexes[n + 1]].text)
        if "\t" not in text and re.match(r"^(?:committee name|name of committee)", plain(text), re.I) and n + 1 < len(indexes):
            line = plain(lines[indexes[n + 1]].text)
            parts = re.split(r"\s+[–-]\s+", line, maxsplit=1)
            found.meeting = MeetingFacts(committee=parts[0], date=parse_date(line))
    if not found.title:
        for i in indexes[:3]:
            text = plain(lines[i].text.split("\t")[-1] if "\t" in lines[i].text else lines[i].text)
            if text and text.lower() not in ("summary sheet", "briefing"):
                found.title = text
                break
    found.title = re.sub(r"\s+", " ", found.title).strip() or "Report"
    return found


def split_attendance_names(text: str) -> list[str]:
    """Names in a printed list (used by tests and by attendance tables)."""
    return split_names(text)[1]
