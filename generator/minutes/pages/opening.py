"""Whether the text before a minutes' first item is only its printed heading, safe to fold away.

A page folds the opening of the minutes "as printed" when everything in it is
shown elsewhere on the page already: the body's name, the date, who was
present and who sent apologies. Anything more (a discussion, a decision, a
whole set of minutes that has no numbered items) is the substance of the
minutes and is shown open.
"""

from __future__ import annotations

import re

from minutes.records.record import DocumentRecord

_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"^\d+(?:st|nd|rd|th|am|pm)?$")
_LABELS = set(
    "minutes minute of the a an and at on in meeting held present apologies apology for absence attendance "
    "also chair chairman chairperson vice councillor councillors cllr cllrs mr mrs ms miss dr support officer "
    "officers members member substitute substitutes co opted via remote virtual held room town hall "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday st nd rd th am pm "
    "were was had been received from agenda venue contact".split()
)
LEFT_OVER = 8
"""Words of a heading not accounted for by the record's facts, at most, for it to count as a heading."""


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def known_words(record: DocumentRecord) -> set[str]:
    att = record.attendance
    facts = [
        record.committee,
        record.title,
        record.venue,
        record.time,
        att.chair,
        *att.present,
        *att.apologies,
        *att.in_attendance,
        *(m.name + " " + m.role for m in att.membership),
    ]
    if record.date:
        facts.append(record.date.isoformat().replace("-", " "))
    return _LABELS | {w for fact in facts for w in _words(fact)}


def is_printed_heading(text: str, record: DocumentRecord) -> bool:
    """True when `text` (before the first item) only restates the record's facts."""
    if not record.items:
        return False  # no items: the whole body is the minutes themselves
    known = known_words(record)
    left = [w for w in _words(text) if w not in known and not _NUMBER.match(w)]
    return len(left) <= LEFT_OVER
