"""The loaded site: typed records the renderer reads, with links resolved.

Everything here is built by `load.py` (and `links.py`) and read by
`render.py`; no template walks the file system or the whole archive. Lists a
page needs (a committee's meetings, a person's attendance) are precomputed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from minutes.core.config import SiteConfig
from minutes.core.errors import Problem
from minutes.core.i18n import N_
from minutes.core.people_settings import PersonFacts
from minutes.records.frontmatter import body_of
from minutes.records.record import DocumentRecord


def read_body(path: Path) -> str:
    """The Markdown body of a converted document, read from its file."""
    return body_of(path.read_text(encoding="utf-8"))


ResolutionsShown = tuple[tuple[tuple[str, bool], ...], ...]
"""Per item of a minutes record, per resolution: the HTML of what the minutes print after it, and whether
it is routine (see decisions_register.resolutions_shown)."""


@dataclass(frozen=True, slots=True)
class Document:
    """One converted document (agenda, minutes, report...) of a meeting."""

    source: Path
    """The Markdown file it was loaded from."""
    record: DocumentRecord
    held_body: str | None
    """The Markdown body, or None when it is not kept in memory: `body` reads it from `source`."""
    body_line: int
    """Line of the body's first line in the file, for pointing problems at it."""
    name: str
    """File stem: "agenda", "minutes", "report-advice-services-review"."""
    url: str
    """Site-relative URL without the base. Agenda and minutes are read on the
    meeting page ("committee/2013-11-18/"); reports have their own page."""
    record_digest: str = ""
    """Digest of the file's front-matter text: stands for `record` in page digests."""
    body_digest: str = ""
    """Digest of `body`: a page that renders the body names it (see fingerprint.py)."""
    body_size: int = 0
    """Characters in `body`: what the search index of its page reads (see shards.py)."""
    resolutions_shown: ResolutionsShown | None = None
    """A minutes record's resolutions as the decisions register shows them, worked out by the loader
    while it held the body; None when not (then the register reads the body)."""

    @property
    def body(self) -> str:
        """Markdown body; rendered to HTML by the render stage, with links resolved.

        The loader does not keep bodies: a render worker reads the ones its pages show.
        """
        if self.held_body is not None:
            return self.held_body
        return read_body(self.source)

    @property
    def kind(self) -> str:
        return self.record.kind

    @property
    def title(self) -> str:
        return self.record.title


@dataclass(frozen=True, slots=True)
class Meeting:
    """Every document filed under one committee and meeting date."""

    committee: str
    """Committee slug."""
    key: str
    """Folder name: the ISO date, or "undated-<paper>" when the date is unknown."""
    date: dt.date | None
    documents: tuple[Document, ...]
    url: str

    @property
    def agenda(self) -> Document | None:
        return next((d for d in self.documents if d.kind == "agenda"), None)

    @property
    def minutes(self) -> Document | None:
        return next((d for d in self.documents if d.kind == "minutes"), None)

    @property
    def reports(self) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.kind in ("report", "document"))

    @property
    def time(self) -> str:
        return next((d.record.time for d in self._by_authority() if d.record.time), "")

    @property
    def venue(self) -> str:
        return next((d.record.venue for d in self._by_authority() if d.record.venue), "")

    @property
    def end_time(self) -> str:
        """When it ended: the minutes say when it closed, which outranks the end an agenda planned."""
        return next((d.record.end_time for d in self._by_record() if d.record.end_time), "")

    @property
    def webcast(self) -> str:
        """Where it is (or was) broadcast, as the agenda announces it, else as the minutes say."""
        return next((d.record.webcast for d in self._by_authority() if d.record.webcast), "")

    @property
    def recording(self) -> str:
        """Where a recording can be watched: the minutes know it best."""
        return next((d.record.recording for d in self._by_record() if d.record.recording), "")

    @property
    def status(self) -> str:
        """In English, as open data gives it; a page shows it in its language (marked for the catalogue)."""
        if self.minutes:
            return N_("Minutes published")
        if self.agenda:
            return N_("Agenda published")
        return N_("Papers published")

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(w for d in self.documents for w in d.record.warnings)

    def _by_authority(self) -> list[Document]:
        # The agenda states the meeting's own time and venue; minutes next.
        order = {"agenda": 0, "minutes": 1}
        return sorted(self.documents, key=lambda d: order.get(d.kind, 2))

    def _by_record(self) -> list[Document]:
        # What happened is the minutes' to say; the agenda only what was planned.
        order = {"minutes": 0, "agenda": 1}
        return sorted(self.documents, key=lambda d: order.get(d.kind, 2))


@dataclass(frozen=True, slots=True)
class Committee:
    slug: str
    name: str
    description: str
    meeting_keys: tuple[str, ...]
    """Keys of its meetings, newest first (undated last)."""
    url: str


@dataclass(frozen=True, slots=True)
class Page:
    """A hand-written page from content/pages/."""

    source: Path
    slug: str
    title: str
    description: str
    body: str
    url: str


@dataclass(slots=True)
class Site:
    """The whole loaded site. Mutable only while `load` builds it."""

    config: SiteConfig
    committees: dict[str, Committee] = field(default_factory=dict)
    meetings: dict[tuple[str, str], Meeting] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    people_file: dict[str, PersonFacts] = field(default_factory=dict)
    """Entries of the people data file, per person's display name (site.yaml's are in `config.people`)."""

    def person_entries(self) -> dict[str, PersonFacts]:
        """What the site says about people, by display name: site.yaml's entries and the data file's."""
        return {**self.people_file, **self.config.people.entries}

    def meetings_of(self, committee: str) -> list[Meeting]:
        return [self.meetings[(committee, k)] for k in self.committees[committee].meeting_keys]

    def all_documents(self) -> list[Document]:
        return [d for key in sorted(self.meetings) for d in self.meetings[key].documents]
