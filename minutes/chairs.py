"""Changes of chair during a meeting, as the minutes record them.

Minutes name the chair once at the top ("Councillor Cusworth (in the
Chair)"), and say in the text when someone else took over: "The Chair left
the meeting at this point. Councillor Jarvis, the Vice-Chair, took the Chair
for the remainder of the meeting." Both chaired that meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .items import split_body
from .model import Document

_NAME = r"(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr|Professor)\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_TOOK = re.compile(
    rf"(?P<name>{_NAME})(?:\s*\((?:the\s+)?Vice[- ]Chair\w*\)|,?\s*(?:the\s+)?Vice[- ]Chair\w*,?)?"
    r"\s+(?:then\s+|thereupon\s+)?(?:took|assumed|occupied|was\s+in)\s+the\s+chair\b",
    re.I,
)
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


def chair_changes(minutes: Document | None) -> tuple[ChairChange, ...]:
    """Every "X took the Chair" in a minutes document, in order."""
    if minutes is None:
        return ()
    items = minutes.record.items
    parts = split_body(minutes.body, {i.anchor for i in items}, find_groups=False)
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
    return " ".join(text[start: end + 1 if end >= 0 else len(text)].split())
