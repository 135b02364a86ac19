"""Feeds, calendars, open data and the sitemap, read back by independent readers.

Atom is read with feedparser, iCalendar with the icalendar library, the
sitemap with ElementTree. The demo site is built three ways: at the root of
its host, under /minutes/, and under /minutes/ with a public origin set, and
every link in every output must lead to a file the build wrote.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
import yaml

from helpers import REPO, copy_demo_site
from minutes.build import build
from minutes.core.config import SiteConfig, load_config
from minutes.core.errors import UserError
from minutes.outputs.addresses import Addresses
from minutes.outputs.feeds import COMMITTEE_LIMIT, SITE_LIMIT
from minutes.outputs.ics import escape, fold, vtimezone
from minutes.outputs.opendata import FILES, MEETING_FILE, documented_fields, validate
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
    expected = {"feed.xml", "calendar.ics", "sitemap.xml", "robots.txt", "data/meetings.json", "data/committees.json"}
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
    """Entries a feed should hold: agenda and minutes of each dated meeting, or its other papers."""
    count = 0
    for (slug, _), m in site.meetings.items():
        if m.date and committee in (None, slug):
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
    assert all(i.startswith("tag:") for i in ids + [feed.feed.id])
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


def test_site_calendar_has_one_event_per_dated_meeting(built: Built):
    events = parse_calendar(built, "calendar.ics").walk("VEVENT")
    dated = {(c, k): m for (c, k), m in built.site.meetings.items() if m.date}
    assert len(events) == len(dated) > 0
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    zone = ZoneInfo(built.site.config.timezone)
    for event in events:
        meeting = next(m for m in dated.values() if str(event["UID"]).startswith(f"{m.committee}-{m.key}@"))
        start = event["DTSTART"].dt
        if meeting.time:
            local = dt.datetime.combine(meeting.date, dt.time.fromisoformat(meeting.time))
            assert isinstance(start, dt.datetime) and start.tzinfo is not None
            assert start.replace(tzinfo=None) == local
            assert start.utcoffset() == local.replace(tzinfo=zone).utcoffset()
        else:
            assert type(start) is dt.date and start == meeting.date
        assert str(event.get("LOCATION", "")) == meeting.venue
        assert str(event["SUMMARY"]) == built.site.committees[meeting.committee].name
        assert meeting.status in str(event["DESCRIPTION"])
        assert built.target(str(event["URL"])).is_file()


def test_demo_calendar_covers_timed_untimed_and_summer_meetings(demo: Built):
    """Guards the test above: the demo must exercise each branch it checks."""
    starts = {str(e["UID"]).split("@")[0]: e["DTSTART"].dt for e in parse_calendar(demo, "calendar.ics").walk("VEVENT")}
    assert starts["cabinet-member-for-communities-and-cohesion-2013-11-18"] == dt.date(2013, 11, 18)
    winter = starts["cabinet-member-for-communities-and-cohesion-2013-12-16"]
    assert (winter.hour, winter.utcoffset()) == (13, dt.timedelta(0))
    summer = starts["improving-lives-select-commission-2020-07-28"]
    assert summer.utcoffset() == dt.timedelta(hours=1), "BST in July"


def test_committee_calendars_hold_only_their_committee(built: Built):
    for slug in built.site.committees:
        events = parse_calendar(built, f"{slug}/calendar.ics").walk("VEVENT")
        assert len(events) == sum(1 for (c, _), m in built.site.meetings.items() if c == slug and m.date)
        assert all(str(e["UID"]).startswith(f"{slug}-") for e in events)


def test_calendar_lines_are_crlf_and_folded(built: Built):
    for path in [p for p in built.written if p.endswith(".ics")]:
        raw = built.read(path)
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
        assert max(len(line) for line in raw.split(b"\r\n")) <= 75, path


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("Town Hall, Moorgate Street", "Town Hall\\, Moorgate Street"),
        ("Room 1; Room 2", "Room 1\\; Room 2"),
        ("line one\nline two", "line one\\nline two"),
        ("windows\r\nline", "windows\\nline"),
        ("back\\slash", "back\\\\slash"),
        ("plain", "plain"),
    ],
)
def test_escape(text, escaped):
    assert escape(text) == escaped


@pytest.mark.parametrize(
    "line",
    [
        "SHORT:value",
        "X:" + "a" * 73,  # exactly 75 octets: not folded
        "X:" + "a" * 200,
        "LOCATION:" + "é" * 60,  # two octets each: a fold must not split one
        "LOCATION:" + "a" * 65 + "€" * 10,  # three octets, straddling the first fold
    ],
)
def test_fold_keeps_lines_within_75_octets_and_unfolds_to_the_original(line):
    folded = fold(line)
    physical = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert folded.replace("\r\n ", "") == line
    assert (len(physical) == 1) == (len(line.encode("utf-8")) <= 75)


def test_london_timezone_is_the_standard_gmt_bst_rules():
    lines = vtimezone(ZoneInfo("Europe/London"), "Europe/London", 2014, 2020)
    text = "\n".join(lines)
    assert "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" in text
    assert "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU" in text
    daylight = lines[lines.index("BEGIN:DAYLIGHT") : lines.index("END:DAYLIGHT")]
    assert {"TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:20130331T010000"} <= set(daylight)
    standard = lines[lines.index("BEGIN:STANDARD") : lines.index("END:STANDARD")]
    assert {"TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:20131027T020000"} <= set(standard)


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


def test_sitemap_lists_every_page_and_only_pages(built: Built):
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
        if path.endswith(".xml") and path != "sitemap.xml":
            root = ET.fromstring(built.read(path))
            links += [el.get("href") for el in root.iter("{http://www.w3.org/2005/Atom}link")]
        elif path.endswith(".ics"):
            links += [str(e["URL"]) for e in parse_calendar(built, path).walk("VEVENT")]
        elif path.endswith(".json"):
            links += json_urls(json.loads(built.read(path)))
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
    assert [e.title for e in entries] == ["Papers published: Cabinet, Wednesday 5 May 2021"]
    assert "Budget report" in entries[0].summary
    assert len(parse_calendar(built, "calendar.ics").walk("VEVENT")) == 1
    index = json.loads(built.read("data/meetings.json"))["meetings"]
    assert [(m["key"], m["date"]) for m in index] == [("2021-05-05", "2021-05-05"), ("undated-paper-7", None)]


def test_a_site_without_meetings_still_has_valid_outputs(tmp_path):
    built = build_outputs(make_site(tmp_path, {}))
    assert parse_feed(built, "feed.xml").entries == []
    calendar = parse_calendar(built, "calendar.ics")
    assert calendar.walk("VEVENT") == [] and calendar.walk("VTIMEZONE") == []
    assert json.loads(built.read("data/meetings.json")) == {"meetings": []}
