"""iCalendar (RFC 5545) calendars: the site's and one per committee.

Written by hand because the format is small and the output must be
byte-identical between builds; the tests read it back with the `icalendar`
library. One VEVENT per dated meeting: timed in the site's zone when the
papers give a time, an all-day event when they do not.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from minutes.outputs.addresses import Addresses
from minutes.records.characters import showable
from minutes.site.model import Meeting, Site
from minutes.site.titles import meeting_title, today

PRODID = "-//minutes//Council minutes calendar//EN"


def calendar_path(committee: str | None = None) -> str:
    return f"{committee}/calendar.ics" if committee else "calendar.ics"


def render(site: Site, addresses: Addresses) -> dict[str, str]:
    files = {calendar_path(): _calendar(site, addresses, site.config.title, list(site.meetings.values()))}
    for slug in sorted(site.committees):
        name = f"{site.committees[slug].name} – {site.config.title}"
        files[calendar_path(slug)] = _calendar(site, addresses, name, site.meetings_of(slug))
    return files


def _calendar(site: Site, a: Addresses, name: str, meetings: list[Meeting]) -> str:
    dated = sorted((m for m in meetings if m.date), key=lambda m: (m.date, m.time, m.committee))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        f"X-WR-TIMEZONE:{a.zone_name}",
    ]
    timed_years = sorted({m.date.year for m in dated if m.time and m.date})
    if timed_years:
        lines += vtimezone(a.zone, a.zone_name, timed_years[0], timed_years[-1])
    # DTSTAMP is when this calendar was made: the build's "today", never the clock.
    stamp = f"{today(site):%Y%m%d}T000000Z"
    for m in dated:
        lines += _event(site, a, m, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _event(site: Site, a: Addresses, m: Meeting, stamp: str) -> list[str]:
    assert m.date is not None
    if m.time:
        start = f"DTSTART;TZID={a.zone_name}:{m.date:%Y%m%d}T{m.time.replace(':', '')}00"
    else:
        start = f"DTSTART;VALUE=DATE:{m.date:%Y%m%d}"
    url = a.link(m.url)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{m.committee}-{m.key}@{a.host}",
        f"DTSTAMP:{stamp}",
        start,
        f"SUMMARY:{escape(site.committees[m.committee].name)}",
    ]
    if m.venue:
        lines.append(f"LOCATION:{escape(m.venue)}")
    lines.append(f"URL:{url}")
    description = "\n".join([f"{m.status}.", meeting_title(site, m), url])
    lines.append(f"DESCRIPTION:{escape(description)}")
    lines.append("END:VEVENT")
    return lines


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11).

    Control characters are not allowed in TEXT and are left out; every kind of line break,
    U+2028 and U+2029 included, is the escaped "\\n", so a value never splits its content line.
    """
    text = showable(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    return text.replace("\n", "\\n")


_LINE_BREAKS = {ord(c): "\n" for c in "\r\u2028\u2029"}


def fold(line: str) -> str:
    """Fold at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    if len(line.encode("utf-8")) <= 75:
        return line
    parts: list[str] = []
    current, size, limit = [], 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            # A continuation line starts with a space, which counts towards its 75.
            current, size, limit = [], 0, 74
        current.append(ch)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


# --- VTIMEZONE ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Transition:
    onset: dt.datetime
    """Local wall-clock time of the change, read in the offset before it (naive)."""
    before: dt.timedelta
    after: dt.timedelta
    name: str
    dst: bool


def vtimezone(zone: ZoneInfo, tzid: str, first_year: int, last_year: int) -> list[str]:
    """The zone's rules as a VTIMEZONE covering the given years.

    Derived from the tz database rather than written out per zone. Changes
    that recur on the same weekday of the same month each year (GMT/BST:
    last Sunday of March and of October) become a yearly RRULE, which every
    calendar client understands; anything irregular is listed as RDATEs.
    The year before the first is included so the earliest event has an
    observance in force.
    """
    found = transitions(zone, first_year - 1, last_year)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    if not found:
        moment = dt.datetime(first_year, 1, 1, tzinfo=zone)
        offset = _offset(moment.utcoffset() or dt.timedelta(0))
        lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", f"TZOFFSETFROM:{offset}", f"TZOFFSETTO:{offset}"]
        lines += [f"TZNAME:{escape(moment.tzname() or tzid)}", "END:STANDARD"]
        return lines + ["END:VTIMEZONE"]
    groups: dict[tuple, list[Transition]] = {}
    for t in found:
        groups.setdefault((t.dst, t.before, t.after, t.name), []).append(t)
    for (dst, before, after, name), group in sorted(groups.items(), key=lambda kv: kv[1][0].onset):
        kind = "DAYLIGHT" if dst else "STANDARD"
        lines += [
            f"BEGIN:{kind}",
            f"TZOFFSETFROM:{_offset(before)}",
            f"TZOFFSETTO:{_offset(after)}",
            f"TZNAME:{escape(name)}",
            f"DTSTART:{group[0].onset:%Y%m%dT%H%M%S}",
        ]
        rule = _yearly_rule(group)
        if rule:
            lines.append(f"RRULE:{rule}")
        else:
            lines += [f"RDATE:{t.onset:%Y%m%dT%H%M%S}" for t in group[1:]]
        lines.append(f"END:{kind}")
    return lines + ["END:VTIMEZONE"]


@functools.lru_cache(maxsize=64)
def transitions(zone: ZoneInfo, first_year: int, last_year: int) -> tuple[Transition, ...]:
    """Every change of UTC offset or abbreviation in the years, from the tz database.

    Cached: the site's calendar and every committee's ask for much the same years.
    """
    start = int(dt.datetime(first_year, 1, 1, tzinfo=dt.UTC).timestamp())
    end = int(dt.datetime(last_year + 1, 1, 1, tzinfo=dt.UTC).timestamp())
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


def _yearly_rule(group: list[Transition]) -> str:
    """FREQ=YEARLY;BYMONTH=m;BYDAY=nDD when every change fits one such rule, else ""."""
    first = group[0].onset
    years = [t.onset.year for t in group]
    if years != list(range(years[0], years[0] + len(group))):
        return ""
    if any(
        (t.onset.month, t.onset.weekday(), t.onset.time()) != (first.month, first.weekday(), first.time())
        for t in group
    ):
        return ""
    day = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[first.weekday()]
    positions = [_positions(t.onset.date()) for t in group]
    for position in sorted(positions[0]):
        if all(position in p for p in positions):
            return f"FREQ=YEARLY;BYMONTH={first.month};BYDAY={position}{day}"
    return ""


def _positions(date: dt.date) -> set[int]:
    """Which weekday-of-month this date is: n-th from the start, and -1 if it is the last."""
    out = {(date.day - 1) // 7 + 1}
    if date.day + 7 > calendar.monthrange(date.year, date.month)[1]:
        out.add(-1)
    return out


def _offset(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")
