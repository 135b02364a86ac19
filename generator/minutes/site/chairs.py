"""Changes of chair during a meeting, as its minutes' record holds them.

Minutes name the chair once at the top and say in the text when someone else took over;
the converter reads that into the record's `chair_changes` (who, from which item, the
sentence), where a person can correct it. This module only ties each change to the item
it names, for the meeting page's link.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutes.site.model import Document


@dataclass(frozen=True, slots=True)
class ChairTaken:
    name: str
    """Who took the chair, as printed: "Councillor Jarvis"."""
    item_number: str
    anchor: str
    """The item from which they presided (its number and heading anchor); empty when the record does not say."""
    text: str
    """The sentence that says so."""
    until_number: str = ""
    """The last item they presided over, when the minutes bound it ("for item 7 only")."""


def chair_changes(minutes: Document | None) -> tuple[ChairTaken, ...]:
    """Every change of chair the minutes' record holds, in order."""
    if minutes is None:
        return ()
    items = {item.key: item for item in minutes.record.items}
    out = []
    for change in minutes.record.chair_changes:
        first = items.get(change.from_item)
        last = items.get(change.to_item)
        out.append(
            ChairTaken(
                name=change.name,
                item_number=(first.number or first.title) if first else "",
                anchor=first.anchor if first else "",
                text=change.text,
                until_number=(last.number or last.title) if last else "",
            )
        )
    return tuple(out)
