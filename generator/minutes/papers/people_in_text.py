"""People named in running text: "Cr Jones", "Councillors Atkin, Beaumont and Clark", "Liz Thackray".

Two readers share one grammar of a name (titles, initials, capitalised words; the words
from `core.vocabulary`):

- `councillors_named` finds every member named anywhere in a text, by a member's title,
  a list under a plural title giving one entry each ("Councillors A and B" -> "Councillor A",
  "Councillor B");
- `names_before` reads who a sentence is about from the words before its verb ("At this
  point, Councillors Jarvis and Senior" -> "Councillor Jarvis", "Councillor Senior"), and
  accepts only a list that is names to its last word, so "had been arrived at" names no one.
"""

from __future__ import annotations

import re

from minutes.core.vocabulary import (
    HONOURS,
    MEMBER_GROUP_TITLES,
    MEMBER_TITLES,
    PERSONAL_TITLES,
    ROLES,
    alternation,
)


def _as_printed(words: tuple[str, ...]) -> str:
    """Titles as the vocabulary spells them or in capitals: "Mayor", "MAYOR", never "the mayor said"."""
    return alternation((*words, *(w.upper() for w in words)))


_MEMBER_TITLE = _as_printed(MEMBER_TITLES)
_ANY_TITLE = _as_printed(MEMBER_TITLES + PERSONAL_TITLES)
_GROUP_TITLE = _as_printed(tuple(MEMBER_GROUP_TITLES))
NOT_NAMES = frozenset(
    word.lower()
    for word in (
        *" ".join(ROLES).replace("-", " ").split(),
        *"""the a an this that these those it he she they we all everyone members member officers officer
        council committee board panel commission cabinet forum partnership authority meeting item items minute
        minutes agenda report chair chairman vice deputy public press at in on during following after before
        and or but following resolved agreed noted further there here whereupon role roles development training
        induction call enquiries enquiry allowance allowances scheme code conduct surgery surgeries briefing
        briefings support question questions motion motions champion champions vacancy vacancies election
        elections nomination nominations details contact information update personal prejudicial pecuniary
        interest interests declared declaration with for from to of by as who was were is has had said asked
        i i'm moved seconded proposed carried present apologies absent attendance""".split(),
    )
)
"""Capitalised words that are not a person's name: offices, bodies, the first word of a sentence."""
_TITLE_WORDS = frozenset(
    word.lower() for title in (*MEMBER_TITLES, *MEMBER_GROUP_TITLES, *PERSONAL_TITLES) for word in title.split()
)
_WORD = (
    rf"(?!(?i:{alternation(NOT_NAMES | _TITLE_WORDS)})(?![\w'’-]))(?!{alternation(HONOURS)}(?![\w'’-]))"
    r"[A-Z][\w'’]{0,40}+(?![\w'’])(?:-[A-Z][\w'’]{0,40}+(?![\w'’])){0,3}"
)
"""A capitalised word of a name: never an office, a title, honours ("MBE", case as printed) or a word of a
sentence ("Smith Seconded Councillor").
Names and their hyphenated parts are bounded in length, so a run of capitals is not read as a name from each
of its letters in turn."""
_SPACE = r"[^\S\n]"
"""A name runs on one line: a line break after "Councillor Smith" ends it ("Smith\nReport Title")."""
_INITIALS = rf"(?:[A-Z]\.{_SPACE}*|[A-Z]{_SPACE}+(?=[A-Z])){{0,6}}+"
_NAME = rf"{_INITIALS}{_WORD}(?:{_SPACE}+{_WORD}){{0,2}}"
"""Initials and up to three capitalised words: "V. Cusworth", "A G Ewart", "Tracey McErlain Baines"."""

_TITLED = re.compile(rf"\b(?P<title>{_MEMBER_TITLE}\.?(?:{_SPACE}+{_ANY_TITLE}\.?){{0,4}}){_SPACE}+(?P<name>{_NAME})")
_GROUP = re.compile(rf"\b(?P<title>{_GROUP_TITLE})\.?{_SPACE}+(?=[A-Z])")
_LIST_ENTRY = re.compile(rf"(?<![\w'’])(?=[A-Z])(?P<name>{_NAME})(?:\s*\([^()]*\))?")
_LIST_SEPARATOR = re.compile(r"(?<!\s)(?:\s*+,\s*+(?:(?:and|&)\s+)?+|\s++and\s+|\s*+&\s*)")


def councillors_named(text: str) -> list[str]:
    """Every member a text names by title, as printed, in order, once each: "Cllr Smith",
    "Cr Jones", "Mayor Hale", and one "Councillor …" per name of "Councillors A, B and C"."""
    found: dict[str, None] = {}
    spans: list[tuple[int, str]] = []
    for match in _TITLED.finditer(text):
        name = _trim(match.group("name"))
        if name:
            spans.append((match.start(), f"{_one_line(match.group('title'))} {name}"))
    for match in _GROUP.finditer(text):
        title = MEMBER_GROUP_TITLES.get(_title_key(match.group("title")), "")
        for name in _list_at(text, match.end()):
            spans.append((match.start(), f"{title} {name}"))
    for _, printed in sorted(spans, key=lambda s: s[0]):
        found.setdefault(printed, None)
    return list(found)


def names_before(text: str) -> list[str]:
    """The people the end of `text` names, when it ends in a list of names: the subject of the
    verb that follows it. Titles are kept; a plural title gives each name its own."""
    starts = [m.start() for m in re.finditer(r"(?<![\w'’-])[A-Z(]", text)]
    for start in starts:
        names = listed_names(text[start:])
        if names:
            return names
    return []


def listed_names(text: str) -> list[str]:
    """The names of `text` when it is wholly a list of people ("Deborah Johnson and Sue Wilson",
    "Councillors Jarvis and Senior", "(Councillor Hale)"), else []."""
    text = " ".join(text.split()).strip(" ,;")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    group = _GROUP.match(text)
    if group:
        title = MEMBER_GROUP_TITLES.get(_title_key(group.group("title")), "")
        names = _list_at(text, group.end(), whole=True)
        return [f"{title} {name}" for name in names]
    out = []
    for part in _split_list(text):
        name = _one_name(part)
        if not name:
            return []
        out.append(name)
    return out


def _one_name(part: str) -> str:
    """`part` when it is one person's name: a title and a name, or two or more words of a name."""
    part = re.sub(r"(?<!\s)\s*\([^()]*\)$", "", part).strip()
    part = re.sub(rf"(?<!\s)(?:,?\s+{alternation(HONOURS)})+$", "", part)  # "Cllr Ann Hale MBE": the name
    match = _TITLED.fullmatch(part)
    if match:
        name = _trim(match.group("name"))
        return f"{_one_line(match.group('title'))} {name}" if name == match.group("name") else ""
    titled = re.fullmatch(rf"(?P<title>{_ANY_TITLE}\.?)\s+(?P<name>{_NAME})", part)
    if titled:
        return part if _trim(titled.group("name")) == titled.group("name") else ""
    if not re.fullmatch(_NAME, part) or _trim(part) != part:
        return ""
    # An untitled name has a first name or initials: a lone capitalised word may be anything.
    return part if len(part.replace(".", " ").split()) >= 2 else ""


def _split_list(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    pieces = re.split(r"(\(|\)|,|;|(?<!\s)\s+and\s+|(?<!\s)\s+&\s+)", text)
    for piece in pieces:
        if piece == "(":
            depth += 1
        elif piece == ")":
            depth -= 1
        if depth == 0 and (piece in (",", ";") or re.fullmatch(r"(?<!\s)\s+(?:and|&)\s+", piece)):
            parts.append(current.strip())
            current = ""
        else:
            current += piece
    parts.append(current.strip())
    return [p for p in parts if p]


def _list_at(text: str, at: int, *, whole: bool = False) -> list[str]:
    """The names of a list starting at `at` ("Atkin, Beaumont (Vice-Chair) and Julie Turner"); with
    `whole`, only when the list runs to the end of the text."""
    names = []
    position = at
    while True:
        entry = _LIST_ENTRY.match(text, position)
        if not entry:
            break
        name = _trim(entry.group("name"))
        if name:
            names.append(name)
        if name != entry.group("name"):
            break  # "Clark and Cusworth Have …": the list ended inside this entry
        position = entry.end()
        separator = _LIST_SEPARATOR.match(text, position)
        if not separator or not text[separator.end() : separator.end() + 1].isupper():
            break
        position = separator.end()
    if whole and text[position:].strip(" .,;"):
        return []
    return names


def _trim(name: str) -> str:
    """The name without trailing words that are not a name ("Smith Chair of …" -> "Smith")."""
    words = name.split()
    while words and words[-1].lower().strip("'’") in NOT_NAMES:
        words.pop()
    if not words or words[0].lower() in NOT_NAMES or re.fullmatch(r"(?:[A-Z](?:\.\s*|\s+|$))+", " ".join(words)):
        return ""
    return " ".join(words)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _title_key(title: str) -> str:
    lowered = title.lower()
    return next((k for k in MEMBER_GROUP_TITLES if k.lower() == lowered), "")
