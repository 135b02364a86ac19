"""The published pages say what the records say: every word, each resolution once, doubts never as fact."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser

import pytest

from helpers import copy_demo_site
from minutes.build import build
from minutes.core.config import load_config
from minutes.pages.markdown_html import render_markdown
from minutes.pages.opening import is_printed_heading
from minutes.papers import convert_papers
from minutes.records.record import Attendance, DocumentRecord, Item
from minutes.site.links import resolve_citations
from minutes.site.load import load_site

_WORD = re.compile(r"[^\W_]+")


class _Text(HTMLParser):
    """The text of <main> a reader sees (no `hidden` element), and separately the text inside its <details>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.main = 0
        self.details = 0
        self.hidden: tuple[str, int] | None = None
        """The hidden element being read (its tag), and how deep elements of that tag are nested in it."""
        self.text: list[str] = []
        self.folded: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.hidden is not None:
            if tag == self.hidden[0]:
                self.hidden = (tag, self.hidden[1] + 1)
            return
        if any(name == "hidden" for name, _ in attrs):
            self.hidden = (tag, 1)
        elif tag == "main":
            self.main += 1
        elif tag == "details":
            self.details += 1

    def handle_endtag(self, tag):
        if self.hidden is not None:
            if tag == self.hidden[0]:
                self.hidden = (tag, self.hidden[1] - 1) if self.hidden[1] > 1 else None
            return
        if tag == "main":
            self.main -= 1
        elif tag == "details":
            self.details -= 1

    def handle_data(self, data):
        if self.main and self.hidden is None:
            self.text.append(data)
            if self.details:
                self.folded.append(data)


def page_text(path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def words(text: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(text))


def body_words(body: str) -> Counter:
    """A body's words as a reader sees them: its Markdown rendered, without markup or hidden elements."""
    parser = _Text()
    parser.feed("<main>" + render_markdown(body).html.replace("<", " <") + "</main>")
    return words(unescape(" ".join(parser.text)))


@pytest.fixture(scope="module")
def site(demo_build):
    root, result = demo_build
    return load_site(load_config(root)), result.output


def test_every_word_of_every_record_reaches_its_page(site):
    loaded, output = site
    pages: dict[str, Counter] = {}
    for doc in loaded.all_documents():
        pages[doc.url] = pages.get(doc.url, Counter()) + body_words(doc.body)
    assert len(pages) >= 20
    lost = {}
    for url, wanted in pages.items():
        shown = words(" ".join(page_text(output / url / "index.html").text))
        missing = wanted - shown
        if missing:
            lost[url] = sorted(missing.elements())[:20]
    assert lost == {}


def test_modern_gov_minutes_show_their_minutes_text(site):
    """The web page's '**Minutes:**' sections: the appointments made under item 5 are on the page."""
    loaded, output = site
    undated = next(m for m in loaded.meetings.values() if m.date is None)
    text = " ".join(" ".join(page_text(output / undated.url / "index.html").text).split())
    assert "Lead Representative: - Councillor V. Cusworth" in text
    assert "No Declarations of Interest were made." in text


def test_every_resolution_is_shown_exactly_once(site):
    loaded, output = site
    checked = 0
    for meeting in loaded.meetings.values():
        if meeting.minutes is None:
            continue
        text = " ".join(" ".join(page_text(output / meeting.url / "index.html").text).split())
        expected = Counter(" ".join(r.split()) for item in meeting.minutes.record.items for r in item.resolutions)
        for resolution, times in expected.items():
            assert text.count(resolution) == times, f"{meeting.url}: {resolution!r}"
            checked += 1
    assert checked >= 20


def test_the_folded_opening_never_holds_the_substance_of_minutes(site):
    loaded, output = site
    for meeting in loaded.meetings.values():
        if meeting.minutes is None:
            continue
        page = page_text(output / meeting.url / "index.html")
        folded = " ".join(" ".join(page.folded).split())
        for item in meeting.minutes.record.items:
            assert item.title not in folded, f"{meeting.url}: item {item.title!r} is folded away"
    youth = next(m for m in loaded.meetings.values() if m.committee == "rotherham-youth-cabinet")
    page = page_text(output / youth.url / "index.html")
    assert "Manifesto Launch" in " ".join(page.text) and "Manifesto Launch" not in " ".join(page.folded)


def _record(items=(Item("1", "Budget", "item-1"),)) -> DocumentRecord:
    return DocumentRecord(
        kind="minutes",
        committee="Rotherham Youth Cabinet",
        title="Minutes",
        attendance=Attendance(
            chair="Alicia Wilson", present=("Alicia Wilson", "Oliver Blake"), apologies=("Rumbi Kambarami",)
        ),
        items=items,
    )


@pytest.mark.parametrize(
    ("text", "items", "folded"),
    [
        (
            "**ROTHERHAM YOUTH CABINET MEETING 26 November 2014**\n\n**Minutes**\n\n**Present:** Alicia Wilson (Chair), "
            "Oliver Blake\n\n**Apologies** Rumbi Kambarami",
            True,
            True,
        ),
        ("Apologies for absence were received from Rumbi Kambarami.", True, True),
        (
            "The group read through the minutes of the last meeting and agreed to write to the Leader about buses.",
            True,
            False,
        ),
        ("**Minutes** Present: Alicia Wilson", False, False),  # a record without items: its body is the minutes
    ],
)
def test_is_printed_heading(text, items, folded):
    record = _record() if items else _record(items=())
    assert is_printed_heading(text, record) is folded


def test_a_published_page_says_what_no_person_has_confirmed(site):
    """By default (`unreviewed: mark`) the converter's notes on a record nobody has reviewed are on the
    record's own page, under "Not yet confirmed", never as the preview's points for a reviewer; no other
    page shows them (see test_unreviewed.py for omit and refuse)."""
    loaded, output = site
    noted: dict[str, tuple[str, ...]] = {}
    for d in loaded.all_documents():
        noted[d.url] = noted.get(d.url, ()) + d.record.warnings
    noted = {url: warnings for url, warnings in noted.items() if warnings}
    assert noted, "the demo records carry converter notes; this test needs one"
    notes = {w for warnings in noted.values() for w in warnings}
    for page in output.rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        html = unescape(page.read_text(encoding="utf-8"))
        assert "Points for a reviewer" not in html, page
        url = page.parent.relative_to(output).as_posix() + "/"
        if url in noted:
            assert "Not yet confirmed." in html, page
            assert all(n in html for n in noted[url]), page
        else:
            assert not [n for n in notes if n in html], page


def test_reviewer_notes_are_shown_when_the_site_asks(tmp_path):
    from helpers import copy_demo_site
    from minutes.build import build

    root = copy_demo_site(tmp_path / "site")
    (root / "site.yaml").write_text(
        (root / "site.yaml").read_text(encoding="utf-8") + "review_notes: true\n", encoding="utf-8"
    )
    output = build(load_config(root), search=False).output
    site = load_site(load_config(root))
    undated = next(m for m in site.meetings.values() if m.date is None)
    html = unescape((output / undated.url / "index.html").read_text(encoding="utf-8"))
    assert "Points for a reviewer" in html
    assert all(w in html for w in undated.warnings)


def test_check_lists_reviewer_notes_without_counting_them_as_problems(demo_build):
    from helpers import run_minutes

    root, _ = demo_build
    result = run_minutes("check", "--site", str(root))
    assert result.returncode == 0, result.stderr
    assert "note: the paper prints no meeting date" in result.stderr
    assert "0 problems found" in result.stderr


def test_every_citation_resolves_where_the_site_holds_its_target(site):
    loaded, _ = site
    links = resolve_citations(loaded)
    held = {(m.committee, m.key) for m in loaded.meetings.values()}
    committee_of = {}
    for meeting in loaded.meetings.values():
        for doc in meeting.documents:
            committee_of.setdefault(doc.record.committee.lower(), meeting.committee)
    checked = 0
    for resolved in (r for rs in links.by_document.values() for r in rs):
        citation = resolved.citation
        # A citation's committee is in the site when its name is a site committee's name without the
        # council's own name ("Youth Cabinet" for "Rotherham Youth Cabinet").
        named = citation.committee.lower()
        target_committee = (
            resolved.source_meeting.committee
            if not named
            else next(
                (slug for name, slug in committee_of.items() if name == named or name == f"rotherham {named}"), None
            )
        )
        if target_committee is not None and named:
            assert resolved.note != f"{citation.committee} is not in this site", citation
        if target_committee and citation.date and (target_committee, citation.date.isoformat()) in held:
            assert resolved.target_meeting is not None, citation
            checked += 1
    assert checked >= 4


def test_change_of_chair_is_shown_and_counted(site):
    loaded, output = site
    html = " ".join(
        (output / "improving-lives-select-commission" / "2020-03-03" / "index.html").read_text(encoding="utf-8").split()
    )
    assert "Councillor Jarvis, the Vice-Chair took the Chair for the remainder of the meeting." in html
    # The sentence ends minute 60's text: she chaired from minute 61, as the record says.
    assert re.search(
        r'<dt>Chair</dt> <dd><a href="/people/councillor-cusworth/">[^<]+</a>; then '
        r'<a href="/people/councillor-jarvis/">Councillor Jarvis</a> \(<a href="#item-61">from minute 61</a>\)</dd>',
        html,
    )
    minutes = loaded.meetings[("improving-lives-select-commission", "2020-03-03")].minutes
    assert [(c.name, c.from_item) for c in minutes.record.chair_changes] == [("Councillor Jarvis", "61")]
    jarvis = " ".join((output / "people" / "councillor-jarvis" / "index.html").read_text(encoding="utf-8").split())
    assert "Meetings chaired" in jarvis
    assert "Member of" in jarvis and "Vice-Chair" in jarvis


def test_the_meeting_page_places_a_change_of_chair_where_its_record_says(tmp_path):
    """A person corrects the record, not the text: the page follows the record's `from_item`."""
    root = copy_demo_site(tmp_path)
    convert_papers(load_config(root))
    record = root / "content/meetings/improving-lives-select-commission/2020-03-03/minutes.md"
    text = record.read_text(encoding="utf-8")
    assert text.count("from_item: '61'") == 1
    record.write_text(text.replace("from_item: '61'", "from_item: '62'"), encoding="utf-8")
    output = build(load_config(root), search=False, convert=False).output
    html = " ".join(
        (output / "improving-lives-select-commission/2020-03-03/index.html").read_text(encoding="utf-8").split()
    )
    assert '<a href="/people/councillor-jarvis/">Councillor Jarvis</a> (<a href="#item-62">from minute 62</a>)' in html
    assert "from minute 61" not in html


def test_attendance_names_link_to_person_pages(site):
    """Councillors' names link to their pages; the youth cabinet's members have none (by default)."""
    loaded, output = site
    checked = 0
    for meeting in loaded.meetings.values():
        if meeting.minutes is None or meeting.minutes.record.attendance.is_empty():
            continue
        html = (output / meeting.url / "index.html").read_text(encoding="utf-8")
        section = html.split('id="attendance-heading"')[1].split("</section>")[0]
        linked = re.findall(r'<a href="/people/([^/]+)/">', section)
        if meeting.committee == "rotherham-youth-cabinet":
            assert linked == [], meeting.url
            assert "Alicia Wilson" in section  # the minutes' list is shown as printed, without links
        else:
            assert linked and all(slug.startswith("councillor-") for slug in linked), meeting.url
            assert all((output / "people" / slug / "index.html").is_file() for slug in linked)
        checked += 1
    assert checked >= 4


def test_meeting_page_opens_with_its_items(site):
    _loaded, output = site
    html = (output / "cabinet-member-for-communities-and-cohesion" / "2013-11-18" / "index.html").read_text(
        encoding="utf-8"
    )
    contents = html.split('id="contents-heading"')[1].split("</nav>")[0]
    assert (
        '<a href="#item-e31"><span class="number">E31.</span> Deprived Neighbourhoods - Progress Update</a>' in contents
    )
    assert "Decision made" in contents
    assert contents.index("#item-e29") < contents.index("#item-e34")
    assert html.index('id="contents-heading"') < html.index('id="items-heading"')
