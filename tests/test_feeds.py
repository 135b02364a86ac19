"""Feeds, calendars, open data and the sitemap, read back by independent readers.

Atom is read with feedparser, iCalendar with the icalendar library (and its
time zones with dateutil), the sitemap with lxml against an XML schema of the
sitemap protocol. The demo site is built three ways: at the root of its host,
under /minutes/, and under /minutes/ with a public origin set, and every link
in every output must lead to a file the build wrote; where a standard wants a
full address, it is one or it is not written at all.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
import yaml
from dateutil.tz import tzical
from lxml import etree

from helpers import REPO, copy_demo_site
from minutes.build import build
from minutes.core.config import SiteConfig, load_config
from minutes.core.errors import UserError
from minutes.outputs import ics
from minutes.outputs.addresses import Addresses
from minutes.outputs.feeds import COMMITTEE_LIMIT, SITE_LIMIT
from minutes.outputs.ics import text, transitions, vtimezone
from minutes.outputs.opendata import FILES, MEETING_FILE, _dump, documented_fields, validate
from minutes.site.load import load_site
from minutes.site.model import Site

ORIGIN = "https://minutes.example.org"


@dataclass(frozen=True)
class Built:
    output: Path
    written: list[str]
    site: Site
    prefix: str
    """What every link must start with."""

    def read(self, relative: str) -> bytes:
        return (self.output / relative).read_bytes()

    def target(self, link: str) -> Path:
        """The file a link leads to."""
        assert link.startswith(self.prefix), f"{link!r} does not start with {self.prefix!r}"
        rest = link[len(self.prefix) :].split("#")[0]
        return self.output / rest / "index.html" if rest == "" or rest.endswith("/") else self.output / rest


OUTPUT_SUFFIXES = {".xml", ".ics", ".json", ".txt"}
NOT_OUTPUTS = {"papers", "static", "pagefind"}


def build_outputs(config: SiteConfig, *, convert: bool = False) -> Built:
    """A build, and the feeds, calendars, data files and sitemap it wrote itself: never regenerated here,
    so a build that stops writing them fails these tests."""
    result = build(config, search=False, convert=convert)
    assert result.published and not result.errors, result.errors
    written = sorted(
        p.relative_to(result.output).as_posix()
        for p in result.output.rglob("*")
        if p.is_file() and p.suffix in OUTPUT_SUFFIXES and p.relative_to(result.output).parts[0] not in NOT_OUTPUTS
    )
    prefix = config.url + config.base_url
    return Built(result.output, written, load_site(config), prefix)


@pytest.fixture(scope="module")
def demo_root(tmp_path_factory) -> Path:
    """The demo site with its papers converted once; each variant only renders."""
    root = copy_demo_site(tmp_path_factory.mktemp("outputs-demo"))
    build(load_config(root), search=False, convert=True)
    return root


VARIANTS = {
    "root": {},
    "subpath": {"base_url": "/minutes/"},
    "absolute": {"base_url": "/minutes/", "url": ORIGIN},
}


@pytest.fixture(scope="module", params=sorted(VARIANTS))
def built(request, demo_root) -> Built:
    config = load_config(demo_root).with_overrides(output_dir=f"out-{request.param}", **VARIANTS[request.param])
    return build_outputs(config)


@pytest.fixture(scope="module")
def demo(demo_root) -> Built:
    return build_outputs(load_config(demo_root))


# --- the files ------------------------------------------------------------------


def test_written_paths_are_sorted_and_exist(built: Built):
    committees = sorted(built.site.committees)
    expected = {"feed.xml", "calendar.ics", "robots.txt", "data/meetings.json", "data/committees.json"}
    if built.site.config.url:
        expected.add("sitemap.xml")  # without a public origin there is no full address to give: no sitemap
    expected |= {f"{c}/feed.xml" for c in committees} | {f"{c}/calendar.ics" for c in committees}
    expected |= {f"data/meetings/{c}/{k}.json" for c, k in built.site.meetings}
    assert built.written == sorted(expected)
    assert all((built.output / p).is_file() for p in built.written)


def test_outputs_are_byte_identical_between_builds(demo_root, demo: Built):
    again = build_outputs(load_config(demo_root).with_overrides(output_dir="out-again"))
    assert again.written == demo.written
    changed = [p for p in demo.written if demo.read(p) != again.read(p)]
    assert changed == []


# --- Atom -------------------------------------------------------------------------


def publications(site: Site, committee: str | None = None) -> int:
    """Entries a feed should hold: agenda and minutes of each meeting, or its other papers."""
    count = 0
    for (slug, _), m in site.meetings.items():
        if committee in (None, slug):
            count += (m.agenda is not None) + (m.minutes is not None) or 1
    return min(count, COMMITTEE_LIMIT if committee else SITE_LIMIT)


def parse_feed(built: Built, path: str):
    feed = feedparser.parse(built.read(path))
    assert feed.bozo == 0, f"{path}: {feed.get('bozo_exception')}"
    assert feed.version == "atom10"
    return feed


def test_site_feed_is_valid_atom_with_one_entry_per_publication(built: Built):
    feed = parse_feed(built, "feed.xml")
    assert len(feed.entries) == publications(built.site) > 0
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == len(ids)
    # Ids are IRIs, never paths: tag: URIs under the site's domain, or name-based UUIDs without one.
    if built.site.config.url:
        assert all(i.startswith("tag:minutes.example.org,2024:") for i in ids + [feed.feed.id])
    else:
        assert all(uuid.UUID(i.removeprefix("urn:uuid:")).version == 5 for i in ids + [feed.feed.id])
        assert all(i.startswith("urn:uuid:") for i in ids + [feed.feed.id])
    assert feed.feed.title and feed.feed.author and feed.feed.updated
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert [built.target(h) for h in self_links] == [built.output / "feed.xml"]
    updated = [e.updated_parsed for e in feed.entries]
    assert updated == sorted(updated, reverse=True), "entries are newest first"
    for entry in feed.entries:
        assert re.match(r"(Agenda|Minutes|Papers) published: ", entry.title)
        assert built.target(entry.link).is_file(), entry.link
        assert entry.summary


def test_minutes_and_agenda_are_separate_entries(demo: Built):
    feed = parse_feed(demo, "feed.xml")
    titles = [e.title for e in feed.entries]
    assert any(t.startswith("Agenda published: ") for t in titles)
    assert any(t.startswith("Minutes published: ") for t in titles)
    # The 2013-12-16 agenda names its date, time and venue in the summary.
    entry = next(e for e in feed.entries if "Monday 16 December 2013" in e.title)
    assert "13:00" in entry.summary and "Moorgate Street" in entry.summary


def test_committee_feeds_hold_only_their_committee(built: Built):
    site_ids = {e.id for e in parse_feed(built, "feed.xml").entries}
    assert len(site_ids) < SITE_LIMIT, "the demo fits in the site feed, so every committee entry is in it"
    for slug, committee in built.site.committees.items():
        feed = parse_feed(built, f"{slug}/feed.xml")
        assert len(feed.entries) == publications(built.site, slug)
        assert committee.name in feed.feed.title
        for entry in feed.entries:
            assert entry.link.startswith(f"{built.prefix}{slug}/"), entry.link
            assert [t.term for t in entry.tags] == [slug]
        assert {e.id for e in feed.entries} <= site_ids


# --- iCalendar --------------------------------------------------------------------


def parse_calendar(built: Built, path: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(built.read(path))


def meeting_of(built: Built, event) -> object:
    """The meeting an event stands for, found by what the event says (its summary and day), not by its UID."""
    day = event["DTSTART"].dt
    day = day.date() if isinstance(day, dt.datetime) else day
    found = [
        m
        for m in built.site.meetings.values()
        if m.date == day and built.site.committees[m.committee].name == str(event["SUMMARY"])
    ]
    assert len(found) == 1, (str(event["SUMMARY"]), day)
    return found[0]


def test_site_calendar_has_one_event_per_dated_meeting(built: Built):
    events = parse_calendar(built, "calendar.ics").walk("VEVENT")
    dated = {(c, k): m for (c, k), m in built.site.meetings.items() if m.date}
    assert len(events) == len(dated) > 0
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    zone = ZoneInfo(built.site.config.timezone)
    length = dt.timedelta(minutes=built.site.config.meeting_length)
    for event in events:
        meeting = meeting_of(built, event)
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        if meeting.time:
            local = dt.datetime.combine(meeting.date, dt.time.fromisoformat(meeting.time))
            assert isinstance(start, dt.datetime) and start.tzinfo is not None
            assert start.replace(tzinfo=None) == local
            assert start.utcoffset() == local.replace(tzinfo=zone).utcoffset()
            assert end > start, "a timed event has an end after its start"
            if not meeting.end_time:
                assert end - start == length
        else:
            assert type(start) is dt.date and start == meeting.date
            assert end == meeting.date + dt.timedelta(days=1), "an all-day event ends the next day, exclusive"
        assert str(event.get("LOCATION", "")) == meeting.venue
        assert str(event["SUMMARY"]) == built.site.committees[meeting.committee].name
        assert meeting.status in str(event["DESCRIPTION"])
        if built.site.config.url:
            assert str(event["UID"]) == f"{meeting.committee}-{meeting.key}@minutes.example.org"
            assert str(event["URL"]).startswith("https://")
            assert built.target(str(event["URL"])).is_file()
        else:
            # No domain to name ids under: a name-based UUID (RFC 7986 5.3), and no URL rather than a path.
            assert uuid.UUID(str(event["UID"])).version == 5
            assert "URL" not in event
            assert ".invalid" not in built.read("calendar.ics").decode("utf-8")


def test_demo_calendar_covers_timed_untimed_summer_and_ended_meetings(demo: Built):
    """Guards the test above: the demo must exercise each branch it checks."""
    events = {}
    for event in parse_calendar(demo, "calendar.ics").walk("VEVENT"):
        meeting = meeting_of(demo, event)
        events[f"{meeting.committee}-{meeting.key}"] = event
    assert events["cabinet-member-for-communities-and-cohesion-2013-11-18"]["DTSTART"].dt == dt.date(2013, 11, 18)
    winter = events["cabinet-member-for-communities-and-cohesion-2013-12-16"]["DTSTART"].dt
    assert (winter.hour, winter.utcoffset()) == (13, dt.timedelta(0))
    summer = events["improving-lives-select-commission-2020-07-28"]
    assert summer["DTSTART"].dt.utcoffset() == dt.timedelta(hours=1), "BST in July"
    # The agenda prints no end: two hours, the default meeting_length.
    assert summer["DTEND"].dt - summer["DTSTART"].dt == dt.timedelta(hours=2)


def test_calendars_are_the_librarys_own_writing_of_the_whole_calendar(built: Built):
    """Each meeting's event is written once and shared by two calendars: the bytes are those the library
    writes for the whole calendar, its events added to it."""
    site, addresses = built.site, Addresses.of(built.site.config)
    written = ics.render(site, addresses)
    stamp = dt.datetime.combine(ics.today(site), dt.time(0, 0), tzinfo=dt.UTC)
    for slug in [None, *sorted(site.committees)]:
        meetings = site.meetings_of(slug) if slug else list(site.meetings.values())
        whole = icalendar.Calendar.from_ical(written[ics.calendar_path(slug)])
        events = [c for c in whole.subcomponents if c.name == "VEVENT"]
        assert len(events) == sum(1 for m in meetings if m.date)
        for component in list(whole.subcomponents):
            if component.name == "VEVENT":
                whole.subcomponents.remove(component)
        dated = sorted((m for m in meetings if m.date), key=lambda m: (m.date, m.time, m.committee))
        for m in dated:
            whole.add_component(ics._event(site, addresses, m, stamp))
        assert whole.to_ical().decode("utf-8") == written[ics.calendar_path(slug)]


def test_committee_calendars_hold_only_their_committee(built: Built):
    for slug, committee in built.site.committees.items():
        events = parse_calendar(built, f"{slug}/calendar.ics").walk("VEVENT")
        assert len(events) == sum(1 for (c, _), m in built.site.meetings.items() if c == slug and m.date)
        assert all(str(e["SUMMARY"]) == committee.name for e in events)


def test_calendar_lines_are_crlf_and_folded(built: Built):
    for path in [p for p in built.written if p.endswith(".ics")]:
        raw = built.read(path)
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
        assert max(len(line) for line in raw.split(b"\r\n")) <= 75, path
        raw.decode("utf-8")  # a fold never splits a character


@pytest.mark.parametrize(
    "value",
    [
        "Town Hall, Moorgate Street",
        "Room 1; Room 2",
        "back\\slash and a colon: here",
        ("Salle Émile-Zola; Hôtel de Ville, Place de l’Hôtel de Ville, Rotherham S60 2TH — ground floor. " * 2).strip(),
        "€" * 40,
    ],
)
def test_text_values_round_trip_through_the_library(tmp_path, value):
    config = make_site(tmp_path, {("cabinet", "2021-06-01"): {"agenda": {"venue": value, "time": "14:00"}}})
    built = build_outputs(config)
    raw = built.read("calendar.ics")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    assert str(parse_calendar(built, "calendar.ics").walk("VEVENT")[0]["LOCATION"]) == value


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("line one\nline two", "line one\nline two"),
        ("windows\r\nline", "windows\nline"),
        ("old mac\rline", "old mac\nline"),
        ("para\u2029graph and line\u2028sep", "para\ngraph and line\nsep"),
        ("bell\x07 and escape\x1b", "bell and escape"),
    ],
)
def test_text_makes_every_line_break_one_newline_and_drops_controls(value, shown):
    assert text(value) == shown


def test_london_timezone_is_the_standard_gmt_bst_rules():
    lines = vtimezone(ZoneInfo("Europe/London"), "Europe/London", 2014, 2020).to_ical().decode().split("\r\n")
    daylight = lines[lines.index("BEGIN:DAYLIGHT") : lines.index("END:DAYLIGHT")]
    standard = lines[lines.index("BEGIN:STANDARD") : lines.index("END:STANDARD")]
    # Onsets in the offset before the change (RFC 5545 3.8.2.4): BST begins at 01:00 GMT.
    assert {"TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:20130331T010000"} <= set(daylight)
    assert {"TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:20131027T020000"} <= set(standard)
    assert any(line.startswith("RRULE:") and "BYMONTH=3" in line and "BYDAY=-1SU" in line for line in daylight)
    assert any(line.startswith("RRULE:") and "BYMONTH=10" in line and "BYDAY=-1SU" in line for line in standard)


@pytest.mark.parametrize("zone", ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Tokyo"])
def test_an_independent_reader_finds_the_zones_offsets(zone):
    """dateutil reads the VTIMEZONE as RFC 5545 says; every hour of two years must have the tz database's offset."""
    tz = ZoneInfo(zone)
    read = tzical(io.StringIO(vtimezone(tz, zone, 2019, 2020).to_ical().decode().replace("\r\n", "\n"))).get()
    moment = dt.datetime(2019, 1, 1, tzinfo=dt.UTC)
    while moment.year < 2021:
        assert moment.astimezone(read).utcoffset() == moment.astimezone(tz).utcoffset(), (zone, moment)
        moment += dt.timedelta(minutes=30)


def _changes_by_scanning(zone: ZoneInfo, first_year: int, last_year: int) -> list[tuple[dt.datetime, str]]:
    """Every change of offset or abbreviation, found another way: by the UTC minute, scanning each quarter hour."""

    def state(moment: dt.datetime) -> tuple:
        local = moment.astimezone(zone)
        return (local.utcoffset(), local.tzname(), local.dst())

    found = []
    moment = dt.datetime(first_year, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(last_year + 1, 1, 1, tzinfo=dt.UTC)
    while moment < end:
        after = moment + dt.timedelta(minutes=15)
        if state(after) != state(moment):
            change = next(
                moment + dt.timedelta(minutes=m)
                for m in range(1, 16)
                if state(moment + dt.timedelta(minutes=m)) != state(moment)
            )
            local = change.astimezone(zone)
            found.append(
                (
                    (change - dt.timedelta(seconds=1)).astimezone(zone).utcoffset() + change.replace(tzinfo=None),
                    local.tzname(),
                )
            )
        moment = after
    return found


@pytest.mark.parametrize(
    ("zone", "first", "last"),
    [
        ("Europe/London", 2012, 2020),
        ("Europe/London", 2019, 2019),
        ("Europe/London", 2016, 2017),  # inside a run asked for before: its years come from the cache
        ("America/Sao_Paulo", 2017, 2021),  # summer time stopped after 2019
        ("Australia/Lord_Howe", 2018, 2020),  # a change of half an hour
        ("Africa/Casablanca", 2018, 2021),  # a change of zone, then changes around Ramadan
        ("Asia/Tokyo", 2019, 2020),  # no change at all
    ],
)
def test_a_zones_changes_are_every_change_in_every_year_asked_for(zone, first, last):
    """Worked out a year at a time and kept by year, a run of years still holds each change once, in order."""
    tz = ZoneInfo(zone)
    found = [(t.onset, t.name) for t in transitions(tz, first, last)]
    assert found == _changes_by_scanning(tz, first, last)


@pytest.mark.parametrize(
    "zone, july_offset",
    [
        ("Europe/London", "+0100"),
        ("America/New_York", "-0400"),
        ("Asia/Tokyo", "+0900"),
        ("Australia/Lord_Howe", "+1030"),
    ],
)
def test_timezones_read_back_with_the_zone_offset(tmp_path, zone, july_offset):
    site = make_site(tmp_path, {("council", "2019-07-10"): {"agenda": {"time": "18:30"}}}, timezone=zone)
    built = build_outputs(site)
    cal = parse_calendar(built, "calendar.ics")
    start = cal.walk("VEVENT")[0]["DTSTART"].dt
    assert (start.hour, start.minute) == (18, 30)
    assert start.strftime("%z") == july_offset
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == [zone]


def test_unknown_timezone_is_a_user_error(tmp_path):
    config = SiteConfig(root=tmp_path, timezone="Mars/Olympus_Mons")
    with pytest.raises(UserError, match="Mars/Olympus_Mons"):
        Addresses.of(config)


# --- open data --------------------------------------------------------------------


def schema_for(path: str):
    return FILES.get(path) or FILES[MEETING_FILE]


def test_open_data_files_match_the_schema(built: Built):
    data_files = [p for p in built.written if p.startswith("data/")]
    assert len(data_files) == 2 + len(built.site.meetings)
    for path in data_files:
        text = built.read(path).decode("utf-8")
        data = json.loads(text)
        assert validate(data, schema_for(path)) == [], path
        assert text == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n", path


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        (),
        {"b": [], "a": {}, "c": ()},
        {"z": 1, "y": -(2**70), "x": 0.1, "w": -0.0, "v": 1e300, "u": True, "t": False, "s": None},
        {"text": 'quotes " and \\ back, tab\t, line\n, control \x01, é, € and 😀, </script> & <b>'},
        {"é": 1, "e": 2, "E": 3, "": 4, '"': 5},
        [[[{"deep": [1, (2, 3), {"k": "v"}]}]]],
        {"nan": float("nan"), "inf": float("inf")},  # json.dumps's own words, NaN and Infinity
        {2: "a", 1: "b", 0.5: "c"},  # keys json.dumps turns into text
        {True: 1, False: 2},
        [ics.Transition.__name__, b"bytes".decode()],
    ],
)
def test_open_data_is_written_as_json_dumps_writes_it(value):
    assert _dump(value) == json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def test_a_value_json_cannot_write_is_refused_as_json_dumps_refuses_it():
    with pytest.raises(TypeError):
        _dump({"when": dt.date(2024, 1, 1)})
    with pytest.raises(TypeError):
        _dump({1: "a", "b": "c"})  # keys that do not sort


def test_every_meeting_is_in_the_index_with_its_own_file(built: Built):
    index = json.loads(built.read("data/meetings.json"))["meetings"]
    assert sorted((m["committee"], m["key"]) for m in index) == sorted(built.site.meetings)
    for entry in index:
        assert built.target(entry["url"]).is_file()
        detail = json.loads(built.target(entry["json_url"]).read_bytes())
        assert {k: detail[k] for k in entry} == entry
    committees = json.loads(built.read("data/committees.json"))["committees"]
    assert [c["slug"] for c in committees] == sorted(built.site.committees)
    for c in committees:
        for key in ("url", "feed_url", "calendar_url"):
            assert built.target(c[key]).is_file(), c[key]


def test_citations_say_what_they_resolve_to(demo: Built):
    data = json.loads(demo.read("data/meetings/cabinet-member-for-communities-and-cohesion/2013-12-16.json"))
    resolved = [c for c in data["citations"] if c["target"]]
    unresolved = [c for c in data["citations"] if not c["target"]]
    assert resolved and unresolved
    assert all(demo.target(c["target"]["url"]).is_file() for c in resolved)
    assert all(c["note"] for c in unresolved)


def test_items_carry_their_minute_facts(demo: Built):
    data = json.loads(demo.read("data/meetings/improving-lives-select-commission/2020-03-03.json"))
    assert data["status"] == "Minutes published"
    numbers = [i["number"] for i in data["items"] if i["document"] == "minutes"]
    assert numbers[:2] == ["53", "54"]
    assert any(i["resolutions"] for i in data["items"])


def test_item_and_citation_anchors_are_ids_on_their_pages(built: Built):
    checked = 0
    for path in [p for p in built.written if p.startswith("data/meetings/")]:
        data = json.loads(built.read(path))
        targets = [c["target"] for c in data["citations"] if c["target"]]
        for link in [i["url"] for i in data["items"]] + [t["url"] for t in targets if t["anchor"]]:
            anchor = link.partition("#")[2]
            assert anchor, link
            assert f'id="{anchor}"' in built.target(link).read_text(encoding="utf-8"), link
            checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    "value, schema",
    [
        ({}, {"a": str}),  # missing key
        ({"a": "x", "b": "y"}, {"a": str}),  # a key the docs do not know
        ({"a": 1}, {"a": str}),
        ({"a": True}, {"a": int}),  # JSON true is not a number
        ({"a": None}, {"a": str}),
        ({"a": ["x", 2]}, {"a": [str]}),
        ({"a": {"b": 1}}, {"a": ({"b": str}, None)}),
        ([], {"a": str}),
    ],
)
def test_validate_reports_every_departure(value, schema):
    assert validate(value, schema) != []


def documented_rows(section: str) -> list[tuple[str, str]]:
    """The (field, type) rows of the table under `## `section`` in docs/open-data.md."""
    doc = (REPO / "docs" / "open-data.md").read_text(encoding="utf-8")
    match = re.search(rf"^## `{re.escape(section)}`\n(.*?)(?=^## |\Z)", doc, re.M | re.S)
    assert match, f"docs/open-data.md has no section for {section}"
    return re.findall(r"^\| `([^`]+)` \| ([^|]+?) \|", match.group(1), re.M)


@pytest.mark.parametrize("path", sorted(FILES))
def test_docs_describe_exactly_the_schema(path):
    assert documented_rows(path) == documented_fields(FILES[path])


# --- sitemap and robots -----------------------------------------------------------

SITEMAP_SCHEMA = etree.XMLSchema(etree.parse(str(REPO / "tests" / "fixtures" / "sitemap.xsd")))


def test_sitemap_is_written_only_with_full_addresses(built: Built):
    if not built.site.config.url:
        assert not (built.output / "sitemap.xml").exists()
        return
    document = etree.fromstring(built.read("sitemap.xml"))
    SITEMAP_SCHEMA.assertValid(document)
    locs = [loc.text for loc in document.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith(f"{ORIGIN}/minutes/") for loc in locs)


def test_sitemap_lists_every_page_and_only_pages(demo_root):
    config = load_config(demo_root).with_overrides(output_dir="out-sitemap", url=ORIGIN)
    built = build_outputs(config)
    root = ET.fromstring(built.read("sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert len(set(locs)) == len(locs)
    assert all(built.target(loc).is_file() for loc in locs)
    site = built.site
    must = [""] + [c.url for c in site.committees.values()] + [m.url for m in site.meetings.values()]
    must += [d.url for d in site.all_documents()]
    assert {built.prefix + u for u in must} <= set(locs)
    assert not any(loc.endswith("404.html") for loc in locs)


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ([""], [f"{ORIGIN}/"]),
        (["a&b/", "x<y/"], [f"{ORIGIN}/a&b/", f"{ORIGIN}/x%3Cy/"]),
        (["café/"], [f"{ORIGIN}/caf%C3%A9/"]),
    ],
)
def test_sitemap_addresses_are_escaped_and_valid(tmp_path, pages, expected):
    from minutes.outputs.sitemap import render

    files = render(pages, Addresses.of(SiteConfig(root=tmp_path, url=ORIGIN)))
    document = etree.fromstring(files["sitemap.xml"].encode("utf-8"))
    SITEMAP_SCHEMA.assertValid(document)
    assert [el.text for el in document.iter("{*}loc")] == expected
    assert "&amp;" in files["sitemap.xml"] if "&" in "".join(pages) else True


def test_a_large_site_gets_a_sitemap_index(tmp_path):
    from minutes.outputs.sitemap import PER_FILE, render

    files = render([f"p{n}/" for n in range(PER_FILE + 1)], Addresses.of(SiteConfig(root=tmp_path, url=ORIGIN)))
    assert sorted(files) == ["robots.txt", "sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]
    index = etree.fromstring(files["sitemap.xml"].encode("utf-8"))
    SITEMAP_SCHEMA.assertValid(index)
    assert [el.text for el in index.iter("{*}loc")] == [f"{ORIGIN}/sitemap-1.xml", f"{ORIGIN}/sitemap-2.xml"]
    sizes = [len(etree.fromstring(files[n].encode()).findall("{*}url")) for n in ("sitemap-1.xml", "sitemap-2.xml")]
    assert sizes == [PER_FILE, 1]


def test_robots_names_the_sitemap_only_when_the_origin_is_known(built: Built):
    robots = built.read("robots.txt").decode()
    assert robots.startswith("User-agent: *\n")
    sitemap_lines = [line for line in robots.splitlines() if line.startswith("Sitemap:")]
    if built.site.config.url:
        assert sitemap_lines == [f"Sitemap: {ORIGIN}/minutes/sitemap.xml"]
    else:
        assert sitemap_lines == []


# --- every link, every output ------------------------------------------------------


def all_links(built: Built) -> list[str]:
    links: list[str] = []
    for path in built.written:
        if path.endswith("feed.xml"):
            root = ET.fromstring(built.read(path))
            links += [el.get("href") for el in root.iter("{http://www.w3.org/2005/Atom}link")]
        elif path.endswith(".ics"):
            links += [str(e["URL"]) for e in parse_calendar(built, path).walk("VEVENT") if "URL" in e]
        elif path.endswith(".json"):
            links += json_urls(json.loads(built.read(path)))
    if (built.output / "sitemap.xml").exists():
        root = ET.fromstring(built.read("sitemap.xml"))
        links += [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    return links


def json_urls(value) -> list[str]:
    if isinstance(value, dict):
        return [v for k, v in value.items() if k.endswith("url") and v] + [
            u for v in value.values() for u in json_urls(v)
        ]
    if isinstance(value, list):
        return [u for v in value for u in json_urls(v)]
    return []


def test_every_link_starts_with_the_base_and_leads_to_a_file(built: Built):
    links = all_links(built)
    assert len(links) > 100
    wrong = [link for link in links if not link.startswith(built.prefix)]
    assert wrong == []
    missing = sorted({link for link in links if not built.target(link).is_file()})
    assert missing == []


# --- a hand-made site: growth, escaping, the edges ------------------------------------


def make_site(root: Path, meetings: dict[tuple[str, str], dict[str, dict]], **settings) -> SiteConfig:
    """A site root whose meetings are {(committee, key): {document name: front-matter overrides}}."""
    (root / "site.yaml").write_text(yaml.safe_dump({"title": "Test council minutes", **settings}), encoding="utf-8")
    for (committee, key), documents in meetings.items():
        folder = root / "content" / "meetings" / committee / key
        folder.mkdir(parents=True, exist_ok=True)
        for name, overrides in documents.items():
            record = {
                "kind": name if name in ("agenda", "minutes") else "report",
                "committee": committee.replace("-", " ").title(),
                "date": key if key[:1].isdigit() else "",
                "title": name.title(),
                "items": [{"number": "1", "title": "Apologies", "anchor": "item-1"}],
                **overrides,
            }
            text = "---\n" + yaml.safe_dump(record, allow_unicode=True) + "---\n\n## 1. Apologies\n\nNone.\n"
            (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return load_config(root)


def test_ids_do_not_change_when_meetings_are_added(tmp_path):
    first = {
        ("cabinet", "2021-01-10"): {"agenda": {"time": "10:00"}, "minutes": {}},
        ("planning", "2021-02-03"): {"agenda": {}},
    }
    before = build_outputs(make_site(tmp_path, first))
    ids = {e.id: e.title for e in parse_feed(before, "feed.xml").entries}
    uids = {str(e["UID"]) for e in parse_calendar(before, "calendar.ics").walk("VEVENT")}
    grown = {**first, ("cabinet", "2020-12-01"): {"minutes": {}}, ("cabinet", "2021-03-01"): {"agenda": {}}}
    after = build_outputs(make_site(tmp_path, grown))
    ids_after = {e.id: e.title for e in parse_feed(after, "feed.xml").entries}
    uids_after = {str(e["UID"]) for e in parse_calendar(after, "calendar.ics").walk("VEVENT")}
    assert ids.items() <= ids_after.items() and len(ids_after) == len(ids) + 2
    assert uids <= uids_after and len(uids_after) == len(uids) + 2


def test_text_with_commas_semicolons_and_accents_round_trips(tmp_path):
    venue = "Salle Émile-Zola; Hôtel de Ville, Place de l’Hôtel de Ville, Rotherham S60 2TH — ground floor"
    config = make_site(tmp_path, {("cabinet", "2021-06-01"): {"agenda": {"venue": venue, "time": "14:00"}}})
    built = build_outputs(config)
    event = parse_calendar(built, "calendar.ics").walk("VEVENT")[0]
    assert str(event["LOCATION"]) == venue
    feed = parse_feed(built, "feed.xml")
    assert venue in feed.entries[0].summary
    data = json.loads(built.read("data/meetings/cabinet/2021-06-01.json"))
    assert data["venue"] == venue and "Émile" in built.read("data/meetings.json").decode("utf-8")


def test_undated_and_papers_only_meetings(tmp_path):
    config = make_site(
        tmp_path,
        {
            ("cabinet", "undated-paper-7"): {"minutes": {}},
            ("cabinet", "2021-05-05"): {"report-budget": {"title": "Budget report"}},
        },
    )
    built = build_outputs(config)
    entries = parse_feed(built, "feed.xml").entries
    # A feed is dated by publication, so a meeting without a date is news too: the newest, as it is new today.
    assert [e.title for e in entries] == [
        "Minutes published: Cabinet (date not known)",
        "Papers published: Cabinet, Wednesday 5 May 2021",
    ]
    assert "Budget report" in entries[1].summary
    assert len(parse_calendar(built, "calendar.ics").walk("VEVENT")) == 1
    index = json.loads(built.read("data/meetings.json"))["meetings"]
    assert [(m["key"], m["date"]) for m in index] == [("2021-05-05", "2021-05-05"), ("undated-paper-7", None)]


def test_a_site_without_meetings_still_has_valid_outputs(tmp_path):
    built = build_outputs(make_site(tmp_path, {}))
    assert parse_feed(built, "feed.xml").entries == []
    calendar = parse_calendar(built, "calendar.ics")
    assert calendar.walk("VEVENT") == [] and calendar.walk("VTIMEZONE") == []
    assert json.loads(built.read("data/meetings.json")) == {"meetings": []}


# --- dated by first appearance ----------------------------------------------------------


def build_on(config: SiteConfig, day: str) -> Built:
    """A build on `day` (the build's "today"), as a later build in CI would be."""
    (config.root / "site.yaml").write_text(
        re.sub(r"(?m)^build_date:.*\n", "", (config.root / "site.yaml").read_text(encoding="utf-8"))
        + f"build_date: '{day}'\n",
        encoding="utf-8",
    )
    return build_outputs(load_config(config.root))


def entry_dates(built: Built, path: str = "feed.xml") -> dict[str, tuple[str, str]]:
    return {e.title: (e.published[:10], e.updated[:10]) for e in parse_feed(built, path).entries}


def test_feeds_are_dated_by_first_appearance_across_builds(tmp_path):
    agenda_only = {("cabinet", "2024-03-04"): {"agenda": {"time": "10:00"}}}
    first = build_on(make_site(tmp_path, agenda_only), "2024-02-26")
    register = json.loads((tmp_path / "content" / "meetings" / ".published.json").read_text(encoding="utf-8"))
    # The first build of a site dates what is already there by its meeting, never later than its own day.
    assert register["documents"] == {"cabinet/2024-03-04/agenda.md": "2024-02-26"}
    assert entry_dates(first) == {"Agenda published: Cabinet, Monday 4 March 2024": ("2024-02-26", "2024-02-26")}

    # Three weeks later the minutes follow: a new entry, dated by the day they appeared, not the meeting.
    with_minutes = {("cabinet", "2024-03-04"): {"agenda": {"time": "10:00"}, "minutes": {}}}
    later = build_on(make_site(tmp_path, with_minutes), "2024-03-25")
    assert entry_dates(later) == {
        "Minutes published: Cabinet, Monday 4 March 2024": ("2024-03-25", "2024-03-25"),
        "Agenda published: Cabinet, Monday 4 March 2024": ("2024-02-26", "2024-02-26"),
    }
    feed = parse_feed(later, "feed.xml")
    assert feed.entries[0].title.startswith("Minutes published") and feed.feed.updated.startswith("2024-03-25")

    # A build from a clean checkout a month later (no cache, no output): the committed register keeps the dates.
    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copy(tmp_path / "site.yaml", clean / "site.yaml")
    shutil.copytree(tmp_path / "content", clean / "content")
    again = build_on(load_config(clean), "2024-04-22")
    assert entry_dates(again) == entry_dates(later)


def test_a_supplementary_report_updates_the_agenda_entry(tmp_path):
    config = make_site(tmp_path, {("cabinet", "2024-03-04"): {"agenda": {}}})
    build_on(config, "2024-02-26")
    grown = {("cabinet", "2024-03-04"): {"agenda": {}, "report-budget": {"title": "Budget", "agenda_item": "1"}}}
    later = build_on(make_site(tmp_path, grown), "2024-03-01")
    assert entry_dates(later) == {"Agenda published: Cabinet, Monday 4 March 2024": ("2024-02-26", "2024-03-01")}


def test_a_hand_corrected_date_is_kept_and_a_broken_register_is_never_overwritten(tmp_path):
    config = make_site(tmp_path, {("cabinet", "2024-03-04"): {"minutes": {}}})
    build_on(config, "2024-03-10")
    register = tmp_path / "content" / "meetings" / ".published.json"
    register.write_text(
        register.read_text(encoding="utf-8").replace(': "2024-03-04"', ': "2024-03-08"'), encoding="utf-8"
    )
    assert entry_dates(build_on(config, "2024-03-11"))["Minutes published: Cabinet, Monday 4 March 2024"][0] == (
        "2024-03-08"
    )
    broken = register.read_text(encoding="utf-8").replace("2024-03-08", "8 March")
    register.write_text(broken, encoding="utf-8")
    result = build(load_config(tmp_path), search=False, convert=False)
    assert [str(p) for p in result.problems if "published.json" in p.path] == [
        "content/meetings/.published.json: warning: cabinet/2024-03-04/minutes.md: '8 March' is not a date written "
        "YYYY-MM-DD; correct it, or delete it to date every record by its meeting again; until then it is not updated"
    ]
    assert register.read_text(encoding="utf-8") == broken


# --- ends, webcasts and recordings -------------------------------------------------------

WEBCAST = "https://council.public-i.tv/core/portal/webcast_interactive/123456?a=1&b=2"
RECORDING = "https://www.youtube.com/watch?v=abc123"


@pytest.mark.parametrize(
    ("front", "length", "expected"),
    [
        ({"time": "18:00", "end_time": "20:15"}, 120, dt.timedelta(hours=2, minutes=15)),
        ({"time": "18:00"}, 120, dt.timedelta(hours=2)),
        ({"time": "18:00"}, 45, dt.timedelta(minutes=45)),
        ({"time": "23:00", "end_time": "00:30"}, 120, dt.timedelta(hours=1, minutes=30)),  # past midnight
    ],
)
def test_every_timed_event_ends(tmp_path, front, length, expected):
    config = make_site(tmp_path, {("cabinet", "2021-06-01"): {"minutes": front}}, meeting_length=length)
    event = parse_calendar(build_outputs(config), "calendar.ics").walk("VEVENT")[0]
    assert event["DTEND"].dt - event["DTSTART"].dt == expected


def test_webcast_and_recording_set_by_hand_reach_calendar_feed_and_data(tmp_path):
    config = make_site(
        tmp_path,
        {
            ("cabinet", "2021-06-01"): {
                "agenda": {"time": "18:00", "webcast": WEBCAST},
                "minutes": {"recording": RECORDING},
            }
        },
        url=ORIGIN,
    )
    built = build_outputs(config)
    event = parse_calendar(built, "calendar.ics").walk("VEVENT")[0]
    assert str(event["CONFERENCE"]) == WEBCAST
    assert event["CONFERENCE"].params["FEATURE"] == "VIDEO" and event["CONFERENCE"].params["LABEL"] == "Webcast"
    assert f"Webcast: {WEBCAST}" in str(event["DESCRIPTION"]) and f"Recording: {RECORDING}" in str(event["DESCRIPTION"])
    assert str(event["URL"]) == f"{ORIGIN}/cabinet/2021-06-01/"
    summaries = [e.summary for e in parse_feed(built, "feed.xml").entries]
    assert all(f"Webcast: {WEBCAST}" in s for s in summaries)
    data = json.loads(built.read("data/meetings/cabinet/2021-06-01.json"))
    assert (data["webcast"], data["recording"]) == (WEBCAST, RECORDING)


@pytest.mark.parametrize("address", ["javascript:alert(1)", "/watch", "www.example.org/x", "https://", "ftp://x.org/"])
def test_a_webcast_that_is_not_a_web_address_is_refused_at_its_line(tmp_path, address):
    make_site(tmp_path, {("cabinet", "2021-06-01"): {"agenda": {"webcast": address}}})
    problems = [str(p) for p in load_site(load_config(tmp_path)).problems]
    assert len(problems) == 1 and problems[0].startswith("content/meetings/cabinet/2021-06-01/agenda.md:")
    assert "webcast:" in problems[0] and "is not a web address" in problems[0]


def test_a_register_that_is_a_link_leading_out_is_never_read_or_written(tmp_path):
    outside = tmp_path / "elsewhere.json"
    outside.write_text('{"documents": {"cabinet/2024-03-04/minutes.md": "2001-01-01"}}', encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    config = make_site(site, {("cabinet", "2024-03-04"): {"minutes": {}}}, build_date="2024-03-10")
    (site / "content" / "meetings" / ".published.json").symlink_to(outside)
    built = build_outputs(config)
    assert entry_dates(built)["Minutes published: Cabinet, Monday 4 March 2024"][0] != "2001-01-01"
    result = build(config, search=False, convert=False)
    assert any("is a link leading out of the meetings folder" in str(p) for p in result.problems)
    assert outside.read_text(encoding="utf-8").endswith('"2001-01-01"}}')
