"""People named in attendance lists, with the forms of one person's name merged.

Minutes print a councillor as "Councillor Cusworth", "Cllr V. Cusworth", "Cr
Cusworth" or "Cusworth (in the Chair)". A name is reduced to a key: councillors
(any member's title of `core.vocabulary`, the converter's words) by surname
(plus initial when two councillors share a surname), everyone else by their
full name without titles and honours. `people:` aliases in site.yaml win.
Everything is read from the records' front-matter: attendance, changes of chair
and the councillors each item names; no body is read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from minutes.core.slug import slugify
from minutes.core.vocabulary import (
    HONOURS,
    MEMBER_GROUP_TITLES,
    MEMBER_TITLES,
    PERSONAL_TITLES,
    absence_mark,
    alternation,
)
from minutes.records.record import DocumentRecord
from minutes.site.model import Meeting, Site

_COUNCILLOR = re.compile(rf"^{alternation((*MEMBER_TITLES, *MEMBER_GROUP_TITLES))}\.?\s+", re.I)
_HONORIFIC = re.compile(rf"^{alternation(PERSONAL_TITLES)}\.?\s+", re.I)
_HONOURS = re.compile(rf"(?:,?\s+{alternation(HONOURS)})+$")
_PAREN = re.compile(r"\s*\([^)]*\)")
_NOTE = re.compile(r"\(([^)]*)\)")
_INITIALS = re.compile(r"^((?:[A-Z]\.\s*)+)")


@dataclass(frozen=True, slots=True)
class ParsedName:
    printed: str
    councillor: bool
    initials: str
    surname: str
    rest: str
    """The name without titles, honours and parentheses: "Steve Ashley", "V. Cusworth"."""
    absent: bool = False
    """A note with the name says the member was not there: "Cr Brown (Excused Absent)"."""


def parse_name(printed: str) -> ParsedName:
    name = _PAREN.sub("", printed).strip().strip(",;.")
    councillor = bool(_COUNCILLOR.match(name))
    while True:  # "Deputy Mayor Cllr Dr Smith"
        stripped = _HONORIFIC.sub("", _COUNCILLOR.sub("", name)).strip()
        if stripped == name:
            break
        name = stripped
    name = _HONOURS.sub("", name).strip(" ,")
    initials_match = _INITIALS.match(name)
    initials = re.sub(r"[^A-Z]", "", initials_match.group(1)) if initials_match else ""
    words = name.split()
    surname = words[-1] if words else ""
    absent = any(absence_mark(note) for note in _NOTE.findall(printed))
    return ParsedName(printed, councillor, initials, surname, name, absent)


@dataclass(frozen=True, slots=True)
class Appearance:
    meeting: Meeting
    role: str
    """chair | present | apologies | in_attendance"""


@dataclass(frozen=True, slots=True)
class Declaration:
    meeting: Meeting
    item_number: str
    item_title: str
    anchor: str
    text: str


@dataclass(frozen=True, slots=True)
class Membership:
    """A committee whose agenda front sheets list this person as a member."""

    committee: str
    role: str
    """As the newest front sheet prints it: "Chair", "Vice-Chair", "co-opted"; empty for a member."""
    since: dt.date | None
    """The date of the first meeting whose front sheet lists them (as far as this site knows)."""
    first_seen: Meeting
    listed: int
    """How many of the committee's front sheets list them."""


@dataclass(frozen=True, slots=True)
class CommitteeSummary:
    committee: str
    attended: int
    apologies: int
    chaired: int
    recorded: int
    """Meetings of the committee whose minutes list attendance."""


@dataclass(frozen=True, slots=True)
class Person:
    slug: str
    name: str
    forms: tuple[str, ...]
    """Every printed form of the name, sorted."""
    appearances: tuple[Appearance, ...]
    declarations: tuple[Declaration, ...]
    summaries: tuple[CommitteeSummary, ...]
    url: str
    mentions: tuple[Meeting, ...] = ()
    """Meetings whose papers name this councillor outside the attendance lists."""
    memberships: tuple[Membership, ...] = ()

    def with_role(self, *roles: str) -> list[Appearance]:
        return [a for a in self.appearances if a.role in roles]


def _base_key(parsed: ParsedName) -> str:
    if parsed.councillor:
        return "councillor " + parsed.surname.lower()
    return parsed.rest.lower()


def collect_people(site: Site) -> dict[str, Person]:
    """Everyone in an attendance list or a front sheet's membership, keyed by slug."""
    sightings: list[tuple[str, Meeting, str]] = []
    listed: list[tuple[str, Meeting, str]] = []
    """(printed name, meeting, role) of each member a front sheet lists."""
    for key in sorted(site.meetings):
        meeting = site.meetings[key]
        for doc in meeting.documents:
            att = doc.record.attendance
            if doc.kind == "agenda":
                listed += [(m.name, meeting, m.role) for m in att.membership if parse_name(m.name).surname]
            if doc.kind != "minutes" or att.is_empty():
                continue
            roles = [
                ("chair", [att.chair] if att.chair else []),
                ("present", att.present),
                ("apologies", att.apologies),
                ("in_attendance", att.in_attendance),
            ]
            for role, names in roles:
                for printed in names:
                    parsed = parse_name(printed)
                    if parsed.surname and not parsed.absent:
                        sightings.append((printed, meeting, role))
        # Whoever took the chair during the meeting chaired it too.
        if meeting.minutes is not None:
            sightings += [(change.name, meeting, "chair") for change in meeting.minutes.record.chair_changes]
    keys = _assign_keys(site, [s[0] for s in sightings + listed])
    grouped: dict[str, list[tuple[str, Meeting, str]]] = defaultdict(list)
    for sighting in sightings:
        grouped[keys[sighting[0]]].append(sighting)
    members: dict[str, list[tuple[str, Meeting, str]]] = defaultdict(list)
    for entry in listed:
        members[keys[entry[0]]].append(entry)
        grouped.setdefault(keys[entry[0]], [])
    mentions = _mentions(site, set(grouped))
    recorded = _recorded_meetings(site)
    people: dict[str, Person] = {}
    for key, group in sorted(grouped.items()):
        forms = [printed for printed, _, _ in group + members.get(key, [])]
        name = _display_name(site, key, forms)
        slug = _unique(slugify(name), people)
        appearances = _appearances(group)
        parsed = parse_name(name)
        people[slug] = Person(
            slug=slug,
            name=name,
            forms=tuple(sorted(set(forms))),
            appearances=appearances,
            declarations=tuple(_declarations(parsed, appearances)),
            summaries=tuple(_summaries(recorded, appearances)),
            url=f"people/{slug}/",
            mentions=tuple(
                m
                for m in mentions.get(key, [])
                if (m.committee, m.key) not in {(a.meeting.committee, a.meeting.key) for a in appearances}
            ),
            memberships=_memberships(members.get(key, [])),
        )
    return people


def _memberships(entries: list[tuple[str, Meeting, str]]) -> tuple[Membership, ...]:
    by_committee: dict[str, list[tuple[str, Meeting, str]]] = defaultdict(list)
    for entry in entries:
        by_committee[entry[1].committee].append(entry)
    out = []
    for committee, seen in sorted(by_committee.items()):
        seen.sort(key=lambda e: (e[1].date is None, e[1].date or dt.date.min))
        dated = [e for e in seen if e[1].date]
        newest = dated[-1] if dated else seen[-1]
        out.append(Membership(committee, newest[2], seen[0][1].date, seen[0][1], len({e[1].key for e in seen})))
    return tuple(out)


def person_index(people: dict[str, Person]) -> dict[str, Person]:
    """Every printed form of every person's name, without parentheses, to that person: for linking names."""
    index: dict[str, Person] = {}
    for person in people.values():
        for form in person.forms:
            index.setdefault(form, person)
            index.setdefault(_PAREN.sub("", form).strip(), person)
    return index


def _mentions(site: Site, known_keys: set[str]) -> dict[str, list[Meeting]]:
    """Meetings whose records name a known councillor in their items (or a report's text), per person."""
    alias_key = _alias_keys(site)
    found: dict[str, dict[tuple[str, str], Meeting]] = defaultdict(dict)
    for key in sorted(site.meetings):
        meeting = site.meetings[key]
        for doc in meeting.documents:
            for printed in _named_in_text(doc.record):
                person_key = _mentioned_key(printed, alias_key, known_keys)
                if person_key:
                    found[person_key][key] = meeting
    return {k: [v[m] for m in sorted(v)] for k, v in found.items()}


def _named_in_text(record: DocumentRecord) -> dict[str, None]:
    """The councillors a record says its text names, once each, in order."""
    return dict.fromkeys([*record.mentions, *(name for item in record.items for name in item.mentions)])


def _mentioned_key(printed: str, alias_key: dict[str, str], known_keys: set[str]) -> str:
    alias = alias_key.get(_PAREN.sub("", printed).strip().lower())
    if alias:
        return alias if alias in known_keys else ""
    parsed = parse_name(printed)
    if not (parsed.councillor and parsed.surname):
        return ""
    surname = parsed.surname.lower()
    # "Councillor S. Wright" is the councillor of that name when two share the surname.
    keys = [f"councillor {parsed.initials.lower()} {surname}"] if parsed.initials else []
    return next((k for k in (*keys, f"councillor {surname}") if k in known_keys), "")


def _alias_keys(site: Site) -> dict[str, str]:
    """Every form site.yaml's `people:` gives a name, lower-cased, to its person's key."""
    alias_key = {}
    for display, aliases in site.config.people.items():
        for form in (display, *aliases):
            alias_key[_PAREN.sub("", form).strip().lower()] = "alias:" + display
    return alias_key


def _assign_keys(site: Site, printed_names: list[str]) -> dict[str, str]:
    alias_key = _alias_keys(site)
    parsed = {p: parse_name(p) for p in set(printed_names)}
    # Two councillors who share a surname are told apart by their initials.
    initials_by_surname: dict[str, set[str]] = defaultdict(set)
    for p in parsed.values():
        if p.councillor and p.initials:
            initials_by_surname[p.surname.lower()].add(p.initials)
    keys = {}
    for printed, p in parsed.items():
        alias = alias_key.get(_PAREN.sub("", printed).strip().lower())
        if alias:
            keys[printed] = alias
        elif p.councillor and len(initials_by_surname[p.surname.lower()]) > 1 and p.initials:
            keys[printed] = f"councillor {p.initials.lower()} {p.surname.lower()}"
        else:
            keys[printed] = _base_key(p)
    # A bare surname ("Cusworth (in the Chair)") is the councillor of that surname, if there is one.
    councillor_keys = set(keys.values())
    for printed, p in parsed.items():
        if not p.councillor and " " not in p.rest and f"councillor {p.surname.lower()}" in councillor_keys:
            keys[printed] = f"councillor {p.surname.lower()}"
    return keys


def _display_name(site: Site, key: str, forms: list[str]) -> str:
    if key.startswith("alias:"):
        return key.removeprefix("alias:")
    cleaned = Counter(_PAREN.sub("", f).strip() for f in forms)
    # Prefer the commonest form; between equals, the shortest ("Councillor Cusworth").
    return sorted(cleaned.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]


def _unique(slug: str, taken: dict) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _appearances(group: list[tuple[str, Meeting, str]]) -> tuple[Appearance, ...]:
    seen: dict[tuple[str, str], Appearance] = {}
    for _, meeting, role in group:
        ident = (meeting.committee, meeting.key)
        # A chair is also present; keep the strongest role per meeting.
        rank = {"chair": 0, "present": 1, "in_attendance": 2, "apologies": 3}
        if ident not in seen or rank[role] < rank[seen[ident].role]:
            seen[ident] = Appearance(meeting, role)
    return tuple(
        sorted(seen.values(), key=lambda a: (a.meeting.date is None, a.meeting.date or 0, a.meeting.committee))
    )


def _declarations(parsed: ParsedName, appearances: tuple[Appearance, ...]) -> list[Declaration]:
    if not parsed.surname:
        return []
    pattern = re.compile(rf"\b{re.escape(parsed.surname)}\b")
    out = []
    for appearance in appearances:
        minutes = appearance.meeting.minutes
        if minutes is None:
            continue
        for item in minutes.record.items:
            for text in item.declarations:
                if pattern.search(text):
                    out.append(Declaration(appearance.meeting, item.number, item.title, item.anchor, text))
    return out


def _recorded_meetings(site: Site) -> dict[str, int]:
    """Per committee, how many of its meetings have minutes that list attendance."""
    counts: dict[str, int] = defaultdict(int)
    for meeting in site.meetings.values():
        if meeting.minutes and not meeting.minutes.record.attendance.is_empty():
            counts[meeting.committee] += 1
    return counts


def _summaries(recorded: dict[str, int], appearances: tuple[Appearance, ...]) -> list[CommitteeSummary]:
    by_committee: dict[str, list[Appearance]] = defaultdict(list)
    for a in appearances:
        by_committee[a.meeting.committee].append(a)
    out = []
    for committee, items in sorted(by_committee.items()):
        out.append(
            CommitteeSummary(
                committee=committee,
                attended=sum(1 for a in items if a.role in ("chair", "present", "in_attendance")),
                apologies=sum(1 for a in items if a.role == "apologies"),
                chaired=sum(1 for a in items if a.role == "chair"),
                recorded=recorded[committee],
            )
        )
    return out


def committee_members(people: dict[str, Person], committee: str) -> list[Person]:
    """People seen attending a committee's meetings, most frequent first."""
    scored = []
    for person in people.values():
        count = sum(1 for a in person.appearances if a.meeting.committee == committee and a.role != "apologies")
        if count:
            scored.append((-count, person.name, person))
    return [p for _, _, p in sorted(scored, key=lambda t: (t[0], t[1]))]
