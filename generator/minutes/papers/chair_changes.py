"""Changes of chair during a meeting: who took the chair, and from which item they presided.

Minutes name the chair once at the top and say in an item's text when someone else took
over. The item they presided from is read from the sentence when it says ("for item 7 only",
"for this item", "for the following item") and otherwise from where it stands:

- at the end of an item's text ("… took the Chair for the remainder of the meeting." after
  minute 60's resolutions): from the next item, 61;
- at the start of an item's text, or in its middle: from that item.

Sentences about who comes and goes ("The Chair left the meeting at this point.") do not
move a sentence off the end or the start of its item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from minutes.core.vocabulary import CHAIR_ROLES, VICE_CHAIR_ROLES, alternation
from minutes.papers.attendance import same_person
from minutes.papers.item_text import END, ItemText, item_named, place, sentences
from minutes.papers.people_in_text import listed_names, names_before
from minutes.records.record import ChairChange

_TOOK = re.compile(
    r"\b(?P<verb>took|assumed|occupied|resumed|re-?took|returned\s+to|was\s+in)\s+the\s+chair\b(?!['’])"
    r"|\b(?P<over>took\s+over)\s+(?:as\s+(?:the\s+)?|the\s+)chair(?:man|woman|person)?\b"
    r"|\b(?P<chaired>chaired|presided\s+over)\s+the\s+(?:remainder|rest)\b",
    re.IGNORECASE,
)
_IN_THE_CHAIR = re.compile(r"(?<!\s)\s+in\s+the\s+chair\b", re.IGNORECASE)
_ABOUT_THE_CHAIR = re.compile(
    r"\b(?:took|assumed|occupied|resumed|vacated|left|returned\s+to|was\s+in|in)\s+the\s+chair\b|\btook\s+over\s+as\b",
    re.IGNORECASE,
)
_OFFICE = alternation(CHAIR_ROLES + VICE_CHAIR_ROLES + ("Mayor", "Deputy Mayor"))
_APPOSITION = re.compile(
    rf"(?<!\s)(?:\s*\(\s*(?:the\s+)?{_OFFICE}\s*\)|,\s*(?:the\s+|as\s+)?{_OFFICE})\s*+,?\s*$", re.IGNORECASE
)
"""", the Vice-Chair," or "(Vice-Chair)" after the name."""
_ADVERB = re.compile(r"(?<!\s)\s+(?:then|thereupon|duly|subsequently|therefore|accordingly|now)\s*$", re.IGNORECASE)
_IN_BRACKETS = re.compile(r"\((?P<inner>[^()]+)\)\s*$")
_THE_CHAIR = re.compile(rf"\bthe\s+{alternation(CHAIR_ROLES)}\s*$", re.IGNORECASE)
_SCOPE_ITEMS = re.compile(
    r"\bfor\s+(?:the\s+)?(?:consideration\s+of\s+)?(?:agenda\s+)?(?:items?|minutes?)\s+(?:nos?\.?\s*)?"
    r"(?P<first>[A-Z]{0,4}\s?\d[\w./]*(?:\([a-z0-9]{1,3}\))?)"
    r"(?:\s*(?:to|-|–|and|&)\s*(?P<last>[A-Z]{0,4}\s?\d[\w./]*(?:\([a-z0-9]{1,3}\))?))?",
    re.IGNORECASE,
)
_SCOPE_THIS = re.compile(
    r"\bfor\s+(?:the\s+(?:consideration|duration)\s+of\s+)?(?:this|that)\s+(?:item|minute|matter)\b", re.IGNORECASE
)
_SCOPE_NEXT = re.compile(r"\bfor\s+the\s+(?:following|next)\s+(?:item|minute)\b", re.IGNORECASE)


def about_the_chair(text: str) -> bool:
    """Whether a sentence is about who sits in the chair (so does not count as the item's text)."""
    return bool(_ABOUT_THE_CHAIR.search(text))


def read_chair_changes(
    items: Sequence[ItemText], chair: str, alike: Callable[[str], bool]
) -> list[tuple[int, ChairChange]]:
    """Every change of chair in the items' text, in order, with the line it is read from. `chair` is
    the meeting's chair as its attendance names them: a sentence that seats the person already in
    the chair is no change."""
    keys = [item.key for item in items]
    found: list[tuple[int, ChairChange]] = []
    current = chair
    for here, item in enumerate(items):
        said = sentences(item)
        for n, sentence in enumerate(said):
            name = _new_chair(sentence.text, chair)
            if not name or (current and same_person(name, current)):
                continue
            first, last = _presided(sentence.text, keys, here, place(said, n, alike))
            found.append((sentence.line, ChairChange(name, first, last, sentence.text)))
            current = chair if last else name  # "for item 7 only": the chair returns after it
    return found


def _new_chair(text: str, chair: str) -> str:
    """Who a sentence seats in the chair, or ""."""
    took = _TOOK.search(text)
    if took:
        before = text[: took.start()]
        name = _named(before)
        if not name and took.group("verb") and re.match(r"(?i:resumed|returned)", took.group("verb")):
            return chair if _THE_CHAIR.search(before) else ""  # "The Chair resumed the Chair."
        return name
    seated = _IN_THE_CHAIR.search(text)
    if seated:
        # "(Councillor Hale in the Chair)", "The Mayor (Councillor Hale) in the Chair for this item":
        # only a sentence that is the note itself, not "With Councillor Hale in the Chair, the meeting …".
        before = text[: seated.start()].lstrip("( ").strip()
        bracketed = _IN_BRACKETS.search(before)
        if bracketed and re.fullmatch(rf"(?i:the\s+)?{_OFFICE}", before[: bracketed.start()].strip()):
            before = bracketed.group("inner")
        names = listed_names(before)
        return names[0] if len(names) == 1 else ""
    return ""


def _named(before: str) -> str:
    """The one person the words before the verb name: "Councillor Jarvis, the Vice-Chair",
    "The Vice-Chair (Councillor Jarvis)", "In the absence of the Chair, Cr Jones"."""
    before = _ADVERB.sub("", before.rstrip(" ,"))
    bracketed = _IN_BRACKETS.search(before)
    if bracketed:
        names = listed_names(bracketed.group("inner"))
        if len(names) == 1:
            return names[0]
    names = names_before(_APPOSITION.sub("", before))
    return names[0] if len(names) == 1 else ""


def _presided(text: str, keys: Sequence[str], here: int, where: str) -> tuple[str, str]:
    """(from, to) items of a change of chair read in item `here`; `to` is empty unless the sentence bounds it."""
    scope = _SCOPE_ITEMS.search(text)
    if scope and item_named(scope.group("first"), keys):
        first = item_named(scope.group("first"), keys)
        last = item_named(scope.group("last"), keys) if scope.group("last") else ""
        return first, last or first
    if _SCOPE_THIS.search(text):
        return keys[here], keys[here]
    following = keys[here + 1] if here + 1 < len(keys) else keys[here]
    if _SCOPE_NEXT.search(text):
        return following, following
    return (following if where == END else keys[here]), ""
