"""Titles a site's meetings reuse, found however a paper words their dates or sets them.

A council's minutes open the same items meeting after meeting ("Minutes of the previous meeting – 6th
March 2017", "Action Plan/Emergency Plan Reports"), but each paper prints its own meeting's date in them and
the wording drifts ("Minutes of the previous meeting - 4th September 2017", "Action Plan/Emergency Planning
Reports"). A title the house style knows (learned from most meetings, or taught by a person's correction) is
compared with a line by its key: folded, its dates standing as one word, and near enough in wording.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from minutes.papers.housestyle import RUN_IN_WORDS, folded, run_in_cuts

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}(?: \d{{4}})?"
    rf"|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?: \d{{4}})?"
    rf"|\d{{1,2}} \d{{1,2}} \d{{2,4}}"
    rf"|{_MONTH} \d{{4}})\b"
)
"""A date in folded text (its punctuation already spaces): "4th september 2017", "march 6 2017", "4 9 17"."""
DATE_WORD = "date"
NEAR = 0.9
"""How alike two keys of three words or more must be (difflib's ratio) to name the same standing item."""
NEAR_WORDS = 3
TITLE_WORDS = 12
"""The most words a line holding nothing but a known title may have."""


def title_key(text: str) -> str:
    """A title compared: folded, each date one word ("Minutes of 4th May 2017" -> "minutes of date")."""
    return _DATE.sub(DATE_WORD, folded(text))


@functools.lru_cache(maxsize=8)
def _keys(titles: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    keys = [title_key(t) for t in titles]
    return frozenset(k for k in keys if k), tuple(k for k in keys if len(k.split()) >= NEAR_WORDS)


def is_known(text: str, titles: Sequence[str]) -> bool:
    """Whether `text` is one of `titles`, by key or near it (three words or more, the same first word)."""
    exact, long_keys = _keys(tuple(titles))
    key = title_key(text)
    if not key:
        return False
    if key in exact:
        return True
    words = key.split()
    if len(words) < NEAR_WORDS:
        return False
    for known in long_keys:
        if known.split(" ", 1)[0] != words[0]:
            continue
        matcher = SequenceMatcher(None, key, known)
        if matcher.real_quick_ratio() >= NEAR and matcher.quick_ratio() >= NEAR and matcher.ratio() >= NEAR:
            return True
    return False


def run_in_heads(text: str) -> Iterator[tuple[str, str]]:
    """Every way `text` may open with a title set off by a colon or a spaced dash, the longest first: ("Minutes
    of the previous meeting - 4th May 2017", "The minute was approved") before ("Minutes of the previous
    meeting", "4th May 2017: The minute …"). A dash or colon inside brackets or in a time ends no title."""
    for at in reversed(list(run_in_cuts(text))):
        head, rest = text[:at].strip(), text[at + 1 :].strip()
        words = [w for w in head.split() if any(ch.isalnum() for ch in w)]
        if rest and 1 <= len(words) <= RUN_IN_WORDS and (head[:1].isupper() or head[:1].isdigit()):
            yield head, rest
