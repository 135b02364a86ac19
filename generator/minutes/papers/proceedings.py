"""What happened during a meeting, read from the text of its items into the record.

    changes of chair    (chair_changes.py)  who took the chair, from which item
    comings and goings  (movements.py)      who arrived late or left early, at which item
    mentions            (people_in_text.py) the councillors each item names

The site shows and counts these from the record and reads no body, so a person who
corrects the record corrects the site.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from minutes.papers.attendance import same_person
from minutes.papers.chair_changes import about_the_chair, read_chair_changes
from minutes.papers.item_text import ItemText
from minutes.papers.movements import about_presence, read_movements, read_noted_movements, read_opening_movements
from minutes.papers.people_in_text import councillors_named
from minutes.records.record import ChairChange, Movement


@dataclass(frozen=True, slots=True)
class Proceedings:
    chair_changes: tuple[ChairChange, ...] = ()
    movements: tuple[Movement, ...] = ()
    mentions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Item key -> the councillors its text names."""
    roles: dict[int, str] = field(default_factory=dict)
    """Line index -> how it was read (for `explain`)."""


def read_proceedings(
    items: Sequence[ItemText],
    opening: Sequence[tuple[int, str]],
    attendance: Sequence[tuple[int, str]],
    chair: str,
    *,
    minutes: bool,
) -> Proceedings:
    """The proceedings of a meeting's items. An agenda is written before the meeting: only its
    mentions are read. `opening` holds the text before the first item, `attendance` the lines read
    as attendance (for notes such as "(arrived at 7.01pm)"); `chair` is the chair the attendance names."""
    mentions = {item.key: tuple(councillors_named("\n".join(text for _, text in item.lines))) for item in items}
    mentions = {key: names for key, names in mentions.items() if names}
    if not minutes:
        return Proceedings(mentions=mentions)
    changes = read_chair_changes(items, chair, _procedural)
    keys = [item.key for item in items]

    def chair_at(here: int) -> str:
        current = chair
        for _, change in changes:
            first = keys.index(change.from_item) if change.from_item else here
            last = keys.index(change.to_item) if change.to_item else len(keys)
            if first <= here <= last:
                current = change.name
        return current

    listed = [*attendance, *(line for item in items for line in item.lines)]
    moved = (
        read_opening_movements(opening, keys)
        + read_noted_movements(listed, keys)
        + read_movements(items, chair_at, _procedural)
    )
    roles = {line: "change of chair" for line, _ in changes}
    for line, movement in moved:
        roles.setdefault(line, f"{movement.change}: {movement.name}")
    return Proceedings(
        chair_changes=tuple(change for _, change in changes),
        movements=_once([movement for _, movement in moved]),
        mentions=mentions,
        roles=roles,
    )


def councillors_in(texts: Iterable[str]) -> tuple[str, ...]:
    """The councillors a document's text names, once each: for a document without items (a report)."""
    return tuple(councillors_named("\n".join(texts)))


def _procedural(text: str) -> bool:
    return about_the_chair(text) or about_presence(text)


def _once(movements: list[Movement]) -> tuple[Movement, ...]:
    """One entry per person, change and item: a note in the list and a sentence may say the same."""
    kept: list[Movement] = []
    for movement in movements:
        if not any(
            k.change == movement.change and k.item == movement.item and same_person(k.name, movement.name) for k in kept
        ):
            kept.append(movement)
    return tuple(kept)
