"""The year of a meeting date printed without one ("held on Tuesday, 8th December at 7.30 p.m."), from the paper.

Minutes often leave the year to the running head ("Minutes of Parish Council Meeting – 8.12.2020"), which
the cleaning set aside as furniture, or to the papers around them. The year is taken, in order:

1. from a full date elsewhere in the paper (its furniture included) with the same day and month;
2. when the weekday is printed, from the years the paper names most: the one among them, or a year next to
   one of them, on which that day and month fall on that weekday — if exactly one does.

Otherwise the date stays empty, as the heading left it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from minutes.papers.clean import Line
from minutes.papers.dates import find_dates

_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20\d\d)(?!\d)")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEAP_YEAR = 2000
"""A year in which any day and month printed (29 February too) is a date."""


@dataclass(frozen=True, slots=True)
class Completed:
    date: dt.date
    how: str
    """What the year was taken from, for the record's warning."""


def complete_year(undated: str, lines: Sequence[Line]) -> Completed | None:
    """The date `undated` (a day and month, perhaps a weekday) with its year, from the paper's `lines`."""
    found = find_dates(undated, _LEAP_YEAR)
    if not found:
        return None
    day, month = found[0].date.day, found[0].date.month
    texts = [line.source for line in lines]
    for text in texts:
        for other in find_dates(text):
            if other.year_printed and (other.date.day, other.date.month) == (day, month):
                return Completed(other.date, f"{text[other.start : other.end]!r} elsewhere in the paper")
    year = year_by_weekday(undated, day, month, texts)
    if year is None:
        return None
    return Completed(dt.date(year, month, day), f"the weekday and the year the paper names most ({year})")


def year_by_weekday(undated: str, day: int, month: int, texts: Sequence[str]) -> int | None:
    """The year in which the day and month of `undated` fall on the weekday it prints, among the years `texts`
    name most and the years next to them, if exactly one does."""
    weekday = next((n for n, name in enumerate(_WEEKDAYS) if name in undated.lower()), None)
    if weekday is None:
        return None
    named = Counter(int(y) for text in texts for y in _YEAR.findall(text))
    if not named:
        return None
    most = max(named.values())
    near = {y + step for y, count in named.items() if count == most for step in (-1, 0, 1)}
    fits = sorted(y for y in near if _on_weekday(y, month, day, weekday))
    return fits[0] if len(fits) == 1 else None


def _on_weekday(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return dt.date(year, month, day).weekday() == weekday
    except ValueError:
        return False


def year_misprinted(value: dt.date, printed: str, text: str) -> dt.date:
    """`value`, printed as `printed` with its weekday, in the year next to the one printed when the weekday falls
    in that year and not the printed one, and either the paper prints that date in full elsewhere, or the year is
    the next and the month among the first three, when writers still type the old year ("Wednesday 10th February
    2020" for 10 February 2021: 10 February 2020 was a Monday); else `value`."""
    weekday = next((n for n, name in enumerate(_WEEKDAYS) if name in printed.lower()), None)
    if weekday is None or value.weekday() == weekday:
        return value
    elsewhere = {f.date for f in find_dates(text) if f.year_printed}
    for year in (value.year - 1, value.year + 1):
        if not _on_weekday(year, value.month, value.day, weekday):
            continue
        if value.replace(year=year) in elsewhere or (year == value.year + 1 and value.month <= 3):
            return value.replace(year=year)
    return value
