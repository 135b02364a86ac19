"""References in the text to other meetings and minutes.

Minutes cite earlier decisions ("Further to Minute No. 228 (CAMHS)", "In accordance with
Minute No. 224 of 17th July, 2013", "Minute No. C25 (…) of a meeting of the Cabinet held
on 20th June, 2012") and earlier minutes ("the minutes of the previous meeting held on
18th November, 2013"). Each becomes a `Citation` holding the words as printed.
"""

from __future__ import annotations

import datetime as dt
import re

from minutes.papers.dates import DATE_PATTERN, parse_date, parse_date_after
from minutes.papers.evidence import REGISTRY, Example, Fact, Rule, enabled, example, rule, runner
from minutes.papers.names import CommitteeNames
from minutes.records.record import Citation

_DATE = DATE_PATTERN.pattern.replace("(?P<day>", "(?:").replace("(?P<month>", "(?:").replace("(?P<year>", "(?:")
_COMMITTEE = r"(?:the\s+)?(?P<committee>[A-Z][\w'’&\-]*(?:[ ,]+(?:[A-Z][\w'’&\-]*|and|for|of|on))*?)"
_MINUTE = re.compile(
    r"Minute\s+(?:No\.?|Number)\s*(?P<minute>[A-Z]{0,2}\d{1,4}(?:\.\d+)?)"
    r"(?:\s*\((?P<subject>[^()]{1,120})\))?"
    r"(?:\s+of\s+(?:(?:a|the)\s+)?(?:meeting\s+of\s+"
    + _COMMITTEE
    + r",?\s+)?(?:held\s+on\s+)?(?P<date>"
    + _DATE
    + r"))?",
    re.IGNORECASE,
)
_MINUTES_OF = re.compile(
    r"\bminutes\s+(?:of|from)\s+(?:the\s+|a\s+)?(?:(?P<previous>previous|last)\s+)?"
    r"(?:meeting(?:\s+of\s+" + _COMMITTEE + r")?|" + _COMMITTEE.replace("committee>", "body>") + r")"
    r",?\s+held\s+on\s+(?P<date>" + _DATE + r")",
    re.IGNORECASE,
)
_APPROVES = re.compile(
    r"(?:approved|agreed|signed)\s+as\s+(?:an?\s+)?(?:true|correct|accurate)\s+record|considered\s+and\s+approved"
    r"|minutes\s+of\s+the\s+previous\s+meeting",
    re.IGNORECASE,
)
NEXT_MEETING_TITLE = re.compile(
    r"\bdates?\s+(?:and|&)\s+times?\s+of\s+(?:the\s+)?(?:next|future)\s+meetings?", re.IGNORECASE
)


def _body(match: re.Match[str], group: str, own: str, names: CommitteeNames) -> str:
    printed = match.groupdict().get(group) or ""
    if not printed or (own and names.same_body(printed, own)):
        return ""
    return names.resolve(printed).name


MINUTE_NUMBER = "citations.minute-number"
MINUTES_OF = "citations.minutes-of"
APPROVES = "citations.approves-minutes"


@runner(Fact.CITATION)
def _run_citation_example(citation_rule: Rule, case: Example) -> object:
    """The given lines as one paragraph of an item of the Cabinet's minutes: what the rule saw, as
    (words, committee, date, minute, relation) per citation; for the approving rule, whether it approves."""
    text = " ".join(case.given)
    if citation_rule.id == APPROVES:
        return approves_minutes("", text) or None
    names = CommitteeNames()
    seen = citation_rule.func(text, "Cabinet", names, True)
    return [(c.text, c.committee, str(c.date or ""), c.minute, c.relation) for _, c in seen] or None


@rule(
    MINUTE_NUMBER,
    Fact.CITATION,
    example(
        "In accordance with Minute No. 224 of 17th July, 2013 the report was noted.",
        expect=[("Minute No. 224 of 17th July, 2013", "", "2013-07-17", "224", "cites")],
    ),
    example(
        "Further to Minute No. C25 (Housing) of a meeting of the Planning Board held on 20th June, 2012",
        expect=[
            (
                "Minute No. C25 (Housing) of a meeting of the Planning Board held on 20th June, 2012",
                "Planning Board",
                "2012-06-20",
                "C25",
                "cites",
            )
        ],
    ),
    example("The minute taker was thanked.", expect=None),
)
def minute_number(
    text: str, own: str, names: CommitteeNames, approving: bool
) -> list[tuple[tuple[int, int], Citation]]:
    """ "Minute No. 228", with the subject, body and date that follow it: an earlier decision cited.

    Written for English metropolitan councils, whose minutes cite earlier ones by number."""
    out = []
    for match in _MINUTE.finditer(text):
        date = parse_date(match.group("date") or "")
        committee = _body(match, "committee", own, names)
        out.append(
            (
                match.span(),
                Citation(text=match.group(0).strip(), committee=committee, date=date, minute=match.group("minute")),
            )
        )
    return out


@rule(
    MINUTES_OF,
    Fact.CITATION,
    example(
        "The minutes of the previous meeting held on 18th November, 2013 were approved.",
        expect=[("minutes of the previous meeting held on 18th November, 2013", "", "2013-11-18", "", "approves")],
    ),
    example(
        "The minutes of the Audit Committee held on 3 March 2014 were noted.",
        expect=[("minutes of the Audit Committee held on 3 March 2014", "Audit Committee", "2014-03-03", "", "cites")],
    ),
    example("The minutes were signed.", expect=None),
)
def minutes_of(text: str, own: str, names: CommitteeNames, approving: bool) -> list[tuple[tuple[int, int], Citation]]:
    """ "The minutes of the previous meeting held on …", "minutes of the X Committee held on …": minutes cited,
    approved when the item approves minutes and names no other body.

    Written for the item that approves the last meeting's minutes, and for reports citing another body's."""
    out = []
    for match in _MINUTES_OF.finditer(text):
        committee = _body(match, "committee", own, names) or _body(match, "body", own, names)
        relation = "approves" if approving and not committee else "cites"
        citation = Citation(
            text=match.group(0).strip(), committee=committee, date=parse_date(match.group("date")), relation=relation
        )
        out.append((match.span(), citation))
    return out


CITATION_RULES = (MINUTE_NUMBER, MINUTES_OF)
"""The rules that find citations, in order: a span one has taken is not read again by the next."""


def find_citations(
    text: str,
    own_committee: str,
    names: CommitteeNames,
    *,
    approving: bool = False,
) -> list[Citation]:
    """Citations in one paragraph; `approving` marks minutes references as approving them."""
    out: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for rule_id in CITATION_RULES:
        if not enabled(rule_id):
            continue
        for span, citation in REGISTRY[rule_id].func(text, own_committee, names, approving):
            if not any(a <= span[0] < b for a, b in taken):
                out.append(citation)
                taken.append(span)
    return out


@rule(
    APPROVES,
    Fact.CITATION,
    example("The minutes were approved as a correct record.", expect=True),
    example("The minutes were circulated.", expect=None),
)
def approves_minutes(title: str, text: str) -> bool:
    """Whether an item approves earlier minutes: its title or resolution says so ("approved as a correct record").

    Written for the first item of most minutes; what it cites as "minutes of the previous meeting" it approves."""
    if not enabled(APPROVES):
        return False
    return bool(
        re.search(r"minutes\s+of\s+the\s+(?:previous|last)\s+meeting", title, re.IGNORECASE) or _APPROVES.search(text)
    )


def next_meeting_date(text: str, meeting_date: dt.date | None) -> dt.date | None:
    """The date in a "date and time of the next meeting" item; a missing year follows the meeting."""
    if meeting_date:
        return parse_date_after(text, meeting_date)
    return parse_date(text)
