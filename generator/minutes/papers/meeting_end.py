"""When a meeting ended: the minutes' closing sentence, or the end of the time an agenda sets.

Minutes close with "The meeting closed at 9.30pm", "Meeting ended at 8.10 pm", "the meeting
was declared closed at 7.50pm", "Cllr Hotchkin closed the meeting at 7.20pm" or "The meeting
adjourned at 1:31 PM"; the last such sentence counts, unless the meeting "reconvened" after
it. An agenda that gives a span ("10.00 am – 12.30 pm") gives the end it plans. The calendars
use the end; when the papers print none, the site's `meeting_length` stands in for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from minutes.papers.dates import parse_time, time_range

_CLOSED = re.compile(
    r"\b(?:(?:meeting|session)\s+(?:was\s+)?(?:declared\s+)?(?:closed|ended|concluded|finished|terminated|adjourned)"
    r"|closed\s+the\s+meeting)\b"
    r"(?P<rest>[^;\n]{0,40})",
    re.IGNORECASE,
)
_RESUMED = re.compile(r"\b(?:reconvened|resumed|re-?opened)\b", re.IGNORECASE)


def closing_time(lines: Sequence[str]) -> str:
    """The time of the last sentence that closes the meeting, 24-hour "HH:MM"; "" when none gives one."""
    found = ""
    text = "\n".join(lines)
    for match in _CLOSED.finditer(text):
        after = match.group("rest") + text[match.end() : match.end() + 60].split("\n", 1)[0]
        if _RESUMED.search(after):
            continue  # adjourned for a break, then the meeting went on
        # The sentence ends at a full stop before the next one's capital, not at a time's ("9.30 p.m.").
        time = parse_time(re.split(r"\.(?=\s+[A-Z])", match.group("rest"), maxsplit=1)[0])
        if time:
            found = time
    return found


def planned_end(lines: Sequence[str], start: str) -> str:
    """The end of the first span of time whose start is the meeting's ("5.30 - 7.30 p.m."); "" otherwise."""
    if not start:
        return ""
    for line in lines:
        span = time_range(line)
        if span and span[0] == start:
            return span[1]
    return ""


def end_time(kind: str, lines: Sequence[str], start: str) -> str:
    """A minutes' closing time, or an agenda's planned end; never before or at the start on the same day,
    unless the meeting went on past midnight (a close before 6am after an evening start)."""
    end = closing_time(lines) if kind == "minutes" else planned_end(lines, start) if kind == "agenda" else ""
    if not end or not start:
        return end
    if end > start or (end < "06:00" and start >= "12:00"):
        return end
    return ""
