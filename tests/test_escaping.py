"""Every front-matter field reaches pages, feeds, calendars, JSON-LD and the search index as text.

A small site, built in this process without search, whose records hold markup,
`</script>`, `<!--<script>`, `<`, `&` and U+2028 in each field a reader sees. Each
channel is read back by a parser of its own kind, and each field must come back as
the same text, having made no element, attribute or script. (tests/hostile/ does the
same through the command line with search, in a real browser; this is the quick
version the planted bugs and `make mutation` run.)
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml


def hostile(field: str) -> str:
    return f"[{field}]</script><script>alert(1)</script><img src=x onerror=alert(2)> & <!--<script> a<b\u2028end"


def as_text(field: str) -> str:
    """The value as a page shows it: HTML collapses the line separator with the spaces around it."""
    return hostile(field).split("\u2028")[0]


MEETING = "cabinet/2015-03-09"
"""Its minutes; the agenda is of the next meeting, so each item title is the one its page shows."""
AGENDA = "cabinet/2015-04-13"
FIELDS = ("committee", "venue", "chair", "present", "apologies", "minute title", "resolution")
NAMES = ("chair", "present", "apologies")
"""Names are brought to one form: the line separator becomes a space."""


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    from minutes.build import build
    from minutes.core.config import load_config

    root = tmp_path_factory.mktemp("escaping")
    (root / "site.yaml").write_text("title: Minutes\nurl: https://minutes.example.org\n", encoding="utf-8")
    h = hostile
    records = {
        f"{MEETING}/minutes.md": {
            "kind": "minutes",
            "committee": h("committee"),
            "date": "2015-03-09",
            "time": "10:00",
            "venue": h("venue"),
            "attendance": {"chair": h("chair"), "present": [h("present")], "apologies": [h("apologies")]},
            "items": [
                {"number": "5", "title": h("minute title"), "anchor": "item-5", "resolutions": [h("resolution")]}
            ],
        },
        f"{AGENDA}/agenda.md": {
            "kind": "agenda",
            "committee": h("committee"),
            "date": "2015-04-13",
            "items": [{"number": "1", "title": h("agenda title"), "anchor": "item-1"}],
        },
    }
    for name, front in records.items():
        text = yaml.safe_dump(front, sort_keys=False, allow_unicode=False, width=1000)
        path = root / "content" / "meetings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{text}---\n\nThe business.\n", encoding="utf-8")
    result = build(load_config(root), search=False, convert=False)
    assert result.published and not result.errors, result.errors
    return result.output


class Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.text: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        else:
            self.text.append(data)


def parse(path: Path) -> Elements:
    parsed = Elements()
    parsed.feed(path.read_text(encoding="utf-8"))
    parsed.close()
    return parsed


def pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def test_no_field_makes_an_element_or_attribute_on_any_page(output):
    for page in pages(output):
        parsed = parse(page)
        where = page.relative_to(output).as_posix()
        assert [t for t, _ in parsed.tags if t in ("img", "iframe", "object", "embed", "svg")] == [], where
        assert [(t, a) for t, attrs in parsed.tags for a in attrs if a.lower().startswith("on")] == [], where
        for attrs, text in parsed.scripts:
            assert attrs.get("type") == "application/ld+json" or (attrs.get("src") and not text.strip()), (
                where,
                attrs,
                text[:200],
            )


@pytest.mark.parametrize("field", FIELDS, ids=[f.replace(" ", "-") for f in FIELDS])
def test_each_field_is_shown_as_its_own_text_on_the_meeting_page(output, field):
    parsed = parse(output / MEETING / "index.html")
    text = " ".join("".join(parsed.text).split())
    assert " ".join(as_text(field).split()) in text


@pytest.mark.parametrize(
    ("field", "meeting"), [("minute title", MEETING), ("agenda title", AGENDA)], ids=["minutes", "agenda"]
)
def test_item_titles_are_text_in_the_list_of_items_and_the_headings(output, field, meeting):
    """The meeting page shows each item's title twice: in the short list at the top and as its heading."""
    source = (output / meeting / "index.html").read_text(encoding="utf-8")
    escaped = as_text(field).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert source.count(escaped) >= 2, field
    assert as_text(field) not in source


def test_json_ld_holds_no_character_that_could_end_or_hide_its_script(output):
    source = (output / MEETING / "index.html").read_text(encoding="utf-8")
    (data,) = [
        text
        for attrs, text in parse(output / MEETING / "index.html").scripts
        if attrs.get("type") == "application/ld+json" and '"location"' in text
    ]
    assert not set(data) & set("<>&\u2028\u2029"), data[:300]
    event = json.loads(data)
    assert event["location"]["name"] == hostile("venue")
    assert hostile("committee") in event["name"]
    assert source.index("</script>", source.index(data)) < source.index("<h1")


def test_search_filters_and_metadata_are_text_even_to_pagefind(output):
    """Pagefind indexes the elements marked data-pagefind-filter and -meta, and its filter list shows a
    filter's value as HTML: the committee must stay text through that second reading too."""
    source = (output / MEETING / "index.html").read_text(encoding="utf-8")
    marked = re.findall(r'<span data-pagefind-(filter|meta)="committee">([^<]*)</span>', source)
    assert {kind for kind, _ in marked} == {"filter", "meta"}, marked
    wanted = " ".join(hostile("committee").split())
    for kind, text in marked:
        readings = [text]
        while html.unescape(readings[-1]) != readings[-1]:
            readings.append(html.unescape(readings[-1]))
        assert " ".join(readings[-1].split()) == wanted, (kind, text[:200])
        # The page's parser reads it once; a filter is read again as HTML by the filter list.
        kept_as_text = readings[1:3] if kind == "filter" else readings[1:2]
        assert len(kept_as_text) == (2 if kind == "filter" else 1) and "<" not in readings[0], (kind, text[:200])
        if kind == "filter":
            assert "<" not in readings[1], text[:200]


def test_feeds_give_back_the_text_to_an_xml_parser(output):
    for feed in (output / "feed.xml", output / "cabinet" / "feed.xml"):
        root = ET.fromstring(feed.read_bytes())
        ns = {"a": "http://www.w3.org/2005/Atom"}
        titles = [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]
        assert titles and all(hostile("committee").replace("\u2028", "") in t or "[committee]" in t for t in titles)
        assert all("<script>alert(1)</script>" in t for t in titles), titles
        raw = feed.read_text(encoding="utf-8")
        assert "<script>" not in raw and "<img" not in raw


def test_calendars_give_back_the_text_to_icalendar(output):
    import icalendar

    for path in (output / "calendar.ics", output / "cabinet" / "calendar.ics"):
        events = icalendar.Calendar.from_ical(path.read_bytes().decode("utf-8")).walk("VEVENT")
        event = next(e for e in events if str(e["UID"]).startswith("cabinet-2015-03-09@"))
        assert str(event["LOCATION"]) == hostile("venue").replace("\u2028", "\n")
        assert str(event["SUMMARY"]).startswith("[committee]</script><script>alert(1)</script>")


def test_open_data_gives_back_the_values_exactly(output):
    data = json.loads((output / "data" / "meetings" / f"{MEETING}.json").read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    for field in FIELDS:
        value = hostile(field).replace("\u2028", " ") if field in NAMES else hostile(field)
        assert json.dumps(value, ensure_ascii=False)[1:-1] in text, field
