"""Atom 1.0 feeds (RFC 4287): the site's and one per committee.

An entry is one publication of a meeting's papers: its agenda (with its
reports), its minutes (a separate entry, as they appear weeks later), or, for a
meeting with neither, its other papers. An entry is dated by when its records
first appeared on the site (see site/appearances.py), never by the meeting: its
`published` is when the first of them appeared, its `updated` when the last did
(a supplementary pack of reports updates the agenda's entry), so minutes that
follow an agenda arrive as news, not backdated below it.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from minutes.outputs.addresses import Addresses
from minutes.records.characters import showable
from minutes.records.record import Item
from minutes.site.appearances import Appearances
from minutes.site.model import Document, Meeting, Site
from minutes.site.titles import long_date, meeting_title, today

ATOM = "http://www.w3.org/2005/Atom"
SITE_LIMIT = 50
COMMITTEE_LIMIT = 100
_KINDS = {"agenda": "Agenda published", "minutes": "Minutes published", "papers": "Papers published"}
_ORDER = {"papers": 0, "agenda": 1, "minutes": 2}
"""Within one meeting, minutes come out after the agenda, so they sort as newer."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    meeting: Meeting
    kind: str
    """agenda | minutes | papers"""
    published: dt.date
    """When the first of its records appeared on the site."""
    updated: dt.date
    """When the last of them did."""

    @property
    def sort_key(self) -> tuple:
        return (self.updated, self.published, _ORDER[self.kind], self.meeting.committee, self.meeting.key)


def feed_path(committee: str | None = None) -> str:
    return f"{committee}/feed.xml" if committee else "feed.xml"


def entries_of(meetings: list[Meeting], appeared: Appearances) -> list[FeedEntry]:
    """Every publication of these meetings, newest first."""
    out = []
    for m in meetings:
        for kind, documents in _publications(m):
            dates = [appeared.of(d) for d in documents]
            # An agenda's entry is published with the agenda itself, whatever its reports say.
            first = dates[0] if kind == "agenda" else min(dates)
            out.append(FeedEntry(m, kind, first, max(dates)))
    return sorted(out, key=lambda e: e.sort_key, reverse=True)


def _publications(m: Meeting) -> list[tuple[str, tuple[Document, ...]]]:
    """Each entry a meeting gives: its kind and its documents, the one it is named for first."""
    found: list[tuple[str, tuple[Document, ...]]] = []
    if m.agenda is not None:
        found.append(("agenda", (m.agenda, *m.reports)))
    if m.minutes is not None:
        found.append(("minutes", (m.minutes,)))
    if not found and m.documents:
        found.append(("papers", tuple(sorted(m.documents, key=lambda d: d.name))))
    return found


def render(site: Site, addresses: Addresses, appeared: Appearances) -> dict[str, str]:
    files = {}
    everything = entries_of(list(site.meetings.values()), appeared)
    files[feed_path()] = _feed(site, addresses, site.config.title, "", everything[:SITE_LIMIT], None)
    for slug in sorted(site.committees):
        committee = site.committees[slug]
        entries = entries_of(site.meetings_of(slug), appeared)[:COMMITTEE_LIMIT]
        title = f"{committee.name} – {site.config.title}"
        files[feed_path(slug)] = _feed(site, addresses, title, committee.url, entries, slug)
    return files


def _feed(site: Site, a: Addresses, title: str, home: str, entries: list[FeedEntry], committee: str | None) -> str:
    config = site.config
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": config.language})
    _text(feed, "id", a.tag(f"{committee}/feed" if committee else "feed"))
    _text(feed, "title", title)
    if config.council:
        _text(feed, "subtitle", f"Agendas and minutes published by {config.council}")
    # An empty feed is still dated, by the build's "today", never the clock.
    newest = a.local_midnight(entries[0].updated if entries else today(site))
    _text(feed, "updated", newest.isoformat())
    author = ET.SubElement(feed, "author")
    _text(author, "name", config.council or config.title)
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": a.link(feed_path(committee))})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": a.link(home)})
    _text(feed, "generator", "minutes")
    for entry in entries:
        _entry(site, a, feed, entry)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(site: Site, a: Addresses, feed: ET.Element, entry: FeedEntry) -> None:
    m = entry.meeting
    el = ET.SubElement(feed, "entry")
    _text(el, "id", a.tag(f"{m.committee}/{m.key}/{entry.kind}"))
    _text(el, "title", f"{_KINDS[entry.kind]}: {meeting_title(site, m)}")
    _text(el, "published", a.local_midnight(entry.published).isoformat())
    _text(el, "updated", a.local_midnight(entry.updated).isoformat())
    ET.SubElement(el, "link", {"rel": "alternate", "type": "text/html", "href": a.link(m.url)})
    ET.SubElement(el, "category", {"term": m.committee, "label": showable(site.committees[m.committee].name)})
    _text(el, "summary", _summary(m, entry.kind))


def _summary(m: Meeting, kind: str) -> str:
    lines = [long_date(m.date) + (f" at {m.time}" if m.time else "")]
    if m.venue:
        lines.append(m.venue)
    if m.webcast:
        lines.append(f"Webcast: {m.webcast}")
    if m.recording:
        lines.append(f"Recording: {m.recording}")
    doc = m.agenda if kind == "agenda" else m.minutes if kind == "minutes" else None
    items: tuple[Item, ...] = doc.record.items if doc else ()
    if items:
        lines.append("Items:")
        lines.extend(f"{i.number}. {i.title}" if i.number else i.title for i in items)
    elif kind == "papers":
        lines.extend(d.title for d in m.documents)
    return "\n".join(lines)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    el = ET.SubElement(parent, tag)
    # ElementTree escapes markup but writes control characters as they are, which no XML may hold.
    el.text = showable(text)
    return el
