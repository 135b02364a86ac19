"""A meeting as an event: when it starts and ends, schema.org data, and whether it was held online."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

from minutes.core.i18n import interface
from minutes.site.model import Meeting, Site
from minutes.site.titles import meeting_title

_ONLINE = re.compile(
    r"\b(?:microsoft\s+teams|teams|zoom|skype|webex|virtual(?:ly)?|remote(?:ly)?|online|"
    r"video\s*conferenc\w*|livestream\w*|webcast)\b",
    re.I,
)


def is_online(venue: str) -> bool:
    """A venue that names a way of meeting online ("Virtual meeting – Microsoft Teams") rather than a place."""
    return bool(_ONLINE.search(venue))


def event_span(
    meeting: Meeting, zone: ZoneInfo, meeting_length: int
) -> tuple[dt.date, dt.date] | tuple[dt.datetime, dt.datetime]:
    """Start and end of a dated meeting.

    Its day when no time is known (the end is the next day, exclusive, as calendars count days); else its
    start in the zone and the end the papers give (on the next day when it is not after the start: a
    meeting that went on past midnight), or, when they give none, the start and `meeting_length` minutes.
    """
    assert meeting.date is not None
    if not meeting.time:
        return meeting.date, meeting.date + dt.timedelta(days=1)
    start = dt.datetime.combine(meeting.date, dt.time.fromisoformat(meeting.time), tzinfo=zone)
    if meeting.end_time:
        end = dt.datetime.combine(meeting.date, dt.time.fromisoformat(meeting.end_time), tzinfo=zone)
        if end <= start:
            end += dt.timedelta(days=1)
        return start, end
    # Wall-clock arithmetic, as a person reads "two hours": a change of the clocks in between is not counted.
    return start, start + dt.timedelta(minutes=meeting_length)


def event_json_ld(site: Site, meeting: Meeting) -> dict[str, Any] | None:
    """schema.org Event data for a meeting with a known date.

    Times carry the site zone's offset. An online meeting is OnlineEventAttendanceMode with a
    VirtualLocation; a meeting in a room that is also webcast is MixedEventAttendanceMode, with the
    room and the webcast as its locations. A recording is the CreativeWork it was `recordedIn`.
    Links are full addresses or none: without `url` in site.yaml the event names no page.
    """
    if meeting.date is None:
        return None
    config = site.config
    ui = interface(config.language)
    start, end = event_span(meeting, ZoneInfo(config.timezone), config.meeting_length)
    online = is_online(meeting.venue)
    page = config.absolute_link(meeting.url) if config.url else ""
    mode = "OnlineEventAttendanceMode" if online else "MixedEventAttendanceMode" if meeting.webcast else ""
    event: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting_title(site, meeting),
        "startDate": start.isoformat(),
        "endDate": (end - dt.timedelta(days=1) if not meeting.time else end).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/" + (mode or "OfflineEventAttendanceMode"),
    }
    if page:
        event["url"] = page
    places: list[dict[str, Any]] = []
    if meeting.venue and not online:
        places.append({"@type": "Place", "name": meeting.venue, "address": meeting.venue})
    if online or meeting.webcast:
        virtual: dict[str, Any] = {
            "@type": "VirtualLocation",
            "name": meeting.venue if online else ui.gettext("Webcast"),
        }
        if meeting.webcast or page:
            virtual["url"] = meeting.webcast or page
        places.append(virtual)
    if places:
        event["location"] = places[0] if len(places) == 1 else places
    if meeting.recording:
        event["recordedIn"] = {
            "@type": "CreativeWork",
            "name": ui.gettext("Recording of the meeting"),
            "url": meeting.recording,
        }
    if config.council:
        event["organizer"] = {"@type": "GovernmentOrganization", "name": config.council}
    return event
