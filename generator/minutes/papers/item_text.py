"""An item's text as sentences, each with its place in the item, and the items a sentence names.

Minutes say when something happened by where they say it: "Councillor Jarvis took the Chair
for the remainder of the meeting" written at the end of minute 60's text happened after
minute 60; written before the text of minute 61, at its start. The readers of what happened
during a meeting (chair_changes.py, movements.py) read both from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from minutes.core.vocabulary import MEMBER_TITLES, PERSONAL_TITLES

START, MIDDLE, END, ALONE = "start", "middle", "end", "alone"
"""Where a sentence sits in its item's text, leaving out sentences of the same kind around it."""


@dataclass(frozen=True, slots=True)
class ItemText:
    """The text of one item after its heading, without lines read as attendance."""

    key: str
    """The item's number, or its anchor when it has none (`Item.key`)."""
    lines: tuple[tuple[int, str], ...]
    """(line index, text) in order; the heading's run-in text has the heading's index."""


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    """White space made single."""
    line: int
    """Index of the line it starts on."""


_ABBREVIATIONS = frozenset(
    word.lower() for title in MEMBER_TITLES + PERSONAL_TITLES for word in title.split() if len(word) <= 5
) | frozenset("no nos st etc approx para cf e.g i.e".split())
"""Words a full stop follows without ending the sentence: "Cllr. Smith", "Minute No. 60"."""
_STOP = re.compile(r"[.!?]['’\"”)]?\s+(?=[A-Z(“\"‘'\d])")
_ENDS_SENTENCE = re.compile(r"[.!?:;]['’\"”)]?$")


def sentences(item: ItemText) -> list[Sentence]:
    """The item's sentences in order. Each line is a paragraph (cleaning joined the ones a page
    broke), so a line break ends a sentence ("Cath Toovey left the meeting" with no full stop),
    unless the next line runs on in lower case."""
    paragraphs: list[tuple[int, str]] = []
    for index, text in item.lines:
        text = " ".join(text.split())
        if not text:
            continue
        if paragraphs and text[:1].islower() and not _ENDS_SENTENCE.search(paragraphs[-1][1]):
            paragraphs[-1] = (paragraphs[-1][0], paragraphs[-1][1] + " " + text)
        else:
            paragraphs.append((index, text))
    out = []
    for index, text in paragraphs:
        start = 0
        for stop in _STOP.finditer(text):
            before = text[start : stop.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if last in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", last):
                continue  # "Cllr. Smith", "V. Cusworth", "H.S. Hughes": not the end of a sentence
            out.append(Sentence(text[start : stop.end()].strip(), index))
            start = stop.end()
        if text[start:].strip():
            out.append(Sentence(text[start:].strip(), index))
    return out


def place(found: Sequence[Sentence], n: int, alike: Callable[[str], bool]) -> str:
    """Where sentence n sits in its item: START when only sentences `alike` it come before,
    END when only such sentences follow, ALONE when both, else MIDDLE."""
    first = all(alike(s.text) for s in found[:n])
    last = all(alike(s.text) for s in found[n + 1 :])
    if first and last:
        return ALONE
    return START if first else END if last else MIDDLE


_REFERENCE = re.compile(
    r"\b(?P<when>during|at|after|before|prior\s+to|following|from|for|until)\s+"
    r"(?:the\s+)?(?:(?:consideration|discussion|debate)\s+(?:of|on)\s+)?(?:the\s+)?"
    r"(?:(?:agenda\s+)?(?:item|minute|point)s?\s+(?:no\.?\s*)?(?P<number>[A-Z]{0,4}\s?\d[\w./()]*)"
    r"|(?P<this>this|that|the\s+present)\s+(?:item|minute|matter)"
    r"|(?P<next>the\s+(?:following|next)|next)\s+(?:item|minute))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Reference:
    """An item a sentence names and how: "during minute 5", "after this item", "for the next item"."""

    when: str
    """during | at | after | before | from | for | until (prior to -> before, following -> after)"""
    key: str
    """The item's key in the record, or "" when the sentence names an item the document does not hold."""
    position: int
    """Where the reference starts in the sentence."""


def references(text: str, keys: Sequence[str], here: int | None) -> list[Reference]:
    """The items a sentence in item `here` (index into `keys`; None outside any item) names."""
    out = []
    for match in _REFERENCE.finditer(text):
        when = match.group("when").lower().split()[0]
        when = {"prior": "before", "following": "after"}.get(when, when)
        if match.group("this"):
            key = keys[here] if here is not None else ""
        elif match.group("next"):
            key = keys[here + 1] if here is not None and here + 1 < len(keys) else ""
        else:
            key = item_named(match.group("number"), keys)
        out.append(Reference(when, key, match.start()))
    return out


def item_named(printed: str, keys: Sequence[str]) -> str:
    """The key of the item a text numbers ("60", "E31.", "7 (a)"), or ""."""
    wanted = _normal(printed)
    return next((k for k in keys if _normal(k) == wanted), "")


def _normal(number: str) -> str:
    number = re.sub(r"\s+", "", number).rstrip(".,;:")
    while number.endswith(")") and number.count(")") > number.count("("):
        number = number[:-1].rstrip(".")  # "(see minute 60)": the bracket is the sentence's
    return number.lower()
