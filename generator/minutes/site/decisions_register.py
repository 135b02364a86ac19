"""The decisions register: every resolution recorded in the minutes, with where it was made."""

from __future__ import annotations

from dataclasses import dataclass

from minutes.core.i18n import N_
from minutes.pages.markdown_html import render_markdown
from minutes.pages.resolution_spans import set_apart
from minutes.site.items import split_body
from minutes.site.model import Meeting, Site


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


def collect_decisions(site: Site) -> list[RegisteredDecision]:
    """Newest meeting first; within a meeting, in minute order."""
    decisions = []
    for meeting in sorted(
        site.meetings.values(), key=lambda m: (m.date is not None, m.date, m.committee), reverse=True
    ):
        minutes = meeting.minutes
        if minutes is None:
            continue
        items = minutes.record.items
        texts = split_body(minutes.body, {i.anchor for i in items}, find_groups=False).by_anchor
        for item in items:
            passages = set_apart(texts.get(item.anchor, ""), item.resolutions).passages
            for text, passage in zip(item.resolutions, passages, strict=False):
                html = render_markdown(passage, base_level=3).html if passage else ""
                decisions.append(RegisteredDecision(meeting, item.number, item.title, item.anchor, text, html))
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
