"""The decisions register: every resolution recorded in the minutes, with where it was made.

Resolutions are listed under their item, once each, the item named once. A routine decision
is marked, so a reader can leave them out: one that only notes or receives something ("That
the report be noted", "The Board received the update"), or approves earlier minutes as a
correct record. A resolution that also decides anything else ("be noted, and that a further
report be brought") is not routine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutes.core.i18n import N_
from minutes.pages.markdown_html import render_markdown
from minutes.pages.resolution_spans import set_apart
from minutes.records.record import DocumentRecord
from minutes.site.items import split_body
from minutes.site.model import Meeting, ResolutionsShown, Site


@dataclass(frozen=True, slots=True)
class RegisteredDecision:
    meeting: Meeting
    item_number: str
    item_title: str
    anchor: str
    text: str
    """The resolution as the record lists it."""
    html: str = ""
    """The resolution with what the minutes print after it (the names after "appointed as follows: -")."""
    routine: bool = False
    """It only notes or receives something, or approves earlier minutes (see `is_routine`)."""
    unconfirmed: bool = False
    """The converter doubts it and no person has checked it yet (see doubts.py)."""


@dataclass(frozen=True, slots=True)
class DecisionGroup:
    """The resolutions of one item of one meeting, as the register lists them: the item named once."""

    meeting: Meeting
    item_number: str
    item_title: str
    anchor: str
    decisions: tuple[RegisteredDecision, ...]

    @property
    def routine(self) -> bool:
        return all(d.routine for d in self.decisions)

    @property
    def has_routine(self) -> bool:
        return any(d.routine for d in self.decisions)


def group_decisions(decisions: list[RegisteredDecision]) -> list[DecisionGroup]:
    """Runs of decisions of one item, in the order given."""
    groups: list[DecisionGroup] = []
    run: list[RegisteredDecision] = []
    for d in decisions:
        if run and (run[0].meeting is not d.meeting or run[0].anchor != d.anchor):
            groups.append(_group(run))
            run = []
        run.append(d)
    if run:
        groups.append(_group(run))
    return groups


def _group(run: list[RegisteredDecision]) -> DecisionGroup:
    first = run[0]
    return DecisionGroup(first.meeting, first.item_number, first.item_title, first.anchor, tuple(run))


_LEAD = re.compile(
    r"^\s*(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+|resolved\s*[:\-–—]*\s*|it\s+was\s+resolved\s*[:\-–—]*\s*)+",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r";\s*(?:and\s+)?|,\s*(?:and\s+)?(?=that\b)", re.IGNORECASE)
"""Where a resolution goes on to decide something else: "…; and", ", and that …". An "and that" without a
comma is more often inside what is noted ("the proposal that X and that Y, be noted")."""
_BE_NOTED = re.compile(
    r"\b(?:be|is|are|was|were|been|being)\s+(?:duly\s+|hereby\s+)?(?:noted|received)"
    r"(?:\s+and\s+(?:noted|received|accepted))?(?:\s+for\s+(?:information|the\s+record))?\W*$",
    re.IGNORECASE,
)
_CORRECT_RECORD = re.compile(
    r"\bminutes\b.*\b(?:be|is|are|was|were|been)\s+(?:approved|confirmed|agreed|adopted|signed)"
    r"(?:\s+and\s+signed)?\s+as\s+an?\s+(?:true|correct|accurate|true\s+and\s+(?:correct|accurate))\s+record\b",
    re.IGNORECASE,
)
_NOTED_THE = re.compile(
    r"^(?:(?:the|members\b|[a-z’'-]+)\s+){0,5}?(?:noted|received)(?:\s+and\s+(?:noted|received))?"
    r"(?:\s+(?:the|its|this|that|these|those|a|an)\b|\W*$)",
    re.IGNORECASE,
)
_NOTED_PROPOSITION = re.compile(
    r"^that\s+the\s+(?:\w+\s+){0,3}?that\b.*" + _BE_NOTED.pattern,
    re.IGNORECASE | re.DOTALL,
)
"""What is noted is itself a proposition, whatever its commas: "That the proposal that X, and that Y, be noted"."""
_DECIDES = re.compile(
    r"\b(?:agree[ds]?|approved?|endorsed?|recommend\w*|request\w*|asked|delegated?|authori[sz]\w*|adopt\w*|"
    r"refused?|grant\w*|defer\w*|allocat\w*|appoint\w*|instruct\w*|resolved|supported?|decided?|"
    r"ask|invite[ds]?|require[ds]?|bring|brought|circulated?|provided?|submit\w*|undertake\w*|establish\w*)\b",
    re.IGNORECASE,
)


def is_routine(text: str) -> bool:
    """Whether a resolution only notes or receives something, or approves earlier minutes as a correct record.

    Every clause of it must be routine: "That the report be noted, and that an update be brought" is not.
    """
    body = _LEAD.sub("", text.strip()).strip()
    if _NOTED_PROPOSITION.match(body):
        return True
    clauses = [c.strip() for c in _CLAUSES.split(body) if c.strip()]
    return bool(clauses) and all(_routine_clause(c) for c in clauses)


def _routine_clause(clause: str) -> bool:
    if _BE_NOTED.search(clause) or _CORRECT_RECORD.search(clause):
        return True
    # "The Board noted the report." — but not "Members noted the report and agreed to …".
    match = _NOTED_THE.match(clause)
    return match is not None and not _DECIDES.search(clause[match.end() :])


def resolutions_shown(record: DocumentRecord, body: str) -> ResolutionsShown:
    """For each item of a minutes record, each of its resolutions as the register shows it: what the
    minutes print after it (rendered), and whether it is routine.

    A function of the record and its body alone: the loader works it out while it holds the body
    (in its pool of processes, for many records), so the register need not read every minutes again.
    """
    items = record.items
    texts = split_body(body, {i.anchor for i in items}, find_groups=False).by_anchor
    shown = []
    for item in items:
        passages = set_apart(texts.get(item.anchor, ""), item.resolutions).passages
        shown.append(
            tuple(
                (render_markdown(passage, base_level=3).html if passage else "", is_routine(text))
                for text, passage in zip(item.resolutions, passages, strict=False)
            )
        )
    return tuple(shown)


def collect_decisions(site: Site) -> list[RegisteredDecision]:
    """Newest meeting first; within a meeting, in minute order."""
    decisions = []
    for meeting in sorted(
        site.meetings.values(), key=lambda m: (m.date is not None, m.date, m.committee), reverse=True
    ):
        minutes = meeting.minutes
        if minutes is None:
            continue
        shown = minutes.resolutions_shown
        if shown is None:  # a document the loader did not make
            shown = resolutions_shown(minutes.record, minutes.body)
        for item, resolutions in zip(minutes.record.items, shown, strict=True):
            for text, (html, routine) in zip(item.resolutions, resolutions, strict=False):
                decisions.append(RegisteredDecision(meeting, item.number, item.title, item.anchor, text, html, routine))
    return decisions


def by_committee(decisions: list[RegisteredDecision]) -> dict[str, list[RegisteredDecision]]:
    """Per committee slug, newest first as given."""
    out: dict[str, list[RegisteredDecision]] = {}
    for d in decisions:
        out.setdefault(d.meeting.committee, []).append(d)
    return out


def year_slug(year: str) -> str:
    return year if year.isdigit() else "undated"


def by_year(decisions: list[RegisteredDecision]) -> dict[str, list[RegisteredDecision]]:
    out: dict[str, list[RegisteredDecision]] = {}
    for d in decisions:
        out.setdefault(str(d.meeting.date.year) if d.meeting.date else N_("Date not known"), []).append(d)
    return out
