"""A meeting's own facts from the opening of its paper: body, date, time, venue, kind.

Clerks name a meeting in a heading over several lines ("Minutes / of the Meeting of the /
Planning & Regulatory Committee / Wednesday, 11th May 2016 / held at the Town Hall"), in
one sentence ("A Meeting of Burton-cum-Walden Parish Council will be held in the Village
Hall, West Burton, on Tuesday 4 November 2025 at 8.00 pm"), in a letter ("You are
requested to attend a Meeting of the … to be held …"), as "Venue:" / "Date:" lines, or
only in a title line ("PLANNING COMMITTEE").

Every rule below proposes values with a weight; the heaviest proposal of each fact wins,
and the proposals are kept so `explain` can show why. A fact nobody proposes stays empty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from minutes.papers.dates import find_dates, find_time, parse_date

BODY_WORDS = (
    r"Council|Committee|Sub-Committee|Subcommittee|Board|Cabinet|Commission|Panel|Forum|Authority|Assembly|"
    r"Partnership|Cyngor|Executive(?=\s+(?:Board|Committee|Member|Panel)\b)|Working\s+Group|Group|Trust|District|Township|Shire|Vestry|"
    r"Town(?=\s+(?:of|Council|Board|Meeting)\b)|Parish(?=\s+(?:Council|Meeting)\b)"
)
_BODY_WORD = re.compile(rf"\b(?:{BODY_WORDS})\b", re.IGNORECASE)
_GENERIC_BODY = re.compile(
    r"^(?:the\s+)?(?:full\s+|ordinary\s+|annual\s+|extraordinary\s+|special\s+|monthly\s+|regular\s+)?"
    r"(?:(?:parish|town|city|district|borough|county|community|village|metropolitan|unitary)\s+)?"
    r"(?:council|board|town\s+board|vestry)(?:\s+meeting)?$",
    re.IGNORECASE,
)
_COUNCIL_NAME = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’-]*(?:[ \t]+|-)(?:(?i:cum|on|upon|le|by|in|and|with|the|de)(?:[ \t]+|-))?){1,5}"
    r"(?i:Parish|Town|City|District|Borough|County|Community|Village|Metropolitan[ \t]+Borough|City[ \t]+and[ \t]+County)[ \t]+(?i:Council)"
    r"|(?i:Shire|Town|City|Township|Borough|Village|County|Municipality)\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?:,\s+[A-Z][a-z]+)?)\b"
)
_MEETING_TYPE = r"(?P<type>annual(?:\s+general)?|extraordinary|special|ordinary|inaugural|monthly|regular|reconvened|adjourned|statutory|emergency|full|general|virtual|remote)"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_BODY_END = (
    r"(?=\s+(?:held|to\s+be\s+held|which\s+(?:will|was)|will\s+be|was\s+held|is\s+to\s+be|on\s|at\s|in\s+the\s|in\s+[A-Z]|commencing|starting|convened|"
    r"for\s+the\s+\d|for\s+the\s+purposes?\b|this\s+\d|dated|HELD|ON\s|AT\s|IN\s)|\s*[,.;:]?\s*(?:\n|$)|\s+[-–—]\s|\s*,\s+(?:on|at|held)\b|"
    r"\s*,\s+(?-i:[a-z]))"  # "… meeting of the Cabinet, the following reports": a clause, not the body's name
)
_MEETING_OF = re.compile(
    rf"\b(?:{_MEETING_TYPE}\s+)?meeting\s+of\s+(?:the\s+)?(?P<body>[^\n]{{3,120}}?){_BODY_END}",
    re.IGNORECASE,
)
_MINUTES_OF = re.compile(
    rf"\b(?:minutes?|notes|record|summary)\s+of\s+(?!(?:the\s+|a\s+|an\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:{_MONTH}\s+)?(?:(?:{_MEETING_TYPE}|previous|last|next)\s+)?meeting\b|(?:the\s+)?proceedings\b|(?:the\s+)?decisions\b)(?:the\s+|a\s+|an\s+)?"
    rf"(?P<body>[^\n]{{3,120}}?){_BODY_END}",
    re.IGNORECASE,
)
_BODY_MEETING = re.compile(
    rf"\b(?:an?|the)\s+(?P<body>(?:[A-Z][\w'’&-]*\s+){{1,6}}?)(?:{_MEETING_TYPE}\s+)?meeting\s+(?:was|will\s+be|is\s+to\s+be|to\s+be)\s+held",
)
_BODY_THEN_MINUTES = re.compile(
    rf"^(?P<body>(?:[A-Z][\w'’&-]*\s+){{1,10}}?)(?:draft\s+)?(?:minutes|notes)\s+of\s+(?:proceedings\s+of\s+)?(?:the\s+|a\s+|an\s+)?"
    rf"(?:{_MEETING_TYPE}\s+)?meeting\b",
    re.IGNORECASE,
)
""""KEMNAY COMMUNITY COUNCIL MINUTES OF THE MEETING HELD ON 31 OCTOBER 2013": the body, then what the paper is."""
_REPORT_OF = re.compile(r"^\s*(?:\d+\w*\s+)?report\s+of\s+the\s+\(?(?P<body>[^()]+?)\)?\s*$", re.IGNORECASE)
_KEY = re.compile(
    r"^\s*(?P<key>committee|meeting|made\s+at\s+meeting|decision\s+maker|body|date(?:\s+of\s+meeting)?|time|venue|place|location|where|when|date\s+and\s+time|time\s+and\s+date|"
    r"time\s+and\s+place|place\s+and\s+time|date\s+and\s+place|date,\s+time\s+and\s+place)\s*[:\-–]\s*(?P<value>.*)$",
    re.IGNORECASE,
)

MINUTES_WORDS = re.compile(
    r"\b(?:minutes?\s+of|minutes\b|minute\s+of\s+the|cofnodion\b|record\s+of\s+(?:the\s+)?(?:meeting|proceedings|decisions)|"
    r"notes\s+of\s+(?:the\s+)?meeting|proceedings\s+at|was\s+held|were\s+present|present\s*:)",
    re.IGNORECASE,
)
AGENDA_WORDS = re.compile(
    r"\b(?:agenda\b(?!\s+(?:item|no\b|number|business))|a\s*g\s*e\s*n\s*d\s*a|rhaglen\b|^notice\s+of\s+(?:the\s+)?meeting|notice\s+is\s+hereby\s+given|summons\b|summoned|"
    r"you\s+are\s+(?:hereby\s+)?(?:requested|summoned|invited)\s+to\s+attend|will\s+be\s+held|to\s+be\s+held|"
    r"business\s+to\s+be\s+transacted)",
    re.IGNORECASE | re.MULTILINE,
)
_LETTER = re.compile(
    r"^(?:dear\b|your\s+ref|our\s+ref|please\s+ask\s+for|direct\s+dial|e-?mail\s*:|tel(?:ephone)?\s*:|t:|f:|date\s+of\s+letter|ref\s*:)",
    re.IGNORECASE,
)
_NEXT = re.compile(
    r"\bnext\s+meeting\b|\bfuture\s+meetings?\b|\bprevious\s+meeting\b|\blast\s+meeting\b", re.IGNORECASE
)
_PLACE_WORDS = re.compile(
    r"\b(?:halls?|library|rooms?|chambers?|centre|center|school|house|offices?|building|pavilion|church|guildhall|"
    r"civic|pub|inn|hotel|institute|club|suite|annexe|teleconference|zoom|teams|online|virtual|remote)\b",
    re.IGNORECASE,
)
_ONLINE = re.compile(
    r"\b(?:via|by|on)\s+(?:teleconference|video\s*conference|zoom|microsoft\s+teams|ms\s+teams|teams|skype|conference\s+call)\b"
    r"|\b(?:remote|virtual|online)\s+meeting\b|\bheld\s+(?:remotely|virtually|online)\b",
    re.IGNORECASE,
)
_VENUE_AFTER = re.compile(
    r"\b(?:held|take\s+place|meet|convened|to\s+order)\s+(?:at\s+\d[\d.:]*\s*(?:[ap]\.?m\.?)?,?\s+)?(?:at|in)\s+(?:the\s+)?(?P<venue>[^\n]*?)"
    r"(?=\s*,?\s+on\b|\s*,?\s+ON\b|\s*,\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\s+at\s+\d|\s*,\s*at\s+\d|\s+commencing"
    r"|\s*\n\s*on\b|(?<!\bCo)(?<!\bCO)(?<!\bSt)(?<!\bST)(?<!\bRd)(?<!\bNo)\s*[.;]\s|\s*[.;]?\s*$|\s*\n"
    r"|\s+(?:present|apologies|in\s+attendance)\b|\s+[A-Za-z]{0,5}/\d)",
    re.IGNORECASE,
)
_VENUE_AFTER_DATE = re.compile(
    r"(?:\b(?:19|20)\d\d|\d\s*[ap]\.?m\b\.?|\b\d{1,2}[.:]\d\d\b)[ \t]*,?[ \t]+(?:at|in)[ \t]+(?:the[ \t]+)?(?P<venue>[A-Z][^\n]*?)"
    r"(?=\s*,?\s+(?:at|commencing)\s+\d|(?<!\bCo)(?<!\bCO)(?<!\bSt)\s*[.;]\s|\s*[.;]?\s*$|\s*\n|\s+(?:present|apologies)\b|\s+[A-Za-z]{0,5}/\d)",
    re.IGNORECASE,
)
_PLATFORM = re.compile(r"\b(?:zoom|microsoft\s+teams|ms\s+teams|google\s+meet|skype|webex)\b", re.IGNORECASE)
_ONLINE_WORD = re.compile(r"\b(?:remote|virtual|online|attendance)\b", re.IGNORECASE)
_VENUE_STOP = re.compile(
    r"\s*(?:View directions|Map\b|Directions\b|\(map\)|,?\s+followed\s+by\b|,?\s+immediately\s+(?:after|following)\b|"
    r",?\s+commencing\b|,?\s+starting\b|\(\s*or\s+|\s+[-–]\s+please\b|please\s+click|click\s+here|https?://|"
    # "held virtually and a live audio stream can be listened to via …": how to follow it, not where it is
    r",?\s+and\s+(?:a\s+|the\s+|will\s+be\s+)?(?:live\s+)?(?:audio\s+|video\s+)?(?-i:stream|streamed|webcast|broadcast)\b).*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Proposal:
    """One value a rule read for a fact, with its weight and where it came from."""

    value: Any
    weight: float
    rule: str


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What the opening of a document says about its meeting."""

    committee: str = ""
    date: dt.date | None = None
    time: str = ""
    venue: str = ""
    kind: str = ""
    """minutes | agenda | "" when the opening does not say."""
    meeting_type: str = ""
    """annual | extraordinary | special | inaugural | … as printed, lower case."""
    undated: str = ""
    """A day and month printed without a year ("Tuesday 22 September"), kept to warn about."""
    online: bool = False
    proposals: tuple[tuple[str, Proposal], ...] = ()
    """Every proposal made, fact by fact, for `explain`."""


@dataclass(slots=True)
class _Votes:
    proposals: dict[str, list[Proposal]] = field(default_factory=dict)

    def add(self, fact: str, value: Any, weight: float, rule: str) -> None:
        if value in (None, ""):
            return
        self.proposals.setdefault(fact, []).append(Proposal(value, weight, rule))

    def best(self, fact: str) -> Any:
        options = self.proposals.get(fact) or []
        if not options:
            return None
        return max(enumerate(options), key=lambda kv: (kv[1].weight, -kv[0]))[1].value

    def flat(self) -> tuple[tuple[str, Proposal], ...]:
        return tuple((fact, p) for fact, ps in self.proposals.items() for p in ps)


# --- cleaning what was read ----------------------------------------------------------------------


def clean_body(text: str) -> str:
    """A body's name as printed, without what surrounds it in a heading."""
    text = re.sub(r"\s+", " ", text).strip()
    report = _REPORT_OF.match(text)
    if report:
        text = report.group("body")
    text = re.sub(r"\s*\((?:[A-Z]{2,8}|[A-Z][a-z]{1,3}[A-Z]{1,6})\)$", "", text)  # "… Board (RLSCB)"
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    text = re.sub(
        r"^(?:\d+(?:st|nd|rd|th)\s+)?(?:(?:annual|extraordinary|special|ordinary|inaugural|monthly|regular)\s+)?meeting\s+of\s+(?:the\s+)?",
        "",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(rf"^{_MEETING_TYPE}\s+meeting\s*,\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(
        r"^(?:the\s+)?corporation\s+of\s+(?:the\s+)?(?=(?:township|town|city|village|municipality|county)\s+of\b)",
        "",
        text,
        flags=re.IGNORECASE,
    )  # "The Corporation of the Township of Nipissing"  # "Annual Meeting, Carrick … District"
    text = re.sub(
        r"^(?:decisions?\s+(?:determined|made|taken)\s+(?:at|by)|decisions?\s+of)\s+(?:the\s+)?",
        "",
        text,
        flags=re.IGNORECASE,
    )  # "Decision determined at Transport & Connectivity Policy Committee meeting on …"
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(
        r"^(?:agenda|minutes|decisions)(?:,?\s+(?:and|decisions|minutes))*\s+(?:for|of)\s+(?:the\s+)?",
        "",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        r"^(?:draft\s+)?(?:agenda|minutes)\s+(?=[A-Z])", "", text, flags=re.IGNORECASE
    )  # "Minutes Full Parish Council"
    # A date, a dash or a time after the name belongs to the heading, not the name.
    for found in find_dates(text, 2000):
        if found.start > 3:
            text = text[: found.start]
            break
    text = re.sub(r"\s+[-–—]\s.*$", "", text)
    text = re.sub(r"\s+(?:held|minutes|agenda)\b.*$", "", text, flags=re.IGNORECASE)
    # "Far North District Council Extraordinary Council Meeting": the kind of meeting follows the name.
    text = re.sub(
        rf"\b((?:{BODY_WORDS}))\s+(?:extraordinary|annual|special|ordinary|inaugural|monthly|reconvened)\b.*$",
        r"\1",
        text,
        flags=re.IGNORECASE,
    )
    before = None
    while before != text:  # "Leith Links Community Council Page of Meeting": trailing words, in any order
        before = text
        text = re.sub(
            r"\s+page(?:\s+\d+)?\s+of(?:\s+\d+)?$", "", text, flags=re.IGNORECASE
        )  # a page-number template's words
        text = re.sub(r"[\s,.;:–—-]+$", "", text)
        if re.search(r"\b(?:parish|town|village)\s+meeting$", text, re.IGNORECASE):
            break  # "Annual Parish Meeting": the assembly of a parish's electors is a body of its own
        text = re.sub(r"\s+(?:meeting|on|at|held|virtual|online|remote|hybrid)$", "", text, flags=re.IGNORECASE)
    district = re.search(r"\b(?i:municipal\s+district\s+of)\s+[A-Z].*$", text)
    if district:  # "CEANTAR BARDASACH … MUNICIPAL DISTRICT OF KILKENNY CITY": the Irish name, then the English
        text = district.group(0)
    council_of = re.match(
        r"^council\s+of\s+(?:the\s+)?(?P<place>(?:city|town|borough|county|district|village|shire|municipality)\s+of\s+.+)$",
        text,
        re.IGNORECASE,
    )
    if council_of:
        text = council_of.group("place")
    return text.strip()


def is_generic_body(name: str) -> bool:
    """ "Council", "Parish Council", "the Board": a name that says the body is the council itself."""
    return bool(_GENERIC_BODY.match(name.strip()))


def clean_venue(text: str) -> str:
    text = _VENUE_STOP.sub("", re.sub(r"\s+", " ", text)).strip()
    text = re.sub(r"^[-–—:\s]+", "", text)
    text = re.sub(
        r"^\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?\s*,\s*", "", text, flags=re.IGNORECASE
    )  # "7:30 pm, Leith St. Andrews Hall"
    for found in find_dates(text, 2000):
        text = text[: found.start]
        break
    time = find_time(text)
    if time and time[0] > 3:
        text = text[: time[0]]
    text = re.sub(r"\s+(?:on|at|commencing)\s*$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"[\s,;:–—-]+$", "", text).rstrip(".").strip()
    quoted = re.fullmatch(r"[‘“'\"](?P<inside>[^‘’“”'\"]+)[’”'\"]", text)
    if quoted:
        text = quoted.group("inside").strip()  # "‘The Kirk, Wester Balblair’"
    return text if re.search(r"[A-Za-z]{3}", text) else ""


def _plausible_body(name: str) -> bool:
    words = name.split()
    if not (1 <= len(words) <= 14):
        return False
    if not re.match(r"^[A-Z0-9(]", name):
        return False
    if re.search(
        r"\b(?:held|was|were|will|to be|you|are|requested|the business|transacted|transacting)\b", name, re.IGNORECASE
    ):
        return False
    return True


# --- the rules ------------------------------------------------------------------------------------


def _rule_phrases(text: str, votes: _Votes, weight: float, origin: str) -> None:
    """ "Meeting of X held at V on D at T", "Minutes of X", "A X meeting was held"."""
    for match in _MEETING_OF.finditer(text):
        body = clean_body(match.group("body"))
        if _plausible_body(body):
            votes.add("committee", body, weight * 3.0, f"'meeting of …' ({origin})")
        if match.group("type"):
            votes.add("meeting_type", match.group("type").lower(), weight, origin)
    for match in _MINUTES_OF.finditer(text):
        body = clean_body(match.group("body"))
        if _plausible_body(body):
            votes.add("committee", body, weight * 2.8, f"'minutes of …' ({origin})")
    for match in _BODY_MEETING.finditer(text):
        body = clean_body(match.group("body"))
        if _plausible_body(body):
            votes.add("committee", body, weight * 2.5, f"'a … meeting was held' ({origin})")
        if match.group("type"):
            votes.add("meeting_type", match.group("type").lower(), weight, origin)
    for line in text.splitlines():
        led = _BODY_THEN_MINUTES.match(line.strip())
        if led and _BODY_WORD.search(led.group("body")):
            body = clean_body(led.group("body"))
            if _plausible_body(body):
                votes.add("committee", body, weight * 2.6, f"'… minutes of the meeting' ({origin})")
    report = _REPORT_OF.match(text.strip())
    if report:
        votes.add("committee", clean_body(report.group("body")), weight * 2.0, f"'report of the …' ({origin})")


def _rule_title_above_date(lines: Sequence[str], strong: Sequence[bool], votes: _Votes) -> None:
    """A heading set in bold or large type with the meeting's date under it names the body, whatever
    its words ("Amenities, Leisure and Community Services" / "Tuesday 13th March 2018")."""
    for n, line in enumerate(lines[:4]):
        if not (n < len(strong) and strong[n]) or n + 1 >= len(lines):
            continue
        below = lines[n + 1]
        found = find_dates(below, 2000)
        if not found or found[0].start > 12 or len(below.split()) > 8:
            continue
        body = clean_body(line)
        if (
            body
            and _plausible_body(body)
            and len(body.split()) <= 10
            and not _KEY.match(line)
            and not find_dates(line, 2000)
            and not re.fullmatch(r"(?:agenda|minutes|notice|summons)", body, re.IGNORECASE)
        ):
            votes.add("committee", body, 1.8, "a heading with the date below it")
        return


def _rule_typed_line(lines: Sequence[str], votes: _Votes) -> None:
    """ "Extraordinary Council Meeting" on a line of its own says what kind of meeting it was."""
    for line in lines:
        typed = re.match(
            rf"^(?:the\s+)?{_MEETING_TYPE}\s+(?:[A-Z][\w'’&-]*\s+){{0,5}}meeting\s*$", line.strip(), re.IGNORECASE
        )
        if typed:
            votes.add("meeting_type", typed.group("type").lower(), 0.9, "a line naming the kind of meeting")
            return


def _rule_title_line(line: str, strong: bool, votes: _Votes, origin: str, factor: float = 1.0) -> None:
    """A short line naming a body: "PLANNING COMMITTEE", "# Town of North Star",
    "CABINET MEMBER FOR COMMUNITIES AND COHESION 18th November, 2013"."""
    words = line.split()
    if (
        not words
        or len(words) > 16
        or not _BODY_WORD.search(line)
        or _KEY.match(line)
        or re.match(r"^\w+(?:\s+\w+)?\s*:", line)
    ):
        return
    if re.search(r"\b(?:you|we|will|was|were|held|please|dear|requested|minutes of|meeting of)\b", line, re.IGNORECASE):
        return
    lower = [w for w in words if re.match(r"^[a-z]{3,}", w) and w not in ("and", "for", "the", "with", "upon")]
    if len(lower) >= 3:
        return  # a sentence, not a title
    body = clean_body(line)
    if not body or not _plausible_body(body) or (not _BODY_WORD.search(body) and not strong):
        return
    if re.fullmatch(r"(?:agenda|minutes|notice)", body, re.IGNORECASE):
        return
    weight = (2.2 if strong else 1.6) * factor
    if is_generic_body(body):
        weight -= 0.5
    elif _COUNCIL_NAME.fullmatch(body) or re.fullmatch(r"(?:the\s+)?[\w'’ -]+\s+(?i:council)", body):
        weight -= 0.4  # "MAIDSTONE BOROUGH COUNCIL" above "PLANNING COMMITTEE": the council, over the body that met
    votes.add("committee", body, weight, f"title line ({origin})")


def _rule_dates(text: str, lines: Sequence[str], votes: _Votes) -> str:
    """Dates in the opening, weighed by what surrounds them; returns a day-month printed without a year."""
    undated = ""
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    for found in find_dates(text, 2000):
        line_no = max(n for n, o in enumerate(offsets) if o <= found.start)
        line = lines[line_no]
        before = text[max(0, found.start - 60) : found.start]
        if _NEXT.search(before[-40:]) or re.search(r"\bnext\b", before[-25:], re.IGNORECASE):
            continue
        if not found.year_printed:
            undated = undated or text[found.start : found.end]
            continue
        weight = 1.0
        if re.search(
            r"\b(?:held|meeting|to\s+be\s+held|on|date|commencing|dated)\W*(?:\w+\W+){0,2}$", before, re.IGNORECASE
        ):
            weight += 1.5
        if found.weekday_printed:
            weight += 1.0
        if found.form == "numeric":
            weight -= 0.8
        if _BODY_WORD.search(line) and len(line.split()) <= 20 and line_no < _title_reach(lines):
            weight += 1.5  # "Cabinet - Tuesday 10 November 2020 6.00 pm": the title gives the date
        if not any(p.rule.startswith("date in the opening") for p in votes.proposals.get("date", [])):
            weight += 0.5  # the first date printed
        if len(line.strip()) <= (found.end - found.start) + 8:
            weight += 0.5
        context = lines[max(0, line_no - 3) : line_no + 2]
        if any(_LETTER.match(c.strip()) for c in context) and not found.weekday_printed:
            weight -= 1.5
        if re.search(
            r"\b(?:published|dated|issued|circulated|date\s+of\s+publication|despatch)\b", before[-40:], re.IGNORECASE
        ):
            weight -= 2.0
        votes.add("date", found.date, weight, f"date in the opening: {text[found.start : found.end]!r}")
    return undated


def _rule_time(text: str, date_at: int, votes: _Votes, weight: float = 1.0) -> None:
    """The start time: in the sentence of the date, or after "at", "commencing", "Time:"."""
    for match in re.finditer(r"[^\n]*", text):
        segment = match.group(0)
        if not segment.strip():
            continue
        found = find_time(segment)
        if not found:
            continue
        if re.search(
            r"\b(?:clos\w*|conclud\w*|ended|finish\w*|adjourned|between)\b[^\d]{0,25}$",
            segment[: found[0]],
            re.IGNORECASE,
        ):
            continue  # "the meeting closed at 9.30pm", "between 8.00 pm and 8.15 pm"
        if _NEXT.search(segment[: found[0]]):
            continue  # "The date of the next meeting will be on 8th November 2022 at 7.30pm"
        score = weight
        if match.start() <= date_at < match.end() + 1:
            score += 1.5
        elif date_at < 0 and find_dates(segment, 2000):
            score += 1.4
        if re.search(r"\b(?:time|commenc\w*|start\w*|at)\b\W*$", segment[: found[0]], re.IGNORECASE):
            score += 0.5
        votes.add("time", found[1], score, f"time in the opening: {segment.strip()[:60]!r}")


_DANGLING = re.compile(r"(?:^|\s)(?:the|a|an|of|at)$", re.IGNORECASE)
"""A venue cut where the line broke ("… 2012 at the")."""


def _rule_venue(text: str, lines: Sequence[str], votes: _Votes) -> None:  # noqa: C901 (to be split)
    """ "held at V", "Venue: V", a line naming a hall or chamber, "via teleconference"."""
    for match in _VENUE_AFTER.finditer(text):
        venue = clean_venue(match.group("venue"))
        if venue and len(venue.split()) <= 16:
            votes.add("venue", venue, 2.0, "'held at …'")
    for match in _VENUE_AFTER.finditer(_joined(lines)):
        venue = clean_venue(match.group("venue"))
        if venue and len(venue.split()) <= 16:
            votes.add("venue", venue, 2.05, "'held at …' (over lines)")
    for match in _VENUE_AFTER_DATE.finditer(text):
        venue = clean_venue(match.group("venue"))
        if venue and len(venue.split()) <= 16 and not _DANGLING.search(venue):
            votes.add("venue", venue, 1.8, "'<date> at …'")
    for match in _VENUE_AFTER_DATE.finditer(_joined(lines)):  # "… 2012 at the" / "Council Offices, Holt Road"
        venue = clean_venue(match.group("venue"))
        if venue and len(venue.split()) <= 16 and not _DANGLING.search(venue):
            votes.add("venue", venue, 1.75, "'<date> at …' (over lines)")
    joined = re.sub(r"\s*\n\s*", " ", text)
    infocouncil = re.search(
        r"\bheld\s+at\s+(?:the\s+)?(?P<venue>.+?)\s+on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
        joined,
        re.IGNORECASE,
    )
    if infocouncil:
        venue = clean_venue(infocouncil.group("venue"))
        if venue and len(venue.split()) <= 16:
            votes.add("venue", venue, 2.1, "'held at … on <day>'")
    for n, line in enumerate(lines):
        key = next(
            (
                k
                for k in map(_KEY.match, key_segments(line))
                if k and re.search(r"venue|place|location|where", k.group("key"), re.I)
            ),
            None,
        )
        if key:
            value = key.group("value")
            value = re.split(r"\s+date\s*:", value, flags=re.IGNORECASE)[0]
            # An address wrapped over the next short lines ("Town Hall, Moorgate" / "Street, Rotherham. S60" / "2TH").
            for more in lines[n + 1 : n + 4]:
                if (
                    _KEY.match(more)
                    or re.match(r"^\w+(?:\s+\w+)?\s*:", more)
                    or len(more.split()) > 6
                    or find_dates(more, 2000)
                ):
                    break
                if not re.search(r"[,\d]", more):
                    break  # an address runs on with commas and postcodes, not with "AGENDA"
                value += " " + more
            venue = clean_venue(value)
            if venue:
                votes.add("venue", venue, 2.5, f"'{key.group('key')}:' line")
        elif (
            1 <= len(line.split()) <= 10
            and _PLACE_WORDS.search(line)
            and not _BODY_WORD.search(re.sub(r"(?i)\bcouncil\s+(?:chambers?|offices?)\b", "", line))
            and not re.match(r"(?i)(?:of|in|and|or)\s", line.strip())  # a heading's second line: "OF THE CITY OF …"
            and not find_dates(line, 2000)
            and not line.rstrip().endswith(":")
            and not _ONLINE_WORD.search(line)
        ):
            votes.add("venue", clean_venue(line), 1.0, "a line naming a place")
    online = _ONLINE.search(text)
    platform = _PLATFORM.search(text)
    if platform:
        line = next((ln.strip() for ln in lines if platform.group(0) in ln), "")
        if len(line.split()) <= 5 and not find_dates(line, 2000) and not find_time(line):
            votes.add("venue", line, 1.1, "a line naming the meeting's video platform")  # "Online Zoom Meeting"
        votes.add("venue", platform.group(0), 1.0, "the meeting's video platform")  # "held via ZOOM" -> "ZOOM"
    elif online:
        votes.add("venue", online.group(0).strip(), 0.9, "an online meeting")


_NEXT_KEY = re.compile(r"\s+(?=(?:committee|date|time|venue|place|location)\s*:)", re.IGNORECASE)


def key_segments(line: str) -> list[str]:
    """ "Committee: Cabinet Date: Monday, 10 July 2023": two keys on one line, as two segments."""
    return [part for part in _NEXT_KEY.split(line) if part.strip()]


_LISTED_MEETING = re.compile(
    r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})\s+[-–]\s+(?P<body>.+?)(?:\s*\(Item\s+\d+\))?$", re.IGNORECASE
)


def _rule_keys(lines: Sequence[str], votes: _Votes) -> None:
    """ "Committee: Cabinet", "Date: Monday, 10 July 2023", "Time: 7.00 - 8.45 pm"; a "Date:"
    among a letter's references ("Our Ref:", "Direct Dial:") is the letter's."""
    for n, segment in ((n, seg) for n, line in enumerate(lines) for seg in key_segments(line)):
        letter = any(_LETTER.match(c.strip()) for c in lines[max(0, n - 3) : n + 4])
        key = _KEY.match(segment)
        if not key:
            continue
        name, value = key.group("key").lower(), key.group("value")
        name = re.sub(r"\s+", " ", name)
        listed = _LISTED_MEETING.match(value.strip())
        if listed and name in ("meeting", "made at meeting"):
            # "Meeting: 20/10/2020 - Cabinet (Item 38)": a web page's link to the meeting an issue went to
            body, date = clean_body(listed.group("body")), parse_date(listed.group("date"))
            if _plausible_body(body):
                votes.add("committee", body, 3.2, f"'{key.group('key')}:' line")
            if date:
                votes.add("date", date, 2.6, f"'{key.group('key')}:' line")
            continue
        if name in ("committee", "meeting", "body", "decision maker") and value.strip():
            body = clean_body(value)
            if _plausible_body(body):
                votes.add("committee", body, 3.2, f"'{key.group('key')}:' line")
        if name.startswith("date") or name in ("when", "time and date"):
            date = parse_date(value)
            if date:
                votes.add("date", date, 0.8 if letter else 2.6, f"'{key.group('key')}:' line")
        if "time" in name or name == "when":
            found = find_time(value)
            if found:
                votes.add("time", found[1], 3.0, f"'{key.group('key')}:' line")


def _rule_kind(text: str, votes: _Votes) -> None:
    """Words that say what the paper is; in its first lines (its title) they count double."""
    top = len("\n".join(text.split("\n")[:3]))
    for match in MINUTES_WORDS.finditer(text):
        votes.add("kind:minutes", match.group(0), 2.0 if match.start() < top else 1.0, "minutes words")
    for match in AGENDA_WORDS.finditer(text):
        votes.add("kind:agenda", match.group(0), 2.0 if match.start() < top else 1.0, "agenda words")


def read_opening(
    lines: Sequence[str],
    strong: Sequence[bool] = (),
    meta: Mapping[str, Any] | None = None,
) -> MeetingFacts:
    """The meeting facts in the opening lines of a document (plain text, one per line);
    `strong` says which lines are set as headings; `meta` is the paper's own front-matter."""
    kept = [
        (re.sub(r"\s+", " ", line).strip(), s)
        for line, s in zip(lines, list(strong) + [False] * len(lines), strict=False)
        if line.strip()
    ]
    # A paragraph flattened from a whole page runs on into the items; its opening words are the heading.
    lines = [" ".join(line.split()[:LONG_LINE_WORDS]) for line, _ in kept]
    strong = [s for _, s in kept]
    text = "\n".join(lines)
    votes = _Votes()
    _rule_phrases(text, votes, 1.0, "opening")
    _rule_phrases(_joined(lines), votes, 0.98, "opening, lines joined")
    _prefer_longer(votes, "committee")
    for n, (line, is_strong) in enumerate(zip(lines, strong, strict=False)):
        if n < _title_reach(lines):
            _rule_title_line(line, is_strong, votes, "opening")
    _rule_typed_line(lines[:8], votes)
    _rule_title_above_date(lines, strong, votes)
    _rule_keys(lines, votes)
    undated = _rule_dates(text, lines, votes)
    chosen_date = votes.best("date")
    date_at = -1
    if chosen_date:
        for found in find_dates(text, 2000):
            if found.date == chosen_date:
                date_at = found.start
                break
    _rule_time(text, date_at, votes)
    _rule_time(_joined(lines), -1, votes, weight=0.9)
    _rule_venue(text, lines, votes)
    _rule_kind(text, votes)
    _rule_meta(meta or {}, votes)
    kind_minutes = sum(p.weight for p in votes.proposals.get("kind:minutes", []))
    kind_agenda = sum(p.weight for p in votes.proposals.get("kind:agenda", []))
    kind = "minutes" if kind_minutes > kind_agenda else "agenda" if kind_agenda > kind_minutes else ""
    venue = votes.best("venue") or ""
    return MeetingFacts(
        committee=votes.best("committee") or "",
        date=votes.best("date"),
        time=votes.best("time") or "",
        venue=venue,
        kind=kind,
        meeting_type=votes.best("meeting_type") or "",
        undated=undated if not votes.best("date") else "",
        online=bool(
            _ONLINE.search(text)
            or re.search(r"\b(?:teams|zoom|remote|virtual|online|teleconference)\b", venue, re.IGNORECASE)
        ),
        proposals=votes.flat(),
    )


LONG_LINE_WORDS = 60


def _joined(lines: Sequence[str]) -> str:
    """The lines as one text; a word broken at a line's end ("ADARE-" / "RATHKEALE") is mended."""
    out = ""
    for line in lines:
        if out.endswith("-") and line[:1].isalpha() and not out.endswith(" -"):
            out += line
        else:
            out += (" " if out else "") + line
    return out


_MEETING_LINE = re.compile(r"\b(?:held|meeting\s+of|minutes\s+of|will\s+be\s+held|to\s+be\s+held)\b", re.IGNORECASE)


def _title_reach(lines: Sequence[str]) -> int:
    """A title stands at the top: the lines up to the one that names the meeting's day (a date with
    its weekday) or says the meeting was or will be held; the first eight when none does."""
    for n, line in enumerate(lines[:12]):
        if _MEETING_LINE.search(line) or any(f.weekday_printed for f in find_dates(line, 2000)):
            return n + 1
    return min(len(lines), 8)


def _prefer_longer(votes: _Votes, fact: str) -> None:
    """A name cut at a line's end ("Limerick City and County") gives way to the same name read
    over the line break ("Limerick City and County Council")."""
    options = votes.proposals.get(fact) or []
    for n, short in enumerate(options):
        for long_ in options:
            if (
                len(long_.value) > len(short.value)
                and long_.value.startswith(short.value)
                and long_.weight >= short.weight - 0.1
            ):
                options[n] = Proposal(short.value, short.weight - 0.5, short.rule + " (cut short)")
                break


def _rule_meta(meta: Mapping[str, Any], votes: _Votes) -> None:
    """A Markdown paper's front-matter: its title names the meeting (weakly); its dates are
    often the page's, not the meeting's, so they count only when the text prints none."""
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        _rule_phrases(title, votes, 0.6, "the paper's front-matter title")
        _rule_title_line(title, True, votes, "the paper's front-matter title", factor=0.7)
    for key in ("meetingDate", "meeting_date", "date", "dated"):
        value = meta.get(key)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                value = None
        if isinstance(value, dt.date):
            votes.add("date", value, 0.3, f"front-matter '{key}'")
            break


def council_named_in(text: str) -> str:
    """A council's own name printed in the text ("Groby Parish Council", "Shire of Kent")."""
    match = _COUNCIL_NAME.search(text)
    if not match:
        return ""
    name = match.group("name").strip()
    return name.title() if name.isupper() else name
