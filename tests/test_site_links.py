"""The published site links records the way their text does, and says so when it cannot."""

import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from minutes.core.slug import slugify

CABINET = "cabinet-member-for-communities-and-cohesion"


class Anchors(HTMLParser):
    """Every <a>: its href and its text; and all text outside links."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []
        self.plain: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href"), []

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None

    def handle_data(self, data):
        (self._text if self._href is not None else self.plain).append(data)


def parse(output, path: str) -> Anchors:
    parser = Anchors()
    parser.feed((output / path / "index.html").read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def output(demo_build):
    return demo_build[1].output


def test_agenda_item_links_to_the_minutes_it_approves(output):
    page = parse(output, f"{CABINET}/2013-12-16")
    targets = [
        href for href, text in page.links if text == "Minutes of the previous meeting held on 18th November, 2013"
    ]
    assert targets and all(t == f"/{CABINET}/2013-11-18/" for t in targets)


def test_minutes_link_forward_to_the_next_meeting_and_say_only_what_the_records_state(output):
    page = parse(output, f"{CABINET}/2013-11-18")
    next_links = [href for href, text in page.links if text.startswith("Monday 16th December, 2013")]
    assert next_links and all(h == f"/{CABINET}/2013-12-16/" for h in next_links)
    html = (output / CABINET / "2013-11-18" / "index.html").read_text(encoding="utf-8")
    # The site holds the agenda of 16 December 2013, not its minutes: approval is only proposed.
    assert "Minutes approved<" not in html
    assert re.search(r"Minutes to be approved</dt><dd>at the <a href=\"/" + CABINET + r"/2013-12-16/\">", html)


def test_the_cited_meeting_lists_what_cites_it(output):
    html = (output / CABINET / "2013-12-16" / "index.html").read_text(encoding="utf-8")
    cited = html.split('id="cited-by-heading"')[1].split("</section>")[0]
    assert f'href="/{CABINET}/2013-11-18/"' in cited


@pytest.mark.parametrize(
    "text",
    [
        "Minute No. C25 (Disadvantaged Areas) of a meeting of the Cabinet held on 20th June, 2012",
        "Minute No. E55 (Restorative Justice – Waiving of Standing Orders)",
    ],
)
def test_citations_of_records_not_in_the_site_stay_plain_text_with_a_note(output, text):
    page = parse(output, f"{CABINET}/2013-11-18")
    assert not [t for _, t in page.links if text in t]
    plain = " ".join(" ".join(page.plain).split())
    assert text in plain
    assert "not linked:" in plain


def test_agenda_item_links_to_minutes_of_another_body_submitted_to_it(output):
    page = parse(output, "children-young-people-and-families-partnership/2014-01-15")
    board = [
        href for href, _ in page.links if href.startswith("/rotherham-local-safeguarding-children-board/2013-09-13/")
    ]
    assert board


def test_reports_link_to_their_agenda_item_and_back(output):
    meeting = parse(output, f"{CABINET}/2013-12-16")
    report = next(href for href, _ in meeting.links if "/report-" in href)
    page = parse(output, report.strip("/"))
    assert any(href == f"/{CABINET}/2013-12-16/#item-7" for href, _ in page.links)


def test_person_page_lists_the_meetings_the_samples_record(output):
    page = parse(output, "people/councillor-cusworth")
    hrefs = {href for href, _ in page.links}
    # She chaired the Improving Lives Select Commission on 3 March 2020 (sample 001) and is
    # named on the 28 July 2020 agenda (001), the 11 October 2017 board (003) and the web page (004).
    assert "/improving-lives-select-commission/2020-03-03/" in hrefs
    assert "/improving-lives-select-commission/2020-07-28/" in hrefs
    assert "/overview-and-scrutiny-management-board/2017-10-11/" in hrefs
    assert any(h.startswith("/improving-lives-select-commission/undated-") for h in hrefs)
    text = " ".join(page.plain)
    assert "Meetings chaired" in text


def test_forms_of_one_name_are_one_person(output):
    people = sorted(p.name for p in (output / "people").iterdir() if p.is_dir())
    assert "councillor-cusworth" in people
    assert not [p for p in people if p.startswith("cusworth") or p == "councillor-v-cusworth"]
    assert not [p for p in people if p.startswith("councillor-hussain-")]


def test_person_pages_go_to_the_councillors_only(output, demo_build):
    """Before, all 100 people named in the demo's records had a page: the youth cabinet's members (children)
    and officers too. By default only the 31 councillors do; every name is still matched into someone."""
    import dataclasses

    from minutes.core.config import load_config
    from minutes.site.load import load_site
    from minutes.site.people import collect_people

    pages = sorted(p.name for p in (output / "people").iterdir() if p.is_dir())
    assert len(pages) == 31 and all(slug.startswith("councillor-") for slug in pages), pages
    loaded = load_site(load_config(demo_build[0]))
    youth = loaded.meetings[("rotherham-youth-cabinet", "2014-01-15")].minutes.record.attendance
    officers = loaded.meetings[("rotherham-local-safeguarding-children-board", "2013-09-13")].minutes.record.attendance
    unpublished = {slugify(n) for n in (youth.chair, *youth.present, *youth.apologies, *officers.present)}
    assert len(unpublished) == 17 + 17 and not unpublished & set(pages)
    people = loaded.config.people
    everyone = dataclasses.replace(people, pages=("councillors", "members", "in_attendance", "youth"))
    loaded.config = dataclasses.replace(loaded.config, people=everyone)
    groups = Counter(p.group for p in collect_people(loaded).values())
    assert groups == {"councillors": 31, "members": 39, "youth": 17, "in_attendance": 13}


def test_decisions_register_lists_resolutions_newest_first(output):
    html = (output / "decisions" / "index.html").read_text(encoding="utf-8")
    years = re.findall(r'href="/decisions/(\d{4})/"', html)
    assert years == sorted(years, reverse=True) and "2020" in years and "2013" in years
    year = (output / "decisions" / "2013" / "index.html").read_text(encoding="utf-8")
    assert "That the information shared be noted." in year
    assert f'href="/{CABINET}/2013-11-18/#item-e33"' in year


def test_archive_by_year_lists_every_dated_meeting(output, demo_build):
    from minutes.core.config import load_config
    from minutes.site.load import load_site

    site = load_site(load_config(demo_build[0]))
    for meeting in site.meetings.values():
        if meeting.date:
            html = (output / "meetings" / str(meeting.date.year) / "index.html").read_text(encoding="utf-8")
            assert f'href="/{meeting.url}"' in html


def test_item_permalinks_and_minute_aliases_exist(output):
    html = (output / CABINET / "2013-11-18" / "index.html").read_text(encoding="utf-8")
    for ident in ("item-e29", "minute-e29", "item-e34", "minute-e34"):
        assert f'id="{ident}"' in html


def test_meeting_page_carries_event_json_ld(output):
    import json

    html = (output / CABINET / "2013-12-16" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event"
    # Local time with the zone's offset; the end is the start and the site's meeting_length (the papers print none).
    assert data["startDate"] == "2013-12-16T13:00:00+00:00"
    assert data["endDate"] == "2013-12-16T15:00:00+00:00"
    assert "Town Hall" in data["location"]["name"]
    assert "url" not in data, "without url in site.yaml the event names no page rather than a path"


def test_meetings_of_the_past_are_never_upcoming(output):
    home = " ".join((output / "index.html").read_text(encoding="utf-8").split())
    assert "Upcoming meetings" not in home  # every demo meeting is years old: the build's today is the real date
    committee = (output / "improving-lives-select-commission" / "index.html").read_text(encoding="utf-8")
    assert "Next meeting:" not in committee


def test_next_meeting_announced_in_the_papers_is_upcoming_on_the_day_of_the_build(tmp_path, monkeypatch):
    from helpers import copy_demo_site
    from minutes.build import build
    from minutes.core.config import load_config

    # SOURCE_DATE_EPOCH for 1 August 2020: after the meeting of 28 July, before the one it announces.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1596240000")
    output = build(load_config(copy_demo_site(tmp_path / "site")), search=False).output
    committee = (output / "improving-lives-select-commission" / "index.html").read_text(encoding="utf-8")
    assert "Next meeting: Tuesday 22 September 2020 at 5:30pm" in " ".join(committee.split())
    home = " ".join((output / "index.html").read_text(encoding="utf-8").split())
    assert "Upcoming meetings" in home
    assert "Improving Lives Select Commission</a>, Tuesday 22 September 2020 at 5:30pm" in home


def test_agenda_items_link_the_minutes_their_pack_carries_and_those_link_back(output):
    agenda = parse(output, "children-young-people-and-families-partnership/2014-01-15")
    hrefs = {href for href, _ in agenda.links}
    # Item 10 submits the Youth Cabinet's minutes, which print a date after the pack's meeting (filed under
    # the pack's date, for review) and one the agenda disagrees with: the pack itself ties them, so the link stands.
    assert "/rotherham-youth-cabinet/2014-01-15/" in hrefs
    assert "/children-young-people-and-families-partnership/2013-11-20/" in hrefs
    youth = (output / "rotherham-youth-cabinet" / "2014-01-15" / "index.html").read_text(encoding="utf-8")
    assert 'Submitted to</dt><dd><a href="/children-young-people-and-families-partnership/2014-01-15/">' in youth
    assert "agenda item 10" in youth


def test_meeting_and_report_pages_link_the_published_source_paper(output):
    for path in (f"{CABINET}/2013-11-18", f"{CABINET}/2013-12-16"):
        page = parse(output, path)
        assert ("/papers/000_86c187667cde2ece.txt", "000_86c187667cde2ece.txt") in page.links
    assert (output / "papers" / "000_86c187667cde2ece.txt").read_bytes().startswith(b"#### CABINET MEMBER")


def test_decisions_register_has_a_page_per_committee_and_year_with_item_titles(output):
    committee = "improving-lives-select-commission"
    index = (output / "decisions" / "index.html").read_text(encoding="utf-8")
    assert f'href="/decisions/{committee}/"' in index
    page = (output / "decisions" / committee / "index.html").read_text(encoding="utf-8")
    assert f'href="/decisions/{committee}/2020/"' in page and f'href="/decisions/{committee}/undated/"' in page
    raw = (output / "decisions" / committee / "undated" / "index.html").read_text(encoding="utf-8")
    year = " ".join(re.sub(r"<[^>]+>", "", raw).split())
    # The item's title, and what the resolution announces: the people appointed.
    assert "5. Appointments of representatives of the Improving Lives Select Commission, 2016/2017" in year
    assert "Lead Representative: - Councillor V. Cusworth;" in year
    assert "cabinet-member" not in raw.split("<main")[1]  # only this committee's decisions
