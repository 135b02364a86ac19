"""Who is who: the names printed in attendance lists and memberships, matched into people.

Minutes print one councillor as "Councillor Cusworth", "Cllr V. Cusworth",
"Councillor Victoria Cusworth" or "Cusworth (in the Chair)"; over a long
archive they also print two different councillors as "Councillor Smith". A
name is matched on what it says, and on the bodies and years it was printed
in, never on a surname alone across the archive:

- one full name ("Councillor Paul Lakin", "Steve Ashley") is one person, and
  so is one set of initials ("Cllr V. Cusworth"); initials join the one full
  name they fit (V., Victoria) that was printed within `within_years` of them;
- a surname alone ("Councillor Cusworth") is the one person of that surname
  with a fuller name printed within `within_years` of the meeting (the one who
  sat in the same meeting, else in the same body, when several were);
  otherwise it is a person of its own;
- the same name printed further apart than `within_years`, with nothing
  between, is two people: a council may have had two Councillor Smiths
  decades apart, and splitting one person in two is the lesser wrong;
- a member's title keeps names apart: "Councillor Burton" is not the officer
  "Clare Burton" (a surname printed with no title at all may be anyone's).

A name and its aliases given by the site (site.yaml's `people:` or the
people data file) are one person across any gap. Everything is read from the
records' front-matter; no body text is read.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from minutes.core.name_grammar import TitleKind, read_entry
from minutes.core.vocabulary import absence_mark
from minutes.records.characters import clean_name
from minutes.site.model import Meeting

PAREN = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True, slots=True)
class ParsedName:
    printed: str
    councillor: bool
    """Printed with a member's title (`core.vocabulary.MEMBER_TITLES`)."""
    initials: str
    """The first letters of the given names, in order: "V" ("V. Cusworth"), "P" ("Paul Lakin"), "" for none."""
    surname: str
    rest: str
    """The name without titles, honours and parentheses: "Steve Ashley", "V. Cusworth"."""
    absent: bool = False
    """A note with the name says the member was not there: "Cr Brown (Excused Absent)"."""
    given: tuple[str, ...] = ()
    """The given names written out in full, lower-cased: ("paul",); empty for initials or a surname alone."""
    honorific: bool = False
    """Printed with a personal title (Mr, Mrs, Dr …) or a board member's ("Trustee"), which says nothing of
    membership of the council."""

    @property
    def untitled(self) -> bool:
        """A surname printed with no title at all ("Cusworth (in the Chair)"): it may be anyone's."""
        return not self.councillor and not self.honorific and self.kind == "bare"

    @property
    def kind(self) -> str:
        """full (a given name written out) | initials | bare (a surname alone)."""
        return "full" if self.given else "initials" if self.initials else "bare"

    @property
    def key(self) -> str:
        """The name as matched: "paul lakin", "v cusworth", "cusworth"."""
        surname = self.surname.lower()
        if self.given:
            return " ".join((*self.given, surname))
        return f"{self.initials.lower()} {surname}" if self.initials else surname


@functools.lru_cache(maxsize=2**16)
def parse_name(printed: str) -> ParsedName:
    """A printed name read by the converter's grammar of names (`core.name_grammar`): a council member's
    title makes a councillor; a personal title or a board member's ("Trustee") is an honorific."""
    entry = read_entry(printed)
    return ParsedName(
        printed,
        councillor=entry.has_title(TitleKind.MEMBER),
        initials=entry.initials,
        surname=entry.surname,
        rest=entry.rest,
        absent=any(absence_mark(note) for note in entry.notes),
        given=entry.given,
        honorific=entry.has_title(TitleKind.PERSONAL) or entry.has_title(TitleKind.BOARD),
    )


@functools.lru_cache(maxsize=2**16)
def form_key(printed: str) -> str:
    """A printed name as compared with the names a site gives: cleaned, without parentheses, lower-cased."""
    return " ".join(PAREN.sub("", clean_name(printed)).split()).lower()


@dataclass(frozen=True, slots=True)
class Sighting:
    """A name printed in a meeting's papers."""

    printed: str
    meeting: Meeting
    role: str
    """chair | present | apologies | in_attendance | membership (an agenda front sheet's list)."""
    member_role: str = ""
    """For a membership: "Chair", "Vice-Chair", "co-opted" … as printed; empty for a member."""


@dataclass(frozen=True, slots=True)
class Identity:
    """One person: the sightings of their name, and the site's name for them when it gives one."""

    key: str
    """Stable within one set of records: kind, name and first date ("full:paul lakin:2013-09-13")."""
    sightings: tuple[Sighting, ...]
    given_name: str = ""
    """The display name the site gives (an entry of `people:` or the people data file), else empty."""


class _Cluster:
    """Sightings being matched into one person."""

    __slots__ = (
        "bodies",
        "end",
        "initials",
        "key",
        "kind",
        "meetings",
        "plain",
        "sightings",
        "start",
        "surname",
        "titled",
    )

    def __init__(self, kind: str, key: str, parsed: ParsedName, sightings: list[Sighting]):
        self.kind, self.key = kind, key
        self.surname, self.initials = parsed.surname.lower(), parsed.initials
        self.titled = self.plain = False
        self.sightings: list[Sighting] = []
        self.bodies: dict[str, list[dt.date | None]] = defaultdict(list)
        self.meetings: set[tuple[str, str]] = set()
        self.start: dt.date | None = None
        self.end: dt.date | None = None
        self.add(sightings, extend=True)

    def add(self, sightings: Iterable[Sighting], *, extend: bool) -> None:
        """Take these sightings; with `extend`, their dates widen the span the cluster is matched by."""
        for s in sightings:
            self.sightings.append(s)
            parsed = parse_name(s.printed)
            if parsed.councillor:
                self.titled = True
            else:
                self.plain = True
            date = s.meeting.date
            self.bodies[s.meeting.committee].append(date)
            self.meetings.add((s.meeting.committee, s.meeting.key))
            if extend and date:
                if self.start is None or date < self.start:
                    self.start = date
                if self.end is None or date > self.end:
                    self.end = date

    def absorb(self, other: _Cluster) -> None:
        self.add(other.sightings, extend=True)
        self.titled |= other.titled
        self.plain |= other.plain

    def first(self) -> str:
        """The date the name was first printed: with the sightings that do not widen the span too."""
        first = None
        for s in self.sightings:
            date = s.meeting.date
            if date is not None and (first is None or date < first):
                first = date
        return first.isoformat() if first else "undated"


class Matcher:
    """Matches sightings into identities; then resolves names printed elsewhere (in the text) to them."""

    def __init__(self, sightings: Iterable[Sighting], given: dict[str, str], within_years: int):
        """`given`: every form a site gives a name (`form_key`) -> that display name."""
        self.window = dt.timedelta(days=round(365.25 * within_years))
        self.given = given
        by_name: dict[str, list[Sighting]] = defaultdict(list)
        named: dict[tuple[str, str], list[Sighting]] = defaultdict(list)
        bare: list[Sighting] = []
        for s in sightings:
            display = given.get(form_key(s.printed))
            parsed = parse_name(s.printed)
            if display:
                by_name[display].append(s)
            elif parsed.kind == "bare":
                bare.append(s)
            else:
                named[(parsed.kind, parsed.key)].append(s)
        clusters = self._named_clusters(named)
        self._resolve_bare(bare, clusters)
        self.clusters = clusters
        self._by_surname = _by_surname(clusters)
        self.identities: list[Identity] = [
            Identity(f"given:{name}", tuple(found), name) for name, found in sorted(by_name.items())
        ]
        self._given_identity = {i.given_name: i for i in self.identities}
        self._of_cluster: dict[int, Identity] = {}
        firsts = {id(c): c.first() for c in clusters}
        for c in sorted(clusters, key=lambda c: (firsts[id(c)], c.kind, c.key)):
            identity = Identity(f"{c.kind}:{c.key}:{firsts[id(c)]}", tuple(c.sightings))
            self.identities.append(identity)
            self._of_cluster[id(c)] = identity

    # --- matching ---------------------------------------------------------------

    def _named_clusters(self, named: dict[tuple[str, str], list[Sighting]]) -> list[_Cluster]:
        """Full names and initials, each cut where years pass without it; initials joined to their full name."""
        full: list[_Cluster] = []
        initialled: list[_Cluster] = []
        for (kind, key), found in sorted(named.items()):
            parsed = parse_name(found[0].printed)
            for run in self._runs(found):
                (full if kind == "full" else initialled).append(_Cluster(kind, key, parsed, run))
        by_surname = _by_surname(full)
        kept = list(full)
        for c in initialled:
            candidates = [
                f
                for f in by_surname.get(c.surname, [])
                if _agree(c.initials, f.initials) and _same_title(c, f) and self._overlap(c, f)
            ]
            pick = _one(candidates, _sat_with(c))
            if pick is None:
                kept.append(c)
            else:
                pick.absorb(c)
        return kept

    def _resolve_bare(self, bare: list[Sighting], clusters: list[_Cluster]) -> None:
        """A surname alone joins the one fuller name that fits; the rest are people of their own."""
        by_surname = _by_surname(clusters)
        joined: list[tuple[_Cluster, Sighting]] = []
        alone: dict[tuple[bool, str, bool], list[Sighting]] = defaultdict(list)
        for s in bare:
            parsed = parse_name(s.printed)
            pick = self._pick(parsed, s.meeting, by_surname.get(parsed.surname.lower(), []))
            if pick is None:
                alone[(parsed.untitled, parsed.surname.lower(), parsed.councillor)].append(s)
            else:
                joined.append((pick, s))
        # Only names printed in full set the years a name is matched by: a run of surnames alone
        # never carries a full name on into years where it was not printed.
        for cluster, s in joined:
            cluster.add([s], extend=False)
        surnames: dict[str, list[_Cluster]] = defaultdict(list)
        # Titled surnames first: a surname printed with no title joins the member of that surname.
        for (untitled, surname, _), found in sorted(alone.items()):
            parsed = parse_name(found[0].printed)
            for run in self._runs(found):
                cluster = _Cluster("bare", surname, parsed, run)
                pick = None
                if untitled:
                    pick = _one([c for c in surnames[surname] if self._overlap(c, cluster)], _sat_with(cluster))
                if pick is None:
                    surnames[surname].append(cluster)
                else:
                    pick.absorb(cluster)
        clusters.extend(c for surname in sorted(surnames) for c in surnames[surname])

    def _pick(self, parsed: ParsedName, meeting: Meeting, candidates: list[_Cluster]) -> _Cluster | None:
        """The one candidate this name, printed at this meeting, can be; None when none or several."""
        fits = [
            c
            for c in candidates
            if _fits_title(parsed, c) and _agree(parsed.initials, c.initials) and self._near(meeting.date, c)
        ]
        here = [c for c in fits if (meeting.committee, meeting.key) in c.meetings]
        if len(here) == 1:
            return here[0]
        return _one(fits, lambda c: self._sat_in(c, meeting))

    def _runs(self, sightings: list[Sighting]) -> list[list[Sighting]]:
        """Sightings of one name cut where more than the window passes between two; undated ones placed."""
        dated = sorted(
            (s for s in sightings if s.meeting.date),
            key=lambda s: (s.meeting.date, s.meeting.committee, s.meeting.key, s.role, s.printed),
        )
        runs: list[list[Sighting]] = []
        for s in dated:
            if runs and s.meeting.date - runs[-1][-1].meeting.date <= self.window:  # type: ignore[operator]
                runs[-1].append(s)
            else:
                runs.append([s])
        undated: list[Sighting] = []
        for s in sorted(
            (s for s in sightings if not s.meeting.date), key=lambda s: (s.meeting.committee, s.meeting.key, s.role)
        ):
            # An undated meeting is placed with the only run of the same body, or the only run there is.
            same_body = [r for r in runs if any(x.meeting.committee == s.meeting.committee for x in r)]
            target = same_body[0] if len(same_body) == 1 else runs[0] if len(runs) == 1 else None
            (target if target is not None else undated).append(s)
        return runs + ([undated] if undated else [])

    def _near(self, date: dt.date | None, cluster: _Cluster) -> bool:
        if date is None or cluster.start is None or cluster.end is None:
            return True
        return cluster.start - self.window <= date <= cluster.end + self.window

    def _overlap(self, a: _Cluster, b: _Cluster) -> bool:
        if a.start is None or b.start is None or a.end is None or b.end is None:
            return True
        return a.start <= b.end + self.window and b.start <= a.end + self.window

    def _sat_in(self, cluster: _Cluster, meeting: Meeting) -> bool:
        """Printed in the same body within the window of this meeting."""
        dates = cluster.bodies.get(meeting.committee, [])
        if meeting.date is None:
            return bool(dates)
        return any(d is None or abs(d - meeting.date) <= self.window for d in dates)

    # --- names printed elsewhere -----------------------------------------------------

    def resolve(self, printed: str, meeting: Meeting) -> Identity | None:
        """The person a councillor's name printed in this meeting's text is; None when not one, or not sure."""
        display = self.given.get(form_key(printed))
        if display:
            return self._given_identity.get(display)
        parsed = parse_name(printed)
        if not (parsed.councillor and parsed.surname):
            return None
        same = self._by_surname.get(parsed.surname.lower(), [])
        pick = self._pick(parsed, meeting, [c for c in same if c.kind == parsed.kind and c.key == parsed.key])
        if pick is None:
            # Another full name is another person; initials and a surname alone may be anyone's of the name.
            pick = self._pick(parsed, meeting, [c for c in same if c.kind != "full" or parsed.kind != "full"])
        return self._of_cluster.get(id(pick)) if pick is not None else None


def _agree(a: str, b: str) -> bool:
    """Initials that could be one person's: "V" and "VS", "V" and "V"; not "V" and "P". None is no conflict."""
    return not a or not b or a.startswith(b) or b.startswith(a)


def _same_title(a: _Cluster, b: _Cluster) -> bool:
    return (a.titled and b.titled) or (a.plain and b.plain)


def _fits_title(parsed: ParsedName, cluster: _Cluster) -> bool:
    if parsed.untitled:
        return True
    return cluster.titled if parsed.councillor else cluster.plain


def _sat_with(cluster: _Cluster) -> Callable[[_Cluster], bool]:
    """Whether another cluster's name was printed in a meeting, or else a body, of this one's."""
    return lambda other: bool(other.meetings & cluster.meetings) or any(b in other.bodies for b in cluster.bodies)


def _by_surname(clusters: list[_Cluster]) -> dict[str, list[_Cluster]]:
    found: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        found[c.surname].append(c)
    return found


def _one(candidates: list[_Cluster], prefer: Callable[[_Cluster], bool]) -> _Cluster | None:
    """The only candidate, or the only one preferred; None when there is none or it stays a choice."""
    if len(candidates) == 1:
        return candidates[0]
    preferred = [c for c in candidates if prefer(c)]
    return preferred[0] if len(preferred) == 1 else None
