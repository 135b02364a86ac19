"""Patterns tried only on text that holds a word every match of theirs holds.

Several rules search each sentence of a paper with a long pattern of alternatives ("motion … carried",
"the resolution was passed", "voted to …"), each tried at every position of the sentence. Most sentences
hold none of the words such a pattern cannot match without, and looking for a word is one scan in C; so a
pattern is tried only where one of its words is there. A match is exactly the pattern's own match.

A pattern that ignores case is given its words in lower case, and the text is lowered to look for them.
Ignoring case, a pattern also takes four letters beyond ASCII for ASCII ones (İ and ı for i, ſ for s, the
Kelvin sign for k), which are lowered to those letters first, so no text the pattern matches is missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def lowered(text: str) -> str:
    """`text` lowered so that an ASCII word a pattern ignoring case would match in it is found in it."""
    if text.isascii():
        return text.lower()
    # Lowering makes the Kelvin sign a k, but İ an i with a dot above, and leaves ı and ſ as they are.
    low = (text.replace("\u0130", "i") if "\u0130" in text else text).lower()
    if "\u0131" in low:
        low = low.replace("\u0131", "i")
    if "\u017f" in low:
        low = low.replace("\u017f", "s")
    return low


@dataclass(frozen=True, slots=True)
class Worded:
    """A pattern and the words one of which each of its matches holds (lower-case ASCII words for a pattern
    that ignores case; as printed otherwise)."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    ignores_case: bool = field(init=False)

    def __post_init__(self) -> None:
        # Asked of every text searched: a flag's test is an enum's, slow beside a field's.
        object.__setattr__(self, "ignores_case", bool(self.pattern.flags & re.IGNORECASE))
        if self.ignores_case and any(w != w.lower() or not w.isascii() for w in self.words):
            raise ValueError(f"a pattern that ignores case is looked for by lower-case ASCII words: {self.words}")

    def holds_a_word(self, text: str) -> bool:
        seen = lowered(text) if self.ignores_case else text
        for word in self.words:
            if word in seen:
                return True
        return False

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.holds_a_word(text) else None

    def findall(self, text: str) -> list[str]:
        return self.pattern.findall(text) if self.holds_a_word(text) else []
