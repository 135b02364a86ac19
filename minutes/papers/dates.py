"""Dates and times as council papers print them.

Papers write dates many ways: "Monday, 16th December, 2013", "Tuesday, 28 July 2020",
"16 th December, 2013" (a superscript split off by the exporter), "13.09.13" in table cells,
and sometimes no year at all ("Tuesday 22 September"). Times come as "1.00 p.m.",
"12.00 noon", "5:30pm" or "10:00am". Everything here is pure and returns None rather
than guessing when a value is not there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_WEEKDAY = r"(?:(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)(?:day)?,?\s+)"
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
DATE_PATTERN = re.compile(
    _WEEKDAY + r"?(?P<day>[0-3]?\d)\s*(?:st|nd|rd|th)?\s+" + _MONTH + r",?(?:\s+(?P<year>(?:19|20)\d\d)\b)?",
    re.IGNORECASE,
)
"""A day-month(-year) date; the year is optional because agendas leave it out for the coming year."""

_TIME = re.compile(
    r"(?<![\d.:])(?P<hour>[0-2]?\d)(?:[.:](?P<minute>[0-5]\d))?\s*"
    r"(?P<suffix>a\.?\s?m\b\.?|p\.?\s?m\b\.?|noon\b|midday\b|hrs\b)",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"(?<![\d.:/])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text: where it starts and ends, and whether the year was printed."""

    date: dt.date
    start: int
    end: int
    year_printed: bool


def find_dates(text: str, default_year: int | None = None) -> list[FoundDate]:
    """Every date in `text`, in order; dates without a year need `default_year` (else skipped)."""
    found = []
    for match in DATE_PATTERN.finditer(text):
        year_text = match.group("year")
        year = int(year_text) if year_text else default_year
        if year is None:
            continue
        try:
            value = dt.date(year, MONTHS[match.group("month").lower().rstrip(".")], int(match.group("day")))
        except ValueError:
            continue
        found.append(FoundDate(value, match.start(), match.end(), bool(year_text)))
    return found


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first date in `text`, or None: "Monday, 16th December, 2013" -> 2013-12-16."""
    found = find_dates(text, default_year)
    return found[0].date if found else None


def parse_date_after(text: str, after: dt.date) -> dt.date | None:
    """The first date in `text`; a missing year is the first one that puts the date after `after`.

    "Tuesday 22 September" in a July 2020 agenda means 22 September 2020; "21st May" in a
    January agenda means May of the same year, and "January" in a December one the next.
    """
    found = find_dates(text, after.year)
    if not found:
        return None
    first = found[0]
    if first.year_printed or first.date >= after:
        return first.date
    try:
        return first.date.replace(year=first.date.year + 1)
    except ValueError:
        return None


def parse_time(text: str) -> str:
    """The first clock time in `text` as "HH:MM", or "": "1.00 p.m." -> "13:00", "12.00 noon" -> "12:00"."""
    best: tuple[int, str] | None = None
    for match in _TIME.finditer(text):
        hour = int(match.group("hour"))
        minute = int(match.group("minute") or 0)
        suffix = match.group("suffix").lower().replace(".", "").replace(" ", "")
        if suffix in ("noon", "midday"):
            if hour not in (12,) and match.group("minute") is None and hour != 0:
                continue
            hour = 12
        elif suffix == "pm" and hour < 12:
            hour += 12
        elif suffix == "am" and hour == 12:
            hour = 0
        if hour > 23:
            continue
        best = (match.start(), f"{hour:02d}:{minute:02d}")
        break
    clock = _CLOCK.search(text)
    if clock and (best is None or clock.start() < best[0]):
        return f"{int(clock.group('hour')):02d}:{clock.group('minute')}"
    return best[1] if best else ""


def parse_short_date(text: str) -> dt.date | None:
    """A numeric date "18/11/13", "13.09.13" or "03/03/20" (day first, as British papers print)."""
    match = re.search(r"\b([0-3]?\d)[/.]([01]?\d)[/.](\d{2}|\d{4})\b", text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
