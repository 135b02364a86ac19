"""Text as printed, tidied: ligatures expanded, bullets made list items, line-end
hyphens joined only when the joined word is a word.

"Is a word" is judged by the paper's own vocabulary: "recom-" + "mendation" joins when
"recommendation" appears elsewhere in the paper, and "well-" + "being" keeps its hyphen
when "well-being" does; with no evidence the hyphen stays, since a word split in
two loses less than two words run together. (pdfium marks every line-end hyphen before
a lower-case letter as soft, so its mark is no evidence.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
"""Expanded with NFKC, which is safe for these; NFKC on whole lines would also rewrite
"½", "²" and "™", which are printed on purpose."""
_OTHER = {
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u200b": "",
    "\u00ad": "",
    "\ufeff": "",
    "\u2010": "-",
    "\u2011": "-",
}
_TRANSLATE = str.maketrans({**_LIGATURES, **_OTHER})

BULLETS = "•●▪■◦○◆◇➢➤►▶✓✔-–*·\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06e\uf0a8o"
_BULLET = re.compile(r"^\s*[" + re.escape(BULLETS) + r"]\s+(?=\S)")
_BULLET_GLYPH_ONLY = re.compile(
    r"^\s*[" + re.escape(BULLETS.replace("o", "").replace("-", "").replace("–", "")) + r"](?=\S)"
)
_WORD_END = re.compile(r"(?<!\w)(\w+)-$")
_WORD_START = re.compile(r"^(\w+)")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_SPACES = re.compile(r"[ \t]{2,}")


def clean(text: str) -> str:
    """Ligatures and odd spaces of a line's text, put right."""
    text = text.translate(_TRANSLATE)
    if _PRIVATE_USE.search(text):
        # Symbol-font bullets sit in the private-use area; anything else there is dropped
        text = "".join(ch if not ("\ue000" <= ch <= "\uf8ff") or ch in BULLETS else "" for ch in text)
    return _SPACES.sub(" ", text).strip()


def as_list_item(text: str) -> str | None:
    """'• Item' (any bullet glyph) as '- Item', or None if the line is no bullet item."""
    match = _BULLET.match(text) or _BULLET_GLYPH_ONLY.match(text)
    if not match:
        return None
    rest = text[match.end() :].strip()
    if not rest:
        return None
    if text.lstrip()[0] == "o" and not rest[0].isupper():
        return None  # "o" is a bullet only before a capital ("o Parking", not "o clock")
    if text.lstrip()[0] in "-–" and rest[:1].isdigit():
        return None  # "- 5" is a negative number
    return "- " + rest


class Vocabulary:
    """The words of a paper, to judge line-end hyphens by."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.words: set[str] = set()
        self.hyphenated: set[str] = set()
        for text in texts:
            for word in re.findall(r"\w+(?:-\w+)*", text.lower()):
                if "-" in word:
                    self.hyphenated.add(word)
                    self.words.update(word.split("-"))
                else:
                    self.words.add(word)

    def join(self, left: str, right: str) -> str:
        """Two wrapped lines joined: "recom-" + "mendation ..." or "well-" + "being ..."."""
        end = _WORD_END.search(left)
        start = _WORD_START.match(right)
        if not end or not start:
            return left + (" " if left and right else "") + right
        head, tail = end.group(1).lower(), start.group(1).lower()
        joined = head + tail
        keep = f"{head}-{tail}" in self.hyphenated or (head.isdigit() or tail.isdigit()) or start.group(1)[0].isupper()
        if not keep and joined in self.words:
            return left[:-1] + right
        return left + right
