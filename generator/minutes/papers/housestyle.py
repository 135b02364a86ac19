"""A council's house style: what most of a site's papers share, as evidence for reading each of them.

A council publishes hundreds of papers in one style: the same bodies printed the
same ways, the same hall, items numbered one way, attendance under the same
labels. `minutes convert` learns that style from the site's own papers (what
most of them agree on) and from the records a person corrected (the strongest
evidence of all), keeps it in one readable file (`content/house-style.yaml` by
default) and reads every paper with it. A person may edit that file: pin an
entry (`pinned: true`) to keep it whatever the papers say, change it, or
delete it.

Each entry says where it came from (`learned` from the papers, `corrected`
from a record a person edited, `pinned` by hand) and its evidence (how many
papers show it, which records taught it). The style is evidence, not a rule:
an entry counts for a paper only where the paper shows the shape (its text
prints the body's name, a line starts with the learned numbering), so papers
of another council in the same folder are read as before.

The style in force while a paper is converted is `current()`; `convert.py`
sets it for the length of one conversion.
"""

from __future__ import annotations

import contextvars
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import yaml

from minutes.core.errors import Problem
from minutes.core.yamlfile import error_line, error_text, load_yaml

LEARNED, CORRECTED, PINNED = "learned", "corrected", "pinned"
SOURCES = (LEARNED, CORRECTED, PINNED)
ROLES = ("present", "apologies", "in_attendance")


@dataclass(frozen=True, slots=True)
class _Named:
    """A name the site's papers share, with the forms they print it in."""

    name: str
    forms: tuple[str, ...] = ()
    source: str = LEARNED
    papers: int = 0
    """How many papers name it."""
    taught_by: tuple[str, ...] = ()
    """The records a person corrected that taught it."""


@dataclass(frozen=True, slots=True)
class Body(_Named):
    """A body the site's papers name."""


@dataclass(frozen=True, slots=True)
class Venue(_Named):
    """A place the site's meetings are held."""


@dataclass(frozen=True, slots=True)
class ItemShape:
    """How the site's items are set out in one kind of paper: the numbering that opens an item's line, the
    titles they reuse, or that each line or paragraph is an item."""

    kind: str = ""
    """agenda | minutes | "" (any)."""
    number: str = ""
    """A pattern of the printed numbers ("\\d{1,3}/\\d{2}" for "41/19"); empty when items are not numbered."""
    example: str = ""
    unnumbered: bool = False
    """Items carry no number (headings, or paragraphs of business)."""
    paragraphs: bool = False
    """Each paragraph of business is an item, with no heading of its own."""
    lines: bool = False
    """Each line after the heading is an item (an agenda printed as a list of lines)."""
    titles: tuple[str, ...] = ()
    """Titles most meetings' items take ("Call to Order", "Public Comment")."""
    not_items: tuple[str, ...] = ()
    """Lines among the items that are no item (labels grouping them: "REPORTS:")."""
    source: str = LEARNED
    papers: int = 0
    taught_by: tuple[str, ...] = ()
    run_in: bool = False
    """With `paragraphs`: a paragraph that opens with a few words set off by a dash or a colon ("Road
    Projects – the board reviewed …") is titled by those words, the rest by its text."""


@dataclass(frozen=True, slots=True)
class AttendanceStyle:
    """The labels the site's papers put over each list of names, and the chair's cue."""

    labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Role (present, apologies, in_attendance) -> labels as printed ("Board Members Present")."""
    chair_cues: tuple[str, ...] = ()
    """The words printed before the chair's name ("called to order by Supervisor")."""
    source: str = LEARNED
    taught_by: tuple[str, ...] = ()
    member_roles: tuple[str, ...] = ()
    """Roles printed beside a name that are the body's own members here, not officers in attendance ("Clerk",
    "Treasurer": a township's clerk and treasurer sit on its board)."""
    members: tuple[str, ...] = ()
    """People corrected records list among the body's members (present, or sending apologies)."""
    attending: tuple[str, ...] = ()
    """People corrected records list as attending and never among the members (the clerk, a county councillor,
    a guest who comes every month): printed among those present in another paper, they attend."""


@dataclass(frozen=True, slots=True)
class HeaderStyle:
    """How the site's minutes open: the header's lines stand above the list of who attended, and no item
    starts before it (a corrected record whose first item follows the attendance list taught it, or most
    minutes of the site print a dated header above that list)."""

    above: str = ""
    """The attendance label the header stands above, as printed ("Roll Call"); empty: no such lesson."""
    lines: tuple[str, ...] = ()
    """The header's lines in the paper that taught it, with the facts they hold ("{date}", "{body} Minutes"),
    for a person to read."""
    source: str = LEARNED
    taught_by: tuple[str, ...] = ()
    papers: int = 0
    """How many minutes, read alone, took this header for items (a learned header)."""


@dataclass(frozen=True, slots=True)
class Cue:
    """The words the site's papers print just before a fact of the meeting in their opening ("held on" before
    the date, "time" before the time): a value printed after them is the meeting's (`fact_cues`)."""

    fact: str = "date"
    """date | time."""
    before: str = ""
    """The words, folded ("held on", "date at")."""
    source: str = LEARNED
    papers: int = 0
    taught_by: tuple[str, ...] = ()


CUE_FACTS = ("date", "time")


@dataclass(frozen=True, slots=True)
class HouseStyle:
    bodies: tuple[Body, ...] = ()
    venues: tuple[Venue, ...] = ()
    items: tuple[ItemShape, ...] = ()
    attendance: AttendanceStyle | None = None
    header: HeaderStyle | None = None
    cues: tuple[Cue, ...] = ()

    def cues_for(self, fact: str) -> tuple[str, ...]:
        """The cues the site's papers print before this fact (date, time)."""
        return tuple(dict.fromkeys(c.before for c in self.cues if c.fact == fact))

    def item_shape(self, kind: str) -> ItemShape | None:
        """How items are set out in a paper of this kind (agenda, minutes), else in any paper."""
        return next((s for s in self.items if s.kind == kind), None) or next(
            (s for s in self.items if not s.kind), None
        )

    def item_titles(self, kind: str) -> tuple[str, ...]:
        """The titles the site's items reuse, as a paper of this kind may print them: those of its kind, of
        any paper, and for minutes those a person gave an agenda's items (minutes take up the agenda's items;
        what most agendas share may be their letterhead)."""
        return tuple(
            dict.fromkeys(
                t
                for shape in self.items
                if shape.kind in (kind, "")
                or (kind == "minutes" and shape.kind == "agenda" and shape.source != LEARNED)
                for t in shape.titles
            )
        )

    def is_empty(self) -> bool:
        return not (self.bodies or self.venues or self.items or self.attendance or self.header or self.cues)

    def reading_digest(self) -> str:
        """What reading a paper depends on (not the counts of papers or the records that taught an entry):
        a change converts the papers again."""
        if self.is_empty():
            return ""
        bare = HouseStyle(
            tuple(replace(b, papers=0, taught_by=(), source=LEARNED) for b in self.bodies),
            tuple(replace(v, papers=0, taught_by=(), source=LEARNED) for v in self.venues),
            tuple(replace(i, papers=0, taught_by=(), source=LEARNED) for i in self.items),
            replace(self.attendance, taught_by=(), source=LEARNED) if self.attendance else None,
            replace(self.header, lines=(), taught_by=(), source=LEARNED, papers=0) if self.header else None,
            tuple(replace(c, papers=0, taught_by=(), source=LEARNED) for c in self.cues),
        )
        return hashlib.sha256(dump(bare).encode()).hexdigest()[:16]

    def body_forms(self) -> list[tuple[str, str]]:
        """(form as printed, body name), the longest forms first."""
        pairs = [(form, body.name) for body in self.bodies for form in (body.name, *body.forms) if form]
        return sorted(set(pairs), key=lambda p: (-len(p[0]), p))

    def venue_forms(self) -> list[tuple[str, str]]:
        pairs = [(form, venue.name) for venue in self.venues for form in (venue.name, *venue.forms) if form]
        return sorted(set(pairs), key=lambda p: (-len(p[0]), p))


EMPTY = HouseStyle()

# --- the style in force ------------------------------------------------------------------------

_CURRENT: contextvars.ContextVar[HouseStyle] = contextvars.ContextVar("house_style", default=EMPTY)
_KIND: contextvars.ContextVar[str] = contextvars.ContextVar("house_style_kind", default="")


_ASKED: contextvars.ContextVar[set[tuple[str, str]] | None] = contextvars.ContextVar("house_style_asked", default=None)
"""The questions a conversion asked of the style in force, while they are noted (`noting_questions`)."""


def _asked(question: str, about: str = "") -> HouseStyle:
    """The style in force, the question asked of it noted."""
    noted = _ASKED.get()
    if noted is not None:
        noted.add((question, about))
    return _CURRENT.get()


def current() -> HouseStyle:
    """The house style of the site whose paper is being converted (empty outside a conversion), all of it: a
    conversion that asks for it depends on every entry. The questions below ask only what a rule needs."""
    return _asked("style")


def current_items() -> ItemShape | None:
    """How items are set out in the kind of document being read, by the house style."""
    kind = _KIND.get()
    return _asked("items", kind).item_shape(kind)


def current_titles() -> tuple[str, ...]:
    """The titles the site's items reuse, for the kind of document being read (`HouseStyle.item_titles`)."""
    kind = _KIND.get()
    return _asked("titles", kind).item_titles(kind)


def current_cues(fact: str) -> tuple[str, ...]:
    """The words the site's papers print before the meeting's date or time, by the house style."""
    return _asked("cues", fact).cues_for(fact)


def current_header() -> HeaderStyle | None:
    """What stands above the list of who attended, by the house style."""
    return _asked("header").header


def current_attendance() -> AttendanceStyle | None:
    """How attendance is printed, by the house style."""
    return _asked("attendance").attendance


def body_in(text: str) -> tuple[str, str] | None:
    """The body of the house style printed in `text` (`find_form`), if any."""
    forms = _asked("body", text).body_forms()
    return find_form(text, forms) if forms else None


def venue_in(text: str) -> tuple[str, str] | None:
    """The venue of the house style printed in `text` (`find_form`), if any."""
    forms = _asked("venue", text).venue_forms()
    return find_form(text, forms) if forms else None


def note(question: str, about: str) -> None:
    """Note a question asked of what the style holds elsewhere (a body's name resolved with its forms)."""
    _asked(question, about)


@contextmanager
def noting_questions() -> Iterator[set[tuple[str, str]]]:
    """The questions asked of the style in force until the block ends, each (question, what about)."""
    noted: set[tuple[str, str]] = set()
    token = _ASKED.set(noted)
    try:
        yield noted
    finally:
        _ASKED.reset(token)


def answers(
    style: HouseStyle, questions: Iterable[tuple[str, str]], other: Callable[[str, str], object]
) -> list[object]:
    """What `style` answers to each of `questions` (in their order), as the functions above answer them;
    `other(question, about)` answers a question noted with `note`."""
    out: list[object] = []
    for question, about in questions:
        if question == "style":
            out.append(style)
        elif question == "items":
            out.append(style.item_shape(about))
        elif question == "cues":
            out.append(style.cues_for(about))
        elif question == "titles":
            out.append(style.item_titles(about))
        elif question == "header":
            out.append(style.header)
        elif question == "attendance":
            out.append(style.attendance)
        elif question == "body":
            forms = style.body_forms()
            out.append(find_form(about, forms) if forms else None)
        elif question == "venue":
            forms = style.venue_forms()
            out.append(find_form(about, forms) if forms else None)
        else:
            out.append(other(question, about))
    return out


@contextmanager
def reading_kind(kind: str) -> Iterator[None]:
    """Set while the items of a document that reads as this kind (agenda, minutes) are found."""
    token = _KIND.set(kind)
    try:
        yield
    finally:
        _KIND.reset(token)


@contextmanager
def reading_with(style: HouseStyle) -> Iterator[None]:
    token = _CURRENT.set(style)
    try:
        yield
    finally:
        _CURRENT.reset(token)


# --- matching printed text ------------------------------------------------------------------------


def folded(text: str) -> str:
    """Text compared without case, punctuation or repeated spaces."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("&", " and ")))


RUN_IN_WORDS = 8
"""The most words a paragraph's run-in title holds before its dash or colon."""
_RUN_IN_REACH = 100
"""How far into a paragraph's first line its run-in title's dash or colon is looked for."""


def run_in_title(text: str) -> tuple[str, str]:
    """The words a paragraph of business opens with, set off by a spaced dash or a colon, and the rest:
    ("Road Projects", "David went over …") of "Road Projects – David went over …"; ("", text) where it
    opens with none. A dash or colon inside brackets ("Trash Day (8 am – 12) – …"), a colon in a time
    ("7:00 pm") and words reading as a sentence or a list (a full stop, a comma) end no title."""
    at = next(run_in_cuts(text), -1)
    return _run_in_split(text, at, at + 1) if at >= 0 else ("", text)


def run_in_cuts(text: str) -> Iterator[int]:
    """Where `text` may end a run-in title, in order: each colon before a space or the end, each spaced dash,
    outside brackets, within its first `_RUN_IN_REACH` characters."""
    depth = 0
    for i, char in enumerate(text[:_RUN_IN_REACH]):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif (char == ":" and text[i + 1 : i + 2] in ("", " ")) or (
            char in "–—-" and text[i - 1 : i] == " " and text[i + 1 : i + 2] == " "
        ):
            yield i


def _run_in_split(text: str, at: int, after: int) -> tuple[str, str]:
    head, rest = text[:at].strip(), text[after:].strip()
    words = head.split()
    if (
        rest
        and 1 <= len(words) <= RUN_IN_WORDS
        and (head[:1].isupper() or head[:1].isdigit())
        and not any(mark in head for mark in (",", ". ", ";", "!", "?"))
    ):
        return head, rest
    return "", text


def find_form(text: str, forms: Sequence[tuple[str, str]]) -> tuple[str, str] | None:
    """The first (longest) form printed in `text` as whole words, with the name it stands for."""
    haystack = f" {folded(text)} "
    for form, name in forms:
        needle = folded(form)
        if needle and f" {needle} " in haystack:
            return form, name
    return None


# --- the file -------------------------------------------------------------------------------------

HEADER = """\
# The house style of this site's papers: what most of them share, learned by `minutes convert`
# from the papers and from records a person corrected, and used as evidence when each paper is read.
# Edit it freely: set `pinned: true` on an entry to keep it whatever the papers say, change an
# entry, or delete it (a learned entry comes back if the papers still show it). See docs/papers.md.
"""


def dump(style: HouseStyle) -> str:
    """The style as YAML, in a stable order (the same style always writes the same file)."""
    data: dict[str, object] = {}
    if style.bodies:
        data["bodies"] = [_entry(b, ("name", "forms", "source", "papers", "taught_by")) for b in style.bodies]
    if style.venues:
        data["venues"] = [_entry(v, ("name", "forms", "source", "papers", "taught_by")) for v in style.venues]
    if style.items:
        data["items"] = [
            _entry(
                shape,
                (
                    "kind",
                    "number",
                    "example",
                    "unnumbered",
                    "paragraphs",
                    "run_in",
                    "lines",
                    "titles",
                    "not_items",
                    "source",
                    "papers",
                    "taught_by",
                ),
            )
            for shape in style.items
        ]
    if style.attendance:
        entry = _entry(style.attendance, ("chair_cues", "member_roles", "members", "attending", "source", "taught_by"))
        labels = {role: list(v) for role, v in sorted(style.attendance.labels.items()) if v}
        if labels:
            entry = {"labels": labels, **entry}
        data["attendance"] = entry
    if style.header:
        data["header"] = _entry(style.header, ("above", "lines", "source", "papers", "taught_by"))
    if style.cues:
        data["cues"] = [_entry(c, ("fact", "before", "source", "papers", "taught_by")) for c in style.cues]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100) if data else ""


def _entry(value: _Named | ItemShape | AttendanceStyle | HeaderStyle | Cue, keys: Sequence[str]) -> dict[str, object]:
    """An entry of the file: the fields named (a tuple as a list), those at their default left out."""
    out: dict[str, object] = {}
    for key in keys:
        item = getattr(value, key)
        if item in ((), "", 0, False, None):
            continue
        if key == "source" and item == LEARNED:
            continue
        out[key] = list(item) if isinstance(item, tuple) else item
    if value.source == PINNED:
        out["pinned"] = True
        out.pop("source", None)
    return out


def write(path: Path, style: HouseStyle) -> bool:
    """Write the style file if it changed; True when written."""
    from minutes.core.paths import write_atomic

    text = HEADER + dump(style) if not style.is_empty() else ""
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    if not text and not path.exists():
        return False
    write_atomic(path, text.encode("utf-8"), durable=True)
    return True


def read(path: Path, shown: str) -> tuple[HouseStyle, list[Problem]]:
    """The style file, or an empty style; a problem (with its line) for anything unreadable."""
    if not path.is_file():
        return EMPTY, []
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as exc:
        return EMPTY, [
            Problem(
                shown,
                error_line(exc) if isinstance(exc, yaml.YAMLError) else 0,
                f"the house style is not valid YAML: {error_text(exc) if isinstance(exc, yaml.YAMLError) else exc}; "
                "correct it, or delete the file to learn the style again",
                "warning",
            )
        ]
    if data is None:
        return EMPTY, []
    try:
        return parse(data), []
    except (TypeError, ValueError) as exc:
        return EMPTY, [Problem(shown, 0, f"{exc}; correct it, or delete the file to learn the style again", "warning")]


def parse(data: object) -> HouseStyle:
    if not isinstance(data, dict):
        raise TypeError("the house style must be a mapping of bodies, venues, items, attendance, header and cues")
    unknown = set(data) - {"bodies", "venues", "items", "attendance", "header", "cues"}
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]!r} in the house style")
    bodies = tuple(_named(Body, e, f"bodies[{n}]") for n, e in enumerate(_list(data, "bodies")))
    venues = tuple(_named(Venue, e, f"venues[{n}]") for n, e in enumerate(_list(data, "venues")))
    items = tuple(_items(e, f"items[{n}]") for n, e in enumerate(_list(data, "items")))
    attendance = _attendance(data["attendance"]) if data.get("attendance") else None
    header = _header(data["header"]) if data.get("header") else None
    cues = tuple(_cue(e, f"cues[{n}]") for n, e in enumerate(_list(data, "cues")))
    return HouseStyle(bodies, venues, items, attendance, header, cues)


def _list(data: Mapping[str, object], key: str) -> list[object]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise TypeError(f"{key} must be a list")
    return value


def _strings(entry: Mapping[str, object], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise TypeError(f"{where}.{key} must be a list of text")
    return tuple(str(v) for v in value)


def _source(entry: Mapping[str, object], where: str) -> str:
    if entry.get("pinned"):
        return PINNED
    source = str(entry.get("source") or LEARNED)
    if source not in SOURCES:
        raise ValueError(f"{where}.source must be one of {', '.join(SOURCES)}")
    return source


def _count(entry: Mapping[str, object], where: str) -> int:
    value = entry.get("papers") or 0
    if not isinstance(value, int) or value < 0:
        raise TypeError(f"{where}.papers must be a whole number")
    return value


_N = TypeVar("_N", Body, Venue)


def _named(kind: type[_N], entry: object, where: str) -> _N:
    if isinstance(entry, str):
        entry = {"name": entry}
    if not isinstance(entry, dict) or not str(entry.get("name") or "").strip():
        raise TypeError(f"{where} needs a name")
    return kind(
        str(entry["name"]).strip(),
        _strings(entry, "forms", where),
        _source(entry, where),
        _count(entry, where),
        _strings(entry, "taught_by", where),
    )


def _items(entry: object, where: str) -> ItemShape:
    if not isinstance(entry, dict):
        raise TypeError(f"{where} must be a mapping")
    kind = str(entry.get("kind") or "")
    if kind not in ("", "agenda", "minutes"):
        raise ValueError(f"{where}.kind must be agenda or minutes")
    number = str(entry.get("number") or "")
    if number:
        try:
            re.compile(number)
        except re.error as exc:
            raise ValueError(f"{where}.number is not a pattern: {exc}") from None
    return ItemShape(
        kind,
        number,
        str(entry.get("example") or ""),
        bool(entry.get("unnumbered")),
        bool(entry.get("paragraphs")),
        bool(entry.get("lines")),
        _strings(entry, "titles", where),
        _strings(entry, "not_items", where),
        _source(entry, where),
        _count(entry, where),
        _strings(entry, "taught_by", where),
        bool(entry.get("run_in")),
    )


def _attendance(entry: object) -> AttendanceStyle:
    if not isinstance(entry, dict):
        raise TypeError("attendance must be a mapping")
    labels = entry.get("labels") or {}
    if not isinstance(labels, dict) or set(labels) - set(ROLES):
        raise ValueError(f"attendance.labels takes {', '.join(ROLES)}")
    return AttendanceStyle(
        {role: _strings(labels, role, "attendance.labels") for role in ROLES if labels.get(role)},
        _strings(entry, "chair_cues", "attendance"),
        _source(entry, "attendance"),
        _strings(entry, "taught_by", "attendance"),
        _strings(entry, "member_roles", "attendance"),
        _strings(entry, "members", "attendance"),
        _strings(entry, "attending", "attendance"),
    )


def _header(entry: object) -> HeaderStyle:
    if not isinstance(entry, dict):
        raise TypeError("header must be a mapping")
    above = entry.get("above") or ""
    if not isinstance(above, str) or not above.strip():
        raise TypeError("header.above must be the attendance label the header stands above")
    return HeaderStyle(
        above.strip(),
        _strings(entry, "lines", "header"),
        _source(entry, "header"),
        _strings(entry, "taught_by", "header"),
        _count(entry, "header"),
    )


def _cue(entry: object, where: str) -> Cue:
    if not isinstance(entry, dict):
        raise TypeError(f"{where} must be a mapping")
    fact, before = entry.get("fact"), entry.get("before")
    if fact not in CUE_FACTS:
        raise ValueError(f"{where}.fact must be one of {', '.join(CUE_FACTS)}")
    if not isinstance(before, str) or not before.strip():
        raise ValueError(f"{where}.before must be the words printed before the {fact}")
    return Cue(
        str(fact),
        " ".join(folded(before).split()),
        _source(entry, where),
        _count(entry, where),
        _strings(entry, "taught_by", where),
    )


def merged(base: HouseStyle, *, bodies: Sequence[Body] = (), venues: Sequence[Venue] = ()) -> HouseStyle:
    """`base` with more bodies and venues, one entry per name (the first keeps its place)."""
    seen = {b.name for b in base.bodies}
    new_bodies = base.bodies + tuple(b for b in bodies if b.name not in seen)
    seen_v = {v.name for v in base.venues}
    new_venues = base.venues + tuple(v for v in venues if v.name not in seen_v)
    return replace(base, bodies=new_bodies, venues=new_venues)
