"""When each record first appeared on the published site: what feeds are dated by.

A council publishes a meeting's minutes weeks after its agenda. Dated by the meeting, the
minutes would arrive in a feed reader backdated, below entries the reader has already
seen. So each record is dated by the first `minutes build` that published it, and that
date never changes.

The dates are kept in a small file beside the records, `<meetings_dir>/.published.json`,
which is committed with them. The build cache would not do: a site is often built in CI
from a clean checkout, where the cache is empty, and every record would look new at every
build. A committed file carries the dates from one build to the next wherever it runs.

- A build that publishes the site adds the records it has not seen, dated by the build's
  "today" (`build_date`, else SOURCE_DATE_EPOCH, else the real date), and writes the file
  only when it changed. `minutes serve` reads it and writes nothing: a preview is not
  publication.
- When there is no file yet (the first build of a site, or of a site made before this), the
  archive is already public: each record is dated by its meeting (today at the latest, and
  undated meetings today), so the first feed is not fifty entries all dated today.
- People may correct a date by hand. A file that cannot be read, or holds a value that is
  not a date, is reported as a warning naming it; it is then read for what it holds but
  never written, so no hand edit is lost.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from minutes.core.config import SiteConfig
from minutes.core.errors import Problem
from minutes.core.paths import link_out, write_atomic
from minutes.records.record import plausible
from minutes.site.model import Document, Site

REGISTER_NAME = ".published.json"
ABOUT = (
    "When each record first appeared on the published site, written by `minutes build`; "
    "feeds are dated by it. Commit this file with the records. A date may be corrected by hand."
)


@dataclass(frozen=True, slots=True)
class Register:
    """The file as read."""

    dates: Mapping[str, dt.date] = field(default_factory=dict)
    """Record path, relative to the meetings folder ("cabinet/2024-05-01/minutes.md") -> date."""
    exists: bool = False
    writable: bool = True
    """False when the file could not be read whole: it is then never written over."""


@dataclass(frozen=True, slots=True)
class Appearances:
    """Every record of the site with the date it first appeared."""

    dates: Mapping[str, dt.date]
    meetings_dir: Path

    def of(self, doc: Document) -> dt.date:
        return self.dates[key_of(self.meetings_dir, doc)]


def register_path(config: SiteConfig) -> Path:
    return config.root / config.meetings_dir / REGISTER_NAME


def key_of(meetings_dir: Path, doc: Document) -> str:
    try:
        return doc.source.relative_to(meetings_dir).as_posix()
    except ValueError:
        return doc.source.as_posix()


def read_register(config: SiteConfig) -> tuple[Register, list[Problem]]:
    path = register_path(config)
    shown = f"{config.meetings_dir.as_posix()}/{REGISTER_NAME}"
    if not path.exists() and not path.is_symlink():
        return Register(), []
    fix = "correct it, or delete it to date every record by its meeting again; until then it is not updated"
    try:
        if link_out(path, (config.root / config.meetings_dir).resolve(), "the meetings folder"):
            raise ValueError("it is a link leading out of the meetings folder")
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["documents"]
        if not isinstance(entries, dict):
            raise TypeError
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        why = exc.args[0] if isinstance(exc, ValueError) and exc.args and "link" in str(exc.args[0]) else ""
        message = f"the register of publication dates cannot be read{f' ({why})' if why else ''}; {fix}"
        return Register(exists=True, writable=False), [Problem(shown, 0, message, "warning")]
    dates: dict[str, dt.date] = {}
    problems = []
    for key, value in entries.items():
        try:
            date = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            date = None
        if date is None or not plausible(date):
            problems.append(Problem(shown, 0, f"{key}: {value!r} is not a date written YYYY-MM-DD; {fix}", "warning"))
            continue
        dates[str(key)] = date
    return Register(dates, exists=True, writable=not problems), problems


def appearances(site: Site, register: Register, today: dt.date) -> Appearances:
    """The register's dates, with every record it does not name dated as new (see the module's docstring)."""
    meetings_dir = site.config.root / site.config.meetings_dir
    dates = dict(register.dates)
    for key in sorted(site.meetings):
        meeting = site.meetings[key]
        for doc in meeting.documents:
            name = key_of(meetings_dir, doc)
            if name in dates:
                continue
            seeded = meeting.date if not register.exists and meeting.date else today
            dates[name] = min(seeded, today)
    return Appearances(dates, meetings_dir)


def register_text(found: Appearances) -> str:
    entries = {key: found.dates[key].isoformat() for key in sorted(found.dates)}
    return json.dumps({"about": ABOUT, "documents": entries}, ensure_ascii=False, indent=2) + "\n"


def write_register(config: SiteConfig, register: Register, found: Appearances) -> bool:
    """Write the dates when they changed and the file may be written; whether it was written."""
    if not register.writable:
        return False
    path = register_path(config)
    text = register_text(found)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    write_atomic(path, text.encode("utf-8"), durable=True)
    return True
