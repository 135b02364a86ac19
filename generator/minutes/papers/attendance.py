"""Who attended: present, in attendance, apologies, and who took the chair.

Attendance is printed under many labels ("Present:", "MEMBERS PRESENT:", "Councillors:"
with P/A flags, "Officers in attendance:", "Also present:", "STAFF PRESENT:", "Apologies:",
a note-taking app's "> Present:" callout, a table of names and roles), or in a sentence
("Board members present were supervisors …", "Apologies for absence were received from
Cllr Purves", "Also present were guests Marv and Sue Forbragd"). Names come in lists run
over several lines, with titles shared by a group ("Councillors Keary, McMahon and
Sheahan"), roles after a comma ("Mrs Susan Ryding, Clerk"), notes in brackets
("(Chairman)", "(arrived 7.01pm)", "(substitute for Dawn Payne)") and job titles around a
name ("Director of Services (Mr. G. Daly)").

`read_attendance` finds the blocks and sentences in a document's opening; a rule for each
shape of block (a flag column, a table, one person a line, a plain list …) says which lines
are names; `people_in` turns one printed list into people through the grammar of names the
site reads with too (`core/name_grammar.py`: separators, titles, initials, honours, notes,
with the words of `core/vocabulary.py`), adding what a list's shape says beyond it: a role
printed around a name, a group title given to each name after it. Names stay as printed apart from the shared group
title given to each ("Councillors Jarvis, Atkin" gives "Councillor Jarvis" and
"Councillor Atkin") and the notes and roles taken off.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from minutes.core import name_grammar as grammar
from minutes.core import vocabulary
from minutes.core.vocabulary import alternation
from minutes.papers import housestyle
from minutes.papers.bilingual import english_side
from minutes.papers.clean import Line
from minutes.papers.dates import find_dates
from minutes.papers.evidence import (
    REGISTRY,
    Evidence,
    Example,
    Fact,
    Rule,
    describe,
    enabled,
    example,
    rule,
    runner,
    weight_of,
)
from minutes.papers.memo import remembered
from minutes.papers.shapes import Shape, is_caps, unmark
from minutes.papers.shapes import shapes as line_shapes

MEMBERSHIP = "membership"
PRESENT = "present"
MEMBERS = "members"
IN_ATTENDANCE = "in_attendance"
APOLOGIES = "apologies"
ABSENT = "absent"
CHAIR = "chair"

_LIST_TITLES = tuple(
    t
    for t in (*vocabulary.MEMBER_TITLES, *vocabulary.MEMBER_GROUP_TITLES, *vocabulary.PERSONAL_TITLES)
    if " " not in t and t not in vocabulary.ROLES
)
"""Titles of one word that are never an office ("Cllr", "Councillors", "Mr", not "Mayor"): one opens a name."""
_OFFICER_BY_OFFICE = r"(?-i:(?:The\s+)?(?:(?:Parish|Town|Deputy|Assistant|Locum)\s+)?(?:Clerk|Secretary|RFO|Treasurer))\b\s*[,:(–-]?\s*[A-Z]"
"""An officer named after their office, with no title: "Clerk, Jenny Hale", "The Clerk (Mrs B Orr)"."""
LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (
        role,
        re.compile(
            r"^(?:"
            + pattern
            + rf")(?=\s*(?::|-|–|—|$)|\s+(?:were|was)\b|(?<!\bfrom)(?<!\bby)\s+(?-i:{alternation(_LIST_TITLES)})\.?\s+[A-Z]"
            # "Present. Cllrs.Chris Hale …": a label closed by a full stop, titled names after it
            + rf"|\.\s+(?-i:{alternation(_LIST_TITLES)})\.?\s*[A-Z]"
            + r"|\s+(?:present|absent|members\s+present)\s*:"  # "ROLL CALL Present: …": the label under the label
            + rf"|\s+{_OFFICER_BY_OFFICE})",  # "In Attendance Clerk, Jenny Hale": an officer after their office
            re.IGNORECASE,
        ),
    )
    for role, pattern in vocabulary.ATTENDANCE_LABELS
)
"""Labels that open an attendance block, most particular first."""
_LABEL_WORDS = tuple(
    (role, re.compile(r"^(?:" + pattern + r")\b", re.IGNORECASE)) for role, pattern in vocabulary.ATTENDANCE_LABELS
)
"""The same labels however they end, for a table's heading row ("Roll Call | Name | Present")."""

_FLAG = re.compile(r"^(?P<flag>[PAXL]|Ab|Ap)\s{2,}|^(?P<flag2>[PAXL]|Ab|Ap)\t")
_LOOSE_FLAG = re.compile(r"^(?P<flag>[PA])\s(?=[A-Z][a-z])(?P<flag2>)")
_FLAG_LEGEND = re.compile(r"^(?P<flag>[PAXL]|Ab|Ap)\s*[:=–-]\s*(?P<meaning>.+)$")
_TITLE = grammar.TITLE
"""A title (`core.vocabulary`'s titles of members, of board members and of anyone, and their plurals)."""
_GROUP_TITLE = grammar.GROUP_TITLE_AT_START
_SINGLE_TITLE = grammar.TITLE_AT_START
_CHAIR_NOTE = grammar.CHAIR_NOTE
_VICE = grammar.VICE
_STOP_WORDS = vocabulary.SENTENCE_WORDS
ROLE_WORDS = vocabulary.ROLE_WORDS
_OFFICER_WORDS = vocabulary.OFFICER_WORDS
_MEMBER_WORDS = vocabulary.MEMBER_ROLE_WORDS
STRONG_SINGLE_ROLES = vocabulary.SINGLE_WORD_ROLES
_INNER_NAME = re.compile(rf"\((?:{_TITLE})\s+[A-Z]", re.IGNORECASE)
_NO_ONE = re.compile(
    r"^(?:there\s+were\s+)?(?:no|nil|none)(?:\s+apologies)?(?:\s+(?:received|were\s+received|given))?\b|^nil\b|^n/?a$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ListedPerson:
    """One name from a printed list."""

    name: str
    role: str = ""
    """A role printed with the name ("Clerk", "Vice-Chairman", "Principal Planning Officer")."""
    chair: bool = False
    officer: bool = False
    """The role printed with the name is an officer's, not a member's."""
    member: bool = False
    """The name carries a member's title (Councillor, Cllr, Cr, Mayor) or a member's role."""
    absent: str = ""
    """"absent" or "excused" when the list marks the person so ("Trustee Hale Absent", "(Excused Absent)")."""
    titles: tuple[str, ...] = ()
    """The titles printed before the name ("Cllr", "Dr"), as the grammar of names reads them."""
    honours: tuple[str, ...] = ()
    """Letters after the name ("MBE", "JP")."""
    notes: tuple[str, ...] = ()
    """What the brackets by the name said: "Chair", "arrived 7.01pm", "substitute for Dawn Payne"."""


@dataclass(slots=True)
class AttendanceFound:
    """What a document's opening says about attendance."""

    chair: str = ""
    present: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    in_attendance: list[str] = field(default_factory=list)
    membership: list[tuple[str, str]] = field(default_factory=list)
    """(name, role) of the body's members as an agenda's front sheet lists them."""
    lines: set[int] = field(default_factory=set)
    """Indexes of the lines given over to attendance (labels and their lists)."""
    sentence_lines: set[int] = field(default_factory=set)
    """Indexes of lines where a sentence says who attended (the line may say more)."""
    notes: list[str] = field(default_factory=list)
    """How each block was read, for `explain`."""
    bare_list: tuple[int, bool] = (-1, False)
    """Line of the last list of members read with no label, and whether it named its chair."""
    sentence_names: set[str] = field(default_factory=set)
    """Names read from a sentence ("Apologies were received from …") rather than a labelled list."""
    unlabelled_names: set[str] = field(default_factory=set)
    """Names read from a list with no label over it (a bare list of members, a grid of names)."""
    chair_how: str = ""
    """How the chair was read: "label" ("Chair:"), "mark" ("(Chairman)" by a name), "sentence", "membership"."""
    rules: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    """Each block's reading, in order, for `explain`: the id of the rule that read it, and the block's span
    (the indexes of its first line and of the line after its last)."""

    needs_day: bool = False
    """A list under sub-labels naming days was read whole: read again with the meeting's day to pick its own."""
    vice_chair: str = ""
    """The member a list marks as vice-chair ("A Cook (Vice Chair)"): the chair where the text says they presided."""
    offices: dict[str, str] = field(default_factory=dict)
    """A presiding office a list notes beside a member ("Cr K Brennan (Mayor)"), lower case, and the member."""

    def everyone(self) -> set[str]:
        return set(self.present) | set(self.apologies) | set(self.in_attendance)

    def merge(self, more: AttendanceFound) -> None:
        """Attendance read further on (under a "Present" item, a table printed later) added to this."""
        self.add(self.present, more.present)
        self.add(self.apologies, more.apologies)
        self.add(self.in_attendance, more.in_attendance)
        if not self.chair and more.chair:
            self.chair, self.chair_how = more.chair, more.chair_how
        self.vice_chair = self.vice_chair or more.vice_chair
        self.offices = {**more.offices, **self.offices}
        self.lines |= more.lines
        self.sentence_lines |= more.sentence_lines
        self.sentence_names |= more.sentence_names
        self.unlabelled_names |= more.unlabelled_names
        self.notes.extend(more.notes)
        self.rules.extend(more.rules)

    def add(self, target: list[str], names: Sequence[str]) -> None:
        for name in names:
            listed = self.present + self.apologies + self.in_attendance
            if name and name not in target and not any(_same(name, other) for other in listed):
                if _surname_of_one(name, listed):
                    continue  # "apologies … from Cllr White" after "Apologies: Cllr D White": the one White listed
                target.append(name)


def _surname_of_one(name: str, listed: Sequence[str]) -> bool:
    """Whether `name` is a surname alone ("Cllr White") that exactly one of those listed bears."""
    words = _bare(name).split()
    if len(words) != 1:
        return False
    return sum(1 for other in listed if _bare(other).split()[-1:] == words) == 1


def _same(a: str, b: str) -> bool:
    """The same name, titles and dots aside: "Cllr. P Batty" and "P Batty"."""
    return _bare(a) == _bare(b)


def same_person(a: str, b: str) -> bool:
    """The same person printed two ways: "Cr Crosby" and "Cr C Crosby", "Councillor Hussain" and "Hussain".
    Only for pairing a chair with the list they sit in: people often share a surname."""
    x, y = _bare(a), _bare(b)
    if x == y:
        return True
    xs, ys = x.split(), y.split()
    if not xs or not ys or xs[-1] != ys[-1]:
        return False
    short, long_ = (xs, ys) if len(xs) <= len(ys) else (ys, xs)
    if len(short) == 1:
        return True
    return all(
        any(w == v or (len(w) == 1 and v.startswith(w)) or _misprint(w, v) for v in long_[:-1]) for w in short[:-1]
    )


MISPRINT_LETTERS = 5
"""A forename this long, printed with one letter wrong, left out or added, is still the same name ("Johathan"
in the call to order, "Jonathan" in the roll)."""


def misprinted(a: str, b: str) -> bool:
    """Whether two full names are one person's with a forename misprinted in one of them ("Johathan Tustin",
    "Jonathan Tustin"): the same surname, as many names, one forename a letter apart."""
    xs, ys = _bare(a).split(), _bare(b).split()
    return (
        len(xs) == len(ys) >= 2
        and xs[-1] == ys[-1]
        and sum(1 for w, v in zip(xs[:-1], ys[:-1], strict=True) if w != v) == 1
        and all(w == v or _misprint(w, v) for w, v in zip(xs[:-1], ys[:-1], strict=True))
    )


def _misprint(a: str, b: str) -> bool:
    """Whether two forenames of `MISPRINT_LETTERS` letters or more differ by one letter."""
    if min(len(a), len(b)) < MISPRINT_LETTERS or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:k] + longer[k + 1 :] == shorter for k in range(len(longer)))


@functools.lru_cache(maxsize=2**14)
def _bare(name: str) -> str:
    """A name as compared: without titles, honours, notes and dots, lower case ("Cllr. A. Hale MBE" -> "a hale")."""
    return re.sub(r"[.\s]+", " ", grammar.read_entry(name).rest).strip().lower()


# --- one printed list ---------------------------------------------------------------------------


_OFFICE_HEADS = frozenset(
    "director manager secretary clerk officer attorney engineer planner administrator superintendent coordinator "
    "co-ordinator treasurer assessor auditor librarian solicitor inspector controller".split()
)
"""The word an office's name ends with, whatever the words before it say of its field ("Library Director")."""
_NOT_OFFICE_LEADS = frozenset({"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "and", "the"})


def _office_named(part: str) -> bool:
    """A part of a list after a name's comma that names an office by its last word, whatever the words before it
    say of its field: "Jane Chisaki, Library Director", "Ed Roe, Recording Secretary"."""
    words = part.split()
    return (
        2 <= len(words) <= 4
        and words[-1].lower() in _OFFICE_HEADS
        and words[0].lower().rstrip(".") not in _NOT_OFFICE_LEADS
        and not re.fullmatch(r"[A-Z]\.?", words[0])  # "P Moran Clerk": a name's initial, then the office after it
        and all(w[:1].isupper() for w in words)
    )


def _has_office(person: ListedPerson) -> bool:
    """Whether a person listed already holds an office: "W Hale Convenor, A Rodger Secretary" lists names with
    their offices, so the next "Name Office" is a person, not the office of the one before."""
    return bool(person.role or person.chair)


def _is_role(part: str) -> bool:
    """A role printed beside names ("Clerk", "Assistant Clerk", "Councillors", "treasurer"), not a
    surname that happens to be a role word ("Senior", "Head")."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", re.sub(r"\([^()]*\)|/", " ", part))
    if not words:
        return False
    lowered = [w.lower().strip("'’") for w in words]
    if not all(w in ROLE_WORDS or w.replace("-", " ").split()[0] in ROLE_WORDS for w in lowered):
        return False
    if not any(w not in ("of", "the", "and", "for", "to") for w in lowered):
        return False
    if len(words) == 1:
        return lowered[0] in STRONG_SINGLE_ROLES or part.strip()[:1].islower()
    return True


HONOURS = grammar.HONOUR
"""Letters after a name (honours, offices, degrees): "A G Ewart MBE", "J Davis OAM"."""
_name_like = grammar.name_like


def _officer(role: str) -> bool:
    style = housestyle.current_attendance()
    if style and style.member_roles and housestyle.folded(role) in {housestyle.folded(r) for r in style.member_roles}:
        return False  # a role the house style counts among the body's members ("Clerk" on a township board)
    if _OTHER_TIER_COUNCILLOR.search(role):
        return True  # "Eden District Councillor": another council's member, here to report
    words = {w.lower() for w in re.findall(r"[A-Za-z-]+", role)}
    return bool(words & _OFFICER_WORDS) and not (
        words & {"councillor", "councillors", "cllr", "member", "members", "mayor", "president"}
    )


_OTHER_TIERS = "District|County|Borough|Ward|Unitary|Regional"
"""The tiers of local government around a parish or town whose councillors attend its meetings."""
_OTHER_TIER_COUNCILLOR = re.compile(rf"(?i)\b(?:{_OTHER_TIERS})\s+(?:councillor|cllr)\b")

_INITIALS_NAME = r"(?:[A-Z]\.?\s*){1,3}[A-Z][\w'’-]+"
_PAIRED_WORD = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z]?[a-z]+)*"
_PAIRED_NAMES = re.compile(rf"{_PAIRED_WORD}(?: {_PAIRED_WORD}){{3,11}}")
"""Four to twelve capitalised words and nothing else ("MacDonald" is one): names in pairs printed without commas."""


def _split_run_on(part: str) -> list[str]:
    """A list printed without its commas: "Mrs S Benbow-Jones M Hughes" (two people), "Town Clerk Geraint
    Thomas Town Secretary Anna Padgett" (a role opens each person)."""
    if _TIER_COUNCILLOR.match(part):
        return [part]  # "Eden District Councillor A Armstrong": one person, another council's
    group = _GROUP_TITLE.match(part)
    prefix, body = (part[: group.end()], part[group.end() :]) if group else ("", part)
    if body.isupper():
        return [part]  # "BILL HALE": a name in capitals, whose letters are no initials
    two = re.fullmatch(rf"(?P<a>(?:{_TITLE}\s+)?{_INITIALS_NAME})\s+(?P<b>(?:{_TITLE}\s+)?{_INITIALS_NAME})", body)
    if (
        two
        and not re.search(r"\(", part)
        and not HONOURS.fullmatch(two.group("b").split()[-1])
        and re.search(r"[a-z]", two.group("b"))  # "A Armstrong EDC": a body's initials after the name, no second name
    ):
        return [prefix + two.group("a"), two.group("b")]
    initialled = re.fullmatch(
        r"(?:[A-Z]\.?\s+){1,3}[A-Z][a-z][\w'’-]*(?:\s+(?:[A-Z]\.?\s+){1,3}[A-Z][a-z][\w'’-]*){2,}", body
    )
    if initialled and "(" not in part:
        # "B Hale C Nye D Pike": initials open each name of a list printed without its commas
        return re.findall(r"(?:[A-Z]\.?\s+){1,3}[A-Z][a-z][\w'’-]*", body)
    words = part.split()
    if (
        _PAIRED_NAMES.fullmatch(part)
        and len(words) % 2 == 0
        and not _SINGLE_TITLE.match(part)  # "Flt Sgt Simon Mitchell": a title of two words, then the name
        and not any(_role_word(w) or _PERSONAL_TITLE.fullmatch(w) for w in words)
    ):
        # "Anne Brown Tom Jones Peter Green": given names and surnames printed without their commas
        return [f"{a} {b}" for a, b in zip(words[::2], words[1::2], strict=True)]
    if len(words) <= 4 or "(" in part:
        return [part]
    pieces: list[list[str]] = [[]]
    n = 0
    while n < len(words):
        run = 0
        while n + run < len(words) and _role_word(words[n + run]):
            run += 1
        if run and pieces[-1] and any(not _role_word(w) for w in pieces[-1]) and n + run < len(words):
            pieces.append([])
        pieces[-1].extend(words[n : n + max(run, 1)])
        n += max(run, 1)
    return [" ".join(p) for p in pieces if p]


_NEXT_TITLE = re.compile(rf"(?<!\s)\s+(?=(?:{alternation(_LIST_TITLES)})\.?\s+[A-Z])")


_PERSONAL_TITLE = re.compile(rf"{alternation(_LIST_TITLES)}\.?", re.IGNORECASE)


def _split_at_titles(part: str) -> list[str]:
    """ "Cllr N Roberts – presiding Cllr R Herring Cllr J Harrop Mr I Braid": names printed without
    commas, each opening with its title."""
    if "(" in part:
        return [part]
    pieces = [p for p in _NEXT_TITLE.split(part) if p.strip()]
    if len(pieces) < 3:
        return [part]
    if _is_role(pieces[0]) or _CHAIR_NOTE.match(pieces[0].strip()):
        pieces = [
            f"{pieces[0].strip()} {pieces[1]}",
            *pieces[2:],
        ]  # "Chair Cllr J Pym Cllr D Sands": the role is the next name's
    return _roles_forward(pieces)


_TIER = re.compile(rf"(?:[A-Z][a-z]+\s+){{0,2}}(?:{_OTHER_TIERS}|City|Town)")
"""Another tier of local government, before its councillor's title: "Eden District", "County"."""
_TIER_COUNCILLOR = re.compile(
    r"(?:[A-Z][a-z]+\s+){0,2}(?P<title>(?:District|County|Borough|Unitary|Regional)\s+(?:Councillor|Cllr)\.?)\s+(?=[A-Z])"
)
"""A councillor of another tier, before the name: "Eden District Councillor", "County Cllr"."""


def _roles_forward(pieces: list[str]) -> list[str]:
    """Names run together, each opening with its title, where an office stands between two of them: the office
    opens the next person, as in the rest of such a list ("P Moran Clerk" / "Mrs J Todd Eden District" /
    "Councillor A Armstrong" -> "P Moran" / "Clerk Mrs J Todd" / "Eden District Councillor A Armstrong")."""
    out = list(pieces)
    for n in reversed(range(len(out) - 1)):  # from the end: an office moved on opens the next piece
        name = _INITIALLED.match(out[n])  # where the name ends is known only after its initials: "Mrs J Todd"
        if name is None:
            continue
        tail = out[n][name.end() :].strip()
        if not tail[:1].isupper() or _CHAIR_NOTE.match(tail):
            continue  # "Cllr N Roberts – presiding": a note on the name before, set off by its dash
        office = _is_role(tail) and not _TIER.fullmatch(tail)
        tier = _TIER.fullmatch(tail) and re.match(r"(?i:councillors?|cllrs?)\b", out[n + 1])
        if office or tier:
            out[n], out[n + 1] = name.group(0), f"{tail} {out[n + 1]}"
    return out


_INITIALLED = re.compile(rf"^(?:(?i:{_TITLE})\s+)?(?:[A-Z]\.?\s+){{1,3}}[A-Z][a-z][\w'’-]*")


_WORD_STOP = (
    r"(?<=[a-z]{2})(?<!\bMrs)(?<!\bCllr)(?<!\bCllrs)(?<!\bRev)(?<!\bRevd)(?<!\bProf)(?<!\bMessrs)(?<!\bCrs)(?<!\bJnr)(?<!\bSnr)"
    r"(?<!\bCouncillors)\.\s+"
)
_SENTENCE_IN_LIST = re.compile(_WORD_STOP + rf"(?=(?i:{_TITLE}|Councillors|Cllrs|Messrs)\s)")
"""A full stop ending a word, inside a list, before the next titled name: "Cllr Wayne Thomas, Chairman,
Presided. Councillors A Davies, …" (not the dot of "Mr." or "Cllr.")."""


_ABBREVIATED_ROLE = re.compile(r"(?:[A-Z]\.){1,4}[A-Z]\.?|(?:[A-Z]\.){2,5}")
"""An office written as dotted initials after a name: "D.O.S.", "A.O.", "S.E.E." (never a name: a name
has a surname)."""


def _role_word(word: str) -> bool:
    bare = word.strip(".,:;").lower()
    return (
        bool(bare) and word[:1].isupper() and bare in ROLE_WORDS and bare not in ("the", "of", "and") and len(bare) > 2
    )


_ADDRESS_PART = re.compile(
    r"^\d+[A-Za-z]?\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:Lane|Road|Street|Close|Avenue|Drive|Way|Crescent|Place|Gardens|Court|"
    r"Terrace|Hill|Green|Row|Walk|Rd|St|Ave)\b|^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$|(?<![\w.+-])[\w.+-]++@[\w-]+\.\w|\b(?i:tel|telephone|phone|e-?mail|mobile)\b"
)
"""A list entry that is an address (a house and street, a postcode, an email, a telephone), not a person."""


def people_in(text: str) -> list[ListedPerson]:
    """The people in one printed list of names."""
    text = _normalised_list(text)
    if not text or _NO_ONE.match(text):
        return []
    reading = _ListReading(officials=len(re.findall(rf"\((?:{_TITLE})\s", text, re.IGNORECASE)) >= 2)
    paired = _name_role_pairs(text) or _offices_then_names(text)
    if paired:
        # "Dr. S. Whitfield, Superintendent; Mr. B. Kessler, Assistant Superintendent": each entry a name and its role
        for name, role in paired:
            reading.name(name)
            if reading.pending:
                reading._role(role)
        return reading.people
    for part in _list_parts(text):
        if _ADDRESS_PART.search(part):
            break  # "Clerk: Mrs E Moss, 1 Mill Lane, Elmsworth": the rest is where to write to
        part = re.sub(r"^(?:and|&)\s+", "", part.strip(" .:"))
        part = _AFFILIATION.sub(r"\g<name>", part)  # "Brent Barringer of Wilcox": the person, whoever they came for
        if part and not reading.aside(part):
            reading.name(part)
    return _township_officers(_office_bearers(_share_surnames(reading.people, text)), text)


_HOLDER_IN_BRACKETS = re.compile(
    r"(?P<role>[A-Z][^;,()\n]{2,80}?)\s*+\((?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+)?(?:[A-Z]\.?\s*){1,3}"
    r"[A-Z][a-z][\w'’]*+(?:-[A-Z][a-z][\w'’]*+)?)\)"
)


def _offices_then_names(text: str) -> list[tuple[str, str]]:
    """A list whose every entry is an office with its holder in brackets ("Director of Environmental Services (A
    Creighton); Head of Estates and Cemeteries (J Whiteside)"): each (name, office); [] otherwise."""
    entries: list[tuple[str, str]] = []
    at = 0
    for match in _HOLDER_IN_BRACKETS.finditer(text):
        if text[at : match.start()].strip(" ;,.\n") not in ("", "and"):
            return []
        entries.append((match.group("name"), match.group("role").strip()))
        at = match.end()
    if text[at:].strip(" ;,.\n") or len(entries) < 2:
        return []
    return entries


def _name_role_pairs(text: str) -> list[tuple[str, str]]:
    """A list whose entries, parted by semicolons, are each a person's name, a comma and their role; [] otherwise."""
    entries = [e.strip(" .") for e in re.split(r";\s*(?:and\s+)?", text) if e.strip(" .")]
    if len(entries) < 2:
        return []
    pairs = []
    for entry in entries:
        name, comma, role = entry.partition(",")
        words = role.split()
        if not comma or "," in role or not 1 <= len(words) <= PAIRED_ROLE_WORDS or not words[0][:1].isupper():
            return []
        if not 2 <= len(name.split()) <= 5 or not all(w[:1].isupper() for w in name.split()):
            return []
        pairs.append((name.strip(), role.strip()))
    return pairs


PAIRED_ROLE_WORDS = 6
"""The most words of a role printed after a name and its comma in a list parted by semicolons."""


_AFFILIATION = re.compile(
    r"\A(?P<name>(?:[A-Z][\w.'’-]*+\s++){1,3}[A-Z][\w'’-]*+)\s++of\s++(?:the\s++)?[A-Z][\w&'’.-]*+(?:\s++[A-Z&][\w&'’.-]*+){0,5}+\Z"
)
"""The body a named person came from, after their name: "Brent Barringer of Wilcox", "Ann Hale of Elm Parish Council"."""


def _office_bearers(people: list[ListedPerson]) -> list[ListedPerson]:
    """In a list of plainly named people with its chair marked ("Anne Orr (Chair), Bill Hale (Vice Chair),
    Carol Nye (Secretary), Dave Pike (Treasurer), Ed Tull", "Chair: Mr C Orr: Secretary: Mr G Hale"), the
    secretary and treasurer are the body's office-bearers, members as a community council elects them; where
    most carry a councillor's title, a secretary without one is the officer who serves them."""
    if not any(p.chair for p in people) or 2 * sum(bool(_COUNCILLOR.match(p.name)) for p in people) >= len(people):
        return people
    return [replace(p, officer=False, member=True) if _BEARER_OFFICE.fullmatch(p.role) else p for p in people]


def _township_officers(people: list[ListedPerson], text: str) -> list[ListedPerson]:
    """A township board's roll ("Supervisor Hale, Clerk Orr, Treasurer Bell, Trustees Pike and Nye"): its clerk and
    treasurer are elected members of the board, as its supervisor and trustees are."""
    if not (re.search(r"\bSupervisor\s+[A-Z]", text) and re.search(r"\bTrustees?\s+[A-Z]", text)):
        return people
    return [replace(p, officer=False, member=True) if _TOWNSHIP_OFFICE.fullmatch(p.role) else p for p in people]


_TOWNSHIP_OFFICE = re.compile(r"(?:township\s+)?(?:clerk|treasurer|treasure)", re.IGNORECASE)
"""The offices a township's electors fill beside its supervisor and trustees ("Treasure" as printed once)."""

_BEARER_OFFICE = re.compile(r"(?:minute\s+)?secretary|treasurer", re.IGNORECASE)
"""The offices a body's own members may hold beside its chair."""
_OFFICES = (
    r"(?:(?:Vice|Deputy)[- ]?)?(?:Chair(?:man|woman|person)?|Convene[ro]|President)|(?:Minute\s+)?Secretary|Treasurer"
)
_COLON_BEFORE_OFFICE = re.compile(rf"(?<=[^\s:])\s*+:++\s*+(?=(?i:{_OFFICES})\b)")
_IN_THE_CHAIR = re.compile(r"(?<=[\w.])\s+in\s+(?:the\s+)?chair\b(?!\s*\))", re.IGNORECASE)
"""A name "in the Chair" without brackets: "Cllr A Orr in the Chair, Cllr B Hale", "Mr G Hale in Chair"."""
_OFFICE_COLON = re.compile(rf"\b(?P<office>(?i:{_OFFICES}))\s*:+\s*(?=[A-Z])")
"""Offices printed as labels inside a list: "Chair: Mr C Orr: Secretary: Mr G Hale::Vice Chair D Nye"."""


def _offices_as_entries(text: str) -> str:
    """A list whose offices are printed as labels, as entries of the list: "Chair – Mr C Orr, Secretary – …"
    (whether the secretary is a member or an officer is `_office_bearers`' to say); a name "in Chair" marked."""
    text = _IN_THE_CHAIR.sub(" (in the Chair)", text)
    if not _OFFICE_COLON.search(text):
        return text
    entries = _OFFICE_COLON.sub(r"\g<office> – ", _COLON_BEFORE_OFFICE.sub(", ", text))
    # "Mr J Hale : Mrs S Orr": the colons left part names too
    return re.sub(r"(?<!\s)\s*+:++\s*+", ", ", entries).strip(", ")


_ABSENT_AFTER = re.compile(r"\.\s+(?:Absent:?\s+(?P<after>[A-Z][^.;]*)|(?P<before>[A-Z][^.;,]*),\s+absent)\.?$")
"""Who was away, told after the list's full stop: "…, Jessica Teets. Absent Charlie Jordan", "… Bill Mayers, absent."."""


def _marked_absent(found: re.Match[str]) -> str:
    names = found.group("after") or found.group("before")
    return ", " + ", ".join(f"{name.strip()} (absent)" for name in grammar.split_list(names))


_ALL_PRESENT_AFTER = re.compile(
    r"(?<=[a-z])(?<!\bnot)(?:\.\s++(?:all|everyone)(?:\s+members)?\s+|\s*+[-–—]\s*+all\s+|\s++(?:were\s+)?)present$"
    r"|(?<=[\w)])\s+(?:were|was)\s+not\s+(?:in\s+attendance|present)$",
    re.IGNORECASE,
)
"""What a roll says of the names after them: "… Trustees Pike & Nye. All Present", "… Matt and Mike present",
"… J Bell (JB) were not in attendance"."""
_CHAIRED_AFTER = re.compile(
    r"(?<=[\w)])\.\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:chaired|presided|took\s+the\s+chair)\b[^;]*$"
)
"""A sentence after the list saying who chaired: "… and Sue Green. Jim Smith chaired the meeting" (read as a sentence)."""
_NOBODY_AFTER = re.compile(r"(?<=[\w)])\.\s+(?:no|none\s+of\s+the|there\s+were\s+no)\b[^;]*$", re.IGNORECASE)
"""A sentence after the list saying who did not come: "… K Bell (Clerk). No members of the public present"."""
_OWN_TIER = re.compile(r"(?:^|(?<=[,;]\s))(?:Community|Parish|Town|City)\s+(?=Councillors?\s+[A-Z])", re.IGNORECASE)
_COUPLE = re.compile(r"\b(?P<a>Mr|Dr|Mrs|Ms)\.?\s*(?:&|and)\s*(?P<b>Mrs|Ms|Mr|Dr)\.?\s+(?P<surname>[A-Z][\w'’-]+)")
"""Two people sharing a surname: "Mr & Mrs Johnstone"."""


_TITLE_RUN_IN = re.compile(
    "(?:" + "|".join(rf"(?<=\b{t})" for t in vocabulary.ABBREVIATED_TITLES) + r")\.(?=[A-Z][a-z])"
)
"""A short title's full stop run into the name after it ("Cllrs.Chris Wilton")."""
_TIER_AFTER_NAME = re.compile(
    r"(?<=[a-z])\s++(?P<role>(?:Ward|[A-Z][A-Z&]{1,5}+)\s+(?:Councillor|Cllr)\b\.?)(?=\s*+(?:[,;]|$))"
)
""""Cllr George Hale Ward Councillor", "Jo Orr A&B Councillor": a councillor of the ward or of the authority (by
its initials) named before the office, printed after the name as a note."""
_BUSINESS_AFTER = re.compile(
    r"(?<=\w)[\s,;.]++(?:(?:roll\s+call|voice)\s+vote\b|(?:Ayes|Nays|Yeas|Noes)\s*+:|Motion\s+(?:made\s+|was\s+made\s+)?by\b)",
    re.IGNORECASE,
)
""""… Dean Walker Motion made by SH …", "… Roll Call Vote, Ayes: SH, DW": the business the list ran into, and the
tally of a vote, which names who voted, not who came."""


_ANSWER_AFTER = re.compile(r"(?i),\s*(?P<mark>present|absent|excused)(?=\s*(?:[;.]|$))")
"""A roll call's answer after each name: "Mr. Boyd, present; Dr. Lutz, absent"."""


def _answered(match: re.Match[str]) -> str:
    mark = match.group("mark").lower()
    return "" if mark == "present" else f" ({mark})"


def _normalised_list(text: str) -> str:
    text = re.sub(r"\s+", " ", english_side(text)).strip().rstrip(".;,").strip()
    text = _TITLE_RUN_IN.sub(". ", text)  # "Cllrs.Chris Wilton": the title's full stop ran into the name
    text = _TIER_AFTER_NAME.sub(r", \g<role>", text)
    business = _BUSINESS_AFTER.search(text)
    text = text[: business.start()].rstrip(" ,;.") if business else text
    text = _OWN_TIER.sub("", text)  # "Community Councillors John Smith, …": the body's own councillors
    text = _COUPLE.sub(r"\g<a> \g<surname>, \g<b> \g<surname>", text)
    if len(_ANSWER_AFTER.findall(text)) >= 2:
        text = _ANSWER_AFTER.sub(_answered, text)  # "Mr. Boyd, present; Dr. Lutz, absent": the roll's answers
    text = _ABSENT_AFTER.sub(_marked_absent, text)
    text = text.replace(" plus ", ", ")  # "… Councillor A Connell plus ten guests" (spaces are single here)
    text = _ALL_PRESENT_AFTER.sub("", text)
    text = _NOBODY_AFTER.sub("", text)
    text = _CHAIRED_AFTER.sub("", text)
    text = _offices_as_entries(text)
    text = re.sub(r"(?<=\w)\s+\.\s+(?=[A-Z])", "; ", text)  # "… D Gray . Councillors B Orr": a full stop set apart
    text = re.sub(r"^[-–—:]\s*", "", text)
    text = re.sub(r"(?<!\s)\s+[-–—]\s*\d{1,2}$", "", text)  # "… and Mayor Johnson - 5": the head count
    # "Steele (Chair) Walsh and Wyatt": a comma went missing (not after the "(s)" of "Councillor(s) McMahon").
    text = re.sub(r"\)(?<!\(s\))\s+(?=[A-Z])", "), ", text)
    return _SENTENCE_IN_LIST.sub(",", text)


def _list_parts(text: str) -> list[str]:
    """The entries of a list: split at commas and "and", at titles printed without commas, at roles
    opening each person; the "and"s dropped."""
    pieces = [
        piece
        for part in grammar.split_list(text)
        for titled in _split_at_titles(part)
        for piece in _split_run_on(titled)
    ]
    out: list[str] = []
    for piece in pieces:
        if out and re.search(r"(?<!\s)\s+[–—-]$", out[-1]):
            out[-1] = f"{out[-1]} {piece}"  # "Chairman –" / "Cllr John Smith": the office and its holder
        else:
            out.append(piece)
    return out


@dataclass(slots=True)
class _ListReading:
    """One list, read entry by entry: the people so far, the group title in force, those awaiting a role."""

    officials: bool = False
    """The list names officials in brackets after their offices ("Director of Services (Mr. G. Daly)")."""
    people: list[ListedPerson] = field(default_factory=list)
    group_title: str = ""
    pending: list[int] = field(default_factory=list)
    """People waiting for a role printed after them."""

    def aside(self, part: str) -> bool:
        """Whether `part` is not a name but something said of the names before it (honours, a role, a
        head count, the chair's mark); the people it speaks of take it."""
        if re.fullmatch(rf"{HONOURS.pattern}(?:\s*\(.*\))?", part):
            return True  # "William J Taylor, MBE (General Manager …)": honours after a name
        if _ABBREVIATED_ROLE.fullmatch(part) and self.people:
            self.people[-1] = _with(self.people[-1], role=part)  # "Mr. D. Kirrane, D.O.S.": an office's initials
            return True
        if re.fullmatch(r"\d+|\(\d+\)|[ivx]+", part) or _HEAD_COUNT.match(part):
            return True  # "Saltzman, 5", "Three Members", "ten guests": a head count
        if _BODY_INITIALS.fullmatch(part) and self.people:
            self.people[-1] = _with(self.people[-1], role=part)  # "A Armstrong, EDC": the body the person is of
            return True
        if _TIER_TITLE_ALONE.fullmatch(part) and self.people:
            self.people[-1] = _with(self.people[-1], role=part)  # "P Stoddart (PS) Ward Councillor": the office
            return True
        if _CHAIR_NOTE.match(part) or re.fullmatch(r"presiding", part, re.IGNORECASE):
            if self.people:
                self.people[-1] = _with(self.people[-1], chair=True)
            return True
        if (
            (_is_role(part) or (self.people and _office_named(part) and not _has_office(self.people[-1])))
            and not _SINGLE_TITLE.match(part)
            and not _INNER_NAME.search(part)
        ):
            self._role(part)
            return True
        # "Director, Regional Services (Ms. C. Curley)": a job title split at its comma
        return self.officials and "(" not in part and not _SINGLE_TITLE.match(part)

    def _role(self, role: str) -> None:
        """A role after names: a plural one is each pending person's, a singular one the last's."""
        targets = self.pending or ([len(self.people) - 1] if self.people else [])
        plural = bool(re.search(r"s$", role.split()[-1])) and role.lower() not in ("services",)
        for n in targets if plural else targets[-1:]:
            self.people[n] = _with(self.people[n], role=role)
        self.pending = []
        self.group_title = "" if plural else self.group_title

    def name(self, part: str) -> None:
        group = _GROUP_TITLE.match(part)
        if group:
            self.group_title = grammar.group_title(group.group("title"))
            part = part[group.end() :]
            self.pending = []
        part, absent = grammar.absence_after(part)
        tier = _TIER_COUNCILLOR.match(part)
        if tier:
            # "Eden District Councillor A Armstrong": a councillor of another tier, not of this body, named by the
            # tier's title as a county councillor is ("District Councillor A Armstrong")
            person = _person(part[tier.end() :], "")
            if person is not None:
                named = f"{tier.group('title')} {person.name}"
                self.people.append(_with(replace(person, name=named), role=tier.group(0).strip()))
                self.pending.append(len(self.people) - 1)
            return
        coded = _INITIALS_AFTER_NAME.fullmatch(part)
        if coded and not HONOURS.fullmatch(coded.group("body")):
            part = coded.group("name")  # "A Armstrong EDC": the initials of the body the person sits on
        person = _person(_before_sentence(part), self.group_title)
        if person is None:
            return
        if coded and not HONOURS.fullmatch(coded.group("body")) and not person.role:
            person = _with(person, role=coded.group("body"))
        self.people.append(_with(person, absent=absent) if absent else person)
        self.pending.append(len(self.people) - 1)


_TIER_TITLE_ALONE = re.compile(rf"(?i:{_OTHER_TIERS})\s+(?i:councillor|member)s?|[A-Z][A-Z&]{{1,5}}\s+(?i:councillor)")
"""A councillor's tier with no name after it, said of the name before: "A Hale, Ward Councillor", "A Hale, A&B
Councillor" (the authority by its initials)."""
_HEAD_COUNT = re.compile(
    rf"^(?:\d+|{vocabulary.COUNTS}|several|many|some)\s+"
    r"(?:members?|guests?|residents?|parishioners?|people|persons|visitors?|observers?)\b"
    r"|^members\s+of\s+the\s+public",
    re.IGNORECASE,
)
"""A count of people not named: "Three Members", "ten guests", "2 members of the public"."""
_BODY_INITIALS = re.compile(r"[A-Z][A-Z&]{1,4}")
"""A body's initials set after a name: "EDC", "SBC", "A&B"."""
_INITIALS_AFTER_NAME = re.compile(
    r"(?P<name>(?:[A-Z]\.?\s+){1,3}[A-Z][a-z][\w'’-]*|[A-Z][a-z]+\s+[A-Z][a-z][\w'’-]*)\s+(?P<body>[A-Z][A-Z&]{1,4})"
)
"""A name in mixed case, then the body's initials: "A Armstrong EDC", "George Freeman A&B"."""

_SENTENCE_STARTS = re.compile(
    r"(?<!\s)\s+(?=(?:Motion|Moved|Meeting|Minutes|Pledge|Approval|Public|Roll\s+call|The|This|It)\b(?:\s+[a-z]|$))"
)


def _before_sentence(part: str) -> str:
    """A list run into the text after it ("Dean Walker Motion made by SH to accept …"): the name only."""
    cut = _SENTENCE_STARTS.search(part)
    if cut and _name_like(part[: cut.start()]):
        return part[: cut.start()]
    return part


def _with(person: ListedPerson, **changes: Any) -> ListedPerson:
    person = replace(person, **changes)
    if "role" in changes:
        role = person.role
        officer = _officer(role)
        member = person.member or (
            bool({w.lower() for w in re.findall(r"[A-Za-z]+", role)} & _MEMBER_WORDS) and not officer
        )
        chair = person.chair or bool(_CHAIR_NOTE.match(role) and not _VICE.search(role))
        person = replace(person, officer=officer, member=member, chair=chair)
    return person


def _person(part: str, group_title: str) -> ListedPerson | None:
    """One entry of a list as a person: the name, the role printed around it, the notes in brackets."""
    part = part.strip()
    if _ORGANISATION_NAME.fullmatch(re.sub(r"(?<!\s)\s*+\([^()]*+\)", "", part).strip()):
        return None  # "Taybridgehead Community Police": a body sent its apologies, not a person
    entry = grammar.read_entry(part)
    notes = entry.notes
    name, role = _name_in_brackets(re.sub(r"(?<!\s)\s*\([^()]*\)", "", part).strip(), notes)
    chair = entry.chair
    dashed = _role_after_dash(name) or _role_before_dash(name)
    if dashed:
        name, role = dashed
        chair = chair or bool(_CHAIR_NOTE.match(role) and not _VICE.search(role))
    elif reason := _REASON_AFTER_DASH.match(name):
        if _name_like(reason.group("name")):
            name, notes = reason.group("name"), (*notes, reason.group("reason"))
    represents = _REPRESENTATIVE.match(name)
    represents = represents if represents and _name_like(represents.group("name")) else None
    if represents:
        # "Madras Representative Jamie Orr": someone who speaks for another body, not a member nor the group's
        name, role, group_title = represents.group("name"), represents.group("role"), ""
    for step in (_office_before_name, _role_after_name, _role_words_before_name):
        found = step(name)
        if found:
            name, role = found
    if not _name_like(name):
        return None
    if group_title and not _SINGLE_TITLE.match(name) and not (role and _officer(role)):
        name = f"{group_title} {name}"  # not "Councillors …, P Marsh Clerk J Cole": the clerk is no councillor
    named = grammar.read_entry(name)
    member = named.has_title(grammar.TitleKind.MEMBER) or named.has_title(grammar.TitleKind.BOARD)
    vice = [n for n in notes if _VICE.search(n)]
    # "B. Westlake-Power (Secretary)": a job in brackets says the person attends as an officer.
    office = [n for n in notes if _officer(n) and not _VICE.search(n)]
    role = role or (office[0] if office else "")
    person = ListedPerson(
        name=name,
        role=role or (vice[0] if vice else ""),
        chair=chair,
        member=member,
        titles=named.titles,
        honours=named.honours,
        notes=notes,
    )
    person = _with(person, role=role) if role else person
    # "PC Dunn (Police Scotland)", "PCSO A Hale": the police attend; they are no members
    police = (
        _POLICE_TITLE.match(name)
        or any(re.search(r"(?i)\bpolice\b", n) for n in notes)
        or any(t in vocabulary.MILITARY_RANKS for t in named.titles)  # "Wg Cdr N Clayton": there for the base
    )
    # "Martin Kay (Leuchars Station)", "Jo Bell (Elm Primary School)": someone there for another body
    elsewhere = (
        any(_ORGANISATION_NOTE.search(n) for n in (*notes, person.role))
        and not person.chair
        and not _VICE.search(person.role)
    )
    return replace(person, officer=True, member=False) if represents or police or elsewhere else person


_BODY_ENDINGS = "police|council|school|station|trust|association|society|club|ltd|limited|plc|partnership"
"""Last words of a body's name that no person's surname is."""
_ORGANISATION_NOTE = re.compile(
    rf"(?i)^(?:[A-Z][\w'’&.-]*\s+){{1,5}}(?:{_BODY_ENDINGS}|academy|college|university|church|surgery|practice|"
    r"hospital|company|federation|agency|charity|centre|housing|developments?|homes|estates?|services|police\s+scotland)$"
)
"""A note beside a name naming the body the person came for: "(Leuchars Station)", "(Elm Primary School)"."""
_ORGANISATION_NAME = re.compile(
    rf"^(?!(?i:mr|mrs|ms|miss|dr|cllr|councillor|rev|prof)\b)(?i:[A-Z][\w'’&-]*+\s++){{1,4}}(?i:{_BODY_ENDINGS})$"
)
"""A body's name where a person's would be: "Taybridgehead Community Police", "Elm Primary School"."""
_POLICE_TITLE = re.compile(r"(?:PC|PCSO|Sgt|Sergeant|Insp|Inspector)\.?\s+[A-Z]")
_REPRESENTATIVE = re.compile(r"^(?P<role>(?:[A-Z][\w'’&-]*\s+){0,3}(?:Representative|Rep)\.?)\s+(?P<name>[A-Z].*)$")
"""Someone who represents another body, before their name: "Youth Representative Amy Orr", "School Rep J Hale"."""


def _name_in_brackets(outside: str, notes: Sequence[str]) -> tuple[str, str]:
    """(name, role): "Director of Services (Mr. G. Daly)": the name is in the brackets, the office outside."""
    inner = next((n for n in notes if re.match(rf"^(?:{_TITLE})\s+\S", n.strip(), re.IGNORECASE) and _name_like(n)), "")
    if inner and not (_SINGLE_TITLE.match(outside) and _name_like(outside)):
        return inner.strip(), outside
    return outside, ""


_REASON_AFTER_DASH = re.compile(
    r"^(?P<name>[^–—]+?)(?<!\s)\s+[–—-]\s+(?P<reason>(?:[a-z]|(?i:holiday|work|ill|illness|unwell|family|personal|"
    r"business|medical|prior|other|away|bereavement|caring|child)\b)[^–—]*)$"
)
"""A name, a dash and why they were away: "Cllr Gray – holiday", "Mrs A Pink - Work commitments"."""


def _role_after_dash(text: str) -> tuple[str, str] | None:
    """ "Cllr Smith – Chairman", "Jane Bloggs - Clerk": (name, role) when a role follows a dash."""
    dashed = re.match(r"^(?P<name>.+?)(?<!\s)\s+[–—-]\s+(?P<role>[^–—]+)$", text)
    if (
        dashed
        and _name_like(dashed.group("name"))
        and (
            _is_role(dashed.group("role"))
            or _CHAIR_NOTE.match(dashed.group("role").strip())
            or _ORGANISATION_NOTE.search(dashed.group("role").strip())  # "Cllr T Black – Fife Council"
            or _AREA_NOTE.fullmatch(dashed.group("role").strip())  # "Jo Griffith – Mineral District", "– JABA"
        )
    ):
        return dashed.group("name"), dashed.group("role").strip()
    return None


_AREA_NOTE = re.compile(
    r"\A(?:(?:[A-Z][\w'’.&-]*+\s++){1,4}(?i:district|ward|division|precinct|parish|township|county|borough)"
    r"|[A-Z]{2,6}(?:\s++[A-Z]{2,6})?)\Z"
)
"""A note after a dash naming whom a member stands for: an area ("Mineral District", "Mountain Rd District") or a
body by its initials ("JABA")."""


def _role_before_dash(text: str) -> tuple[str, str] | None:
    """ "Chairman – Cllr John Smith", "Clerk - Mrs E Black": (name, role) when a role comes first."""
    dashed = re.match(r"^(?P<role>[^–—]+?)(?<!\s)\s+[–—-]\s+(?P<name>[^–—]+)$", text)
    if (
        dashed
        and (_is_role(dashed.group("role")) or _CHAIR_NOTE.match(dashed.group("role")))
        and _name_like(dashed.group("name"))
        and not _is_role(dashed.group("name"))
    ):
        return dashed.group("name").strip(), dashed.group("role").strip()
    return None


def _office_before_name(text: str) -> tuple[str, str] | None:
    """ "Town Clerk Geraint Thomas", "Deputy Mayor J.Gilasbey": (name, office) for an office before the
    name (not a title such as Councillor)."""
    if _SINGLE_TITLE.match(text):
        return None
    words = text.split()
    for k in range(min(3, len(words) - 1), 0, -1):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if _PERSONAL_TITLE.fullmatch(words[k - 1]):
            continue  # "Chair Cllr J Pym": the office is "Chair", "Cllr" is the name's title
        named_office = k >= 2 and _office_named(head)  # "Library Director Sandy Whitmer": an office by its last word
        if all(w[:1].isupper() for w in words[:k]) and (_is_role(head) or named_office) and _name_like(tail):
            return tail, head
    return None


def _role_after_name(text: str) -> tuple[str, str] | None:
    """ "Mr D L Nicholson Deputy Parish Clerk", "Mr D Iley Admin/Finance Office", "P Marsh vice-chair":
    (name, role) for a role after the name, no comma."""
    words = text.split()
    for k in range(max(1, len(words) - 5), len(words)):
        name, trail = " ".join(words[:k]), " ".join(words[k:])
        if not re.fullmatch(r"(?:(?:[A-Z][\w/’'-]*|of|the|and)\s*)+|[a-z]+(?:-[a-z]+)?", trail):
            continue
        if _name_like(name) and _is_role(trail) and not _is_role(name):
            return name, trail
    return None


def _role_words_before_name(text: str) -> tuple[str, str] | None:
    """ "supervisors Dick Dillon", "treasurer Ray Barnes", "guests Marv": (name, role) for role words
    before what is not yet a name."""
    if _name_like(text):
        return None
    lead = re.match(r"^(?P<role>(?:[a-z][\w-]*\s+){1,3})(?P<name>[A-Z].*)$", text) or re.match(
        r"^(?P<role>(?:[A-Z][a-z-]+\s+){1,3})(?P<name>(?:[A-Z]\.?\s*)*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]+)*)$",
        text,
    )
    if lead and _is_role(lead.group("role")) and _name_like(lead.group("name")):
        return lead.group("name"), lead.group("role").strip()
    return None


def _share_surnames(people: list[ListedPerson], text: str) -> list[ListedPerson]:
    """ "Marv and Sue Forbragd": a lone first name joined by "and" to a full name shares its surname."""
    out = list(people)
    for n in range(len(out) - 1):
        first, second = out[n], out[n + 1]
        if (
            len(first.name.split()) == 1
            and len(second.name.split()) == 2
            and not _SINGLE_TITLE.match(first.name)
            and not _SINGLE_TITLE.match(second.name)  # "Matarrese and Mayor Johnson": two surnames
        ):
            if re.search(rf"\b{re.escape(first.name)}\s+(?:and|&)\s+{re.escape(second.name)}\b", text):
                out[n] = _with(first, name=f"{first.name} {second.name.split()[1]}")
    return out


# --- blocks and sentences ------------------------------------------------------------------------


_WELSH_AFTER_LABEL = re.compile(
    r"^(?P<label>[A-Za-z][A-Za-z ]{2,30}?)\s*/\s*(?:(?:hefyd\s+)?yn\s+)?(?:bresennol|presennol|ymddiheuriadau|mynychu)\b\s*:?",
    re.IGNORECASE,
)
"""An English label with its Welsh after it: "Present / Bresennol Cllr J Pym" reads as "Present: Cllr J Pym"."""


_NESTED_LABEL = re.compile(r"^(?P<label>present|absent|members\s+present)\s*:\s*", re.IGNORECASE)


def _house_label(text: str) -> tuple[str, str] | None:
    """A label the site's house style knows (a correction showed names listed under it)."""
    attendance = housestyle.current_attendance()
    if not attendance:
        return None
    for role, labels in attendance.labels.items():
        for label in sorted(labels, key=len, reverse=True):
            if text.lower().startswith(label.lower()) and len(text) > 0:
                rest = text[len(label) :]
                if rest and not re.match(r"^[\s:\-–—]", rest):
                    continue
                return role, rest.lstrip(" :-–—\t")
    return None


def label_of(text: str) -> tuple[str, str] | None:
    """(role, rest of the line) when `text` opens with an attendance label."""
    learned = _house_label(text.strip())
    if learned:
        return learned
    return _printed_label(text.strip())


@remembered
def _printed_label(text: str) -> tuple[str, str] | None:
    """(role, rest of the line) when the line opens with a label papers print, whatever the house
    style: a pure function of the line, asked of it by many rules."""
    stripped = _WELSH_AFTER_LABEL.sub(r"\g<label>:", english_side(text.strip()), count=1)
    for role, pattern in LABELS:
        match = pattern.match(stripped)
        if not match:
            continue
        rest = stripped[match.end() :]
        rest = re.sub(r"^\s*(?:were|was)?\s*(?::-?|-|–|—|\.(?=\s))?\s*", "", rest)
        inner = _NESTED_LABEL.match(rest)
        if inner:
            # "ROLL CALL - Present: Councilmembers …": the label under the label says what the list is.
            role = ABSENT if inner.group("label").lower().startswith("absent") else role
            rest = rest[inner.end() :]
        rest = re.sub(r"(?<!\s)\s*[-–—]\s*\d{1,2}\.?$", "", rest)  # "Mayor Johnson - 5.": the head count
        bare_line = not stripped[match.end() :].strip(" :-–—")
        # A bare word ("Members", "Staff", "Apologies") is a label only on a line of its own or before a colon.
        after = stripped[match.end() :]
        if (
            not bare_line
            and not re.match(r"^\s*(?::|-\s|–|—|were\b|was\b)|^\.\s|^-(?=[A-Z])", after)
            and not _titled_after(stripped, match)
            and not inner
        ):
            continue
        return role, rest
    for role, pattern in _LABEL_WORDS:
        match = pattern.match(stripped)
        if match and _column_headings(stripped[match.end() :]):
            return role, ""  # "Roll Call | Name | Present": a table's heading row
    noise = _MARGIN_NOISE.match(stripped)
    if noise and ":" in stripped[noise.end() : noise.end() + 40]:
        return _printed_label(stripped[noise.end() :])  # "12 Commissioners Present: …": a scan's line numbers
    return None


_MARGIN_NOISE = re.compile(r"^(?:(?!(?:No|Not|Non)\s)(?:\d{1,3}|[A-Z]{1,4}|[A-Z][a-z]{1,2})\s++){1,3}+(?=[A-Z])")
"""What a scanned page's margin leaves before a line's first word: its line numbers, read as figures or as
a few letters ("46", "WN NMP Oma")."""


def _titled_after(text: str, label: re.Match[str]) -> bool:
    """A label of two words or more, or "Present" or "Apologies", printed without its colon before a titled
    name: "In Attendance Councillor B Orr, Councillor T Hale" (a bare "Members" or "Staff" is no label so)."""
    words = text[: label.end()].split()
    rest = text[label.end() :].strip()
    if len(words) >= 2 and _OFFICE_THEN_NAME.match(rest):
        return True  # "In Attendance Clerk, Jenny Hale": an officer named after their office
    if len(words) == 1 and words[0].lower() == "members" and _MEMBER_TITLED.match(rest):
        return True  # "Members Cr Graham Pearce Shire President": a table's label cell run into its first name
    return (len(words) >= 2 or re.match(r"(?i)present|apologies", words[0]) is not None) and bool(
        _OPENS_TITLED.match(rest)
    )


_MEMBER_TITLED = re.compile(
    rf"(?:{alternation((*vocabulary.MEMBER_TITLES, *vocabulary.MEMBER_GROUP_TITLES, *vocabulary.BOARD_MEMBER_TITLES, *vocabulary.BOARD_GROUP_TITLES))})"
    r"\.?\s+[A-Z]"
)
"""A member's title opening a name: what a bare "Members" may stand before, as a label."""


_OFFICE_THEN_NAME = re.compile(_OFFICER_BY_OFFICE)
_CLAUSE_END = re.compile(
    r"(?<![A-Z])" + "".join(rf"(?<!\b{re.escape(t)})" for t in vocabulary.ABBREVIATED_TITLES) + r"\.\s+"
    r"|(?<!\s)\s+[–—-]\s+|;"
)
"""Where the names of a clause end: a full stop (not an initial's, nor a title's: "Cllr. Clive Shore"), a
spaced dash or a semicolon."""


_TITLE_DOT = r"(?<=\b[A-Z])\.|" + "|".join(rf"(?<=\b{re.escape(t)})\." for t in vocabulary.ABBREVIATED_TITLES)
"""The full stop of an initial or of a title printed short ("Mr.", "Cllr."), which ends no sentence of names."""
_MEMBER_TITLE = alternation((*vocabulary.MEMBER_TITLES, *vocabulary.MEMBER_GROUP_TITLES))
"""A member's title in a sentence: "Councillor", "Cllrs", "Cr", "Mayor"."""
_NAMED_TITLE = alternation((*vocabulary.MEMBER_TITLES, *vocabulary.PERSONAL_TITLES))
"""Any title before a name in a sentence: a member's or a personal one."""
_APOLOGIES_BEFORE_COLON = re.compile(r"^[^:]{0,40}\bapolog[^:]{0,40}:\s*(?P<names>\S.*)$", re.IGNORECASE)
"""A line of an apologies item naming who sent them after a colon: "Apologies received and accepted: Cllr X"."""
_APOLOGY_SENTENCE = re.compile(
    r"\bapolog(?:y|ies)\s+(?:for\s+(?:absence|their\s+absence|lateness)\s+)?(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+)?"
    rf"(?:(?:received|recorded|submitted|tendered|given|noted|accepted|reported|intimated|offered)\s+)?(?:and\s+(?:accepted|noted)\s+)?(?:from|by)\s+(?P<names>(?:[^.;]|{_TITLE_DOT})+)",
    re.IGNORECASE,
)
_SENT_APOLOGIES = re.compile(
    r"(?<=\S)\s+(?:(?:had|has|have)\s+)?(?:(?:sent|gave|given|offered|tendered|submitted)\s+(?:their\s+|his\s+|her\s+|an\s+)?apolog(?:y|ies)\b"
    r"|apologi[sz]ed\b)(?!\s+(?:to|for\s+the)\b)"
    r"|(?<=\S)\s+(?:was|were)\s+unable\s+to\s+attend\b(?!\s+(?:the|a|an|any)\s+(?!meeting\b))",
    re.IGNORECASE,
)
"""Apologies sent, told in a sentence: "Cllr Gray sent apologies", "… Cllr Pink had sent their apologies", "Cllr
Hale had apologised as …", "Cllr Orr and Cllr Nye were unable to attend" (not "sent apologies to the resident", nor
"for the delay", nor "unable to attend the training"); who sent them is read back from the verb."""


_AFTER_NAMES = frozenset({"also", "both", "all", "too", "each", "likewise"})
"""Words between the names and "sent apologies" ("Councillor Grey also sent apologies")."""


_CLAUSE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bCllr)[.;:!?](?:\s|$)")


def sent_apologies(text: str) -> list[list[ListedPerson]]:
    """For each "… sent apologies" in `text`, the people named just before it, in the same clause."""
    out = []
    for verb in _SENT_APOLOGIES.finditer(text):
        # (an initial's or a title's stop ends no clause: "Cllr Mrs F. Chapman had sent an apology")
        clause = _CLAUSE_END.split(text[max(0, verb.start() - 120) : verb.start()])[-1]
        words = clause.split()
        while words and words[-1].lower() in _AFTER_NAMES:
            words.pop()  # "Councillor Grey also sent apologies"
        clause = " ".join(words)
        people = people_in(_trailing_names(clause))
        if people:
            out.append(people)
    return out


_PRESENT_SENTENCE = re.compile(
    r"\b(?P<who>(?:board\s+|committee\s+|council\s+)?members\s+(?:present|in\s+attendance)|those\s+present|present|also\s+present"
    r"|also\s+in\s+attendance|in\s+attendance)"
    rf"\s+(?:were|was)\s*:?\s*(?P<names>[A-Za-z](?:[^.]|{_TITLE_DOT})*)",
    re.IGNORECASE,
)
_THERE_WERE_PRESENT = re.compile(  # "… with the following members present: Chairman John Park, …" too
    r"\b(?:there\s+were\s+(?:also\s+)?present|with\s+the\s+following\s+(?:[a-z]+\s+){0,2}?present)"
    rf"\s*:?\s*(?P<names>[A-Za-z](?:[^.]|{_TITLE_DOT})*)",
    re.IGNORECASE,
)
_NAMES = r"(?P<names>[A-Z][\w.'’-]{0,40}+(?:(?:\s*+,\s*+|\s++)(?:(?:and|&)\s++)?+(?:[A-Z]\.\s*+){0,4}+[A-Za-z][\w'’/-]{0,40}+){0,40}?)"
_ATTENDED_BY = re.compile(r"\b(?:meeting\s+)?was\s+attended\s+by\s+(?P<names>[^.]+)", re.IGNORECASE)
""""The meeting was attended by Cllrs Hale (Chair), Orr and Nye; the Clerk Mrs Bell; and 5 members of the public"."""
_WITH_PRESENT = re.compile(
    rf"\bwith\s+{_NAMES}(?:,?\s+and\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:guests?|visitors?|members\s+of\s+the\s+public|residents?))?\s+present\b"
)
""""called to order at 7:00 pm, with Fales, Crockett, Wray and 6 guests present"."""
_WERE_PRESENT = re.compile(
    rf"(?:^|[:.;]\s*){_NAMES}\s+(?:were|was)\s+(?:all\s+)?(?:present|(?P<attending>in\s+attendance))\b"
    r"(?P<beside>\s+(?:from|for|representing|on\s+behalf\s+of)\b)?"
)
""""Roll call was taken: Joseph Leigeb, Sheila Mesler and Gary Elza were present."""
_WAS_ABSENT = re.compile(rf"(?:^|[:.;]\s*){_NAMES}\s+(?:were|was)\s+(?P<how>absent|excused)\b")
""""Susan Ensign was absent.", "Trustee Hale was excused."."""
_RECEIVED_FROM = re.compile(
    rf"\b(?:were|was|have\s+been|had\s+been)\s+(?:received|tendered|submitted)\s+from\s+(?P<names>(?:[^.;]|{_TITLE_DOT})+)",
    re.IGNORECASE,
)
_CALLED_BY = re.compile(
    r"\b(?:called|brought)\s+(?:the\s+meeting\s+)?to\s+order\s+(?:at\s+[\d:.]+\s*(?:[ap]\.?\s*m\.?)?\s+)?by\s+(?:the\s+)?"
    r"(?:(?P<office>Supervisor|(?:Vice[- ])?Chair(?:man|woman|person)?|(?:Vice[- ])?President|Mayor|Reeve|Warden|Presiding\s+Officer|Trustee|Commissioner|"
    r"Councillor|Cllr|Councilmember|Council\s+Member|Alderman|Alderperson|First\s+Selectman)\.?,?\s+)?"
    r"(?P<name>(?:[A-Z]\.\s*)*[A-Z][\w.'’-]*(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+){0,2})"
)
""""called to order by Supervisor Liccar", "… by Joseph Leigeb, chairperson at 6:30", "… by Supervisor, David Leonard"."""


def _called_to_order_by(text: str) -> str:
    found = _CALLED_BY.search(text)
    if not found:
        return ""
    name = found.group("name")
    stopped = name.endswith(".") and not re.search(r"\b[A-Z]\.$", name)
    name = name[:-1] if stopped else name  # "… by Trustee Picha.": the sentence's full stop ends the name
    if len(name.split()) == 1 and not stopped and not text[found.end() :].strip():
        return ""  # "… by Mayor Tim" at a line's end: the name may go on on the next line
    if found.group("office") and len(name.split()) == 1:
        name = f"{found.group('office').rstrip(',.')} {name}"  # "Supervisor Liccar": the office is the title
    return name if _name_like(name) and not _is_role(name) else ""


_SPEAKER_OPENS = re.compile(
    r"(?m)^(?P<name>(?:Mayor|Chair(?:man|woman|person)?|President|Reeve|Warden)[ \t]++[A-Z][\w'’-]*+(?:[ \t]++[A-Z][\w'’-]*+){0,2}+)"
    r"[ \t]*+:[ \t]++[^\n:]{0,200}?\bcall(?:ing)?\s++(?:the|this)\s++(?:\w++\s++){0,3}?(?:meeting|session)\s++to\s++order\b"
)
""""Mayor Vale: Good morning. I'd like to call the meeting to order.": a transcript's speaker who opens the meeting."""

_CHAIR_SENTENCES = (
    re.compile(
        rf"\b(?:with|by)\s+(?P<name>(?:{_NAMED_TITLE}\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}})\s+in\s+the\s+chair\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:Chair(?:man|person)?|Mayor|President|Presiding\s+Officer)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?:called|opened|declared|welcomed|convened|presided)"
    ),
    re.compile(
        rf"\bThe\s+Chair\s*(?:Person|man|woman)?,\s+(?:the\s+[\w ]{{2,30}},\s+)?(?P<name>{_MEMBER_TITLE}\.?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})"
    ),
    re.compile(
        rf"(?<![\w.'’-])(?P<name>(?:{_NAMED_TITLE}\.?\s+)?[A-Z][\w.'’-]{{0,40}}+(?:\s+[A-Z][\w.'’-]{{0,40}}+){{0,3}})"
        r"(?:\s+\([^()]{1,30}\))?\s+(?:(?:took|was\s+in|assumed|occupied)\s+the\s+(?i:chair)\b|chaired\s+the\s+(?:meeting|proceedings)\b)"
    ),
    # "The Convenor (Watson Robinson) opened the meeting"
    re.compile(
        rf"\b[Tt]he\s+(?i:chair(?:man|woman|person)?|conven[eo]r|president)\s+\((?P<name>(?:{_NAMED_TITLE}\.?\s+)?"
        r"(?:[A-Z]\.?\s+){0,3}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\)\s+(?:welcomed|opened|called|declared|presided|convened)\b"
    ),
    # "The Chair, Anne Orr, welcomed …", "opened by the Chairman, Mr A Orr, at 7pm"
    re.compile(
        rf"\b[Tt]he\s+(?i:chair(?:man|woman|person)?|conven[eo]r),\s+(?P<name>(?:{_NAMED_TITLE}\.?\s+)?(?:[A-Z]\.?\s+){{0,3}}[A-Z][\w'’-]+"
        r"(?:\s+[A-Z][\w'’-]+){0,2}),"
    ),
    # "Anne Orr (Chair) welcomed everyone", "Cllr Orr, Chairman, opened the meeting"
    re.compile(
        rf"(?<![\w.'’-])(?P<name>(?:{_NAMED_TITLE}\.?\s+)?(?:[A-Z]\.?\s+){{0,3}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})"
        r"(?:\s+\((?i:chair(?:man|woman|person)?)\)|,\s+(?i:chair(?:man|woman|person)?),)\s+"
        r"(?:welcomed|opened|called|declared|thanked|presided|convened)\b"
    ),
    re.compile(
        rf"(?P<name>{_MEMBER_TITLE}\.?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})\s+(?:be|was|is)\s+(?:duly\s+)?(?:appointed|elected)\s+(?:as\s+)?(?:the\s+)?(?<!vice\s)Chair(?:man|woman|person)?\b(?![^.]*\bvice)"
    ),
    re.compile(
        rf"(?P<name>{_MEMBER_TITLE}\.?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})\s+was\s+(?:duly\s+|unanimously\s+)?"
        r"(?:elected|appointed|nominated)\s+(?:to\s+the\s+chair|to\s+chair\s+(?:the|this)\s+meeting|"
        r"as\s+(?:the\s+)?chair(?:man|woman|person)?\s+(?:for|of)\s+(?:the|this)\s+meeting)"
    ),
    # "The Mayor, Cr J Bloggs, declared the meeting open at 9.02am."
    re.compile(
        rf"\b[Tt]he\s+(?i:mayor|president|reeve|warden|chair(?:man|woman|person)?),\s+(?P<name>(?:{_NAMED_TITLE}\.?\s+)?"
        r"(?:[A-Z]\.?\s+){0,3}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),?\s+"
        r"(?:declared\s+the\s+(?:\w+\s+){0,2}meeting\s+open|opened\s+the\s+meeting|presided|called\s+the\s+meeting\s+to\s+order)\b"
    ),
    _SPEAKER_OPENS,
    # "The Cathaoirleach, Councillor V. Cawley presided."
    re.compile(
        rf"\b(?:Chair(?:man|person)?|Cathaoirleach|Mayor|President),?\s+(?P<name>{_NAMED_TITLE}\.?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})\s+presided\b"
    ),
    re.compile(rf"(?P<name>{_MEMBER_TITLE}\.?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})\s+presided\b"),
    # "Trustee Picha called the meeting to order at 7:03 p.m.": whoever calls the meeting to order presides
    re.compile(
        rf"(?:^|[–—:-]\s+|[.;]\s+)(?P<name>(?:{_NAMED_TITLE}|{_MEMBER_TITLE}|Supervisor|Trustee|Commissioner|President|Mayor|Reeve)\.?\s+"
        r"(?:[A-Z]\.\s*){0,3}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+called\s+(?:the|this)\s+(?:\w+\s+){0,3}(?:meeting|hearing|session)\s+to\s+order\b"
    ),
    # "The meeting was chaired by Cllr Orr."
    re.compile(
        rf"\b(?i:meeting\s+(?:was|being)\s+chaired\s+by)\s+(?P<name>(?:{_NAMED_TITLE}\.?\s+)?(?:[A-Z]\.?\s*){{0,3}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})"
    ),
)


def _house_chair(text: str) -> str:
    """The name after a cue the site's house style knows ("called to order by Supervisor")."""
    attendance = housestyle.current_attendance()
    for cue in attendance.chair_cues if attendance else ():
        found = re.search(
            re.escape(cue) + r"\s*,?\s+(?P<name>(?:[A-Z]\.\s*)*[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s*)*[A-Z][\w'’-]+){0,2})",
            text,
            re.IGNORECASE,
        )
        if found and _name_like(found.group("name")):
            return found.group("name")
    return ""


_MODERATOR = re.compile(
    r"\b(?:elect|elected|appoint|appointed|nominate|nominated)\s+(?P<name>(?:[A-Z]\.\s*){0,2}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
    r"\s+(?:as\s+)?(?:the\s+)?(?i:moderator)\b"
    # "It was moved and seconded that Jake Myers be elected as moderator."
    r"|\b(?:that\s+)(?P<named>(?:[A-Z]\.\s*){0,2}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:be|was|is)\s+"
    r"(?:duly\s+)?(?:elected|appointed|chosen)\s+(?:as\s+)?(?:the\s+)?(?i:moderator)\b"
)
""""made a motion to elect Tim Miller as moderator": the person chosen to preside over a town meeting."""


def chair_in_sentence(text: str) -> str:
    """The person a sentence says took or held the chair, or ""."""
    learned = _house_chair(text)
    if learned:
        return learned
    called = _called_to_order_by(text)
    if called:
        return called
    for pattern in _CHAIR_SENTENCES:
        match = pattern.search(text)
        if match:
            name = match.group("name").strip()
            if _VICE.search(text[max(0, match.start() - 12) : match.start()]):
                continue
            if _name_like(name):
                return name
    return ""


_NEVER_A_MEMBER = re.compile(
    r"(?i)\b(?:engineer|attorney|solicitor|lawyer|manager|director|officer|administrator|assistant|deputy\s+clerk|planner|"
    r"auditor|accountant|consultant|superintendent|inspector)\b"
)
"""An office no member of the body holds: "Todd McLouth, Township Engineer" under "Board Members Present:" attends."""


def _place(found: AttendanceFound, role: str, people: Sequence[ListedPerson], explicit_members: bool) -> None:
    for person in people:
        if person.absent and role in (PRESENT, MEMBERS, CHAIR, IN_ATTENDANCE):
            # Marked absent in a list of those present: excused is an apology; absent alone is neither.
            if person.absent == "excused":
                found.add(found.apologies, [person.name])
            found.notes.append(f"{person.name} marked {person.absent} in a list of those present")
            continue
        if role == APOLOGIES or (role == ABSENT and person.absent == "excused"):
            # "Absent: Sam Black (apologies sent), Tom Grey": an absence with apologies is an apology
            found.add(found.apologies, [person.name])
        elif role == IN_ATTENDANCE:
            found.add(found.in_attendance, [person.name])
        elif role in (PRESENT, MEMBERS, CHAIR):
            if person.officer and (not explicit_members or _NEVER_A_MEMBER.search(person.role)) and role != CHAIR:
                found.add(found.in_attendance, [person.name])
            else:
                found.add(found.present, [person.name])
            if (person.chair or role == CHAIR) and not found.chair:
                found.chair = person.name
                found.chair_how = "label" if role == CHAIR else "mark"
            elif person.chair and _fuller_chair(found, person):
                # "Chair Colley called the meeting to order" / "Dwight Colley (Chair), …": the list's full name
                found.chair, found.chair_how = person.name, "mark"
            elif _VICE.search(person.role) and not person.chair and not found.vice_chair:
                found.vice_chair = person.name
            for note in (english_side(n).strip() for n in person.notes):
                if _PRESIDING_NOTE.fullmatch(note):  # "(Mayor)", "(Maer / Mayor)"
                    found.offices.setdefault(note.lower(), person.name)


_PRESIDING_NOTE = re.compile(r"(?i)mayor|reeve|warden|president|cathaoirleach|provost|convenor")
"""An office noted beside a member that presides over the body's meetings: "Cr K Brennan (Mayor)"."""


def _fuller_chair(found: AttendanceFound, person: ListedPerson) -> bool:
    """Whether a list marks as chair, by a note beside the name, the person a sentence named by surname alone."""
    return (
        found.chair_how == "sentence"
        and len(_bare(found.chair).split()) == 1
        and len(_bare(person.name).split()) > 1
        and same_person(found.chair, person.name)
        and any(_CHAIR_NOTE.match(note) for note in person.notes)
    )


@dataclass(frozen=True, slots=True)
class _Scan:
    """What reading one stretch of a document holds fixed."""

    lines: Sequence[Line]
    shapes: Sequence[Shape]
    end: int
    flags: Mapping[str, str]
    meeting_day: tuple[int, int] | None
    labels_only: bool
    opening_end: int


def read_attendance(
    lines: Sequence[Line],
    start: int,
    end: int,
    shapes_: Sequence[Shape] | None = None,
    meeting_day: tuple[int, int] | None = None,
    labels_only: bool = False,
    opening_end: int = -1,
) -> AttendanceFound:
    """Attendance in lines[start:end] (a document's opening, and any items about attendance).

    `meeting_day` (day, month) picks the right list when one minute covers two meetings
    ("Site Inspection Meeting on 9 September:" / "Scheduled Meeting on 17 September:");
    without it, `needs_day` says whether the reading met such lists."""
    found = AttendanceFound()
    scan = _scan(lines, shapes_, start, end, meeting_day, labels_only, opening_end)
    i = start
    heading_open = False  # a "Present:" label with its list under sub-labels
    while i < end:
        i, heading_open = _read_at(scan, i, heading_open, found)
    _set_apart_outside_councillors(found)
    return found


def _scan(
    lines: Sequence[Line],
    shapes_: Sequence[Shape] | None,
    start: int,
    end: int,
    meeting_day: tuple[int, int] | None,
    labels_only: bool,
    opening_end: int,
) -> _Scan:
    """What reading lines[start:end] holds fixed: the lines as read (a row's cell bars set aside), the legend of
    its flags."""
    cells = [_without_cell_bars(shape) for shape in (shapes_ or line_shapes(lines))]
    return _Scan(lines, cells, end, _flag_legend(cells, start, end), meeting_day, labels_only, opening_end)


def _flag_legend(shapes_: Sequence[Shape], start: int, end: int) -> dict[str, str]:
    """What a legend says each flag of a flagged list means: "A = Apologies", "Ab - Absent"."""
    flags: dict[str, str] = {}
    for k in range(start, end):
        legend = _FLAG_LEGEND.match(shapes_[k].text)
        if legend:
            meaning = legend.group("meaning").lower()
            flags[legend.group("flag")] = (
                APOLOGIES
                if "apolog" in meaning
                else ABSENT
                if "absent" in meaning
                else PRESENT
                if "present" in meaning
                else ""
            )
    return flags


_FOLLOWING_WERE_PRESENT = re.compile(r"^(?:the\s+)?following\s+(?:\w+\s+){0,2}were\s+present\s*[:-]", re.IGNORECASE)
""""The following councillors were present: …": a label, though it reads as a sentence."""


_ATTENDING = re.compile(r"^(?:attending|attendees)\b", re.IGNORECASE)
"""Labels that list those present where nobody is yet listed, and those attending beside the members after them
("Attendance:" is not one: it is often the end of an "Also in / Attendance:" a flattened page broke in two)."""


def _labelled_were_present(labelled: tuple[str, str] | None) -> bool:
    """ "Commissioners Present: President A Hale, Secretary B Orr and C Nye were present.": a labelled list that
    ends as a sentence is the label's list (its offices are the members')."""
    return bool(labelled and labelled[0] in (PRESENT, MEMBERS) and re.search(r"(?i)\bwere\s+present\.?$", labelled[1]))


def _says_who_attended(text: str) -> bool:
    return any(
        pattern.search(text)
        for pattern in (
            _APOLOGY_SENTENCE,
            _SENT_APOLOGIES,
            _PRESENT_SENTENCE,
            _THERE_WERE_PRESENT,
            _WITH_PRESENT,
            _WERE_PRESENT,
            _ATTENDED_BY,
        )
    )


def _read_at(scan: _Scan, i: int, heading_open: bool, found: AttendanceFound) -> tuple[int, bool]:
    """Read what starts at line i: a sentence, a labelled block, a bare list or a grid of names.
    Returns the next line to read and whether a bare "Present:" heading is still open."""
    line, shape = scan.lines[i], scan.shapes[i]
    if line.artefact or not shape.text:
        return i + 1, heading_open
    labelled, wrapped = _labels_at(scan, i)
    if (
        not scan.labels_only
        and _says_who_attended(shape.text)
        and not _FOLLOWING_WERE_PRESENT.match(shape.text)
        and not _labelled_were_present(labelled)
    ):
        _read_sentences(shape.text, found, i)
        return i + 1, heading_open
    if register := _register_table(scan, i, found) or _roll_lines(scan, i, found) or _vote(labelled, i):
        return register, False
    if wrapped:  # "Administrators | Dr. S. White, …; Mr. B." / "present: | Kessel, Assistant Superintendent"
        found.lines.add(i)
        return _read_block(scan, i + 1, wrapped[0], wrapped[1], found), False
    if labelled and (not scan.labels_only or not rest_is_prose(labelled[1])):
        role, rest = labelled
        if heading_open and _ELECTED_MEMBERS.match(shape.text):
            role = MEMBERS  # "PRESENT:" / "Chairperson: …" / "Elected Members: …": the body's own members
        if role == PRESENT and found.present and _ATTENDING.match(shape.text):
            role = IN_ATTENDANCE  # "Members: …" then "Attending: …": the others who came
        following = _read_block(scan, i, role, rest, found)
        chaired = _CHAIRED_AFTER.search(rest)
        if chaired and not found.chair:
            # "Members present: A Hale, B Orr. A Hale chaired the meeting."
            found.chair = chair_in_sentence(chaired.group(0).lstrip(". "))
            found.chair_how = "sentence" if found.chair else found.chair_how
        still_open = (role in (PRESENT, MEMBERS) and not rest and following == i + 1) or (
            heading_open and role == CHAIR
        )
        return following, still_open
    if scan.labels_only:
        return i + 1, False
    before = found.everyone()
    if i < scan.opening_end and _bare_list(shape.text, found, i):
        found.unlabelled_names |= found.everyone() - before
        return i + 1, False
    column = _titled_column(scan.shapes, i, min(scan.end, scan.opening_end))
    if column:
        names = [_TITLED_MEMBER.match(scan.shapes[k].text).group(0).strip() for k in column]  # type: ignore[union-attr]
        _place(found, MEMBERS, [p for name in names for p in people_in(name)], True)
        found.unlabelled_names |= found.everyone() - before
        found.lines.update(column)
        found.notes.append(f"members one to a line by their offices, with no label: {len(names)} names")
        return column[-1] + 1, False
    grid = _name_grid(scan.shapes, i, min(scan.end, scan.opening_end))
    if grid:
        names = [name for k in grid for name in _grid_names(scan.shapes[k].text)]
        found.add(found.present, names)
        found.unlabelled_names |= found.everyone() - before
        found.lines.update(grid)
        found.notes.append(f"names two to a line with no label: {len(names)} members")
        return grid[-1] + 1, False
    _read_sentences(shape.text, found, i)
    return i + 1, False


@dataclass(frozen=True, slots=True)
class ItemSpan:
    """An item of business as attendance needs it."""

    index: int
    """Its heading's first line."""
    body: int
    """The line after its heading."""
    stop: int
    """Where the next item starts."""
    title: str
    rest: str = ""
    """Text run on after the heading on its line ("Apologies for Absence: Margaret Christie, …")."""


_TITLE_LEAD = (
    r"(?:(?:the\s+)?(?:chair(?:man|woman|person)?['’]?s?\s+)?welcome,?\s+(?:(?:and|&)\s+)?)?"
    r"(?:(?:to\s+)?(?:receive|note|record|accept|consider)\s+(?:(?:and|&)\s+(?:accept|approve|note)\s+)?(?:any\s+)?)?"
)
"""What may come before an attendance item's subject: "To receive apologies", "Welcome and apologies", "Welcome and
to Receive and Accept Apologies for Absence"."""
ATTENDANCE_TITLE = re.compile(
    rf"^{_TITLE_LEAD}(?:present|attendance|record\s+of\s+attendance|members\s+present|apolog|those\s+present|roll\s+call|call\s+to\s+order)",
    re.IGNORECASE,
)
"""The title of an item about attendance: "Present", "Apologies for absence", "Roll call"."""
_APOLOGY_TITLE = re.compile(rf"{_TITLE_LEAD}apolog", re.IGNORECASE)


def read_further(
    seen: AttendanceFound,
    lines: Sequence[Line],
    shapes_: Sequence[Shape],
    items: Sequence[ItemSpan],
    reach: int,
    end: int,
    meeting_day: tuple[int, int] | None,
) -> None:
    """Attendance beyond the opening, added to `seen`: under items about attendance ("Apologies",
    "Present", "Roll call"), and, when the opening and those items name nobody, a labelled list
    anywhere in the document (a table the layout moved after the first items). `reach` is where
    the opening's reading stopped."""
    for item in items:
        if item.rest and ATTENDANCE_TITLE.match(item.title):
            # "3. APOLOGIES: Cr M Delahunty", "2. PRESENT: Cr K Brennan (Mayor), Cr L Tiernan, …"
            titled = label_of(item.title.strip().rstrip(":") + ":")
            role = APOLOGIES if _APOLOGY_TITLE.match(item.title) else titled[0] if titled and not titled[1] else ""
            read_text(item.rest, seen, item.index, role)
        if _APOLOGY_TITLE.match(item.title):
            read_apologies_item(lines, item.body, item.stop, seen, shapes_)
        if ATTENDANCE_TITLE.match(item.title) and (item.index >= reach or _first_unread(lines, item, seen)):
            # under a "Present" item (not an apologies one), a list without a label is the list of those present
            bare_lists = item.stop if not _APOLOGY_TITLE.match(item.title) else item.body
            seen.merge(read_attendance(lines, item.body, item.stop, shapes_, meeting_day, opening_end=bare_lists))
            titled = label_of(item.title.strip().rstrip(":") + ":")
            if titled and not titled[1] and _first_unread(lines, item, seen):
                # "a. Present" / "Watson Robinson | Convenor": the title is the label of the rows under it
                seen.merge(_read_under_title(lines, shapes_, item, titled[0], meeting_day))
    if not (seen.present or seen.apologies) and items:
        seen.merge(read_attendance(lines, reach, end, shapes_, meeting_day, labels_only=True))
    # from the line after the list, where the business may open before its first item was read
    first = (
        min(reach, items[0].index, 1 + max((k for k in seen.lines if k < items[0].index), default=len(lines)))
        if items
        else 0
    )
    if not seen.chair and seen.vice_chair and items:
        opening = " ".join(lines[k].text for k in range(first, min(len(lines), items[min(2, len(items) - 1)].stop)))
        if _VICE_PRESIDED.search(opening):
            # "A Cook (Vice Chair)" / "1. Welcome – The Vice Chair welcomed all those present": the vice-chair presided
            seen.chair, seen.chair_how = seen.vice_chair, "sentence"
            seen.notes.append(f"the vice-chair presided: {seen.vice_chair}")
    if not seen.chair and items:
        _chair_from_business(seen, [lines[k].text for k in range(first, end)])


_ELECTED_CHAIR = re.compile(
    rf"\bnominat(?:ed|es|e)\s+(?P<name>(?:{_NAMED_TITLE}\.?\s+)?(?:[A-Z]\.\s*){{0,3}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})"
    r"\s+(?:for|as)\s+(?:the\s+)?(?i:chair(?:man|woman|person)?)\b"
    r"(?!\s+(?:of|for)\s+(?!(?:this|the)\s+(?:committee|council|board|selectboard|meeting|year)\b))"
)
""""Cllr Hale nominated Cllr Orr for Chair …", "Stacey nominates Ann Orr for chair": the chair elected at the
meeting (a body's first meeting of the year), who presides over the rest of it."""
_ORDER_CALLED_BY = re.compile(
    r"^(?i:call(?:ed)?\s+to\s+order)\s*+[:–—-]\s*+"
    r"(?P<name>(?:Mayor|Chair(?:man|woman|person)?|President|Supervisor|Reeve|Warden)[ \t]++[A-Z][\w'’-]++(?:[ \t]++[A-Z][\w'’-]++){0,2}+)[ \t]*+$",
    re.MULTILINE,
)
""""Call to Order: Mayor Turner": the presiding officer named under the first item."""
_CLOSED_BY_CHAIR = re.compile(
    r"\b(?:President|Chair(?:man|woman|person)?|Mayor|Supervisor|Reeve|Moderator)\s+"
    r"(?P<name>(?:[A-Z]\.\s*){0,3}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+(?:adjourned|closed)\s+the\s+meeting\b"
)
""""President Ruiz adjourned the meeting at 9:23 p.m.": whoever closes the meeting by their office presided."""


_SIGNED_AS_CHAIR = re.compile(
    r"(?m)^(?P<name>(?:[A-Z]\.[ \t]?){0,3}[A-Z][\w'’-]++(?:[ \t]+[A-Z][\w'’.-]++){1,2}),[ \t]*"
    r"(?:(?:Interim|Acting|Temporary)[ \t]+)?Chair(?:man|woman|person)?[ \t]*$"
)
""""Kathy Swarthout, Interim Chair" on a line of its own, as minutes are signed: the chair who signed them."""


def _chair_from_business(seen: AttendanceFound, texts: Sequence[str]) -> None:
    """The chair, when the opening names none, from the business: the chair the meeting elected, else the
    presiding officer who closed it; named as the list of those present names them."""
    text = "\n".join(texts)
    for pattern, how in (
        (_ORDER_CALLED_BY, "called the meeting to order"),
        (_SPEAKER_OPENS, "called the meeting to order"),
        (_ELECTED_CHAIR, "elected at the meeting"),
        (_CLOSED_BY_CHAIR, "closed the meeting"),
        (_SIGNED_AS_CHAIR, "signed the minutes"),
    ):
        match = next(
            (m for m in pattern.finditer(text) if not _VICE.search(text[max(0, m.start() - 12) : m.start()])), None
        )
        if match and _name_like(match.group("name")):
            name = match.group("name")
            seen.chair = next((p for p in seen.present if same_person(name, p)), name)
            seen.chair_how = "sentence"
            seen.notes.append(f"the chair {how}: {seen.chair}")
            return
    office = _OFFICE_PRESIDED.search(text)
    if office is None:
        return
    holders = [p for p in seen.present if re.match(rf"(?i){office.group('office')}\s+[A-Z]", p)]
    noted = seen.offices.get(office.group("office").lower())
    holders = holders or ([noted] if noted in seen.present else [])
    if len(holders) == 1:
        # "The Mayor called the meeting to order" over "Council Present: Mayor D. Kowalczyk": the one who holds it
        seen.chair, seen.chair_how = holders[0], "sentence"
        seen.notes.append(f"the chair called the meeting to order by office: {seen.chair}")


_OFFICE_PRESIDED = re.compile(
    r"(?i)\bthe\s+(?P<office>mayor|reeve|warden|president|chair(?:man|woman|person)?|cathaoirleach|supervisor)\s+"
    r"(?:called\s+(?:the\s+)?(?:\w+\s+){0,2}meeting\s+to\s+order|declared\s+the\s+meeting\s+open|opened\s+the\s+meeting"
    r"|welcomed\s+(?:everyone|all|those\s+present|members)(?:\s+\w+){0,3}\s+to\s+the\s+meeting)"
)
"""The presiding officer named by the office alone: "The Mayor called the meeting to order"."""


_VICE_PRESIDED = re.compile(
    r"(?i)\bthe\s+vice[- ]?chair(?:man|woman|person)?\b[^.]{0,60}?\b(?:welcomed|opened|presided|chaired|"
    r"took\s+the\s+chair|was\s+in\s+the\s+chair)\b"
)


def _read_under_title(
    lines: Sequence[Line], shapes_: Sequence[Shape], item: ItemSpan, role: str, meeting_day: tuple[int, int] | None
) -> AttendanceFound:
    """The list under an item whose title is an attendance label, read as the label's block."""
    found = AttendanceFound()
    _read_block(_scan(lines, shapes_, item.body, item.stop, meeting_day, False, item.stop), item.index, role, "", found)
    found.lines.discard(item.index)  # the title stays the item's heading
    return found


def _first_unread(lines: Sequence[Line], item: ItemSpan, seen: AttendanceFound) -> bool:
    """Whether the first line under an item about attendance went unread: its list ("a. Present" / "Watson
    Robinson | Convenor"), though a later label under it ("Attending:") was read with the opening."""
    first = next((k for k in range(item.body, item.stop) if lines[k].is_content and not lines[k].artefact), -1)
    return first >= 0 and first not in seen.lines and first not in seen.sentence_lines


_ELECTED_MEMBERS = re.compile(r"^elected\s+members\b", re.IGNORECASE)


def _office_word(word: str) -> bool:
    """A word of an office or a body that a label may open with ("Council", "Members", "Administrators"), or of
    where they attended from ("Present in" / "Chamber:")."""
    word = word.lower()
    return word in ("present", "in", "also") or (
        word not in ("the", "of", "and", "for", "to", "an") and (word in ROLE_WORDS or word.rstrip("s") in ROLE_WORDS)
    )


_PLAIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'’ -]*:?")
"""Words alone, no figure: what a label is printed in."""


def _labels_at(scan: _Scan, i: int) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """The label line i prints (or its first cell holds), and the label wrapped over it and the next line."""
    wrapped = None if scan.labels_only else _wrapped_label(scan, i)
    if wrapped:  # ("Present in Alderman G Hutchinson (Chair)" reads as a label of its own, "Present")
        return None, wrapped
    return label_of(scan.shapes[i].text) or _label_cell(scan.lines[i].text), None


def _wrapped_label(scan: _Scan, i: int) -> tuple[str, str] | None:
    """A label printed in a narrow column, wrapped over two lines beside its names: "Council Members Mayor Ann
    Orr" over "Present: Deputy Mayor Bob Hale", "Administrators⇥Dr. S. White, …" over "present:⇥Kessel, …". The
    label's first words open line i and its last (with the colon) open the next line: (role, the names of both)."""
    if i + 1 >= scan.end or not scan.lines[i + 1].is_content:
        return None
    opened = _LABEL_END.match(scan.shapes[i + 1].text)
    text = scan.shapes[i].text
    if not opened or ":" in " ".join(text.split()[:4]) or text.rstrip().endswith(".") or re.search(r"\d[.:]\d", text):
        # a line with a label of its own ("Vice Chairman: P. Nich") or a sentence ("… the Council Offices, Holt
        # Road, Cromer at 6.00 pm." over "Members Present:") wraps none
        return None
    printed, below = opened.group("label"), opened.group("rest")
    raw = unmark(scan.lines[i].text).strip()
    if "\t" in raw:
        first, _, names = raw.partition("\t")
        splits = [(first.strip(), names)]
    else:
        words = scan.shapes[i].text.split()
        splits = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(min(3, len(words) - 1), 0, -1)]
    for prefix, names in splits:
        if not _PLAIN_WORDS.fullmatch(prefix) or not all(map(_office_word, prefix.split())):
            continue  # "1 ⇥ Chairs Opening Remarks", "Bob Orme" over "Absent:": an item's number, a name
        joined = label_of(f"{prefix} {printed}")
        if joined and not joined[1] and names.strip():
            return joined[0], f"{names.strip()} {below}".strip()
    return None


_LABEL_END = re.compile(r"^(?P<label>[A-Za-z][A-Za-z'’-]*(?:\s[A-Za-z][A-Za-z'’-]*)?:)\s*(?P<rest>.*)$")
"""The words a wrapped label ends with, its colon, then names: "Present: Deputy Mayor Bob Hale", "Chamber: Aldermen …"."""


def _label_cell(text: str) -> tuple[str, str] | None:
    """A table row whose first cell is a label alone: "**Present** | Chairman | M. Stuart" -> ("present",
    "Chairman | M. Stuart"), the other cells kept apart by tabs, as the rows under it keep theirs."""
    if "\t" not in text:
        return None
    first, *others = (unmark(cell).strip() for cell in text.strip().split("\t"))
    labelled = label_of(first.rstrip(" :") + ":") if first and len(first.split()) <= 4 else None
    if not labelled or labelled[1] or not any(others):
        return None
    return labelled[0], "\t".join(cell for cell in others if cell)


def _without_cell_bars(shape: Shape) -> Shape:
    """A table row printed with bars, read as the line it stands for: "|Present: |Ann Hale, Bob Orme |" ->
    "Present: Ann Hale, Bob Orme"; "| |Cy Pike |" -> "Cy Pike"; "Present |" -> "Present"."""
    text = shape.text
    if shape.table or "|" not in text or not (text.startswith("|") or text.endswith("|")):
        return shape
    cells = [c.strip() for c in text.strip("| ").split("|") if c.strip()]
    if not cells:
        return replace(shape, text="")
    head = cells[0].rstrip(" :")
    labelled = label_of(head + ":")
    if len(cells) > 1 and labelled and not labelled[1]:
        return replace(shape, text=f"{head}: {' '.join(cells[1:])}")
    return replace(shape, text=" ".join(cells))


_COUNCILLOR = re.compile(r"^(?:Councillors?|Cllrs?|Crs?)\b\.?", re.IGNORECASE)


HOUSE_STYLE_NOTE = "house style: "
"""How a note of what the house style changed in a reading opens (`explain` shows these)."""


def set_apart_known_attenders(found: AttendanceFound) -> None:
    """Those a corrected record of the site lists as attending and never among the members (house style
    `attendance.attending`), read here among those present, attend: a council that prints its clerk and
    guests in one list with its members ("Present: A Hale, B Nye, C Orr and Jo Bell") prints them so in
    every paper. The chair stays where the paper puts them."""
    style = housestyle.current_attendance()
    if not style or not style.attending:
        return
    moved = [
        name
        for name in found.present
        if _on_roster(name, style.attending)
        and not _on_roster(name, style.members)
        and not (found.chair and same_person(name, found.chair))
    ]
    for name in moved:
        found.present.remove(name)
        found.add(found.in_attendance, [name])
    if moved:
        taught = ", ".join(style.taught_by)
        found.notes.append(
            f"{HOUSE_STYLE_NOTE}{', '.join(moved)} attend, not members: the correction of {taught} lists them in attendance"
        )


def _on_roster(name: str, roster: Sequence[str]) -> bool:
    """Whether a name read is one of the roster's, printed the same or with initials for given names ("B Nye"
    and "Bill Nye"); a surname alone matches only a surname alone, since people share surnames."""
    bare = _bare(name)
    return any(
        bare == _bare(r)
        or (len(bare.split()) > 1 < len(_bare(r).split()) and (same_person(name, r) or same_person(r, name)))
        for r in roster
    )


def _set_apart_outside_councillors(found: AttendanceFound) -> None:
    """Where a body's members are printed by plain full name ("Roger Hale, Sally Orme, …", a community
    council), a "Councillor Merson" later in the list is a councillor of the wider authority attending (a
    ward councillor): in attendance, not present; and a "Councillor Davidson" (title and surname alone) is not
    among the members' apologies."""
    plain = [n for n in found.present if not _COUNCILLOR.match(n)]  # "Roger Hale", "Mrs M Orme": no councillor's title
    listed = [n for n in found.present if n != found.chair]  # a chair told in a sentence may be a councillor
    titled = [n for n in listed[1:] if _COUNCILLOR.match(n)]
    if not titled or len(plain) < 4 or len(titled) * 3 > len(plain) or _COUNCILLOR.match(listed[0]):
        return
    if not all(len(n.split()) >= 2 for n in plain):
        return
    found.present = [n for n in found.present if n not in titled]
    found.in_attendance = [n for n in found.in_attendance if n not in titled] + titled
    found.apologies = [n for n in found.apologies if not (_COUNCILLOR.match(n) and len(_bare(n).split()) == 1)]
    found.notes.append(f"councillors of the wider authority among plainly named members: {', '.join(titled)}")


def read_apologies_item(
    lines: Sequence[Line], start: int, end: int, found: AttendanceFound, shapes_: Sequence[Shape]
) -> None:
    """Under an item about apologies, "This was received from Councillor X" names who sent them."""
    for i in range(start, end):
        text = shapes_[i].text
        match = _RECEIVED_FROM.search(text)
        if match and not _APOLOGY_SENTENCE.search(text):
            names = [p.name for p in people_in(_names_part(match.group("names")))]
            if names:
                before = found.everyone()
                found.add(found.apologies, names)
                found.sentence_names |= found.everyone() - before
                found.sentence_lines.add(i)
        elif (
            (led := _APOLOGIES_BEFORE_COLON.match(text))
            and not _sentence_like(led.group("names"))
            and (people := people_in(led.group("names")))
        ):
            # "Apologies received and accepted: Cllr Smith, Cllr Jones"
            found.add(found.apologies, [p.name for p in people])
            found.sentence_lines.add(i)
        elif sent := sent_apologies(text):
            # "Cllr Gray sent apologies.", "Councillors Pink and Gray gave their apologies."
            found.add(found.apologies, [p.name for people in sent for p in people])
            found.sentence_lines.add(i)
        elif (
            text
            and re.match(rf"^(?:{_TITLE})\s+[A-Z]", text)
            and not _sentence_like(_DASHED_REASON.sub("", _first_sentence(text)))
        ):
            # "Cllr L Watson and Cllr J Foster (family commitment), Cllr A Hart (work commitment) …", "Cllr Black –
            # work commitments; Cllr Grey – illness": the list itself, maybe a name to a line.
            people = people_in(_first_sentence(text))
            if people and all(p.member or _SINGLE_TITLE.match(p.name) for p in people):
                found.add(found.apologies, [p.name for p in people])
                found.sentence_lines.add(i)
            if not _listed_next(shapes_, i + 1, end):
                break


_DASHED_REASON = re.compile(r"\s[–—-]\s[^;,]{0,80}")
"""A reason set after a name by a dash ("Cllr Black – work commitments"), left out when judging whether a line of
names reads as prose."""


def _listed_next(shapes_: Sequence[Shape], start: int, end: int) -> bool:
    """Whether the next line with text names a titled member too ("Cllr S Black" / "Cllr T Grey", a name a line)."""
    k = next((n for n in range(start, end) if shapes_[n].text.strip()), -1)
    return k >= 0 and bool(re.match(rf"^(?:{_TITLE})\s+[A-Z]", shapes_[k].text))


def read_text(text: str, found: AttendanceFound, index: int, role: str = "") -> None:
    """Attendance in a piece of text that is not a line of its own (a heading's run-on text);
    `role` is what the heading says the text lists ("Apologies for Absence: Margaret Christie, …")."""
    labelled = label_of(text)
    if labelled and labelled[1] and not _sentence_like(labelled[1]):
        _take_block(labelled[0], [(index, labelled[1])], found, {}, None)
    elif role and not _sentence_like(_first_clause(text)) and people_in(_first_clause(text)):
        _take_block(role, [(index, _first_clause(text))], found, {}, None)
    else:
        _read_sentences(text, found, index)


_OFFICER_LINE = re.compile(
    r"^(?:(?:parish|town|deputy|assistant|locum|acting)\s+)*clerk\b|^(?:county|district|ward|borough|unitary)\s+councillors?\b",
    re.IGNORECASE,
)


_ROOM_AFTER_TITLE = re.compile(rf"^[A-Z][\w'’]*+\s++(?i:{vocabulary.BUILDINGS})\b")
"""A group's title before the room named for it ("Commissioners Courtroom", "Councillors' Room"), not before names."""


def _bare_list(text: str, found: AttendanceFound, index: int) -> bool:
    """A list of members with no label above it, at the top of the minutes ("Councillors D Risk (Chairman),
    P Summers, …"), or an officer's line ("Parish Clerk and RFO A M Hounsell", "County Councillor …")."""
    if _sentence_like(text) or len(text.split()) > 50:
        return False
    if _OFFICER_LINE.match(text):
        people = people_in(
            re.sub(
                r"^(?:(?:[A-Za-z]+\s+){0,3}?(?:clerk|councillors?)(?:\s+and\s+rfo)?)\s+", "", text, flags=re.IGNORECASE
            )
        )
        if people:
            _place(found, IN_ATTENDANCE, people, False)
            found.lines.add(index)
            found.notes.append(f"an officer's line: {', '.join(p.name for p in people)}")
            return True
        return False
    people = people_in(text)
    if found.present and _officer_beside_members(text, people):
        _place(found, IN_ATTENDANCE, people, False)
        found.lines.add(index)
        found.notes.append(f"an officer's line after the members: {people[0].name}")
        return True
    titled = _GROUP_TITLE.match(text) or re.match(r"^(?:Councillor|Cllr|Cr)\.?\s+[A-Z]", text)
    if titled and _ROOM_AFTER_TITLE.match(text):
        return False  # "Commissioners Courtroom, County Courthouse, 200 South Travis Street": where they meet
    # A list with no label at all is a list of those present when it names its chair ("Kenny Thomson (Chairman), …").
    chaired = any(p.chair for p in people) and len(people) >= 3 and all(_name_like(p.name) for p in people)
    if not (titled or chaired) or len(people) < 2:
        return False
    line, named_chair = found.bare_list
    if not chaired and named_chair and not found.apologies and 0 < index - line <= 2:
        # "Kenny Thomson (Chairman), Joan Thomson, …" then "Councillor Nan Cullinane, Sheila Gray …": an export
        # that dropped both labels keeps their order, those present (named with their chair) before apologies.
        _place(found, APOLOGIES, people, False)
        found.lines.add(index)
        found.notes.append(f"a second list with no label, after those present: {len(people)} apologies")
        return True
    _place(found, MEMBERS, people, True)
    found.lines.add(index)
    found.notes.append(f"a list of members with no label: {len(people)} names")
    found.bare_list = (index, chaired)
    return True


_NAME_WORD = re.compile(r"[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+)?")


def _grid_names(text: str) -> list[str]:
    """The names on one line of a grid: "Ann Hale Bob Orme" -> ["Ann Hale", "Bob Orme"]; [] when the line is
    not two or four capitalised words that could be names."""
    words = text.split()
    if len(words) not in (2, 4) or not all(_NAME_WORD.fullmatch(w) for w in words):
        return []
    if any(w.lower() in ROLE_WORDS or w.lower() in _STOP_WORDS or w.lower() in _NOT_NAMES for w in words):
        return []
    return [" ".join(words[n : n + 2]) for n in range(0, len(words), 2)]


_NOT_NAMES = frozenset(
    "minutes agenda meeting meetings hall chambers room centre center house church school library road street "
    "annual ordinary extraordinary special inaugural report reports matters business finance planning item items "
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


def _name_grid(shapes_: Sequence[Shape], start: int, end: int) -> list[int]:
    """Lines of the opening holding names two to a line and no label ("David Hale Victoria Orme" /
    "Catherine Pike Archibald Quill" / …: a two-column table of members present, its heading lost): at least
    three such lines, most with two names. Returns their indexes, or []."""
    rows: list[int] = []
    k = start
    while k < end:
        text = shapes_[k].text
        if not text:
            k += 1
            continue
        if not _grid_names(text):
            break
        rows.append(k)
        k += 1
    pairs = sum(1 for k in rows if len(_grid_names(shapes_[k].text)) == 2)
    return rows if len(rows) >= 3 and pairs * 2 >= len(rows) else []


_TITLED_MEMBER = re.compile(
    r"(?:(?:(?:Vice|Deputy)[ \t-]+)?(?:Mayor|Reeve|Chair(?:man|woman|person)?|President)"
    r"|Commissioner|Trustee|Council[ \t]?(?:member|woman|man)|Alder(?:man|woman|person)|Supervisor|Select(?:man|woman)"
    r"|Councillor|Cllr\.?|Cr\.?)"
    r"[ \t]++[A-Z][\w.'’-]*+(?:[ \t]++[A-Z][\w.'’-]*+){1,3}+[ \t]*+\Z"
)
"""A line that is one member named with their office and nothing else: "Vice Mayor Lisa Mendez"."""


def _titled_column(shapes_: Sequence[Shape], start: int, end: int) -> list[int]:
    """Lines of the opening each naming one member with their office and no label above them ("Mayor Robert
    Vale" / "Vice Mayor Lisa Mendez" / "Commissioner Tom Byers": a roll printed under the body's own name):
    at least three in a row. Returns their indexes, or []."""
    rows: list[int] = []
    for k in range(start, end):
        text = shapes_[k].text
        if not text:
            continue
        if not _TITLED_MEMBER.match(text):
            break
        rows.append(k)
    return rows if len(rows) >= 3 else []


def _officer_beside_members(text: str, people: Sequence[ListedPerson]) -> bool:
    """A line of one name and an officer's role in brackets, after the members with no label: "Ann Lowe (on
    behalf of the Returning Officer):", "Bob Orme (Clerk)"."""
    return (
        len(people) == 1
        and people[0].officer
        and re.match(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}\s*\(", text) is not None
        and len(text.split()) <= 12
    )


def _first_sentence(text: str) -> str:
    return re.split(r"(?<![A-Z])\.\s+(?=[A-Z])", text)[0]


def _first_clause(text: str) -> str:
    """ "Cllr E Black – accepted." -> "Cllr E Black": the names before what was said of them."""
    text = _CLAUSE_END.split(text)[0]
    return re.sub(
        r"(?<!\s)\s*+[–—-]?\s*\b(?:accepted|noted|received|approved)\.?$", "", text.strip(), flags=re.IGNORECASE
    )


def rest_is_prose(rest: str) -> bool:
    """Whether what follows a label is a sentence ("… were received from Councillor Smith.") more than a list."""
    return _sentence_like(rest) or _RECEIVED_OPENING.match(rest) is not None


_MID_LABEL = re.compile(
    r"(?<=\S)\s+(?=(?:apolog(?:y|ies)(?:\s+for\s+absence)?|regrets|in\s+attendance|also\s+present|absent|officers(?:\s+present)?|"
    r"officials(?:\s+present)?|staff\s+present|guests|attending|(?:parish\s+|town\s+)?clerk|"
    r"ex[\s-]officio(?:\s+members?)?|others|visitors|police|(?-i:ADMINISTRATION|Administration))\s*:)",
    re.IGNORECASE,
)
_INLINE_LABEL = re.compile(
    r"\b(?P<label>present\s+members|members\s+present|present|apologies(?:\s+for\s+absence)?|in\s+attendance|also\s+present|officers\s+present|attending)\s*:\s*",
    re.IGNORECASE,
)
_INLINE_STOP = re.compile(
    r"\s(?:[A-Za-z]{1,5}/\d{1,4}/\d{2}|\d{1,3}\.\s+[A-Z])|\.\s+(?=[A-Z][a-z]+(?:\s+(?:of|the|and|for|to|[A-Z][a-z]+)){0,3}:)"
    r"|\s(?=[A-Z]{2,}(?:\s+[A-Z]{2,}){0,5}\s*:)"  # "… A.S.O. VOTES OF SYMPATHY: …": a heading in capitals
)


def _read_inline_labels(text: str, found: AttendanceFound, index: int) -> None:
    """A page flattened into one paragraph keeps its labels mid-line ("… Groby Cou/285/07-08 Present
    Members: Cllr P Batty (Chairman), …"). Two labels side by side ("PRESENT: APOLOGIES: Cllr A (Presiding),
    Cllrs B and C. Cllr D IN ATTENDANCE: …") were two columns: the first list is the first label's, the
    list after its full stop the second's."""
    matches = list(_INLINE_LABEL.finditer(text))
    paired: set[int] = set()
    for n, match in enumerate(matches):
        if n in paired:
            continue
        rest = _inline_list(text, match.end())
        if not rest.strip() and n + 1 < len(matches) and matches[n + 1].start() == match.end():
            paired.add(n + 1)
            lists = _split_columns(_inline_list(text, matches[n + 1].end()))
            for label, names in zip((match, matches[n + 1]), lists, strict=False):
                _read_inline_list(label.group("label"), names, found, index)
            continue
        _read_inline_list(match.group("label"), rest, found, index)


def _inline_list(text: str, start: int) -> str:
    """The list after a label inside a long line, up to where the line moves on or the next label."""
    rest = text[start : start + 600]
    following = _INLINE_LABEL.search(rest)
    if following:
        rest = rest[: following.start()]  # "Apologies: Matt Doran Also Present: …": the next label ends the list
    stop = _INLINE_STOP.search(rest)
    if stop:
        rest = rest[: stop.start()]
    return rest


def _split_columns(text: str) -> tuple[str, str]:
    """Two lists run together, the first ended by a full stop after a name: "Cllrs B and C. Cllr D" ->
    ("Cllrs B and C", "Cllr D")."""
    cut = _SENTENCE_IN_LIST.search(text) or re.search(_WORD_STOP + "(?=[A-Z])", text)
    return (text[: cut.start()], text[cut.end() :]) if cut else (text, "")


def _read_inline_list(label: str, rest: str, found: AttendanceFound, index: int) -> None:
    labelled = label_of(label + ":")
    if not labelled:
        return
    people = people_in(_names_part(rest))
    if people:
        _place(found, labelled[0], people, labelled[0] == MEMBERS)
        found.sentence_lines.add(index)
        found.notes.append(f"{labelled[0]} inside a long line: {', '.join(p.name for p in people)}")


_LABEL_AFTER_SENTENCE = re.compile(
    r"[a-z]\.\s+(?:[A-Z][a-z]+\s+)?(?:present|apologies|in\s+attendance|also\s+present|absent)\s*:", re.IGNORECASE
)
"""A label after a sentence in one paragraph: "Opened the meeting and declared a quorum present. Selectmen
present: Ben Hale, …"."""


_SLASHED_OFFICE = re.compile(r"(?<=[a-z])\s*/\s+(?=[A-Z])|(?<=[a-z])\s+/\s*(?=[A-Z])")
_BOARD_GROUP_OPENING = re.compile(
    r"(?:Commissioners|Trustees|Supervisors|Selectmen|Councilmembers|Board\s+members)\s+[A-Z]"
)


def _read_sentences(text: str, found: AttendanceFound, index: int) -> None:
    before = found.everyone()
    _read_sentences_of(text, found, index)
    found.sentence_names |= found.everyone() - before


def _read_sentences_of(text: str, found: AttendanceFound, index: int) -> None:
    text = _SLASHED_OFFICE.sub("/", english_side(text))  # "Secretary/ Treasurer A Hale": one office
    if len(text.split()) > 30 or _LABEL_AFTER_SENTENCE.search(text):
        _read_inline_labels(text, found, index)
    received = [people_in(_names_part(match.group("names"))) for match in _APOLOGY_SENTENCE.finditer(text)]
    for people in [*received, *sent_apologies(text)]:
        names = [p.name for p in people]
        if names:
            found.add(found.apologies, names)
            found.sentence_lines.add(index)
            found.notes.append(f"apologies in a sentence: {', '.join(names)}")
    for match in _ATTENDED_BY.finditer(text):
        groups = [re.sub(r"^\s*(?:and\s+)?(?:the\s+)?", "", group) for group in match.group("names").split(";")]
        people = [p for group in groups for p in people_in(_names_part(group))]
        if people:
            _place(found, PRESENT, people, False)
            found.sentence_lines.add(index)
            found.notes.append(f"attended by, in a sentence: {', '.join(p.name for p in people)}")
    for match in _THERE_WERE_PRESENT.finditer(text):
        people = people_in(_names_part(match.group("names")))
        if people:
            _place(found, MEMBERS, people, True)
            found.sentence_lines.add(index)
            found.notes.append(f"present in a sentence: {', '.join(p.name for p in people)}")
    for pattern, role in ((_WITH_PRESENT, PRESENT), (_WERE_PRESENT, PRESENT)):
        for match in pattern.finditer(text):
            people = [p for p in people_in(match.group("names")) if not _is_role(p.name)]
            if people and not _not_those_named(match.group("names")):
                # "Commissioners Hale, Secretary B Orr and C Nye were present": the offices are the members'
                members = bool(_BOARD_GROUP_OPENING.match(match.group("names")))
                # "… was present from Vista Management": attends; "Board members A, B and C were in attendance": the
                # members, where "Mike Rybickl and Brent Barringer of Wilcox were in attendance" attend
                beside = bool(match.groupdict().get("beside")) or (
                    bool(match.groupdict().get("attending")) and not members
                )
                _place(found, IN_ATTENDANCE if beside else MEMBERS if members else role, people, members)
                found.sentence_lines.add(index)
                found.notes.append(f"present in a sentence: {', '.join(p.name for p in people)}")
    for match in _WAS_ABSENT.finditer(text):
        people = people_in(match.group("names"))
        if people and match.group("how").lower() == "excused":
            found.add(found.apologies, [p.name for p in people])
            found.sentence_lines.add(index)
        elif people:  # "Chris Pierce was absent from the meeting.": not among those present, whoever listed them
            found.present = [n for n in found.present if not any(same_person(n, p.name) for p in people)]
            found.sentence_lines.add(index)
    for match in _PRESENT_SENTENCE.finditer(text):
        who = match.group("who").lower()
        people = people_in(_names_part(match.group("names")))
        if not people:
            continue
        role = IN_ATTENDANCE if who.startswith(("also", "in attendance")) else MEMBERS if "members" in who else PRESENT
        _place(found, role, people, role == MEMBERS)
        found.sentence_lines.add(index)
        found.notes.append(f"{role} in a sentence: {', '.join(p.name for p in people)}")
    _chair_of_sentence(text, found)


def _not_those_named(names: str) -> bool:
    """ "All present", "No Sheriff representative was present", "Four directors were present": the sentence names
    nobody who was there (it may count them)."""
    return bool(
        re.match(rf"(?i)(?:all|both|several|{vocabulary.COUNTS}|\d{{1,2}})\b", names)
        or re.search(r"(?i)\b(?:no|not|none|nobody|neither)\b", names)
    )


def _chair_of_sentence(text: str, found: AttendanceFound) -> None:
    """Who a sentence says presided: the chair it names, or the moderator a town meeting elected."""
    chair = chair_in_sentence(text)
    if chair and not found.chair:
        found.chair = chair
        found.chair_how = "sentence"
        found.notes.append(f"chair in a sentence: {chair}")
    moderator = _MODERATOR.search(text)
    chosen = moderator.group("name") or moderator.group("named") if moderator else ""
    if chosen and _name_like(chosen) and found.chair_how in ("", "sentence"):
        # "a motion to elect Tim Miller as moderator": a town meeting's moderator presides over it, whoever
        # called it to order
        found.chair = chosen
        found.chair_how = "sentence"
        found.notes.append(f"moderator elected: {found.chair}")


def _trailing_names(text: str) -> str:
    """The names at the end of a clause ("The chairman said Cllr Gray and Cllr Pink" -> "Cllr Gray and Cllr
    Pink"): from after the last word in lower case that joins no names."""
    words = text.split()
    start = max(
        (n + 1 for n, w in enumerate(words) if w[:1].islower() and w not in ("and", "&", *vocabulary.NAME_PARTICLES)),
        default=0,
    )
    return " ".join(words[start:])


def _names_part(text: str) -> str:
    """A list of names up to where the sentence moves on ("Cllr Purves With the absence of …")."""
    words = text.split()
    out: list[str] = []
    depth = 0
    for _n, word in enumerate(words):
        if depth or word.startswith("("):
            depth += word.count("(") - word.count(")")
            depth = max(depth, 0)
            out.append(word)
            continue
        bare = word.strip(",.;:()")
        if out and bare and bare[0].isupper() and bare.lower() in _STOP_WORDS and bare.lower() not in ("and",):
            break
        if (
            out
            and bare
            and bare[0].islower()
            and bare not in ("and", *vocabulary.NAME_PARTICLES)  # "Huw ap Iestyn", "Ann van Orr"
            and not bare.startswith(("(", "-"))
        ):
            if not re.match(r"^\(", word) and bare not in (
                "supervisors",
                "treasurer",
                "clerk",
                "guests",
                "councillors",
            ):
                break
        out.append(word)
    return " ".join(out)


def _one_person(text: str) -> bool:
    """A short line naming one person, perhaps with an office ("A Athwall", "J Abbott – Town Clerk"), not a
    heading ("Introductions", "Agenda Item")."""
    if len(text.split()) > 8 or _sentence_like(text):
        return False
    people = people_in(text)
    if len(people) != 1 or not _name_like(people[0].name):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", grammar.read_entry(people[0].name).rest)
    return len(words) >= 2 and not any(w.lower() in _NOT_NAME_WORDS for w in words)


def _names_and_offices(text: str) -> bool:
    """A line (or a label's rest) holding only people, each perhaps with an office or initials after the name:
    "Watson Robinson Convenor", "M Stratton Treasurer (MS) C Smith Member (CS)"; not a heading
    ("Chairman's Remarks") or a sentence."""
    labelled = label_of(text)
    text = labelled[1] if labelled else text
    if not text or len(text.split()) > 16 or _sentence_like(text):
        return False
    people = people_in(text)
    return bool(people) and all(
        _name_like(p.name)
        and len(words := re.findall(r"[A-Za-z][\w'’-]*", grammar.read_entry(p.name).rest)) >= 2
        and not any(w.lower() in _NOT_NAME_WORDS or w.lower().endswith(("'s", "’s")) for w in words)
        for p in people
    )


_NOT_NAME_WORDS = frozenset(
    "agenda item items minutes apologies introductions introduction welcome report reports business declarations "
    "declaration interest interests matters arising finance planning correspondence date next meeting public "
    "questions any other close present absent officers members councillors update updates".split()
)
"""Words of a heading that no person's name holds."""


def _read_block(scan: _Scan, i: int, role: str, rest: str, found: AttendanceFound) -> int:
    """Names under a label, over the lines that follow it; returns the index after the block."""
    lines, shapes_, end = scan.lines, scan.shapes, scan.end
    raw_label = lines[i].text.strip()
    if rest and "\t" in raw_label and (cells := label_of(raw_label)) and "\t" in cells[1]:
        rest = cells[1]  # "Present: | Caroline Colquhoun | Colin Smith": the row's cells, as the rows under it keep
    texts: list[tuple[int, str]] = [(i, rest)] if rest else []
    found.lines.add(i)
    cell_label = not rest and lines[i].text.rstrip().endswith("|")
    k = i + 1
    blank_run = 0
    while k < end and not (texts and _ROLL_ENDS.search(texts[-1][1])):
        line, shape = lines[k], shapes_[k]
        if line.artefact:
            k += 1
            continue
        if not shape.text:
            blank_run += 1
            # Names under an empty label, or a list whose entries stand apart, run on over blank lines.
            if blank_run > 3 or (texts and not _flag_list(texts) and not _next_is_names(lines, shapes_, k, end)):
                break
            k += 1
            continue
        blank_run = 0
        if _ends_block(scan, i, k, role, bool(texts)) or _heading_after_names(shape, texts) or _wrapped_label(scan, k):
            break
        if _SENT_APOLOGIES.search(shape.text):
            break  # "APOLOGIES" / "Cllr Hale had apologised as …": sentences under the heading, each read as one
        raw = re.sub(r"^\s*(?:>\s*)+", "", lines[k].text).strip()
        texts.append((k, raw if ("\t" in raw or _FLAG.match(raw)) else shape.text))
        found.lines.add(k)
        k += 1
        if cell_label and raw.endswith("|"):
            break  # "Present |" / "Mayor Hale, … |": the cell's bar closes the value
    if role == PRESENT and (
        any(_column_headings(t) and re.search(r"(?i)\bmembers?\b", t) for _, t in texts)
        or _roll_call_columns(lines[i].text)
    ):
        role = MEMBERS  # "Roll call: Board members | Present": the body's own members, officers among them
    texts = [(n, _flag_column(t)) for n, t in texts if not _column_headings(t)]
    _take_block(role, texts, found, scan.flags, scan.meeting_day)
    return k


_ROLL_ENDS = re.compile(r"(?i)[-–—.]\s*+all\s+(?:members\s+)?present\.?$")
""""… and Clerk Straub- All present": the roll's verdict closes it; a line after it is another list."""


def _heading_after_names(shape: Shape, texts: Sequence[tuple[int, str]]) -> bool:
    """A line in capitals under a list printed in small letters ("Staff: Chief Noel Monin" / "CITIZEN
    COMMENTS"): the next heading, not a name; names in capitals run on under names in capitals."""
    return shape.caps and not shape.table and bool(texts) and not any(is_caps(text) for _, text in texts)


def _ends_block(scan: _Scan, i: int, k: int, role: str, listed: bool) -> bool:
    """Whether line k, under the label at line i, is no longer the label's list (`listed`: names were read)."""
    lines, shapes_ = scan.lines, scan.shapes
    line, shape = lines[k], shapes_[k]
    if listed and role in (PRESENT, MEMBERS) and _OFFICER_LINE.match(shape.text):
        return True  # "Parish Clerk and RFO A M Hounsell" under the members: the officer's own line
    # "**Councillors Present:**" / "**A Athwall**": names set as boldly as their label are its list; and
    # "Members: W Robinson Convenor" / "**A Rodger Secretary**": names and offices as the label's own line has them
    set_like_label = ((shapes_[i].bold or shapes_[i].heading) and _one_person(shape.text)) or (
        shape.bold and _names_and_offices(shapes_[i].text) and _names_and_offices(shape.text)
    )
    if (
        label_of(shape.text)
        or _label_cell(line.text)  # "Staff | Mr S Halloran | Chief Executive Officer" under "Members | …"
        or (shape.heading and not set_like_label)
        or (shape.bold and "\t" not in line.text and not set_like_label)
        or _item_like(shape)
    ):
        return True
    if shape.text.endswith(":") and not find_dates(shape.text, 2000) and len(shape.text.split()) <= 4:
        return True  # "Decision:", "Minutes:": the page moves on
    if re.match(
        r"^(?:moved|seconded|proposed|resolution|recommendation|decision|carried|resolved)\b",
        shape.text,
        re.IGNORECASE,
    ):
        return True
    if listed and not shape.table and _sentence_like(shape.text) and not _FLAG.match(lines[k].text.strip()):
        return True
    if listed and (group := _OTHER_GROUP.match(shape.text)) and not _TITLED.search(group.group("group")):
        return True  # "City of Edinburgh Council: Councillor A Hale": another group under its own name
    if listed and not shape.table and _roles_only(shape.text):
        return True  # "General Manager, Director Corporate Services, Works Manager": officers by title alone
    if listed and chair_in_sentence(shape.text):
        return True  # "Mayor Tim Hale opened the meeting …": a sentence about the chair after the list
    if _BUSINESS_COLUMNS.match(lines[k].text.strip()):
        return True  # "Item | Discussion | Action": the minutes' own table starts
    return False


_REGISTER_NAMES = re.compile(
    r"(?i)^(?:(?:board|council|committee|commission)\s+)?(?:councill?ors?|cllrs?|members?|names?|trustees?|commissioners?|"
    r"directors?|(?:councillor|member)'?s?\s+names?|attendees?|attendance(?:\s+register)?)$"
)
"""The heading of a register's column of names ("Councillor", "Member", "Name", "Board Member")."""
_REGISTER_COLUMNS = (
    (PRESENT, re.compile(r"(?i)^(?:present|attended|in\s+attendance|attending)$")),
    (APOLOGIES, re.compile(r"(?i)^(?:apolog(?:y|ies)(?:\s+(?:given|received|sent))?|apols?\.?|sent\s+apologies)$")),
    (ABSENT, re.compile(r"(?i)^(?:absent(?:\s+without\s+apolog(?:y|ies))?|not\s+present|no\s+apologies)$")),
)
_REGISTER_CODES = re.compile(r"(?i)^(?:p\s*/\s*a(?:\s*/\s*ap)?|present\s*/\s*absent|attendance|status)$")
"""The heading of one column of codes ("P/A"): the code says how each member attended."""
_REGISTER_MARK = re.compile(r"(?i)^(?:x|✓|✔|√|y|yes|•|\*|p)$")


def _cells(text: str) -> list[str]:
    """A row's cells, the empty ones kept (their place says which column a mark stands in)."""
    if "\t" in text:
        return [cell.strip() for cell in text.split("\t")]
    if text.strip().startswith("|"):
        return [cell.strip() for cell in text.strip().strip("|").split("|")]
    return [text.strip()]


def _register_table(scan: _Scan, i: int, found: AttendanceFound) -> int:
    """An attendance register set out as a table: a column of members' names, then a column for each way of
    attending ("Councillor | Present | Apologies | Absent") with a mark in one of them, or one column of codes
    ("Attendance | P/A": P, A, Ap). Returns the line after it, or 0 where line i heads no such table."""
    heading = _cells(scan.lines[i].text)
    first = next((n for n, cell in enumerate(heading) if cell), -1)
    if first < 0 or not _REGISTER_NAMES.match(heading[first]):
        return 0
    columns = [
        next((role for role, pattern in _REGISTER_COLUMNS if pattern.match(cell)), "") for cell in heading[first + 1 :]
    ]
    codes = len(columns) == 1 and bool(_REGISTER_CODES.match(heading[first + 1]))
    if not codes and sum(1 for role in columns if role) < 2:
        return 0
    by_role: dict[str, list[tuple[int, str]]] = {}
    k = i + 1
    while k < scan.end:
        line = scan.lines[k]
        if line.artefact:
            k += 1
            continue
        cells = _cells(line.text)
        start = next((n for n, cell in enumerate(cells) if cell), -1)
        if start < 0 or len(cells) < 2 or label_of(cells[start]):
            break
        marks = [(n, cell) for n, cell in enumerate(cells[start + 1 :]) if cell]
        role = ""
        if codes and marks:
            code = marks[0][1]
            role = (
                PRESENT
                if _PRESENT_MARK.match(code)
                else APOLOGIES
                if _EXCUSED_MARK.match(code)
                else ABSENT
                if _ABSENT_MARK.match(code)
                else ""
            )
        elif len(marks) == 1 and marks[0][0] < len(columns) and _REGISTER_MARK.match(marks[0][1]):
            role = columns[marks[0][0]]
        if role:
            by_role.setdefault(role, []).append((k, cells[start]))
        found.lines.add(k)
        k += 1
    if not by_role:
        return 0
    found.lines.add(i)
    _take_roll(scan, by_role, found)
    found.notes.append(f"an attendance register of {k - i - 1} rows")
    return k


def _take_roll(scan: _Scan, by_role: Mapping[str, list[tuple[int, str]]], found: AttendanceFound) -> None:
    """A roll's names by how each attended: those present are the body's members."""
    for role in (PRESENT, APOLOGIES, ABSENT):
        if by_role.get(role):
            _take_block(MEMBERS if role == PRESENT else role, by_role[role], found, scan.flags, scan.meeting_day)


def _vote(labelled: tuple[str, str] | None, i: int) -> int:
    """The line after a roll call taken on a motion ("Roll Call: Mr. Boyd, yea; Mrs. Kessler, yea; …"), which says
    how each member voted, not who came; 0 for any other line."""
    return i + 1 if labelled and len(_VOTE_MARK.findall(labelled[1])) >= 2 else 0


_VOTE_MARK = re.compile(r"(?i),\s*(?:yea|nay|aye|yes|no|abstain(?:ed|s)?)\s*(?=[;.,]|$)")
"""A member's vote in a roll call taken on a motion ("Mr. Boyd, yea;")."""
_ROLL_LINE = re.compile(
    r"^(?P<who>(?:[A-Z][\w.'’-]*+\s++){1,6}[A-Z][\w.'’-]*+)\s*+[–—-]\s*+"
    r"(?P<mark>present|absent|excused|absent\s*+\(excused\)|absent\s*+[–—-]\s*+excused|excused\s+absence)\.?"
    r"(?:\s*+\((?!excused)[^()]{1,40}\))?$",
    re.IGNORECASE,
)
"""A roll call's line, the member then how they answered: "Vice Mayor Marcus Oyelaran – Present",
"Commissioner R. Delacroix – Absent (excused)"."""


def _roll_lines(scan: _Scan, i: int, found: AttendanceFound) -> int:
    """A roll call as the clerk records it, one member a line with their answer after a dash, two lines or more:
    those present are the members, those excused sent apologies. Returns the line after it, or 0."""
    by_role: dict[str, list[tuple[int, str]]] = {}
    k = i
    while k < scan.end:
        if scan.lines[k].artefact:
            k += 1
            continue
        called = _ROLL_LINE.match(scan.shapes[k].text)
        if not called:
            break
        mark = called.group("mark").lower()
        role = PRESENT if mark == "present" else ABSENT if mark == "absent" else APOLOGIES
        by_role.setdefault(role, []).append((k, called.group("who")))
        k += 1
    if sum(len(texts) for texts in by_role.values()) < 2:
        return 0
    found.lines.update(range(i, k))
    _take_roll(scan, by_role, found)
    found.notes.append(f"a roll call of {k - i} lines")
    return k


_PRESENT_MARK = re.compile(r"^(?:x|✓|✔|p|present|yes|y|in\s+person|remote(?:ly)?|virtual)$", re.IGNORECASE)
_ABSENT_MARK = re.compile(r"^(?:ab|a|absent|no|n|-|–)$", re.IGNORECASE)
_EXCUSED_MARK = re.compile(r"^(?:ap|e|excused|apolog(?:y|ies)|apols?)$", re.IGNORECASE)


def _flag_column(text: str) -> str:
    """A roll call set as a table, the mark in the last column ("David Leonard, Supervisor <tab> X",
    "Brad Norton, Trustee <tab> Ab"): the name, with a note when it marks the person away."""
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    if len(cells) < 2:
        return text
    mark, who = cells[-1], ", ".join(cells[:-1])
    if _PRESENT_MARK.match(mark):
        return who
    note = "excused" if _EXCUSED_MARK.match(mark) else "absent" if _ABSENT_MARK.match(mark) else ""
    if not note:
        return text
    name, comma, role = who.partition(",")
    return f"{name} ({note}){comma}{role}"  # the note goes with the name, not the role after it


_HEADING_WORDS = frozenset("name names board members member role title office present absent attendance status".split())


_BUSINESS_COLUMNS = re.compile(
    r"^\|?\s*(?:item|minute|min|no\.?|ref\.?|agenda\s+item)\s*(?:no\.?)?\s*(?:\t|\|)\s*"
    r"(?:item|subject|title|discussion|business|details|minutes?|notes|action(?:\s+points?|\s+by)?)\b",
    re.IGNORECASE,
)
"""The heading row of a table of business ("Item <tab> Discussion <tab> Action", "| No. | Subject |", "Item <tab>
Action Point")."""


def _column_headings(text: str) -> bool:
    """A roll-call table's heading row ("Board members <tab> Present", "Name <tab> Role <tab> Present")."""
    words = re.findall(r"[a-z]+", text.lower())
    return len(words) >= 2 and set(words) <= _HEADING_WORDS and "present" in words


def _roll_call_columns(text: str) -> bool:
    """A roll call's label heading the columns of its table ("Roll Call <tab> Name <tab> Present"): those
    called are the body's own members, its clerk and treasurer among them, whatever office they hold."""
    label, tab, columns = text.strip().partition("\t")
    return bool(tab) and bool(re.fullmatch(r"(?i)roll\s+call", _without_marks(label))) and _column_headings(columns)


def _without_marks(text: str) -> str:
    """The text without the marks at either end (anything but letters, digits and "_"): found by walking in
    from each end, as a pattern opening with a run of marks would try every place a long run of them starts."""
    start, end = 0, len(text)
    while start < end and not (text[start].isalnum() or text[start] == "_"):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    return text[start:end]


def _roles_only(text: str) -> bool:
    """A line listing offices without names ("General Manager, Director Development Services, Works Manager,
    Executive Support Manager."): most entries name an office, none carries a title or a name in brackets."""
    parts = [p.strip() for p in re.split(r"[,;]", text.rstrip(". ")) if p.strip()]
    if len(parts) < 3 or re.search(r"\(|\.\s", text) or any(_SINGLE_TITLE.match(p) for p in parts):
        return False
    if any(w[:1].islower() and w not in ("and", "of", "the", "for", "to") for w in text.split()):
        return (
            False  # "… Kris Hale-" / "Anderson, and Dan Ryan. Also present were …": a sentence, not a list of offices
        )
    offices = [bool({w.lower() for w in re.findall(r"[A-Za-z]+", p)} & _OFFICER_WORDS) for p in parts]
    return offices[0] and sum(offices) * 2 > len(parts)


_OTHER_GROUP = re.compile(r"^(?P<group>[A-Z][\w'’&]*(?:\s+[\w'’&]+){0,5})\s*:\s+\S")
_TITLED = re.compile(rf"\b(?:{_TITLE})(?:\s|$)|\d")


def _flag_list(texts: Sequence[tuple[int, str]]) -> bool:
    return any(_FLAG.match(t) for _, t in texts)


def _next_is_names(lines: Sequence[Line], shapes_: Sequence[Shape], k: int, end: int) -> bool:
    m = k
    while m < end and (lines[m].artefact or not shapes_[m].text):
        m += 1
    if m >= end:
        return False
    text = shapes_[m].text
    if re.fullmatch(r"[A-Z]{2,6}", text):
        return False  # "PAR": a minute number's prefix, not a name
    if text.endswith(":") and find_dates(text, 2000):
        return True  # "Scheduled Meeting on 17 September:": the list for one of two meetings follows
    return bool(_FLAG.match(lines[m].text.strip())) or (
        not label_of(text) and not _sentence_like(text) and bool(people_in(text)) and not _item_like(shapes_[m])
    )


def _item_like(shape: Shape) -> bool:
    return bool(re.match(r"^(?:\d{1,3}[.)]?\s+[A-Z]|[A-Z]{1,4}\d{1,4}\b|[A-Za-z]{0,5}/?\d{1,4}/\d{2})", shape.text))


def _sentence_like(text: str) -> bool:
    """A line that reads as prose rather than a list of names."""
    words = text.split()
    lower = sum(1 for w in words if w[:1].islower() and w not in ("and", "of", "the", "for", "de", "van"))
    return len(words) >= 6 and lower >= max(3, len(words) // 3)


# --- what a block under a label holds: the rules ----------------------------------------------------
#
# A block is the lines under one label ("Present:", "Apologies:", "Officers in attendance:"). Each rule
# below reads one way a block is printed and returns what it saw, or None; the first that sees something
# is the block's reading (a block is printed one way). The order is the rules' priority: the most
# particular shape first, a plain list of names last.


@dataclass(frozen=True, slots=True)
class Block:
    """The lines under one label, and what is known when they are read."""

    role: str
    """What the label says the lines list (PRESENT, APOLOGIES, …)."""
    texts: tuple[tuple[int, str], ...]
    """(line index, text) of each line of the block."""
    flags: Mapping[str, str] = field(default_factory=dict)
    """What the document's legend says each P/A flag means ("A = Apologies")."""
    chair_known: bool = False
    present_known: bool = False

    @property
    def index(self) -> int:
        return self.texts[0][0] if self.texts else -1

    def part(self, role: str, text: str) -> Block:
        """Part of this block's text, read again as a block under `role`."""
        return replace(self, role=role, texts=((self.index, text),))


@dataclass(frozen=True, slots=True)
class Placed:
    """People a rule read, and the list they go on (`explicit`: the list is the members', officers too)."""

    role: str
    people: tuple[ListedPerson, ...]
    explicit: bool = False


@dataclass(frozen=True, slots=True)
class Taken:
    """What a rule read from a block."""

    placed: tuple[Placed, ...] = ()
    chair: str = ""
    """The chair, read from a sentence under the label."""
    membership: tuple[ListedPerson, ...] = ()
    parts: tuple[Block, ...] = ()
    """Parts of the block under labels of their own, each read again by the rules."""
    sentences: str = ""
    """Text to read as sentences ("Apologies were received from …")."""
    note: str = ""


def _taken(rule_id: str, block: Block, taken: Taken) -> Evidence:
    last = block.texts[-1][0] + 1 if block.texts else 0
    return Evidence(Fact.ATTENDANCE, (block.index, last), taken, weight_of(rule_id), rule_id)


def _placed(role: str, people: Sequence[ListedPerson], explicit: bool = False) -> Placed:
    return Placed(role, tuple(people), explicit)


def _summary(found: AttendanceFound) -> dict[str, Any]:
    """What a reading gave, for an example's `expect`: the non-empty lists and the chair."""
    out: dict[str, Any] = {}
    for key in ("chair", "present", "apologies", "in_attendance"):
        value = getattr(found, key)
        if value:
            out[key] = value
    if found.membership:
        out["membership"] = found.membership
    return out


@runner(Fact.ATTENDANCE)
def _run_attendance_example(block_rule: Rule, case: Example) -> object:
    """The first given line is a label ("Present:", "Apologies: Cllr Hale"); the rest are the block's lines.
    The rule alone reads the block; what it read is placed as the decoder places it."""
    labelled = label_of(case.given[0])
    if labelled is None:
        raise ValueError(f"an attendance example opens with a label: {case.given[0]!r}")
    role, rest = labelled
    texts = ([(0, rest)] if rest else []) + [(n, text) for n, text in enumerate(case.given[1:], 1)]
    block = Block(role, tuple(texts))
    seen = block_rule.func(block)
    if seen is None:
        return None
    found = AttendanceFound()
    _apply(found, block, seen.value)
    return _summary(found) or {}


@rule(
    "attendance.chair-sentence",
    Fact.ATTENDANCE,
    example(
        "CATHAOIRLEACH", "The Cathaoirleach, Councillor V. Cawley presided.", expect={"chair": "Councillor V. Cawley"}
    ),
    example("Chair:", "Cllr Hale, Cllr Orme", expect=None, note="a list under the label, not a sentence"),
    weight=1.0,
)
def chair_sentence(block: Block) -> Evidence | None:
    """A sentence under the chair's label says who presided ("The Cathaoirleach, Councillor V. Cawley presided.").

    Written for Irish county councils, whose minutes print the office as a heading and the sentence under it."""
    if block.role != CHAIR or not block.texts or block.chair_known:
        return None
    said = chair_in_sentence(" ".join(t for _, t in block.texts))
    if not said:
        return None
    return _taken(
        "attendance.chair-sentence", block, Taken(chair=said, note=f"chair in a sentence under its label: {said}")
    )


_FLAG_MEANINGS = {"P": PRESENT, "A": APOLOGIES, "Ap": APOLOGIES, "Ab": ABSENT, "X": ABSENT, "L": ABSENT}


@rule(
    "attendance.flagged-list",
    Fact.ATTENDANCE,
    example(
        "Councillors:",
        "P  Cllr Ann Hale",
        "A  Cllr Bob Orme",
        "P  Cllr Cy Pike",
        "Ab  Cllr Di Quill",
        expect={"present": ["Cllr Ann Hale", "Cllr Cy Pike"], "apologies": ["Cllr Bob Orme"]},
    ),
    example("Present:", "Cllr Ann Hale", "Cllr Cy Pike", expect=None),
    weight=1.0,
)
def flagged_list(block: Block) -> Evidence | None:
    """A list of members each flagged P (present), A or Ap (apologies), Ab, X or L (absent) before the name.

    Written for English parish and district councils that print the whole membership with a flag column,
    a legend ("A = Apologies") sometimes saying what each flag means."""
    if sum(1 for _, t in block.texts if _FLAG.match(t)) < 3:
        return None
    placed = []
    target = MEMBERS if block.role in (MEMBERS, PRESENT) else block.role
    for _, text in block.texts:
        match = _FLAG.match(text.strip()) or _LOOSE_FLAG.match(text.strip())
        if not match:
            continue
        flag = match.group("flag") or match.group("flag2")
        meaning = block.flags.get(flag) or _FLAG_MEANINGS.get(flag, "")
        people = people_in(text.strip()[match.end() :])
        if meaning == APOLOGIES:
            placed.append(_placed(APOLOGIES, people))
        elif meaning == PRESENT:
            placed.append(_placed(target, people, True))
    return _taken("attendance.flagged-list", block, Taken(tuple(placed), note=f"{block.role}: a list flagged P/A"))


_STATUS_AFTER_NAME = re.compile(
    r"^(?P<name>[A-Z][^\t:–—]{2,60}?)[ \t]*+(?:[–—:]|\s-|\t|[ ]{2,})[ \t]*+"
    r"(?P<status>present|here|absent|excused|not[ \t]+present|absent[ \t]*+[(–—-]?[ \t]*+excused\)?"
    r"|excused[ \t]+absen(?:t|ce)|absent[ \t]+with[ \t]+(?:notice|regrets|apolog(?:y|ies)))[ \t]*+\.?[ \t]*+\Z",
    re.IGNORECASE,
)
"""A roll call's line: a member, then whether they were there ("Mayor Ann Orr – Present", "Trustee Dunn: Absent
(excused)")."""


@rule(
    "attendance.status-after-name",
    Fact.ATTENDANCE,
    example(
        "ROLL CALL:",
        "Mayor Ann Orr – Present",
        "Trustee Bob Bell – Present",
        "Trustee Cy Dunn – Absent",
        "Trustee Di Frost: Absent (excused)",
        expect={"present": ["Mayor Ann Orr", "Trustee Bob Bell"], "apologies": ["Trustee Di Frost"]},
        note="absent without an excuse is neither present nor an apology",
    ),
    example("Present:", "Ann Hale – Chair", "Bob Orme – Clerk", expect=None),
    weight=1.0,
)
def status_after_name(block: Block) -> Evidence | None:
    """A roll call printed one member a line, each with whether they were there after a dash, a colon or a tab:
    present or here is present, excused an apology, absent alone neither.

    Written for American boards, whose clerks print the roll as they called it."""
    rows = [_STATUS_AFTER_NAME.match(text.strip()) for _, text in block.texts if text.strip()]
    if len(rows) < 2 or not all(rows):
        return None
    target = MEMBERS if block.role in (MEMBERS, PRESENT) else block.role
    placed = []
    for row in rows:
        status = row.group("status").lower()  # type: ignore[union-attr]
        people = people_in(row.group("name"))  # type: ignore[union-attr]
        if status in ("present", "here"):
            placed.append(_placed(target, people, True))
        elif "excused" in status or "with" in status:
            placed.append(_placed(APOLOGIES, people))
    return _taken(
        "attendance.status-after-name", block, Taken(tuple(placed), note=f"{block.role}: a roll call, each marked")
    )


@rule(
    "attendance.table",
    Fact.ATTENDANCE,
    example(
        "Present:",
        "Steve Ashley – Chair\tIndependent Chair",
        "Jo Lowe – Clerk\tCouncil officer",
        expect={"chair": "Steve Ashley", "present": ["Steve Ashley"], "in_attendance": ["Jo Lowe"]},
    ),
    example("Present:", "Ann Hale, Bob Orme", expect=None),
    example(
        "Councillors present:",
        "Cllr T. Gorman (Chairman)\tCllr Mrs L. Kettle",
        "Cllr S. Chaudhry\tCllr J. Pilbeam",
        expect={
            "chair": "Cllr T. Gorman",
            "present": ["Cllr T. Gorman", "Cllr Mrs L. Kettle", "Cllr S. Chaudhry", "Cllr J. Pilbeam"],
        },
        note="two columns of councillors, a name in each cell",
    ),
    example(
        "Present",
        "Chair\tCllr Ann Hale",
        "Councillors\tBob Orme, Cy Nye",
        "Clerk\tMrs Di Pike",
        expect={
            "chair": "Cllr Ann Hale",
            "present": ["Cllr Ann Hale", "Councillor Bob Orme", "Councillor Cy Nye"],
            "in_attendance": ["Mrs Di Pike"],
        },
        note="the office in the first column, its holders in the second",
    ),
    example(
        "Present:",
        "Cllr Ann Hale\tChairman",
        "Cllr Bob Orme",
        "Mrs Di Pike\tClerk",
        expect={
            "chair": "Cllr Ann Hale",
            "present": ["Cllr Ann Hale", "Cllr Bob Orme"],
            "in_attendance": ["Mrs Di Pike"],
        },
        note="an officer's office beside the name: among those in attendance",
    ),
    weight=1.0,
)
def table(block: Block) -> Evidence | None:
    """A table of names, a role beside each ("Steve Ashley – Chair | Independent Chair").

    Written for boards and panels that print attendance as a table: a member's role keeps them among the
    members, an officer's among those in attendance."""
    if not any("\t" in text for _, text in block.texts):
        return None
    bearers = _bearers_are_members([text for _, text in block.texts])
    placed = [row for _, text in block.texts for row in _table_row(block.role, text, bearers)]
    return _taken("attendance.table", block, Taken(tuple(placed), note=f"{block.role}: a table of names"))


def _bearers_are_members(rows: Sequence[str]) -> bool:
    """A table whose chair is marked by an office ("Watson Robinson | Convenor") and whose names mostly carry no
    councillor's title: its secretary and treasurer are the body's own office-bearers (`_office_bearers`)."""
    cells = [[c.strip() for c in text.split("\t") if c.strip()] for text in rows if "\t" in text]
    chaired = any(len(c) > 1 and _CHAIR_ROLE.match(c[1]) for c in cells)
    titled = sum(1 for c in cells if c and _COUNCILLOR.match(c[0]))
    return chaired and 2 * titled < len(cells)


_CHAIR_ROLE = re.compile(rf"(?i:{alternation((*vocabulary.CHAIR_ROLES, *vocabulary.CHAIR_NOTES))})\b")
"""An office beside a name that says its holder chairs ("Chair", "Convenor CC"), never a vice-chair's."""


def _table_row(role: str, text: str, bearers: bool = False) -> list[Placed]:
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    if not cells:
        return []
    if "\t" not in text:
        return [_placed(role, people_in(text), role == MEMBERS)]
    # "Steve Ashley – Chair | Independent Chair, …": the role beside the name, else the next cell.
    dashed = re.match(r"^(?P<name>.+?)(?<!\s)\s+[–—-]\s+(?P<role>.+)$", cells[0])
    name_cell, row_role = (
        (dashed.group("name"), dashed.group("role")) if dashed else (cells[0], cells[1] if len(cells) > 1 else "")
    )
    if not dashed and len(cells) > 1 and _office_cell(cells[0]) and not _office_cell(cells[1]):
        # "Chair | Cllr A Orr", "Clerk | Mrs E Moss": the office first; "Councillors | C Nye, D Pike": the title
        name_cell, row_role = (
            (f"{cells[0]} {cells[1]}", "") if _COUNCILLOR.fullmatch(cells[0]) else (cells[1], cells[0])
        )
    if not dashed and len(cells) > 2 and _COUNCILLOR.fullmatch(cells[0]) and all(_plain_names(c) for c in cells[1:]):
        # "Cllrs. | Nick Hale (in the Chair), | Simon Orr Terry Cook": the group's title, then its names
        return [_placed(role, people_in(f"{cells[0]} {', '.join(c.rstrip(',') for c in cells[1:])}"), True)]
    if not dashed and len(cells) > 1 and (all(_plain_names(c) for c in cells) or all(map(_titled_person, cells))):
        # "Caroline Colquhoun | Colin Smith", "Cllr T. Gorman (Chairman) | Cllr Mrs L. Kettle": columns of names, a
        # person (or two printed without a comma) in each
        people = [p for c in cells for p in people_in(c)]
        return [_placed(role, people, role in (MEMBERS, PRESENT))]
    people = [_with(p, role=row_role) for p in people_in(name_cell)]
    if not people:
        return []
    if _CHAIR_ROLE.match(row_role):
        people = [_with(p, chair=True) for p in people]
    row_is_member = (
        bool(re.search(r"\b(?:member|chair(?:man|person)?|conven[eo]r)\b", row_role, re.IGNORECASE))
        and not re.search(r"\bvice\b", row_role, re.I)
    ) or not row_role
    row_is_member = row_is_member or (bearers and bool(_BEARER_OFFICE.fullmatch(row_role)))
    if role == IN_ATTENDANCE and row_is_member and dashed:
        return [_placed(MEMBERS, people, True)]
    if role in (PRESENT, MEMBERS, CHAIR) and not row_is_member and (dashed or _officer(row_role)):
        return [_placed(IN_ATTENDANCE, people)]
    return [_placed(role, people, role in (MEMBERS, PRESENT))]


def _titled_person(cell: str) -> bool:
    """A table cell holding one person, titled as a councillor or by an honorific ("Cllr Mrs L. Kettle", "Mr A Orr
    (Chairman)"), and nothing after the name but a note in brackets."""
    if not _OPENS_TITLED.match(cell) or "," in cell or len(cell.split()) > 8:
        return False
    return len(people_in(cell)) == 1


def _plain_names(cell: str) -> bool:
    """A table cell holding plain names only: one person ("Colin Smith"), two printed without their comma
    ("Peter Hale Jim MacDonald"), or one the chair ("Nick Hale (in the Chair),")."""
    if _plain_person(cell):
        return True
    cell = re.sub(
        r"(?<!\s)\s*+\((?:in\s+the\s+)?chair(?:man|woman|person)?\)\s*+,?$", "", cell.rstrip(","), flags=re.IGNORECASE
    )
    return _plain_person(cell) or (
        _PAIRED_NAMES.fullmatch(cell) is not None and all(_plain_person(p.name) for p in people_in(cell))
    )


def _plain_person(cell: str) -> bool:
    """A table cell holding one person's plain name ("Colin Smith", "Mrs A Hale"), no office, body or mark."""
    words = cell.split()
    if not 2 <= len(words) <= 4 or _office_cell(cell) or re.search(r"[&()/\d:]", cell):
        return False
    if any(w.lower().strip(".,") in ROLE_WORDS for w in words if not _SINGLE_TITLE.match(w)):
        return False
    return len(people_in(cell)) == 1 and all(w[:1].isupper() for w in words)


def _office_cell(cell: str) -> bool:
    """A table cell holding an office or a members' title, not a name: "Chair", "Vice Chair", "Clerk", "Councillors"."""
    return bool(_is_role(cell) or _CHAIR_NOTE.fullmatch(cell) or _COUNCILLOR.fullmatch(cell))


@rule(
    "attendance.one-a-line",
    Fact.ATTENDANCE,
    example(
        "In attendance:",
        "Mr A Hale, Head of Planning and Building Standards",
        "Ms B Orme, Principal Solicitor, Governance",
        expect={"in_attendance": ["Mr A Hale", "Ms B Orme"]},
        note="a plain list would take the words after the role's comma for names",
    ),
    example("Present:", "Cllr Ann Hale, Cllr Bob Orme", expect=None),
    example(
        "Present:",
        "Cllr Ann Hale (Chair), Cllr Bob Orme",
        "Cllr Cy Nye, Cllr Di Pike",
        expect=None,
        note="lines of a list wrapped after a comma: each name after a comma is a person, not a role",
    ),
    weight=1.0,
)
def one_a_line(block: Block) -> Evidence | None:
    """One titled person a line, everything after the name's comma the role ("Mr D Mudie, Team Leader, …").

    Written for Scottish council committees listing officers one a line with long job titles."""
    if not _one_a_line(block.texts):
        return None
    placed = []
    for _, text in block.texts:
        name, _, role_text = text.partition(",")
        people = people_in(name)
        if people and role_text.strip():
            people = [_with(people[0], role=role_text.strip())]
        placed.append(_placed(block.role, people, block.role == MEMBERS))
    return _taken("attendance.one-a-line", block, Taken(tuple(placed), note=f"{block.role}: one person a line"))


@rule(
    "attendance.labels-mid-line",
    Fact.ATTENDANCE,
    example(
        "Present:- Councillors Hale and Orme Apologies: Councillor Pike",
        expect={"present": ["Councillor Hale", "Councillor Orme"], "apologies": ["Councillor Pike"]},
    ),
    example(
        "Absent: Cllr Ann Hale Apologies: Cllr Bob Orme",
        expect={"apologies": ["Cllr Bob Orme"]},
        note="members absent without apologies are not recorded; those who sent them are",
    ),
    example("Present:", "Councillors Hale and Orme", expect=None),
    example(
        "PRESENT: Mayor Lorne Brassard, Councillors Tanya Dube, Ryan Wiebe ADMINISTRATION: Dana Whitford, CAO",
        expect={
            "present": ["Mayor Lorne Brassard", "Councillor Tanya Dube", "Councillor Ryan Wiebe"],
            "in_attendance": ["Dana Whitford"],
        },
        note="a town's staff under its label, run into the councillors' line",
    ),
    weight=1.0,
)
def labels_mid_line(block: Block) -> Evidence | None:
    """Labels inside the list's line ("Present:- … Apologies:- Councillors G.G.Jones"): each part read apart.

    Written for Welsh town councils whose exports run the whole attendance into one paragraph."""
    joined = _join_entries([text for _, text in block.texts])
    starts = [m.start() for m in _MID_LABEL.finditer(joined)]
    if not starts:
        return None
    parts = [block.part(block.role, joined[: starts[0]])]
    # "…; Ex-officio: Cllr T Black; Others: PC Dunn": each label's part read apart
    for start, stop in zip(starts, [*starts[1:], len(joined)], strict=True):
        labelled = label_of(joined[start:stop].strip().rstrip(";"))
        if labelled:
            parts.append(block.part(labelled[0], labelled[1]))
    return _taken("attendance.labels-mid-line", block, Taken(parts=tuple(parts)))


@rule(
    "attendance.also-present",
    Fact.ATTENDANCE,
    example(
        "Present: Cllr Ann Hale, Cllr Bob Orme Also present: Jo Lowe",
        expect={"present": ["Cllr Ann Hale", "Cllr Bob Orme"], "in_attendance": ["Jo Lowe"]},
    ),
    example("Apologies: Cllr Ann Hale Also present: Jo Lowe", expect=None, note="only a list of those present"),
    weight=1.0,
)
def also_present(block: Block) -> Evidence | None:
    """ "Also present" inside a list of those present: the members before it, visitors and officers after.

    Written for American township minutes that print both lists in one paragraph."""
    if block.role not in (PRESENT, MEMBERS):
        return None
    joined = _join_entries([text for _, text in block.texts])
    also = re.search(r"(?<!\s)\s+Also(?:\s+present)?(?:\s+were)?:?\s+(?=[A-Z])", joined)
    if not also:
        return None
    parts = (block.part(block.role, joined[: also.start()]), block.part(IN_ATTENDANCE, joined[also.end() :]))
    return _taken("attendance.also-present", block, Taken(parts=parts))


@rule(
    "attendance.sentences-under-label",
    Fact.ATTENDANCE,
    example(
        "Present:",
        "Councillors Hale and Orme were present. Apologies were received from Cllr Pike.",
        expect={"present": ["Councillor Hale", "Councillor Orme"], "apologies": ["Cllr Pike"]},
        note="a plain list would take Cllr Pike for one of those present",
    ),
    example("Apologies:", "Cllr Bob Orme", expect=None),
    weight=1.0,
)
def sentences_under_label(block: Block) -> Evidence | None:
    """Sentences under a label ("Apologies for absence were received from …"): read as sentences, not a list.

    Written for minutes whose labels head a paragraph of prose."""
    joined = _join_entries([text for _, text in block.texts])
    if not (_APOLOGY_SENTENCE.search(joined) or _PRESENT_SENTENCE.search(joined)):
        return None
    return _taken("attendance.sentences-under-label", block, Taken(sentences=joined))


@rule(
    "attendance.membership",
    Fact.ATTENDANCE,
    example(
        "Membership:",
        "Councillors Hale (Chair), Orme and Pike",
        expect={
            "chair": "Councillor Hale",
            "membership": [("Councillor Hale", "Chair"), ("Councillor Orme", ""), ("Councillor Pike", "")],
        },
    ),
    example("Present:", "Councillors Hale (Chair), Orme and Pike", expect=None),
    weight=1.0,
)
def membership(block: Block) -> Evidence | None:
    """The body's members as an agenda's front sheet lists them ("Membership: Councillors …").

    Written for agendas: they are written before the meeting, so the list says who may attend, not who did."""
    if block.role != MEMBERSHIP:
        return None
    people = tuple(people_in(_join_entries([text for _, text in block.texts])))
    return _taken("attendance.membership", block, Taken(membership=people, note=f"membership: {len(people)} members"))


@rule(
    "attendance.visitors-naming-chair",
    Fact.ATTENDANCE,
    example(
        "In attendance:",
        "Cllr S Hale (Chair), Cllr P Marsh, Cllr T Pike, Mrs Ann Lowe (Clerk)",
        expect={
            "chair": "Cllr S Hale",
            "present": ["Cllr S Hale", "Cllr P Marsh", "Cllr T Pike"],
            "in_attendance": ["Mrs Ann Lowe"],
        },
    ),
    example("In attendance:", "Ann Lowe, clerk", expect=None),
    weight=1.0,
)
def visitors_naming_chair(block: Block) -> Evidence | None:
    """A list under "In attendance" that names the meeting's chair lists the members who met, not visitors.

    Written for parish councils that head the members' list "In attendance" and print no "Present"."""
    if block.role != IN_ATTENDANCE or block.present_known:
        return None
    people = people_in(_join_entries([text for _, text in block.texts]))
    if not _names_its_chair(people):
        return None
    placed = (
        _placed(MEMBERS, [p for p in people if not p.officer], True),
        _placed(IN_ATTENDANCE, [p for p in people if p.officer]),
    )
    return _taken(
        "attendance.visitors-naming-chair",
        block,
        Taken(placed, note="in attendance, naming the chair: the members present"),
    )


@rule(
    "attendance.name-and-role-lines",
    Fact.ATTENDANCE,
    example(
        "Present:",
        "Ann Hale",
        "Chairman",
        "Bob Orme",
        "Treasurer",
        expect={"present": ["Ann Hale", "Bob Orme"]},
    ),
    example("Present:", "Ann Hale, Chairman", "Bob Orme", expect=None),
    weight=1.0,
)
def name_and_role_lines(block: Block) -> Evidence | None:
    """A name a line and a role a line (a table flattened): the names, the roles dropped.

    Written for PDF exports that lose a two-column table's columns and print its cells one under another."""
    if len(block.texts) < 3 or not all(len(t.split()) <= 6 and "," not in t for _, t in block.texts):
        return None
    people = _office_bearers([p for _, t in block.texts if not _is_role(t) for p in people_in(t)])
    return _taken(
        "attendance.name-and-role-lines",
        block,
        Taken((_placed(block.role, people, block.role == MEMBERS),), note=f"{block.role}: {_names(people)}"),
    )


@rule(
    "attendance.list",
    Fact.ATTENDANCE,
    example(
        "Present:",
        "Councillors Hale (Chairman), Orme and",
        "Pike",
        expect={"chair": "Councillor Hale", "present": ["Councillor Hale", "Councillor Orme", "Councillor Pike"]},
    ),
    example("Apologies: Cllr Bob Orme", expect={"apologies": ["Cllr Bob Orme"]}),
    weight=1.0,
)
def names_list(block: Block) -> Evidence | None:
    """A list of names under its label, run over as many lines as it takes.

    Written for the commonest shape of all: "Present: Councillors A, B and C"."""
    people = people_in(_join_entries([text for _, text in block.texts]))
    return _taken(
        "attendance.list",
        block,
        Taken((_placed(block.role, people, block.role == MEMBERS),), note=f"{block.role}: {_names(people)}"),
    )


def _names(people: Sequence[ListedPerson]) -> str:
    return ", ".join(p.name for p in people) or "no names"


BLOCK_RULES: tuple[str, ...] = (
    "attendance.chair-sentence",
    "attendance.flagged-list",
    "attendance.status-after-name",
    "attendance.table",
    "attendance.one-a-line",
    "attendance.labels-mid-line",
    "attendance.also-present",
    "attendance.sentences-under-label",
    "attendance.membership",
    "attendance.visitors-naming-chair",
    "attendance.name-and-role-lines",
    "attendance.list",
)
"""The rules that read a block, in the order they are tried: the most particular shape first."""


_RECEIVED_OPENING = re.compile(
    r"^(?:received|accepted|tendered|submitted|noted|recorded|intimated|offered)"
    r"(?:\s+(?:and|&)\s+(?:accepted|noted|approved|recorded))?\s+from\s+(?:the\s+following\s*:?\s*)?",
    re.IGNORECASE,
)
"""What a list of apologies may open with after its label: "Apologies: Received and accepted from Cllr X" (not
"Apologies were received from …", a sentence, which the sentence rules read)."""


def _take_block(
    role: str,
    texts: list[tuple[int, str]],
    found: AttendanceFound,
    flags: Mapping[str, str],
    meeting_day: tuple[int, int] | None,
) -> None:
    """The block's reading by the first rule that sees something in it, placed in `found`."""
    if role == APOLOGIES and texts:
        texts = [(texts[0][0], _RECEIVED_OPENING.sub("", texts[0][1])), *texts[1:]]
    if meeting_day:
        texts = _pick_meeting(texts, meeting_day)
    elif _dated_sublabels(texts):
        found.needs_day = True
    if role in (PRESENT, MEMBERS) and any(_OTHER_COUNCILLORS.search(text) for _, text in texts):
        texts, others = _members_and_others(texts)
        for other in others:  # each group read on its own: a group's title is only its own names'
            _take(found, Block(IN_ATTENDANCE, (other,), flags, bool(found.chair), bool(found.present)))
    block = Block(role, tuple(texts), flags, bool(found.chair), bool(found.present))
    _take(found, block)


_OTHER_BODY = rf"(?:[A-Z]{{2,5}}|{_OTHER_TIERS})\s+(?=(?i:councillors?|cllrs?)\b)"
"""Another body named before its councillors: "SBC Councillors", "District Cllrs"."""
_OTHER_COUNCILLORS = re.compile(
    rf";\s*(?={_OTHER_BODY}|"
    r"(?:PC|PCSO|Police)\s+[A-Z]|(?:Cllrs?|Councillors?)\.?\s+[A-Z][^;()]{0,60}\((?!RFO\))[A-Z]{2,5}\))"
)
""""…; SBC Councillors J Greenwell, M Rowley; PC T Black": another body's councillors and the police, set after
the members in one list, each group after a semicolon."""
_ORG_BEFORE_TITLE = re.compile(f"^{_OTHER_BODY}")
_OWN_COUNCILLORS = re.compile(r"^(?i:community|parish|town)\s+(?=(?i:councillors)\s+[A-Z])")


def _members_and_others(texts: Sequence[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """A list of those present split where another body's councillors or the police follow the members after a
    semicolon: (the members' part, the others' parts); "Community Councillors J Smith" keeps its title as a
    group's ("Councillors J Smith")."""
    own: list[tuple[int, str]] = []
    others: list[tuple[int, str]] = []
    for index, text in texts:
        first, *rest = _OTHER_COUNCILLORS.split(text)
        own.append((index, _OWN_COUNCILLORS.sub("", first.strip())))
        # "SBC Councillors J Greenwell, M Rowley": the group's title, without the body it names
        others += [(index, _ORG_BEFORE_TITLE.sub("", part.strip().rstrip(";."))) for part in rest if part.strip()]
    return own, others


def _take(found: AttendanceFound, block: Block) -> None:
    block = replace(block, chair_known=bool(found.chair), present_known=bool(found.present))
    for rule_id in BLOCK_RULES:
        if not enabled(rule_id):
            continue
        seen = REGISTRY[rule_id].func(block)
        if seen is not None:
            found.rules.append((rule_id, seen.span))
            _apply(found, block, seen.value)
            return


def _apply(found: AttendanceFound, block: Block, taken: Taken) -> None:
    """Place what a rule read: people on their lists, the chair, parts read again, sentences."""
    if taken.chair and not found.chair:
        found.chair, found.chair_how = taken.chair, "sentence"
    for placed in taken.placed:
        _place(found, placed.role, placed.people, placed.explicit)
    for person in taken.membership:
        found.membership.append((person.name, "Chair" if person.chair else person.role))
        if person.chair and not found.chair:
            found.chair, found.chair_how = person.name, "membership"
    for part in taken.parts:
        _take(found, part)
    if taken.sentences:
        _read_sentences(taken.sentences, found, block.index)
    if taken.note:
        found.notes.append(taken.note)


def _names_its_chair(people: Sequence[ListedPerson]) -> bool:
    """A list under "In attendance" that names the meeting's chair ("Councillors S Hale (SH) Chair, P Marsh
    vice-chair, …") lists the members who met, not visitors."""
    return len(people) >= 3 and any(p.chair for p in people) and sum(not p.officer for p in people) >= 3


def _one_a_line(texts: Sequence[tuple[int, str]]) -> bool:
    entries = [t for _, t in texts if not (t.endswith(":") and find_dates(t, 2000))]
    if len(entries) < 2:
        return False
    return all(
        re.match(rf"^(?:{_TITLE})\s+\S", t, re.IGNORECASE)
        # "Councillor A Hale (Town Mayor, in the Chair)": a comma inside the note is no role's
        and "," in re.sub(r"\([^()]*\)", "", t)
        # "Councillors B Orme, C Pike and F Tate": a title for several names, a list
        and not _PLURAL_TITLE.match(t)
        and len(t.split(",")[0].split()) <= 5
        and "," in t
        and len(t.split()) <= 14
        and not _OPENS_TITLED.match(t.split(",", 1)[1].strip())  # "Cllr A Hale, Cllr B Orme": a list, not a role
        for t in entries
    )


_PLURAL_TITLE = re.compile(r"(?i)(?:councillors|cllrs|crs|members|trustees|commissioners|supervisors|aldermen)\b")
_OPENS_TITLED = re.compile(rf"(?:{alternation(_LIST_TITLES)})\.?\s+[A-Z]")
"""A line opening with a name's title ("Councillor Paul Jones …"): a new entry, whatever the line before."""


def _join_entries(texts: Sequence[str]) -> str:
    """A block's lines as one list: a list wrapped mid-entry joins with a space, a list of one
    entry a line ("Mr A Mackenzie, Legal Manager" / "Mr D Mudie, Team Leader") with a comma."""
    out = ""
    previous = ""
    for text in texts:
        text = text.strip()
        if not out:
            out = previous = text
            continue
        open_bracket = out.count("(") > out.count(")")
        wrapped = (
            open_bracket
            or out.endswith((",", ";", "-", "–"))
            or re.search(r"\b(?:and|&|of|the|for|to|Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Councillors)\.?$", out)
            is not None
            or text.startswith(("and ", "& ", "("))
            or (len(previous.split()) >= 9 and not re.search(r"[.;]$", out) and not _OPENS_TITLED.match(text))
        )
        hyphenated = re.search(r"[a-z]-$", out) is not None and text[:1].isupper()
        out += ("" if hyphenated else " " if wrapped else ", ") + text  # "Kris Lawrence-" / "Anderson": one name
        previous = text
    return out


def _dated_sublabels(texts: Sequence[tuple[int, str]]) -> bool:
    return any(text.rstrip().endswith(":") and find_dates(text, 2000) for _, text in texts)


def _pick_meeting(texts: list[tuple[int, str]], meeting_day: tuple[int, int]) -> list[tuple[int, str]]:
    """Of the lists under sub-labels naming a day ("Scheduled Meeting on 17 September:"), the meeting's own."""
    sections: list[tuple[tuple[int, int] | None, list[tuple[int, str]]]] = []
    for index, text in texts:
        if text.rstrip().endswith(":"):
            dates = find_dates(text, 2000)
            if dates:
                sections.append(((dates[0].date.day, dates[0].date.month), []))
                continue
        if sections:
            sections[-1][1].append((index, text))
        else:
            sections.append((None, [(index, text)]))
    days = [day for day, _ in sections if day]
    if meeting_day in days:
        return [t for day, part in sections if day == meeting_day for t in part]
    return texts


def explain_rules(found: AttendanceFound, line_numbers: Sequence[int]) -> list[str]:
    """What `--explain` says of attendance: each block, by its printed line numbers, and the rule that read
    it with the rule's weight ("  attendance, lines 4-6: attendance.list (1.00): A list of names …")."""
    out = []
    for rule_id, (first, after) in found.rules:
        if first < 0:
            continue  # a label with nothing under it: no block to speak of
        last = max(first, after - 1)
        where = f"line {line_numbers[first]}" if last == first else f"lines {line_numbers[first]}-{line_numbers[last]}"
        out.append(f"  attendance, {where}: {describe(rule_id)}")
    return out
