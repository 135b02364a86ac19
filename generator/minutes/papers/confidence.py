"""How sure the converter is of each fact it writes, and which facts a person should check.

Every fact of a meeting's record comes from evidence, and the evidence says how far to
trust it:

- a header fact (committee, date, time, venue) won a vote of the header rules: the
  winner's weight, its margin over the heaviest rule proposing another value and how
  many rules agree; or it came from a fallback (the site's council because the paper
  names no body, a name taken from the text, a report's cover, a front-matter date);
- the chair was read from a label, a mark beside a name, or a sentence;
- an attendance list came from a label or a sentence, and its names parse as names
  or do not ("Translator Lynda Kirkham-Jones", "Pat Jones John Hedley Jones");
- the items are a chain of headings: numbered or not, how many, gaps in the
  numbering, titles that run on into the text, headings left out of the chain;
- a decision was read by a strong rule ("RESOLVED") or none was read where the text
  says "agreed";
- a citation's date agrees with the paper it is tied to, or not;
- text read by OCR is less sure, whatever it says.

`judge_*` turn that evidence into `Judged` facts (a confidence from 0 to 1 and the
reason in words a person can check against the paper); `doubts` keeps those below
their kind's threshold (`REVIEW_BELOW`) for the record's `review:` list. Every number is named here, in one
place; `bench/doubts.py` measures them on the corpora (how many wrong facts are
flagged, how many flags are wrong) and `--sweep` shows what another threshold gives.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from minutes.core import vocabulary
from minutes.papers import memo
from minutes.papers.attendance import AttendanceFound
from minutes.papers.decisions import Decision
from minutes.papers.decisions import strong as strong_decision
from minutes.papers.header import Proposal
from minutes.papers.headings import (
    BULLETED_POINTS,
    DATED_ENTRY,
    STANDARD_BUSINESS,
    SUBMITTED_BY,
    Candidate,
    ItemHeading,
    number_key,
)
from minutes.papers.worded import Worded
from minutes.records.record import REVIEW_FACTS, ReviewEntry

# --- the thresholds, in one place ------------------------------------------------------------

REVIEW_BELOW: dict[str, float] = {
    "kind": 0.6,
    "committee": 0.3,
    "date": 0.45,
    "time": 0.6,
    "venue": 0.6,
    "chair": 0.5,
    "present": 0.45,
    "apologies": 0.65,
    "in_attendance": 0.6,
    "item": 0.8,
    "decision": 0.55,
    "citation": 0.6,
}
"""Per fact: a fact less sure than this is listed in the record's `review:` for a person to check. Fitted on
the corpora in tests/ by `bench/doubts.py --fit` (the threshold that best catches that fact's wrong values
without burying them in right ones), never per paper."""

# Voted header facts: confidence = logistic(SLOPE * (margin - MIDPOINT) + AGREEMENT * (rules agreeing - 1)).
MARGIN_MIDPOINT = 0.6
"""The winner's margin over its heaviest rival (or its weight, unopposed) at which the converter is 50 % sure."""
MARGIN_SLOPE = 2.2
AGREEMENT_BONUS = 0.6
"""Each further rule proposing the same value adds this much to the logistic score."""

# Fallbacks: a value no rule of the paper's text voted for.
SIDECAR = 1.0
"""A fact a person set in the paper's sidecar."""
COUNCIL_FALLBACK = 0.65
"""The site's council, for a meeting paper that names no body."""
NAME_FROM_TEXT = 0.35
"""A body's name taken from the text (the one it names most) because the paper prints none."""
REPORT_COVER = 0.55
"""A body named only on a report's cover sheet, for a paper with no front sheet."""
NO_COMMITTEE = 0.1
"""No body at all: filed under "Unsorted papers"."""
CALL_TO_ORDER = 0.75
"""A time or place read from the sentence that calls the meeting to order, not the heading."""
FRONT_MATTER_DATE = 0.4
"""A date from the paper's front-matter only: often the page's date, not the meeting's."""
IMPOSSIBLE_DATE = 0.2
"""Minutes dated after the meeting whose pack carries them: filed by the pack's date instead."""
DATE_ADRIFT = 0.4
"""A meeting date a year or more away from every other date the document prints."""
DATE_ADRIFT_DAYS = 240
DATE_ADRIFT_NEEDS = 3
"""How many other dates the document must print for the drift to count."""
OCR_FACTOR = 0.8
"""Text read by OCR from a scanned page: every fact read from it is this much less sure."""
KIND_MARGIN = 1.5
"""The scores for "minutes" and "agenda" closer than this: the kind is less sure, down to KIND_CLOSE at a tie."""
KIND_CLOSE = 0.45

# Facts not found.
MISSING_DATE = 0.2
"""A meeting's paper whose date was not read: filed as undated."""
MISSING_TIME = 0.45
"""No start time read, though the opening prints one."""
MISSING_TIME_LINES = 12
MISSING_PRESENT = 0.4
"""Minutes that speak of attendance ("Present:", "Roll call") where no one was read as present."""

# Venue: words that say the value is not a place.
STRANGE_VENUE = 0.35

# The chair.
CHAIR_BY = {"label": 0.95, "mark": 0.9, "membership": 0.9, "front-matter": 0.85, "sentence": 0.65}
CHAIR_NOT_FOUND = 0.45
"""Minutes that list those present and speak of a chair, but name none."""

# Attendance.
NAMES_THAT_DID_NOT_PARSE = 0.3
ANOTHER_AUTHORITY = 0.4
"""A councillor of another authority (County Cllr, an MSP) among the body's members or their apologies:
they attend, but are not members."""
APOLOGIES_UNREAD = 0.45
"""Minutes that speak of apologies (an "Apologies" item or label with names in it) where none were read."""
FROM_A_SENTENCE = 0.7
FROM_AN_UNLABELLED_LIST = 0.6

# Items.
CHAIN_BY_RULE = {STANDARD_BUSINESS: 0.45, BULLETED_POINTS: 0.4, DATED_ENTRY: 0.8}
"""The chain read by a rule for documents with no headings: less sure than headings."""
UNNUMBERED_CHAIN = 0.75
NUMBERED_CHAIN = 0.95
FEW_ITEMS = {1: 0.6, 2: 0.7}
"""A chain of one or two items is a weak one."""
NO_ITEMS = 0.3
"""A meeting's paper of some length in which no item was found."""
NO_ITEMS_MIN_WORDS = 120
GAP_IN_NUMBERING = 0.45
"""Whole numbers that skip one or more (1, 2, 4): an item missed, or a number read from the text."""
HEADINGS_LEFT_OUT = 0.5
"""Lines set as headings, like the items', that the chain left out."""
LONG_TITLE_WORDS = 14
"""A title longer than this (not a question or motion "submitted by"): it may have swallowed the text."""
LONG_TITLE = 0.4
ODD_TITLE = 0.4
NUMBERED_LEFT_OUT = 0.45
"""A line numbered like the items ("6.3" after 6.1 and 6.2, "4" beside items 1.1–1.3) not read as one."""
"""A title with no word of four letters or more ("PLy", "In Mrs"), or a number out of order."""

# Decisions.
DECISION_WORDS_UNREAD = 0.45
"""Minutes whose text says "agreed", "resolved", "carried" under an item where no decision was read."""
WEAK_DECISION = 0.55
"""A decision read from a phrase that often is not one ("agreed" in a sentence, a bare outcome)."""

# Citations.
CITATION_DISAGREES = 0.3
"""An item names minutes of one date and the paper tied to it is of another."""
CITATION_AFTER_MEETING = 0.3
"""A citation of a meeting later than the meeting that cites it."""

# The house style.
LESSON_WITHHELD = 0.25
"""A lesson of the house style would change this fact, and the paper does not bear it out: the paper's own
reading stands, and a person is asked (below every fact's threshold, so it is always listed)."""


def logistic(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


# --- what is judged -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Judged:
    """One fact the converter wrote, with how sure it is and why."""

    fact: str
    confidence: float
    why: str
    value: str = ""
    lines: tuple[int, int] | None = None
    item: str = ""

    def entry(self) -> ReviewEntry:
        """The record's `review` entry for this fact."""
        return ReviewEntry(self.fact, self.value, self.why, self.lines or (0, 0), self.item, round(self.confidence, 2))


def review_below(fact: str) -> float:
    """The confidence under which a fact of this kind is listed for review."""
    return REVIEW_BELOW[fact]


def doubts(judged: Iterable[Judged]) -> tuple[ReviewEntry, ...]:
    """The facts to list for review: those less sure than their kind's threshold, in the order of the record's
    keys."""
    order = {fact: n for n, fact in enumerate(REVIEW_FACTS)}
    kept = [j for j in judged if j.confidence < review_below(j.fact)]
    kept.sort(key=lambda j: (order[j.fact], j.lines or (0, 0)))
    return tuple(j.entry() for j in kept)


def with_ocr(judged: Iterable[Judged]) -> list[Judged]:
    """Facts of a document read by OCR: each a little less sure, and saying why."""
    return [
        Judged(j.fact, j.confidence * OCR_FACTOR, j.why + "; read by OCR", j.value, j.lines, j.item) for j in judged
    ]


Lines = Sequence[tuple[int, str]]
"""The lines a fact may come from: (line number in the paper, text)."""


def find_lines(needle: str, lines: Lines) -> tuple[int, int] | None:
    """The paper's line that prints `needle` (spaces and case aside), or the lines it wraps over."""
    want = _squash(needle)
    if not want:
        return None
    for number, text in lines:
        if want in _squash(text):
            return (number, number)
    for n in range(len(lines) - 1):
        for k in range(n + 1, min(n + 4, len(lines))):
            joined = _squash(" ".join(text for _, text in lines[n : k + 1]))
            if want in joined:
                return (lines[n][0], lines[k][0])
    return None


def _squash(text: str) -> str:
    return _squashed(str(text))


_NOT_WORD = re.compile(r"[\W_]+")


@memo.remembered
def _squashed(text: str) -> str:
    """`text` without what is not a letter or digit, lowered: asked of each line for every name looked for."""
    return _NOT_WORD.sub("", text).lower()


# --- header facts ---------------------------------------------------------------------------------


def _same_text(a: object, b: object) -> bool:
    return _squash(str(a)) == _squash(str(b))


def same_or_within(a: object, b: object) -> bool:
    """Two readings of one name or place: equal, or the words of one all in the other ("Committee" and
    "Planning Committee", "Village Hall" and "Village Hall, Ashby")."""
    wa, wb = set(re.findall(r"\w+", str(a).lower())), set(re.findall(r"\w+", str(b).lower()))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def judge_vote(
    fact: str,
    value: object,
    proposals: Sequence[Proposal],
    lines: Lines,
    same: Callable[[object, object], bool] = _same_text,
    shown: str = "",
) -> Judged:
    """A fact chosen by the votes of the header rules: sure when heavy, unopposed and agreed on."""
    shown = shown or (value.isoformat() if isinstance(value, dt.date) else str(value))
    backing = [p for p in proposals if same(p.value, value)]
    rivals = [p for p in proposals if not same(p.value, value)]
    if not backing:
        return Judged(fact, 0.5, "no rule of the paper's text proposed it", shown)
    best = max(backing, key=lambda p: p.weight)
    rival = max(rivals, key=lambda p: p.weight) if rivals else None
    margin = best.weight - max(rival.weight, 0.0) if rival else best.weight
    agreeing = len({p.rule for p in backing})
    confidence = logistic(MARGIN_SLOPE * (margin - MARGIN_MIDPOINT) + AGREEMENT_BONUS * (agreeing - 1))
    why = f"read by {best.rule} ({best.weight:.1f})"
    if best.detail and best.detail not in ("opening", "opening, lines joined"):
        why += f" from {best.detail!r}"
    if rival:
        why += f"; {rival.rule} proposed {_shown(rival.value)!r} ({rival.weight:.1f})"
    where = find_lines(best.detail, lines) if best.detail else None
    return Judged(fact, confidence, why, shown, where or find_lines(shown, lines))


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def judge_fallback(fact: str, value: str, source: str, lines: Lines = ()) -> Judged:
    """A fact no rule of the text voted for: how it was found says how sure it is."""
    confidence, why = {
        "sidecar": (SIDECAR, "set in the paper's sidecar"),
        "council": (COUNCIL_FALLBACK, "the paper names no body; filed under the site's council"),
        "default": (COUNCIL_FALLBACK, "the paper names no body; filed under the site's default_committee"),
        "text": (NAME_FROM_TEXT, "the paper prints no body's name; taken from the one its text names most"),
        "cover": (REPORT_COVER, "taken from a report's cover sheet; the paper has no front sheet"),
        "unsorted": (NO_COMMITTEE, "no body found; filed under Unsorted papers"),
        "call-to-order": (CALL_TO_ORDER, "read from the sentence that calls the meeting to order"),
        "front-matter": (FRONT_MATTER_DATE, "the text prints no meeting date; taken from the paper's front-matter"),
    }[source]
    return Judged(fact, confidence, why, value, find_lines(value, lines) if lines else None)


def impossible_date(printed: dt.date, pack: dt.date, lines: Lines) -> Judged:
    """Minutes carried in the pack of a meeting before the date they print: a misprint, filed by the pack."""
    return Judged(
        "date",
        IMPOSSIBLE_DATE,
        f"the minutes print {_long(printed)} inside a pack of {_month(pack)} papers; filed under {pack.isoformat()} "
        "(set `date:` to the meeting's real date)",
        printed.isoformat(),
        _date_lines(printed, lines),
    )


def date_adrift(date: dt.date, others: Sequence[dt.date], lines: Lines) -> Judged | None:
    """A meeting date far from every other date the document prints (a year misprinted: "10 February 2020"
    on an agenda whose other dates are of February 2021)."""
    if len(others) < DATE_ADRIFT_NEEDS:
        return None
    nearest = min(abs((o - date).days) for o in others)
    if nearest < DATE_ADRIFT_DAYS:
        return None
    years = sorted({o.year for o in others})
    return Judged(
        "date",
        DATE_ADRIFT,
        f"every other date the document prints is {nearest} days or more away (years {', '.join(map(str, years))})",
        date.isoformat(),
        _date_lines(date, lines),
    )


def _date_lines(date: dt.date, lines: Lines) -> tuple[int, int] | None:
    from minutes.papers.dates import find_dates

    for number, text in lines:
        if any(found.date == date for found in find_dates(text, date.year)):
            return (number, number)
    return None


def _long(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def _month(date: dt.date) -> str:
    return f"{date:%B %Y}"


_NOT_A_PLACE = re.compile(
    r"\b(?:agendas?|minutes|summons|notice|present|apologies|resolved|item|with|guests?)\b|^(?:a|an)\s"
    r"|\d[.:]\d\d\s*[ap]\.?m|\b\d{1,2}\s*[ap]\.?m\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(?:halls?|library|rooms?|chambers?|centre|center|school|house|offices?|building|pavilion|church|guildhall|"
    r"civic|inn|hotel|institute|club|suite|annexe|street|road|lane|avenue|square|zoom|teams|online|virtual|"
    r"remote|teleconference|video)\b",
    re.IGNORECASE,
)


def judge_venue(judged: Judged) -> Judged:
    """A venue that reads as anything but a place ("Agendas – Town Council", "a virtual AGENDA") is doubtful."""
    value = judged.value
    if _NOT_A_PLACE.search(value) or (
        not _PLACE.search(value) and re.search(r"\b(?:council|committee|board|cabinet)\b", value, re.IGNORECASE)
    ):
        return Judged(
            "venue",
            min(judged.confidence, STRANGE_VENUE),
            f"{value!r} does not read as a place; " + judged.why,
            value,
            judged.lines,
        )
    return judged


_ODD_BODY = re.compile(r"[~|<>{}\[\]=_*#]|\s(?:is|was|are|were|will|the|of|and|on|at|to|for|with)$", re.IGNORECASE)
STRANGE_NAME = 0.35
"""A body's name that ends in the middle of a sentence ("… Planning Commission is") or holds stray marks."""


def judge_body_name(judged: Judged) -> Judged:
    """A committee name that reads as a sentence cut off, or holds stray marks, is doubtful however it was voted."""
    if _ODD_BODY.search(judged.value.strip()):
        return Judged(
            "committee",
            min(judged.confidence, STRANGE_NAME),
            f"{judged.value!r} does not read as a body's name; " + judged.why,
            judged.value,
            judged.lines,
        )
    return judged


def lesson_withheld(fact: str, value: str, why: str, lines: tuple[int, int] | None = None, item: str = "") -> Judged:
    """A fact the house style would have read otherwise, kept as the paper itself reads it (`style_trial`)."""
    return Judged(fact, LESSON_WITHHELD, why, value, lines, item)


def judge_missing(fact: str, kind: str, lines: Lines) -> Judged | None:
    """A fact readers rely on that was not found: the date of a meeting's paper; the time its opening prints;
    those present at a meeting whose minutes speak of attendance."""
    if fact == "date":
        return Judged("date", MISSING_DATE, "no meeting date was read: the record is filed as undated", "")
    if fact == "time":
        from minutes.papers.dates import find_time

        for number, text in lines[:MISSING_TIME_LINES]:
            found = find_time(text)
            if found and not re.search(r"\b(?:clos|end|adjourn|next)", text, re.IGNORECASE):
                return Judged(
                    "time",
                    MISSING_TIME,
                    f"no start time was read, but the opening prints {text[:60]!r}",
                    "",
                    (number, number),
                )
        return None
    if fact == "present" and kind == "minutes":
        for number, text in lines:
            if _ATTENDANCE_SAID.search(text):
                return Judged(
                    "present",
                    MISSING_PRESENT,
                    f"no one was read as present, but the minutes say {text[:60]!r}",
                    "",
                    (number, number),
                )
    return None


_ATTENDANCE_SAID = re.compile(
    r"\b(?:present\s*[:\-–]|roll\s+call|members\s+present|those\s+present|present\s+were|attendance\s*:|attending\s*:)",
    re.IGNORECASE,
)


def judge_kind(kind: str, minutes: float, agenda: float, lines: Lines) -> Judged:
    """Agenda or minutes: sure when one side's signs clearly outweigh the other's."""
    margin = abs(minutes - agenda)
    confidence = 0.95 if margin >= KIND_MARGIN else KIND_CLOSE + (0.95 - KIND_CLOSE) * margin / KIND_MARGIN
    other = "agenda" if kind == "minutes" else "minutes"
    return Judged(
        "kind",
        confidence,
        f"read as {kind} by {max(minutes, agenda):.1f} to {min(minutes, agenda):.1f} for {other}",
        kind,
        (lines[0:1] and (lines[0][0], lines[0][0])) or None,
    )


# --- the chair and attendance ----------------------------------------------------------------------

_TITLE_WORDS = {
    w.lower()
    for t in vocabulary.MEMBER_TITLES
    + vocabulary.PERSONAL_TITLES
    + vocabulary.CHAIR_ROLES
    + vocabulary.VICE_CHAIR_ROLES
    for w in t.replace("-", " ").split()
} | set(
    "councillors cllrs crs mayor his her worship hon president commissioner commissioners supervisor supervisors "
    "trustee trustees selectman selectmen selectwoman alderman aldermen councilmember councilmembers boardmember "
    "member members vice".split()
)
"""Words a name may open with: titles and the offices members hold ("Vice President Hom")."""
_NOT_NAME_WORDS = frozenset(
    """
    also and the of for with from present apologies absent excused attendance attending in at by
    translator interpreter clerk officer officers director manager secretary treasurer planner engineer
    assistant administrator minute taker police pcso highways club school primary inc ltd limited
    community services service transformation wellbeing council county district borough town parish city
    committee board members member public press one two three four five several none no nil
    executive staff
    """.split()
)
"""Words that are not part of a person's name: a role, a place, a body, a number, a word of the sentence."""
_PARTICLES = frozenset("de van von der den le la du da di ap mc mac o".split())


def name_problem(name: str) -> str:
    """Why a name read from an attendance list may not be one person's name; "" when it reads as one."""
    text = re.sub(r"\([^()]*\)", " ", name)
    text = re.sub(r"[,;].*$", "", text)
    words = [w.strip(".'’\"“”") for w in text.split()]
    words = [w for w in words if w]
    core = list(words)
    while core and core[0].lower().rstrip(".") in _TITLE_WORDS:
        core.pop(0)
    if not core:
        return "no name after the title"
    odd = [w for w in core if w.lower() in _NOT_NAME_WORDS]
    if odd:
        return f"{odd[0]!r} is not part of a name"
    if any(re.search(r"\d", w) for w in core):
        return "a number in the name"
    if len(core) > 4:
        return "more words than one name has: two names run together?"
    untitled = re.sub(rf"^(?:(?:{'|'.join(sorted(_TITLE_WORDS))})\.?\s+)+", "", text.strip(), flags=re.IGNORECASE)
    if re.search(r"[a-z]{2}\.\s+[A-Z]", untitled):
        return "a full stop inside: two names run together?"
    if any(
        w[:1].islower()
        and w.lower() not in _PARTICLES
        and not re.fullmatch(r"(?:de|da|di|du|van|von|le|la)[A-Z]\w+", w)
        for w in core
    ):
        return "a word without a capital"
    if len(core) == 1 and len(words) == 1 and not re.fullmatch(r"[A-Z][a-z’'-]+", core[0]):
        return "a single word, not a name"
    return ""


# Tried only on lines holding one of its words (asked of every line of minutes that name no chair).
_SPEAKS_OF_CHAIR = Worded(
    re.compile(
        r"\b(?:in\s+the\s+chair|(?:assumed|took|taking)\s+the\s+chair|chaired\s+by|presided|presiding|"
        r"called\s+(?:the\s+)?(?:\w+\s+)?meeting\s+to\s+order|cathaoirleach|chair(?:man|person|woman)?\s*:)",
        re.IGNORECASE,
    ),
    ("chair", "presid", "order", "cathaoirleach"),
)


def judge_chair(
    chair: str, read: AttendanceFound | None, kind: str, present: Sequence[str], lines: Lines
) -> Judged | None:
    """The chair: sure from a label or a mark beside a name, less from a sentence; missing where the minutes
    say someone chaired."""
    how = read.chair_how if read else ""
    if chair:
        problem = name_problem(chair)
        confidence = CHAIR_BY.get(how, 0.8)
        why = {
            "label": "listed under a chair's label",
            "mark": "marked as chair beside the name",
            "membership": "marked as chair in the membership",
            "front-matter": "named in the paper's front-matter",
            "sentence": "named by a sentence",
        }.get(how, "read from the attendance")
        if problem:
            confidence, why = min(confidence, NAMES_THAT_DID_NOT_PARSE), f"{why}; {problem}"
        return Judged("chair", confidence, why, chair, find_lines(chair, lines))
    said = next(((n, t) for n, t in lines if _SPEAKS_OF_CHAIR.search(t)), None)
    if kind == "minutes" and said:
        return Judged(
            "chair", CHAIR_NOT_FOUND, f"no chair was read, but the minutes say {said[1][:60]!r}", "", (said[0], said[0])
        )
    return None


_OTHER_AUTHORITY = re.compile(
    r"^(?i:(?:county|district|borough|city|unitary|ward|town)\s+(?:councill?or|cllr|cr)\b|(?:pc|pcso|wpc|sgt)\b\.?\s)"
    r"|\b(?:MSP|MP|MS|AM|MLA|MEP|TD)\.?$",
)
_MEMBER_TITLE = re.compile(r"^(?:Councillors?|Cllrs?|Crs?)\b", re.IGNORECASE)
_APOLOGIES_SAID = re.compile(r"\bapolog(?:y|ies)\b", re.IGNORECASE)
_NONE_SAID = re.compile(
    r"\b(?:none|nil|no\s+apologies|no\s+one|nobody|not\s+applicable|n/a)\b|\ball\s+(?:members\s+)?(?:were\s+)?present",
    re.IGNORECASE,
)


def judge_attendance(
    role: str,
    names: Sequence[str],
    read: AttendanceFound | None,
    lines: Lines,
    kind: str = "",
    everyone: Sequence[str] = (),
) -> Judged | None:
    """One attendance list: names that do not parse as names, councillors of another authority among the
    members, names read from a sentence or a list with no label; apologies spoken of but none read.
    `everyone`: the names of the record's present and apologies lists, for the title the members share."""
    if not names:
        if role == "apologies" and kind == "minutes":
            return _apologies_unread(lines)
        return None
    where = _list_lines(names, lines)
    problems = [(n, name_problem(n)) for n in names]
    problems = [(n, p) for n, p in problems if p]
    if problems:
        listed = "; ".join(f"{n!r}: {p}" for n, p in problems[:3]) + (" …" if len(problems) > 3 else "")
        return Judged(role, NAMES_THAT_DID_NOT_PARSE, f"names that may not be one person's: {listed}", "", where)
    if role in ("present", "apologies"):
        other = [n for n in names if _OTHER_AUTHORITY.search(n.strip())]
        plain_named = [n for n in everyone if not _MEMBER_TITLE.match(n) and not _OTHER_AUTHORITY.search(n)]
        titled = [n for n in everyone if _MEMBER_TITLE.match(n)]
        if len(plain_named) >= 3 and titled and len(titled) * 4 <= len(plain_named):
            # members named plainly ("Ann Hale, Bob Orme"): a "Cllr X" among them is a ward councillor attending
            other += [n for n in names if n in titled and n not in other]
        if other:
            return Judged(
                role,
                ANOTHER_AUTHORITY,
                f"{', '.join(repr(n) for n in other[:3])}: of another authority or the police, not a member?",
                "",
                where,
            )
    if read is not None:
        from_sentence = [n for n in names if n in read.sentence_names]
        if from_sentence:
            return Judged(
                role,
                FROM_A_SENTENCE,
                f"{len(from_sentence)} of {len(names)} names read from a sentence, not a list",
                "",
                where,
            )
        unlabelled = [n for n in names if n in read.unlabelled_names]
        if unlabelled:
            return Judged(
                role, FROM_AN_UNLABELLED_LIST, f"{len(unlabelled)} names read from a list with no label", "", where
            )
    return Judged(role, 0.9, "a labelled list", "", where)


_TITLED_NAME = re.compile(
    r"\b(?:Councillors?|Cllrs?|Crs?|Mr|Mrs|Ms|Miss|Dr|Rev|County\s+Councillor)\.?\s+(?:[A-Z]\.?\s*){0,3}[A-Z][a-z’'-]+"
)


def _apologies_unread(lines: Lines) -> Judged | None:
    """Minutes with no apologies read, whose text names someone with a title in the lines after "apologies"."""
    for n, (number, text) in enumerate(lines):
        if not _APOLOGIES_SAID.search(text):
            continue
        said = " ".join(t for _, t in lines[n : n + 3])
        found = _APOLOGIES_SAID.search(said)
        after = said[found.end() :][:200] if found else ""
        if _NONE_SAID.search(after[:60]) or not _TITLED_NAME.search(after):
            continue
        return Judged(
            "apologies",
            APOLOGIES_UNREAD,
            f"no apologies were read, but the minutes say {text[:60]!r}",
            "",
            (number, number),
        )
    return None


def _list_lines(names: Sequence[str], lines: Lines) -> tuple[int, int] | None:
    found = [find_lines(n, lines) for n in names]
    numbers = [n for span in found if span for n in span]
    return (min(numbers), max(numbers)) if numbers else None


# --- items and decisions ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemRead:
    """One item as the converter read it, with where it stands in the paper."""

    key: str
    number: str
    title: str
    head: ItemHeading | None
    lines: tuple[int, int] | None
    """The paper's lines of its heading."""
    decisions: tuple[Decision, ...] = ()
    text: str = ""
    """The item's text after its heading."""


def judge_items(
    items: Sequence[ItemRead],
    left_out: Sequence[Candidate],
    kind: str,
    words: int,
    numbered: Callable[[int], int],
) -> list[Judged]:
    """The chain of items as a whole, and each item: see the thresholds above. `numbered` gives a line
    index's line number in the paper."""
    if not items:
        if kind in ("agenda", "minutes") and words >= NO_ITEMS_MIN_WORDS:
            return [Judged("item", NO_ITEMS, f"no items found in {words} words of {kind}", "")]
        return []
    top = [i for i in items if i.head is None or i.head.level == 0]
    base, why = _chain_shape(top)
    first = min(i.lines[0] for i in items if i.lines) if any(i.lines for i in items) else 0
    for doubt, said in (
        _headings_left_out(top, left_out, numbered, first),
        _numbers_left_out(items, left_out, numbered, first),
    ):
        if said:
            base, why = min(base, doubt), f"{said}; {why}"
    out = [Judged("item", base, why, "", _span([i.lines for i in items]))]
    previous: tuple[int, ...] = ()
    for item in top:
        if item.head is None:
            continue
        problem, confidence = _title_problem(item.title, item.head.rule)
        if item.number:
            key = number_key(item.number)
            if previous and key and key < previous and key[:1] != previous[:1] and key[:1] != (1,):
                problem, confidence = f"number {item.number} comes after {'.'.join(map(str, previous))}", ODD_TITLE
            previous = key or previous
        if problem:
            out.append(Judged("item", confidence, problem, item.title, item.lines, item.key))
    return out


def _chain_shape(top: Sequence[ItemRead]) -> tuple[float, str]:
    """How sure a chain of this shape is, and why: by the rule that read it, numbered or not, how many
    items, gaps in the numbering."""
    rules = {i.head.rule for i in top if i.head}
    rule = next(iter(rules)) if len(rules) == 1 else ""
    if rule in CHAIN_BY_RULE:
        base, why = CHAIN_BY_RULE[rule], f"items read by {rule}: no headings set them apart"
    elif all(i.number for i in top):
        base, why = NUMBERED_CHAIN, "a numbered chain"
    else:
        base, why = UNNUMBERED_CHAIN, "unnumbered headings"
    if len(top) in FEW_ITEMS:
        base, why = min(base, FEW_ITEMS[len(top)]), f"only {len(top)} item{'s' if len(top) > 1 else ''} found; {why}"
    gaps = _gaps([i.number for i in top])
    if gaps:
        base = min(base, GAP_IN_NUMBERING)
        why = f"the numbering skips {', '.join(gaps[:5])}{' …' if len(gaps) > 5 else ''}; {why}"
    return base, why


def _headings_left_out(
    top: Sequence[ItemRead], left_out: Sequence[Candidate], numbered: Callable[[int], int], first: int
) -> tuple[float, str]:
    """Lines set as headings after the first item, in the style of the items read, not read as items."""
    taken_style = {i.head.rule for i in top if i.head}
    numbered_chain = all(i.number for i in top)
    missed = [
        c
        for c in left_out
        if c.style in ("heading", "bold", "caps")
        and c.headingish
        and (c.rule in taken_style or not numbered_chain)
        and not c.in_list
        and numbered(c.index) > first
    ]
    if not missed:
        return HEADINGS_LEFT_OUT, ""
    shown = ", ".join(repr(c.title[:40]) for c in missed[:3])
    return HEADINGS_LEFT_OUT, f"headings not read as items: {shown}{' …' if len(missed) > 3 else ''}"


def _numbers_left_out(
    items: Sequence[ItemRead], left_out: Sequence[Candidate], numbered: Callable[[int], int], first: int
) -> tuple[float, str]:
    """Lines numbered like the items ("6.3" after 6.1 and 6.2) not read as one."""
    numbers = {i.number for i in items if i.number}
    parents = {number_key(n)[:1] for n in numbers}
    numbered_out = [
        c
        for c in left_out
        if c.number
        and c.form in ("int", "dotted", "slash", "prefixed")
        and not c.in_list
        and c.number.rstrip(".") not in numbers
        and not _RESOLUTION.match(c.title)
        and (c.headingish or (c.form == "dotted" and c.key[:1] in parents))
        and numbered(c.index) > first
    ]
    if not numbered_out:
        return NUMBERED_LEFT_OUT, ""
    shown = ", ".join(f"{c.number} {c.title[:30]!r}" for c in numbered_out[:3])
    return NUMBERED_LEFT_OUT, f"numbered like items but not read as one: {shown}{' …' if len(numbered_out) > 3 else ''}"


def _title_problem(title: str, rule: str) -> tuple[str, float]:
    """What may be wrong with one item's title, and how sure it then is; ("", 1.0) when nothing."""
    title_words = title.split()
    if len(title_words) > LONG_TITLE_WORDS and rule not in (SUBMITTED_BY, BULLETED_POINTS):
        return f"a title of {len(title_words)} words: it may run on into the item's text", LONG_TITLE
    if _PERSON_TITLE.match(title.strip()):
        return "a person's name, not an item's title", ODD_TITLE
    if rule != SUBMITTED_BY and _names_inside(title):
        return "the title runs on into names: it may have swallowed the text", LONG_TITLE
    if _repeats(title):
        return "the title repeats itself: it may run on into the next heading", LONG_TITLE
    if not re.search(r"[A-Za-z]{4}", title) and not re.fullmatch(
        r"(?i)a\.?o\.?c?\.?b\.?|aob|any|none|nil|ptc|cil", title.strip(" .")
    ):
        return "a title with no word of four letters", ODD_TITLE
    return "", 1.0


_RESOLUTION = re.compile(r"^(?:that|to\s+note|noted|resolved|agreed)\b", re.IGNORECASE)
_PERSON_TITLE = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Mayor)\.?\s+(?:[A-Z]\.?\s*){0,3}[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)?$"
)
_COUNCILLOR_NAMED = re.compile(r"\b(?:Cllrs?|Councillors?|Cr)\.?\s+(?:[A-Z]\.?\s*){1,3}[A-Z][a-z]")


def _names_inside(title: str) -> bool:
    """A councillor named after at least two words of a title (found without trying every start)."""
    found = _COUNCILLOR_NAMED.search(title)
    return found is not None and len(title[: found.start()].split()) >= 2


def _repeats(title: str) -> bool:
    """ "Informal Open Forum with City Council Call to Order Informal Open Forum …": three words that come back."""
    words = title.lower().split()
    runs = [tuple(words[n : n + 3]) for n in range(len(words) - 2)]
    return len(runs) != len(set(runs))


def _gaps(numbers: Sequence[str]) -> list[str]:
    """Whole numbers the chain skips: "1 2 4" skips 3 (a jump of more than five is a new series, not a gap)."""
    ints = [int(n) for n in numbers if re.fullmatch(r"\d{1,3}", n)]
    if len(ints) < 3 or len(ints) < len(numbers) * 0.8:
        return []
    out: list[str] = []
    for a, b in itertools.pairwise(ints):
        if 1 < b - a <= 5:
            out.extend(str(n) for n in range(a + 1, b))
    return out


def _span(spans: Iterable[tuple[int, int] | None]) -> tuple[int, int] | None:
    numbers = [n for s in spans if s for n in s]
    return (min(numbers), max(numbers)) if numbers else None


_DECISION_WORDS = re.compile(
    r"\b(?:resolved|agreed|carried|approved|adopted|unanimously|motion\s+(?:was\s+)?passed|it\s+was\s+decided|"
    r"(?:all|members)\s+(?:were\s+)?in\s+favour|seconded)\b|(?:^|\n)That\s",
    re.IGNORECASE,
)
_NOT_DECIDED = re.compile(r"\b(?:not|n't)\s+(?:\w+\s+)?(?:agreed|approved|carried|resolved)\b", re.IGNORECASE)


def judge_decisions(
    items: Sequence[ItemRead], kind: str, words: int = 0, items_judged: Sequence[Judged] = ()
) -> list[Judged]:
    """Minutes only: an item whose text speaks of a decision none was read from, and decisions read from
    phrases that often are not decisions; minutes of some length with no items have none read at all.

    `items_judged`: how the items were judged. Decisions are read under each item, so when the chain of items
    is in doubt (an item missed or one too many) so is the list of decisions, as sure as the least sure item.
    """
    if kind != "minutes":
        return []
    if not items and words >= NO_ITEMS_MIN_WORDS:
        return [Judged("decision", NO_ITEMS, "no items were found, so no decisions were read", "")]
    out: list[Judged] = []
    doubted = [j for j in items_judged if j.fact == "item" and j.confidence < review_below("item")]
    if doubted:
        least = min(doubted, key=lambda j: j.confidence)
        # On the doubted item's decision when one item is doubted; on every decision when the whole chain is.
        out.append(
            Judged(
                "decision",
                least.confidence,
                "the decisions are read under the items, and the items are in doubt: " + least.why,
                "",
                least.lines,
                least.item,
            )
        )
    for item in items:
        if not item.decisions:
            said = [
                m.group(0).strip() for m in _DECISION_WORDS.finditer(item.text) if not _NOT_DECIDED.search(item.text)
            ]
            if said:
                out.append(
                    Judged(
                        "decision",
                        DECISION_WORDS_UNREAD,
                        f"the text says {said[0]!r} but no decision was read",
                        "",
                        item.lines,
                        item.key,
                    )
                )
            continue
        weak = [d for d in item.decisions if not strong_decision(d)]
        if weak and len(weak) == len(item.decisions):
            out.append(
                Judged(
                    "decision",
                    WEAK_DECISION,
                    f"{len(weak)} decision{'s' if len(weak) > 1 else ''} read from {weak[0].rule!r}: "
                    f"{weak[0].text[:60]!r}",
                    "",
                    item.lines,
                    item.key,
                )
            )
    return out


# --- citations ---------------------------------------------------------------------------------------


def citation_disagrees(item: str, stated: dt.date, printed: dt.date, lines: tuple[int, int] | None) -> Judged:
    """An agenda item names the minutes of one date, and the minutes tied to it print another."""
    return Judged(
        "citation",
        CITATION_DISAGREES,
        f"item {item} names the minutes of {_long(stated)}, but the minutes in the pack print {_long(printed)}",
        stated.isoformat(),
        lines,
        item,
    )


def citation_after(item: str, cited: dt.date, meeting: dt.date, text: str, lines: tuple[int, int] | None) -> Judged:
    """A reference to a meeting after the one that makes it (not the next meeting's date): a misprint."""
    return Judged(
        "citation",
        CITATION_AFTER_MEETING,
        f"{text[:60]!r} names a meeting of {_long(cited)}, after this meeting of {_long(meeting)}",
        cited.isoformat(),
        lines,
        item,
    )
