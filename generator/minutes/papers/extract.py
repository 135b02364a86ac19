"""Facts of one document: a meeting's agenda or minutes, or an officer report.

`read_meeting` reads any council's agenda or minutes the same way:

    opening (header.py)  -> body, date, time, venue, and whether it calls itself minutes
    attendance           -> present, apologies, in attendance, the chair
    items (headings.py)  -> numbers, titles, the lines each takes, sub-items
    decisions            -> what each item resolved (minutes only)
    kind                 -> agenda or minutes, weighed from all of the above

It returns what it found and, for the body, the Markdown to write instead of the lines it
recognised (each item heading with its permalink). It never drops a line: lines it does
not recognise are written as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from minutes.core import vocabulary
from minutes.papers import attendance as attendance_rules
from minutes.papers.bilingual import english_side
from minutes.papers.clean import Line
from minutes.papers.cover import read_cover
from minutes.papers.dates import find_dates, find_time, parse_date, parse_date_after
from minutes.papers.decisions import RESOLUTION_LISTED, RESOLVED, Decision, enumeration_label, read_decisions
from minutes.papers.evidence import weight_of
from minutes.papers.header import AGENDA_WORDS, MINUTES_WORDS, MeetingFacts, read_opening
from minutes.papers.headings import DATED_ENTRY, PARAGRAPH_RULES, Candidate, ItemHeading, below_header, read_items
from minutes.papers.item_text import ItemText
from minutes.papers.names import plain, title_case
from minutes.papers.proceedings import read_proceedings
from minutes.papers.shapes import Shape
from minutes.papers.shapes import shapes as line_shapes
from minutes.papers.worded import Worded
from minutes.records.record import Attendance, ChairChange, Item, Member, Movement, anchor_for

# Someone declaring ("X declared a non-pecuniary interest", "interests were declared"),
# not a reference back to it ("who had declared an interest ... left the meeting").
_DECLARED = Worded(
    re.compile(
        r"(?<!had )(?<!having )(?<!previously )\bdeclared\s+(?:an?|their|his|her)\b[^.]*?\binterest"
        r"|\binterests?\s+(?:was|were)\s+declared\b",
        re.IGNORECASE,
    ),
    ("interest",),
)
_EXEMPT = Worded(
    re.compile(
        r"\(exempt\)|\bexempt under paragraph|\bexempt information\b|press and public be excluded|public be excluded",
        re.IGNORECASE,
    ),
    ("exempt", "excluded"),
)
TRUNCATED = re.compile(r"(?<!\.)\.{2,}+\s*view the full minutes text for item", re.IGNORECASE)
_NEXT_MEETING = re.compile(
    r"\b(?:date\s+(?:and\s+time\s+)?of\s+(?:the\s+)?next\s+(?:\w+\s+)?meeting|next\s+(?:\w+\s+)?meeting\s*(?:will\s+be|is|:|[-–,]|\s+(?:on|to\s+be\s+held)|$)"
    r"|the\s+next\s+meeting\s+(?:of\s+[\w\s]{2,40}?\s+)?(?:will|would|is\s+to|shall)\s+(?:be\s+)?(?:held|take\s+place|on)"
    r"|to\s+hold\s+the\s+\w+\s+meeting\s+on|(?:annual|monthly)\s+meeting\s+would\s+take\s+place\s+on)",
    re.IGNORECASE,
)
_GROUP = re.compile(
    r"^(?:items?\s+)?for\s+(?:decision|discussion|information|pre-decision\s+scrutiny|noting|monitoring|approval|consideration)\b.*[:-]?$",
    re.IGNORECASE,
)
_KIND_LINE = re.compile(
    r"^(?:(?:supplementary\s+|draft\s+)?agenda|a\s*g\s*e\s*n\s*d\s*a|minutes|draft\s+minutes|agenda\s+items?)\W*$",
    re.IGNORECASE,
)
_AGENDA_TITLE = re.compile(
    r"^(?:to\s+(?:receive|consider|approve|note|confirm|agree|elect|appoint|adopt|determine|fix|review|discuss|resolve)\b)",
    re.IGNORECASE,
)
_REPORTED = Worded(
    re.compile(
        r"\b(?:the\s+)?(?:chair(?:man|person)?|committee|council|cabinet|members|clerk|mayor|leader)\s+(?:then\s+)?"
        r"(?:took|noted|reported|welcomed|thanked|asked|explained|confirmed|advised|informed|considered|discussed|received)\b",
        re.IGNORECASE,
    ),
    (
        "took",
        "noted",
        "reported",
        "welcomed",
        "thanked",
        "asked",
        "explained",
        "confirmed",
        "advised",
        "informed",
        "considered",
        "discussed",
        "received",
    ),
)
"""What minutes do: tell what was done at the meeting ("The Chair took the opportunity …", "Members noted …")."""
_CALLED_TO_ORDER = re.compile(
    r"\b(?:called\s+(?:the\s+)?(?:\w+\s+){0,2}meeting\s+to\s+order|called\s+to\s+order|declared\s+the\s+meeting\s+open(?:ed)?|opened\s+the\s+meeting|meeting\s+(?:commenced|opened|began|started)"
    r"|call\s+to\s+order|opens\s+(?:the\s+)?meeting)\b",  # "1. Call to order – 7:05 PM.", "Brenda opens meeting at 7:07 PM."
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NextMeetingFound:
    date: dt.date | None
    time: str
    venue: str
    text: str


@dataclass(slots=True)
class Found:
    """What an extractor found in one document."""

    meeting: MeetingFacts = field(default_factory=MeetingFacts)
    kind: str = ""
    """agenda | minutes for a meeting's paper; empty for reports."""
    attendance: Attendance = field(default_factory=Attendance)
    items: list[Item] = field(default_factory=list)
    item_lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Item key (number, or anchor when unnumbered) -> (first, end) line indexes of the item."""
    item_details: dict[str, str] = field(default_factory=dict)
    """Item key -> the item's text after its heading, as plain text."""
    item_texts: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    """Item key -> (line index, text) of the item's text after its heading (its run-in text at the heading's index)."""
    chair_changes: tuple[ChairChange, ...] = ()
    movements: tuple[Movement, ...] = ()
    replacements: dict[int, str] = field(default_factory=dict)
    title: str = ""
    printed_date: str = ""
    warnings: list[str] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    """Line index -> how the line was read (for `explain`)."""
    next_meeting: NextMeetingFound | None = None
    kind_evidence: tuple[str, ...] = ()
    # What the facts were read from, for the converter's confidence (confidence.py):
    opening_lines: tuple[int, ...] = ()
    """Line indexes of the opening the meeting's facts were read from."""
    attendance_read: attendance_rules.AttendanceFound | None = None
    """How attendance was read: from labels or sentences, the lines, the notes."""
    house_header: tuple[int, int] = (0, 0)
    """Line indexes [first, last) of headings read as the header the house style knows, not as items."""
    item_heads: dict[str, ItemHeading] = field(default_factory=dict)
    """Item key -> the heading it was read from (its rule, scheme and lines)."""
    item_decisions: dict[str, tuple[Decision, ...]] = field(default_factory=dict)
    """Item key -> the decisions read under it, each with its rule."""
    kind_scores: tuple[float, float] = (0.0, 0.0)
    """How much the signs weighed for minutes and for agenda."""
    untaken_headings: tuple[Candidate, ...] = ()
    """Lines that could have opened an item but were not taken: an item missed, or rightly left out."""
    item_candidates: Sequence[Candidate] = ()
    """Every line that could have opened an item, taken or not: the rival chains the items were chosen
    from (`bench/fit_weights.py` fits the chain scoring on them)."""


def item_key(item: Item) -> str:
    return item.number or item.anchor


def _content(lines: Sequence[Line], start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if lines[i].is_content and not lines[i].artefact]


_LINK_TARGET = re.compile(r"\]\((?P<url>[^()\s]{1,500}+)\)")
"""Where a Markdown link in a line points ("[text](mailto:a@b.gov.uk)")."""


def _item_heading(number: str, title: str, anchor: str) -> str:
    label = f"{number}. {title}" if number else title
    return f"## {label} {{#{anchor}}}"


def _display_title(title: str) -> str:
    return title_case(re.sub(r"\s+", " ", title).strip())


# --- a meeting's agenda or minutes ------------------------------------------------------------


def read_meeting(
    lines: Sequence[Line],
    start: int,
    end: int,
    *,
    meta: Mapping[str, object] | None = None,
    shapes_: Sequence[Shape] | None = None,
    web_page: bool = False,
) -> Found:
    """Everything a meeting's agenda or minutes says about the meeting."""
    shapes_ = shapes_ or line_shapes(lines)
    meta = meta or {}
    found = Found()
    body_from = _after_kind_line(lines, shapes_, start, end)
    heads, found.item_candidates = read_items(
        lines, body_from, end, shapes_, kind=_kind_hint(lines, shapes_, start, end)
    )
    heads, found.house_header = below_header(lines, body_from, end, shapes_, heads)
    taken = {h.index for h in heads}
    untaken = [c for c in found.item_candidates if c.index not in taken]
    meta_items = _meta_agenda(meta)
    if meta_items and len(meta_items) >= len(heads):
        heads = []
    found.untaken_headings = tuple(c for c in untaken if c.index >= (heads[0].index if heads else body_from))
    first_item = heads[0].index if heads else end
    opening_end = first_item if heads else min(end, _opening_limit(lines, start, end))

    # Attendance: the opening, the first items (a "Present" minute, a roll call), and any item about it.
    attendance_end = _attendance_reach(heads, opening_end, end)
    seen, facts, opening_lines = _opening(lines, shapes_, start, end, heads, opening_end, attendance_end, meta)
    _record_attendance(found, seen, meta)

    # The start time and place, when the opening leaves them to the first minute ("called the meeting to order at …").
    if not facts.time or not facts.venue:
        facts = _from_call_to_order(
            lines, shapes_, opening_end, _next_start(heads, heads[0], end) if heads else end, facts
        )
    found.meeting = facts
    found.opening_lines = tuple(opening_lines)
    found.printed_date = " ".join(shapes_[i].text for i in opening_lines[:6])

    # Items, their text and decisions.
    if meta_items and not heads:
        found.items = meta_items
    for n, head in enumerate(heads):
        stop = heads[n + 1].index if n + 1 < len(heads) else end
        _read_item(lines, shapes_, head, stop, found)

    found.kind, found.kind_evidence = _kind(facts, found, lines, shapes_, start, end, web_page)
    if found.kind == "agenda":
        _as_agenda(found)
    found.title = {"minutes": "Minutes", "agenda": "Agenda"}.get(found.kind, "")
    found.next_meeting = _next_meeting(lines, shapes_, start, end, facts.date)
    _embolden_labels(found, shapes_, start, end)
    _read_proceedings(found, shapes_, opening_lines, sorted(seen.lines))
    return found


def _opening(
    lines: Sequence[Line],
    shapes_: Sequence[Shape],
    start: int,
    end: int,
    heads: Sequence[ItemHeading],
    opening_end: int,
    attendance_end: int,
    meta: Mapping[str, object],
) -> tuple[attendance_rules.AttendanceFound, MeetingFacts, list[int]]:
    """Attendance, and the meeting's facts from the opening's other lines: attendance is read first so
    its names are not taken for a committee or a venue, and the date then picks the meeting's own list
    where one minute lists two meetings'."""
    seen = attendance_rules.read_attendance(lines, start, attendance_end, shapes_, opening_end=opening_end)
    facts_end = opening_end
    if heads and heads[0].rule == DATED_ENTRY:
        facts_end = _next_start(heads, heads[0], end)  # a decisions list names its meeting under the first entry
    opening_lines = [i for i in _content(lines, start, facts_end) if i not in seen.lines and not shapes_[i].table]
    opening_lines = _without_notices(opening_lines, [shapes_[i].text for i in opening_lines])
    facts = read_opening([shapes_[i].text for i in opening_lines], [shapes_[i].strong for i in opening_lines], meta)
    day = (facts.date.day, facts.date.month) if facts.date else None
    if day and seen.needs_day:
        seen = attendance_rules.read_attendance(
            lines, start, attendance_end, shapes_, meeting_day=day, opening_end=opening_end
        )
    attendance_rules.read_further(seen, lines, shapes_, _item_spans(heads, end), attendance_end, end, day)
    return seen, facts, opening_lines


_NOTICE = re.compile(
    r"(?i)\b(?:draft\s+only|(?:will|shall)\s+not\s+be\s+(?:considered\s+)?(?:approved|adopted|confirmed)|"
    r"subject\s+to\s+(?:approval|confirmation|ratification)\s+(?:at|by|on)\b)"
)
"""A draft's notice over its minutes ("DRAFT ONLY – THESE MINUTES WILL NOT BE CONSIDERED APPROVED UNTIL …")."""


_NOTICE_WORDS = 20
"""A notice is a line of its own; a longer line holding one runs on into the paper's heading (a page flattened)."""


def _without_notices(indexes: list[int], texts: Sequence[str]) -> list[int]:
    """The opening's lines without a draft's notice, nor the date it runs on to (the day the minutes are to be
    approved, not the meeting's)."""
    out: list[int] = []
    skip_next = False
    for index, text in zip(indexes, texts, strict=True):
        if skip_next and len(text.split()) <= 6:
            skip_next = False
            continue
        skip_next = False
        if _NOTICE.search(text) and len(text.split()) <= _NOTICE_WORDS:
            skip_next = bool(re.search(r"(?i)\b(?:until|on|at|by)\s*$", text))
            continue
        out.append(index)
    return out


def _record_attendance(found: Found, seen: attendance_rules.AttendanceFound, meta: Mapping[str, object]) -> None:
    """Attendance as the record holds it: the chair (from the front-matter when the paper names none)
    among those present, and the lines read as attendance marked so."""
    attendance_rules.set_apart_known_attenders(seen)
    chair = seen.chair or _meta_chair(meta)
    if chair and not seen.chair:
        seen.chair_how = "front-matter"
    if chair and seen.present and not any(attendance_rules.same_person(chair, p) for p in seen.present):
        seen.present.insert(0, chair)
    elif chair and seen.chair_how == "sentence":
        # "called to order by Johathan Tustin" over a roll of "Jonathan Tustin": the roll's spelling
        chair = next((p for p in seen.present if attendance_rules.misprinted(chair, p)), chair)
    found.attendance = Attendance(
        chair=chair,
        present=tuple(seen.present),
        apologies=tuple(seen.apologies),
        in_attendance=tuple(seen.in_attendance),
        membership=tuple(Member(name, role) for name, role in seen.membership),
    )
    for i in seen.lines:
        found.roles[i] = "attendance"
    found.attendance_read = seen


def _as_agenda(found: Found) -> None:
    """An agenda is written before the meeting: names it lists are the body's membership, not attendance,
    and it records no decisions."""
    found.items = [_without_decisions(item) for item in found.items]
    listed = found.attendance.membership + tuple(
        Member(name)
        for name in found.attendance.present
        if not any(m.name == name for m in found.attendance.membership)
    )
    found.attendance = Attendance(chair=found.attendance.chair, membership=listed)


def _embolden_labels(found: Found, shapes_: Sequence[Shape], start: int, end: int) -> None:
    """ "Minutes:", "Decision:" and an agenda's "For Decision:-" set in bold for the page to find."""
    for i in range(start, end):
        text = shapes_[i].text
        if i in found.replacements:
            continue
        if text in ("Minutes:", "Decision:") or (
            found.kind == "agenda" and _GROUP.match(text) and len(text.split()) <= 8
        ):
            found.replacements[i] = f"**{text}**"


def _item_spans(heads: Sequence[ItemHeading], end: int) -> list[attendance_rules.ItemSpan]:
    """The items as attendance reads them, titles in English ("YMDDIHEURIADAU / APOLOGIES" read as "APOLOGIES")."""
    return [
        attendance_rules.ItemSpan(
            head.index, head.end, _next_start(heads, head, end), english_side(head.title), head.rest
        )
        for head in heads
    ]


def _read_proceedings(found: Found, shapes_: Sequence[Shape], opening: list[int], attendance: list[int]) -> None:
    """Changes of chair, comings and goings, and the councillors each item names (proceedings.py)."""
    listed = set(attendance)
    texts = [
        ItemText(key, tuple((i, text) for i, text in lines if i not in listed))
        for key, lines in found.item_texts.items()
    ]
    first_item = min((first for first, _ in found.item_lines.values()), default=len(shapes_))
    read = read_proceedings(
        texts,
        [(i, shapes_[i].text) for i in opening if i < first_item],
        [(i, shapes_[i].text) for i in attendance],
        found.attendance.chair,
        minutes=found.kind == "minutes",
    )
    found.items = [replace(item, mentions=read.mentions.get(item.key, ())) for item in found.items]
    found.chair_changes, found.movements = read.chair_changes, read.movements
    for i, role in read.roles.items():
        found.roles.setdefault(i, role)


_TOLD = Worded(
    re.compile(
        r"\b(?:was|were)\s+called\s+to\s+order\b|\bcalled\s+(?:the\s+meeting\s+)?to\s+order\s+(?:at|by)\b"
        r"|\broll\s+call\s+was\b|\bmotion\s+(?:by|made|was)\b",
        re.IGNORECASE,
    ),
    ("order", "roll", "motion"),
)
"""What only minutes say: the meeting told in the past ("was called to order by …", "Motion by …")."""


def _kind_hint(lines: Sequence[Line], shapes_: Sequence[Shape], start: int, end: int) -> str:
    """What a document's first lines call it (agenda or minutes), before its items are read."""
    first = [shapes_[i].text for i in _content(lines, start, min(end, start + 60))[:14]]
    title = "\n".join(first[:4])
    said = {
        k for k, pattern in (("minutes", r"\bminutes\b"), ("agenda", r"\bagenda\b")) if re.search(pattern, title, re.I)
    }
    if len(said) == 1:
        return said.pop()  # the title says what the paper is
    top = "\n".join(first)
    if _TOLD.search(top):
        return "minutes"  # told in the past: whatever agenda it mentions, these are minutes
    minutes = bool(MINUTES_WORDS.search(top))
    agenda = bool(AGENDA_WORDS.search(top))
    return "minutes" if minutes and not agenda else "agenda" if agenda and not minutes else ""


def _without_decisions(item: Item) -> Item:
    return replace(item, resolutions=())


def _after_kind_line(lines: Sequence[Line], shapes_: Sequence[Shape], start: int, end: int) -> int:
    """Items start after an "AGENDA" line near the top, when there is one, and before the meeting is told: in
    minutes that have called the meeting to order, "AGENDA" is the item that approves it."""
    seen = 0
    for i in range(start, end):
        if not lines[i].is_content or lines[i].artefact:
            continue
        seen += 1
        if seen > 80:
            break
        text = shapes_[i].text
        if _TOLD.search(text) or _CALLED_IT_TO_ORDER.search(text):
            break
        kind_line = _KIND_LINE.match(text) and len(text) < 40 and not text.endswith(":")
        # "*** AGENDA *** Amended January 2, 2023 Tuesday, January 3, 2023 START TIME 6:30 p.m."
        dated_kind_line = (
            re.match(r"^\W*(?:agenda|minutes)\b", text, re.IGNORECASE) and len(text) < 120 and find_dates(text, 2000)
        )
        if kind_line or dated_kind_line:
            if not _under_number(lines, shapes_, i) and not _has_papers(lines[i]):
                return i + 1
    return start


_CALLED_IT_TO_ORDER = re.compile(r"(?i)\bcalled\b[^.]{0,80}?\bto\s+order\b|(?<!\bto\s)\bpresent\s*:")
""" "Chair Colley called the Fire Commission meeting for SJC Fire District 3 to order", "Commissioners Present:":
the meeting told, or its attendance recorded."""


def _has_papers(line: Line) -> bool:
    """ "Minutes pdf icon PDF 135 KB": an item's title with its papers linked, not a kind line."""
    return any("pdf icon" in r.lower() or re.search(r"\b[KMG]B\b", r) for r in line.removed)


def _under_number(lines: Sequence[Line], shapes_: Sequence[Shape], i: int) -> bool:
    """Whether line i is an item's title under its number printed alone ("179." / "Minutes")."""
    k = i - 1
    while k >= 0 and (not lines[k].is_content or lines[k].artefact):
        k -= 1
    return k >= 0 and bool(re.fullmatch(r"[A-Za-z]{0,5}/?\d{1,4}(?:/\d{2,4})?[.)]?", shapes_[k].text))


def _opening_limit(lines: Sequence[Line], start: int, end: int) -> int:
    content = _content(lines, start, end)
    return content[min(len(content) - 1, 40)] + 1 if content else end


def _attendance_reach(heads: Sequence[ItemHeading], opening_end: int, end: int) -> int:
    """Attendance is read in the opening and up to the end of the second item (a "Present"
    minute, "Apologies", a roll call in "Call to order")."""
    tops = [h for h in heads if h.level == 0]
    if len(tops) >= 3:
        return tops[2].index
    return end if tops else opening_end


def _next_start(heads: Sequence[ItemHeading], head: ItemHeading, end: int) -> int:
    later = [h.index for h in heads if h.index > head.index]
    return later[0] if later else end


def _meta_chair(meta: Mapping[str, object]) -> str:
    for key in ("chairman", "chair", "chairperson"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _meta_agenda(meta: Mapping[str, object]) -> list[Item]:
    """An agenda kept as a list in the paper's front-matter ("agenda: - item: To receive …")."""
    agenda = meta.get("agenda") or meta.get("items")
    if not isinstance(agenda, list):
        return []
    items = []
    for n, entry in enumerate(agenda, start=1):
        if isinstance(entry, dict):
            title = entry.get("item") or entry.get("title") or ""
            number = str(entry.get("number") or "")
        else:
            title, number = entry, ""
        if not isinstance(title, str) or not title.strip():
            continue
        title = re.sub(r"(?<![\s:;,.–-])[\s:;,.–-]+$", "", title.strip())
        items.append(Item(number=number, title=title, anchor=anchor_for(number or f"{n}-{title}")))
    return items


def _from_call_to_order(
    lines: Sequence[Line], shapes_: Sequence[Shape], start: int, end: int, facts: MeetingFacts
) -> MeetingFacts:
    """ "Chair Dick Dillon called the monthly meeting to order at the North Star Town Hall on
    December 16, 2019 at 6:30 pm": the time and place of the meeting."""
    from dataclasses import replace as with_changes

    from minutes.papers.header import clean_venue

    content = _content(lines, start, min(end, start + 40))
    for n, i in enumerate(content):
        text = shapes_[i].text
        heading = re.fullmatch(r"(?i)(?<!\W)\W*+(?:\d{1,2}\W*+)?call(?:ed)?\s+to\s+order\W*+", text) is not None
        for k in content[n + 1 : n + 3]:
            if re.search(r"[.!?]$", text):
                break
            text += " " + shapes_[k].text  # the sentence runs onto the next printed lines
        match = _CALLED_TO_ORDER.search(text)
        if not match or match.start() >= len(shapes_[i].text):
            continue  # none, or one that starts on a later line: it is read from there
        sentence = _FULL_STOP.split(text[match.start() :])[0]  # "President Mrs. Dana Kessler called …": not at "Mrs."
        time = facts.time
        found_time = find_time(sentence)
        if heading and not found_time:
            continue  # the item's heading "CALL TO ORDER" over a sentence that says when: read from there
        if not time and found_time and not re.search(r"\d\.\d{3}", sentence):
            time = found_time[1]
        venue = facts.venue
        if not venue:
            place = re.search(
                r"\bto\s+order\s+(?:at\s+\d[\d.:]*\s*[ap]\.?m\.?\s+)?(?:at|in)\s+(?:the\s+)?(?P<v>[A-Z][^,]*?)(?=\s+on\b|\s+at\s+\d|,|$)",
                sentence,
            )
            online = re.search(
                r"\b(?:via|by)\s+(?:teleconference|zoom|(?:microsoft\s+)?teams|video\s*conference)\b",
                sentence,
                re.IGNORECASE,
            )
            if place:
                venue = clean_venue(place.group("v"))
            elif online:
                venue = online.group(0)
        return with_changes(facts, time=time, venue=venue)
    return facts


_FULL_STOP = re.compile("".join(rf"(?<!\b{t})" for t in (*vocabulary.ABBREVIATED_TITLES, "St")) + r"\.\s")
"""Where a sentence ends: a full stop and a space, not after a short title."""


def _read_item(lines: Sequence[Line], shapes_: Sequence[Shape], head: ItemHeading, stop: int, found: Found) -> None:
    title = _display_title(head.title)
    number = head.number
    # A point kept as a list is named by its first words: its whole text would make a sentence of a link.
    anchor = anchor_for(number or (" ".join(title.split()[:8]) if head.rule in PARAGRAPH_RULES else title))
    used = {i.anchor for i in found.items}
    base, n = anchor, 2
    while anchor in used:
        anchor = f"{base}-{n}"
        n += 1
    texts = ([head.rest] if head.rest else []) + [shapes_[k].text for k in _content(lines, head.end, stop)]
    # A title that is a whole sentence ("Minutes of the last meeting were approved as a correct record …") may record a decision.
    continues = bool(head.rest) and head.rest[:1].islower()  # "Minutes of …: were approved and signed"
    # A point of minutes kept as a list is its own text: what it decides is in its title.
    whole = len(head.title.split()) >= 10 or continues or head.rule in PARAGRAPH_RULES
    lead = " ".join(t for t in (head.title if whole else "", head.rest) if t)
    decisions = read_decisions(lines, head.end, stop, head.title, shapes_, lead=lead)
    details = "\n".join(texts)
    declarations = tuple(t for t in texts if _DECLARED.search(t))
    item = Item(
        number=number,
        title=title,
        anchor=anchor,
        pages=head.pages,
        resolutions=tuple(d.text for d in decisions),
        declarations=declarations,
        exempt=any(_EXEMPT.search(t) for t in texts + [head.title]),
        truncated=any(TRUNCATED.search(t) for t in texts),
    )
    found.items.append(item)
    key = item_key(item)
    found.item_lines[key] = (head.index, stop)
    found.item_heads[key] = head
    found.item_decisions[key] = tuple(decisions)
    found.item_details[key] = details
    found.item_texts[key] = (((head.index, head.rest),) if head.rest else ()) + tuple(
        (k, shapes_[k].text) for k in _content(lines, head.end, stop)
    )
    heading = _item_heading(number, title, anchor)
    # "**… email: [a@b.gov.uk](mailto:a@b.gov.uk)**" as a heading: its title keeps the words, not where they link
    links = [url for k in range(head.index, head.end) for url in _LINK_TARGET.findall(lines[k].text)]
    if links:
        heading += "\n\n" + " ".join(f"<{url}>" for url in links)
    if head.rest:
        heading += "\n\n" + head.rest
    if head.pages:
        heading += f"\n\n*{'Pages' if '-' in head.pages else 'Page'} {head.pages.replace('-', '–')}*"
    found.replacements[head.index] = heading
    for k in range(head.index + 1, head.end):
        found.replacements[k] = ""
    found.roles[head.index] = f"item heading ({head.rule} {weight_of(head.rule):.2f}, {head.scheme or 'unnumbered'})"
    for d in decisions:
        found.roles.setdefault(d.line, f"decision ({d.rule})")
    _set_apart(decisions, found.replacements, shapes_)


def _set_apart(decisions: Sequence[Decision], replacements: dict[int, str], shapes_: Sequence[Shape]) -> None:
    """ "Resolved: - (1) That … (2) That …" as the marker and a numbered list, so each resolution
    stands on its own in the page; only where a resolution is a whole line and its printed number
    (if any) is the one the list gives it, so no words move."""
    n = 0
    for d in decisions:
        printed = enumeration_label(shapes_[d.line].text) if d.rule == RESOLUTION_LISTED else ""
        if printed and printed != str(n + 1):
            n = 0  # "22. Short term …", "(b) that …" under a "RESOLVED": kept as printed
            continue
        if d.rule == RESOLVED and d.whole_line and d.line not in replacements:
            n = 1
            replacements[d.line] = f"{d.marker}\n\n1. {d.text}"
        elif d.rule == RESOLUTION_LISTED and n and d.whole_line and d.line not in replacements:
            n += 1
            replacements[d.line] = f"{n}. {d.text}"
        else:
            n = 0


def _named_kind(facts: MeetingFacts) -> tuple[float, float, list[str]]:
    """Points for minutes and for agenda, a point each time the opening calls the paper one, and why."""
    minutes, agenda, why = 0.0, 0.0, []
    for fact, proposal in facts.proposals:
        if fact == "kind:minutes":
            minutes += 1.0
            why.append(f"minutes: {proposal.value!r}")
        elif fact == "kind:agenda":
            agenda += 1.0
            why.append(f"agenda: {proposal.value!r}")
    return minutes, agenda, why


def _kind(
    facts: MeetingFacts, found: Found, lines: Sequence[Line], shapes_: Sequence[Shape], start: int, end: int, web: bool
) -> tuple[str, tuple[str, ...]]:
    """Agenda or minutes, from every sign: what the opening calls itself, attendance,
    decisions, items phrased as business to come, page references, a web page's "Minutes:"."""
    minutes, agenda, why = _named_kind(facts)
    if found.attendance.present or found.attendance.apologies:
        minutes += 2.0
        why.append("minutes: attendance recorded")
    decided = sum(1 for item in found.items if item.resolutions)
    if decided:
        minutes += 1.0 + min(decided, 4) * 0.5
        why.append(f"minutes: {decided} items record decisions")
    web_minutes = sum(
        1
        for i in range(start, end)
        if shapes_[i].text in ("Minutes:", "Decision:") or shapes_[i].text.startswith("Decision made")
    )
    if web_minutes:
        minutes += 4.0
        why.append("minutes: 'Minutes:' under items")
    # What was done, told in the past ("Members noted …", "was called to order by …", "A motion by … carried").
    reported = sum(1 for i in range(start, end) if _REPORTED.search(shapes_[i].text) or _TOLD.search(shapes_[i].text))
    if reported:
        minutes += min(reported, 2) * 1.5
        why.append(f"minutes: {reported} lines report what was done")
    phrased = sum(1 for item in found.items if _AGENDA_TITLE.match(item.title))
    if phrased >= 2:
        agenda += min(phrased, 6) * 0.5
        why.append(f"agenda: {phrased} items phrased as business to come")
    paged = sum(1 for item in found.items if item.pages)
    if paged:
        agenda += 1.5
        why.append("agenda: items cite pack pages")
    if any(
        re.fullmatch(r"(?:supplementary\s+)?(?:agenda|a\s*g\s*e\s*n\s*d\s*a)\W*", shapes_[i].text, re.IGNORECASE)
        for i in _content(lines, start, min(end, start + 200))
    ):
        agenda += 1.5
        why.append("agenda: an 'Agenda' heading")
    if web and not web_minutes:
        agenda += 1.0
    if not (
        facts.date or facts.undated or found.items or found.attendance.present or found.attendance.apologies or web
    ):
        return "document", tuple(why) + ("no date, items or attendance: not a meeting's paper",)
    titled = any(
        fact in ("kind:minutes", "kind:agenda") and proposal.weight >= 2.0 for fact, proposal in facts.proposals
    )
    attended = found.attendance.present or found.attendance.apologies or found.attendance.membership
    if not (facts.date or facts.undated or attended or web or titled or decided or phrased >= 3):
        # an appendix, a risk register or an impact assessment published on its own
        return "document", tuple(why) + (
            "no meeting date, attendance, decisions or title naming agenda or minutes: a paper of its own",
        )
    found.kind_scores = (minutes, agenda)
    if minutes > agenda and not (decided or reported or web_minutes) and _titled_only(facts, "kind:agenda"):
        return "agenda", (*why, "agenda: titled an agenda, reports nothing done")
    return ("minutes" if minutes > agenda else "agenda"), tuple(why)


def _titled_only(facts: MeetingFacts, kind: str) -> bool:
    """Whether the paper's title (its first lines) calls it `kind` and not the other kind: "REGULAR MEETING AGENDA"
    over its members' names, with nothing done or decided in it, is an agenda printing its membership."""
    titles = {fact for fact, proposal in facts.proposals if fact.startswith("kind:") and proposal.weight >= 2.0}
    return titles == {kind}


def _next_meeting(
    lines: Sequence[Line], shapes_: Sequence[Shape], start: int, end: int, meeting_date: dt.date | None
) -> NextMeetingFound | None:
    """ "Date of the next meeting, Tuesday, 4 February 2025 at 8.00 pm in the Village Hall."""
    content = _content(lines, start, end)
    for n, i in enumerate(content):
        text = shapes_[i].text
        match = _NEXT_MEETING.search(text)
        if not match:
            continue
        sentence = text[match.start() :]
        if not find_dates(sentence, 2000) and n + 1 < len(content):
            sentence += " " + shapes_[content[n + 1]].text
        sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", sentence)[0]
        if not find_dates(sentence, 2000):
            continue
        date = parse_date_after(sentence, meeting_date) if meeting_date else parse_date(sentence)
        if date is None or (meeting_date and date <= meeting_date):
            continue
        venue = ""
        place = re.search(
            r"\b(?:in|at)\s+(?:the\s+)?(?P<v>(?:[A-Z][\w'’-]*\s*)+(?:Hall|House|Room|Centre|Chamber|Library|Offices?)?)\s*[.,]?\s*$",
            sentence,
        )
        if place:
            venue = place.group("v").strip()
        time = find_time(sentence)
        return NextMeetingFound(date, time[1] if time else "", venue, re.sub(r"\s+", " ", sentence).strip())
    return None


# --- officer reports -------------------------------------------------------------------------------

_MEETING_LINE = re.compile(r"^(?P<body>[A-Z][\w&’' ]{2,80}?)\s+meeting\s*[–—,-]?\s*(?P<rest>.*\d{4})$", re.IGNORECASE)
_ADDRESSED = re.compile(
    r"^(?i:report\s+to|to)\s*:?\s+(?:the\s+)?(?P<body>[A-Z][\w&’' ]{2,60}?)\s*(?:[–—-]|,)\s*(?P<rest>.*\d{4}.*)$"
)


def read_report(lines: Sequence[Line], start: int, end: int) -> Found:
    """An officer report or briefing: its title, and the meeting its cover sheet names."""
    found = Found()
    indexes = _content(lines, start, end)
    cover = read_cover(lines, start, end)
    found.title = cover.get("report title", "title", "name of report", "subject").rstrip(".")
    body = cover.get(
        "committee",
        "committee name",
        "name of committee",
        "committee name and date of committee meeting",
        "committee name and date of meeting",
        "meeting",
        "report to",
    )
    when = cover.get("date of meeting", "meeting date", "date")
    if body or when:
        date = parse_date(when) or parse_date(body)
        body = re.split(r"(?<!\s)\s+[–—-]\s+|,\s*(?=\d)", body, maxsplit=1)[0].strip(" ,")
        found.meeting = MeetingFacts(committee=body if body and not body[0].isdigit() else "", date=date)
    for n, i in enumerate(indexes[:40]):
        text = lines[i].text
        addressed = _ADDRESSED.match(plain(text)) if "\t" not in text and not found.meeting.committee else None
        if addressed:  # "To Cabinet – 30 January 2025", "Report to: Planning Committee, 5 March 2024"
            found.meeting = MeetingFacts(
                committee=addressed.group("body").strip(" ,–-"), date=parse_date(addressed.group("rest"))
            )
        meeting_line = _MEETING_LINE.match(plain(text)) if n == 0 and not found.meeting.committee else None
        if meeting_line:  # "Royal Sutton Coldfield Town Council Meeting 21 February 2017", then the title
            found.meeting = MeetingFacts(
                committee=meeting_line.group("body"), date=parse_date(meeting_line.group("rest"))
            )
            if not found.title and len(indexes) > 1:
                found.title = plain(lines[indexes[1]].text)
    if not found.title:
        for i in indexes[:3]:
            text = plain(lines[i].text.split("\t")[-1] if "\t" in lines[i].text else lines[i].text)
            if text and text.lower() not in ("summary sheet", "briefing"):
                found.title = text
                break
    found.title = title_case(re.sub(r"\s+", " ", found.title).strip()) or "Report"
    return found
