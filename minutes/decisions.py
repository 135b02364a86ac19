"""The decisions register: every resolution recorded in the minutes, with where it was made."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Meeting, Site


@dataclass(frozen=True, slots=True)
class Decision:
    meeting: Meeting
    item_number: str
    item_title: str
    anchor: str
    text: str


def collect_decisions(site: Site) -> list[Decision]:
    """Newest meeting first; within a meeting, in minute order."""
    decisions = []
    for meeting in sorted(site.meetings.values(), key=lambda m: (m.date is not None, m.date, m.committee), reverse=True):
        minutes = meeting.minutes
        if minutes is None:
            continue
        for item in minutes.record.items:
            for text in item.resolutions:
                decisions.append(Decision(meeting, item.number, item.title, item.anchor, text))
    return decisions


def by_year(decisions: list[Decision]) -> dict[str, list[Decision]]:
    out: dict[str, list[Decision]] = {}
    for d in decisions:
        out.setdefault(str(d.meeting.date.year) if d.meeting.date else "Date not known", []).append(d)
    return out
