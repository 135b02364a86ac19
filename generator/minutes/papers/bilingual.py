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


_WELSH_LEXICON = frozenset(
    """
    y yr a ac o i am ar gan gyda neu ei eu mewn yng ym er
    croeso cyhoeddiadau ymddiheuriadau absenoldeb datgan datganiadau buddiant buddiannau cofnodion cofnod cyfarfod
    cyfarfodydd blaenorol materion codi adroddiad adroddiadau heddlu cynghorydd cynghorwyr sir ceisiadau cais cynllunio
    gohebiaeth cyllid taliadau cyfrifon ariannol eitemau eitem gwybodaeth dyddiad nesaf unrhyw fater arall cau cyhoedd
    aelodau maer clerc cadeirydd is-gadeirydd cyngor cymuned tref nghyngor priffyrdd goleuadau nadolig grantiau cyllideb
    praesept archwilio mynwent chwarae parc neuadd cyfethol ethol penodi adolygu polisi polisïau hyfforddiant
    cynrychiolwyr cyrff allanol diogelwch cymunedol amgylchedd llwybrau troed cyflwyniad cwestiynau trafod ystyried
    derbyn cymeradwyo nodi penderfynu ariannu cymorth cronfa blynyddol cyffredinol arbennig llawn cynllun gwaith
    """.split()
)
"""Welsh words common in the titles of a council's business, and the small words of any Welsh sentence."""
_ENGLISH_SMALL = frozenset("and the of for to in on with from by at is be any other".split())


def welsh_title(text: str) -> bool:
    """Whether a heading reads as Welsh: a word only Welsh uses ("Croeso", "Ymddiheuriadau", a word ending "'r"),
    and none of English's small words ("and", "of", "the")."""
    words = [w.strip(".,:;()–—-").lower() for w in text.replace("’", "'").split()]
    if any(w in _ENGLISH_SMALL for w in words):
        return False
    return any(w in _WELSH_LEXICON or w.endswith("'r") or any(c in w for c in "ŵŷ") for w in words if len(w) > 2)
