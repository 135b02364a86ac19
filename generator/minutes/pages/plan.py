"""The page plan: every page of the site as a `PageSpec` naming the inputs it is a function of.

Lists that span the archive (a committee's meetings, a person's attendance,
the decisions of a year) are computed here from the model, never walked by a
template. The plan holds inputs, not HTML: Markdown is rendered, and a
meeting's agenda items paired with its minutes, by the page's `context`
function when the page is rendered, in a worker process. A builder hands a
page only what it shows, so the page's digest (see fingerprint.py) changes
only when what it shows does. Adding a kind of page is one builder here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Any

from minutes.core.errors import Problem
from minutes.core.i18n import N_, Interface, interface
from minutes.core.slug import slugify
from minutes.pages.contents import LONG_ENOUGH, contents
from minutes.pages.markdown_html import InlineLink
from minutes.pages.opening import is_printed_heading
from minutes.pages.render import PageSpec, RenderMarkdown
from minutes.pages.resolution_spans import set_apart
from minutes.search.shards import REGISTERS, MeetingWeight, bundle_path, group_meetings
from minutes.site.chairs import chair_changes
from minutes.site.decisions_register import (
    RegisteredDecision,
    by_committee,
    by_year,
    collect_decisions,
    group_decisions,
    year_slug,
)
from minutes.site.doubts import Unconfirmed, date_in_doubt, open_doubts, page_mode, unconfirmed
from minutes.site.events import event_json_ld
from minutes.site.items import ItemRow, meeting_rows, minute_anchor
from minutes.site.links import NO_RECORD, Links, Resolved
from minutes.site.load import relative
from minutes.site.model import Committee, Document, Meeting, Page, Site
from minutes.site.originals import Original, published_papers
from minutes.site.people import (
    PeopleRegister,
    Person,
    committee_members,
    people_named_at,
    register_people,
)
from minutes.site.titles import meeting_title, today

RECENT = 12


@dataclass(frozen=True, slots=True)
class Summary:
    """A meeting as a line in a list."""

    meeting: Meeting
    committee: Committee
    title: str
    date_doubt: str = ""
    """mark | omit when the date is in doubt (see doubts.py): lists mark it, or the title leaves it out."""


def _summary(site: Site, meeting: Meeting) -> Summary:
    doubt = date_in_doubt(site.config, meeting.documents)
    return Summary(meeting, site.committees[meeting.committee], _meeting_title(site, meeting, doubt), doubt)


def _meeting_title(site: Site, meeting: Meeting, date_doubt: str) -> str:
    """The meeting's name; without its date when the date is in doubt and doubts are left out."""
    if date_doubt == "omit" and meeting.date:
        ui = interface(site.config.language)
        return ui.gettext("%(committee)s (date not confirmed)") % {"committee": site.committees[meeting.committee].name}
    return meeting_title(site, meeting)


@dataclass(frozen=True, slots=True)
class StatedMeeting:
    """A future meeting known only from the papers of an earlier one ("date of the next meeting")."""

    committee: Committee
    date: dt.date
    time: str
    venue: str
    stated_in: Summary


def stated_next_meetings(
    site: Site, summaries: dict[tuple[str, str], Summary], now: dt.date
) -> dict[str, StatedMeeting]:
    """Per committee, the next meeting its newest papers announce, if the site has no page for it."""
    out: dict[str, StatedMeeting] = {}
    for slug in sorted(site.committees):
        for meeting in site.meetings_of(slug):
            stated = next(
                (
                    d.record.next_meeting
                    for d in meeting.documents
                    if d.record.next_meeting and d.record.next_meeting.date
                ),
                None,
            )
            if meeting.date is None or stated is None or stated.date is None:
                continue
            if stated.date > now and (slug, stated.date.isoformat()) not in site.meetings:
                out[slug] = StatedMeeting(
                    site.committees[slug], stated.date, stated.time, stated.venue, summaries[(slug, meeting.key)]
                )
            break  # only the newest meeting that states one counts
    return out


@dataclass(slots=True)
class _Registers:
    """Everything derived once from the whole model and shared by several pages."""

    register: PeopleRegister
    decisions: list[RegisteredDecision]
    summaries: dict[tuple[str, str], Summary] = field(default_factory=dict)
    today: dt.date = dt.date(1970, 1, 1)
    """The build's 'today' (see titles.today), worked out once."""
    stated: dict[str, StatedMeeting] = field(default_factory=dict)
    from_pack: dict[tuple[str, str], list[tuple[Document, Summary]]] = field(default_factory=dict)
    """Documents filed under another meeting, by (source paper, agenda item) of the pack that carried them."""
    agenda_of_pack: dict[str, Summary] = field(default_factory=dict)
    """The meeting whose agenda a paper holds, by paper."""
    originals: dict[str, Original] = field(default_factory=dict)
    """The papers the site publishes, by the path records name them with."""


def _documents_by_pack_item(site: Site, summaries: dict) -> dict[tuple[str, str], list[tuple[Document, Summary]]]:
    """A pack files the previous minutes and other bodies' minutes under their own meetings; its
    agenda item still submits them. Index them by (paper, agenda item) to link them back."""
    index: dict[tuple[str, str], list[tuple[Document, Summary]]] = defaultdict(list)
    for key in sorted(site.meetings):
        for doc in site.meetings[key].documents:
            if doc.record.agenda_item and doc.record.source and doc.kind == "minutes":
                index[(doc.record.source.paper, doc.record.agenda_item)].append((doc, summaries[key]))
    return index


class Planner:
    """Plans every page of a site from its model; one builder per kind of page.

    Kept by `serve` between edits, so the pages of one changed meeting can be
    planned again without planning the whole site.
    """

    def __init__(self, site: Site, links: Links, *, shared: _Registers | None = None):
        self.site = site
        self.links = links
        registers = _Registers(
            register=shared.register if shared else register_people(site),
            decisions=shared.decisions if shared else _decisions_as_shown(site),
        )
        for key, meeting in site.meetings.items():
            registers.summaries[key] = _summary(site, meeting)
        registers.today = today(site)
        registers.stated = stated_next_meetings(site, registers.summaries, registers.today)
        registers.from_pack = _documents_by_pack_item(site, registers.summaries)
        named = {d.record.source.paper for d in site.all_documents() if d.record.source}
        registers.originals = published_papers(
            site.config.root, PurePosixPath(site.config.papers_dir.as_posix()), named
        )[0]
        registers.agenda_of_pack = {
            m.agenda.record.source.paper: registers.summaries[key]
            for key, m in sorted(site.meetings.items())
            if m.agenda and m.agenda.record.source
        }
        self.registers = registers
        self.problems: list[Problem] = []
        """Pages refused by the last `pages()` (two wanting one output path), and people settings that match nothing."""
        # Searchable pages per meeting: its own page and its reports' pages.
        self.shards = group_meetings(
            {
                slug: [
                    MeetingWeight(m.key, 1 + len(m.reports), sum(d.body_size for d in m.documents))
                    for m in site.meetings_of(slug)
                ]
                for slug in site.committees
            }
        )
        self.copies = [
            Planner(replace(site, config=site.config.in_language(tag)), links, shared=registers)
            for tag in site.config.site_languages[1:]
            if not site.config.tree  # a copy has no copies of its own
        ]
        """The site in each further language: the same pages, planned in that language, under /<code>/."""

    def pages(self) -> list[PageSpec]:
        specs = self._own_pages()
        for copy in self.copies:
            specs.extend(copy.in_tree(copy._own_pages()))
        return self._refuse_collisions(specs)

    def in_tree(self, specs: list[PageSpec]) -> list[PageSpec]:
        """This language copy's pages, written under its folder; the site's search index covers the root's."""
        tree = self.site.config.tree
        if not tree:
            return specs
        return [replace(s, output=f"{tree}/{s.output}", tree=tree, shard="") for s in specs]

    def _own_pages(self) -> list[PageSpec]:
        site, registers = self.site, self.registers
        specs = [_home(site, registers), _committees(site)]
        for committee in _committees_by_name(site):
            specs.append(_committee(site, registers, committee))
            for meeting in site.meetings_of(committee.slug):
                specs.extend(self._meeting_pages(meeting))
        specs.extend(_archive(site, registers))
        specs.extend(_people(site, registers))
        specs.extend(_decisions(site, registers))
        specs.extend(_page(page) for page in sorted(site.pages.values(), key=lambda p: p.slug))
        searched = {spec.shard for spec in specs if spec.shard}
        bundles = [bundle_path(s) for s in sorted(searched)]
        specs.append(PageSpec("search/index.html", "search.html", {"bundles": bundles}, "search/"))
        specs.append(PageSpec("404.html", "404.html", {}, "404.html"))
        return specs

    def _refuse_collisions(self, specs: list[PageSpec]) -> list[PageSpec]:
        """One page per output path: the first planned keeps it, a later one is refused by name.

        The site's own pages are planned before hand-written ones, so a page can
        never replace the People index or a committee's page.
        """
        kept: dict[str, PageSpec] = {}
        collisions: list[Problem] = []
        for spec in specs:
            first = kept.get(spec.output)
            if first is None:
                kept[spec.output] = spec
                continue
            collisions.append(
                Problem(
                    self._source(spec),
                    0,
                    f"makes {spec.output}, which {self._source(first)} makes too; rename one of them so each page "
                    "has its own address",
                    skipped=f"this page ({spec.output} is built from {self._source(first)})",
                )
            )
        self.problems = [*self.registers.register.problems, *collisions]
        return list(kept.values()) if collisions else specs

    def _source(self, spec: PageSpec) -> str:
        """The file a page is made from, as a user would look for it."""
        config = self.site.config
        if spec.bodies:
            return relative(config, spec.bodies[0].source)
        committee = spec.inputs.get("committee") if isinstance(spec.inputs, dict) else None
        if isinstance(committee, Committee):
            return f"{config.meetings_dir.as_posix()}/{committee.slug}/"
        return f"the site's own page /{spec.url}"

    def meeting_pages(self, meeting: Meeting) -> list[PageSpec]:
        """The meeting's page and a page for each of its reports, in every language of the site."""
        specs = self._meeting_pages(meeting)
        for copy in self.copies:
            specs.extend(copy.in_tree(copy._meeting_pages(meeting)))
        return specs

    def _meeting_pages(self, meeting: Meeting) -> list[PageSpec]:
        site = self.site
        committee = site.committees[meeting.committee]
        keys = committee.meeting_keys
        i = keys.index(meeting.key)
        newer = site.meetings[(committee.slug, keys[i - 1])] if i > 0 else None
        older = site.meetings[(committee.slug, keys[i + 1])] if i + 1 < len(keys) else None
        newer = newer if newer and newer.date else None
        older = older if older and older.date and meeting.date else None
        shard = self.shards[(committee.slug, meeting.key)]
        specs = [_meeting(site, self.links, self.registers, committee, meeting, newer, older, shard)]
        specs.extend(
            _document(site, self.links, self.registers, committee, meeting, doc, shard) for doc in meeting.reports
        )
        return specs

    def pages_of(self, page: Page) -> list[PageSpec]:
        """A hand-written page, in every language the site is published in."""
        return [_page(page), *(s for copy in self.copies for s in copy.in_tree([_page(page)]))]


def plan_pages(site: Site, links: Links) -> list[PageSpec]:
    return Planner(site, links).pages()


def _page(page: Page) -> PageSpec:
    return PageSpec(
        f"{page.url}index.html", "page.html", {"page": page}, page.url, context=_page_context, bodies=(page,)
    )


def _page_context(*, markdown: RenderMarkdown, page: Page) -> dict[str, Any]:
    return {"page": page, "body": markdown(page.body, base_level=2).html}


def _committees_by_name(site: Site) -> list[Committee]:
    return sorted(site.committees.values(), key=lambda c: c.name.lower())


def _dated_newest_first(registers: _Registers) -> list[Summary]:
    dated = [s for s in registers.summaries.values() if s.meeting.date]
    return sorted(dated, key=lambda s: (s.meeting.date, s.committee.name), reverse=True)


def _held(s: Summary) -> dt.date:
    """The date of a meeting `_dated_newest_first` gave, which has one."""
    assert s.meeting.date is not None
    return s.meeting.date


def _home(site: Site, registers: _Registers) -> PageSpec:
    now = registers.today
    dated = _dated_newest_first(registers)
    return PageSpec(
        "index.html",
        "index.html",
        {
            "recent": [s for s in dated if _held(s) <= now][:RECENT],
            "upcoming": [s for s in reversed(dated) if _held(s) > now],
            "announced": sorted(registers.stated.values(), key=lambda m: (m.date, m.committee.name)),
            "committees": _committees_by_name(site),
            "latest_decisions": registers.decisions[:5],
        },
        "",
    )


def _committees(site: Site) -> PageSpec:
    return PageSpec(
        "committees/index.html", "committees.html", {"committees": _committees_by_name(site)}, "committees/"
    )


def _committee(site: Site, registers: _Registers, committee: Committee) -> PageSpec:
    by_year: dict[str, list[Summary]] = {}
    now = registers.today
    upcoming = None
    for meeting in site.meetings_of(committee.slug):
        by_year.setdefault(str(meeting.date.year) if meeting.date else N_("Date not known"), []).append(
            registers.summaries[(committee.slug, meeting.key)]
        )
        if meeting.date and meeting.date > now:
            upcoming = registers.summaries[(committee.slug, meeting.key)]  # newest first: ends at the soonest
    return PageSpec(
        f"{committee.url}index.html",
        "committee.html",
        {
            "committee": committee,
            "by_year": by_year,
            "upcoming": upcoming,
            "announced": registers.stated.get(committee.slug),
            "members": committee_members(registers.register.people, committee.slug),
        },
        committee.url,
        shard=REGISTERS,
    )


# --- meetings -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Citing:
    """A citation seen from the meeting it points to."""

    resolved: Resolved
    source: Summary


@dataclass(frozen=True, slots=True)
class RowView:
    """One agenda item of a meeting page, ready for the template."""

    row: ItemRow
    anchor: str
    aliases: tuple[str, ...]
    group_html: str
    agenda_html: str
    minute_html: str
    """The minute's text before its resolutions (all of it when it has none)."""
    resolutions_html: tuple[str, ...]
    """Each resolution with what the minutes print after it, shown once, set apart."""
    resolution_label: str
    resolutions_numbered: bool
    """False when the minutes print their own numbers ("(1) That …")."""
    after_html: str
    """Text after the resolutions that is not part of them."""
    reports: tuple[Document, ...]
    submitted: tuple[tuple[Document, Summary], ...]
    """Minutes filed under another meeting that this agenda item submits (the previous meeting's, another body's)."""
    cited_by: tuple[Citing, ...]
    unconfirmed: frozenset[str] = frozenset()
    """The item's facts in doubt (item, decision, citation): marked unconfirmed, or left out (see doubts.py)."""
    checks: tuple[str, ...] = ()
    """What the item's own words say against its links: the meeting it names and the minutes attached differ,
    or the site holds no record of the meeting it names."""

    @property
    def decided(self) -> bool:
        return bool(self.resolutions_html)


def _inline_links(site: Site, resolved: list[Resolved]) -> tuple[InlineLink, ...]:
    base = site.config.base_url
    return tuple(
        InlineLink(r.citation.text, base + r.target_url) for r in resolved if r.target_meeting and r.citation.text
    )


def _meeting(
    site: Site,
    links: Links,
    registers: _Registers,
    committee: Committee,
    meeting: Meeting,
    newer: Meeting | None,
    older: Meeting | None,
    shard: str,
) -> PageSpec:
    agenda_links = _inline_links(site, links.of(meeting.agenda)) if meeting.agenda else ()
    minute_links = _inline_links(site, links.of(meeting.minutes)) if meeting.minutes else ()
    cited_by = [
        Citing(r, registers.summaries[(r.source_meeting.committee, r.source_meeting.key)])
        for r in links.cited_by.get((meeting.committee, meeting.key), [])
    ]
    approvals, proposed = _approvals(cited_by, meeting)
    people = people_named_at(registers.register, meeting)
    summary = registers.summaries[(meeting.committee, meeting.key)]
    inputs = {
        "committee": committee,
        "meeting": meeting,
        "title": summary.title,
        "date_doubt": summary.date_doubt,
        "unconfirmed": unconfirmed(site.config, (meeting.agenda, meeting.minutes)),
        "language": site.config.language,
        "agenda_links": agenda_links,
        "minute_links": minute_links,
        "cited_by": cited_by,
        "submitted": _submitted_by_item(registers, meeting),
        "approved_at": approvals,
        "to_be_approved_at": proposed,
        "chair_changes": chair_changes(meeting.minutes),
        "people": people,
        "name_links": _name_links(site, people, meeting),
        "membership": meeting.agenda.record.attendance.membership if meeting.agenda else (),
        "review_notes": site.config.review_notes,
        "references": [r for d in meeting.documents if d.kind in ("agenda", "minutes") for r in links.of(d)],
        "newer": registers.summaries[(newer.committee, newer.key)] if newer else None,
        "older": registers.summaries[(older.committee, older.key)] if older else None,
        "documents": tuple(document_row(registers.originals, d) for d in meeting.documents),
        "agenda_original": _original_of(registers.originals, meeting.agenda),
        "submitted_to": _submitted_to(registers, meeting, approved=bool(approvals or proposed)),
        # Machines read the event data as fact: a date in doubt is not given to them at all.
        "event": None if summary.date_doubt else event_json_ld(site, meeting),
    }
    bodies = tuple(d for d in (meeting.agenda, meeting.minutes) if d is not None)
    return PageSpec(
        f"{meeting.url}index.html",
        "meeting.html",
        inputs,
        meeting.url,
        context=_meeting_context,
        bodies=bodies,
        shard=shard,
    )


def _approvals(cited_by: list[Citing], meeting: Meeting) -> tuple[list[Citing], list[Citing]]:
    """The later meetings whose minutes approved these minutes, and those whose agendas put them up for
    approval without minutes of theirs saying it was done."""
    # Approved only when the later meeting's minutes say so; an agenda only puts them up for approval.
    approvals = [
        c
        for c in cited_by
        if c.resolved.citation.relation == "approves" and meeting.minutes and c.resolved.source.kind == "minutes"
    ]
    proposed = [
        c
        for c in cited_by
        if c.resolved.citation.relation == "approves"
        and meeting.minutes
        and c.resolved.source.kind == "agenda"
        and not any(a.source.meeting is c.source.meeting for a in approvals)
    ]
    return approvals, proposed


def _submitted_by_item(registers: _Registers, meeting: Meeting) -> dict[str, tuple[tuple[Document, Summary], ...]]:
    """Agenda item number -> the minutes of other meetings its pack submits under that item."""
    agenda = meeting.agenda
    submitted: dict[str, tuple[tuple[Document, Summary], ...]] = {}
    if agenda is not None and agenda.record.source is not None:
        for item in agenda.record.items:
            found = registers.from_pack.get((agenda.record.source.paper, item.number), [])
            submitted[item.number] = tuple(
                (doc, s) for doc, s in found if s.meeting.key != meeting.key or s.meeting.committee != meeting.committee
            )
    return submitted


_FIXED_IDS = frozenset(
    {
        "main",
        "attendance-heading",
        "items-heading",
        "reports-heading",
        "references-heading",
        "cited-by-heading",
        "front-sheet",
        "minutes-opening",
    }
)


@dataclass(slots=True)
class _MeetingPage:
    """What each row of a meeting page is rendered with.

    `used` (the ids on the page) and `doubtful` (the references in doubt, by index) grow as the
    rows are rendered, in order: a row's ids and doubts hold for the rows after it.
    """

    markdown: RenderMarkdown
    meeting: Meeting
    agenda_links: tuple[InlineLink, ...]
    minute_links: tuple[InlineLink, ...]
    name_links: tuple[InlineLink, ...]
    submitted: dict[str, tuple[tuple[Document, Summary], ...]]
    unconfirmed: Unconfirmed
    references: list[Resolved]
    by_anchor: dict[str, list[Citing]]
    ui: Interface
    used: set[str]
    doubtful: set[int]

    @property
    def omit(self) -> bool:
        """Facts in doubt are left out (rather than marked unconfirmed)."""
        return self.unconfirmed.mode == "omit"

    def html(self, text: str, links: tuple[InlineLink, ...], base_level: int = 4) -> str:
        """`text` rendered with its headings from `base_level`, its ids unique on the page; "" for no text."""
        return self.markdown(text, base_level=base_level, links=links, used_ids=self.used).html if text else ""


def _meeting_context(
    *,
    markdown: RenderMarkdown,
    meeting: Meeting,
    agenda_links: tuple[InlineLink, ...],
    minute_links: tuple[InlineLink, ...],
    cited_by: list[Citing],
    submitted: dict[str, tuple[tuple[Document, Summary], ...]],
    name_links: tuple[InlineLink, ...],
    unconfirmed: Unconfirmed,
    references: list[Resolved],
    language: str,
    **facts: Any,
) -> dict[str, Any]:
    """Agenda items paired with their minutes, each body part rendered, ids unique on the page."""
    rows, agenda_parts, minute_parts = meeting_rows(meeting)
    by_anchor: dict[str, list[Citing]] = defaultdict(list)
    for c in cited_by:
        by_anchor[c.resolved.anchor].append(c)
    page = _MeetingPage(
        markdown,
        meeting,
        agenda_links,
        minute_links,
        name_links,
        submitted,
        unconfirmed,
        references,
        by_anchor,
        interface(language),
        used=set(_FIXED_IDS) | {r.anchor for r in rows},
        # References in doubt by their own words or date; those of an item in doubt join them item by item.
        doubtful={n for n, r in enumerate(references) if _named_in(r, unconfirmed.citations)},
    )
    views = [_row_view(page, row) for row in rows]
    linked_reports = {d.name for v in views for d in v.reports}
    agenda_links = tuple(
        link for link in agenda_links if not (page.omit and _unlinked(link, references, page.doubtful))
    )
    minute_links = tuple(
        link for link in minute_links if not (page.omit and _unlinked(link, references, page.doubtful))
    )
    return {
        **facts,
        "meeting": meeting,
        "unconfirmed": unconfirmed,
        "references": references,
        "references_unconfirmed": tuple(n in page.doubtful for n in range(len(references))),
        "rows": views,
        "front_sheet": page.html(agenda_parts.preamble, agenda_links, base_level=3),
        "minutes_opening": page.html(minute_parts.preamble, minute_links, base_level=3),
        "minutes_opening_folded": meeting.minutes is not None
        and is_printed_heading(minute_parts.preamble, meeting.minutes.record),
        "other_reports": [d for d in meeting.reports if d.name not in linked_reports],
        "cited_by": [c for c in cited_by if not c.resolved.anchor],
    }


def _row_view(page: _MeetingPage, row: ItemRow) -> RowView:
    """One agenda item with its minute, rendered; its references in doubt join `page.doubtful`."""
    doubts: frozenset[str] = frozenset()
    if row.agenda is not None:
        doubts |= page.unconfirmed.of_item("agenda", row.agenda.anchor)
    if row.minute is not None:
        doubts |= page.unconfirmed.of_item("minutes", row.minute.anchor)
    own = _row_references(page.references, row)
    if "citation" in doubts:
        page.doubtful |= set(own)
    unlinked = {page.references[n].citation.text for n in page.doubtful} if page.omit else set()
    agenda_links = tuple(link for link in page.agenda_links if link.text not in unlinked)
    minute_links = tuple(link for link in page.minute_links if link.text not in unlinked)
    hide_decision = page.omit and "decision" in doubts
    cut = set_apart(row.minute_text, row.minute.resolutions if row.minute and not hide_decision else ())
    declared = page.name_links if row.minute is not None and row.minute.declarations else ()
    aliases = _claim_aliases(row, page.used)
    submitted = page.submitted.get(row.agenda.number, ()) if row.agenda is not None else ()
    return RowView(
        row=row,
        anchor=row.anchor,
        aliases=aliases,
        group_html=page.html(row.group_text, agenda_links),
        agenda_html=page.html(row.agenda_text, agenda_links),
        minute_html=page.html(cut.text, minute_links + declared),
        resolutions_html=tuple(page.html(p, minute_links) for p in cut.passages),
        resolution_label=cut.label,
        resolutions_numbered=cut.numbered,
        after_html=page.html(cut.after, minute_links),
        reports=tuple(d for d in page.meeting.reports if row.agenda and d.record.agenda_item == row.agenda.number),
        submitted=submitted,
        cited_by=tuple(r for a in (row.anchor, *aliases) for r in page.by_anchor.get(a, [])),
        unconfirmed=doubts,
        checks=_checks(page.ui, row, [page.references[n] for n in own], submitted),
    )


def _claim_aliases(row: ItemRow, used: set[str]) -> tuple[str, ...]:
    """The other ids a row answers to, not yet taken on the page (the minute's number, the minute's own
    anchor when the row is the agenda item's), added to `used`."""
    aliases = []
    if row.minute is not None:
        alias = minute_anchor(row.minute.number)
        if alias and alias not in used:
            aliases.append(alias)
        if row.agenda is not None and row.minute.anchor not in used:
            aliases.append(row.minute.anchor)
        used.update(aliases)
    return tuple(aliases)


def _named_in(r: Resolved, values: frozenset[str]) -> bool:
    """A reference a doubt names by its words or its date."""
    c = r.citation
    return bool(values) and (c.text in values or (c.date is not None and c.date.isoformat() in values))


def _unlinked(link: InlineLink, references: list[Resolved], doubtful: set[int]) -> bool:
    return any(references[n].citation.text == link.text for n in doubtful)


def _row_references(references: list[Resolved], row: ItemRow) -> list[int]:
    """The references an item makes: those whose words are its title or stand in its text."""
    own = []
    for n, r in enumerate(references):
        text = r.citation.text
        if not text:
            continue
        if r.source.kind == "agenda" and row.agenda is not None:
            if text == row.agenda.title or text in row.agenda_text:
                own.append(n)
        elif (
            r.source.kind == "minutes"
            and row.minute is not None
            and (text == row.minute.title or text in row.minute_text)
        ):
            own.append(n)
    return own


def _checks(
    ui: Interface, row: ItemRow, own: list[Resolved], submitted: tuple[tuple[Document, Summary], ...]
) -> tuple[str, ...]:
    """The item's words against what it links to: a reader is told when they disagree, never left to guess."""
    named = [r for r in own if r.citation.date is not None and r.citation.relation != "next"]
    out: list[str] = []
    number = row.agenda.number if row.agenda is not None and row.agenda.number else ""
    for doc, summary in submitted:
        if any(d.fact == "date" for d in open_doubts(doc.record)):
            # The converter doubted the date it filed these minutes under (a date printed after the pack's
            # meeting, filed by the pack): its review entries say so, marked on the page; the filed date is
            # not one the minutes print, so comparing the item's words with it would mislead.
            continue
        stated = [r for r in named if r.committee == summary.meeting.committee]
        if summary.meeting.date and stated and not any(r.citation.date == summary.meeting.date for r in stated):
            dates = ui.gettext(" or ").join(ui.long_date(r.citation.date) for r in stated)
            values = {"number": number, "named": dates, "attached": ui.long_date(summary.meeting.date)}
            if number:
                message = ui.gettext(
                    "Item %(number)s names the minutes of the meeting of %(named)s, but the minutes the pack "
                    "attaches to it are those of %(attached)s."
                )
            else:
                message = ui.gettext(
                    "This item names the minutes of the meeting of %(named)s, but the minutes the pack "
                    "attaches to it are those of %(attached)s."
                )
            out.append(message % values)
    for r in named:
        if r.target_meeting is None:
            if r.note_message == NO_RECORD:
                out.append(
                    ui.gettext("This site holds no record of the meeting of %(date)s that it names.")
                    % {"date": ui.long_date(r.citation.date)}
                )
            else:
                out.append(
                    ui.gettext("“%(reference)s” is not linked: %(why)s.")
                    % {"reference": r.citation.text, "why": r.note_in(ui)}
                )
    return tuple(dict.fromkeys(out))


def _name_links(site: Site, people: dict[str, Person], meeting: Meeting) -> tuple[InlineLink, ...]:
    """Links from the printed names of people the meeting's minutes list to their pages, longest first."""
    if meeting.minutes is None:
        return ()
    att = meeting.minutes.record.attendance
    printed = {n for n in (att.chair, *att.present, *att.apologies, *att.in_attendance) if n in people}
    return tuple(InlineLink(n, site.config.link(people[n].url)) for n in sorted(printed, key=lambda n: (-len(n), n)))


def _submitted_to(registers: _Registers, meeting: Meeting, *, approved: bool) -> tuple[Summary, str] | None:
    """The later meeting whose agenda submitted these minutes, and its item number.

    Left out when it is the committee's own next meeting and "Minutes approved" already says so.
    """
    minutes = meeting.minutes
    if minutes is None or not minutes.record.agenda_item or minutes.record.source is None:
        return None
    summary = registers.agenda_of_pack.get(minutes.record.source.paper)
    if summary is None or summary.meeting is meeting:
        return None
    if approved and summary.meeting.committee == meeting.committee:
        return None
    return summary, minutes.record.agenda_item


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One document of a meeting in its list of documents: what it is, and the original it came from."""

    document: Document
    label: str
    """"Agenda", "Minutes", "Report", "Appendix" or "Document"."""
    original: Original | None
    """The published paper it came from; None when the site publishes none."""
    pages: tuple[int, int]
    """Its pages in the original (as a PDF viewer counts them); (0, 0) when the original has no pages."""

    @property
    def original_url(self) -> str:
        """Site-relative URL of the original, at the document's first page where that can be opened."""
        return self.original.at_page(self.pages[0]) if self.original else ""


_APPENDIX = re.compile(r"^\s*(?:appendix|annex|schedule)\b", re.IGNORECASE)


def document_row(originals: dict[str, Original], doc: Document) -> DocumentRow:
    label = doc.kind.capitalize()
    if doc.kind in ("report", "document") and _APPENDIX.match(doc.title):
        label = N_("Appendix")
    original = _original_of(originals, doc)
    pages = doc.record.source.pages if original and original.paged and doc.record.source else (0, 0)
    return DocumentRow(doc, label, original, pages)


def _original_of(originals: dict[str, Original], doc: Document | None) -> Original | None:
    if doc is None or doc.record.source is None:
        return None
    return originals.get(doc.record.source.paper)


def _document(
    site: Site, links: Links, registers: _Registers, committee: Committee, meeting: Meeting, doc: Document, shard: str
) -> PageSpec:
    agenda_item = None
    if doc.record.agenda_item and meeting.agenda:
        agenda_item = next((i for i in meeting.agenda.record.items if i.number == doc.record.agenda_item), None)
    date_doubt = date_in_doubt(site.config, meeting.documents)
    inputs = {
        "committee": committee,
        "meeting": meeting,
        "meeting_title": _meeting_title(site, meeting, date_doubt),
        "date_doubt": date_doubt,
        "unconfirmed": unconfirmed(site.config, (doc,), attendance_of=(doc.kind,)),
        "document": doc,
        "agenda_item": agenda_item,
        "links": _inline_links(site, links.of(doc)),
        "source": document_row(registers.originals, doc),
    }
    return PageSpec(
        f"{doc.url}index.html", "document.html", inputs, doc.url, context=_document_context, bodies=(doc,), shard=shard
    )


def _document_context(
    *, markdown: RenderMarkdown, document: Document, links: tuple[InlineLink, ...], **facts: Any
) -> dict[str, Any]:
    rendered = markdown(document.body, base_level=2, links=links, used_ids={"main", "toc-heading"})
    return {
        **facts,
        "document": document,
        "html": rendered.html,
        "headings": [h for h in rendered.headings if h.level == 2],
        "contents": contents(rendered.headings) if len(rendered.headings) >= LONG_ENOUGH else [],
    }


# --- archive, people, decisions ---------------------------------------------------


def _archive(site: Site, registers: _Registers) -> list[PageSpec]:
    years: dict[str, list[Summary]] = {}
    for summary in _dated_newest_first(registers):
        years.setdefault(str(summary.meeting.date.year), []).append(summary)  # type: ignore[union-attr]
    undated = sorted((s for s in registers.summaries.values() if not s.meeting.date), key=lambda s: s.title)
    specs = [
        PageSpec(
            "meetings/index.html",
            "archive.html",
            {"years": {y: len(v) for y, v in years.items()}, "undated": undated},
            "meetings/",
        )
    ]
    for year, summaries in years.items():
        by_month: dict[str, list[Summary]] = {}
        for s in summaries:
            by_month.setdefault(interface(site.config.language).month(s.meeting.date), []).append(s)  # type: ignore[arg-type]
        specs.append(
            PageSpec(
                f"meetings/{year}/index.html",
                "archive_year.html",
                {"year": year, "by_month": by_month},
                f"meetings/{year}/",
            )
        )
    return specs


def _people(site: Site, registers: _Registers) -> list[PageSpec]:
    people = sorted(registers.register.people.values(), key=lambda p: (p.name.split()[-1].lower(), p.name))
    specs = [
        PageSpec("people/index.html", "people.html", {"people": people, "groups": site.config.people.pages}, "people/")
    ]
    for person in people:
        specs.append(
            PageSpec(
                f"{person.url}index.html",
                "person.html",
                {
                    "person": person,
                    "attended": [
                        registers.summaries[(a.meeting.committee, a.meeting.key)]
                        for a in reversed(person.with_role("chair", "present", "in_attendance"))
                    ],
                    "chaired": [
                        registers.summaries[(a.meeting.committee, a.meeting.key)]
                        for a in reversed(person.with_role("chair"))
                    ],
                    "apologies": [
                        registers.summaries[(a.meeting.committee, a.meeting.key)]
                        for a in reversed(person.with_role("apologies"))
                    ],
                    "mentioned": [registers.summaries[(m.committee, m.key)] for m in reversed(person.mentions)],
                    "summaries": [(site.committees[s.committee], s) for s in person.summaries],
                    "memberships": [(site.committees[m.committee], m) for m in person.memberships],
                    "role_bodies": _role_bodies(site, person),
                },
                person.url,
                shard=REGISTERS,
            )
        )
    return specs


def _role_bodies(site: Site, person: Person) -> dict[str, Committee]:
    """The committees the person's roles name, by the name the site gives (a folder name or a body's name)."""
    by_name = {slugify(c.name): c for c in site.committees.values()}
    found = {}
    for role in person.roles:
        committee = (site.committees.get(role.body) or by_name.get(slugify(role.body))) if role.body else None
        if committee is not None:
            found[role.body] = committee
    return found


def _decisions_as_shown(site: Site) -> list[RegisteredDecision]:
    """The register as published: a decision in doubt is marked unconfirmed, or left out until checked."""
    decisions = collect_decisions(site)
    doubted: dict[tuple[str, str], frozenset[str]] = {}
    for meeting in site.meetings.values():
        minutes = meeting.minutes
        if minutes is None or not minutes.record.open_review:
            continue
        shown = unconfirmed(site.config, (minutes,))
        doubted[(meeting.committee, meeting.key)] = frozenset(
            anchor for kind, fact, anchor in shown.rows if kind == "minutes" and fact == "decision"
        )
    if not doubted:
        return decisions
    mode = page_mode(site.config)
    out = []
    for d in decisions:
        if d.anchor in doubted.get((d.meeting.committee, d.meeting.key), ()):
            if mode == "omit":
                continue
            d = replace(d, unconfirmed=True)
        out.append(d)
    return out


def _summaries_of(registers: _Registers, decisions: list[RegisteredDecision]) -> dict[tuple[str, str], Summary]:
    """Only the meetings these decisions were made at: a page's inputs are what it shows."""
    keys = {(d.meeting.committee, d.meeting.key) for d in decisions}
    return {key: registers.summaries[key] for key in sorted(keys)}


def _decisions(site: Site, registers: _Registers) -> list[PageSpec]:
    years = by_year(registers.decisions)
    committees = by_committee(registers.decisions)
    specs = [_decisions_index(site, registers, years, committees)]
    specs += [
        # The register by year is searched; by committee and year it repeats it.
        _decisions_of_year(registers, f"decisions/{year_slug(year)}/", year, decisions, None, shard=REGISTERS)
        for year, decisions in years.items()
    ]
    # A page per committee and per committee and year: the register filtered without script.
    for slug in sorted(site.committees):
        specs += _decisions_of_committee(registers, site.committees[slug], committees.get(slug, []))
    return specs


def _decisions_index(
    site: Site,
    registers: _Registers,
    years: dict[str, list[RegisteredDecision]],
    committees: dict[str, list[RegisteredDecision]],
) -> PageSpec:
    """The register's front page: the latest decisions, and how many each year and each committee made."""
    listed = [(site.committees[slug], len(found)) for slug, found in committees.items()]
    return PageSpec(
        "decisions/index.html",
        "decisions.html",
        {
            "years": {y: len(v) for y, v in years.items()},
            "latest": group_decisions(registers.decisions[:20]),
            "committees": sorted(listed, key=lambda c: c[0].name.lower()),
            "summaries": _summaries_of(registers, registers.decisions[:20]),
        },
        "decisions/",
    )


def _decisions_of_year(
    registers: _Registers,
    url: str,
    year: str,
    decisions: list[RegisteredDecision],
    committee: Committee | None,
    shard: str = "",
) -> PageSpec:
    """The decisions of a year: the whole register's, or one committee's."""
    return PageSpec(
        f"{url}index.html",
        "decisions_year.html",
        {
            "year": year,
            "decisions": group_decisions(decisions),
            "summaries": _summaries_of(registers, decisions),
            "committee": committee,
        },
        url,
        shard=shard,
    )


def _decisions_of_committee(
    registers: _Registers, committee: Committee, decisions: list[RegisteredDecision]
) -> list[PageSpec]:
    """A committee's page of the register (its latest decisions, how many each year) and a page per year."""
    its_years = by_year(decisions)
    front = PageSpec(
        f"decisions/{committee.slug}/index.html",
        "decisions_committee.html",
        {
            "committee": committee,
            "years": {y: len(v) for y, v in its_years.items()},
            "decisions": group_decisions(decisions[:20]),
            "summaries": _summaries_of(registers, decisions[:20]),
        },
        f"decisions/{committee.slug}/",
    )
    return [front] + [
        _decisions_of_year(registers, f"decisions/{committee.slug}/{year_slug(year)}/", year, found, committee)
        for year, found in its_years.items()
    ]
