"""Changes of chair during a meeting, as the minutes record them.

Minutes name the chair once at the top ("Councillor Cusworth (in the
Chair)"), and say in the text when someone else took over: "The Chair left
the meeting at this point. Councillor Jarvis, the Vice-Chair, took the Chair
for the remainder of the meeting." Both chaired that meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes.site.items import split_body
from minutes.site.model import Document

_NAME = r"(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr|Professor)\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_TOOK = re.compile(
    rf"(?P<name>{_NAME})(?:\s*\((?:the\s+)?Vice[- ]Chair\w*\)|,?\s*(?:the\s+)?Vice[- ]Chair\w*,?)?"
    r"\s+(?:then\s+|thereupon\s+)?(?:took|assumed|occupied|was\s+in)\s+the\s+chair\b",
    re.I,
)
_TOOK_WORDS = re.compile(r"\b(?:took|assumed|occupied|was\s+in)\s+the\s+chair\b", re.I)
"""The words every change of chair is said in: a quick test before the full pattern."""
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?](?=\s|$)|$)")


@dataclass(frozen=True, slots=True)
class ChairChange:
    name: str
    """Who took the chair, as printed: "Councillor Jarvis"."""
    item_number: str
    anchor: str
    """The item in whose minute it is recorded."""
    text: str
    """The sentence that says so."""


_READ: dict[tuple[str, int, int], tuple[ChairChange, ...]] = {}
"""Changes found in documents read from disk, by file and its modification: the plan, the people
register and the meeting page all ask, and a body is not kept in memory."""


def chair_changes(minutes: Document | None) -> tuple[ChairChange, ...]:
    """Every "X took the Chair" in a minutes document, in order."""
    if minutes is None:
        return ()
    if minutes.held_body is not None:
        return _changes(minutes)
    try:
        stat = minutes.source.stat()
    except OSError:
        return _changes(minutes)
    key = (str(minutes.source), stat.st_mtime_ns, stat.st_size)
    if key not in _READ:
        if len(_READ) > 100_000:
            _READ.clear()
        _READ[key] = _changes(minutes)
    return _READ[key]


def _changes(minutes: Document) -> tuple[ChairChange, ...]:
    body = minutes.body
    if not _TOOK_WORDS.search(body):
        return ()  # most minutes: no change of chair, and no need to cut the body into items
    items = minutes.record.items
    parts = split_body(body, {i.anchor for i in items}, find_groups=False)
    found = []
    for item in items:
        text = parts.by_anchor.get(item.anchor, "")
        for match in _TOOK.finditer(text):
            found.append(ChairChange(_clean(match.group("name")), item.number, item.anchor, _sentence(text, match)))
    return tuple(found)


def _clean(name: str) -> str:
    return " ".join(name.split())


def _sentence(text: str, match: re.Match) -> str:
    start = max(text.rfind(". ", 0, match.start()) + 2, text.rfind("\n", 0, match.start()) + 1, 0)
    end = text.find(".", match.end())
    return " ".join(text[start : end + 1 if end >= 0 else len(text)].split())
