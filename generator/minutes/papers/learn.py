"""Learning a site's house style: from what most of its papers agree on, and from a person's corrections.

Two sources, one result (`housestyle.HouseStyle`):

- `observe` notes, for one converted paper, the shapes the style is made of: the bodies its
  meetings name (as printed, and the body filed under), the venue, how its items are numbered
  and titled. `learn` keeps what most papers of the site share: a body or a venue named by two
  papers or more, the numbering most meetings' items take, the titles most meetings reuse.
- `teach` compares a record a person corrected with the record the converter makes of the same
  paper, and aligns each corrected fact with the paper's lines: the printed form of the body
  that was meant, the venue, the shape of the numbers and titles of the items (or that each
  paragraph is one), the labels over each list of names, the words before the chair's name.

Entries a person pinned are kept as they are; corrected entries stay until a person removes
them; learned entries are worked out again from the papers each time.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from minutes.papers.housestyle import (
    CORRECTED,
    LEARNED,
    PINNED,
    Attendance,
    Body,
    HouseStyle,
    ItemShape,
    Venue,
    folded,
)

MIN_PAPERS = 2
"""A body or a venue is part of the style once this many papers name it."""
SHARE = 0.5
"""Numbering and titles are part of the style when at least this share of meetings use them."""


@dataclass(frozen=True, slots=True)
class Observed:
    """The shapes one paper shows (stored with the paper in the conversion manifest)."""

    bodies: tuple[tuple[str, str], ...] = ()
    """(form as printed, body filed under) for each meeting document."""
    venues: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    """Item number patterns of its meetings' items."""
    titles: tuple[str, ...] = ()
    meetings: int = 0

    def to_mapping(self) -> dict:
        return {
            "bodies": [list(b) for b in self.bodies],
            "venues": list(self.venues),
            "numbers": list(self.numbers),
            "titles": list(self.titles),
            "meetings": self.meetings,
        }

    @classmethod
    def from_mapping(cls, data: object) -> Observed:
        if not isinstance(data, Mapping):
            return cls()
        try:
            return cls(
                tuple((str(a), str(b)) for a, b in data.get("bodies") or []),
                tuple(str(v) for v in data.get("venues") or []),
                tuple(str(v) for v in data.get("numbers") or []),
                tuple(str(v) for v in data.get("titles") or []),
                int(data.get("meetings") or 0),
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


def observe(records: Iterable[object], printed: Sequence[str]) -> Observed:
    """The shapes of one paper: its meeting records and, for each, the committee its opening printed."""
    bodies, venues, numbers, titles = [], [], [], []
    meetings = 0
    for record, form in zip(records, printed, strict=False):
        kind = getattr(record, "kind", "")
        if kind not in ("agenda", "minutes"):
            continue
        meetings += 1
        committee = getattr(record, "committee", "")
        if committee:
            bodies.append((form or committee, committee))
        venue = getattr(record, "venue", "")
        if venue:
            venues.append(venue)
        for item in getattr(record, "items", ()):
            pattern = number_pattern(item.number)
            if pattern:
                numbers.append(pattern)
            if item.title and len(item.title.split()) <= 8:
                titles.append(item.title.strip())
    return Observed(
        tuple(dict.fromkeys(bodies)),
        tuple(dict.fromkeys(venues)),
        tuple(dict.fromkeys(numbers)),
        tuple(dict.fromkeys(titles)),
        meetings,
    )


# --- learning from the set ----------------------------------------------------------------------------


def learn(observed: Sequence[Observed], kept: HouseStyle) -> HouseStyle:
    """The style the papers share, around what a person pinned or taught (`kept`)."""
    meetings = sum(1 for o in observed if o.meetings)
    body_papers: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    venue_papers: Counter[str] = Counter()
    number_papers: Counter[str] = Counter()
    title_papers: Counter[str] = Counter()
    title_form: dict[str, str] = {}
    for o in observed:
        for name in {b for _, b in o.bodies}:
            body_papers[name] += 1
        for form, name in o.bodies:
            forms[name][form] += 1
        for venue in set(o.venues):
            venue_papers[venue] += 1
        for pattern in set(o.numbers):
            number_papers[pattern] += 1
        for title in {folded(t) for t in o.titles}:
            title_papers[title] += 1
        for t in o.titles:
            title_form.setdefault(folded(t), t)
    fixed = [b for b in kept.bodies if b.source in (PINNED, CORRECTED)]
    fixed_names = {b.name for b in fixed}
    bodies = list(fixed)
    for name, count in sorted(body_papers.items(), key=lambda kv: (-kv[1], kv[0])):
        if count >= MIN_PAPERS and name not in fixed_names:
            printed = tuple(f for f, _ in forms[name].most_common() if f != name)
            bodies.append(Body(name, printed, LEARNED, count))
    venues = [v for v in kept.venues if v.source in (PINNED, CORRECTED)]
    fixed_venues = {v.name for v in venues}
    venues += [
        Venue(name, (), LEARNED, count)
        for name, count in sorted(venue_papers.items(), key=lambda kv: (-kv[1], kv[0]))
        if count >= MIN_PAPERS and name not in fixed_venues
    ]
    items = kept.items if kept.items and kept.items.source in (PINNED, CORRECTED) else None
    if items is None and meetings >= MIN_PAPERS:
        common = [(p, c) for p, c in number_papers.most_common() if c >= max(MIN_PAPERS, SHARE * meetings)]
        titles = sorted(
            (title_form[t] for t, c in title_papers.items() if c >= max(MIN_PAPERS, SHARE * meetings)), key=str.lower
        )
        if common or titles:
            items = ItemShape(number=common[0][0] if common else "", titles=tuple(titles), papers=meetings)
    attendance = kept.attendance if kept.attendance and kept.attendance.source in (PINNED, CORRECTED) else None
    return HouseStyle(tuple(bodies), tuple(venues), items, attendance)


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

    def said(self) -> list[str]:
        """What was learned, in a person's words, for `convert` to print."""
        out = [f"the body {b.name!r} is printed {', '.join(repr(f) for f in b.forms)}" for b in self.bodies if b.forms]
        out += [f"meetings are held at {v.name!r}" for v in self.venues]
        if self.items and self.items.number:
            out.append(f"items are numbered like {self.items.example!r}")
        if self.items and self.items.paragraphs:
            out.append("each paragraph of business is an item")
        for role, labels in self.labels.items():
            out.append(f"{role.replace('_', ' ')} are listed under {', '.join(repr(x) for x in labels)}")
        out += [f"the chair is named after {cue!r}" for cue in self.chair_cues]
        return out


def teach(
    record_path: str,
    corrected: Mapping[str, object],
    generated: object,
    printed_committee: str,
    lines: Sequence[str],
) -> Lesson:
    """What a person's correction of one record teaches: `corrected` is the edited front-matter,
    `generated` the record the converter makes of the same document, `lines` the paper's text."""
    lesson = Lesson(record_path)
    committee = str(corrected.get("committee") or "").strip()
    if committee and committee != getattr(generated, "committee", ""):
        printed = [f for f in (printed_committee, getattr(generated, "committee", "")) if f and f != committee]
        printed += [line.strip() for line in lines[:40] if _names_body(line, committee)]
        lesson.bodies.append(
            Body(committee, tuple(dict.fromkeys(f for f in printed if f)), CORRECTED, taught_by=(record_path,))
        )
    venue = str(corrected.get("venue") or "").strip()
    if venue and venue != getattr(generated, "venue", ""):
        form = next((line.strip() for line in lines[:60] if folded(venue) in folded(line)), "")
        lesson.venues.append(
            Venue(venue, (form,) if form and form != venue else (), CORRECTED, taught_by=(record_path,))
        )
    items = corrected.get("items")
    if isinstance(items, list) and items and _items_changed(items, getattr(generated, "items", ())):
        lesson.items = _item_shape(items, lines, record_path)
    attendance = corrected.get("attendance")
    if isinstance(attendance, Mapping):
        for role in ("present", "apologies", "in_attendance"):
            names = attendance.get(role)
            if isinstance(names, list) and names:
                label = _label_before(str(names[0]), lines)
                if label:
                    lesson.labels.setdefault(role, []).append(label)
        chair = str(attendance.get("chair") or "").strip()
        old = getattr(getattr(generated, "attendance", None), "chair", "")
        if chair and folded(chair) != folded(old or ""):
            cue = _cue_before(chair, lines)
            if cue:
                lesson.chair_cues.append(cue)
    return lesson


def _names_body(line: str, committee: str) -> bool:
    text = folded(line)
    return bool(text) and folded(committee) in text and len(text.split()) <= len(folded(committee).split()) + 6


def _items_changed(items: list, generated: Sequence[object]) -> bool:
    want = [(str(i.get("number") or ""), folded(str(i.get("title") or ""))) for i in items if isinstance(i, Mapping)]
    have = [(getattr(i, "number", ""), folded(getattr(i, "title", ""))) for i in generated]
    return want != have


def _item_shape(items: list, lines: Sequence[str], record_path: str) -> ItemShape:
    numbers = [str(i.get("number") or "") for i in items if isinstance(i, Mapping)]
    titles = [str(i.get("title") or "") for i in items if isinstance(i, Mapping)]
    patterns = Counter(p for p in map(number_pattern, numbers) if p)
    pattern, example = "", ""
    if patterns:
        pattern = patterns.most_common(1)[0][0]
        example = next(n for n in numbers if number_pattern(n) == pattern)
    unnumbered = sum(1 for n in numbers if not n) > len(numbers) / 2
    long_titles = [t for t in titles if len(t.split()) >= 10]
    paragraphs = unnumbered and len(long_titles) >= max(2, len(titles) / 2)
    short = tuple(dict.fromkeys(t.strip() for t in titles if 0 < len(t.split()) <= 8))
    return ItemShape(pattern, example, unnumbered, paragraphs, short, CORRECTED, taught_by=(record_path,))


def _label_before(name: str, lines: Sequence[str]) -> str:
    """The label printed over a list whose first name is `name`: the words before it on its line, or the
    short line above it."""
    surname = name.split()[-1] if name.split() else ""
    if not surname:
        return ""
    for n, line in enumerate(lines[:80]):
        at = line.find(surname)
        if at < 0:
            continue
        before = line[:at]
        given = name.split()[:-1]
        for word in reversed(given):
            if before.rstrip().endswith(word):
                before = before.rstrip()[: -len(word)]
        before = before.strip(" \t,")
        if before and len(before.split()) <= 6 and re.search(r"[A-Za-z]", before):
            return before
        above = next((lines[k].strip() for k in range(n - 1, max(-1, n - 3), -1) if lines[k].strip()), "")
        if not before and above and len(above.split()) <= 5 and not re.search(r"\d{4}", above):
            return above
        return ""
    return ""


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
    items = style.items
    labels: dict[str, list[str]] = {
        role: list(v) for role, v in (style.attendance.labels if style.attendance else {}).items()
    }
    cues = list(style.attendance.chair_cues) if style.attendance else []
    taught: list[str] = list(style.attendance.taught_by) if style.attendance else []
    for lesson in lessons:
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
        if lesson.items and not (items and items.source == PINNED):
            items = lesson.items
        for role, found in lesson.labels.items():
            labels[role] = list(dict.fromkeys((*labels.get(role, []), *found)))
        cues = list(dict.fromkeys((*cues, *lesson.chair_cues)))
        if lesson.labels or lesson.chair_cues:
            taught.append(lesson.record)
    attendance = style.attendance
    if labels or cues:
        if not (attendance and attendance.source == PINNED):
            attendance = Attendance(
                {r: tuple(v) for r, v in labels.items()}, tuple(cues), CORRECTED, tuple(dict.fromkeys(taught))
            )
    ordered_bodies = tuple(
        sorted(bodies.values(), key=lambda b: (b.source != PINNED, b.source != CORRECTED, -b.papers, b.name))
    )
    ordered_venues = tuple(
        sorted(venues.values(), key=lambda v: (v.source != PINNED, v.source != CORRECTED, -v.papers, v.name))
    )
    return HouseStyle(ordered_bodies, ordered_venues, items, attendance)
