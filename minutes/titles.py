"""How meetings and dates are named to readers, shared by pages, feeds and exports."""

from __future__ import annotations

import datetime as dt

from .model import Meeting, Site


def long_date(value: dt.date | None) -> str:
    """"Monday 18 November 2013"."""
    return f"{value:%A} {value.day} {value:%B %Y}" if value else "Date not known"


def meeting_title(site: Site, meeting: Meeting) -> str:
    name = site.committees[meeting.committee].name
    return f"{name}, {long_date(meeting.date)}" if meeting.date else f"{name} (date not known)"


def today(site: Site) -> dt.date:
    """'Today' for recent and upcoming lists: build_date from site.yaml, else the newest meeting's date.

    Never the clock, so two builds of the same content are byte-identical.
    """
    if site.config.build_date:
        return dt.date.fromisoformat(site.config.build_date)
    dates = [m.date for m in site.meetings.values() if m.date]
    return max(dates) if dates else dt.date(1970, 1, 1)
