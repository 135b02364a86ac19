"""How meetings and dates are named to readers, shared by pages, feeds and exports."""

from __future__ import annotations

import datetime as dt
import os
import re

from minutes.site.model import Meeting, Site


def long_date(value: dt.date | None) -> str:
    """ "Monday 18 November 2013"."""
    return f"{value:%A} {value.day} {value:%B %Y}" if value else "Date not known"


def partial_date(value: str) -> str:
    """An ISO date as precise as it was written: "2016" -> "2016", "2016-05" -> "May 2016",
    "2016-05-05" -> "5 May 2016"."""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            day = dt.date.fromisoformat(value)
            return f"{day.day} {day:%B %Y}"
        if len(parts) == 2:
            return f"{dt.date(int(parts[0]), int(parts[1]), 1):%B %Y}"
    except ValueError:
        pass
    return value


def meeting_title(site: Site, meeting: Meeting) -> str:
    name = site.committees[meeting.committee].name
    return f"{name}, {long_date(meeting.date)}" if meeting.date else f"{name} (date not known)"


def today(site: Site, environ: dict[str, str] | None = None) -> dt.date:
    """'Today' for upcoming and recent lists, calendars and feeds.

    `build_date` from site.yaml wins; else SOURCE_DATE_EPOCH (seconds since
    1970, the reproducible-builds convention); else the real date, so a
    meeting of years ago is never "upcoming".
    """
    if site.config.build_date:
        return dt.date.fromisoformat(site.config.build_date)
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


_HH_MM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def clock_time(value: str) -> str:
    """A 24-hour "HH:MM" in GOV.UK style: "17:30" -> "5:30pm", "10:00" -> "10am", "12:00" -> "midday"."""
    match = _HH_MM.match(value.strip()) if value else None
    if not match:
        return value
    hour, minute = int(match.group(1)), int(match.group(2))
    if (hour, minute) == (12, 0):
        return "midday"
    if (hour, minute) == (0, 0):
        return "midnight"
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{suffix}" if minute == 0 else f"{hour}:{minute:02d}{suffix}"
