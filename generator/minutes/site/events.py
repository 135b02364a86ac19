"""A meeting as an event: schema.org data, and whether it was held online."""

from __future__ import annotations

import re
from typing import Any

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


def event_json_ld(site: Site, meeting: Meeting) -> dict[str, Any] | None:
    """schema.org Event data for a meeting with a known date.

    An online meeting is OnlineEventAttendanceMode with a VirtualLocation at the
    meeting's page: its venue is no street address.
    """
    if meeting.date is None:
        return None
    start = meeting.date.isoformat() + (f"T{meeting.time}" if meeting.time else "")
    config = site.config
    online = is_online(meeting.venue)
    event: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting_title(site, meeting),
        "startDate": start,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/"
        + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
        "url": config.absolute_link(meeting.url),
    }
    if online:
        event["location"] = {
            "@type": "VirtualLocation",
            "name": meeting.venue or "Online",
            "url": config.absolute_link(meeting.url),
        }
    elif meeting.venue:
        event["location"] = {"@type": "Place", "name": meeting.venue, "address": meeting.venue}
    if config.council:
        event["organizer"] = {"@type": "GovernmentOrganization", "name": config.council}
    return event
