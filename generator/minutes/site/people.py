"""The people register: who the records name, who of them gets a page, and what the page says.

Names printed in attendance lists, memberships and changes of chair are
matched into people by `identities.py` (full names, initials and surnames, by
the bodies and years they were printed in). Each person is in one group of
`core.people.GROUPS`, read from how the records name them:

- councillors: printed with a member's title, or given a party or ward by the site;
- youth: a member (chair, present, apologies, membership) of a youth body;
- members: a member of any other body, without a member's title;
- in_attendance: named only as in attendance (officers, guests, the public).

A person gets a page when the site's `people: pages:` lists their group (by
default councillors only), or `include` names them, and `exclude` does not.
Everything is read from the records' front-matter; no body is read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from minutes.core.config import CONFIG_NAME
from minutes.core.errors import Problem
from minutes.core.paths import segment
from minutes.core.people_settings import YOUTH_BODY, PersonFacts, Term
from minutes.core.slug import slugify
from minutes.core.yamlfile import key_lines, nearest_line
from minutes.records.characters import clean_name
from minutes.records.record import DocumentRecord
from minutes.site.identities import PAREN, Identity, Matcher, ParsedName, Sighting, form_key, parse_name
from minutes.site.model import Meeting, Site

__all__ = ["ParsedName", "parse_name"]  # matched in identities.py, named here too for the register's callers

_MEMBER_ROLES = ("chair", "present", "apologies", "membership")


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
    group: str = "councillors"
    """One of `core.people.GROUPS`."""
    party: tuple[Term, ...] = ()
    """As the site gives them (site.yaml or the people data file), oldest first."""
    ward: tuple[Term, ...] = ()
    roles: tuple[Term, ...] = ()
    years: tuple[int, int] | None = None
    """The first and last year the records name them in, when any of those meetings is dated."""

    def with_role(self, *roles: str) -> list[Appearance]:
        return [a for a in self.appearances if a.role in roles]


@dataclass(frozen=True, slots=True)
class PeopleRegister:
    people: dict[str, Person]
    """Everyone with a page, by slug."""
    named: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    """Per meeting (committee, key): each name as printed there -> the slug of the person it is, when they have a
    page. One printed name ("Councillor Smith") may be two people in two meetings."""
    problems: tuple[Problem, ...] = ()
    """Names in `include` or `exclude` that are no one's, bodies in `youth_bodies` that are no body."""


def collect_people(site: Site) -> dict[str, Person]:
    """Everyone with a page, keyed by slug."""
    return register_people(site).people


def register_people(site: Site) -> PeopleRegister:
    settings = site.config.people
    entries = site.person_entries()
    given = {form_key(form): name for name, facts in entries.items() for form in (name, *facts.aliases)}
    matcher = Matcher(_sightings(site), given, settings.match_within_years)
    youth = youth_bodies(site)
    include = {form_key(n) for n in settings.include}
    exclude = {form_key(n) for n in settings.exclude}
    matched: set[str] = set()
    chosen: list[tuple[Identity, str, PersonFacts]] = []
    for identity in matcher.identities:
        facts = entries.get(identity.given_name, PersonFacts())
        forms = {form_key(s.printed) for s in identity.sightings}
        if identity.given_name:
            forms.add(form_key(identity.given_name))
        group = _group(identity, facts, youth)
        matched |= forms & (include | exclude)
        wanted = group in settings.pages or bool(forms & include)
        if wanted and not forms & exclude and identity.sightings:
            chosen.append((identity, group, facts))
    people: dict[str, Person] = {}
    named: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    slug_of: dict[str, str] = {}
    recorded = _recorded_meetings(site)
    for identity, group, facts in chosen:
        person = _person(site, identity, group, facts, recorded, people)
        people[person.slug] = person
        slug_of[identity.key] = person.slug
        for s in identity.sightings:
            named[(s.meeting.committee, s.meeting.key)][s.printed] = person.slug
    mentions = _mentions(site, matcher, slug_of)
    for slug, meetings in mentions.items():
        person = people[slug]
        attended = {(a.meeting.committee, a.meeting.key) for a in person.appearances}
        people[slug] = _with_mentions(person, tuple(m for m in meetings if (m.committee, m.key) not in attended))
    problems = _unknown_names(site, matched) + _unknown_youth_bodies(site)
    return PeopleRegister(dict(sorted(people.items())), dict(named), tuple(problems))


def _with_mentions(person: Person, mentions: tuple[Meeting, ...]) -> Person:
    return Person(**{**{f: getattr(person, f) for f in Person.__dataclass_fields__}, "mentions": mentions})


def youth_bodies(site: Site) -> set[str]:
    """The committees (slugs) that are youth bodies: those `youth_bodies` names, else those named like one."""
    listed = site.config.people.youth_bodies
    if listed is None:
        return {slug for slug, c in site.committees.items() if YOUTH_BODY.search(c.name)}
    wanted = {slugify(name) for name in listed}
    return {slug for slug, c in site.committees.items() if slug in wanted or slugify(c.name) in wanted}


def _group(identity: Identity, facts: PersonFacts, youth: set[str]) -> str:
    sightings = identity.sightings
    if facts.councillor or any(parse_name(s.printed).councillor for s in sightings):
        return "councillors"
    if any(s.role in _MEMBER_ROLES and s.meeting.committee in youth for s in sightings):
        return "youth"
    if any(s.role in _MEMBER_ROLES for s in sightings):
        return "members"
    return "in_attendance"


def _sightings(site: Site) -> list[Sighting]:
    """Every name printed in an attendance list, a front sheet's membership or a change of chair."""
    found: list[Sighting] = []
    for key in sorted(site.meetings):
        meeting = site.meetings[key]
        for doc in meeting.documents:
            att = doc.record.attendance
            if doc.kind == "agenda":
                found += [
                    Sighting(m.name, meeting, "membership", m.role)
                    for m in att.membership
                    if parse_name(m.name).surname
                ]
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
                        found.append(Sighting(printed, meeting, role))
        # Whoever took the chair during the meeting chaired it too.
        if meeting.minutes is not None:
            for change in meeting.minutes.record.chair_changes:
                for printed in dict.fromkeys((change.name, clean_name(change.name))):
                    if parse_name(printed).surname:
                        found.append(Sighting(printed, meeting, "chair"))
    return found


def _person(
    site: Site, identity: Identity, group: str, facts: PersonFacts, recorded: dict[str, int], taken: dict
) -> Person:
    attending = [s for s in identity.sightings if s.role != "membership"]
    listed = [s for s in identity.sightings if s.role == "membership"]
    forms = [s.printed for s in identity.sightings]
    name = identity.given_name or _display_name(forms)
    appearances = _appearances(attending)
    dates = [s.meeting.date for s in identity.sightings if s.meeting.date]
    years = (min(dates).year, max(dates).year) if dates else None
    slug = _slug(name, years, taken)
    return Person(
        slug=slug,
        name=name,
        forms=tuple(sorted(set(forms))),
        appearances=appearances,
        declarations=tuple(_declarations(parse_name(name), appearances)),
        summaries=tuple(_summaries(recorded, appearances)),
        url=f"people/{slug}/",
        memberships=_memberships(listed),
        group=group,
        party=_oldest_first(facts.party),
        ward=_oldest_first(facts.ward),
        roles=_oldest_first(facts.roles),
        years=years,
    )


def _oldest_first(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    # Undated terms keep their written order, after the dated ones.
    return tuple(sorted(terms, key=lambda t: (not (t.start or t.end), t.start or t.end)))


def _slug(name: str, years: tuple[int, int] | None, taken: dict) -> str:
    """A folder name; a second person of one name is told apart by the year they were first named."""
    base = segment(slugify(name))
    candidate = base if base not in taken or years is None else segment(f"{base}-{years[0]}")
    n = 2
    while candidate in taken:
        candidate, n = segment(f"{base}-{n}"), n + 1
    return candidate


def _memberships(entries: list[Sighting]) -> tuple[Membership, ...]:
    by_committee: dict[str, list[Sighting]] = defaultdict(list)
    for entry in entries:
        by_committee[entry.meeting.committee].append(entry)
    out = []
    for committee, seen in sorted(by_committee.items()):
        seen.sort(key=lambda e: (e.meeting.date is None, e.meeting.date or dt.date.min))
        dated = [e for e in seen if e.meeting.date]
        newest = dated[-1] if dated else seen[-1]
        out.append(
            Membership(
                committee,
                newest.member_role,
                seen[0].meeting.date,
                seen[0].meeting,
                len({e.meeting.key for e in seen}),
            )
        )
    return tuple(out)


def people_named_at(register: PeopleRegister, meeting: Meeting) -> dict[str, Person]:
    """The people with pages this meeting's records name, by each name as printed there."""
    found = register.named.get((meeting.committee, meeting.key), {})
    return {printed: register.people[slug] for printed, slug in sorted(found.items())}


def _mentions(site: Site, matcher: Matcher, slug_of: dict[str, str]) -> dict[str, list[Meeting]]:
    """Meetings whose records name a person with a page in their items (or a report's text), per slug."""
    found: dict[str, dict[tuple[str, str], Meeting]] = defaultdict(dict)
    for key in sorted(site.meetings):
        meeting = site.meetings[key]
        for doc in meeting.documents:
            for printed in _named_in_text(doc.record):
                identity = matcher.resolve(printed, meeting)
                slug = slug_of.get(identity.key) if identity is not None else None
                if slug:
                    found[slug][key] = meeting
    return {k: [v[m] for m in sorted(v)] for k, v in found.items()}


def _named_in_text(record: DocumentRecord) -> dict[str, None]:
    """The councillors a record says its text names, once each, in order."""
    return dict.fromkeys([*record.mentions, *(name for item in record.items for name in item.mentions)])


_FULLEST = {"full": 0, "initials": 1, "bare": 2}


def _display_name(forms: list[str]) -> str:
    """The fullest form of the name ("Councillor Paul Lakin" over "Councillor Lakin"), which tells one
    Councillor Lakin from another; of those, the commonest, and between equals the shortest."""
    cleaned = Counter(PAREN.sub("", f).strip() for f in forms)
    return sorted(cleaned.items(), key=lambda kv: (_FULLEST[parse_name(kv[0]).kind], -kv[1], len(kv[0]), kv[0]))[0][0]


def _appearances(sightings: list[Sighting]) -> tuple[Appearance, ...]:
    seen: dict[tuple[str, str], Appearance] = {}
    # A chair is also present; keep the strongest role per meeting.
    rank = {"chair": 0, "present": 1, "in_attendance": 2, "apologies": 3}
    for s in sightings:
        ident = (s.meeting.committee, s.meeting.key)
        if ident not in seen or rank[s.role] < rank[seen[ident].role]:
            seen[ident] = Appearance(s.meeting, s.role)
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


# --- settings that match nothing --------------------------------------------------


def _unknown_names(site: Site, matched: set[str]) -> list[Problem]:
    """A name in `include` or `exclude` that is no one's: a typo there would publish who was to be left out."""
    settings = site.config.people
    if all(form_key(name) in matched for name in (*settings.include, *settings.exclude)):
        return []
    lines = _settings_lines(site)
    out = []
    for option, names in (("include", settings.include), ("exclude", settings.exclude)):
        for n, name in enumerate(names):
            if form_key(name) not in matched:
                out.append(
                    Problem(
                        CONFIG_NAME,
                        nearest_line(lines, ("people", option, f"[{n}]")),
                        f"people.{option} names {name!r}, which no attendance list or membership prints; "
                        "write the name as the records print it (see the person's page, 'Also printed as')",
                        "warning",
                    )
                )
    return out


def _unknown_youth_bodies(site: Site) -> list[Problem]:
    listed = site.config.people.youth_bodies or ()
    known = set(site.committees) | {slugify(c.name) for c in site.committees.values()}
    if all(slugify(name) in known for name in listed):
        return []
    lines = _settings_lines(site)
    return [
        Problem(
            CONFIG_NAME,
            nearest_line(lines, ("people", "youth_bodies", f"[{n}]")),
            f"people.youth_bodies names {name!r}, which is no body of this site; "
            "write a committee's folder name (content/meetings/<folder>/) or its name",
            "warning",
        )
        for n, name in enumerate(listed)
        if slugify(name) not in known
    ]


def _settings_lines(site: Site) -> dict[tuple[str, ...], int]:
    try:
        return key_lines((site.config.root / CONFIG_NAME).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}
