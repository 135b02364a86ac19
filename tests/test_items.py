"""A meeting as read: bodies cut at item headings, group headings, minutes matched to agenda items."""

import pytest

from minutes.records.record import Item
from minutes.site.items import match_items, minute_anchor, similarity, split_body

BODY = """Front sheet text.

## 1. Apologies {#item-1}

To receive apologies.

**For Decision:-**

## 2. Minutes of the previous meeting {#item-2}

*Pages 1–6*

### A sub-heading without an item anchor

More text.

**Items for Decision**

## 3. Budget {#item-3}
"""


def test_split_body_cuts_at_item_headings_and_moves_group_headings_forward():
    parts = split_body(BODY, {"item-1", "item-2", "item-3"})
    assert parts.preamble == "Front sheet text."
    assert parts.by_anchor["item-1"] == "\nTo receive apologies.".strip("\n")
    assert parts.groups["item-2"] == "**For Decision:-**"
    assert "### A sub-heading" in parts.by_anchor["item-2"] and "More text." in parts.by_anchor["item-2"]
    assert parts.groups["item-3"] == "**Items for Decision**"
    assert parts.by_anchor["item-3"] == ""
    assert "item-1" not in parts.groups


def test_every_line_of_the_body_lands_somewhere():
    parts = split_body(BODY, {"item-1", "item-2", "item-3"})
    kept = "\n".join([parts.preamble, *parts.by_anchor.values(), *parts.groups.values()])
    for line in BODY.splitlines():
        if line.strip() and "{#item-" not in line:
            assert line in kept


def items(*titles: str, prefix: str = "") -> tuple[Item, ...]:
    return tuple(Item(f"{prefix}{n}", t, f"item-{prefix.lower()}{n}") for n, t in enumerate(titles, start=1))


MATCHES = [
    # (agenda titles, minute titles, expected pairs as (agenda number or None, minute number or None))
    (
        ["Apologies for Absence", "Declarations of Interest", "Deprived Neighbourhoods - progress update"],
        ["DECLARATIONS OF INTEREST", "DEPRIVED NEIGHBOURHOODS - PROGRESS UPDATE"],
        [("1", None), ("2", "E1"), ("3", "E2")],
    ),
    (
        ["Declarations of Interest", "Budget"],
        ["Apologies for absence", "Declarations of interest", "Budget", "Date of next meeting"],
        [(None, "E1"), ("1", "E2"), ("2", "E3"), (None, "E4")],
    ),
    ([], ["Apologies"], [(None, "E1")]),
    (["Apologies"], [], [("1", None)]),
]


@pytest.mark.parametrize(("agenda", "minutes", "expected"), MATCHES)
def test_minutes_are_matched_to_agenda_items_by_title_in_order(agenda, minutes, expected):
    pairs = match_items(items(*agenda), items(*minutes, prefix="E"))
    got = [(a.number if a else None, m.number if m else None) for a, m in pairs]
    assert got == expected


def test_similarity_ignores_case_punctuation_and_filler_words():
    assert similarity("Minutes of the Previous Meeting", "MINUTES OF THE PREVIOUS MEETING.") == 1.0
    assert similarity("Budget", "Youth Cabinet") < 0.6


@pytest.mark.parametrize(
    ("number", "anchor"), [("E31", "minute-e31"), ("59", "minute-59"), ("8.1", "minute-8-1"), ("", "")]
)
def test_minute_anchor(number, anchor):
    assert minute_anchor(number) == anchor
