"""The front-matter contract between `convert` and the rest of the pipeline.

A converted document is a Markdown file whose YAML front-matter maps onto
`DocumentRecord`. The converter builds records and writes them; the loader
reads them back (from files people may have edited) and validates them here,
so both directions share one definition. Each key is declared once, as a field
below with `declare(...)` (see `minutes.records.fields`): how it is read and
written, whether the open data publishes it and its line in the table of keys
of docs/front-matter.md, which `make docs` writes from these declarations.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from minutes.core.errors import excerpt
from minutes.records.fields import (
    NEVER,
    Choice,
    Custom,
    Date,
    Flag,
    Lines,
    ListOf,
    Names,
    Nested,
    Text,
    declare,
    declared,
    mapping,
    read_object,
    text,
    to_mapping,
)
from minutes.records.fields import (
    RecordError as RecordError,
)
from minutes.records.fields import (
    plausible as plausible,
)

KINDS = ("agenda", "minutes", "report", "document")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _time_of_day(value: str, path: str) -> None:
    if not _TIME.match(value):
        raise RecordError(path, f"{excerpt(value)} is not a 24-hour HH:MM time")


def _web_address(value: str, path: str) -> None:
    """A link a reader follows off the site: only http(s), with a host, nothing that runs script."""
    if not is_web_address(value):
        raise RecordError(path, f"{value[:80]!r} is not a web address; write it in full, starting https://")


TEXT = Text()
TIME = Text(check=_time_of_day)
NAMES = Names()
DATE = Date()
FLAG = Flag()


def _pair(value: tuple[int, int]) -> list[int]:
    return list(value)


MAX_PAGE = 100_000
"""No paper has more pages: a larger number is a slip."""


def _page_number(value: Any, path: str) -> int:
    if value in (None, 0):
        return 0
    if type(value) is not int or not 0 < value <= MAX_PAGE:
        raise RecordError(path, f"{value!r} is not a page number; write the page as a PDF viewer counts it, e.g. 5")
    return value


def _source_lines(value: Any, path: str) -> tuple[int, int]:
    lines = value or [0, 0]
    if not (isinstance(lines, list) and len(lines) == 2 and all(isinstance(x, int) for x in lines)):
        raise RecordError(path, "must be two line numbers, e.g. [12, 80]")
    return (lines[0], lines[1])


def _source_pages(value: Any, path: str) -> tuple[int, int]:
    pages = value or [0, 0]
    if not (
        isinstance(pages, list)
        and len(pages) == 2
        and all(type(x) is int and 0 < x <= MAX_PAGE for x in pages)
        and pages[0] <= pages[1]
    ) and pages != [0, 0]:
        raise RecordError(path, "must be the first and last page of the paper, e.g. [3, 22]")
    return (pages[0], pages[1])


def _paper_lines(value: Any, path: str) -> tuple[int, int]:
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
        raise RecordError(path, "must be the first and last line of the paper (1-based), e.g. [12, 14]")
    return (value[0], value[1])


def _confidence(value: Any, path: str) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise RecordError(path, f"{value!r} is not a number from 0 to 1, e.g. 0.35")
    return float(value)


def _as_written(value: Any, path: str) -> str:
    """Text, where an unquoted 2014-11-26 or 17 is what was written all the same."""
    if isinstance(value, (dt.date, int, float)) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return text({"v": value}, "v", path)


def _item_named(value: Any, path: str) -> str:
    """An item's number or anchor, where an unquoted 17 is the item 17."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value).strip()
    return text({"v": value}, "v", path)


@dataclass(frozen=True, slots=True)
class Member:
    """A member of the body as an agenda's front sheet lists its membership."""

    name: str = declare(Text(required="a member needs a name"), left_out=NEVER)
    role: str = declare(TEXT, "")
    """"Chair", "Vice-Chair", "co-opted" … as printed; empty for an ordinary member."""


def _member_named(value: str) -> Member:
    return Member(name=value.strip())


@dataclass(frozen=True, slots=True)
class Attendance:
    """Who was at a meeting, names as printed ("Councillor Hussain")."""

    chair: str = declare(
        TEXT,
        "",
        left_out=NEVER,
        open_data=True,
        doc='The person marked "(Chair)", "(Chairman)", "(in the Chair)", "Presiding"; listed under "Present in the Chair:" or "Chair:"; or named by a sentence ("Chair Dick Dillon called the meeting to order", "Councillor X was appointed Chairman for the meeting", "With Councillor X in the Chair …"). On an agenda, the member its membership list marks "(Chair)".',
    )
    present: tuple[str, ...] = declare(
        NAMES,
        (),
        left_out=NEVER,
        open_data=True,
        doc='Names as printed, "Councillor" kept as a title: "Councillors Jarvis, Atkin and Beaumont" gives three "Councillor …" entries. The chair is listed here too.',
    )
    apologies: tuple[str, ...] = declare(
        NAMES,
        (),
        left_out=NEVER,
        open_data=True,
        doc='Names from "Apologies for absence were received from …", an "Apologies:" list, a P/A-flagged list, or an apologies item that lists them. "Absent" without an apology is not recorded.',
    )
    in_attendance: tuple[str, ...] = declare(
        NAMES,
        (),
        left_out=NEVER,
        open_data=True,
        doc='People at the meeting who are not members: officers, clerks, advisers, guests, other councillors ("Also present", "Officers in attendance", "Staff present", or a role such as "Clerk" printed with the name).',
    )
    membership: tuple[Member, ...] = declare(
        ListOf(Member, scalar=_member_named),
        (),
        doc="On an agenda: the body's members as its front sheet lists them (`name`, and `role` such as `Chair` or `Vice-Chair` when printed).",
    )

    def is_empty(self) -> bool:
        return not (self.chair or self.present or self.apologies or self.in_attendance or self.membership)


@dataclass(frozen=True, slots=True)
class Item:
    """One agenda item or minute."""

    number: str = declare(
        TEXT,
        left_out=NEVER,
        open_data=True,
        doc='As printed: `E31`, `59`, `8.1`, `77/21`, `PAR 1`, `3(a)` for a lettered sub-item of item 3, `8(1)` for a list numbered from 1 right under item 8. Empty for an unnumbered item (a section heading such as "CALL TO ORDER"), whose anchor comes from its title.',
    )
    title: str = declare(
        TEXT,
        left_out=NEVER,
        open_data=True,
        doc='Title, with capitals made readable ("DEPRIVED NEIGHBOURHOODS" becomes "Deprived Neighbourhoods"). An item with no heading of its own (minutes kept as one list of points) is named by its text, and its anchor by its first eight words.',
    )
    anchor: str = declare(
        TEXT,
        left_out=NEVER,
        open_data=True,
        doc="Id of the item's heading in the body (`item-e31`). On the meeting page an agenda item's permalink is its anchor (`/<committee>/<date>/#item-7`) and a minute also answers to `#minute-<number>` (`#minute-e31`), which is what citations of a minute link to.",
    )
    pages: str = declare(
        TEXT,
        "",
        open_data=True,
        doc="For agenda items: the pack page range, e.g. `5-20`, or a single page, `4`, as the agenda prints it "
        '("(Pages 5 - 20)", "Page 4" at the right of the heading).',
    )
    paper_page: int = declare(
        Custom(_page_number, json_type=int),
        0,
        open_data=True,
        doc='For agenda items with `pages`, when the paper is a PDF: the page of the paper, as a PDF viewer counts them (the first is 1), on which the item\'s first pack page is printed ("Page 5" below an unnumbered front sheet is the paper\'s seventh page, say); when no page prints that number, the first page of the report tied to the item. The meeting page links the item\'s "Pages 5–20 of the agenda pack" to `pack.pdf#page=7`.',
    )
    resolutions: tuple[str, ...] = declare(
        NAMES,
        (),
        open_data=True,
        doc='Each decision recorded under the item: "RESOLVED", "It was resolved", "AGREED", "It was agreed", "Members agreed", "DECISION:", "Motion carried", "declared elected", minutes "confirmed as a true record", a clause in capitals ("That the report BE RECEIVED"), a roll-call vote. A numbered or lettered list of resolutions gives one entry each.',
    )
    declarations: tuple[str, ...] = declare(NAMES, (), open_data=True, doc="Paragraphs recording a declared interest.")
    exempt: bool = declare(
        FLAG, False, open_data=True, doc="`true` when the item was taken in private (exempt information)."
    )
    truncated: bool = declare(
        FLAG,
        False,
        open_data=True,
        doc='`true` when the source cut the text short (a web page\'s "view the full minutes text for item 6"). The text is then incomplete.',
    )
    mentions: tuple[str, ...] = declare(
        NAMES,
        (),
        doc='The councillors the item\'s text names (attendance lists aside), as printed, once each: any member\'s title ("Councillor", "Cllr", "Cr", "Mayor", "Deputy Mayor", "Alderman", "County Councillor" …) with initials and name ("Councillor V. Cusworth", "Cr Jones", "Mayor Hale"); a list under a plural title gives one entry each ("Councillors Atkin, Beaumont and Julie Turner" gives "Councillor Atkin", "Councillor Beaumont", "Councillor Julie Turner"); honours after a name are left out ("Cllr Ann Hale MBE" gives "Cllr Ann Hale"). A councillor\'s page lists the meetings whose records name them where they did not attend.',
    )

    @property
    def key(self) -> str:
        """How other keys of the record name this item: its number, or its anchor when it has none."""
        return self.number or self.anchor

    @staticmethod
    def completed(values: dict[str, Any], prefix: str) -> dict[str, Any]:
        if not (values["number"] or values["title"]):
            raise RecordError(prefix + "number", "an item needs a number or a title")
        return {**values, "anchor": values["anchor"] or anchor_for(values["number"] or values["title"])}


@dataclass(frozen=True, slots=True)
class ChairChange:
    """Someone took the chair during the meeting."""

    name: str = declare(
        Text(required="a change of chair needs the name of who took the chair"),
        left_out=NEVER,
        doc='Who took the chair, as printed ("The Chair resumed the Chair" gives the meeting\'s chair).',
    )
    from_item: str = declare(
        TEXT,
        "",
        left_out=NEVER,
        doc='The item from which they presided: its `number`, or its `anchor` when it has none. When the sentence says ("for item 7 only", "for this item", "for the following item") that item; otherwise where the sentence stands: at the end of an item\'s text (after its resolutions, say) from the next item, at its start or in its middle from that item. Sentences about who came and went around it do not move it off the end or the start. Empty when unknown.',
    )
    to_item: str = declare(
        TEXT,
        "",
        doc="The last item they presided over, only when the sentence bounds it (\"for item 7 only\" gives `from_item: '7'`, `to_item: '7'`); left out otherwise.",
    )
    text: str = declare(TEXT, "", left_out=NEVER, doc="The sentence that says so.")


MOVEMENTS = ("arrived", "left")


@dataclass(frozen=True, slots=True)
class Movement:
    """A member who arrived after the meeting began or left before it ended."""

    name: str = declare(
        Text(required="a movement needs the name of who arrived or left"),
        left_out=NEVER,
        doc='Who, as printed; "Councillors Jarvis and Senior left" gives one entry each ("Councillor Jarvis", "Councillor Senior").',
    )
    change: str = declare(
        Choice(MOVEMENTS),
        left_out=NEVER,
        doc='`arrived` or `left` (also "joined", "re-joined", "returned to", "withdrew from", "departed").',
    )
    item: str = declare(
        TEXT,
        "",
        left_out=NEVER,
        doc='The edge of their presence, as an item\'s `number` (or `anchor`): for `arrived` the first item they were there for, for `left` the last. From the item the sentence names ("during minute 5", "after item 9": 9 for leaving, 10 for arriving; "before this item") or else from where it stands: an arrival at the end of an item\'s text counts from the next item, a departure at the start of one from the item before, anything else from the item it is in. Empty when unknown (a note in the attendance list, a sentence before the first item).',
    )
    time: str = declare(TIME, "", doc="The time the text gives, 24-hour `HH:MM`; left out when none.")
    text: str = declare(TEXT, "", left_out=NEVER, doc="The words that say so.")


RELATIONS = ("cites", "approves", "next")


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference in the text to another meeting or minute."""

    text: str = declare(TEXT, left_out=NEVER, open_data=True, doc="The words of the reference, as in the body.")
    committee: str = declare(
        TEXT, "", open_data=True, doc="The body the reference names; absent means this document's own committee."
    )
    date: dt.date | None = declare(DATE, None, open_data=True, doc="The date of the meeting referred to.")
    minute: str = declare(TEXT, "", open_data=True, doc="A minute number referred to, e.g. `C25`.")
    relation: str = declare(
        Choice(RELATIONS, default="cites"),
        "cites",
        open_data=True,
        doc="`cites` (default, left out), `approves` (this item approves those minutes) or `next` (the date of the next meeting).",
    )


@dataclass(frozen=True, slots=True)
class NextMeeting:
    date: dt.date | None = declare(DATE, None, left_out=NEVER)
    time: str = declare(TEXT, "", left_out=NEVER)
    venue: str = declare(TEXT, "", left_out=NEVER)
    text: str = declare(TEXT, "", left_out=NEVER)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from: the paper, its digest and line range (1-based, inclusive)."""

    paper: str = declare(
        TEXT,
        left_out=NEVER,
        doc="The paper's path relative to the site root; it must be inside the papers folder. Anything else (`/proc/self/environ`, `../secret.txt`, a link leading out, `site.yaml`) is an error naming the record and line, and the record is published without a paper: nothing a record names outside the papers folder is ever read or published.",
    )
    sha256: str = declare(TEXT, "", left_out=NEVER, doc="sha256 of the paper's bytes.")
    lines: tuple[int, int] = declare(
        Custom(_source_lines, _pair),
        (0, 0),
        left_out=NEVER,
        doc="First and last line of the paper (1-based, inclusive) that this document came from; for a PDF or Word document, the positions of its lines in reading order.",
    )
    pages: tuple[int, int] = declare(
        Custom(_source_pages, _pair),
        (0, 0),
        doc="For a PDF: the first and last page of the paper (as a PDF viewer counts them) the document's text stands on, e.g. `[3, 22]`. The meeting page's list of documents links each to the original at its first page (`pack.pdf#page=3`). Left out for papers without pages.",
    )
    ocr: bool = declare(
        FLAG,
        False,
        doc="`true` when some of the text was read by OCR from a scanned page (a warning says to check it).",
    )


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

    fact: str = declare(
        Choice(REVIEW_FACTS, quote=repr),
        left_out=NEVER,
        doc="The fact in doubt: `kind`, `committee`, `date`, `time`, `venue`, `chair`, `present`, `apologies`, `in_attendance`, or of one item `item` (its number and title), `decision` (its resolutions) or `citation` (the meeting it names, and the minutes attached to it).",
    )
    value: str = declare(
        Custom(_as_written),
        "",
        doc="What was written, as text (`'2014-11-26'`); left out for a whole list. For a `citation` without `item`, the reference's words or its date, which name the reference in doubt.",
    )
    why: str = declare(
        TEXT, "", left_out=NEVER, doc="Why it is doubtful, in words a person can check against the paper."
    )
    lines: tuple[int, int] = declare(
        Custom(_paper_lines, _pair),
        (0, 0),
        doc="The paper's lines (1-based, inclusive, counted as `source.lines` counts them) the fact was read from, `[12, 12]`; left out when not known. `minutes serve` highlights them beside the record.",
    )
    item: str = declare(
        Custom(_item_named), "", doc="For `item`, `decision` and `citation`: the item's `number` (or its `anchor`)."
    )
    confidence: float = declare(
        Custom(_confidence, json_type=float), 0.0, left_out=NEVER, doc="How sure the converter was, from 0 to 1."
    )


def _nothing_in_review(record: DocumentRecord) -> bool:
    """`review` and `reviewed` are written together, once anything was in doubt or a person checked."""
    return not (record.review or record.reviewed)


# Keyword-only, so that the fields stand in the order they are written.
@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentRecord:
    """Front-matter of one converted document."""

    kind: str = declare(
        Choice(KINDS),
        left_out=NEVER,
        open_data=True,
        doc="`agenda`, `minutes`, `report` or `document` (text the converter could not place).",
    )
    committee: str = declare(
        Text(required="is required"),
        left_out=NEVER,
        doc='The body\'s display name. Printed forms ("IMPROVING LIVES SELECT COMMISSION", "Improving Lives Select Commission -") become one name; a site\'s `committees:` settings (`name`, `aliases`) override it and choose the folder slug. A meeting of the council itself ("A Parish Council meeting was held …", "Ordinary Meeting of Council") is filed under the council\'s name: `council` in `site.yaml`, or the council the paper prints. A paper that names no body at all is filed under the site\'s `council`, with a warning.',
    )
    date: dt.date | None = declare(
        DATE,
        None,
        left_out=NEVER,
        doc="Meeting date, `YYYY-MM-DD`; empty when the paper does not print one (a warning says so). Never guessed.",
    )
    time: str = declare(
        TIME,
        "",
        left_out=NEVER,
        doc='Start time, 24-hour `HH:MM` ("1.00 p.m." is `13:00`, "12.00 noon" is `12:00`); empty if not printed.',
    )
    venue: str = declare(TEXT, "", left_out=NEVER, doc="Where the meeting was held, as printed.")
    title: str = declare(
        TEXT,
        left_out=NEVER,
        open_data=True,
        doc='`Agenda`, `Minutes`, or a report\'s title from its cover sheet ("Report Title", "3. Title:", "TITLE:").',
    )
    end_time: str = declare(
        TIME,
        "",
        doc='When the meeting ended, 24-hour `HH:MM`: in minutes, the last sentence that closes it ("The meeting closed at 9.30pm", "Meeting ended at 8.10 pm", "the meeting was declared closed at 7.50pm", "Cllr Hotchkin closed the meeting at 7.20pm", "Meeting Concluded: 4.38pm", "The meeting adjourned at 1:31 PM" unless it "reconvened"); in an agenda, the end of a span of time that starts at `time` ("5.30 - 7.30 p.m.", "10.00 am – 12.30 pm"). Left out when the papers print none, or one not after `time` (unless the meeting went on past midnight). Calendars end the meeting here; without it they use the site\'s `meeting_length`. Set it by hand when you know it.',
    )
    webcast: str = declare(
        Text(check=_web_address),
        "",
        doc='Where the meeting is (or was) broadcast on the web: a full `http`/`https` address printed on the same line as "webcast", "live stream", "broadcast" or "YouTube", or on one of the two lines after it ("The webcast of the meeting can be viewed at: -" then the address); an address starting `www.` gets `https://`. Only agendas and minutes are read for it, never reports. A link that leads nowhere ("[via the Council\'s website](#)") gives none. Set it by hand when the papers do not print it. The meeting page shows it ("Watch the webcast"), calendars carry it as the event\'s `CONFERENCE`, schema.org data as a virtual location. Anything but a full `http`/`https` address (`javascript:…`, a path) is an error naming the line.',
    )
    recording: str = declare(
        Text(check=_web_address),
        "",
        doc='Where a recording of the meeting can be watched afterwards: read as `webcast` is, from lines that say "recording", "recorded", "watch again", "on demand" or "catch up". Shown on the meeting page ("Watch the recording") and in the calendars\' description.',
    )
    attendance: Attendance = declare(Nested(Attendance, Attendance), default_factory=Attendance)
    chair_changes: tuple[ChairChange, ...] = declare(
        ListOf(ChairChange, known_keys=True),
        (),
        doc='Minutes only: each time someone else took the chair during the meeting, in order ("Councillor Jarvis, the Vice-Chair took the Chair for the remainder of the meeting", "Cr Jones took the chair", "(Councillor Hale in the Chair)", "The Chair resumed the Chair"). A sentence that seats the chair `attendance.chair` already names is not a change. The meeting page shows each change beside the chair, and the people pages count it as chairing.',
    )
    movements: tuple[Movement, ...] = declare(
        ListOf(Movement, known_keys=True),
        (),
        doc='Minutes only: members and others who arrived after the meeting began or left before it ended, in order: sentences ("Councillor X arrived at 7.15pm during minute 5", "Cllr Y left the meeting after item 9", "Deborah Johnson and Sue Wilson left the meeting.", "X joined the meeting at this point", "The Chair left the meeting", which gives the chair\'s name) and notes in an attendance list ("Cllr Hollick (arrived at 7.01pm)").',
    )
    items: tuple[Item, ...] = declare(ListOf(Item), (), doc="Agenda items or minutes, in order.")
    mentions: tuple[str, ...] = declare(
        NAMES,
        (),
        doc="For a document without items (an officer report): the councillors its text names, read the same way.",
    )
    citations: tuple[Citation, ...] = declare(
        ListOf(Citation), (), doc="References to other meetings and minutes found in the text."
    )
    next_meeting: NextMeeting | None = declare(
        Nested(NextMeeting),
        None,
        doc="`date`, `time`, `venue` and `text` of the next meeting, when the document names it.",
    )
    agenda_item: str = declare(
        TEXT,
        "",
        open_data=True,
        doc="For reports and submitted minutes: the number of the agenda item they belong to (by pack page, title, or order).",
    )
    body_of: str = declare(
        TEXT, "", open_data=True, doc="For minutes of another body submitted for information: that body's name."
    )
    source: Source | None = declare(Nested(Source), None)
    warnings: tuple[str, ...] = declare(
        Lines(),
        (),
        left_out=NEVER,
        doc='Things a person should check, e.g. "agenda item 2 names the minutes of 2020-06-16, but the minutes in the pack are dated 2020-03-03".',
    )
    review: tuple[ReviewEntry, ...] = declare(
        ListOf(ReviewEntry, known_keys=True),
        (),
        left_out=_nothing_in_review,
        doc='Facts the converter is unsure of, for a person to check against the paper (see [review](review.md)). Each entry stays in doubt until it is deleted or the record says `reviewed: true`; until then a published page never states the fact as certain (the `unreviewed` setting: marked "unconfirmed", left out, or the build refuses), and `minutes check --reviewed` fails.',
    )
    reviewed: bool = declare(
        FLAG,
        False,
        left_out=_nothing_in_review,
        doc="`true` once a person has checked the record: none of its `review` entries, nor its `warnings`, is in doubt any more (they stay in the file as a record of what was checked).",
    )

    @property
    def open_review(self) -> tuple[ReviewEntry, ...]:
        """The entries still in doubt: none once the record is marked reviewed."""
        return () if self.reviewed else self.review

    def to_mapping(self) -> dict[str, Any]:
        """Plain data in key order, for YAML; empty optional values are left out."""
        return to_mapping(self)

    @classmethod
    def from_mapping(cls, data: Any) -> DocumentRecord:
        """Validate parsed YAML; raise RecordError naming the first bad key."""
        data = mapping(data, "front-matter")
        known = sorted(d.name for d in declared(cls))
        for key in data:
            if key not in known:
                raise RecordError(str(key), f"unknown key; expected one of {', '.join(known)}")
        record: DocumentRecord = read_object(cls, data, "")
        return record

    @staticmethod
    def completed(values: dict[str, Any], prefix: str) -> dict[str, Any]:
        """The title defaults to the committee; changes of chair and movements name items the record has."""
        keys = tuple(item.key for item in values["items"])
        for name, entries, item_keys in (
            ("chair_changes", values["chair_changes"], ("from_item", "to_item")),
            ("movements", values["movements"], ("item",)),
        ):
            for n, entry in enumerate(entries):
                for key in item_keys:
                    _item_key(getattr(entry, key), f"{name}[{n}].{key}", keys)
        return {**values, "title": values["title"] or values["committee"]}


def _item_key(value: str, path: str, items: tuple[str, ...]) -> None:
    """An item named by its number (or anchor, when it has no number) must be one of the record's."""
    if value and value not in items:
        listed = ", ".join(items[:12]) + (" …" if len(items) > 12 else "")
        raise RecordError(
            path,
            f"{excerpt(value)} is not an item of this record ({listed or 'it has none'}); write the item's number as `items` gives it",
        )


WEB_ADDRESS_LIMIT = 2000
"""Longer addresses are refused by browsers and hosts alike."""


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
