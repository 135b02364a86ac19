"""Dates and times as council papers print them.

Dates come day first ("Monday, 16th December, 2013", "25TH JUNE, 2024", "the 12th day of
January, 2011"), month first ("September 27, 2012", "May 14, 2018"), numeric ("13.09.13",
"18/11/13", "2025-01-07") and damaged by OCR ("20"" October", "11™ MAY", "1% June": an
ordinal suffix read as marks). Sometimes there is no year ("Tuesday 22 September").
Times come as "1.00 p.m.", "12.00 noon", "5:30pm", "10:30a.m.", "3pm", "14:30",
"1400 hrs" and ranges ("7.00 - 8.45 pm").

Everything here is pure, and returns None (or "") rather than guessing: a date without a
year is only completed when the caller says which year is meant.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

from minutes.papers import memo

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
# Welsh papers, and the Welsh half of bilingual ones: Ionawr … Rhagfyr.
MONTHS.update(
    {
        name: n
        for n, name in enumerate(
            (
                "ionawr",
                "chwefror",
                "mawrth",
                "ebrill",
                "mai",
                "mehefin",
                "gorffennaf",
                "awst",
                "medi",
                "hydref",
                "tachwedd",
                "rhagfyr",
            ),
            start=1,
        )
    }
)

_WEEKDAY_STEMS = ("mon", "tues", "tue", "wednes", "wed", "thurs", "thu", "fri", "satur", "sat", "sun")
_WEEKDAY = (
    r"(?:(?P<weekday>(?:"
    + "|".join(_WEEKDAY_STEMS)
    + r")(?:day)?|dydd\s+(?:llun|mawrth|mercher|iau|gwener|sadwrn|sul))"
    r"\b\.?,?\s+(?:the\s+)?)"
)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))


def _starts_with(*words: str, digit: bool = False) -> str:
    """A lookahead that a place holds the first letter of one of `words` (or a digit): put before a pattern
    whose every match starts so, it changes no match, and the pattern, ignoring case, is tried only at the
    places it lets through, not at every place of a line (a pattern that opens with an optional weekday
    cannot be skipped ahead by Python's regex engine itself). Ignoring case, a letter in a set takes what
    the letter alone takes (ſ for s)."""
    letters = "".join(sorted({word[0] for word in words}))
    return "(?=[" + ("\\d" if digit else "") + letters + "])"


_WEEKDAY_FIRST = (*_WEEKDAY_STEMS, "dydd")
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")\b\.?"
# An ordinal suffix as printed, or as OCR misreads a raised one: 20"", 15", 21*, 11™, 1%, 4”.
_ORDINAL = r"(?:\s?(?:st|nd|rd|th)\b|[\"”“'’*%™°]{1,2}|\s?[\"”“]?(?:st|nd|rd|th)[\"”“]?)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"

DATE_PATTERN = re.compile(
    _starts_with(*_WEEKDAY_FIRST, digit=True)
    + _WEEKDAY
    + r"?(?<![\d.,:/])(?P<day>[0-3]?\d)"
    + _ORDINAL
    + r"\s*(?:day\s+of\s+|of\s+)?"
    + _MONTH
    + r"(?:,?\s*(?:in\s+the\s+year\s+)?"
    + _YEAR
    + r")?",
    re.IGNORECASE,
)
"""Day first: "Monday, 16th December, 2013", "12TH DAY OF JANUARY, 2011", "9th of July"."""

_MONTH_FIRST = re.compile(
    _starts_with(*_WEEKDAY_FIRST, *MONTHS)
    + _WEEKDAY
    + r"?(?P<month>"
    + _MONTH_NAMES
    + r")\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![:.]\d)"
    r"(?:(?:,\s*|\.\s(?=\d{4}\b)|\s+(?:of\s+)?)" + _YEAR + r")?",  # "August 26. 2025": a comma typed as a stop
    re.IGNORECASE,
)
"""Month first, as North American papers print: "September 27, 2012", "May 16", "October 9th of 2024"; a scan's
text layer may lose the space after the comma ("October 1,2024")."""

_NUMERIC = re.compile(r"(?<![\d/.])(?P<day>[0-3]?\d)[/.](?P<month>[0-3]?\d)[/.](?P<year>\d{4}|\d{2})(?![\d/.])")
"""A numeric date, its first number named the day and its second the month as Britain prints them (a month
over 12 is no date: `_make` refuses it)."""
_ISO = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text: where it starts and ends, and how much of it was printed."""

    date: dt.date
    start: int
    end: int
    year_printed: bool
    weekday_printed: bool = False
    form: str = "day-month"
    """day-month | month-day | numeric | iso"""


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_ANY_MONTH = re.compile(_starts_with(*MONTHS) + "(?:" + _MONTH_NAMES + ")", re.IGNORECASE)
"""A month's name anywhere: written-out dates need one (a line without is not searched for them)."""
_MONTH_STEMS = re.compile(
    "|".join(name for name in MONTHS if not any(other != name and name.startswith(other) for other in MONTHS))
)
"""The month names no other name begins ("jan" for "january" too), in lower case, as one pattern of plain
words: looked for in a lowered line, ten times quicker than `_ANY_MONTH` ignoring case."""
_MONTH_STEM_THEN_DAY = re.compile("(?:" + _MONTH_STEMS.pattern + r")[a-z]*\.?\s+\d")
"""What a lowered ASCII line holds where a date is printed month first (a name, a space, the day's digit)."""
_ANY_DIGIT = re.compile(r"\d")
"""Every date has a digit (its day): a line without one has none."""
_NUMERIC_HINT = re.compile(r"\d[/.][01]?\d[/.]")
"""What every numeric date holds (day, mark, month, mark), found many times quicker than `_NUMERIC` with its
lookbehind tried at each place."""
_NUMERIC_HINT_EITHER = re.compile(r"\d[/.][0-3]?\d[/.]")
"""The same for a numeric date printed month first, whose second number is the day."""


_DAY_FIRST = ((DATE_PATTERN, "day-month"),)
_BOTH_WAYS = ((DATE_PATTERN, "day-month"), (_MONTH_FIRST, "month-day"))


def _written_forms(text: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The patterns of written-out dates worth trying on `text`: none without a month's name, and the
    month-first one, the costlier, on an ASCII line only where a name is followed by a day's digit.

    An ASCII line is lowered and looked in for the names' stems; other text is searched with the pattern
    of all names, which ignores case beyond ASCII too."""
    if text.isascii():
        lowered = text.lower()
        if _MONTH_STEMS.search(lowered) is None:
            return ()
        return _BOTH_WAYS if _MONTH_STEM_THEN_DAY.search(lowered) else _DAY_FIRST
    return _BOTH_WAYS if _ANY_MONTH.search(text) else ()


DAY_FIRST, MONTH_FIRST = "day", "month"
_NUMERIC_ORDER: contextvars.ContextVar[str | Callable[[], str]] = contextvars.ContextVar(
    "numeric_order", default=DAY_FIRST
)
"""How the paper being read orders a numeric date's day and month ("7/12/2023"), or how to judge it when a
numeric date is first read (`reading_numeric_of`)."""
ORDER_CHARS = 50_000
"""How much of a paper its numeric dates' order is judged on."""


def numeric_order(text: str) -> str:
    """Whether a paper prints numeric dates day first ("13.09.13", as in Britain) or month first ("7/12/2023",
    as in the United States): a numeric date that can only be read one way says so ("12/25/2023"); else the
    way it writes dates out ("July 12, 2023" month first, "12 July 2023" day first); else day first."""
    text = text[:ORDER_CHARS]
    only_month_first = only_day_first = 0
    for match in _NUMERIC.finditer(text) if _NUMERIC_HINT_EITHER.search(text) else ():
        first, second = int(match.group("day")), int(match.group("month"))
        only_month_first += second > 12 >= first
        only_day_first += first > 12 >= second
    if only_month_first != only_day_first:
        return MONTH_FIRST if only_month_first > only_day_first else DAY_FIRST
    written = [f.form for f in _find_dates(text, None) if f.form in ("day-month", "month-day")]
    return MONTH_FIRST if written.count("month-day") > written.count("day-month") else DAY_FIRST


@contextmanager
def reading_numeric(order: str | Callable[[], str]) -> Iterator[None]:
    """Numeric dates read in this order (`numeric_order`), or in the one `order()` judges when a numeric date is
    first read, until the block ends."""
    token = _NUMERIC_ORDER.set(order)
    try:
        yield
    finally:
        _NUMERIC_ORDER.reset(token)


def reading_numeric_of(text: str) -> AbstractContextManager[None]:
    """Numeric dates read in the order the paper `text` prints them (`numeric_order`) until the block ends,
    judged when a numeric date is first read: most papers print none, and judging reads the whole paper."""

    @functools.cache
    def order() -> str:
        with reading_numeric(DAY_FIRST):  # (judging counts only dates written out, whatever the order)
            return numeric_order(text)

    return reading_numeric(order)


def _numeric_order_in_force() -> str:
    order = _NUMERIC_ORDER.get()
    return order if isinstance(order, str) else order()


def find_dates(text: str, default_year: int | None = None) -> list[FoundDate]:
    """Every date in `text`, in order. A date printed without a year is completed with
    `default_year`, or skipped when there is none. Numeric dates are read day first unless the paper
    being read prints them month first (`reading_numeric`)."""
    if len(text) <= memo.SHORT_CHARS:
        # A line is searched for dates by many rules, and again by the style trial's second reading.
        # (the order matters only to a line that may hold a numeric date)
        key = (text, default_year, _numeric_order_in_force() if _NUMERIC_HINT_EITHER.search(text) else "")
        found = _DATES_FOUND.get(key)
        if found is None:
            found = memo.keep(_DATES_FOUND, key, tuple(_find_dates(text, default_year)))
        return list(found)
    return _find_dates(text, default_year)


_DATES_FOUND: dict[tuple[str, int | None, str], tuple[FoundDate, ...]] = memo.table(f"{__name__}.find_dates")


def _find_dates(text: str, default_year: int | None) -> list[FoundDate]:
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(value: dt.date | None, match: re.Match[str], year_printed: bool, weekday: bool, form: str) -> None:
        if value is None or any(a < match.end() and match.start() < b for a, b in taken):
            return
        found.append(FoundDate(value, match.start(), match.end(), year_printed, weekday, form))
        taken.append((match.start(), match.end()))

    if not _ANY_DIGIT.search(text):
        return found
    for pattern, form in _written_forms(text):
        for match in pattern.finditer(text):
            month_text = match.group("month")
            if form == "month-day" and month_text.lower() == "may" and not month_text[0].isupper():
                continue  # "they may 2 …": the verb, not the month
            year_text = match.group("year")
            year = int(year_text) if year_text else default_year
            if year is None:
                continue
            value = _make(year, MONTHS[month_text.lower().rstrip(".")], int(match.group("day")))
            add(value, match, bool(year_text), bool(match.group("weekday")), form)
    for match in _ISO.finditer(text) if "-" in text else ():
        add(
            _make(int(match.group("year")), int(match.group("month")), int(match.group("day"))),
            match,
            True,
            False,
            "iso",
        )
    month_first = _NUMERIC_HINT_EITHER.search(text) is not None and _numeric_order_in_force() == MONTH_FIRST
    for match in (
        _NUMERIC.finditer(text) if (_NUMERIC_HINT_EITHER if month_first else _NUMERIC_HINT).search(text) else ()
    ):
        year = int(match.group("year"))
        year += 2000 if year < 100 else 0
        day, month = int(match.group("day")), int(match.group("month"))
        if month_first:
            day, month = month, day
        add(_make(year, month, day), match, True, False, "numeric")
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first written-out date in `text`, or None: "Monday, 16th December, 2013" -> 2013-12-16.

    Numeric dates ("18/11/13", `find_dates`' form "numeric") are left out: in running text "3.4.5" or
    "1/2/24" are too often something else."""
    for found in find_dates(text, default_year):
        if found.form in ("day-month", "month-day", "iso"):
            return found.date
    return None


def parse_date_after(text: str, after: dt.date) -> dt.date | None:
    """The first date in `text`; a missing year is the first one that puts the date after `after`.

    "Tuesday 22 September" in a July 2020 agenda means 22 September 2020; "21st May" in a
    January agenda means May of the same year, and "January" in a December one the next.
    """
    found = [f for f in find_dates(text, after.year) if f.form != "numeric"]
    if not found:
        # "29 February" is no date in a common year: try the next years, as a later meeting would be.
        for year in range(after.year + 1, after.year + 5):
            later = [f for f in find_dates(text, year) if f.form != "numeric" and not f.year_printed]
            if later:
                return later[0].date
        return None
    first = found[0]
    if first.year_printed or first.date >= after:
        return first.date
    try:
        return first.date.replace(year=first.date.year + 1)
    except ValueError:
        return None


# --- times -------------------------------------------------------------------------------

_SUFFIX = r"(?P<suffix>a\.?\s?m\b\.?|p\.?\s?m\b\.?|noon\b|midday\b|hrs\b|hours\b)"
_TIME = re.compile(
    r"(?<![\d.:£$€])(?P<hour>[0-2]?\d)(?:[.:](?P<minute>[0-5]\d))?\s*(?:o['’]?\s?clock\s*)?" + _SUFFIX,
    re.IGNORECASE,
)
_RANGE = re.compile(
    r"(?<![\d.:£$€])(?P<hour>[01]?\d)(?:[.:](?P<minute>[0-5]\d))?\s*(?:-|–|to)\s*"
    r"(?P<hour2>[01]?\d)(?:[.:](?P<minute2>[0-5]\d))?\s*(?P<suffix>a\.?\s?m\b\.?|p\.?\s?m\b\.?)",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"(?<![\d.:/£$€])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])")
_AT_24 = re.compile(
    r"\bat\s+(?P<hour>0\d|1\d|2[0-3])[.:](?P<minute>[0-5]\d)\b(?!\s*(?:[ap]\.?m|noon|hrs))", re.IGNORECASE
)
_HHMM = re.compile(r"(?<![\d.:/£$€])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?:hrs|hours)\b", re.IGNORECASE)


_SMALL_HOURS = 6
"""A clock time without a.m. or p.m. up to this hour ("2:00", "6:30") is in the afternoon or evening; one printed
with its zero ("02:00") is a 24-hour clock's."""


def _clock(hour: int, minute: int, suffix: str) -> str | None:
    suffix = suffix.lower().replace(".", "").replace(" ", "")
    if suffix in ("noon", "midday"):
        if hour != 12:
            return None
    elif suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    elif suffix == "am" and hour > 12:
        return None
    if hour > 23:
        return None
    return f"{hour:02d}:{minute:02d}"


def find_time(text: str) -> tuple[int, str] | None:
    """(position, "HH:MM") of the first clock time in `text`, or None."""
    candidates: list[tuple[int, int, str]] = []  # (position, precedence, time)
    for match in _RANGE.finditer(text):
        hour, hour2 = int(match.group("hour")), int(match.group("hour2"))
        suffix = match.group("suffix")
        # "7.00 - 8.45 pm" starts in the evening; "11.30 - 1.00 pm" and "11.00 - 12.30 pm" in the
        # morning; "12.00 - 2.00 pm" at noon.
        if hour == 12:
            start_suffix = suffix
        elif hour2 == 12 or hour > hour2:
            start_suffix = "am"
        else:
            start_suffix = suffix
        value = _clock(hour, int(match.group("minute") or 0), start_suffix)
        if value:
            candidates.append((match.start(), 0, value))
            break
    for match in _TIME.finditer(text):
        suffix = match.group("suffix")
        if suffix.lower().startswith(("hrs", "hours")):
            if match.group("minute") is None:
                continue  # "2 hours" is a duration
            value = f"{int(match.group('hour')):02d}:{match.group('minute')}" if int(match.group("hour")) < 24 else None
        else:
            value = _clock(int(match.group("hour")), int(match.group("minute") or 0), suffix)
        if value:
            candidates.append((match.start(), 1, value))
            break
    at24 = _AT_24.search(text)
    if at24:
        candidates.append((at24.start(), 2, f"{at24.group('hour')}:{at24.group('minute')}"))
    hhmm = _HHMM.search(text)
    if hhmm:
        candidates.append((hhmm.start(), 2, f"{hhmm.group('hour')}:{hhmm.group('minute')}"))
    clock = _CLOCK.search(text)
    if clock:
        hour = int(clock.group("hour"))
        if 1 <= hour <= _SMALL_HOURS and not clock.group("hour").startswith("0"):
            hour += 12  # "called to order at 2:00": no council meets at two in the morning
        candidates.append((clock.start(), 3, f"{hour:02d}:{clock.group('minute')}"))
    if not candidates:
        return None
    position, _, value = min(candidates)
    return position, value


def time_range(text: str) -> tuple[str, str] | None:
    """("HH:MM", "HH:MM") of the first span of time in `text` ("5.30 - 7.30 p.m.", "11.00 to 1.00 pm"), or None."""
    match = _RANGE.search(text)
    if not match:
        return _two_times(text)
    hour, hour2 = int(match.group("hour")), int(match.group("hour2"))
    suffix = match.group("suffix")
    # As find_time reads a span's start: "11.30 - 1.00 pm" starts in the morning.
    start_suffix = suffix if hour == 12 or not (hour2 == 12 or hour > hour2) else "am"
    start = _clock(hour, int(match.group("minute") or 0), start_suffix)
    end = _clock(hour2, int(match.group("minute2") or 0), suffix)
    return (start, end) if start and end else None


_TO = re.compile(r"(?<!\s)\s*(?:-|–|—|to|until)\s*", re.IGNORECASE)  # never tried from each space of a run


def _two_times(text: str) -> tuple[str, str] | None:
    """ "10.00 am – 12.30 pm": two times, each with its own am or pm."""
    for first in _TIME.finditer(text):
        joiner = _TO.match(text, first.end())
        second = _TIME.match(text, joiner.end()) if joiner else None
        if second is None or any(m.group("suffix").lower().startswith("h") for m in (first, second)):
            continue  # "2 hours to 3 hours" is no span of the clock
        times = [_clock(int(m.group("hour")), int(m.group("minute") or 0), m.group("suffix")) for m in (first, second)]
        if times[0] and times[1]:
            return times[0], times[1]
    return None


def parse_time(text: str) -> str:
    """The first clock time in `text` as "HH:MM", or "": "1.00 p.m." -> "13:00", "12.00 noon" -> "12:00"."""
    found = find_time(text)
    return found[1] if found else ""
