"""Papers printed in two languages: the English side of a "Welsh / English" pair.

Welsh councils print labels and titles in both languages ("Presennol / Present:",
"Cyng. / Cllrs. M. Williams", "clerc / clerk", "a/and"). The reading rules know the
English words; `english_side` drops the Welsh word of each such pair so they can read
the line. It is used on the text the rules read, never on the text written out.
"""

from __future__ import annotations

import re

WELSH_WORDS = (
    r"hefyd\s+yn\s+(?:bresennol|presennol)",
    r"yn\s+bresennol",
    r"presennol",
    r"ymddiheuriadau(?:\s+am\s+absenoldeb)?",
    r"cynghorydd\s+sir",
    r"cynghorydd",
    r"cynghorwyr",
    r"cyng\.?",
    r"clerc",
    r"cadeirydd",
    r"is-gadeirydd",
    r"swyddog\s+ariannol\s+cyfrifol",
    r"maer",
    r"dirprwy\s+faer",
    r"cofnodion",
    r"datganiadau\s+o\s+fuddiant",
    r"ac?",
    r"gyda",
)
_PAIR = re.compile(rf"(?<![\w/])(?:{'|'.join(WELSH_WORDS)})\s*/\s*(?=[A-Za-z])", re.IGNORECASE)
_WELSH_TITLE = re.compile(r"\b(?:Cyng\.?|Cynghorydd)(?=\s+[A-Z])")


def english_side(text: str) -> str:
    """`text` with the Welsh word of each "Welsh / English" pair dropped, and "Cyng." read as "Cllr"."""
    if "/" in text:
        text = _PAIR.sub("", text)
    return _WELSH_TITLE.sub("Cllr", text)
