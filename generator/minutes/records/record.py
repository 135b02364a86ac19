"""The front-matter contract between `convert` and the rest of the pipeline.

A converted document is a Markdown file whose YAML front-matter maps onto
`DocumentRecord`. The converter builds records and writes them; the loader
reads them back (from files people may have edited) and validates them here,
so both directions share one definition. `docs/front-matter.md` documents the
same keys for people.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from typing import Any
from urllib.parse import urlsplit

from minutes.core.errors import excerpt

KINDS = ("agenda", "minutes", "report", "document")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class RecordError(ValueError):
    """A front-matter value that does not fit the contract.

    `key` names the offending key (dotted for nested keys) so the loader can
    point at the line of the file where it appears.
    """

    def __init__(self, key: str, message: str):
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


@dataclass(frozen=True, slots=True)
class Member:
    """A member of the body as an agenda's front sheet lists its membership."""

    name: str
    role: str = ""
    """"Chair", "Vice-Chair", "co-opted" … as printed; empty for an ordinary member."""


@dataclass(frozen=True, slots=True)
class Attendance:
    """Who was at a meeting, names as printed ("Councillor Hussain")."""

    chair: str = ""
    present: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    in_attendance: tuple[str, ...] = ()
    membership: tuple[Member, ...] = ()
    """The body's members as the paper lists them (an agenda's "Membership:")."""

    def is_empty(self) -> bool:
        return not (self.chair or self.present or self.apologies or self.in_attendance or self.membership)


@dataclass(frozen=True, slots=True)
class Item:
    """One agenda item or minute."""

    number: str
    """As printed: "E31", "59", "7", "8.1"."""
    title: str
    anchor: str
    """The id of this item's heading in the document body."""
    pages: str = ""
    """Pack page range of an agenda item, e.g. "5-20"."""
    paper_page: int = 0
    """Page of the paper, as a PDF viewer counts them (the first is 1), where the item's pack pages begin;
    0 when not known. A pack's printed "Page 5" is rarely its fifth page: the front sheet comes first."""
    resolutions: tuple[str, ...] = ()
    declarations: tuple[str, ...] = ()
    exempt: bool = False
    truncated: bool = False
    """The source cut the text short (ModernGov "view the full minutes text")."""
    mentions: tuple[str, ...] = ()
    """Councillors the item's text names, as printed ("Cr Jones"; "Councillors A and B" gives two)."""

    @property
    def key(self) -> str:
        """How other keys of the record name this item: its number, or its anchor when it has none."""
        return self.number or self.anchor


@dataclass(frozen=True, slots=True)
class ChairChange:
    """Someone took the chair during the meeting."""

    name: str
    """Who took the chair, as printed: "Councillor Jarvis"."""
    from_item: str = ""
    """The item (its key) from which they presided; empty when the minutes do not say."""
    to_item: str = ""
    """The last item they presided over, when the minutes bound it ("for item 7 only")."""
    text: str = ""
    """The sentence that says so."""


MOVEMENTS = ("arrived", "left")


@dataclass(frozen=True, slots=True)
class Movement:
    """A member who arrived after the meeting began or left before it ended."""

    name: str
    change: str
    """arrived | left"""
    item: str = ""
    """The item (its key) at the edge of their presence: for `arrived` the first item they were there
    for, for `left` the last; empty when the minutes do not say."""
    time: str = ""
    """24-hour HH:MM, when printed."""
    text: str = ""
    """The words that say so."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference in the text to another meeting or minute."""

    text: str
    """The words of the reference as they appear in the body."""
    committee: str = ""
    """Committee the reference names; empty means the citing document's own."""
    date: dt.date | None = None
    minute: str = ""
    relation: str = "cites"
    """cites | approves (minutes of an earlier meeting approved here) | next (next meeting)."""


@dataclass(frozen=True, slots=True)
class NextMeeting:
    date: dt.date | None = None
    time: str = ""
    venue: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from: the paper, its digest and line range (1-based, inclusive)."""

    paper: str
    sha256: str = ""
    lines: tuple[int, int] = (0, 0)
    pages: tuple[int, int] = (0, 0)
    """First and last page of the paper (as a PDF viewer counts them) the document came from; (0, 0) when
    the paper has no pages (text, a web page, a Word document)."""
    ocr: bool = False
    """Some of the text was read by OCR from a scanned page; a person should check it."""


REVIEW_FACTS = (
    "kind",
    "committee",
    "date",
    "time",
    "venue",
    "chair",
    "present",
    "apologies",
    "in_attendance",
    "item",
    "decision",
    "citation",
)
"""The facts a `review` entry may name: the record's own keys, and per item its heading, decision and citations."""
ITEM_FACTS = ("item", "decision", "citation")
"""Facts of one item: their entry names the item (`item:`)."""


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """A fact the converter is unsure of, for a person to check against the paper.

    Deleting the entry (or setting the record's `reviewed: true`) says a person has checked it;
    until then a published page never states the fact as certain (see the `unreviewed` setting).
    """

    fact: str
    """One of REVIEW_FACTS."""
    value: str = ""
    """What was written, as text; empty for a whole list (`present`, say)."""
    why: str = ""
    """Why it is doubtful, in words a person can check against the paper."""
    lines: tuple[int, int] = (0, 0)
    """The paper's lines (1-based, inclusive) the fact was read from; (0, 0) when not known."""
    item: str = ""
    """For item, decision and citation facts: the item's number (or anchor)."""
    confidence: float = 0.0
    """How sure the converter was, 0 to 1."""


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """Front-matter of one converted document."""

    kind: str
    committee: str
    title: str
    date: dt.date | None = None
    time: str = ""
    end_time: str = ""
    """When the meeting ended (minutes: "The meeting closed at 7.15 p.m.") or is set to end, 24-hour HH:MM."""
    venue: str = ""
    webcast: str = ""
    """Web address where the meeting is (or was) broadcast: "webcast", "live stream", YouTube."""
    recording: str = ""
    """Web address of a recording of the meeting, to watch afterwards."""
    attendance: Attendance = field(default_factory=Attendance)
    chair_changes: tuple[ChairChange, ...] = ()
    movements: tuple[Movement, ...] = ()
    items: tuple[Item, ...] = ()
    mentions: tuple[str, ...] = ()
    """For a document without items (a report): the councillors its text names."""
    citations: tuple[Citation, ...] = ()
    next_meeting: NextMeeting | None = None
    agenda_item: str = ""
    """For reports and submitted minutes: number of the agenda item they belong to."""
    body_of: str = ""
    """For minutes of another body submitted for information: that body's name."""
    source: Source | None = None
    warnings: tuple[str, ...] = ()
    review: tuple[ReviewEntry, ...] = ()
    """Facts the converter is unsure of, until a person checks them."""
    reviewed: bool = False
    """A person has checked the record: none of its `review` entries (nor its warnings) is still in doubt."""

    @property
    def open_review(self) -> tuple[ReviewEntry, ...]:
        """The entries still in doubt: none once the record is marked reviewed."""
        return () if self.reviewed else self.review

    def to_mapping(self) -> dict[str, Any]:
        """Plain data in key order, for YAML; empty optional values are left out."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "committee": self.committee,
            "date": self.date.isoformat() if self.date else "",
            "time": self.time,
            "venue": self.venue,
            "title": self.title,
        }
        if self.end_time:
            out["end_time"] = self.end_time
        if self.webcast:
            out["webcast"] = self.webcast
        if self.recording:
            out["recording"] = self.recording
        if not self.attendance.is_empty():
            out["attendance"] = {
                "chair": self.attendance.chair,
                "present": list(self.attendance.present),
                "apologies": list(self.attendance.apologies),
                "in_attendance": list(self.attendance.in_attendance),
            }
            if self.attendance.membership:
                out["attendance"]["membership"] = [
                    {"name": m.name, "role": m.role} if m.role else {"name": m.name} for m in self.attendance.membership
                ]
        if self.chair_changes:
            out["chair_changes"] = [_chair_change_mapping(c) for c in self.chair_changes]
        if self.movements:
            out["movements"] = [_movement_mapping(m) for m in self.movements]
        if self.items:
            out["items"] = [_item_mapping(i) for i in self.items]
        if self.mentions:
            out["mentions"] = list(self.mentions)
        if self.citations:
            out["citations"] = [_citation_mapping(c) for c in self.citations]
        if self.next_meeting:
            nm = self.next_meeting
            out["next_meeting"] = {
                "date": nm.date.isoformat() if nm.date else "",
                "time": nm.time,
                "venue": nm.venue,
                "text": nm.text,
            }
        if self.agenda_item:
            out["agenda_item"] = self.agenda_item
        if self.body_of:
            out["body_of"] = self.body_of
        if self.source:
            out["source"] = {
                "paper": self.source.paper,
                "sha256": self.source.sha256,
                "lines": list(self.source.lines),
            }
            if self.source.pages != (0, 0):
                out["source"]["pages"] = list(self.source.pages)
            if self.source.ocr:
                out["source"]["ocr"] = True
        out["warnings"] = list(self.warnings)
        if self.review or self.reviewed:
            out["review"] = [_review_mapping(e) for e in self.review]
            out["reviewed"] = self.reviewed
        return out

    @classmethod
    def from_mapping(cls, data: Any) -> DocumentRecord:
        """Validate parsed YAML; raise RecordError naming the first bad key."""
        if not isinstance(data, dict):
            raise RecordError("front-matter", "must be a mapping of keys to values")
        known = {f.name for f in fields(cls)}
        for key in data:
            if key not in known:
                raise RecordError(str(key), f"unknown key; expected one of {', '.join(sorted(known))}")
        kind = _text(data, "kind")
        if kind not in KINDS:
            raise RecordError("kind", f"{excerpt(kind)} is not one of {', '.join(KINDS)}")
        committee = _text(data, "committee")
        if not committee:
            raise RecordError("committee", "is required")
        time = _text(data, "time")
        if time and not _TIME.match(time):
            raise RecordError("time", f"{excerpt(time)} is not a 24-hour HH:MM time")
        end_time = _text(data, "end_time")
        if end_time and not _TIME.match(end_time):
            raise RecordError("end_time", f"{excerpt(end_time)} is not a 24-hour HH:MM time")
        items = tuple(_item(v, n) for n, v in enumerate(_list(data, "items")))
        keys = tuple(item.key for item in items)
        return cls(
            kind=kind,
            committee=committee,
            title=_text(data, "title") or committee,
            date=_date(data, "date"),
            time=time,
            end_time=end_time,
            venue=_text(data, "venue"),
            webcast=_web_address(data, "webcast"),
            recording=_web_address(data, "recording"),
            attendance=_attendance(data.get("attendance")),
            chair_changes=tuple(_chair_change(v, n, keys) for n, v in enumerate(_list(data, "chair_changes"))),
            movements=tuple(_movement(v, n, keys) for n, v in enumerate(_list(data, "movements"))),
            items=items,
            mentions=_names(data, "mentions", ""),
            citations=tuple(_citation(v, n) for n, v in enumerate(_list(data, "citations"))),
            next_meeting=_next_meeting(data.get("next_meeting")),
            agenda_item=_text(data, "agenda_item"),
            body_of=_text(data, "body_of"),
            source=_source(data.get("source")),
            warnings=tuple(str(w) for w in _list(data, "warnings")),
            review=tuple(_review_entry(v, n) for n, v in enumerate(_list(data, "review"))),
            reviewed=_bool(data, "reviewed", ""),
        )


def _item_mapping(item: Item) -> dict[str, Any]:
    out: dict[str, Any] = {"number": item.number, "title": item.title, "anchor": item.anchor}
    if item.pages:
        out["pages"] = item.pages
    if item.paper_page:
        out["paper_page"] = item.paper_page
    if item.resolutions:
        out["resolutions"] = list(item.resolutions)
    if item.declarations:
        out["declarations"] = list(item.declarations)
    if item.exempt:
        out["exempt"] = True
    if item.truncated:
        out["truncated"] = True
    if item.mentions:
        out["mentions"] = list(item.mentions)
    return out


def _chair_change_mapping(c: ChairChange) -> dict[str, Any]:
    out: dict[str, Any] = {"name": c.name, "from_item": c.from_item}
    if c.to_item:
        out["to_item"] = c.to_item
    out["text"] = c.text
    return out


def _movement_mapping(m: Movement) -> dict[str, Any]:
    out: dict[str, Any] = {"name": m.name, "change": m.change, "item": m.item}
    if m.time:
        out["time"] = m.time
    out["text"] = m.text
    return out


def _citation_mapping(c: Citation) -> dict[str, Any]:
    out: dict[str, Any] = {"text": c.text}
    if c.committee:
        out["committee"] = c.committee
    if c.date:
        out["date"] = c.date.isoformat()
    if c.minute:
        out["minute"] = c.minute
    if c.relation != "cites":
        out["relation"] = c.relation
    return out


def _review_mapping(e: ReviewEntry) -> dict[str, Any]:
    out: dict[str, Any] = {"fact": e.fact}
    if e.value:
        out["value"] = e.value
    out["why"] = e.why
    if e.lines != (0, 0):
        out["lines"] = list(e.lines)
    if e.item:
        out["item"] = e.item
    out["confidence"] = e.confidence
    return out


# --- validation helpers -----------------------------------------------------


def _text(data: dict, key: str, prefix: str = "") -> str:
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise RecordError(prefix + key, "must be text, not a list or mapping")
    if isinstance(value, bool):
        raise RecordError(prefix + key, "must be text, not true/false")
    return str(value).strip()


def _list(data: dict, key: str, prefix: str = "") -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(prefix + key, "must be a list (lines starting with '- ')")
    return value


def _names(data: dict, key: str, prefix: str) -> tuple[str, ...]:
    out = []
    for v in _list(data, key, prefix):
        if isinstance(v, (dict, list)) or v is None:
            raise RecordError(prefix + key, "must be a list of names")
        out.append(str(v).strip())
    return tuple(n for n in out if n)


def _date(data: dict, key: str, prefix: str = "") -> dt.date | None:
    value = data.get(key)
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise RecordError(prefix + key, f"{excerpt(value)} is not a date; write it as YYYY-MM-DD") from None
    if not plausible(value):
        raise RecordError(
            prefix + key,
            f"{value.isoformat()} is not a plausible date for a council's papers "
            f"(years {EARLIEST_YEAR} to {LATEST_YEAR}); correct the year",
        )
    return value


EARLIEST_YEAR, LATEST_YEAR = 1800, 2200
"""A meeting outside these years is a typing slip (1066 for 2016), never a record."""


def plausible(date: dt.date) -> bool:
    return EARLIEST_YEAR <= date.year <= LATEST_YEAR


def _bool(data: dict, key: str, prefix: str) -> bool:
    value = data.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise RecordError(prefix + key, "must be true or false")
    return value


def _mapping(value: Any, key: str) -> dict:
    if not isinstance(value, dict):
        raise RecordError(key, "must be a mapping of keys to values")
    return value


def _attendance(value: Any) -> Attendance:
    if value is None:
        return Attendance()
    data = _mapping(value, "attendance")
    p = "attendance."
    return Attendance(
        chair=_text(data, "chair", p),
        present=_names(data, "present", p),
        apologies=_names(data, "apologies", p),
        in_attendance=_names(data, "in_attendance", p),
        membership=tuple(_member(v, n) for n, v in enumerate(_list(data, "membership", p))),
    )


def _member(value: Any, n: int) -> Member:
    key = f"attendance.membership[{n}]"
    if isinstance(value, str):
        return Member(name=value.strip())
    data = _mapping(value, key)
    name = _text(data, "name", key + ".")
    if not name:
        raise RecordError(key + ".name", "a member needs a name")
    return Member(name=name, role=_text(data, "role", key + "."))


def _item(value: Any, n: int) -> Item:
    p = f"items[{n}]."
    data = _mapping(value, f"items[{n}]")
    number = _text(data, "number", p)
    title = _text(data, "title", p)
    if not (number or title):
        raise RecordError(p + "number", "an item needs a number or a title")
    return Item(
        number=number,
        title=title,
        anchor=_text(data, "anchor", p) or anchor_for(number or title),
        pages=_text(data, "pages", p),
        paper_page=_page_number(data, "paper_page", p),
        resolutions=_names(data, "resolutions", p),
        declarations=_names(data, "declarations", p),
        exempt=_bool(data, "exempt", p),
        truncated=_bool(data, "truncated", p),
        mentions=_names(data, "mentions", p),
    )


def _chair_change(value: Any, n: int, items: tuple[str, ...]) -> ChairChange:
    p = f"chair_changes[{n}]."
    data = _mapping(value, f"chair_changes[{n}]")
    _known(data, p, ("name", "from_item", "to_item", "text"))
    name = _text(data, "name", p)
    if not name:
        raise RecordError(p + "name", "a change of chair needs the name of who took the chair")
    return ChairChange(
        name=name,
        from_item=_item_key(data, "from_item", p, items),
        to_item=_item_key(data, "to_item", p, items),
        text=_text(data, "text", p),
    )


def _movement(value: Any, n: int, items: tuple[str, ...]) -> Movement:
    p = f"movements[{n}]."
    data = _mapping(value, f"movements[{n}]")
    _known(data, p, ("name", "change", "item", "time", "text"))
    name = _text(data, "name", p)
    if not name:
        raise RecordError(p + "name", "a movement needs the name of who arrived or left")
    change = _text(data, "change", p)
    if change not in MOVEMENTS:
        raise RecordError(p + "change", f"{excerpt(change)} is not one of {', '.join(MOVEMENTS)}")
    time = _text(data, "time", p)
    if time and not _TIME.match(time):
        raise RecordError(p + "time", f"{excerpt(time)} is not a 24-hour HH:MM time")
    return Movement(
        name=name, change=change, item=_item_key(data, "item", p, items), time=time, text=_text(data, "text", p)
    )


def _known(data: dict, prefix: str, keys: tuple[str, ...]) -> None:
    for key in data:
        if key not in keys:
            raise RecordError(prefix + str(key), f"unknown key; expected one of {', '.join(keys)}")


def _item_key(data: dict, key: str, prefix: str, items: tuple[str, ...]) -> str:
    """An item named by its number (or anchor, when it has no number) that must be one of the record's."""
    value = _text(data, key, prefix)
    if value and value not in items:
        listed = ", ".join(items[:12]) + (" …" if len(items) > 12 else "")
        raise RecordError(
            prefix + key,
            f"{excerpt(value)} is not an item of this record ({listed or 'it has none'}); write the item's number as `items` gives it",
        )
    return value


def _citation(value: Any, n: int) -> Citation:
    p = f"citations[{n}]."
    data = _mapping(value, f"citations[{n}]")
    relation = _text(data, "relation", p) or "cites"
    if relation not in ("cites", "approves", "next"):
        raise RecordError(p + "relation", f"{excerpt(relation)} is not one of cites, approves, next")
    return Citation(
        text=_text(data, "text", p),
        committee=_text(data, "committee", p),
        date=_date(data, "date", p),
        minute=_text(data, "minute", p),
        relation=relation,
    )


def _review_entry(value: Any, n: int) -> ReviewEntry:
    p = f"review[{n}]."
    data = _mapping(value, f"review[{n}]")
    _known(data, p, ("fact", "value", "why", "lines", "item", "confidence"))
    fact = _text(data, "fact", p)
    if fact not in REVIEW_FACTS:
        raise RecordError(p + "fact", f"{fact!r} is not one of {', '.join(REVIEW_FACTS)}")
    raw = data.get("value")
    if isinstance(raw, (dt.date, int, float)) and not isinstance(raw, bool):
        # An unquoted 2014-11-26 or 17 is what was written all the same.
        value = raw.isoformat() if isinstance(raw, dt.date) else str(raw)
    else:
        value = _text(data, "value", p)
    item = data.get("item")
    item = (
        str(item).strip() if isinstance(item, (int, float)) and not isinstance(item, bool) else _text(data, "item", p)
    )
    return ReviewEntry(
        fact=fact,
        value=value,
        why=_text(data, "why", p),
        lines=_paper_lines(data.get("lines"), p + "lines"),
        item=item,
        confidence=_confidence(data.get("confidence"), p + "confidence"),
    )


def _paper_lines(value: Any, key: str) -> tuple[int, int]:
    if value is None or value == []:
        return (0, 0)
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value, value]
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(x, int) and not isinstance(x, bool) for x in value)
        or not 1 <= value[0] <= value[1]
    ):
        raise RecordError(key, "must be the first and last line of the paper (1-based), e.g. [12, 14]")
    return (value[0], value[1])


def _confidence(value: Any, key: str) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise RecordError(key, f"{value!r} is not a number from 0 to 1, e.g. 0.35")
    return float(value)


def _next_meeting(value: Any) -> NextMeeting | None:
    if value is None:
        return None
    data = _mapping(value, "next_meeting")
    p = "next_meeting."
    return NextMeeting(
        date=_date(data, "date", p),
        time=_text(data, "time", p),
        venue=_text(data, "venue", p),
        text=_text(data, "text", p),
    )


def _source(value: Any) -> Source | None:
    if value is None:
        return None
    data = _mapping(value, "source")
    lines = data.get("lines") or [0, 0]
    if not (isinstance(lines, list) and len(lines) == 2 and all(isinstance(x, int) for x in lines)):
        raise RecordError("source.lines", "must be two line numbers, e.g. [12, 80]")
    pages = data.get("pages") or [0, 0]
    if not (
        isinstance(pages, list)
        and len(pages) == 2
        and all(type(x) is int and 0 < x <= MAX_PAGE for x in pages)
        and pages[0] <= pages[1]
    ) and pages != [0, 0]:
        raise RecordError("source.pages", "must be the first and last page of the paper, e.g. [3, 22]")
    return Source(
        paper=_text(data, "paper", "source."),
        sha256=_text(data, "sha256", "source."),
        lines=(lines[0], lines[1]),
        pages=(pages[0], pages[1]),
        ocr=_bool(data, "ocr", "source."),
    )


MAX_PAGE = 100_000
"""No paper has more pages: a larger number is a slip."""


def _page_number(data: dict, key: str, prefix: str) -> int:
    value = data.get(key)
    if value in (None, 0):
        return 0
    if type(value) is not int or not 0 < value <= MAX_PAGE:
        raise RecordError(
            prefix + key, f"{value!r} is not a page number; write the page as a PDF viewer counts it, e.g. 5"
        )
    return value


WEB_ADDRESS_LIMIT = 2000
"""Longer addresses are refused by browsers and hosts alike."""


def _web_address(data: dict, key: str) -> str:
    """A link a reader follows off the site: only http(s), with a host, nothing that runs script."""
    value = _text(data, key)
    if not value:
        return ""
    if not is_web_address(value):
        raise RecordError(key, f"{value[:80]!r} is not a web address; write it in full, starting https://")
    return value


def is_web_address(value: str) -> bool:
    """An absolute http(s) address with a host, no spaces or control characters, of a sane length."""
    if len(value) > WEB_ADDRESS_LIMIT or any(ch.isspace() or ord(ch) < 32 or ch in '"<>\\`' for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def anchor_for(number: str) -> str:
    """The permalink id of an item: "E31" -> "item-e31", "8.1" -> "item-8-1"."""
    slug = re.sub(r"[^a-z0-9]+", "-", number.lower()).strip("-")
    return f"item-{slug}" if slug else "item"
