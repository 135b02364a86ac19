"""A small grammar of printed names, over token classes whose words are `core.vocabulary`'s.

A list of people ("Present: Cllr Dr A. G. Ewart MBE (Chair), Councillors Hale and Orme (Excused)")
is read in two steps, by the converter's attendance rules and the site's people register alike:

- `split_list` cuts it at its separators (a comma, a semicolon, "and", "&"), never inside brackets;
- `tokens` tags one entry's parts with a `TokenClass`: titles ("Councillor", "Cllr", "Cr",
  "Mayor", "Trustee", "Dr", "Mr" …), a group title before a list ("Councillors", "Messrs"),
  initials, the words of the name, honours after it ("MBE", "JP"), notes in brackets
  ("(Chair)", "(Excused Absent)", "(part)"), and any other word;
- `read_entry` turns the tokens into a `NameEntry`: the name, its titles and what they say
  (a council member's, a board member's, a personal title), its honours and notes, and what the
  notes say (absent or excused, in the chair).

An entry is a name when its tokens are `TITLE* (INITIALS | NAME)+ HONOUR* NOTE*`, one to five
words of a name after the titles (`name_like`). The words of every class are data in
`core.vocabulary`: a title added there is read as a title by every reader of names.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum

from minutes.core.vocabulary import (
    ABSENCE_WORDS,
    BOARD_GROUP_TITLES,
    BOARD_MEMBER_TITLES,
    CHAIR_NOTES,
    CHAIR_QUALIFIERS,
    CHAIR_ROLES,
    EXCUSED_WORDS,
    HONOURS,
    MEMBER_GROUP_TITLES,
    MEMBER_TITLES,
    NAME_PARTICLES,
    PERSONAL_TITLES,
    ROLE_WORDS,
    SENTENCE_WORDS,
    UNBRACKETED_ABSENCE_MARKS,
    VICE_PREFIXES,
    alternation,
)


class TokenClass(StrEnum):
    """What a part of a printed entry is."""

    GROUP_TITLE = "group title"
    """A plural title before a list, given to each name after it: "Councillors", "Cllrs", "Messrs"."""
    TITLE = "title"
    INITIALS = "initials"
    NAME = "name"
    ROLE = "role"
    """A word of an office that may also be a name's ("Clerk", "Head", "Senior"): the list's shape decides."""
    HONOUR = "honour"
    NOTE = "note"
    """Text in brackets after a name: "(Chair)", "(Excused Absent)", "(from item 5)"."""
    SEPARATOR = "separator"
    """Between entries of a list: a comma, a semicolon, "and", "&"."""
    ENTRY = "entry"
    """One entry of a list, before its own parts are tagged."""
    WORD = "word"
    """Anything else: a word of a sentence, a number, a word in lower case."""


class TitleKind(StrEnum):
    MEMBER = "member"
    """A council member's title (`MEMBER_TITLES`): "Councillor", "Cllr", "Cr", "Mayor", "Alderman"."""
    BOARD = "board"
    """A board member's title (`BOARD_MEMBER_TITLES`): "Trustee", "Supervisor", "Commissioner"."""
    PERSONAL = "personal"
    """A title anyone may carry (`PERSONAL_TITLES`): "Mr", "Dr", "Rev"."""


@dataclass(frozen=True, slots=True)
class NameToken:
    kind: TokenClass
    text: str


def _plurals(groups: dict[str, str], singular: tuple[str, ...]) -> tuple[str, ...]:
    """The plural forms of titles among group titles: "Councillors", "Aldermen", "Trustees" (not "Members")."""
    known = {s.lower() for s in singular}
    return tuple(g for g in groups if g.lower().removesuffix("s") in known or g.lower().replace("men", "man") in known)


_TITLES: dict[str, TitleKind] = {
    **dict.fromkeys(PERSONAL_TITLES, TitleKind.PERSONAL),
    **dict.fromkeys((*BOARD_MEMBER_TITLES, *_plurals(BOARD_GROUP_TITLES, BOARD_MEMBER_TITLES)), TitleKind.BOARD),
    **dict.fromkeys((*MEMBER_TITLES, *MEMBER_GROUP_TITLES), TitleKind.MEMBER),
}
"""Each title, as the vocabulary spells it, and what it says; a council member's title wins where lists share one."""

TITLE = alternation(_TITLES) + r"\.?"
"""A regex matching one title, any case being allowed by the caller: "Cllr.", "Councillors", "The Rt. Hon"."""
TITLE_AT_START = re.compile(rf"^{TITLE}\s+", re.IGNORECASE)

_GROUPS = {**MEMBER_GROUP_TITLES, **BOARD_GROUP_TITLES}
GROUP_TITLES: dict[str, str] = {g.lower(): t for g, t in _GROUPS.items()}
"""A plural title before a list (lower case) and the title each name after it is given."""
GROUP_TITLE_AT_START = re.compile(
    rf"^(?P<title>{alternation(_GROUPS)}\.?)\s*[:,]?\s+(?=[A-Z])",
    re.IGNORECASE,
)

HONOUR = re.compile(alternation(HONOURS))
"""Letters after a name (honours, offices, degrees): "A G Ewart MBE", "J Davis OAM"; capitals only."""
_TRAILING_HONOURS = re.compile(rf"(?:,?\s+{HONOUR.pattern})+$")
NOTE = re.compile(r"\(([^()]*)\)")

CHAIR_NOTE = re.compile(
    rf"^(?:in\s+the\s+)?(?:{alternation(CHAIR_QUALIFIERS)}\s+)?{alternation((*CHAIR_ROLES, *CHAIR_NOTES))}"
    r"(?:\s+(?:of|for)\s+the\s+meeting)?$",
    re.IGNORECASE,
)
"""A note or role saying the person chaired: "(Chairman)", "(in the Chair)", "Acting Chair", "Presiding"."""
VICE = re.compile(rf"\b(?:{'|'.join(re.escape(p) for p in VICE_PREFIXES)})(?=[\s-]|$)", re.IGNORECASE)
"""The start of an office standing in for another: "Vice-Chair", "Deputy Mayor", "Leas-Chathaoirleach"."""

_ABSENCE = rf"\b{alternation(ABSENCE_WORDS)}\b"
_TRAILING_ABSENCE = re.compile(
    rf"(?<!\s)\s*+(?:\((?P<paren>[^()]*{_ABSENCE}[^()]*)\)|[-–—,]?\s*\b(?P<word>{alternation(UNBRACKETED_ABSENCE_MARKS)})\b)\s*$",
    re.IGNORECASE,
)
"""A mark after a name saying the person was not there: "Trustee Hale Absent", "(Excused Absent)", "- absent"."""
_EXCUSED = re.compile(rf"\b{alternation(EXCUSED_WORDS)}\b", re.IGNORECASE)

_PARTICLE = re.compile(rf"(?:{'|'.join(NAME_PARTICLES)})")
_PARTICLE_JOINED = re.compile(r"(?:de|da|di|du|van|von|le|la|mc|mac)[A-Z][\w'’-]+")
"""A particle written onto the name: "deHaan", "vanBuren"."""
_INITIALS = re.compile(r"(?:[A-Z]\.?)|(?:[A-Z]\.){2,}[A-Z]?\.?")
_QUOTES = "“”\"‘’'"


def _title_key(title: str) -> str:
    return re.sub(r"[.\s-]+", " ", title).strip().lower()


_KIND_BY_KEY = {_title_key(title): kind for title, kind in _TITLES.items()}


def title_kind(title: str) -> TitleKind | None:
    """What a printed title says ("Cllr." -> MEMBER, "Trustees" -> BOARD, "Dr" -> PERSONAL), or None."""
    return _KIND_BY_KEY.get(_title_key(title))


def group_title(printed: str) -> str:
    """The title a group title gives each name after it: "Councillors" -> "Councillor", "Members" -> ""."""
    return GROUP_TITLES.get(" ".join(printed.rstrip(".").split()).lower(), "")


def strip_titles(text: str) -> tuple[tuple[str, ...], str]:
    """(the titles before the name, the rest): "Deputy Mayor Cllr Dr A Smith" -> (("Deputy Mayor", "Cllr",
    "Dr"), "A Smith")."""
    titles: list[str] = []
    rest = text.strip()
    while match := TITLE_AT_START.match(rest):
        titles.append(match.group(0).strip())
        rest = rest[match.end() :].strip()
    return tuple(titles), rest


def list_tokens(text: str) -> list[NameToken]:
    """A list as entries and the separators between them (a comma, a semicolon, "and", "&"), never cut
    inside brackets: "Cllrs Hale (Chair), Orme and Pike" -> ENTRY, SEPARATOR, ENTRY, SEPARATOR, ENTRY."""
    out: list[NameToken] = []
    depth = 0
    current = ""
    i = 0
    while i < len(text):
        ch = text[i]
        depth = depth + 1 if ch in "([" else max(0, depth - 1) if ch in ")]" else depth
        joint = re.match(r"(?<!\s)\s+(?:and|&)\s+", text[i:]) if depth == 0 and current.strip() else None
        if (depth == 0 and ch in ",;") or joint:
            separator = joint.group(0) if joint else ch
            out += [NameToken(TokenClass.ENTRY, current), NameToken(TokenClass.SEPARATOR, separator.strip())]
            current, i = "", i + len(separator)
            continue
        current += ch
        i += 1
    out.append(NameToken(TokenClass.ENTRY, current))
    return [t for t in out if t.kind == TokenClass.SEPARATOR or t.text.strip()]


def split_list(text: str) -> list[str]:
    """A list's entries, cut at its separators (`list_tokens`)."""
    return [t.text.strip() for t in list_tokens(text) if t.kind == TokenClass.ENTRY]


def _word_class(word: str, several: bool) -> TokenClass:
    """One word of a name's core (after its titles): initials, a word of a name, or any other word."""
    bare = word.strip(".,").strip(_QUOTES)
    if not bare or re.search(r"\d", bare):
        return TokenClass.WORD
    if bare.lower() in SENTENCE_WORDS and not (
        several and bare.lower() in ("de", "van", "von", "le", "la", "du", "da", "an")
    ):
        return TokenClass.WORD
    if _INITIALS.fullmatch(bare):
        return TokenClass.INITIALS
    if bare[0].isupper() or bare[:2] in ("O’", "O'") or _PARTICLE.fullmatch(bare) or _PARTICLE_JOINED.fullmatch(bare):
        return TokenClass.ROLE if bare.lower() in ROLE_WORDS else TokenClass.NAME
    return TokenClass.WORD


def tokens(entry: str) -> list[NameToken]:
    """One entry of a list as class-tagged tokens, in order: group title or titles, the name's words,
    honours, notes."""
    notes = [NameToken(TokenClass.NOTE, n) for n in NOTE.findall(entry)]
    text = NOTE.sub("", entry).strip()
    out: list[NameToken] = []
    group = GROUP_TITLE_AT_START.match(text)
    if group and not TITLE_AT_START.match(text[group.end() :]):
        out.append(NameToken(TokenClass.GROUP_TITLE, group.group("title")))
        text = text[group.end() :]
    titles, text = strip_titles(text)
    out += [NameToken(TokenClass.TITLE, t) for t in titles]
    honours = _TRAILING_HONOURS.search(text)
    core = text[: honours.start()] if honours else text
    words = core.split()
    out += [NameToken(_word_class(w, len(words) > 1), w) for w in words]
    if honours:
        out += [NameToken(TokenClass.HONOUR, h) for h in HONOUR.findall(honours.group(0))]
    return out + notes


_OF_A_NAME = (TokenClass.NAME, TokenClass.INITIALS, TokenClass.ROLE)
"""The classes of a name's words: a capitalised role word may be a surname ("Ann Head")."""


def name_like(text: str) -> bool:
    """Whether `text` reads as one person's name: `TITLE* (INITIALS | NAME){1,5} HONOUR? NOTE*` — capitalised
    words, initials, a particle, a nickname in quotes ("Peter “Chap” Cleere")."""
    text = NOTE.sub("", text).strip()
    text = re.sub(rf",?\s+{HONOUR.pattern}$", "", text)
    _, core = strip_titles(text)
    words = core.split()
    return 1 <= len(words) <= 5 and all(_word_class(w, len(words) > 1) in _OF_A_NAME for w in words)


def absence_after(entry: str) -> tuple[str, str]:
    """(the entry without its mark, "absent" | "excused" | ""): "Trustee Hale Absent" -> ("Trustee Hale",
    "absent"), "Cr Brown (Excused Absent)" -> ("Cr Brown", "excused")."""
    mark = _TRAILING_ABSENCE.search(entry)
    if not mark or mark.start() == 0:
        return entry, ""
    said = mark.group("paren") or mark.group("word") or ""
    return entry[: mark.start()].strip(), "excused" if _EXCUSED.search(said) else "absent"


_PRESIDING = re.compile(
    rf"^(?:{alternation(CHAIR_NOTES)}|in\s+the\s+chair|(?:{alternation(CHAIR_QUALIFIERS)}\s+)(?:{alternation(CHAIR_ROLES)}))$",
    re.IGNORECASE,
)
"""A part of a longer note saying the person chaired this meeting: "(Vice-Chairman, presiding)"."""


def note_status(note: str) -> str:
    """What a note by a name says of attendance: "absent", "excused", "chair" or ""."""
    if CHAIR_NOTE.match(note.strip()) or any(_PRESIDING.match(part.strip()) for part in re.split(r"[,;]", note)):
        return "chair"
    if re.search(_ABSENCE, note, re.IGNORECASE):
        return "excused" if _EXCUSED.search(note) else "absent"
    return ""


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One printed name read by the grammar."""

    printed: str
    titles: tuple[str, ...]
    initials: str
    """The first letters of the given names, in order: "V" ("V. Cusworth"), "P" ("Paul Lakin"), "" for none."""
    given: tuple[str, ...]
    """The given names written out in full, lower-cased: ("paul",); empty for initials or a surname alone."""
    surname: str
    rest: str
    """The name without titles, honours and notes: "Steve Ashley", "V. Cusworth"."""
    honours: tuple[str, ...]
    notes: tuple[str, ...]

    def has_title(self, kind: TitleKind) -> bool:
        return any(title_kind(t) == kind for t in self.titles)

    @property
    def status(self) -> str:
        """ "absent" or "excused" when a note says the person was not there, else ""."""
        said = [note_status(n) for n in self.notes]
        return next((s for s in said if s in ("absent", "excused")), "")

    @property
    def chair(self) -> bool:
        return any(note_status(n) == "chair" for n in self.notes)


@functools.lru_cache(maxsize=2**14)
def read_entry(printed: str) -> NameEntry:
    """One printed name: its titles, initials and given names, surname, honours and notes."""
    found = tokens(NOTE.sub("", printed).strip().strip(",;.")) + [
        NameToken(TokenClass.NOTE, n) for n in NOTE.findall(printed)
    ]
    titles = tuple(t.text for t in found if t.kind in (TokenClass.TITLE, TokenClass.GROUP_TITLE))
    words = [t.text for t in found if t.kind in (*_OF_A_NAME, TokenClass.WORD)]
    rest = " ".join(words).strip(" ,")
    words = rest.split()
    initials, given = "", []
    for word in words[:-1]:
        if re.fullmatch(r"(?:[A-Z]\.?|(?:[A-Z]\.)+)", word):
            initials += word.replace(".", "")
        else:
            initials += word[0].upper()
            given.append(word.lower())
    return NameEntry(
        printed=printed,
        titles=titles,
        initials=initials,
        given=tuple(given),
        surname=words[-1] if words else "",
        rest=rest,
        honours=tuple(t.text for t in found if t.kind == TokenClass.HONOUR),
        notes=tuple(t.text for t in found if t.kind == TokenClass.NOTE),
    )
