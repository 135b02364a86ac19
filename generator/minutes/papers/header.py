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

from minutes.core import vocabulary
from minutes.papers import fact_cues, housestyle
from minutes.papers.dates import FoundDate, find_dates, find_time, parse_date
from minutes.papers.evidence import Example, Fact, Rule, enabled, example, model, rule, runner
from minutes.papers.year_of_date import year_by_weekday, year_misprinted

BODY_WORDS = (
    r"Council|Committee|Sub-Committee|Subcommittee|Board|Cabinet|Commission|Panel|Forum|Authority|Assembly|"
    r"Partnership|Cyngor|Executive(?=\s+(?:Board|Committee|Member|Panel)\b)|Working\s+Group|Group|Trust|District|Township|Shire|Vestry|"
    r"Town(?=\s+(?:of|Council|Board|Meeting)\b)|Parish(?=\s+(?:Council|Meeting)\b)"
)
BODY_WORD = re.compile(rf"\b(?:{BODY_WORDS})\b", re.IGNORECASE)
"""A word that names a body: "Committee", "Board", "Parish Council"."""
_GENERIC_BODY = re.compile(
    r"^(?:the\s+)?(?:full\s+|ordinary\s+|annual\s+|extraordinary\s+|special\s+|monthly\s+|regular\s+)?"
    r"(?:(?:parish|town|city|district|borough|county|community|village|metropolitan|unitary)\s+)?"
    r"(?:council|board|town\s+board|vestry)(?:\s+meeting)?$",
    re.IGNORECASE,
)
_COUNCIL_NAME = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’-]*(?:[ \t]+|-)(?:(?i:cum|on|upon|le|by|in|and|with|the|de)(?:[ \t]+|-))?){1,5}"
    r"(?i:Parish|Town|City|District|Borough|County|Community|Village|Metropolitan[ \t]+Borough|City[ \t]+and[ \t]+County"
    r"|Shire|Regional|Municipal|Township)[ \t]+(?i:Council)"
    r"|(?i:Shire|Town|City|Township|Borough|Village|County|Municipality)\s+(?i:of)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}(?:,[ \t]+[A-Z][a-z]+)?)\b"
)
_MEETING_TYPE = r"(?P<type>annual(?:\s+general)?|extraordinary|special(?:[-\s]called)?|called|ordinary|inaugural|monthly|regular|reconvened|adjourned|statutory|emergency|full|general|virtual|remote)"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_BODY_END = (
    r"(?=\s+(?:held|to\s+be\s+held|which\s+(?:will|was)|will\s+be|was\s+held|is\s+to\s+be|on\s|at\s|in\s+the\s|in\s+[A-Z]|commencing|starting|convened|"
    r"for\s+the\s+\d|for\s+the\s+purposes?\b|this\s+\d|dated|HELD|ON\s|AT\s|IN\s|(?:is|was|are|were)\s)|\s*[,.;:]?\s*(?:\n|$)|\s+[-–—]\s|\s*,\s+(?:on|at|held)\b|"
    r"\s*,\s+(?-i:[a-z]))"  # "… meeting of the Cabinet, the following reports": a clause, not the body's name
)
_MEETING_OF = re.compile(
    rf"\b(?:{_MEETING_TYPE}\s+)?meeting\s+of\s+(?:the\s+)?(?P<body>[^\n]{{3,120}}?){_BODY_END}",
    re.IGNORECASE,
)
_MINUTES_OF = re.compile(
    rf"\b(?:minutes?|notes|record|summary)\s+of\s+(?!(?:the\s+|a\s+|an\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:{_MONTH}\s+)?(?:(?:{_MEETING_TYPE}|previous|last|next)\s+)?meeting\b|(?:the\s+)?proceedings\b|(?:the\s+)?decisions\b|(?:the\s+|an\s+)?(?:a\.?g\.?m|e\.?g\.?m)\b)(?:the\s+|a\s+|an\s+)?"
    rf"(?P<body>[^\n]{{3,120}}?){_BODY_END}",
    re.IGNORECASE,
)
_BODY_MEETING = re.compile(
    rf"\b(?:an?|the)\s+(?P<body>(?:[A-Z][\w'’&-]*\s+){{1,6}}?)(?:{_MEETING_TYPE}\s+)?meeting\s+(?:was|will\s+be|is\s+to\s+be|to\s+be)\s+held",
)
_HEADING_MEETING_HELD = re.compile(
    r"^(?P<body>(?:[A-Z][A-Z'’&-]*\s+){1,6}?MEETING)\s+(?:to\s+be|will\s+be|is\s+to\s+be)\s+held\b", re.MULTILINE
)
""""ELMSWORTH ANNUAL PARISH MEETING to be held on …": a heading in capitals naming the meeting, then when."""
_BODY_THEN_MINUTES = re.compile(
    rf"^(?P<body>(?:[A-Z][\w'’&-]*\s+){{1,10}}?)(?:draft\s+)?(?:minutes|notes)\s+of\s+(?:proceedings\s+of\s+)?(?:the\s+|a\s+|an\s+)?"
    rf"(?:{_MEETING_TYPE}\s+)?meeting\b",
    re.IGNORECASE,
)
""""KEMNAY COMMUNITY COUNCIL MINUTES OF THE MEETING HELD ON 31 OCTOBER 2013": the body, then what the paper is."""
_REPORT_OF = re.compile(r"^\s*+(?:\d\w*+\s+)?report\s+of\s+the\s+\(?(?P<body>[^()]+?)\)?\s*$", re.IGNORECASE)
_KEY = re.compile(
    r"^\s*(?P<key>committee|meeting|made\s+at\s+meeting|decision\s+maker|body|date(?:\s+of\s+meeting)?|time|venue|place|location|where|when|date\s+and\s+time|time\s+and\s+date|"
    r"time\s+and\s+place|place\s+and\s+time|date\s+and\s+place|date,\s+time\s+and\s+place)\s*[:\-–]\s*(?P<value>.*)$",
    re.IGNORECASE,
)

MINUTES_WORDS = re.compile(
    r"\b(?:minutes?\s+of|minutes\b|minute\s+of\s+the|cofnodion\b|record\s+of\s+(?:the\s+)?(?:meeting|proceedings|decisions)|"
    r"notes\s+(?:of|on|from)\s+(?:the\s+)?meeting|meeting\s+notes\b|proceedings\s+at|was\s+held|were\s+present|present\s*:)",
    re.IGNORECASE,
)
AGENDA_WORDS = re.compile(
    r"\b(?:a\s*g\s*e\s*n\s*d\s*a\b(?!\s+(?:item|no\b|number|business))|rhaglen\b|^notice\s+of\s+(?:the\s+)?meeting|notice\s+is\s+hereby\s+given|summons\b|summoned|"
    r"you\s+are\s+(?:hereby\s+)?(?:requested|summoned|invited)\s+to\s+attend|will\s+be\s+held|to\s+be\s+held|"
    r"business\s+to\s+be\s+transacted)",
    re.IGNORECASE | re.MULTILINE,
)
_LETTER = re.compile(
    r"^(?:dear\b|your\s+ref|our\s+ref|please\s+ask\s+for|direct\s+dial|e-?mail\s*:|tel(?:ephone)?\s*:|t:|f:|date\s+of\s+letter|ref\s*:)",
    re.IGNORECASE,
)
_NEXT = re.compile(
    # ("You are summoned to the next meeting …": the meeting the notice calls, not another)
    r"(?<!summoned\sto\sthe\s)(?<!invited\sto\sthe\s)(?<!summoned\sto\sattend\sthe\s)\bnext\s+meeting\b"
    r"|\bfuture\s+meetings?\b|\bprevious\s+meeting\b|\blast\s+meeting\b",
    re.IGNORECASE,
)
_PLACE_WORDS = re.compile(
    rf"\b(?:{vocabulary.BUILDINGS}|"
    r"civic|pub|inn|hotel|institute|club|suite|annexe|teleconference|zoom|teams|online|virtual|remote)\b",
    re.IGNORECASE,
)
_ONLINE = re.compile(
    r"\b(?:via|by|on)\s+(?:teleconference|video\s*conference|zoom|microsoft\s+teams|ms\s+teams|teams|skype|conference\s+call)\b"
    r"|\b(?:remote|virtual|online)\s+meeting\b|\bheld\s+(?:remotely|virtually|online)\b",
    re.IGNORECASE,
)
_VENUE_AFTER = re.compile(
    r"\b(?:held(?:\s+(?:the|this|its|a|an)\s+(?:\w+\s+)?meeting)?|take\s+place|meet|met|convened|to\s+order)\s+"
    r"(?:at\s+\d[\d.:]*\s*(?:[ap]\.?m\.?)?,?\s+)?(?:at|in|outside)\s+(?:the\s+)?(?P<venue>[^\n]*?)"
    r"(?=\s*,?\s+on\b|\s*,?\s+ON\b|\s*,\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\s+at\s+\d|\s*,\s*at\s+\d|\s+commencing"
    r"|\s*\n\s*on\b|(?<!\bCo)(?<!\bCO)(?<!\bSt)(?<!\bST)(?<!\bRd)(?<!\bNo)\s*[.;]\s|\s*[.;]?\s*$|\s*\n"
    r"|\s+(?:present|apologies|in\s+attendance)\b|\s+[A-Za-z]{0,5}/\d)",
    re.IGNORECASE,
)
_VENUE_AFTER_DATE = re.compile(
    r"(?:\b(?:19|20)\d\d|\d\s*(?:o['’]?\s?clock\s*)?[ap]\.?m\b\.?|\b\d{1,2}[.:]\d\d\b)[ \t]*,?[ \t]+(?:at|in)[ \t]+(?:the[ \t]+)?"
    r"(?P<venue>[A-Z][^\n]*?)"
    r"(?=\s*,?\s+(?:at|commencing)\s+\d|(?<!\bCo)(?<!\bCO)(?<!\bSt)\s*[.;]\s|\s*[.;]?\s*$|\s*\n|\s+(?:present|apologies)\b|\s+[A-Za-z]{0,5}/\d)",
    re.IGNORECASE,
)
_VENUE_AFTER_TIME = re.compile(
    r"\d\s*[ap]\.?m\b\.?[ \t]+(?P<venue>(?:[A-Z][\w'’&-]*[ \t]+){0,4}[A-Z][\w'’&-]*)(?=[ \t]*[.,;]?[ \t]*$)",
    re.MULTILINE,
)
"""A place named straight after the time at a heading's end: "… @ 7.30pm MILBURN VILLAGE HALL"."""
_VENUE_AFTER_COMMA = re.compile(
    r"(?:\b(?:19|20)\d\d|\d\s*[aApP]\.?[mM]\b\.?|\b\d{1,2}[.:]\d\d\b)(?:[ \t]*,|[ \t]+[–—-])[ \t]+"
    r"(?P<venue>[A-Z][\w'’&-]*(?:[ \t]+[\w'’&-]+){0,6}?)(?=[ \t]*(?:,|[ \t][–—-][ \t]|$))",
    re.MULTILINE,
)
"""A place set after the date or time by a comma or a dash alone: "Monday 5th June 2023, Church Hall, 7pm",
"Monday 8 April 2019 – 7.30pm – Village Hall"."""
_PLATFORM = re.compile(r"\b(?:zoom|microsoft\s+teams|ms\s+teams|google\s+meet|skype|webex)\b", re.IGNORECASE)
_ONLINE_WORD = re.compile(r"\b(?:remote|virtual|online|attendance)\b", re.IGNORECASE)
_VENUE_STOP = re.compile(
    # Words that need no space before them, after any spaces; then words that need one, after an optional
    # comma: each way of reading the spaces once, so a long run of them is not read every way.
    r"(?<!\s)(?:\s*+(?:View directions|Map\b|Directions\b|\(map\)|\(\s*or\s+|please\s+click|click\s+here|https?://)|"
    r"(?:\s*+,)?\s++(?:followed\s+by\b|immediately\s+(?:after|following)\b|following\s+the\b|after\s+the\s+close\b|"
    r"commencing\b|starting\b|[-–]\s+please\b|"
    # "… at the Village Hall, Church Street, for the purpose of transacting the following business": a summons's words
    r"for\s+the\s+purposes?\s+of\b|"
    # "held virtually and a live audio stream can be listened to via …": how to follow it, not where it is
    r"and\s+(?:a\s+|the\s+|will\s+be\s+)?(?:live\s+)?(?:audio\s+|video\s+)?(?-i:stream|streamed|webcast|broadcast)\b)).*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Proposal:
    """One value a rule read for a fact, with its weight, the rule and the features it weighed."""

    value: Any
    weight: float
    rule: str
    """The id of the rule that read it (`header.*`)."""
    features: tuple[str, ...] = ()
    """What the rule saw around the value; the weight is the sum of their coefficients."""
    detail: str = ""
    """What `explain` quotes: the words the value was read from."""


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


PRIORS: dict[str, dict[str, float]] = {
    "committee": {
        "committee.meeting-of": 3.0,
        "committee.minutes-of": 2.8,
        "committee.body-meeting-held": 2.5,
        "committee.body-then-minutes": 2.6,
        "committee.report-of": 2.0,
        "committee.title-line": 1.6,
        "committee.title-line-strong": 0.6,
        "committee.title-generic": -0.5,
        "committee.title-council": -0.4,
        "committee.title-above-date": 1.8,
        "committee.key-line": 3.2,
        "committee.over-lines": -0.05,
        "committee.from-front-matter": -1.0,
        "committee.title-from-front-matter": -0.66,
        "committee.cut-short": -0.5,
        "committee.known-body": 3.6,
        "committee.known-body-line": 0.6,
    },
    "date": {
        "date.in-opening": 1.0,
        "date.after-held": 1.5,
        "date.weekday": 1.0,
        "date.numeric": -0.8,
        "date.in-title": 1.5,
        "date.first": 0.5,
        "date.alone": 0.5,
        "date.letter": -1.5,
        "date.published": -2.0,
        "date.key-line": 2.6,
        "date.key-line-letter": -1.8,
        "date.front-matter": 0.3,
        "date.known-cue": 3.0,
        "date.year-completed": -1.0,
        "date.next-in-agenda": -1.0,
        "date.weekday-fixed": 0.0,
    },
    "time": {
        "time.in-opening": 1.0,
        "time.over-lines": -0.1,
        "time.with-date": 1.5,
        "time.by-a-date": 1.4,
        "time.after-at": 0.5,
        "time.key-line": 3.0,
        "time.known-cue": 3.0,
    },
    "venue": {
        "venue.held-at": 2.0,
        "venue.after-date": 1.8,
        "venue.over-lines": 0.05,
        "venue.after-date-over-lines": -0.1,
        "venue.held-at-on-day": 2.1,
        "venue.key-line": 2.5,
        "venue.place-line": 1.0,
        "venue.platform-line": 1.1,
        "venue.platform": 1.0,
        "venue.online": 0.9,
        "venue.known": 2.7,
    },
}
"""The weights a person set, feature by feature: the prior that `bench/fit_weights.py` starts from and
pulls back to; a fitted model in weights.json takes their place."""


def coefficient(fact: str, feature: str) -> float:
    """A feature's coefficient: fitted, else its prior. Every feature a rule names has a prior."""
    fitted = model(fact)
    if feature in fitted:
        return fitted[feature]
    return PRIORS[fact][feature]


def weigh(fact: str, features: Sequence[str]) -> float:
    """A proposal's weight: the sum of its features' coefficients (fitted, else the prior)."""
    return sum(coefficient(fact, f) for f in features)


@dataclass(slots=True)
class _Votes:
    proposals: dict[str, list[Proposal]] = field(default_factory=dict)

    def add(self, fact: str, value: Any, rule_id: str, features: Sequence[str], detail: str = "") -> None:
        """A value for a fact, weighed by its features."""
        if value in (None, "") or not enabled(rule_id):
            return
        self.proposals.setdefault(fact, []).append(
            Proposal(value, weigh(fact, features), rule_id, tuple(features), detail)
        )

    def add_weight(self, fact: str, value: Any, weight: float, rule_id: str, detail: str = "") -> None:
        """A value for a fact no model weighs (the kind of meeting, what the paper calls itself)."""
        if value in (None, "") or not enabled(rule_id):
            return
        self.proposals.setdefault(fact, []).append(Proposal(value, weight, rule_id, (), detail))

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
    text = re.sub(r"(?<!\s)\s*\((?:[A-Z]{2,8}|[A-Z][a-z]{1,3}[A-Z]{1,6})\)$", "", text)  # "… Board (RLSCB)"
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    text = _WELSH_THEN_ENGLISH.sub(r"\g<english>", text)
    text = _without_leading_words(text)
    text = _without_what_follows(text)
    text = _without_trailing_words(text)
    return _place_named(_of_its_council(text)).strip()


_OF_ITS_COUNCIL = re.compile(
    r"(?i)^(?:the\s+)?(?:(?P<full>full\s+council)|(?P<body>.+?\b(?:committee|sub-committee|panel|working\s+(?:party|group))))"
    r"\s+of\s+(?:the\s+)?(?P<council>.+?\b(?:council|authority))$"
)


def _of_its_council(text: str) -> str:
    """A body named with the council it belongs to: "Environmental Services Committee of Elm District Council" is
    the committee; "Full Council of Elm Town Council" is the council itself."""
    named = _OF_ITS_COUNCIL.match(text)
    if not named:
        return text
    return named.group("council") if named.group("full") else named.group("body")


_WELSH_THEN_ENGLISH = re.compile(
    r"^(?i:cyngor\s+(?:cymuned|tref|dinas|bro))\s+(?P<english>[^/|]+?\s+(?i:community|town|city)\s+(?i:council))$"
)
"""A council's Welsh name run into its English one around the place they share: "Cyngor Cymuned Llan Community
Council" is Llan Community Council."""


def _without_leading_words(text: str) -> str:
    """The name without the words a heading puts before it: "Annual meeting of the", "Minutes of"."""
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
    # "AGREED Minutes for the …", "Unconfirmed minutes of …": the state of the minutes, not part of the name
    text = re.sub(
        r"^(?:agreed|approved|unapproved|confirmed|unconfirmed|signed|final|draft)\s+(?=(?:agenda|minutes)\b)",
        "",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        r"^(?:agenda|minutes|decisions)(?:,?\s+(?:and|decisions|minutes))*\s+(?:for|of)\s+(?:the\s+)?",
        "",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        r"^(?:draft\s+)?(?:agenda|minutes)\s+(?=[A-Z])", "", text, flags=re.IGNORECASE
    )  # "Minutes Full Parish Council"
    return text


ELECTORS_MEETING = re.compile(
    r"\bannual\s+(?:parish|town|village|community|township|electors['’]?)\s+(?:hall\s+)?(?:meeting|assembly)\b",
    re.IGNORECASE,
)
"""The yearly meeting of a parish's or a town's electors, which its council convenes but which is not the
council: "Annual Parish Meeting", "Annual Town Hall Meeting", "Annual Parish Assembly"."""


_STREET = vocabulary.STREET_ENDINGS
_ADDRESS_AFTER_NAME = re.compile(
    r"(?<=[A-Za-z])[\s,]++(?:\d{1,6}[A-Z]?\s++(?:[NSEW]\.?\s++)?(?:[A-Z0-9][\w.'’-]*+\s++){1,4}?"
    + _STREET
    + r"|P\.?\s*O\.?\s+Box\b|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b)"
)
"""Where a letterhead's name runs on into the body's address or telephone number."""


def _without_what_follows(text: str) -> str:
    """The name without the date, dash, time or kind of meeting a heading puts after it."""
    # A date, a dash or a time after the name belongs to the heading, not the name.
    for found in find_dates(text, 2000):
        if found.start > 3:
            text = text[: found.start]
            break
    of_council = _COUNCIL_THEN_COMMITTEE.match(text)
    if of_council:
        return of_council.group("body")  # "ELM PARISH COUNCIL - PLANNING COMMITTEE": the council's committee met
    text = re.sub(r"(?<!\s)\s+[-–—]\s.*$", "", text)
    text = re.sub(r"(?<=\w)\s*[~|•·]\s*\w.*$", "", text)  # a letterhead's "Elm Township~Lake County"
    address = _ADDRESS_AFTER_NAME.search(text)
    text = text[: address.start()] if address else text  # "Town of Elm 3389 Elm Hwy, Elm, NC 28634 704-546-2339"
    # "ANNUAL BOARD OF APPEAL AND EQUALIZATION": when the board meets, not its name
    text = re.sub(r"^(?:annual|regular|special|monthly)\s+(?=(?:local\s+)?board\s+of\b)", "", text, flags=re.IGNORECASE)
    assembly = ELECTORS_MEETING.search(text)
    if assembly:
        return assembly.group(
            0
        )  # "ELMSWORTH PARISH COUNCIL ANNUAL PARISH MEETING": the electors' meeting, a body of its own
    text = re.sub(r"(?<!\s)\s+(?:held|minutes|agenda)\b.*$", "", text, flags=re.IGNORECASE)
    # "Port of Elm Regular Commission Meeting", "Elm Township Special Board Meeting": the kind of meeting of the
    # body's board follows the body's name.
    text = re.sub(
        r"(?<=\w)\s+(?:regular|special|monthly|annual|extraordinary|ordinary)\s+(?:commission|board|council|selectboard)"
        r"\s+(?:work\s+session|meeting)$",
        "",
        text,
        flags=re.IGNORECASE,
    )
    # "Far North District Council Extraordinary Council Meeting": the kind of meeting follows the name.
    text = re.sub(
        rf"\b((?:{BODY_WORDS}))\s+(?:extraordinary|annual|special|ordinary|inaugural|monthly|reconvened|"
        r"(?:public|open|general)(?=\s+meeting\b))\b.*$",
        r"\1",
        text,
        flags=re.IGNORECASE,
    )
    return text


_COUNCIL_THEN_COMMITTEE = re.compile(
    r"^.+?\bcouncil\s+[-–—:]\s+(?P<body>[^-–—:]*?\b(?:committee|sub-committee|panel|working\s+(?:party|group)|forum))\s*$",
    re.IGNORECASE,
)
"""A council's name, a dash, then one of its committees: "Elm Parish Council – Planning Committee"."""


def _without_trailing_words(text: str) -> str:
    """The name without the words and punctuation a heading leaves at its end, removed until none is left."""
    before = None
    while before != text:  # "Leith Links Community Council Page of Meeting": trailing words, in any order
        before = text
        text = re.sub(
            r"(?<!\s)\s+page(?:\s+\d+)?\s+of(?:\s+\d+)?$", "", text, flags=re.IGNORECASE
        )  # a page-number template's words
        text = re.sub(
            r"(?<!\s)\s+(?:date|time|venue|place|location)$", "", text, flags=re.IGNORECASE
        )  # "… Date: 12/03"
        text = re.sub(r"(?<![\s,.;:–—-])[\s,.;:–—-]+$", "", text)
        if re.search(r"\b(?:parish|town|village)\s+(?:hall\s+)?(?:meeting|assembly)$", text, re.IGNORECASE):
            break  # "Annual Parish Meeting": the assembly of a parish's electors is a body of its own
        text = re.sub(
            r"(?<!\s)\s+(?:meeting|on|at|held|virtual|online|on-line|remote|hybrid|teams|zoom|a\.?g\.?m|e\.?g\.?m|annual\s+general\s+meeting)$",
            "",
            text,
            flags=re.IGNORECASE,
        )  # "Aytonish Community Council AGM": the body, then what the meeting is
    return text


_PLACE_TWICE = re.compile(
    r"(?i)^(?:cyngor\s+(?:cymuned|tref|dinas|sir|bwrdeistref\s+sirol)\s+)?(?P<place>[\w'’-]+(?:\s+[\w'’-]+){0,2}?)\s+"
    r"(?P=place)\s+(?P<kind>(?:community|town|city|county(?:\s+borough)?)\s+council)\b"
)
"""A council's Welsh name, then its English one, the place printed in both: "Cyngor Cymuned Llan Llan Community
Council" (the Welsh words for the council may be gone)."""


def _place_named(text: str) -> str:
    """The name cut to the place a council is named by: the English half of a bilingual district's name,
    "Town of X" from "Council of the Town of X"."""
    district = re.search(r"\b(?i:municipal\s+district\s+of)\s+[A-Z].*$", text)
    if district:  # "CEANTAR BARDASACH … MUNICIPAL DISTRICT OF KILKENNY CITY": the Irish name, then the English
        text = district.group(0)
    welsh = _PLACE_TWICE.search(text)
    if welsh:  # "CYNGOR CYMUNED PONTRHYDGOCH PONTRHYDGOCH COMMUNITY COUNCIL": the Welsh name, then the English
        text = f"{welsh.group('place')} {welsh.group('kind')}"
    council_of = re.match(
        r"^council\s+of\s+(?:the\s+)?(?P<place>(?:city|town|borough|county|district|village|shire|municipality)\s+of\s+.+)$",
        text,
        re.IGNORECASE,
    )
    if council_of:
        text = council_of.group("place")
    return text


def is_generic_body(name: str) -> bool:
    """ "Council", "Parish Council", "the Board": a name that says the body is the council itself."""
    return bool(_GENERIC_BODY.match(name.strip()))


_GOVERNING_WORDS = frozenset(
    """
    the of and regular special annual ordinary extraordinary monthly adjourned emergency full general statutory
    meeting meetings council board trustees township town city village borough parish community common select
    selectmen selectboard supervisors commissioners commission aldermen directors governing body
    """.split()
)
_QUALIFIER_START = re.compile(r", ?| \(| meeting\b", re.IGNORECASE)
_QUALIFIER_START_UNBRACKETED = re.compile(r", ?| meeting\b", re.IGNORECASE)


def without_place_qualifier(printed: str) -> str:
    """A printed body's name without what follows it: ", Midland County, Michigan", " (Oceana County)",
    " MEETING TUESDAY". A bracket is a qualifier only where the name ends with its closing bracket. Found
    by one left-to-right scan of the name on one line: a pattern that tried each bracket against the end
    of the text backtracked on a line of many brackets."""
    text = " ".join(printed.split())
    start = (_QUALIFIER_START if text.endswith(")") else _QUALIFIER_START_UNBRACKETED).search(text)
    return text[: start.start()] if start else text


def names_the_council(printed: str, council: str) -> bool:
    """Whether a printed body is the council's own governing body under another name: "Lincoln Township
    Board of Trustees", "Township Board of Lincoln Township, Midland County", "Regular City Council",
    "Town of Crete" for the site's council "Lincoln Township", "City of …", "Crete Township" — the
    council's own words and the words every governing body uses, and nothing else ("Lincoln Township
    Planning Commission" is another body)."""
    if not council or not printed.strip():
        return False
    own = {w for w in re.findall(r"[a-z0-9'’]+", council.lower()) if w not in _GOVERNING_WORDS}
    words = re.findall(r"[a-z0-9'’]+", without_place_qualifier(printed).lower())
    rest = [w for w in words if w not in own and w not in _GOVERNING_WORDS]
    if rest or not words:
        return False
    if own & set(words) and words[-1] == "council":
        return False  # "Rivergrove City Council": the council's own name in another form, kept as printed
    return bool(own & set(words)) or any(w in ("council", "board", "commission") for w in words)


_REMOTE_AFTER_VENUE = re.compile(
    r"(?<=\w)[\s,;.–—-]++(?:Remote\s*+:|(?:Call[\s-]in|Dial[\s-]in|Conference\s+ID|Meeting\s+ID|Passcode|Join\s+(?:by|via|online))\b)",
    re.IGNORECASE,
)
"""Where the room ends and the way to join from afar begins ("1011 Mill Street, Elm Remote: Call in (509) …")."""
_HEADING_AFTER_VENUE = re.compile(r"(?<![\w-])(?:AGENDA|MINUTES|SUMMONS)\b")


def clean_venue(text: str) -> str:
    text = _VENUE_STOP.sub("", re.sub(r"\s+", " ", text)).strip()
    text = re.sub(r"^[-–—:\s]+", "", text)
    text = re.sub(r"^(?:at|in)\s+(?=the\s)", "", text, flags=re.IGNORECASE)  # "AT THE VILLAGE HALL"
    # "… at Sheet Village Hall: / AGENDA": the paper's own heading on the next line
    heading = _HEADING_AFTER_VENUE.search(text)
    text = text[: heading.start()].rstrip(" :") if heading else text
    remote = _REMOTE_AFTER_VENUE.search(text)
    text = text[: remote.start()].rstrip(" ,;:–—-") if remote else text
    text = re.sub(
        r"^\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?\s*,?|,)\s*", "", text, flags=re.IGNORECASE
    )  # "7:30 pm, Leith St. Andrews Hall", "6:00 pm with …"
    if re.match(r"(?:with|by)\b", text, re.IGNORECASE):
        # "called to order at 7:00 pm, with Orr, Bell and 6 guests present", "… by Chair Hofer": who, not where
        return ""
    # "… Meeting Room, Elm County Courthouse, with the following members present": who follows where
    text = re.sub(
        r"(?<=\w),?\s+with\s+(?:the\s+following|all|members|commissioners|trustees|councillors)\b.*$",
        "",
        text,
        flags=re.I,
    )
    if re.match(
        rf"(?:(?:a|an)\s+)?(?i:{_MEETING_TYPE}|executive|closed|open|public|joint|work)\s+session\b", text, re.I
    ):
        return ""  # "met in regular session on Monday …": how the board met, not where
    for found in find_dates(text, 2000):
        text = text[: found.start]
        break
    time = find_time(text)
    if time and time[0] > 3:
        text = text[: time[0]]
    text = re.sub(r"(?<!\s)\s+(?:on|at|commencing)\s*$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"(?<![\s,;:–—-])[\s,;:–—-]+$", "", text).rstrip(".").strip()
    quoted = re.fullmatch(r"[‘“'\"](?P<inside>[^‘’“”'\"]+)[’”'\"]", text)
    if quoted:
        text = quoted.group("inside").strip()  # "‘The Kirk, Wester Balblair’"
    return text if re.search(r"[A-Za-z]{3}", text) else ""


_SENTENCES = re.compile(r"[a-z][.!?]\s+[A-Z]")
"""One sentence ending and another starting: text, not a body's name."""


def _plausible_body(name: str) -> bool:
    words = name.split()
    if not (1 <= len(words) <= 14):
        return False
    if re.fullmatch(r"(?i:(?:the\s+)?(?:committee|sub-committee|panel|working\s+(?:party|group)))", name):
        return False  # "… summoned to attend a meeting of the Committee": the one the paper names elsewhere
    if not re.match(r"^[A-Z0-9(]", name):
        return False
    if re.fullmatch(
        r"(?i:(?:the\s+)?(?:(?:verbatim|draft|approved|unapproved|official|summary|action)\s+)?"
        r"(?:minutes|agenda|notes|summary|record|proceedings|verbatim|transcript))",
        name,
    ):
        return False  # "SUMMARY OF THE MINUTES", "VERBATIM MINUTES": what the paper is, not who met
    if (
        _PLACE_WORDS.search(name)
        and not BODY_WORD.search(_PLACE_OF_A_BODY.sub("", name))
        and not re.search(r"(?i)\bmeeting\b", name)  # "Annual Town Hall Meeting": the electors' meeting
    ):
        return False  # "CITY HALL, COMMISSION CHAMBER": where the body met, not the body
    if re.fullmatch(rf"(?i:{_MEETING_TYPE}(?:\s+(?:session|meeting))?)", name):
        return False  # "REGULAR MEETING MINUTES" under "CITY COUNCIL": the kind of meeting, not who met
    if re.search(
        r"\b(?:held|was|were|will|to be|you|are|requested|the business|transacted|transacting)\b", name, re.IGNORECASE
    ):
        return False
    if find_dates(name, 2000) and not BODY_WORD.search(name):
        return False  # "the minutes of 12th February were approved": a meeting's date, not a body
    if _SENTENCES.search(name):
        return False  # "… by a resident and seconded by another resident. All": sentences, not a name
    return True


# --- the rules ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Opening:
    """The opening lines of a document as the header rules see them."""

    lines: tuple[str, ...]
    strong: tuple[bool, ...] = ()
    """Which lines are set as headings (bold, large, Markdown headings)."""
    meta: Mapping[str, object] = field(default_factory=dict)
    """The paper's own front-matter, for a Markdown paper."""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def joined(self) -> str:
        return _joined(self.lines)

    def phrase_texts(self) -> list[tuple[str, tuple[str, ...], str]]:
        """Where a phrase naming the meeting is looked for: the opening, and its lines joined;
        each with the features that say where, and the words for `explain`."""
        if self.meta.get(_TITLE_ONLY):
            return [(str(self.meta["title"]), ("committee.from-front-matter",), "the paper's front-matter title")]
        return [(self.text, (), "opening"), (self.joined, ("committee.over-lines",), "opening, lines joined")]


_TITLE_ONLY = "\0title-only"
"""Set in an opening made of a Markdown paper's front-matter title alone."""


@runner(Fact.COMMITTEE)
@runner(Fact.DATE)
@runner(Fact.TIME)
@runner(Fact.VENUE)
def _run_header_example(header_rule: Rule, case: Example) -> object:
    """The value the rule alone proposes most strongly; a given line starting "**" counts as a heading,
    and one starting "meta: " is a front-matter entry ("meta: date: 2021-05-04")."""
    meta = dict(line[len("meta: ") :].split(": ", 1) for line in case.given if line.startswith("meta: "))
    given = [line for line in case.given if not line.startswith(("meta: ", "style-"))]
    strong = tuple(line.startswith("**") for line in given)
    lines = tuple(line.strip("*") for line in given)
    votes = _Votes()
    with housestyle.reading_with(example_style(case.given)):
        header_rule.func(Opening(lines, strong, meta), votes)
    return votes.best(header_rule.fact.value)


def example_style(given: Sequence[str]) -> housestyle.HouseStyle:
    """A house style for an example: "style-body: Name | form | form", "style-venue: Name | form"."""
    bodies, venues = [], []
    for line in given:
        kind, _, value = line.partition(": ")
        parts = [p.strip() for p in value.split("|")]
        if kind == "style-body":
            bodies.append(housestyle.Body(parts[0], tuple(parts[1:])))
        elif kind == "style-venue":
            venues.append(housestyle.Venue(parts[0], tuple(parts[1:])))
    return housestyle.HouseStyle(tuple(bodies), tuple(venues))


def _phrase(
    pattern: re.Pattern[str],
    rule_id: str,
    feature: str,
    opening: Opening,
    votes: _Votes,
    before: re.Pattern[str] | None = None,
) -> None:
    """Each body `pattern` names in the opening; `before`, a body named just before the match on its line
    that is the one that met."""
    for text, where, detail in opening.phrase_texts():
        for match in pattern.finditer(text):
            ahead = before.search(text, text.rfind("\n", 0, match.start()) + 1, match.start()) if before else None
            body = clean_body(ahead.group("body") if ahead else match.group("body"))
            if _plausible_body(body) and not _SENTENCES.search(match.group("body")):
                votes.add("committee", body, rule_id, (feature, *where), detail)
            typed = match.groupdict().get("type")
            if typed:
                votes.add_weight("meeting_type", typed.lower(), 1.0, rule_id, detail)


@rule(
    "header.meeting-of",
    Fact.COMMITTEE,
    example("A meeting of the Highways Committee held on 4 May 2021", expect="Highways Committee"),
    example(
        "You are summoned to attend an Extraordinary Meeting of Ashby Parish Council", expect="Ashby Parish Council"
    ),
    example("Members are summoned to attend a meeting of the Committee to be held", expect=None),
    example(
        "MINUTES of the Committee of the Whole Meeting of the Board of Directors of the Regional District of Elm held",
        expect="Committee of the Whole",
    ),
    example(
        "You are summoned to a Planning Committee Meeting of the Council held on 3 May", expect="Planning Committee"
    ),
    weight=3.0,
)
def meeting_of(opening: Opening, votes: _Votes) -> None:
    """ "Meeting of X held …": the body that met, in the sentence that opens most papers; "the Committee of the
    Whole Meeting of the Board of Directors of …": the committee of that body met."""
    _phrase(_MEETING_OF, "header.meeting-of", "committee.meeting-of", opening, votes, _COMMITTEE_BEFORE)


_COMMITTEE_BEFORE = re.compile(
    r"\b(?:the\s+)?(?P<body>Committee\s+of\s+the\s+Whole|(?:(?-i:[A-Z])[\w'’&-]*\s+){1,5}?(?:Committee|Sub-?Committee|Panel))"
    rf"\s+(?:{_MEETING_TYPE}\s+)?$",
    re.IGNORECASE,
)
"""A committee named before "Meeting of" the body it belongs to."""


@rule(
    "header.minutes-of",
    Fact.COMMITTEE,
    example("Minutes of the Finance Sub-Committee", expect="Finance Sub-Committee"),
    example("Minutes of the previous meeting", expect=None),
    example("The minutes of 12th February were approved and signed.", expect=None),
    example("to approve the minutes of Annual Town Meeting by a resident. All were in favor.", expect=None),
    weight=2.8,
)
def minutes_of(opening: Opening, votes: _Votes) -> None:
    """ "Minutes of X": the body whose minutes these are (never "the previous meeting")."""
    _phrase(_MINUTES_OF, "header.minutes-of", "committee.minutes-of", opening, votes)


@rule(
    "header.body-meeting-held",
    Fact.COMMITTEE,
    example("Notice is given that a Planning Committee meeting will be held", expect="Planning Committee"),
    example("ELMSWORTH ANNUAL PARISH MEETING to be held on Tuesday, 14th March 2017", expect="ANNUAL PARISH MEETING"),
    weight=2.5,
)
def body_meeting_held(opening: Opening, votes: _Votes) -> None:
    """ "A X meeting was held": the body named before the word meeting; "ELMSWORTH ANNUAL PARISH MEETING to be
    held on …", a heading with the words after it run on, names the electors' meeting."""
    _phrase(_BODY_MEETING, "header.body-meeting-held", "committee.body-meeting-held", opening, votes)
    _phrase(_HEADING_MEETING_HELD, "header.body-meeting-held", "committee.body-meeting-held", opening, votes)


@rule(
    "header.body-then-minutes",
    Fact.COMMITTEE,
    example(
        "KEMNAY COMMUNITY COUNCIL MINUTES OF THE MEETING HELD ON 31 OCTOBER 2013", expect="KEMNAY COMMUNITY COUNCIL"
    ),
    weight=2.6,
)
def body_then_minutes(opening: Opening, votes: _Votes) -> None:
    """ "X MINUTES OF THE MEETING …": a line that names the body, then what the paper is."""
    for text, where, detail in opening.phrase_texts():
        for line in text.splitlines():
            led = _BODY_THEN_MINUTES.match(line.strip())
            if led and BODY_WORD.search(led.group("body")):
                body = clean_body(led.group("body"))
                if _plausible_body(body):
                    votes.add(
                        "committee", body, "header.body-then-minutes", ("committee.body-then-minutes", *where), detail
                    )


@rule(
    "header.report-of",
    Fact.COMMITTEE,
    example("Report of the Audit Committee", expect="Audit Committee"),
    weight=2.0,
)
def report_of(opening: Opening, votes: _Votes) -> None:
    """ "Report of the X": a report's cover naming the body it goes to."""
    for text, where, detail in opening.phrase_texts():
        report = _REPORT_OF.match(text.strip())
        if report:
            body = clean_body(report.group("body"))
            votes.add("committee", body, "header.report-of", ("committee.report-of", *where), detail)


@rule(
    "header.title-above-date",
    Fact.COMMITTEE,
    example(
        "**Amenities, Leisure and Community Services**",
        "Tuesday 13th March 2018",
        expect="Amenities, Leisure and Community Services",
    ),
    example(
        "Amenities, Leisure and Community Services", "Tuesday 13th March 2018", expect=None, note="not set as a heading"
    ),
    weight=1.8,
)
def title_above_date(opening: Opening, votes: _Votes) -> None:
    """A heading set in bold or large type with the meeting's date under it names the body, whatever its words."""
    lines, strong = opening.lines, opening.strong
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
            votes.add("committee", body, "header.title-above-date", ("committee.title-above-date",), line)
        return


def _typed_line(lines: Sequence[str], votes: _Votes) -> None:
    """ "Extraordinary Council Meeting" on a line of its own says what kind of meeting it was."""
    for line in lines:
        typed = re.match(
            rf"^(?:the\s+)?{_MEETING_TYPE}\s+(?:[A-Z][\w'’&-]*\s+){{0,5}}meeting\s*$", line.strip(), re.IGNORECASE
        )
        if typed:
            votes.add_weight("meeting_type", typed.group("type").lower(), 0.9, "header.title-line", line)
            return


@rule(
    "header.title-line",
    Fact.COMMITTEE,
    example("**PLANNING COMMITTEE**", expect="PLANNING COMMITTEE"),
    example("**Town of North Star**", expect="Town of North Star"),
    example("The council will meet on Monday", expect=None),
    example(
        "**TOWN OF ELM**",
        "**PLANNING COMMISSION MEETING AGENDA**",
        expect="PLANNING COMMISSION",
        note="the town's name in capitals over a body's heading is the letterhead",
    ),
    weight=1.6,
)
def title_line(opening: Opening, votes: _Votes) -> None:
    """A short line at the top naming a body: "PLANNING COMMITTEE", "# Town of North Star"."""
    if opening.meta.get(_TITLE_ONLY):
        _title_line(str(opening.meta["title"]), True, votes, ("committee.title-from-front-matter",))
        return
    reach = _title_reach(opening.lines)
    for n, (line, is_strong) in enumerate(zip(opening.lines, opening.strong, strict=False)):
        if n < reach:
            _title_line(line, is_strong, votes, ())


def _title_line(line: str, strong: bool, votes: _Votes, where: tuple[str, ...]) -> None:
    words = line.split()
    if (
        not words
        or len(words) > 16
        or not BODY_WORD.search(line)
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
    if not body or not _plausible_body(body) or (not BODY_WORD.search(body) and not strong):
        return
    if re.fullmatch(r"(?:agenda|minutes|notice)", body, re.IGNORECASE):
        return
    features = ["committee.title-line", *where]
    if strong:
        features.append("committee.title-line-strong")
    if is_generic_body(body):
        features.append("committee.title-generic")
    elif _COUNCIL_NAME.fullmatch(body) or re.fullmatch(
        r"(?<![\w'’ -])(?:the\s+)?[\w'’ -]*[\w'’-]\s+(?i:council)", body
    ):
        features.append("committee.title-council")  # "MAIDSTONE BOROUGH COUNCIL" above "PLANNING COMMITTEE"
    votes.add("committee", body, "header.title-line", features, line)


@rule(
    "header.date-in-opening",
    Fact.DATE,
    example("Minutes of the meeting held on Tuesday 4 May 2021", expect=dt.date(2021, 5, 4)),
    example("Published 1 April 2021", "Meeting held on Tuesday 4 May 2021", expect=dt.date(2021, 5, 4)),
    example("The next meeting will be on 8 June 2021", expect=None),
    example(
        "These minutes were approved as a correct record at the meeting of the Town Council held on 13 November 2023.",
        "MINUTES OF THE MEETING OF ELM TOWN COUNCIL HELD ON MONDAY 9 OCTOBER 2023",
        expect=dt.date(2023, 10, 9),
        note="the later meeting that approved the minutes",
    ),
    example(
        "Elmford Township",
        "October 1,2024 Minutes",
        "Testing of the voting machines is held on October 29, 2024 at 5 pm.",
        expect=dt.date(2024, 10, 1),
        note="a title line naming the paper with its date, over a later date in the text",
    ),
    weight=1.0,
)
def dates_in_opening(opening: Opening, votes: _Votes) -> None:
    """Dates in the opening, weighed by what surrounds them (never the next meeting's)."""
    text, lines = opening.text, opening.lines
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    first = True
    cues = housestyle.current_cues("date")
    for found in find_dates(text, 2000):
        line_no = max(n for n, o in enumerate(offsets) if o <= found.start)
        line = lines[line_no]
        before = text[max(0, found.start - 60) : found.start]
        if _NEXT.search(before[-40:]) or re.search(r"\bnext\b", before[-25:], re.IGNORECASE):
            continue
        if _APPROVED_AT.search(_SENTENCE_END.split(text[max(0, found.start - 200) : found.start])[-1]):
            continue  # "These minutes were approved as a correct record at the meeting … held on 13 November 2023"
        features = ["date.in-opening"]
        after_held = re.search(
            r"\b(?:held|meeting|to\s+be\s+held|on|date|commencing|dated)\W*(?:\w+\W+){0,2}$", before, re.IGNORECASE
        )
        value = _year_as_printed_or_told(found, text, bool(after_held), features)
        if value is None:
            continue
        if after_held:
            features.append("date.after-held")
        if found.weekday_printed:
            features.append("date.weekday")
        if found.form == "numeric":
            features.append("date.numeric")
        if cues and fact_cues.cue_of(line[: found.start - offsets[line_no]]) in cues:
            features.append("date.known-cue")  # printed where the site's papers print their meeting's date
        if (
            (BODY_WORD.search(line) or _KIND_TITLE.search(line))
            and len(line.split()) <= 20
            and line_no < _title_reach(lines)
        ):
            features.append("date.in-title")  # "Cabinet - Tuesday 10 November 2020 6.00 pm", "May 5, 2025 Minutes"
        if first:
            features.append("date.first")
            first = False
        if len(line.strip()) <= (found.end - found.start) + 8:
            features.append("date.alone")
        context = lines[max(0, line_no - 3) : line_no + 2]
        if any(_LETTER.match(c.strip()) for c in context) and not found.weekday_printed:
            features.append("date.letter")
        if re.search(
            r"\b(?:published|dated|issued|circulated|date\s+of\s+publication|despatch)\b", before[-40:], re.IGNORECASE
        ):
            features.append("date.published")
        votes.add("date", value, "header.date-in-opening", features, text[found.start : found.end])
    if votes.best("date") is None:
        _next_meeting_of_an_agenda(opening, votes)


_APPROVED_AT = re.compile(
    r"(?i)\b(?:approved|confirmed|adopted|signed)\s+(?:as\s+an?\s+(?:correct|true|accurate)\s+record\s+)?(?:at|by)\b"
)
"""The meeting that approved these minutes, before its date: a later meeting's, not theirs."""
_SENTENCE_END = re.compile(r"[.!?]\s")


def _year_as_printed_or_told(found: FoundDate, text: str, after_held: bool, features: list[str]) -> dt.date | None:
    """The date found, its year as printed, or told by its weekday (with the feature that says so); None for a day
    printed without its year that no weekday and no "held on" makes the meeting's."""
    printed = text[found.start : found.end]
    if not found.year_printed:
        # "… will take place on Monday 30 June at 6.15pm" in a letter dated "25 June 2025": the year is the one in
        # which that day is that weekday, among the years the opening names
        year = year_by_weekday(printed, found.date.day, found.date.month, [text])
        if year is None or not after_held or not found.weekday_printed:
            return None
        features.append("date.year-completed")
        return found.date.replace(year=year)
    if not found.weekday_printed:
        return found.date
    value = year_misprinted(found.date, printed, text)
    if value != found.date:
        features.append("date.weekday-fixed")
    return value


def _next_meeting_of_an_agenda(opening: Opening, votes: _Votes) -> None:
    """An agenda whose only date is "The next meeting will be held on Tuesday, 8 July 2008 at 7.00pm" above its
    "AGENDA": the meeting it calls. Said where no other date was found, and weighing less than one would."""
    text = opening.text
    heading = re.search(r"(?im)^\W*agenda\W*$", text)
    if heading is None:
        return
    for found in find_dates(text[: heading.start()]):
        before = text[max(0, found.start - 60) : found.start]
        if found.year_printed and re.search(
            r"\bnext\s+meeting\s+(?:will\s+be|is\s+to\s+be)\s+held\s+on\W*$", before, re.I
        ):
            features = ("date.in-opening", "date.after-held", "date.next-in-agenda")
            votes.add("date", found.date, "header.date-in-opening", features, text[found.start : found.end])
            return


_KIND_TITLE = re.compile(
    r"^(?!.*\b(?:approv\w*|previous|last|confirm\w*|adopt\w*|next)\b).*\b(?:minutes|agenda)\W*$", re.IGNORECASE
)
"""A title line that names the paper with its date ("October 1, 2024 Minutes"), not business about minutes."""


def _undated(opening: Opening) -> str:
    """A day and month printed without a year, to warn about when no date is found."""
    text = opening.text
    for found in find_dates(text, 2000):
        before = text[max(0, found.start - 60) : found.start]
        if _NEXT.search(before[-40:]) or re.search(r"\bnext\b", before[-25:], re.IGNORECASE):
            continue
        if not found.year_printed:
            return text[found.start : found.end]
    return ""


@rule(
    "header.time-in-opening",
    Fact.TIME,
    example("Meeting held on Tuesday 4 May 2021 at 7.30pm", expect="19:30"),
    example("The meeting closed at 9.30pm", expect=None),
    weight=1.0,
)
def time_in_opening(opening: Opening, votes: _Votes) -> None:
    """The start time: in the sentence of the date, or after "at", "commencing", "Time:"."""
    chosen = votes.best("date")
    date_at = -1
    if chosen:
        date_at = next(
            (
                f.start
                for f in find_dates(opening.text, 2000)
                # (a day printed without its year, its year completed to the chosen date's, is the chosen date)
                if f.date == chosen or (not f.year_printed and (f.date.month, f.date.day) == (chosen.month, chosen.day))
            ),
            -1,
        )
    _times(opening.text, date_at, votes, ())
    _times(opening.joined, -1, votes, ("time.over-lines",))


def _times(text: str, date_at: int, votes: _Votes, where: tuple[str, ...]) -> None:
    best = votes.best("date")
    meeting = best if isinstance(best, dt.date) else None
    cues = housestyle.current_cues("time")
    for match in re.finditer(r"[^\n]*", text):
        segment = match.group(0)
        if not segment.strip():
            continue
        found = _time_by_the_date(segment, meeting) or find_time(segment)
        if not found:
            continue
        if re.search(
            r"\b(?:clos\w*|conclud\w*|ended|finish\w*|adjourned|between)\b[^\d]{0,25}$",
            segment[: found[0]],
            re.IGNORECASE,
        ):
            continue  # "the meeting closed at 9.30pm", "between 8.00 pm and 8.15 pm"
        if _NEXT.search(segment[: found[0]]) and not match.start() <= date_at < match.end():
            # "The date of the next meeting will be on 8th November 2022 at 7.30pm" (unless that is the date chosen,
            # as an agenda that calls "the next meeting" has it)
            continue
        if _time_of_another_date(segment, found[0], meeting):
            continue  # "… the offer ending on April 17, 2025 at 5PM": the hour of another day
        features = ["time.in-opening", *where]
        if match.start() <= date_at < match.end() + 1:
            features.append("time.with-date")
        elif date_at < 0 and find_dates(segment, 2000):
            features.append("time.by-a-date")
        if re.search(r"\b(?:time|commenc\w*|start\w*|at)\b\W*$", segment[: found[0]], re.IGNORECASE):
            features.append("time.after-at")
        if cues and fact_cues.cue_of(segment[: found[0]]) in cues:
            features.append("time.known-cue")
        votes.add("time", found[1], "header.time-in-opening", features, segment.strip()[:60])


_ADDRESS_LINE = re.compile(
    r"^(?:[A-Z#][\w'’.#-]*+\s++){0,5}?(?:at\s++)?\d{1,5}[A-Z]?\s++(?:[A-Z][\w'’.-]*+\s++){1,3}?" + _STREET
)
"""A line that gives a place's street address ("Fire Station #31 at 1011 Mullis Street in Friday Harbor")."""


def _with_address_below(venue: str, text: str, end: int) -> str:
    """The venue with the street address printed on the line under it, when its line ends with the venue."""
    if not venue or text[end : end + 1] not in ("\n", ""):
        return venue
    below = text[end + 1 :].split("\n", 1)[0].strip()
    if (
        not below
        or len(below.split()) > 14
        or find_dates(below, 2000)
        or find_time(below)
        or not _ADDRESS_LINE.match(below)
    ):
        return venue
    return f"{venue}, {below.rstrip('.,;')}"


def _time_by_the_date(segment: str, meeting: dt.date | None) -> tuple[int, str] | None:
    """The first time after the meeting's date in `segment` ("PRIVATE MEETING at 7 pm … ON WEDNESDAY 14TH JANUARY
    2015 AT 7.30 PM": 19:30, the meeting's; a notice above it tells of another hour)."""
    if meeting is None:
        return None
    at = next((f.start for f in find_dates(segment, 2000) if f.date == meeting), -1)
    later = find_time(segment[at:]) if at > 0 else None
    return (at + later[0], later[1]) if later else None


def _time_of_another_date(segment: str, at: int, meeting: dt.date | None) -> bool:
    """Whether the time at `at` follows a full date that is not the meeting's ("April 17, 2025 at 5PM")."""
    if meeting is None:
        return False
    before = [f for f in find_dates(segment[max(0, at - 30) : at], 2000) if f.year_printed]
    return bool(before) and before[-1].date != meeting and at - max(0, at - 30) - before[-1].end <= 6


_DANGLING = re.compile(r"(?:^|\s)(?:the|a|an|of|at)$", re.IGNORECASE)
"""A venue cut where the line broke ("… 2012 at the")."""


def _venues(
    pattern: re.Pattern[str],
    text: str,
    votes: _Votes,
    rule_id: str,
    features: tuple[str, ...],
    place_word: bool = False,
) -> None:
    """A vote for each venue `pattern` finds; `place_word`: only one that names a hall, a room, chambers…"""
    for match in pattern.finditer(text):
        venue = _with_address_below(clean_venue(match.group("venue")), text, match.end("venue"))
        if _cut_at_line_end(venue, text, match.end("venue")):
            continue  # "… AT 7.00PM IN THE COUNCIL" / "CHAMBER, THE GUILDHALL": the lines joined name the place
        if (
            venue
            and len(venue.split()) <= 16
            and (not place_word or _PLACE_WORDS.search(venue))
            and not (
                rule_id in ("header.venue-after-date", "header.venue-after-comma")
                and (_DANGLING.search(venue) or _after_another_date(text, match, votes))
            )
        ):
            votes.add("venue", venue, rule_id, features, match.group(0).strip()[:60])


def _cut_at_line_end(venue: str, text: str, end: int) -> bool:
    """A venue that names no place and stops where its line does, with more lines below: a heading broken there."""
    rest = text[end:]
    return bool(venue) and rest.startswith("\n") and bool(rest.strip()) and not _PLACE_WORDS.search(venue)


def _after_another_date(text: str, match: re.Match[str], votes: _Votes) -> bool:
    """The place follows a date that is not the meeting's ("… passed away on November 30, 2022, in Ohio")."""
    chosen = votes.best("date") or next((f.date for f in find_dates(text, 2000) if f.year_printed), None)
    before = [f for f in find_dates(text[max(0, match.start() - 30) : match.start() + 5], 2000) if f.year_printed]
    return bool(chosen and before and before[-1].date != chosen)


@rule(
    "header.venue-after-comma",
    Fact.VENUE,
    example("Minutes of the meeting, Monday 5th June 2023, Church Hall, 7pm", expect="Church Hall"),
    example("Held on 5 June 2023, 7.00pm, Burgh Chambers", expect="Burgh Chambers"),
    example("Monday 5 June 2023, Elmsworth", expect=None, note="a town, no place a meeting is held in"),
    weight=1.2,
)
def venue_after_comma(opening: Opening, votes: _Votes) -> None:
    """ "<date>, V": a place set after the meeting's date or time by a comma, named by a word places carry (a
    hall, a room, chambers, a centre)."""
    # weighed as a place after the date, which it is
    _venues(_VENUE_AFTER_COMMA, opening.text, votes, "header.venue-after-comma", ("venue.after-date",), place_word=True)


@rule(
    "header.venue-held-at",
    Fact.VENUE,
    example("A meeting of the council held at the Village Hall, Ashby on 4 May 2021", expect="Village Hall, Ashby"),
    example(
        "The Board of County Commissioners met in regular session on Monday, June 3, 2024 at 9:00 a.m.",
        expect=None,
        note="how the board met, not where",
    ),
    example(
        "The regular meeting of the Elmford Township Board was called to order at 7:00 pm, with Orr, Bell and 6 guests present.",
        expect=None,
        note="those present after the time, not a place",
    ),
    example(
        "The workshop was called to order at 6:00 pm with Orr, Bell, and Pike present.",
        expect=None,
    ),
    example("Held on 4 May 2021", expect=None),
    example(
        "Elm Parish Council - 14th July 2020",
        "The Parish Council held the meeting outside the Village School at 7pm, to keep apart.",
        expect="Village School",
    ),
    weight=2.0,
)
def venue_held_at(opening: Opening, votes: _Votes) -> None:
    """ "held at V", "to take place in V": the place in the sentence that names the meeting."""
    _venues(_VENUE_AFTER, opening.text, votes, "header.venue-held-at", ("venue.held-at",))
    _venues(_VENUE_AFTER, opening.joined, votes, "header.venue-held-at", ("venue.held-at", "venue.over-lines"))


@rule(
    "header.venue-after-date",
    Fact.VENUE,
    example("Tuesday 4 May 2021 at 7pm in the Council Chamber", expect="Council Chamber"),
    example(
        "ELM PARISH COUNCIL MEETING TO BE HELD ON TUESDAY, 5th MARCH 2019 @ 7.30pm ELM VILLAGE HALL",
        expect="ELM VILLAGE HALL",
    ),
    example("Meeting on 5 March 2019 at 7.30pm Councillors A Orr and B Hale present", expect=None),
    example(
        "Board Meeting, May 5, 2025",
        "The chair noted that a former trustee died on April 30, 2025, in Ohio.",
        expect=None,
        note="the place after another date than the meeting's is not the meeting's",
    ),
    weight=1.8,
)
def venue_after_date(opening: Opening, votes: _Votes) -> None:
    """ "<date> at V", "<time> in V": the place printed after the meeting's date or time."""
    _venues(_VENUE_AFTER_DATE, opening.text, votes, "header.venue-after-date", ("venue.after-date",))
    _venues(_VENUE_AFTER_TIME, opening.text, votes, "header.venue-after-date", ("venue.after-date",), place_word=True)
    _venues(
        _VENUE_AFTER_DATE,
        opening.joined,
        votes,
        "header.venue-after-date",
        ("venue.after-date", "venue.after-date-over-lines"),
    )


@rule(
    "header.venue-held-at-on-day",
    Fact.VENUE,
    example(
        "held at the Council Chamber, Civic Centre, Tamworth on Tuesday 4 May 2021",
        expect="Council Chamber, Civic Centre, Tamworth",
    ),
    weight=2.1,
)
def venue_held_at_on_day(opening: Opening, votes: _Votes) -> None:
    """ "held at V on <weekday>": the place, however many lines it wraps over, up to the day."""
    joined = re.sub(r"(?<!\s)\s*\n\s*", " ", opening.text)
    found = re.search(
        r"\bheld\s+at\s+(?:the\s+)?(?P<venue>.+?)\s+on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
        joined,
        re.IGNORECASE,
    )
    if found:
        venue = clean_venue(found.group("venue"))
        if venue and len(venue.split()) <= 16:
            votes.add("venue", venue, "header.venue-held-at-on-day", ("venue.held-at-on-day",), found.group(0)[:60])


@rule(
    "header.venue-key-line",
    Fact.VENUE,
    example(
        "Venue: Town Hall, Moorgate",
        "Street, Rotherham. S60 2TH",
        expect="Town Hall, Moorgate Street, Rotherham. S60 2TH",
    ),
    weight=2.5,
)
def venue_key_line(opening: Opening, votes: _Votes) -> None:
    """ "Venue:", "Place:", "Location:" lines, with an address wrapped over the next short lines."""
    lines = opening.lines
    for n, line in enumerate(lines):
        key = next(
            (
                k
                for k in map(_KEY.match, key_segments(line))
                if k and re.search(r"venue|place|location|where", k.group("key"), re.I)
            ),
            None,
        )
        if not key:
            continue
        value = re.split(r"(?<!\s)\s+date\s*:", key.group("value"), flags=re.IGNORECASE)[0]
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
        votes.add("venue", clean_venue(value), "header.venue-key-line", ("venue.key-line",), line)


_PLACE_OF_A_BODY = re.compile(
    r"(?i)\b(?:(?:council|commission|board|committee|assembly|cabinet)\s+(?:chambers?|offices?|rooms?|suite)"
    r"|(?:town|township|village|parish|city|county|community)\s+"
    r"(?:hall|offices?|building|centre|center|library))\b"
)
"""A body's word that names its building, not the body: "Council Chambers", "Mueller Township Hall"."""


@rule(
    "header.venue-place-line",
    Fact.VENUE,
    example("Ashby Village Hall", expect="Ashby Village Hall"),
    example("Ashby Parish Council", expect=None),
    example(
        "Elm Township Board", "of Trustees Meeting", "August 9th 2023", "Elm Township Hall", expect="Elm Township Hall"
    ),
    example("Community Centre, Elm, 4th September 2018", expect="Community Centre, Elm"),
    example(
        "Large Group Instruction Room, Elm Valley High School",
        expect="Large Group Instruction Room, Elm Valley High School",
        note="a body's word that only describes the room",
    ),
    example("Village Hall Committee", expect=None, note="a body named for its hall"),
    example(
        "Town Hall, Selectboard Meeting Room, 12 Main Street, Elm, MA 01368",
        expect="Town Hall, Selectboard Meeting Room, 12 Main Street, Elm, MA 01368",
        note="a longer line for its street address",
    ),
    example("Elm Village Hall", "12 Mill Road, Elm", expect="Elm Village Hall, 12 Mill Road, Elm"),
    example(
        "Council Chambers",
        "Elm Municipal Office",
        "1420 County Road 9, Elm",
        expect="Council Chambers, Elm Municipal Office, 1420 County Road 9, Elm",
        note="the room, its building and the street address, a line each",
    ),
    weight=1.0,
)
def venue_place_line(opening: Opening, votes: _Votes) -> None:
    """A short line naming a hall, a chamber, a library or a school (the meeting's date may close it)."""
    for n, printed in enumerate(opening.lines):
        if _CARE_OF.search(printed) or (n and _CARE_OF.search(opening.lines[n - 1])):
            continue  # "c/o Vista Management Associates" over "8700 Turnpike Drive, Suite 230": a letterhead's address
        if any(
            k and re.search(r"venue|place|location|where", k.group("key"), re.I)
            for k in map(_KEY.match, key_segments(printed))
        ):
            continue
        line = _before_closing_date(printed)
        if (
            1 <= len(line.split()) <= (16 if _STREET_IN_LINE.search(line) else 10)
            and _PLACE_WORDS.search(line)
            and not _names_a_body(_PLACE_OF_A_BODY.sub("", line))
            and not re.match(r"(?i)(?:of|in|and|or)\s", line.strip())  # a heading's second line: "OF THE CITY OF …"
            and not find_dates(line, 2000)
            and not line.rstrip().endswith(":")
            and not _ONLINE_WORD.search(line)
        ):
            venue = _with_lines_below(line, opening.lines[n + 1 : n + 3]) if line == printed else line
            votes.add("venue", clean_venue(venue), "header.venue-place-line", ("venue.place-line",), printed)


_CARE_OF = re.compile(r"(?i)(?:^|\s)c/o\s")
_STREET_IN_LINE = re.compile(r"(?<![\w,.])\d{1,5}[A-Z]?\s++(?:[A-Z][\w'’.-]*+\s++){1,3}?" + _STREET)
"""A street address inside a line ("Town Hall, Selectboard Meeting Room, 12 Main Street, Ashgrove, MA 01368"): a
place's line may then be longer."""


def _with_lines_below(venue: str, below: Sequence[str]) -> str:
    """A place with the lines under it that say where it is: its building and its street address ("Council
    Chambers" / "Elm Municipal Office" / "1420 County Road 9, Elm")."""
    for line in below:
        line = line.strip()
        addressed = _with_address_below(venue, f"{venue}\n{line}", len(venue))
        if addressed != venue:
            return addressed
        if not (
            1 <= len(line.split()) <= 8
            and _PLACE_WORDS.search(line)
            and not _names_a_body(line)
            and not find_dates(line, 2000)
            and not find_time(line)
            and not _ONLINE_WORD.search(line)
        ):
            break
        venue = f"{venue}, {line.rstrip('.,;')}"
    return venue


def _names_a_body(line: str) -> bool:
    """Whether a line names a body, not a room that a body's word only describes: "Large Group Instruction Room,
    Millbrook Valley High School" is a place (each part, parted by commas, that holds a body's word ends with a
    place's word)."""
    return any(BODY_WORD.search(part) and not _ENDS_IN_PLACE.search(part) for part in line.split(",") if part.strip())


_ENDS_IN_PLACE = re.compile(rf"(?:{_PLACE_WORDS.pattern})\W*$", re.IGNORECASE)


def _before_closing_date(line: str) -> str:
    """A line without the date that closes it: "Community Centre, Elm, 4th September 2018" -> "Community Centre,
    Elm"; the line as it is when no date closes it."""
    dates = [f for f in find_dates(line, 2000) if f.year_printed and f.start > 0]
    if not dates or line[dates[-1].end :].strip(" .,*"):
        return line
    return line[: dates[-1].start].rstrip(" ,;–—-*")


@rule(
    "header.venue-online",
    Fact.VENUE,
    example("Online Zoom Meeting", expect="Online Zoom Meeting"),
    example("The meeting was held via teleconference", expect="via teleconference"),
    weight=1.0,
)
def venue_online(opening: Opening, votes: _Votes) -> None:
    """A meeting held on a video platform or by teleconference: the line that names it, or the platform."""
    text, lines = opening.text, opening.lines
    platform = _PLATFORM.search(text)
    if platform:
        line = next((ln.strip() for ln in lines if platform.group(0) in ln), "")
        if len(line.split()) <= 5 and not find_dates(line, 2000) and not find_time(line):
            votes.add("venue", line, "header.venue-online", ("venue.platform-line",), line)  # "Online Zoom Meeting"
        votes.add("venue", platform.group(0), "header.venue-online", ("venue.platform",), line)  # "via ZOOM" -> "ZOOM"
        return
    online = _ONLINE.search(text)
    if online:
        votes.add("venue", online.group(0).strip(), "header.venue-online", ("venue.online",), online.group(0))


_NEXT_KEY = re.compile(r"(?<!\s)\s+(?=(?:committee|date|time|venue|place|location)\s*:)", re.IGNORECASE)


def key_segments(line: str) -> list[str]:
    """ "Committee: Cabinet Date: Monday, 10 July 2023": two keys on one line, as two segments."""
    return [part for part in _NEXT_KEY.split(line) if part.strip()]


_LISTED_MEETING = re.compile(
    r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})\s+[-–]\s+(?P<body>.+?)(?:\s*\(Item\s+\d+\))?$", re.IGNORECASE
)


@rule(
    "header.key-lines",
    Fact.COMMITTEE,
    example("Committee: Cabinet", "Date: Monday, 10 July 2023", expect="Cabinet"),
    example("Meeting: 20/10/2020 - Cabinet (Item 38)", expect="Cabinet"),
    weight=3.2,
)
def key_lines(opening: Opening, votes: _Votes) -> None:
    """ "Committee: Cabinet", "Date: Monday, 10 July 2023", "Time: 7.00 - 8.45 pm" lines."""
    lines = opening.lines
    for n, segment in ((n, seg) for n, line in enumerate(lines) for seg in key_segments(line)):
        key = _KEY.match(segment)
        if not key:
            continue
        # A "Date:" among a letter's references ("Our Ref:", "Direct Dial:") is the letter's.
        letter = any(_LETTER.match(c.strip()) for c in lines[max(0, n - 3) : n + 4])
        name, value = re.sub(r"\s+", " ", key.group("key").lower()), key.group("value")
        date_features = ("date.key-line", "date.key-line-letter") if letter else ("date.key-line",)
        listed = _LISTED_MEETING.match(value.strip())
        if listed and name in ("meeting", "made at meeting"):
            # "Meeting: 20/10/2020 - Cabinet (Item 38)": a web page's link to the meeting an issue went to
            body = clean_body(listed.group("body"))
            if _plausible_body(body):
                votes.add("committee", body, "header.key-lines", ("committee.key-line",), segment)
            votes.add("date", parse_date(listed.group("date")), "header.key-lines", ("date.key-line",), segment)
            continue
        dated = next(iter(find_dates(value, 2000)), None)
        if name == "meeting" and dated and dated.start <= 12:
            # "MEETING: Monday 8th April 2019": when the meeting is, not which body holds it
            votes.add("date", dated.date, "header.key-lines", date_features, segment)
            continue
        if name in ("committee", "meeting", "body", "decision maker") and value.strip():
            body = clean_body(value)
            if _plausible_body(body):
                votes.add("committee", body, "header.key-lines", ("committee.key-line",), segment)
        if name.startswith("date") or name in ("when", "time and date"):
            votes.add("date", parse_date(value), "header.key-lines", date_features, segment)
        if "time" in name or name == "when":
            found = find_time(value)
            if found:
                votes.add("time", found[1], "header.key-lines", ("time.key-line",), segment)


def _kind_words(text: str, votes: _Votes) -> None:
    """Words that say what the paper is; in its first lines (its title) they count double."""
    top = len("\n".join(text.split("\n")[:3]))
    for match in MINUTES_WORDS.finditer(text):
        votes.add_weight("kind:minutes", match.group(0), 2.0 if match.start() < top else 1.0, "header.kind-words")
    for match in AGENDA_WORDS.finditer(text):
        votes.add_weight("kind:agenda", match.group(0), 2.0 if match.start() < top else 1.0, "header.kind-words")


FRONT_MATTER_DATE = "header.front-matter-date"


@rule(
    FRONT_MATTER_DATE,
    Fact.DATE,
    example("meta: date: 2021-05-04", "Minutes", expect=dt.date(2021, 5, 4)),
    example("meta: title: Minutes", "Minutes", expect=None),
    weight=0.3,
)
def front_matter_date(opening: Opening, votes: _Votes) -> None:
    """A Markdown paper's front-matter date: often the page's, not the meeting's, so it counts only when the text prints none."""
    for key in ("meetingDate", "meeting_date", "date", "dated"):
        value = opening.meta.get(key)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                value = None
        if isinstance(value, dt.date):
            votes.add("date", value, FRONT_MATTER_DATE, ("date.front-matter",), f"front-matter '{key}'")
            break


@rule(
    "header.known-body",
    Fact.COMMITTEE,
    example(
        "style-body: Perry Township | Board of Trustees",
        "State of Ohio",
        "County of Lake",
        "Town of Perry",
        "BOARD OF TRUSTEES MEETING",
        expect="Perry Township",
    ),
    example("State of Ohio", "County of Lake", "Town of Perry", "BOARD OF TRUSTEES MEETING", expect=None),
    weight=3.6,
)
def known_body(opening: Opening, votes: _Votes) -> None:
    """A body the site's house style knows (learned from its papers, or taught by a correction), printed in the
    opening: stronger than what a phrase or a title line suggests, strongest on a line of its own."""
    # Each line is asked about even of a style that knows no body: what a reading asked, a style that knows one
    # would answer otherwise (`style_trial`).
    for line in opening.lines[: _title_reach(opening.lines)]:
        found = housestyle.body_in(line)
        if not found or not _only_the_body(line, found[0]):
            continue
        name = found[1]
        features = ("committee.known-body", "committee.known-body-line")
        votes.add("committee", name, "header.known-body", features, line)


_HEADING_WORDS = _GOVERNING_WORDS | frozenset(
    """minutes agenda notice draft approved unapproved summary record held on at of for the a an
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


def _only_the_body(line: str, form: str) -> bool:
    """A line that names the body and nothing else ("BOARD OF TRUSTEES MEETING - JANUARY 11, 2023"), not a
    longer name that holds it ("CITY OF ALAMEDA PLANNING BOARD" holds "City of Alameda")."""
    words = housestyle.folded(line).split()
    body = housestyle.folded(form).split()
    for n in range(len(words) - len(body) + 1):
        if words[n : n + len(body)] == body:
            rest = words[:n] + words[n + len(body) :]
            return all(
                w in _HEADING_WORDS or w.isdigit() or re.fullmatch(r"(?<!\d)\d{1,4}(?:st|nd|rd|th)", w) for w in rest
            )
    return False


@rule(
    "header.known-venue",
    Fact.VENUE,
    example(
        "style-venue: Perry Township Hall | Township Hall",
        "held at the Township Hall on Tuesday",
        expect="Perry Township Hall",
    ),
    example("held at the Township Hall on Tuesday", expect=None),
    weight=2.7,
)
def known_venue(opening: Opening, votes: _Votes) -> None:
    """A place the site's meetings are held at, as its house style knows it, printed in the opening."""
    found = housestyle.venue_in(opening.text)
    if found:
        votes.add("venue", found[1], "header.known-venue", ("venue.known",), found[0])


COMMITTEE_RULES = (meeting_of, minutes_of, body_meeting_held, body_then_minutes, report_of, known_body)


def _vote(opening: Opening) -> _Votes:
    """Every header rule's proposals for the opening, in the order they are weighed."""
    votes = _Votes()
    for phrase_rule in COMMITTEE_RULES:
        phrase_rule(opening, votes)
    _prefer_longer(votes, "committee")
    title_line(opening, votes)
    _typed_line(opening.lines[:8], votes)
    title_above_date(opening, votes)
    key_lines(opening, votes)
    dates_in_opening(opening, votes)
    time_in_opening(opening, votes)
    for venue_rule in (
        venue_held_at,
        venue_after_date,
        venue_after_comma,
        venue_held_at_on_day,
        venue_key_line,
        venue_place_line,
        venue_online,
        known_venue,
    ):
        venue_rule(opening, votes)
    _kind_words(opening.text, votes)
    title = opening.meta.get("title")
    if isinstance(title, str) and title.strip():
        # The front-matter title names the meeting too, weakly: weighed after the text.
        titled = Opening((title,), (True,), {"title": title, _TITLE_ONLY: True})
        for phrase_rule in COMMITTEE_RULES:
            phrase_rule(titled, votes)
        title_line(titled, votes)
    front_matter_date(opening, votes)
    return votes


def read_opening(
    lines: Sequence[str],
    strong: Sequence[bool] = (),
    meta: Mapping[str, object] | None = None,
) -> MeetingFacts:
    """The meeting facts in the opening lines of a document (plain text, one per line);
    `strong` says which lines are set as headings; `meta` is the paper's own front-matter."""
    kept = [
        (re.sub(r"\s+", " ", line).strip(), s)
        for line, s in zip(lines, list(strong) + [False] * len(lines), strict=False)
        if line.strip()
    ]
    # A paragraph flattened from a whole page runs on into the items; its opening words are the heading.
    opening = Opening(
        tuple(" ".join(line.split()[:LONG_LINE_WORDS]) for line, _ in kept), tuple(s for _, s in kept), meta or {}
    )
    votes = _vote(opening)
    kind_minutes = sum(p.weight for p in votes.proposals.get("kind:minutes", []))
    kind_agenda = sum(p.weight for p in votes.proposals.get("kind:agenda", []))
    kind = "minutes" if kind_minutes > kind_agenda else "agenda" if kind_agenda > kind_minutes else ""
    venue = votes.best("venue") or ""
    date = votes.best("date")
    return MeetingFacts(
        committee=votes.best("committee") or "",
        date=date,
        time=votes.best("time") or "",
        venue=venue,
        kind=kind,
        meeting_type=votes.best("meeting_type") or "",
        undated=_undated(opening) if not date else "",
        online=bool(
            _ONLINE.search(opening.text)
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
                features = (*short.features, "committee.cut-short")
                options[n] = Proposal(short.value, weigh(fact, features), short.rule, features, short.detail)
                break


def council_named_in(text: str) -> str:
    """A council's own name printed in the text ("Groby Parish Council", "Shire of Kent")."""
    match = _COUNCIL_NAME.search(text)
    if not match:
        return ""
    name = match.group("name").strip()
    return name.title() if name.isupper() else name
