"""Learning a site's house style: from what most of its papers agree on, and from a person's corrections.

Two sources, one result (`housestyle.HouseStyle`):

- `observe` notes, for one converted paper, the shapes the style is made of: the bodies its
  meetings name (as printed, and the body filed under), the venue, how its items are numbered
  and titled. `learn` keeps what most papers of the site share: a body or a venue named by two
  papers or more, the numbering most meetings' items take, the titles most meetings reuse, and
  the header most minutes print above the roll call (where two or more took it for items).
- `teach` compares a record a person corrected with the record the converter makes of the same
  paper, and aligns each corrected fact with the paper's lines: the printed form of the body
  that was meant, the venue, the shape of the numbers and titles of the items (or that each
  paragraph is one), the labels over each list of names, the words before the chair's name, the roles
  printed beside names moved to those present, and that the header stands above the attendance.

Entries a person pinned are kept as they are; corrected entries stay until a person removes
them; learned entries are worked out again from the papers each time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypedDict

from minutes.papers.housestyle import (
    CORRECTED,
    LEARNED,
    PINNED,
    AttendanceStyle,
    Body,
    Cue,
    HeaderStyle,
    HouseStyle,
    ItemShape,
    Venue,
    folded,
    run_in_title,
)

if TYPE_CHECKING:
    from minutes.papers.clean import Line
    from minutes.papers.convert import ConvertedDocument
    from minutes.records.record import DocumentRecord, Item

MIN_PAPERS = 2
"""A body or a venue is part of the style once this many papers name it."""
SHARE = 0.5
"""Numbering and titles are part of the style when at least this share of meetings use them."""


class ObservedMapping(TypedDict, total=False):
    """`Observed` as the conversion manifest stores it (JSON); a paper with no meetings stores none of it."""

    bodies: list[list[str]]
    venues: list[str]
    numbers: list[list[str]]
    titles: list[list[str]]
    meetings: int
    kinds: list[str]
    unheaded: list[str]
    header: list[list[object]]
    cues: list[list[str]]


@dataclass(frozen=True, slots=True)
class Observed:
    """The shapes one paper shows (stored with the paper in the conversion manifest)."""

    bodies: tuple[tuple[str, str], ...] = ()
    """(form as printed, body filed under) for each meeting document."""
    venues: tuple[str, ...] = ()
    numbers: tuple[tuple[str, str], ...] = ()
    """(kind, item number pattern) of its meetings' items."""
    titles: tuple[tuple[str, str], ...] = ()
    """(kind, short item title)."""
    meetings: int = 0
    kinds: tuple[str, ...] = ()
    """The kinds of its meeting documents (agenda, minutes)."""
    unheaded: tuple[str, ...] = ()
    """The kinds of its meeting documents that, read without the house style, set out no items of their own
    in a page of text or more (business told in paragraphs)."""
    header: tuple[tuple[str, bool], ...] = ()
    """For its minutes that print a dated header above the label of those present: the label as printed
    ("Roll Call"), and whether their own reading took the header for items."""
    cues: tuple[tuple[str, str], ...] = ()
    """(fact, cue) for the date and time of its meetings: the words printed just before them (`fact_cues`)."""

    def to_mapping(self) -> ObservedMapping:
        return {
            "bodies": [list(b) for b in self.bodies],
            "venues": list(self.venues),
            "numbers": [list(n) for n in self.numbers],
            "titles": [list(t) for t in self.titles],
            "meetings": self.meetings,
            "kinds": list(self.kinds),
            "unheaded": list(self.unheaded),
            "header": [list(h) for h in self.header],
            "cues": [list(c) for c in self.cues],
        }

    @classmethod
    def from_mapping(cls, data: object) -> Observed:
        if not isinstance(data, Mapping):
            return cls()
        try:
            return cls(
                tuple((str(a), str(b)) for a, b in data.get("bodies") or []),
                tuple(str(v) for v in data.get("venues") or []),
                tuple((str(k), str(v)) for k, v in data.get("numbers") or []),
                tuple((str(k), str(v)) for k, v in data.get("titles") or []),
                int(data.get("meetings") or 0),
                tuple(str(k) for k in data.get("kinds") or []),
                tuple(str(k) for k in data.get("unheaded") or []),
                tuple((str(label), bool(taken)) for label, taken in data.get("header") or []),
                tuple((str(fact), str(cue)) for fact, cue in data.get("cues") or []),
            )
        except (TypeError, ValueError):
            return cls()


# --- numbers as patterns ----------------------------------------------------------------------------


def number_pattern(number: str) -> str:
    """The shape of a printed item number: "41/19" -> r"\\d{1,3}/\\d{2}", "(06-600)" -> r"\\(\\d{2}-\\d{3}\\)",
    "C12" -> r"C\\d{1,3}", "7" -> "" (plain numbers are read already)."""
    text = number.strip()
    if not text or re.fullmatch(r"\d{1,3}\.?", text) or not re.search(r"\d", text):
        return ""
    out = []
    for token in re.findall(r"\d+|[A-Za-z]+|[^\dA-Za-z]", text):
        if token.isdigit():
            out.append(r"\d{1,3}" if len(token) <= 2 else rf"\d{{{len(token)}}}")
        elif token.isalpha():
            out.append(re.escape(token) if token.isupper() and len(token) <= 4 else r"[A-Za-z]+")
        else:
            out.append(re.escape(token))
    return "".join(out)


# --- observing one paper ----------------------------------------------------------------------------


UNHEADED_WORDS = 120
"""A meeting document of at least this many words that reads fewer than two items tells its business in
paragraphs (as `confidence.NO_ITEMS_MIN_WORDS` says of one that reads none)."""


_TITLE_WORDS = frozenset(
    "minutes agenda of the meeting special regular annual board council committee commission township town "
    "city village parish county held on at and draft approved unapproved".split()
)


def own_items(record: DocumentRecord) -> int:
    """How many items a reading found that are more than the paper's title read again (`headed_items`)."""
    return len(headed_items(record))


def headed_items(record: DocumentRecord) -> list[Item]:
    """The items a reading found that are more than the paper's title read again: a heading that only names
    the body, the kind of meeting or its date ("Lincoln", "Planning Commission", "Special Meeting",
    "March 19, 2024 Minutes") is the opening taken for items, not an item the paper sets out."""
    names = set(folded(record.committee).split())
    return [
        item
        for item in record.items
        if not re.search(r"\b(?:19|20)\d\d\b", item.title)
        and not set(folded(item.title).split()) <= (_TITLE_WORDS | names)
    ]


def unheaded(documents: Iterable[ConvertedDocument]) -> tuple[str, ...]:
    """The kinds of the meeting documents that set out no items of their own in a page of text or more."""
    return tuple(
        dict.fromkeys(
            d.record.kind
            for d in documents
            if d.record.kind in ("agenda", "minutes")
            and own_items(d.record) < MIN_PAPERS
            and len(d.body.split()) >= UNHEADED_WORDS
        )
    )


def dated_headers(documents: Iterable[ConvertedDocument], lines: Sequence[Line]) -> tuple[tuple[str, bool], ...]:
    """For each of the minutes whose opening prints a dated header above the label of those present: the label
    as printed ("Roll Call"), and whether the reading took that header for items. The header prints the
    meeting's date (the date the record holds, or any date where it holds none) on a line above the label;
    it was taken for items when that line is one of the record's items ("March 19, 2024 Minutes")."""
    from minutes.papers.dates import find_dates

    out = []
    for document in documents:
        record = document.record
        if record.kind != "minutes" or not record.source:
            continue
        first, last = record.source.lines
        texts = [ln.text.strip() for ln in lines if ln.is_content and not ln.artefact and first <= ln.number <= last]
        label_at = _label_line(texts[:HEADER_LINES])
        titles = {folded(item.title) for item in record.items if not item.number}
        year = record.date.year if record.date else 2000
        dated = [
            folded(bare)
            for text in texts[: max(label_at, 0)]
            if (bare := text.strip("*#_ ").strip())
            and (found := [f.date for f in find_dates(bare, year)])
            and (record.date is None or record.date in found)
        ]
        if dated:
            out.append((_label_text(texts[label_at]), any(d in titles for d in dated)))
    return tuple(out)


def printed_cues(documents: Iterable[ConvertedDocument], lines: Sequence[Line]) -> tuple[tuple[str, str], ...]:
    """For each meeting document, the words its opening prints just before the date and the time it is filed
    under: (fact, cue), where there are such words."""
    from minutes.papers import fact_cues

    out: list[tuple[str, str]] = []
    for document in documents:
        record = document.record
        if record.kind not in ("agenda", "minutes") or not record.source:
            continue
        first, last = record.source.lines
        texts = [ln.text for ln in lines if ln.is_content and not ln.artefact and first <= ln.number <= last]
        for fact, value in (("date", record.date), ("time", record.time)):
            cue = fact_cues.cue_for(fact, value, texts)
            if cue:
                out.append((fact, cue))
    return tuple(dict.fromkeys(out))


def _label_line(texts: Sequence[str]) -> int:
    """The first of the lines that labels those present (or the members), or -1."""
    from minutes.papers.attendance import label_of

    return next(
        (
            n
            for n, text in enumerate(texts)
            if (found := label_of(text)) and found[0] in ("present", "members", "membership")
        ),
        -1,
    )


def _label_text(line: str) -> str:
    """The label as printed at the head of its line ("Roll Call" of "Roll Call   Name   Present", "Board
    members present were" of a sentence that runs on into the names)."""
    from minutes.papers.attendance import label_of

    text = line.strip().strip("*#_ ")
    head = re.split(r"\t|\s{2,}|:", text)[0].strip()
    found = label_of(text)
    rest = found[1].strip() if found else ""
    if rest and len(head.split()) > LABEL_WORDS and text.find(rest) > 0:
        head = text[: text.find(rest)].strip(" :-–—")
    return head


LABEL_WORDS = 5
"""A label of those present is at most this many words; a longer head of the line runs on into the names."""


def observe(
    records: Iterable[DocumentRecord],
    printed: Sequence[str],
    unheaded_kinds: Sequence[str] = (),
    header: Sequence[tuple[str, bool]] = (),
    cues: Sequence[tuple[str, str]] = (),
) -> Observed:
    """The shapes of one paper: its meeting records and, for each, the committee its opening printed; the
    kinds of its documents that set out no items of their own (`unheaded`); and the labels its minutes' dated
    header stands above where their own reading took it for items (`header`)."""
    bodies, venues, numbers, titles = [], [], [], []
    kinds: list[str] = []
    meetings = 0
    for record, form in zip(records, printed, strict=False):
        kind = record.kind
        if kind not in ("agenda", "minutes"):
            continue
        meetings += 1
        kinds.append(kind)
        committee = record.committee
        if committee:
            bodies.append((form or committee, committee))
        venue = record.venue
        if venue:
            venues.append(venue)
        for item in record.items:
            pattern = number_pattern(item.number)
            if pattern:
                numbers.append((kind, pattern))
            if item.title and len(item.title.split()) <= 8:
                titles.append((kind, item.title.strip()))
    return Observed(
        tuple(dict.fromkeys(bodies)),
        tuple(dict.fromkeys(venues)),
        tuple(dict.fromkeys(numbers)),
        tuple(dict.fromkeys(titles)),
        meetings,
        tuple(dict.fromkeys(kinds)),
        tuple(k for k in dict.fromkeys(unheaded_kinds) if k in kinds),
        tuple(header) if "minutes" in kinds else (),
        tuple(dict.fromkeys(cues)),
    )


# --- learning from the set ----------------------------------------------------------------------------


def learn(observed: Sequence[Observed], kept: HouseStyle) -> HouseStyle:
    """The style the papers share, around what a person pinned or taught (`kept`)."""
    body_papers: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    venue_papers: Counter[str] = Counter()
    for o in observed:
        for name in {b for _, b in o.bodies}:
            body_papers[name] += 1
        for form, name in o.bodies:
            forms[name][form] += 1
        for venue in set(o.venues):
            venue_papers[venue] += 1
    fixed = [b for b in kept.bodies if b.source in (PINNED, CORRECTED)]
    fixed_names = {b.name for b in fixed}
    replaced = _replaced(fixed)
    bodies = list(fixed)
    for name, count in sorted(body_papers.items(), key=lambda kv: (-kv[1], kv[0])):
        if count >= MIN_PAPERS and name not in fixed_names and folded(name) not in replaced:
            # A form learned before is kept: read with the style, a paper's heading is known by the body's
            # name and no longer observed as a form, and dropping it would make each run undo the last.
            before = next((b.forms for b in kept.bodies if b.name == name and b.source == LEARNED), ())
            observed_forms = [f for f, _ in forms[name].most_common() if f != name]
            printed = tuple(dict.fromkeys((*observed_forms, *before)))
            bodies.append(Body(name, printed, LEARNED, count))
    venues = [v for v in kept.venues if v.source in (PINNED, CORRECTED)]
    fixed_venues = {v.name for v in venues}
    venues += [
        Venue(name, (), LEARNED, count)
        for name, count in sorted(venue_papers.items(), key=lambda kv: (-kv[1], kv[0]))
        if count >= MIN_PAPERS and name not in fixed_venues
    ]
    items = [shape for shape in kept.items if shape.source in (PINNED, CORRECTED)]
    # A title that is only a body's name is the heading of the paper read as an item, not an item meetings reuse.
    named = {folded(form) for body in bodies for form in (body.name, *body.forms)}
    pinned_kinds = {shape.kind for shape in items if shape.source == PINNED}
    for kind in ("agenda", "minutes"):
        # What most papers share stays beside what one correction taught: each paper is read with the shape
        # it shows (style_trial), so one record's shape does not replace the archive's.
        if kind not in pinned_kinds and "" not in pinned_kinds:
            shapes = (_learned_paragraphs(observed, kind), _learned_items(observed, kind, named))
            items += [shape for shape in shapes if shape]
    attendance = kept.attendance if kept.attendance and kept.attendance.source in (PINNED, CORRECTED) else None
    header = kept.header if kept.header and kept.header.source in (PINNED, CORRECTED) else _learned_header(observed)
    return HouseStyle(tuple(bodies), tuple(venues), tuple(items), attendance, header, _learned_cues(observed, kept))


def _learned_cues(observed: Sequence[Observed], kept: HouseStyle) -> tuple[Cue, ...]:
    """The cues a person pinned or taught, then those most papers print before their meeting's date or time."""
    cues = [c for c in kept.cues if c.source in (PINNED, CORRECTED)]
    shown: Counter[tuple[str, str]] = Counter(cue for o in observed for cue in set(o.cues))
    with_fact = Counter(fact for o in observed for fact in {f for f, _ in o.cues})
    for (fact, before), count in sorted(shown.items(), key=lambda kv: (-kv[1], kv[0])):
        known = any(c.fact == fact and c.before == before for c in cues)
        if count >= MIN_PAPERS and count >= SHARE * with_fact[fact] and not known:
            cues.append(Cue(fact, before, LEARNED, count))
    return tuple(cues)


def _replaced(fixed: Sequence[Body]) -> set[str]:
    """The names of bodies that a corrected or pinned body lists among its printed forms: a correction of
    "Perry Township" to "Board of Trustees" says the converter's body was the wrong one."""
    return {folded(f) for b in fixed for f in b.forms if folded(f)}


def _learned_paragraphs(observed: Sequence[Observed], kind: str) -> ItemShape | None:
    """Minutes told in paragraphs of business, no item headed or numbered, in most papers of that kind: each
    paragraph is an item (read so only in a paper that sets out no items of its own, see `style_trial`)."""
    if kind != "minutes":
        return None  # an agenda without headings is a list of lines, which its papers do not show untaught
    papers = [o for o in observed if kind in o.kinds]
    told = [o for o in papers if kind in o.unheaded]
    if len(told) < MIN_PAPERS or len(told) < SHARE * len(papers):
        return None
    return ItemShape(kind=kind, unnumbered=True, paragraphs=True, papers=len(told))


def _learned_header(observed: Sequence[Observed]) -> HeaderStyle | None:
    """The header above the attendance, where most minutes print their date above the label of those present
    (a council's template: its name, address and the date above the roll call) and two or more of them, read
    alone, took that header for items. Tried on each paper as a correction's header is: only a dated block of
    headings above the label, with items after it, is set aside."""
    papers = [o for o in observed if "minutes" in o.kinds]
    shown = [o for o in papers if o.header]
    taken = [o for o in shown if any(t for _, t in o.header)]
    if len(taken) < MIN_PAPERS or len(shown) < MIN_PAPERS or len(shown) <= SHARE * len(papers):
        return None
    labels = Counter(label for o in shown for label in dict.fromkeys(label for label, _ in o.header))
    above = min(labels, key=lambda label: (-labels[label], label))
    return HeaderStyle(above, (), LEARNED, (), len(shown))


def _learned_items(observed: Sequence[Observed], kind: str, named: Set[str] = frozenset()) -> ItemShape | None:
    """The numbering and the titles most papers of one kind share, but for titles that are only a body's name
    (`named`, folded)."""
    papers = [o for o in observed if any(k == kind for k, _ in o.numbers + o.titles)]
    if len(papers) < MIN_PAPERS:
        return None
    enough = max(MIN_PAPERS, SHARE * len(papers))
    # each paper's patterns in a fixed order: of two patterns as common, the style takes the same one whatever the
    # hash seed (a set's order is the strings' hashes')
    numbers = Counter(p for o in papers for p in sorted({v for k, v in o.numbers if k == kind}))
    titles = Counter(t for o in papers for t in {folded(v) for k, v in o.titles if k == kind})
    spelled = {folded(v): v for o in papers for k, v in o.titles if k == kind}
    common = [p for p, c in numbers.most_common() if c >= enough]
    shared = sorted((spelled[t] for t, c in titles.items() if c >= enough and t not in named), key=str.lower)
    if not (common or shared):
        return None
    return ItemShape(kind=kind, number=common[0] if common else "", titles=tuple(shared), papers=len(papers))


# --- learning from a correction ----------------------------------------------------------------------


@dataclass(slots=True)
class Lesson:
    """What one corrected record teaches, before it joins the style."""

    record: str
    bodies: list[Body] = field(default_factory=list)
    venues: list[Venue] = field(default_factory=list)
    items: ItemShape | None = None
    labels: dict[str, list[str]] = field(default_factory=dict)
    chair_cues: list[str] = field(default_factory=list)
    member_roles: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    attending: list[str] = field(default_factory=list)
    header: HeaderStyle | None = None
    cues: list[Cue] = field(default_factory=list)

    def said(self) -> list[str]:
        """What was learned, in a person's words, for `convert` to print."""
        out = [f"the body {b.name!r} is printed {', '.join(repr(f) for f in b.forms)}" for b in self.bodies if b.forms]
        out += [f"meetings are held at {v.name!r}" for v in self.venues]
        kind = f"{self.items.kind}s'" if self.items and self.items.kind else "its"
        if self.items and self.items.number:
            out.append(f"{kind} items are numbered like {self.items.example!r}")
        if self.items and self.items.paragraphs:
            out.append(f"each paragraph of business in {self.items.kind or 'a paper'} is an item")
        if self.items and self.items.run_in:
            out.append("an item is titled by the words it opens with, before a dash or colon")
        if self.items and self.items.paragraphs and self.items.not_items:
            out.append(f"{', '.join(repr(x) for x in self.items.not_items)} only group the items under them")
        if self.items and self.items.lines:
            out.append(f"each line of {('an ' + self.items.kind) if self.items.kind else 'a paper'} is an item")
        for role, labels in self.labels.items():
            out.append(f"{role.replace('_', ' ')} are listed under {', '.join(repr(x) for x in labels)}")
        out += [f"the chair is named after {cue!r}" for cue in self.chair_cues]
        if self.member_roles:
            out.append(
                f"a {' or '.join(repr(r) for r in self.member_roles)} listed is a member present, not an officer"
            )
        if self.attending:
            out.append(f"{', '.join(repr(n) for n in self.attending)} attend and are not members")
        out += [f"the meeting's {c.fact} is printed after {c.before!r}" for c in self.cues]
        if self.header:
            out.append(
                f"the header ({', '.join(repr(line) for line in self.header.lines)}) stands above "
                f"{self.header.above!r}: no item starts before the attendance"
            )
        return out


def teach(
    record_path: str,
    corrected: Mapping[str, object],
    generated: DocumentRecord,
    printed_committee: str,
    lines: Sequence[str],
) -> Lesson:
    """What a person's correction of one record teaches: `corrected` is the edited front-matter,
    `generated` the record the converter makes of the same document, `lines` the paper's text."""
    lesson = Lesson(record_path)
    committee = str(corrected.get("committee") or "").strip()
    if committee and committee != generated.committee:
        printed = [f for f in (printed_committee, generated.committee) if f and f != committee]
        printed += [line.strip() for line in lines[:40] if _names_body(line, committee)]
        lesson.bodies.append(
            Body(committee, tuple(dict.fromkeys(f for f in printed if f)), CORRECTED, taught_by=(record_path,))
        )
    venue = str(corrected.get("venue") or "").strip()
    if venue and venue != generated.venue:
        form = next((line.strip() for line in lines[:60] if folded(venue) in folded(line)), "")
        lesson.venues.append(
            Venue(venue, (form,) if form and form != venue else (), CORRECTED, taught_by=(record_path,))
        )
    lesson.cues = _cues_taught(corrected, generated, lines, record_path)
    items = corrected.get("items")
    if isinstance(items, list) and items and _items_changed(items, generated.items):
        kind = str(corrected.get("kind") or "")
        lesson.items = _item_shape(items, lines, record_path, kind if kind in ("agenda", "minutes") else "")
    attendance = corrected.get("attendance")
    if isinstance(attendance, Mapping):
        roles = ("present", "apologies", "in_attendance")
        for role in roles:
            names = attendance.get(role)
            if isinstance(names, list) and names:
                others = [str(n) for r in roles if r != role for n in attendance.get(r) or [] if isinstance(n, str)]
                label = _label_before([str(n) for n in names], lines, others)
                if label:
                    lesson.labels.setdefault(role, []).append(label)
        chair = str(attendance.get("chair") or "").strip()
        if chair and folded(chair) != folded(generated.attendance.chair):
            cue = _cue_before(chair, lines)
            if cue:
                lesson.chair_cues.append(cue)
        lesson.member_roles = _member_roles(attendance, generated, lines)
        lesson.members, lesson.attending = _roster(attendance)
        lesson.header = _header_above(corrected, attendance, lines, record_path)
    return lesson


def _cues_taught(
    corrected: Mapping[str, object], generated: DocumentRecord, lines: Sequence[str], record_path: str
) -> list[Cue]:
    """The words the paper prints before a date or time a person corrected: where the site prints that fact."""
    from minutes.papers import fact_cues

    cues = []
    for fact, wrong in (("date", generated.date), ("time", generated.time)):
        value = corrected.get(fact)
        if isinstance(value, dt.datetime) or not isinstance(value, (dt.date, str)) or not value or value == wrong:
            continue
        cue = fact_cues.cue_for(fact, value, list(lines[:HEADER_LINES]))
        if cue:
            cues.append(Cue(fact, cue, CORRECTED, taught_by=(record_path,)))
    return cues


def _member_roles(attendance: Mapping[str, object], generated: DocumentRecord, lines: Sequence[str]) -> list[str]:
    """The roles printed beside the names a person moved from those in attendance to those present ("Corinne
    Norton, Clerk"): here those offices are held by members of the body."""
    present = attendance.get("present")
    if not isinstance(present, list):
        return []
    officers = {folded(n) for n in generated.attendance.in_attendance}
    moved = [str(n) for n in present if folded(str(n)) in officers]
    roles = []
    for name in moved:
        for line in lines[:120]:
            found = re.search(
                rf"{re.escape(name)}\s*(?:,|–|-|\()\s*(?P<role>[A-Za-z][A-Za-z ]{{1,30}}?)\s*(?:\)|\t|\s{{2,}}|,|$)",
                line,
            )
            if found:
                roles.append(found.group("role").strip())
                break
    return list(dict.fromkeys(roles))


def _roster(attendance: Mapping[str, object]) -> tuple[list[str], list[str]]:
    """The people a corrected record lists: (the body's members, present or sending apologies; those attending
    who are not members)."""

    def names(role: str) -> list[str]:
        listed = attendance.get(role)
        return [str(n).strip() for n in listed if str(n).strip()] if isinstance(listed, list) else []

    members = list(dict.fromkeys(names("present") + names("apologies")))
    known = {folded(n) for n in members}
    return members, [n for n in dict.fromkeys(names("in_attendance")) if folded(n) not in known]


HEADER_LINES = 30
"""Lines of a paper's opening in which a corrected record's header and attendance label are looked for."""


def _header_above(
    corrected: Mapping[str, object], attendance: Mapping[str, object], lines: Sequence[str], record_path: str
) -> HeaderStyle | None:
    """The header a corrected record shows standing above the attendance: the paper prints the corrected
    date above the label of those present, and the first corrected item after it."""
    from minutes.papers.attendance import label_of
    from minutes.papers.dates import find_dates

    date = corrected.get("date")
    present = attendance.get("present")
    items = corrected.get("items")
    if not (isinstance(date, dt.date) and isinstance(present, list) and present and isinstance(items, list)):
        return None
    label_at = next(
        (
            n
            for n, line in enumerate(lines[:HEADER_LINES])
            if (found := label_of(line.strip())) and found[0] in ("present", "members", "membership")
        ),
        -1,
    )
    dated = [
        n
        for n, line in enumerate(lines[: max(label_at, 0)])
        if any(f.date == date for f in find_dates(line, date.year))
    ]
    first_item = min(
        (n for n in (_line_of(str(i.get("title") or ""), lines) for i in items if isinstance(i, Mapping)) if n >= 0),
        default=-1,
    )
    if label_at < 0 or not dated or first_item <= label_at:
        return None
    committee = str(corrected.get("committee") or "")
    shown = tuple(
        _fact_shape(line.strip().strip("*#_ ").strip(), date, committee)
        for line in lines[:label_at]
        if line.strip() and len(line.split()) <= 8
    )
    above = re.split(r"\t|\s{2,}|:", lines[label_at].strip())[0].strip()
    return HeaderStyle(above, shown, CORRECTED, (record_path,))


def _line_of(title: str, lines: Sequence[str]) -> int:
    """The line of the paper an item's title opens (whole, or the start of a longer title)."""
    key = folded(title)
    if not key:
        return -1
    for n, line in enumerate(lines):
        text = folded(_BULLET.sub("", line).rstrip(" :"))
        if text and (text == key or text.startswith(key) or (key.startswith(text) and len(text) > 8)):
            return n
    return -1


def _fact_shape(line: str, date: dt.date, committee: str) -> str:
    """A header line with the facts it holds named: "April 4, 2023" -> "{date}", "Elm Township Minutes" ->
    "{body} Minutes"."""
    from minutes.papers.dates import find_dates

    for found in find_dates(line, date.year):
        if found.date == date:
            line = line[: found.start] + "{date}" + line[found.end :]
            break
    if committee and folded(committee) in folded(line):
        line = re.sub(re.escape(committee), "{body}", line, flags=re.IGNORECASE)
    return line


def _names_body(line: str, committee: str) -> bool:
    text = folded(line)
    return bool(text) and folded(committee) in text and len(text.split()) <= len(folded(committee).split()) + 6


def items_found(wanted: Sequence[object], items: Sequence[Item]) -> int:
    """How many of a correction's items a reading gives: the same number, a title that is the corrected one or
    opens with it."""
    have = [(i.number, folded(i.title)) for i in items]
    found = 0
    for entry in wanted:
        if not isinstance(entry, Mapping):
            continue
        number, title = str(entry.get("number") or ""), folded(str(entry.get("title") or ""))
        if title and any(n == number and (t == title or t.startswith(title)) for n, t in have):
            found += 1
    return found


def titles_only(lesson: Lesson) -> Lesson:
    """The lesson with its items' shape cut to the titles the correction gave (no numbering, paragraphs or lines)."""
    shape = lesson.items
    if shape is None:
        return lesson
    kept = ItemShape(shape.kind, titles=shape.titles, source=shape.source, taught_by=shape.taught_by)
    return replace(lesson, items=kept if shape.titles else None)


def _items_changed(items: list[object], generated: Sequence[Item]) -> bool:
    want = [(str(i.get("number") or ""), folded(str(i.get("title") or ""))) for i in items if isinstance(i, Mapping)]
    have = [(i.number, folded(i.title)) for i in generated]
    return want != have


def _item_shape(items: list[object], lines: Sequence[str], record_path: str, kind: str) -> ItemShape:
    """The shape corrected items take in the paper: their numbering, and whether each is one line or one
    paragraph of the paper; the lines among them that are no item."""
    numbers = [str(i.get("number") or "") for i in items if isinstance(i, Mapping)]
    titles = [str(i.get("title") or "") for i in items if isinstance(i, Mapping)]
    patterns = Counter(p for p in map(number_pattern, numbers) if p)
    pattern, example = "", ""
    if patterns:
        pattern = patterns.most_common(1)[0][0]
        example = next(n for n in numbers if number_pattern(n) == pattern)
    unnumbered = sum(1 for n in numbers if not n) > len(numbers) / 2
    found = _titles_in(titles, lines)
    # An agenda lists its items a line each; minutes tell them a paragraph each (a paragraph may be one line),
    # titled by the paragraph, or by the words it opens with before a dash or colon.
    one_a_line = unnumbered and kind == "agenda" and found.whole >= max(2, 0.6 * len(titles))
    long_titles = [t for t in titles if len(t.split()) >= 10]
    run_in = found.run_in >= max(2, 0.25 * len(titles))
    paragraphs = (
        unnumbered
        and kind != "agenda"
        and (
            len(long_titles) >= max(2, len(titles) / 2)
            or found.whole >= max(2, 0.6 * len(titles))
            or (run_in and found.whole + found.opening + found.run_in >= 0.6 * len(titles))
        )
    )
    not_items: tuple[str, ...] = ()
    if one_a_line and found.at:
        taken = set(found.at)
        not_items = tuple(
            dict.fromkeys(
                _BULLET.sub("", lines[n]).strip().rstrip(":")
                for n in range(min(found.at), max(found.at))
                if n not in taken and lines[n].strip() and len(lines[n].split()) <= 5
            )
        )
    elif paragraphs and run_in and found.at:
        not_items = _grouping_labels(lines, found.at)
    short = tuple(dict.fromkeys(t.strip() for t in titles if 0 < len(t.split()) <= 8))
    return ItemShape(
        kind,
        pattern,
        example,
        unnumbered,
        paragraphs,
        one_a_line,
        short,
        not_items,
        CORRECTED,
        taught_by=(record_path,),
        run_in=paragraphs and run_in,
    )


@dataclass(frozen=True, slots=True)
class _TitlesFound:
    """Where corrected titles stand in a paper: how many are a whole line, the opening of a paragraph wrapped
    over lines, or the words a paragraph opens with before a dash or colon; and the lines they stand on."""

    whole: int
    opening: int
    run_in: int
    at: tuple[int, ...]


def _titles_in(titles: Sequence[str], lines: Sequence[str]) -> _TitlesFound:
    folded_lines = [folded(_BULLET.sub("", line).rstrip(" :")) for line in lines]
    heads = [folded(run_in_title(_BULLET.sub("", line).strip())[0]) for line in lines]
    counts = {"whole": 0, "opening": 0, "run_in": 0}
    at: list[int] = []
    for key in filter(None, map(folded, titles)):
        kind, k = _where_titled(key, folded_lines, heads)
        if k >= 0:
            counts[kind] += 1
            at.append(k)
    return _TitlesFound(counts["whole"], counts["opening"], counts["run_in"], tuple(at))


def _where_titled(key: str, folded_lines: Sequence[str], heads: Sequence[str]) -> tuple[str, int]:
    """How and on which line a corrected title stands, the first way that finds it: a whole line, the opening of a
    paragraph wrapped over lines, or the words a paragraph opens with before a dash or colon; ("", -1) if none."""
    k = next((n for n, text in enumerate(folded_lines) if text == key), -1)
    if k >= 0:
        return "whole", k
    k = next((n for n, text in enumerate(folded_lines) if text and key.startswith(text) and len(text) > 8), -1)
    if k >= 0:
        return "opening", k
    return "run_in", next((n for n, head in enumerate(heads) if head == key), -1)  # "Road Projects – David …"


def _grouping_labels(lines: Sequence[str], at: Sequence[int]) -> tuple[str, ...]:
    """Labels that only group the paragraphs ("New Business:", "Old Business:"), standing alone among them or
    just above the first: the correction left them out."""
    taken = set(at)
    above = next((n for n in range(min(at) - 1, -1, -1) if lines[n].strip()), min(at))
    return tuple(
        dict.fromkeys(label for n in range(above, max(at)) if n not in taken and (label := grouping_label(lines[n])))
    )


def grouping_label(line: str) -> str:
    """A line that reads as a label over a group of items ("New Business:", "Board/Public Meeting"): a few
    capitalised words with no figure and no sentence; "" for any other line."""
    text = re.sub(r"[*_]+", "", _BULLET.sub("", line)).strip().rstrip(":").strip()
    words = text.split()
    if not 1 <= len(words) <= 4 or any(c.isdigit() for c in text) or re.search(r"[.,;!?]", text):
        return ""
    return text if all(w[:1].isupper() or not w[:1].isalpha() for w in words) else ""


_BULLET = re.compile(r"^[\s•·▪■◦*–-]+")


_ITEM_NUMBER = re.compile(
    r"^(?:item\s+)?(?:\d{1,4}(?:[./-]\d{1,4}){0,3}[a-z]?|[A-Z])[.):]?\s+(?=[A-Za-z])", re.IGNORECASE
)


def _label_before(names: Sequence[str], lines: Sequence[str], others: Sequence[str] = ()) -> str:
    """The label printed over a list of these names: the words before the first of them on the line that
    lists two of them or more (or on the short line above it), up to its colon (the words after it are the first
    name's title: "Commissioners Present: President Rob Bishop"). A sentence that names one is no label, nor
    is the label of a line that lists more of the `others` (the names the correction puts in another list)."""
    surnames = [n.split()[-1] for n in names if n.split()]
    other_surnames = {n.split()[-1] for n in others if n.split()} - set(surnames)
    for n, line in enumerate(lines[:120]):
        listed = [s for s in surnames if re.search(rf"\b{re.escape(s)}\b", line)]
        if len(listed) < min(2, len(surnames)):
            continue
        if sum(1 for s in other_surnames if re.search(rf"\b{re.escape(s)}\b", line)) > len(listed):
            return ""  # another list's line ("Present: … Highway Commissioner Larry Trainor" of those attending)
        first = min(line.find(s) for s in listed)
        before = line[:first]
        if ":" in before.rstrip().rstrip(":"):
            before = before[: before.rstrip().rstrip(":").rfind(":") + 1]
        given = next((name.split()[:-1] for name in names if name.split()[-1] in listed), [])
        for word in reversed(given):
            if before.rstrip().endswith(word):
                before = before.rstrip()[: -len(word)]
        before = re.sub(r"\b(?:Councillors?|Cllrs?|Trustees?|Commissioners?|Councilmembers?)\b\W*$", "", before)
        before = before.strip(" \t,")
        if before:
            return before if _label_like(before) else ""
        above = next((lines[k].strip() for k in range(n - 1, max(-1, n - 3), -1) if lines[k].strip()), "")
        above = _ITEM_NUMBER.sub("", above)  # "15.11.1 Apologies": the label is the heading's words, not its number
        return above if _label_like(above) else ""
    return ""


def _label_like(text: str) -> bool:
    """A few words that head a list ("Board Members Present:", "Those Attending"), not a sentence."""
    words = re.findall(r"[A-Za-z]+", text)
    if not re.search(r"(?i)present|attend|members?\b|roll|sederunt|apolog|absent|excused|:\s*$", text):
        return False  # "Mayor" before a name is a title, not a label
    return (
        0 < len(words) <= 5
        and not re.search(r"\b(?:was|were|is|are|by|called|order|at|on|the meeting|and)\b", text, re.IGNORECASE)
        and not re.search(r"\d{4}", text)
    )


def _cue_before(chair: str, lines: Sequence[str]) -> str:
    """The words printed just before the chair's name in the sentence that names them."""
    surname = chair.split()[-1] if chair.split() else ""
    for line in lines[:80]:
        match = re.search(rf"((?:[A-Za-z]+\s+){{2,5}}){re.escape(surname)}\b", line)
        if not match:
            continue
        words = match.group(1).split()
        given = chair.split()[:-1]
        while words and given and words[-1] == given[-1]:
            words.pop()
            given.pop()
        if len(words) >= 2:
            return " ".join(words[-4:])
    return ""


def with_lessons(style: HouseStyle, lessons: Sequence[Lesson]) -> HouseStyle:
    """The style with what corrections taught added (a corrected entry replaces a learned one)."""
    bodies = {b.name: b for b in style.bodies}
    venues = {v.name: v for v in style.venues}
    items = list(style.items)
    header = style.header
    for lesson in lessons:
        if lesson.header and not (header and header.source == PINNED):
            header = lesson.header  # the latest correction's header: a council changes its template over the years
        for body in lesson.bodies:
            old = bodies.get(body.name)
            if old and old.source == PINNED:
                continue
            forms = tuple(dict.fromkeys((*(old.forms if old else ()), *body.forms)))
            taught_by = tuple(dict.fromkeys((*(old.taught_by if old else ()), *body.taught_by)))
            bodies[body.name] = replace(body, forms=forms, taught_by=taught_by, papers=old.papers if old else 0)
        for venue in lesson.venues:
            old_v = venues.get(venue.name)
            if old_v and old_v.source == PINNED:
                continue
            venues[venue.name] = venue
        shape = lesson.items
        if shape and not any(i.kind == shape.kind and i.source == PINNED for i in items):
            # A new correction replaces what an earlier one taught of that kind of paper; what the papers share
            # (learned) stays after it, for the papers the correction's shape does not fit.
            items = [i for i in items if not (i.kind == shape.kind and i.source == CORRECTED)]
            items.insert(next((n for n, i in enumerate(items) if i.kind == shape.kind), len(items)), shape)
    # A body a person named in place of the one the converter chose replaces it: the learned entry goes.
    replaced = _replaced([b for b in bodies.values() if b.source in (PINNED, CORRECTED)])
    bodies = {n: b for n, b in bodies.items() if b.source in (PINNED, CORRECTED) or folded(n) not in replaced}
    return HouseStyle(
        tuple(sorted(bodies.values(), key=_standing)),
        tuple(sorted(venues.values(), key=_standing)),
        tuple(sorted(items, key=lambda i: (i.kind, i.source == LEARNED))),
        _taught_attendance(style.attendance, lessons),
        header,
        _taught_cues(style.cues, lessons),
    )


def _taught_cues(cues: Sequence[Cue], lessons: Sequence[Lesson]) -> tuple[Cue, ...]:
    """The cues with those corrections taught: a person who corrected a date or time says the words the
    papers share before it misled, so the learned cues of that fact give way (pinned ones stay)."""
    taught = [c for lesson in lessons for c in lesson.cues]
    facts = {c.fact for c in taught}
    out = [c for c in cues if c.source == PINNED or (c.source == CORRECTED or c.fact not in facts)]
    for cue in taught:
        if not any(c.fact == cue.fact and c.before == cue.before for c in out):
            out.append(cue)
    return tuple(out)


def _taught_attendance(attendance: AttendanceStyle | None, lessons: Sequence[Lesson]) -> AttendanceStyle | None:
    """The attendance style with what corrections taught of it: labels, the chair's cues, the members' offices,
    and who attends without being a member (a pinned entry stays as it is)."""
    if attendance and attendance.source == PINNED:
        return attendance
    old = attendance or AttendanceStyle()
    labels: dict[str, list[str]] = {role: list(v) for role, v in old.labels.items()}
    cues, member_roles = list(old.chair_cues), list(old.member_roles)
    members, attending, taught = list(old.members), list(old.attending), list(old.taught_by)
    for lesson in lessons:
        for role, found in lesson.labels.items():
            labels[role] = list(dict.fromkeys((*labels.get(role, []), *found)))
        cues = list(dict.fromkeys((*cues, *lesson.chair_cues)))
        member_roles = list(dict.fromkeys((*member_roles, *lesson.member_roles)))
        members = list(dict.fromkeys((*members, *lesson.members)))
        attending = list(dict.fromkeys((*attending, *lesson.attending)))
        if lesson.labels or lesson.chair_cues or lesson.member_roles or lesson.attending:
            taught.append(lesson.record)
    # Someone one correction lists as attending and another among the members is a member.
    attending = [n for n in attending if folded(n) not in {folded(m) for m in members}]
    if not (labels or cues or member_roles or attending):
        return attendance
    return AttendanceStyle(
        {r: tuple(v) for r, v in labels.items()},
        tuple(cues),
        CORRECTED,
        tuple(dict.fromkeys(taught)),
        tuple(member_roles),
        tuple(members) if attending else (),
        tuple(attending),
    )


def _standing(entry: Body | Venue) -> tuple[bool, bool, int, str]:
    """Pinned first, then corrected, then by how many papers show it."""
    return (entry.source != PINNED, entry.source != CORRECTED, -entry.papers, entry.name)
