"""Hostile input: active content, escaping, and the preview server.

Papers and records come from strangers (sites are built in CI from others'
contributions), so nothing they hold may run on the site's origin or break
what the site publishes. One site is built through the command line from
hostile papers (HTML, SVG, XML, XHTML, Markdown and extensionless papers
carrying scripts) and hostile records (markup, `</script>`, `<!--<script>`,
`&`, U+2028/9 and control characters in every front-matter field), then:

- every file it publishes is opened in a real Chromium from a plain static
  HTTP server (like any host: no special headers), and no script runs;
- every page is parsed: each field's text is there, escaped, and made no
  element or attribute; JSON-LD holds no `<`, `>`, `&`, U+2028/9;
- the feeds and calendars are read by real parsers (an XML parser,
  feedparser, icalendar);
- look-alike names make one person.

A real `minutes serve` is asked with foreign Host headers and bad paths, and
is shown never to write into the output folder. The headers the docs tell
hosts to add are served with the site, and search still works under them.

`docs/robustness.md` lists each case with what the user sees.
"""

from __future__ import annotations

import hashlib
import html
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from helpers import HANG, HANG_MS, REPO, _QuietHandler, free_port, static_server, wait_for_line

# --- the hostile site ---------------------------------------------------------------------


def marker(field: str) -> str:
    """What a hostile contributor puts into `field`: each field's own text, to find where it went."""
    return (
        f"[{field}]</script><script>window.__pwned='{field}';alert('{field}')</script>"
        f"<img src=x onerror=\"window.__pwned='{field}'\">&amp; <!--<script>\u2028\u2029 end"
    )


def script(tag: str) -> str:
    return f"<script>window.__pwned='{tag}';alert('{tag}')</script>"


MEETING_TEXT = (
    "CABINET\n\nMonday, 2nd March, 2015\n\nPresent: Councillor Smith (in the Chair)\n\n1. Apologies\n\nNone.\n"
)
HOSTILE_PAPERS = {
    # name: (bytes, the name it must be published under)
    "evil-page.html": (
        f"<!doctype html><html><head><title>Cabinet</title>{script('html')}</head><body>"
        f"<h1>CABINET</h1><p>Monday, 2nd March, 2015</p><img src=x onerror=\"window.__pwned='html-img'\">"
        "<p>Present: Councillor Smith</p><h2>1. Apologies</h2><p>None.</p></body></html>",
        "evil-page.html.txt",
    ),
    "evil-old.htm": (f"<html><body onload=\"window.__pwned='htm'\">{script('htm')}<pre>{MEETING_TEXT}</pre>", ""),
    "evil-image.svg": (
        "<svg xmlns='http://www.w3.org/2000/svg' onload=\"window.__pwned='svg';alert('svg')\">"
        f"<script>window.__pwned='svg-script'</script><text>{MEETING_TEXT}</text></svg>",
        "",
    ),
    "evil-data.xml": (
        "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body>"
        f"<script>window.__pwned='xml'</script><pre>{MEETING_TEXT}</pre></body></html>",
        "",
    ),
    "evil-app.xhtml": (
        "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body>"
        f"<script>window.__pwned='xhtml'</script><p>{MEETING_TEXT}</p></body></html>",
        "",
    ),
    "evil-notes.md": (f"---\ntitle: Cabinet\n---\n\n{script('md')}\n\n{MEETING_TEXT}", ""),
    "evil-noext": (f"<html>{script('noext')}<body><pre>{MEETING_TEXT}</pre></body></html>", ""),
    "evil-text.txt": (f"{script('txt')}\n\n{MEETING_TEXT}", "evil-text.txt"),
}
"""Each paper carries a script; a sidecar gives each its own meeting, so each makes records and is published."""


def published(name: str) -> str:
    return HOSTILE_PAPERS[name][1] or name + ".txt"


RECORD_FIELDS = (
    "committee",
    "title",
    "venue",
    "attendance.chair",
    "attendance.present",
    "attendance.apologies",
    "attendance.in_attendance",
    "items.number",
    "items.title",
    "items.anchor",
    "items.pages",
    "items.resolutions",
    "items.declarations",
    "citations.text",
    "citations.committee",
    "citations.minute",
    "next_meeting.venue",
    "next_meeting.text",
    "body_of",
    "warnings",
)
AGENDA_FIELDS = (
    "agenda.title",
    "agenda.membership.name",
    "agenda.membership.role",
    "agenda.items.title",
    "agenda.items.pages",
)
REPORT_FIELDS = ("report.title", "report.agenda_item")
PAGE_FIELDS = ("page.title", "page.description")
SETTINGS_FIELDS = ("settings.title", "settings.council")
EVERY_FIELD = RECORD_FIELDS + AGENDA_FIELDS + REPORT_FIELDS + PAGE_FIELDS + SETTINGS_FIELDS

MEETING = "hostile/2015-03-09"
CONTROL = "Cab\x0binet\x07 of\x85 \ufffe\x1b[31mRed"
"""Control characters as YAML escapes write them: none may reach a feed or calendar."""
SETTINGS_CONTROL = "Con\x0btrols\x07 \x1b[1mboard\x00"
"""The same in a committee's name in site.yaml, which goes to the feeds and calendars as it is written."""
LOOK_ALIKES = (
    "Councillor Hussain",
    "Councillor Hus\u200bsain",  # a zero-width space
    "Councillor \uff28ussain",  # a full-width H
    "\u2066Councillor Hussain\u2069",  # a bidirectional isolate
    "Councillor\u00a0Hussain\u200d",  # a no-break space, a zero-width joiner
)


def minutes(site: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(
        [sys.executable, "-m", "minutes", *args], capture_output=True, text=True, cwd=site, env=env, timeout=timeout
    )


def write_record(path: Path, front: dict, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Escaped YAML, as an editor or a script may write it: the characters arrive through the escapes.
    text = yaml.safe_dump(front, sort_keys=False, allow_unicode=False, width=1000)
    path.write_text(f"---\n{text}---\n\n{body}\n", encoding="utf-8")


def hostile_records(site: Path) -> None:
    m = marker
    meeting = site / "content" / "meetings" / MEETING
    write_record(
        meeting / "minutes.md",
        {
            "kind": "minutes",
            "committee": m("committee"),
            "date": "2015-03-09",
            "time": "10:00",
            "venue": m("venue"),
            "title": m("title"),
            "attendance": {
                "chair": m("attendance.chair"),
                "present": [m("attendance.present"), *LOOK_ALIKES],
                "apologies": [m("attendance.apologies")],
                "in_attendance": [m("attendance.in_attendance")],
            },
            "items": [
                {
                    "number": m("items.number"),
                    "title": m("items.title"),
                    "anchor": m("items.anchor"),
                    "pages": m("items.pages"),
                    "resolutions": [m("items.resolutions")],
                    # Shown on the page of the member it names (members get pages; see docs/people.md).
                    "declarations": ["Councillor Hussain: " + m("items.declarations")],
                }
            ],
            "citations": [
                {
                    "text": m("citations.text"),
                    "committee": m("citations.committee"),
                    "date": "2015-02-01",
                    "minute": m("citations.minute"),
                }
            ],
            "next_meeting": {
                "date": "2015-04-09",
                "time": "10:00",
                "venue": m("next_meeting.venue"),
                "text": m("next_meeting.text"),
            },
            "body_of": m("body_of"),
            "warnings": [m("warnings")],
        },
        f"## The business\n\nThe meeting noted {m('citations.text')} and a word to search for: quokkaterror.",
    )
    write_record(
        meeting / "agenda.md",
        {
            "kind": "agenda",
            "committee": m("committee"),
            "date": "2015-03-09",
            "title": m("agenda.title"),
            "attendance": {"membership": [{"name": m("agenda.membership.name"), "role": m("agenda.membership.role")}]},
            "items": [{"number": "1", "title": m("agenda.items.title"), "pages": m("agenda.items.pages")}],
        },
        "The agenda.",
    )
    write_record(
        meeting / "report-hostile.md",
        {
            "kind": "report",
            "committee": m("committee"),
            "date": "2015-03-09",
            "title": m("report.title"),
            "agenda_item": m("report.agenda_item"),
        },
        "A report.",
    )
    write_record(
        site / "content" / "meetings" / "controls" / "2015-05-01" / "minutes.md",
        {"kind": "minutes", "committee": CONTROL, "date": "2015-05-01", "venue": CONTROL, "title": CONTROL},
        "Minutes with control characters in their front-matter.",
    )
    write_record(
        site / "content" / "pages" / "notes.md",
        {"title": m("page.title"), "description": m("page.description")},
        "A hand-written page.",
    )


def hostile_papers(site: Path) -> None:
    papers = site / "content" / "papers"
    for n, (name, (text, _)) in enumerate(sorted(HOSTILE_PAPERS.items()), start=1):
        (papers / name).write_text(text, encoding="utf-8")
        (papers / name).with_suffix(".yaml").write_text(
            f"committee: Sidecar {n}\ndate: 2016-01-{n:02d}\n", encoding="utf-8"
        )


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A new site holding the hostile papers and records, built with search through the command line."""
    site = tmp_path_factory.mktemp("hostile") / "site"
    created = minutes(site.parent, "new", "site")
    assert created.returncode == 0, created.stderr
    settings = site / "site.yaml"
    settings.write_text(
        yaml.safe_dump(
            {
                "title": marker("settings.title"),
                "council": marker("settings.council"),
                "committees": {"controls": {"name": SETTINGS_CONTROL}},
            },
            allow_unicode=False,
        )
        + "url: https://minutes.example.org\nreview_notes: true\nbuild_date: 2015-03-01\n",
        encoding="utf-8",
    )
    hostile_papers(site)
    hostile_records(site)
    built = minutes(site, "build", "--keep-going")
    return site, built


def core(field: str) -> str:
    """The marker up to its line separators, which a name loses (spaces are collapsed in names)."""
    return marker(field).split("\u2028")[0]


def as_markdown(field: str) -> str:
    """The marker as a Markdown field shows it: the entity `&amp;` means `&` there."""
    return core(field).replace("&amp;", "&")


SHOWN_ON_PAGES = tuple(
    f
    for f in EVERY_FIELD
    if f
    not in (
        "title",
        "citations.minute",
        "next_meeting.text",
        "body_of",
        "items.pages",
        "agenda.items.pages",
        "agenda.title",
    )
)
"""Fields the default theme shows on some page. The others are published in the open data only."""


def output_of(hostile_site) -> Path:
    return hostile_site[0] / "output"


# --- 2: original papers are published as inert files ---------------------------------------


@pytest.mark.parametrize(
    ("paper", "name"),
    [
        ("minutes.pdf", "minutes.pdf"),
        ("Minutes.PDF", "Minutes.PDF"),
        ("pack.docx", "pack.docx"),
        ("old.doc", "old.doc"),
        ("pack.odt", "pack.odt"),
        ("pack.rtf", "pack.rtf"),
        ("notes.txt", "notes.txt"),
        ("page.html", "page.html.txt"),
        ("page.HTM", "page.HTM.txt"),
        ("app.xhtml", "app.xhtml.txt"),
        ("image.svg", "image.svg.txt"),
        ("image.svgz", "image.svgz.txt"),
        ("data.xml", "data.xml.txt"),
        ("notes.md", "notes.md.txt"),
        ("saved.mht", "saved.mht.txt"),
        ("noextension", "noextension.txt"),
        ("minutes.pdf.html", "minutes.pdf.html.txt"),
        ("content/papers/page.html", "page.html.txt"),
    ],
)
def test_published_name_is_inert_on_any_host(paper, name):
    from minutes.site.originals import published_name

    assert published_name(paper) == name


def test_hostile_papers_are_published_byte_for_byte_as_inert_files(hostile_site):
    site, built = hostile_site
    assert built.returncode == 0, built.stderr
    output = output_of(hostile_site)
    papers = output / "papers"
    for name in HOSTILE_PAPERS:
        target = papers / published(name)
        assert target.read_bytes() == (site / "content" / "papers" / name).read_bytes(), name
    suffixes = {p.suffix.lower() for p in papers.iterdir()}
    assert suffixes <= {".txt", ".pdf", ".docx", ".doc", ".odt", ".rtf"}, suffixes
    # Every meeting page links the name the paper is published under, and nothing links the raw name.
    links = set()
    for page in output.rglob("index.html"):
        links |= set(re.findall(r'href="/papers/([^"]+)"', page.read_text(encoding="utf-8")))
    assert links == {published(name) for name in HOSTILE_PAPERS}


def test_two_papers_taking_one_published_name_are_reported(tmp_path, hostile_site):
    site = tmp_path / "site"
    shutil.copytree(hostile_site[0], site, ignore=shutil.ignore_patterns("output", ".minutes-*"))
    papers = site / "content" / "papers"
    (papers / "evil-page.html.txt").write_text(MEETING_TEXT, encoding="utf-8")
    (papers / "evil-page.html.yaml").write_text("committee: Shadow\ndate: 2016-02-01\n", encoding="utf-8")
    built = minutes(site, "build", "--no-search")
    assert built.returncode == 1
    assert (
        "content/papers/evil-page.html.txt: error: would be published as papers/evil-page.html.txt, the name "
        "evil-page.html takes when it is published as text; rename one of the two papers" in built.stderr
    ), built.stderr


# --- 5: script data, and every front-matter field, escaped ----------------------------------


@pytest.mark.parametrize("value", ["<", ">", "&", "\u2028", "\u2029", "</script>", "<!--<script>", "a</SCRIPT >b"])
def test_script_json_escapes_what_could_end_or_hide_the_element(value):
    from minutes.pages.render import script_json

    written = script_json({"name": value})
    assert not set(written) & set("<>&\u2028\u2029"), written
    assert json.loads(written) == {"name": value}


class _Elements(HTMLParser):
    """Every element of a page with its attributes, and the text of each script element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script, self._script_text = dict(attrs), []

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._script_text)))
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self._script_text.append(data)


THEME_SCRIPTS = {"/pagefind/pagefind-ui.js", "/static/search.js"}


def test_every_field_is_escaped_on_every_page(hostile_site):
    """No page holds an element or attribute made by a field; each shown field's text is there as text."""
    output = output_of(hostile_site)
    shown: set[str] = set()
    for page in sorted(output.rglob("*.html")):
        source = page.read_text(encoding="utf-8")
        parsed = _Elements()
        parsed.feed(source)
        parsed.close()
        where = page.relative_to(output).as_posix()
        assert not [t for t, _ in parsed.tags if t in ("img", "svg", "iframe", "object", "embed")], where
        assert not [(t, a) for t, attrs in parsed.tags for a in attrs if a.lower().startswith("on")], where
        for attrs, text in parsed.scripts:
            if attrs.get("type") == "application/ld+json":
                assert not set(text) & set("<>&\u2028\u2029"), where
                json.loads(text)
            else:
                assert attrs.get("src") in THEME_SCRIPTS and not text.strip(), (where, attrs, text[:200])
        text = html.unescape(source)
        shown |= {f for f in EVERY_FIELD if core(f) in text or as_markdown(f) in text}
    assert set(SHOWN_ON_PAGES) <= shown, sorted(set(SHOWN_ON_PAGES) - shown)


def test_json_ld_gives_back_the_values_exactly(hostile_site):
    page = (output_of(hostile_site) / MEETING / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(found) == 1
    raw = found[0]
    assert not set(raw) & set("<>&\u2028\u2029")
    event = json.loads(raw)
    assert event["location"]["name"] == marker("venue")
    assert marker("committee") in event["name"]
    # What follows the data is still the page: the data did not swallow it.
    assert page.index("</script>", page.index(raw)) < page.index('<h1 data-pagefind-meta="title">')


def test_fields_not_shown_by_the_theme_are_in_the_open_data(hostile_site):
    data = json.loads((output_of(hostile_site) / "data" / "meetings" / f"{MEETING}.json").read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    for field in set(EVERY_FIELD) - set(SHOWN_ON_PAGES) - {"agenda.title", "title", "next_meeting.text", "body_of"}:
        assert json.dumps(marker(field), ensure_ascii=False)[1:-1] in text, field


# --- 18: feeds and calendars well-formed; control characters; look-alike names ---------------

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def test_control_characters_are_removed_with_a_warning_naming_file_and_line(hostile_site):
    _site, built = hostile_site
    record = "content/meetings/controls/2015-05-01/minutes.md"
    for line, key in ((3, "committee"), (5, "venue"), (6, "title")):
        assert (
            f"{record}:{line}: warning: {key}: removed 5 control characters (U+000B, U+0007, U+0085, U+FFFE, "
            "U+001B), which no page, feed or calendar can show; delete them from the file"
        ) in built.stderr, built.stderr
    assert "Traceback" not in built.stderr


@pytest.mark.parametrize(("raw", "shown"), [("\x07", "#x0007"), ("\x1b", "#x001b"), ("\x7f", "#x007f")])
def test_raw_control_characters_in_front_matter_are_refused_at_their_line(tmp_path, raw, shown):
    from minutes.core.config import load_config
    from minutes.site.load import load_site

    record = tmp_path / "content" / "meetings" / "cabinet" / "2015-03-09" / "minutes.md"
    record.parent.mkdir(parents=True)
    record.write_text(f"---\nkind: minutes\ndate: 2015-03-09\ncommittee: Cab{raw}inet\n---\n\nText.\n")
    problems = [str(p) for p in load_site(load_config(tmp_path)).problems]
    assert problems == [
        f"content/meetings/cabinet/2015-03-09/minutes.md:4: error: malformed YAML: unacceptable character {shown}: "
        "control characters are not allowed (skipped: this record, of the meeting cabinet/2015-03-09)"
    ]


def test_feeds_are_well_formed_atom_for_real_parsers(hostile_site):
    import feedparser

    output = output_of(hostile_site)
    feeds = sorted(output.rglob("feed.xml"))
    assert len(feeds) >= 3
    for path in feeds:
        data = path.read_bytes()
        assert not CONTROLS.search(data.decode("utf-8")), path
        ET.fromstring(data)  # an XML parser refuses an ill-formed feed
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    titles = [e.title for e in feedparser.parse((output / "hostile" / "feed.xml").read_bytes()).entries]
    assert any(core("committee") in t for t in titles), titles
    controls = feedparser.parse((output / "controls" / "feed.xml").read_bytes())
    assert controls.feed.title.startswith("Controls [1mboard – ")
    assert [e.title for e in controls.entries] == ["Minutes published: Controls [1mboard, Friday 1 May 2015"]


def test_calendars_are_read_by_icalendar(hostile_site):
    import icalendar

    output = output_of(hostile_site)
    events = {}
    for path in sorted(output.rglob("calendar.ics")):
        text = path.read_bytes().decode("utf-8")
        assert not CONTROLS.search(text.replace("\r\n", "")), path
        for event in icalendar.Calendar.from_ical(text).walk("VEVENT"):
            events[str(event["UID"]).split("@")[0]] = event
    hostile = events["hostile-2015-03-09"]
    assert str(hostile["LOCATION"]) == marker("venue").replace("\u2028", "\n").replace("\u2029", "\n")
    assert str(events["controls-2015-05-01"]["SUMMARY"]) == "Controls [1mboard"
    assert str(events["controls-2015-05-01"]["LOCATION"]) == "Cabinet of [31mRed"


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Councillor Hussain", "Councillor Hussain"),
        ("Councillor Hus\u200bsain", "Councillor Hussain"),
        ("Councillor \uff28ussain", "Councillor Hussain"),
        ("\u2066Councillor Hussain\u2069", "Councillor Hussain"),
        ("\u202eCouncillor Hussain", "Councillor Hussain"),
        ("Councillor\u00a0\u00a0Hussain\u200d", "Councillor Hussain"),
        ("Councillor\u2028Hussain", "Councillor Hussain"),
        ("Councillor Hussain\x07", "Councillor Hussain"),
        ("Councillor Siân O\u2019Brien", "Councillor Siân O\u2019Brien"),
        ("Councillor Sia\u0302n", "Councillor Siân"),
    ],
)
def test_names_are_brought_to_one_form(printed, name):
    from minutes.records.characters import clean_name

    assert clean_name(printed) == name


def test_look_alike_names_make_one_person(hostile_site):
    _site, built = hostile_site
    people = sorted(p.name for p in (output_of(hostile_site) / "people").iterdir() if "hussain" in p.name)
    assert people == ["councillor-hussain"]
    record = "content/meetings/hostile/2015-03-09/minutes.md"
    assert (
        f"{record}:8: warning: attendance.present[2]: removed 1 invisible character (U+200B ZERO WIDTH SPACE) "
        "from the name 'Councillor Hussain'"
    ) in built.stderr, built.stderr
    page = (output_of(hostile_site) / "people" / "councillor-hussain" / "index.html").read_text(encoding="utf-8")
    assert "9 March 2015" in page


# --- no script runs on any published file, in a real Chromium over HTTP ----------------------

PROBE = "() => window.__pwned === undefined ? null : String(window.__pwned)"


def _ran_scripts(page, url: str) -> str | None:
    """What a hostile script left when `url` was opened, or None; downloads open nothing."""
    try:
        page.goto(url, wait_until="load")
    except Exception as exc:  # Playwright reports a download as a failed navigation
        if "Download is starting" in str(exc):
            return None
        raise
    page.wait_for_timeout(50)  # an onerror of a broken image fires after load
    return page.evaluate(PROBE)


@pytest.mark.browser
def test_the_probe_sees_the_scripts_of_papers_served_as_they_are(tmp_path, page):
    """The check below can fail: the same papers, served under their own names, run their scripts."""
    for name, (text, _) in HOSTILE_PAPERS.items():
        if name.endswith((".html", ".svg", ".xhtml", ".htm")):
            (tmp_path / name).write_text(text, encoding="utf-8")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with static_server(tmp_path) as host:
        ran = {name: _ran_scripts(page, f"{host}/{name}") for name in sorted(os.listdir(tmp_path))}
    assert all(ran.values()), ran
    assert dialogs


@pytest.mark.browser
def test_no_script_runs_on_any_published_file(hostile_site, page):
    output = output_of(hostile_site)
    files = sorted(
        p.relative_to(output).as_posix()
        for p in output.rglob("*")
        if p.is_file() and p.relative_to(output).parts[0] != "pagefind"
    )
    assert any(f.startswith("papers/") for f in files) and any(f.endswith(".xml") for f in files)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    ran = {}
    with static_server(output) as host:
        for relative in files:
            url = f"{host}/{relative.removesuffix('index.html')}"
            result = _ran_scripts(page, url)
            if result is not None:
                ran[relative] = result
        # The search page with results, filters and excerpts drawn from the hostile records.
        for word in ("quokkaterror", "onerror", "script"):
            page.goto(f"{host}/search/?q={word}")
            page.locator(".pagefind-ui__result-link").first.wait_for(timeout=HANG_MS)
            page.locator(".pagefind-ui__filter-name").first.wait_for(timeout=HANG_MS)
            page.wait_for_timeout(100)
            result = page.evaluate(PROBE)
            if result is not None:
                ran[f"search/?q={word}"] = result
        labels = page.evaluate(
            "() => Array.from(document.querySelectorAll('.pagefind-ui__filter-label'), e => e.textContent)"
        )
    assert ran == {} and dialogs == [], (ran, dialogs)
    # The filter list shows the committee's name as written, neither run nor shown as escapes.
    assert any(core("committee") in label for label in labels), labels


# --- 6 and 17: the preview server ----------------------------------------------------------


@pytest.mark.parametrize(
    ("bound", "host", "answered"),
    [
        ("127.0.0.1", "127.0.0.1:8000", True),
        ("127.0.0.1", "localhost:8000", True),
        ("127.0.0.1", "LOCALHOST.:8000", True),
        ("127.0.0.1", "[::1]:8000", True),
        ("127.0.0.1", "review.localhost:8000", True),
        ("127.0.0.1", "localhost", True),
        ("127.0.0.1", "attacker.example:8000", False),
        ("127.0.0.1", "localhost.attacker.example", False),
        ("127.0.0.1", "127.0.0.1.nip.io:8000", False),
        ("127.0.0.1", "192.168.1.20:8000", False),
        ("127.0.0.1", "", False),
        ("127.0.0.1", None, False),
        ("192.168.1.20", "192.168.1.20:8000", True),
        ("192.168.1.20", "10.0.0.1:8000", False),
        ("preview.lan", "preview.lan:8000", True),
        ("preview.lan", "other.lan:8000", False),
        ("::1", "[::1]:8000", True),
        ("0.0.0.0", "192.168.1.20:8000", True),
        ("0.0.0.0", "[fe80::1]:8000", True),
        ("0.0.0.0", "attacker.example:8000", False),
    ],
)
def test_host_check(bound, host, answered):
    from minutes.serve.hosts import HostCheck

    assert HostCheck(bound).allows(host) is answered


def _tree_hash(folder: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@pytest.fixture(scope="module")
def served(tmp_path_factory, hostile_site):
    """A copy of the hostile site, built (without reviewer notes or doubts) and then previewed by a real `minutes serve`."""
    site = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(hostile_site[0], site, ignore=shutil.ignore_patterns("output"))
    settings = site / "site.yaml"
    # Published without the notes (which records nobody has reviewed would show, marked, by default).
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("review_notes: true", "review_notes: false\nunreviewed: omit")
    )
    built = minutes(site, "build", "--no-search")
    assert built.returncode == 0, built.stderr
    port = free_port()
    log_path = site.parent / "serve.log"
    log = open(log_path, "w")
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", "serve", "--no-search", "--port", str(port)],
        cwd=site,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        end = time.monotonic() + HANG
        while True:
            assert process.poll() is None, log_path.read_text(encoding="utf-8")
            try:
                if _ask(port, "/")[0].status == 200:
                    break
            except OSError:  # not listening yet: the first build is under way
                assert time.monotonic() < end, log_path.read_text(encoding="utf-8")
                time.sleep(0.1)
        yield site, port, process, log_path
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def _ask(port: int, path: str, host: str | None = "127.0.0.1", method: str = "GET"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response, body


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:{port}", 200),
        ("localhost:{port}", 200),
        ("[::1]:{port}", 200),
        ("attacker.example:{port}", 403),
        ("attacker.example", 403),
        ("127.0.0.1.attacker.example:{port}", 403),
        (None, 403),
    ],
)
def test_serve_answers_only_requests_for_its_own_host(served, host, status):
    _site, port, process, _log_path = served
    response, body = _ask(port, "/", None if host is None else host.format(port=port))
    assert response.status == status, body[:300]
    if status == 403:
        assert "This preview answers only requests for 127.0.0.1, ::1, localhost" in body
        assert "Points for a reviewer" not in body and "<html" not in body
    assert process.poll() is None


def test_serve_names_a_refused_host_in_its_log(served):
    _site, port, _process, log_path = served
    _ask(port, "/", "rebinding.example:80")
    assert (
        "refused a request for the host 'rebinding.example:80': the preview answers only to 127.0.0.1, ::1, "
        "localhost; to open it from another machine, run minutes serve --host"
    ) in wait_for_line(log_path, "rebinding.example")


@pytest.mark.parametrize(
    "path", ["/%00", "/%00/../site.yaml", "/hostile/%00/", "/papers/a%00.txt", "/%01", "/%7f", "/" + "a" * 300]
)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_serve_answers_a_bad_request_with_400(served, path, method):
    _site, port, process, log_path = served
    response, body = _ask(port, path, method=method)
    assert response.status == 400, body[:300]
    assert method == "HEAD" or body.startswith("Bad request: ")
    assert process.poll() is None
    assert _ask(port, "/")[0].status == 200
    assert "Traceback" not in log_path.read_text(encoding="utf-8")


def test_serve_sends_papers_as_inert_text(served):
    _site, port, _process, _log = served
    response, body = _ask(port, "/papers/evil-page.html.txt")
    assert response.status == 200
    assert response.getheader("Content-Type").startswith("text/plain")
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Content-Security-Policy") == "sandbox"
    assert "<script>window.__pwned='html'" in body
    assert _ask(port, "/papers/evil-page.html")[0].status == 404
    head, _ = _ask(port, "/../site.yaml", method="HEAD")
    assert head.status == 404


def test_serve_never_writes_into_the_output_folder(served):
    site, port, _process, log_path = served
    output, preview = site / "output", site / ".minutes-preview" / "site"
    before = _tree_hash(output)
    # The preview shows the reviewer's notes; the built site does not.
    assert "Points for a reviewer" in (preview / MEETING / "index.html").read_text(encoding="utf-8")
    assert "Points for a reviewer" not in (output / MEETING / "index.html").read_text(encoding="utf-8")
    record = site / "content" / "meetings" / MEETING / "minutes.md"
    logged = len(log_path.read_text(encoding="utf-8"))
    record.write_text(record.read_text(encoding="utf-8") + "\nA sentence about medlars.\n", encoding="utf-8")
    wait_for_line(log_path, "updated 1 page", start=logged)
    assert "medlars" in _ask(port, f"/{MEETING}/")[1]
    assert _tree_hash(output) == before
    # A build meanwhile publishes into output/ and leaves the preview as it is.
    previewed = _tree_hash(preview)
    built = minutes(site, "build", "--no-search")
    assert built.returncode == 0, built.stderr
    assert "medlars" in (output / MEETING / "index.html").read_text(encoding="utf-8")
    assert _tree_hash(preview) == previewed
    assert "Points for a reviewer" not in (output / MEETING / "index.html").read_text(encoding="utf-8")
    assert ".minutes-preview/" in (site / ".gitignore").read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", ["output", "output/preview", "."])
def test_serve_refuses_to_preview_into_the_output_folder(hostile_site, tmp_path, folder):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(hostile_site[0] / "site.yaml", site / "site.yaml")
    refused = minutes(site, "serve", "--no-search", "--port", str(free_port()), "--output", folder, timeout=60)
    assert refused.returncode == 1
    assert "minutes serve never writes into the output folder (output), which is what gets published" in (
        refused.stderr
    ), refused.stderr
    assert not (site / "output").exists()


# --- the headers docs/robustness.md tells hosts to add ---------------------------------------


def documented_headers() -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of the `_headers` file in docs/robustness.md: (path pattern, [(header, value)])."""
    text = (REPO / "docs" / "robustness.md").read_text(encoding="utf-8")
    block = re.search(r"```\n# _headers\n(.*?)```", text, re.S)
    assert block, "docs/robustness.md lost its _headers example"
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in block.group(1).splitlines():
        if line and not line[0].isspace():
            rules.append((line.strip(), []))
        elif line.strip():
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


class _HostWithHeaders(_QuietHandler):
    """A static host sending the documented headers, combined as Netlify does when several rules match."""

    rules: tuple[tuple[str, list[tuple[str, str]]], ...] = ()

    def end_headers(self):
        path = self.path.split("?", 1)[0]
        combined: dict[str, list[str]] = {}
        for pattern, headers in self.rules:
            if path == pattern or (pattern.endswith("*") and path.startswith(pattern[:-1])):
                for name, value in headers:
                    combined.setdefault(name, []).append(value)
        for name, values in combined.items():
            self.send_header(name, ", ".join(values))
        super().end_headers()


@pytest.mark.browser
def test_the_documented_headers_keep_the_site_working(hostile_site, page):
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    output = output_of(hostile_site)
    handler = type("Host", (_HostWithHeaders,), {"rules": tuple(documented_headers())})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(output)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host = f"http://127.0.0.1:{httpd.server_address[1]}"
    refused: list[str] = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    try:
        page.goto(f"{host}/search/?q=quokkaterror")
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=HANG_MS)
        page.goto(f"{host}/{MEETING}/")
        assert page.locator("h1").count() == 1
        # An original is downloaded, not shown.
        with page.expect_download() as download:
            page.evaluate("url => { window.location.href = url; }", f"{host}/papers/{published('evil-page.html')}")
        assert download.value.suggested_filename == published("evil-page.html")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert refused == []
