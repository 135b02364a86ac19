"""Resolve the citations the converter found into links between records.

A citation names a committee (or none: the citing document's own), a date
and/or a minute number. It resolves when that meeting, and that minute if
named, is in the site; otherwise it stays plain text with a note. The reverse
("cited by", "minutes approved at") is recorded on the target.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import partial

from minutes.core.i18n import N_, Interface, interface
from minutes.core.slug import slugify
from minutes.records.record import Citation
from minutes.site.items import minute_anchor
from minutes.site.model import Document, Meeting, Site

NO_RECORD = N_("no record of this meeting (%(date)s) in this site")
"""Why a reference to a date the site holds no meeting of is not linked."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """One citation of one document, with its target if the site holds it."""

    citation: Citation
    source: Document
    source_meeting: Meeting
    target_meeting: Meeting | None
    anchor: str = ""
    """Item anchor within the target meeting page, if a minute was named and found."""
    committee: str = ""
    """The slug of the committee the citation names (the citing meeting's own when it names none); "" when the
    site does not know it."""
    note_message: str = ""
    """Why it did not resolve, as a message of the interface catalogue ("Minute %(minute)s is not in this site")."""
    note_args: tuple[tuple[str, str], ...] = ()
    """The values the message names, for a page to show it in its language."""

    @property
    def note(self) -> str:
        """Why it did not resolve, in English: for `minutes check` and the open data."""
        return self.note_in(interface("en"))

    def note_in(self, ui: Interface) -> str:
        """Why it did not resolve, in the interface's language ("18 November 2013" written out in it)."""
        if not self.note_message:
            return ""
        args = dict(self.note_args)
        if "date" in args:
            args["date"] = ui.date(dt.date.fromisoformat(args["date"]))
        return ui.gettext(self.note_message) % args

    @property
    def target_url(self) -> str:
        if not self.target_meeting:
            return ""
        return self.target_meeting.url + (f"#{self.anchor}" if self.anchor else "")


@dataclass(slots=True)
class Links:
    by_document: dict[str, list[Resolved]] = field(default_factory=dict)
    """Keyed by the citing document's URL + name."""
    cited_by: dict[tuple[str, str], list[Resolved]] = field(default_factory=lambda: defaultdict(list))
    """Keyed by the target meeting (committee, key)."""

    def of(self, document: Document) -> list[Resolved]:
        return self.by_document.get(_doc_key(document), [])


def _doc_key(document: Document) -> str:
    return f"{document.url}#{document.name}"


def committee_index(site: Site) -> dict[str, str]:
    """Every known form of a committee name (slugified) -> committee slug."""
    index: dict[str, str] = {}
    for slug, committee in site.committees.items():
        index[slug] = slug
        index[slugify(committee.name)] = slug
    for slug, settings in site.config.committees.items():
        for alias in settings.aliases:
            index[slugify(alias)] = slug
    for meeting in site.meetings.values():
        for doc in meeting.documents:
            index.setdefault(slugify(doc.record.committee), meeting.committee)
    return index


_GENERIC = {"the", "of", "and", "for", "committee", "meeting", "meetings", "minutes", "council"}


def _core_words(name: str, council: set[str]) -> tuple[str, ...]:
    """A committee name's distinctive words: without the council's own name and generic words."""
    return tuple(sorted({w for w in slugify(name).split("-") if w not in _GENERIC and w not in council}))


def find_committee(site: Site, index: dict[str, str], name: str) -> str | None:
    """The committee a printed name means: an exact form or alias first, then the same distinctive words
    ("Youth Cabinet" is the "Rotherham Youth Cabinet" of Rotherham's site), then a near spelling."""
    exact = index.get(slugify(name))
    if exact:
        return exact
    council = set(slugify(site.config.council).split("-")) - {"untitled"}
    wanted = _core_words(name, council)
    if not wanted:
        return None
    forms: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for form, slug in index.items():
        forms[_core_words(form.replace("-", " "), council)].add(slug)
    same = forms.get(wanted, set())
    if len(same) == 1:
        return next(iter(same))
    scored = sorted(
        (
            (SequenceMatcher(None, " ".join(wanted), " ".join(words)).ratio(), sorted(slugs))
            for words, slugs in forms.items()
            if words
        ),
        reverse=True,
    )
    if (
        scored
        and scored[0][0] >= NEAR_SPELLING
        and len(scored[0][1]) == 1
        and (len(scored) == 1 or scored[1][0] < scored[0][0])
    ):
        return scored[0][1][0]
    return None


NEAR_SPELLING = 0.9
"""How alike two committee names' distinctive words must be for a misspelt one to count ("Comission")."""


def resolve_citations(site: Site) -> Links:
    links = Links()
    index = committee_index(site)
    # A site's minutes cite the same few bodies again and again: each printed name is looked up once.
    committee_of = functools.lru_cache(maxsize=None)(partial(find_committee, site, index))
    for key in sorted(site.meetings):
        meeting = site.meetings[key]
        for doc in meeting.documents:
            resolved = [_resolve(site, committee_of, meeting, doc, c) for c in doc.record.citations]
            links.by_document[_doc_key(doc)] = resolved
            for r in resolved:
                if r.target_meeting and r.target_meeting is not meeting:
                    links.cited_by[(r.target_meeting.committee, r.target_meeting.key)].append(r)
    return links


def _resolve(
    site: Site, committee_of: Callable[[str], str | None], meeting: Meeting, doc: Document, c: Citation
) -> Resolved:
    slug = committee_of(c.committee) if c.committee else meeting.committee
    if slug is None:
        return _unresolved(
            c, doc, meeting, None, N_("%(committee)s is not in this site"), slug="", committee=c.committee
        )
    target: Meeting | None = None
    if c.date:
        target = site.meetings.get((slug, c.date.isoformat()))
        if target is None:
            return _unresolved(
                c,
                doc,
                meeting,
                None,
                NO_RECORD,
                slug=slug,
                date=c.date.isoformat(),
            )
    if c.minute:
        candidates = [target] if target else _earlier_meetings(site, slug, meeting)
        for candidate in candidates:
            anchor = _minute_anchor(candidate, c.minute)
            if anchor:
                return Resolved(c, doc, meeting, candidate, anchor, committee=slug)
        if target is None:
            return _unresolved(
                c, doc, meeting, None, N_("Minute %(minute)s is not in this site"), slug=slug, minute=c.minute
            )
        return _unresolved(
            c,
            doc,
            meeting,
            target,
            N_("Minute %(minute)s is not in the published minutes"),
            slug=slug,
            minute=c.minute,
        )
    if target is None:
        return _unresolved(c, doc, meeting, None, N_("the reference names no date or minute"), slug=slug)
    return Resolved(c, doc, meeting, target, committee=slug)


def _unresolved(
    c: Citation, doc: Document, meeting: Meeting, target: Meeting | None, message: str, slug: str, **args: str
) -> Resolved:
    return Resolved(
        c, doc, meeting, target, committee=slug, note_message=message, note_args=tuple(sorted(args.items()))
    )


def _earlier_meetings(site: Site, committee: str, meeting: Meeting) -> list[Meeting]:
    if committee not in site.committees:
        return []
    meetings = site.meetings_of(committee)
    if meeting.date is None:
        return meetings
    # Nearest earlier meeting first: minute numbers repeat across municipal years.
    return [m for m in meetings if m.date and m.date <= meeting.date]


def _minute_anchor(meeting: Meeting, number: str) -> str:
    """The minute's alias id on its meeting page, if that meeting's minutes hold it."""
    wanted = number.strip().rstrip(".").lower()
    minutes = meeting.minutes
    if minutes is None:
        return ""
    for item in minutes.record.items:
        if item.number.lower() == wanted:
            return minute_anchor(item.number)
    return ""
