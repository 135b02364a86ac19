"""How meetings and dates are named to readers, shared by pages, feeds and exports."""

from __future__ import annotations

import datetime as dt
import os

from minutes.core.i18n import interface
from minutes.site.model import Meeting, Site


def long_date(value: dt.date | None, language: str = "en") -> str:
    """ "Monday 18 November 2013"; in the interface language of `language` ("Dydd Llun 18 Tachwedd 2013")."""
    return interface(language).long_date(value)


def meeting_title(site: Site, meeting: Meeting) -> str:
    """ "Cabinet, Monday 18 November 2013", in the site's language."""
    name = site.committees[meeting.committee].name
    ui = interface(site.config.language)
    if meeting.date:
        return ui.gettext("%(committee)s, %(date)s") % {"committee": name, "date": ui.long_date(meeting.date)}
    return ui.gettext("%(committee)s (date not known)") % {"committee": name}


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


def clock_time(value: str, language: str = "en") -> str:
    """A 24-hour "HH:MM" in GOV.UK style: "17:30" -> "5:30pm", "10:00" -> "10am", "12:00" -> "midday"."""
    return interface(language).clock(value)
