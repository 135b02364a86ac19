"""iCalendar (RFC 5545) calendars: the site's and one per committee.

Written with the `icalendar` library, which escapes, folds and encodes every
value as the standard says; the tests read the calendars back with it and
with dateutil. One VEVENT per dated meeting: timed in the site's zone when the
papers give a time, an all-day event when they do not. Every timed event has
an end: the one the papers print (the minutes' "The meeting closed at 7.15pm",
an agenda's "5.30 - 7.30 p.m."), else the start and the site's
`meeting_length`. A meeting broadcast on the web carries its webcast as a
CONFERENCE (RFC 7986) and both the webcast and any recording in its
DESCRIPTION. Links to pages are full addresses (`URL` is a URI, never a
path), so without `url` in site.yaml an event has none.

The VTIMEZONE is derived here from the tz database rather than with the
library's `Timezone.from_tzinfo`, which (icalendar 7.x) writes the onset of
summer time in the offset after the change, not before it as RFC 5545 says:
an independent reader (dateutil) then starts BST an hour late.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from minutes.outputs.addresses import Addresses
from minutes.records.characters import showable
from minutes.site.events import event_span
from minutes.site.model import Meeting, Site
from minutes.site.titles import meeting_title, today

if TYPE_CHECKING:
    import icalendar

PRODID = "-//minutes//Council minutes calendar//EN"
_END = "END:VCALENDAR\r\n"


def calendar_path(committee: str | None = None) -> str:
    return f"{committee}/calendar.ics" if committee else "calendar.ics"


def render(site: Site, addresses: Addresses) -> dict[str, str]:
    # Every meeting is in the site's calendar and in its committee's: its event is made and written once.
    events: dict[tuple[str, str], str] = {}
    files = {calendar_path(): _calendar(site, addresses, site.config.title, list(site.meetings.values()), events)}
    for slug in sorted(site.committees):
        name = f"{site.committees[slug].name} – {site.config.title}"
        files[calendar_path(slug)] = _calendar(site, addresses, name, site.meetings_of(slug), events)
    return files


def _calendar(site: Site, a: Addresses, name: str, meetings: list[Meeting], events: dict[tuple[str, str], str]) -> str:
    """The calendar's text: its own lines and time zone, then each meeting's event as `events` holds it.

    The library writes a calendar as its own properties, then each component's lines in turn, each
    line folded on its own; so the events' texts, written once each, join into the same bytes.
    The library is imported here, not with this module: a build imports the module as it starts, and
    makes the calendars beside the pages."""
    import icalendar

    dated = sorted((m for m in meetings if m.date), key=lambda m: (m.date, m.time, m.committee))
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # An X- property has no type the library knows: given as TEXT, so its line breaks are escaped too.
    cal.add("x-wr-calname", icalendar.vText(text(name)))
    cal.add("x-wr-timezone", a.zone_name)
    timed_years = sorted({m.date.year for m in dated if m.time and m.date})
    if timed_years:
        cal.add_component(vtimezone(a.zone, a.zone_name, timed_years[0], timed_years[-1]))
    # DTSTAMP is when this calendar was made: the build's "today", never the clock.
    stamp = dt.datetime.combine(today(site), dt.time(0, 0), tzinfo=dt.UTC)
    written = cal.to_ical().decode("utf-8")
    assert written.endswith(_END)
    parts = [written[: -len(_END)]]
    for m in dated:
        key = (m.committee, m.key)
        event = events.get(key)
        if event is None:
            event = events[key] = _event(site, a, m, stamp).to_ical().decode("utf-8")
        parts.append(event)
    parts.append(_END)
    return "".join(parts)


def _event(site: Site, a: Addresses, m: Meeting, stamp: dt.datetime) -> icalendar.Event:
    import icalendar

    assert m.date is not None
    start, end = event_span(m, a.zone, site.config.meeting_length)
    event = icalendar.Event()
    event.add("uid", a.uid(f"{m.committee}-{m.key}"))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", text(site.committees[m.committee].name))
    if m.venue:
        event.add("location", text(m.venue))
    url = a.full_link(m.url)
    if url:
        event.add("url", url)
    if m.webcast:
        event.add("conference", m.webcast, parameters={"value": "URI", "feature": "VIDEO", "label": "Webcast"})
    lines = [f"{m.status}.", meeting_title(site, m)]
    lines += [f"{label}: {value}" for label, value in (("Webcast", m.webcast), ("Recording", m.recording)) if value]
    if url:
        lines.append(url)
    event.add("description", text("\n".join(lines)))
    return event


def text(value: str) -> str:
    """A TEXT value as the calendar may hold it: no control characters (RFC 5545 3.3.11), and every kind of
    line break, U+2028 and U+2029 included, one newline, which the library writes as the escaped "\\n" so
    a value never splits its content line."""
    return showable(value).replace("\r\n", "\n").translate(_LINE_BREAKS)


_LINE_BREAKS = {ord(c): "\n" for c in "\r\u2028\u2029\x85"}


# --- VTIMEZONE ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Transition:
    onset: dt.datetime
    """Local wall-clock time of the change, read in the offset before it (naive)."""
    before: dt.timedelta
    after: dt.timedelta
    name: str
    dst: bool


def vtimezone(zone: ZoneInfo, tzid: str, first_year: int, last_year: int) -> icalendar.Timezone:
    """The zone's rules as a VTIMEZONE covering the given years.

    Derived from the tz database rather than written out per zone. Changes
    that recur on the same weekday of the same month each year (GMT/BST:
    last Sunday of March and of October) become a yearly RRULE, which every
    calendar client understands; anything irregular is listed as RDATEs.
    The year before the first is included so the earliest event has an
    observance in force.
    """
    import icalendar

    found = transitions(zone, first_year - 1, last_year)
    timezone = icalendar.Timezone()
    timezone.add("tzid", tzid)
    if not found:
        moment = dt.datetime(first_year, 1, 1, tzinfo=zone)
        offset = moment.utcoffset() or dt.timedelta(0)
        standard = icalendar.TimezoneStandard()
        standard.add("dtstart", dt.datetime(1970, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", text(moment.tzname() or tzid))
        timezone.add_component(standard)
        return timezone
    groups: dict[tuple, list[Transition]] = {}
    for t in found:
        groups.setdefault((t.dst, t.before, t.after, t.name), []).append(t)
    for (dst, before, after, name), group in sorted(groups.items(), key=lambda kv: kv[1][0].onset):
        observance = icalendar.TimezoneDaylight() if dst else icalendar.TimezoneStandard()
        observance.add("tzoffsetfrom", before)
        observance.add("tzoffsetto", after)
        observance.add("tzname", text(name))
        observance.add("dtstart", group[0].onset)
        rule = _yearly_rule(group)
        if rule:
            observance.add("rrule", rule)
        elif len(group) > 1:
            observance.add("rdate", [t.onset for t in group[1:]])
        timezone.add_component(observance)
    return timezone


def transitions(zone: ZoneInfo, first_year: int, last_year: int) -> tuple[Transition, ...]:
    """Every change of UTC offset or abbreviation in the years, from the tz database."""
    return tuple(t for year in range(first_year, last_year + 1) for t in _transitions_in(zone, year))


@functools.lru_cache(maxsize=256)
def _transitions_in(zone: ZoneInfo, year: int) -> tuple[Transition, ...]:
    """The changes in one year (after its first second, up to and with the next year's first).

    Cached by year: the site's calendar and every committee's ask for overlapping runs of years, and
    a run is the years' changes one after another (a year's seconds are a whole number of steps, so
    the years' scans meet on the scan of the whole run).
    """
    start = int(dt.datetime(year, 1, 1, tzinfo=dt.UTC).timestamp())
    end = int(dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC).timestamp())
    out = []
    step = 6 * 3600  # No zone changes twice within six hours.
    previous = start
    for moment in range(start + step, end + step, step):
        if _state(zone, moment) != _state(zone, previous):
            out.append(_transition(zone, _bisect(zone, previous, moment)))
        previous = moment
    return tuple(out)


def _state(zone: ZoneInfo, timestamp: int) -> tuple:
    local = dt.datetime.fromtimestamp(timestamp, zone)
    return (local.utcoffset(), local.tzname(), local.dst())


def _bisect(zone: ZoneInfo, low: int, high: int) -> int:
    """The first second at which the zone's state differs from its state at `low`."""
    before = _state(zone, low)
    while high - low > 1:
        middle = (low + high) // 2
        if _state(zone, middle) == before:
            low = middle
        else:
            high = middle
    return high


def _transition(zone: ZoneInfo, timestamp: int) -> Transition:
    before = dt.datetime.fromtimestamp(timestamp - 1, zone).utcoffset() or dt.timedelta(0)
    after = dt.datetime.fromtimestamp(timestamp, zone)
    utc = dt.datetime.fromtimestamp(timestamp, dt.UTC).replace(tzinfo=None)
    return Transition(
        onset=utc + before,
        before=before,
        after=after.utcoffset() or dt.timedelta(0),
        name=after.tzname() or "",
        dst=bool(after.dst()),
    )


def _yearly_rule(group: list[Transition]) -> dict[str, object] | None:
    """FREQ=YEARLY;BYMONTH=m;BYDAY=nDD when every change fits one such rule, else None."""
    first = group[0].onset
    years = [t.onset.year for t in group]
    if years != list(range(years[0], years[0] + len(group))):
        return None
    if any(
        (t.onset.month, t.onset.weekday(), t.onset.time()) != (first.month, first.weekday(), first.time())
        for t in group
    ):
        return None
    day = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[first.weekday()]
    positions = [_positions(t.onset.date()) for t in group]
    for position in sorted(positions[0]):
        if all(position in p for p in positions):
            return {"freq": "yearly", "bymonth": first.month, "byday": f"{position}{day}"}
    return None


def _positions(date: dt.date) -> set[int]:
    """Which weekday-of-month this date is: n-th from the start, and -1 if it is the last."""
    out = {(date.day - 1) // 7 + 1}
    if date.day + 7 > calendar.monthrange(date.year, date.month)[1]:
        out.add(-1)
    return out
