"""References in the text to other meetings and minutes.

Minutes cite earlier decisions ("Further to Minute No. 228 (CAMHS)", "In accordance with
Minute No. 224 of 17th July, 2013", "Minute No. C25 (…) of a meeting of the Cabinet held
on 20th June, 2012") and earlier minutes ("the minutes of the previous meeting held on
18th November, 2013"). Each becomes a `Citation` holding the words as printed.
"""

from __future__ import annotations

import datetime as dt
import re

from minutes.papers.dates import DATE_PATTERN, parse_date, parse_date_after
from minutes.papers.names import CommitteeNames
from minutes.records.record import Citation

_DATE = DATE_PATTERN.pattern.replace("(?P<day>", "(?:").replace("(?P<month>", "(?:").replace("(?P<year>", "(?:")
_COMMITTEE = r"(?:the\s+)?(?P<committee>[A-Z][\w'’&\-]*(?:[ ,]+(?:[A-Z][\w'’&\-]*|and|for|of|on))*?)"
_MINUTE = re.compile(
    r"Minute\s+(?:No\.?|Number)\s*(?P<minute>[A-Z]{0,2}\d{1,4}(?:\.\d+)?)"
    r"(?:\s*\((?P<subject>[^()]{1,120})\))?"
    r"(?:\s+of\s+(?:(?:a|the)\s+)?(?:meeting\s+of\s+"
    + _COMMITTEE
    + r",?\s+)?(?:held\s+on\s+)?(?P<date>"
    + _DATE
    + r"))?",
    re.IGNORECASE,
)
_MINUTES_OF = re.compile(
    r"\bminutes\s+(?:of|from)\s+(?:the\s+|a\s+)?(?:(?P<previous>previous|last)\s+)?"
    r"(?:meeting(?:\s+of\s+" + _COMMITTEE + r")?|" + _COMMITTEE.replace("committee>", "body>") + r")"
    r",?\s+held\s+on\s+(?P<date>" + _DATE + r")",
    re.IGNORECASE,
)
_APPROVES = re.compile(
    r"(?:approved|agreed|signed)\s+as\s+(?:an?\s+)?(?:true|correct|accurate)\s+record|considered\s+and\s+approved"
    r"|minutes\s+of\s+the\s+previous\s+meeting",
    re.IGNORECASE,
)
NEXT_MEETING_TITLE = re.compile(
    r"\bdates?\s+(?:and|&)\s+times?\s+of\s+(?:the\s+)?(?:next|future)\s+meetings?", re.IGNORECASE
)


def _body(match: re.Match, group: str, own: str, names: CommitteeNames) -> str:
    printed = match.groupdict().get(group) or ""
    if not printed or (own and names.same_body(printed, own)):
        return ""
    return names.resolve(printed).name


def find_citations(
    text: str,
    own_committee: str,
    names: CommitteeNames,
    *,
    approving: bool = False,
) -> list[Citation]:
    """Citations in one paragraph; `approving` marks minutes references as approving them."""
    out: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for match in _MINUTE.finditer(text):
        date = parse_date(match.group("date") or "")
        committee = _body(match, "committee", own_committee, names)
        out.append(Citation(text=match.group(0).strip(), committee=committee, date=date, minute=match.group("minute")))
        taken.append(match.span())
    for match in _MINUTES_OF.finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        committee = _body(match, "committee", own_committee, names) or _body(match, "body", own_committee, names)
        relation = "approves" if approving and not committee else "cites"
        out.append(
            Citation(
                text=match.group(0).strip(),
                committee=committee,
                date=parse_date(match.group("date")),
                relation=relation,
            )
        )
    return out


def approves_minutes(title: str, text: str) -> bool:
    """Whether an item approves earlier minutes: its title or resolution says so."""
    return bool(
        re.search(r"minutes\s+of\s+the\s+(?:previous|last)\s+meeting", title, re.IGNORECASE) or _APPROVES.search(text)
    )


def next_meeting_date(text: str, meeting_date: dt.date | None) -> dt.date | None:
    """The date in a "date and time of the next meeting" item; a missing year follows the meeting."""
    if meeting_date:
        return parse_date_after(text, meeting_date)
    return parse_date(text)
