"""Where a site's papers print the meeting's date and time: the words just before them in the opening.

A council prints its meetings' headers from one template: "Minutes of the meeting held on {date} at {time}",
"Date: {date}" and "Time: {time}" on lines of their own, "{body} REGULAR MEETING {date}". The words a
paper prints just before the date it is filed under are its cue ("held on", "date", "regular meeting"); the
house style keeps the cues most of the site's papers share, and those a person's correction showed, so
that in the next paper the date printed after the cue is the meeting's, over a posting date or the date of
the minutes it approves.

A cue is the last `CUE_WORDS` words before the value on its line, folded, a weekday left out and any date
among them standing as the word "date" ("4 May 2021 at" -> "date at"), any other number as "#".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from minutes.papers.dates import find_dates, find_time
from minutes.papers.known_titles import title_key

FACTS = ("date", "time")
CUE_WORDS = 2
OPENING_LINES = 40
"""How many lines of a document's opening a fact's cue is looked for in."""
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")


def cue_of(before: str) -> str:
    """The cue of a value printed after `before` on its line: "Meeting held on Tuesday" -> "held on"; "" when
    the value opens its line."""
    words = ["#" if w.isdigit() else w for w in _WEEKDAY.sub(" ", title_key(before)).split()]
    return " ".join(words[-CUE_WORDS:])


def printed(fact: str, lines: Sequence[str], year: int | None) -> Iterator[tuple[dt.date | str, str]]:
    """Each value of `fact` the opening lines print (dates with their year printed; the first time of a line),
    with its cue."""
    for line in lines[:OPENING_LINES]:
        if fact == "date":
            for found in find_dates(line, year):
                if found.year_printed:
                    yield found.date, cue_of(line[: found.start])
        else:
            time = find_time(line)
            if time:
                yield time[1], cue_of(line[: time[0]])


def cue_for(fact: str, value: dt.date | str | None, lines: Sequence[str]) -> str:
    """The cue before the first place the opening prints `value` (the record's date or time); "" if none."""
    if not value:
        return ""
    year = value.year if isinstance(value, dt.date) else None
    return next((cue for found, cue in printed(fact, lines, year) if found == value), "")


def cued(fact: str, value: dt.date | str | None, lines: Sequence[str], cues: Sequence[str]) -> bool:
    """Whether the opening prints `value` after one of the `cues` the house style knows for `fact`."""
    if not value or not cues:
        return False
    year = value.year if isinstance(value, dt.date) else None
    return any(found == value and cue in cues for found, cue in printed(fact, lines, year))
