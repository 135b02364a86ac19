"""A meeting as a reader follows it: agenda items in order, each with the minute that records it.

Agenda numbers and minute numbers differ ("7" on the agenda is minute "E31"),
so minutes are matched to agenda items by title, keeping their order. Bodies
are cut into per-item segments at the item headings the converter wrote
(`## E31. Title {#item-e31}`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from minutes.core.slug import slugify
from minutes.records.record import Item
from minutes.site.model import Document, Meeting

_HEADING = re.compile(r"^#{1,6}\s.*\{#([A-Za-z][\w.:-]*)\}\s*$")
_STOP = {"the", "of", "and", "a", "an", "to", "for", "on", "in", "be", "item", "items", "report"}
MATCH_THRESHOLD = 0.6


def minute_anchor(number: str) -> str:
    """The alias id of a minute on its meeting page: "E31" -> "minute-e31"."""
    return "minute-" + slugify(number) if number.strip() else ""


# A bold line heading a group of agenda items: "For Decision:-", "Items for Pre-Decision Scrutiny:-".
_GROUP = re.compile(r"^\*\*(?:[^*]+(?::-|:)|(?:items\s+)?for\s+(?:decision|discussion|information)[^*]*)\*\*$", re.I)


@dataclass(frozen=True, slots=True)
class Segments:
    preamble: str
    """Text before the first item heading."""
    by_anchor: dict[str, str]
    """Each item's text, without its heading line."""
    groups: dict[str, str]
    """A group heading (and its introduction) printed before an item, by that item's anchor."""


def split_body(body: str, anchors: set[str], *, find_groups: bool = True) -> Segments:
    """Cut a body at its item headings; with `find_groups`, set apart an agenda's group headings.

    Only an agenda groups its items ("For Decision:-"); in minutes a bold line
    such as "**Minutes:**" is part of the item's text.
    """
    preamble: list[str] = []
    by_anchor: dict[str, list[str]] = {}
    groups: dict[str, list[str]] = {}
    current = preamble
    for line in body.split("\n"):
        match = _HEADING.match(line.strip())
        if match and match.group(1) in anchors:
            # The export prints a group heading at the end of the item before the group.
            start = (
                next((i for i in range(len(current) - 1, -1, -1) if _GROUP.match(current[i].strip())), None)
                if find_groups
                else None
            )
            if start is not None and current is not preamble:
                groups[match.group(1)] = current[start:]
                del current[start:]
            current = by_anchor.setdefault(match.group(1), [])
            continue
        current.append(line)

    def text(lines: list[str]) -> str:
        return "\n".join(lines).strip("\n")

    return Segments(text(preamble), {k: text(v) for k, v in by_anchor.items()}, {k: text(v) for k, v in groups.items()})


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One row of a meeting: an agenda item, the minute recording it, or both."""

    agenda: Item | None
    minute: Item | None
    agenda_text: str = ""
    minute_text: str = ""
    group_text: str = ""
    """A group heading printed before this agenda item ("For Decision:-"), with any introduction."""

    @property
    def anchor(self) -> str:
        return (self.agenda or self.minute).anchor  # type: ignore[union-attr]

    @property
    def number(self) -> str:
        return (self.agenda or self.minute).number  # type: ignore[union-attr]

    @property
    def title(self) -> str:
        return (self.agenda or self.minute).title  # type: ignore[union-attr]


def _words(title: str) -> str:
    return " ".join(w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in _STOP)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _words(a), _words(b)).ratio()


def match_items(agenda: tuple[Item, ...], minutes: tuple[Item, ...]) -> list[tuple[Item | None, Item | None]]:
    """Pair agenda items with minutes in order; unmatched ones stand alone in their place."""
    pairs: list[tuple[Item | None, Item | None]] = []
    next_minute = 0
    for item in agenda:
        best, best_score = None, MATCH_THRESHOLD
        for j in range(next_minute, len(minutes)):
            score = similarity(item.title, minutes[j].title)
            if score > best_score:
                best, best_score = j, score
        if best is None:
            pairs.append((item, None))
            continue
        pairs.extend((None, m) for m in minutes[next_minute:best])
        pairs.append((item, minutes[best]))
        next_minute = best + 1
    pairs.extend((None, m) for m in minutes[next_minute:])
    return pairs


def _segments(doc: Document | None) -> Segments:
    if doc is None:
        return Segments("", {}, {})
    return split_body(doc.body, {i.anchor for i in doc.record.items}, find_groups=doc.kind == "agenda")


def meeting_rows(meeting: Meeting) -> tuple[list[ItemRow], Segments, Segments]:
    """Rows in agenda order, and the agenda's and minutes' text before their first item."""
    agenda, minutes = meeting.agenda, meeting.minutes
    agenda_parts, minute_parts = _segments(agenda), _segments(minutes)
    pairs = match_items(agenda.record.items if agenda else (), minutes.record.items if minutes else ())
    rows = [
        ItemRow(
            agenda=a,
            minute=m,
            agenda_text=agenda_parts.by_anchor.get(a.anchor, "") if a else "",
            minute_text=minute_parts.by_anchor.get(m.anchor, "") if m else "",
            group_text=agenda_parts.groups.get(a.anchor, "") if a else "",
        )
        for a, m in pairs
    ]
    return rows, agenda_parts, minute_parts
