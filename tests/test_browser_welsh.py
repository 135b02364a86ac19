"""The Welsh interface in a real Chromium: a demo built with `language: cy`, and one published in both
languages (`languages: [en, cy]`) whose language switcher, search and every kind of page are checked,
with axe-core at a phone's width and a desktop's in both languages."""

from __future__ import annotations

import pytest

from helpers import HANG_MS, copy_demo_site, static_server
from test_accessibility import axe_violations

pytestmark = pytest.mark.browser

MEETING = "cabinet-member-for-communities-and-cohesion/2013-11-18/"
AGENDA_MEETING = "improving-lives-select-commission/2020-07-28/"
COMMITTEE = "improving-lives-select-commission/"


def _build(tmp_path_factory, name: str, settings: str):
    from minutes.build import build
    from minutes.core.config import load_config

    root = copy_demo_site(tmp_path_factory.mktemp(name))
    config = root / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en-GB\n", settings), encoding="utf-8")
    result = build(load_config(root))
    assert not result.errors, result.errors
    return result.output


@pytest.fixture(scope="module")
def welsh_host(tmp_path_factory):
    output = _build(tmp_path_factory, "welsh", "language: cy\n")
    with static_server(output) as url:
        yield url


@pytest.fixture(scope="module")
def bilingual_host(tmp_path_factory):
    output = _build(tmp_path_factory, "bilingual", "language: en-GB\nlanguages: [en, cy]\n")
    with static_server(output) as url:
        yield url


def text_of(page) -> str:
    return " ".join(page.locator("body").inner_text().split())


def test_the_home_page_speaks_welsh(welsh_host, page):
    page.goto(f"{welsh_host}/")
    assert page.locator("html").get_attribute("lang") == "cy"
    nav = page.get_by_role("navigation", name="Prif ddewislen")
    assert [nav.get_by_role("link", name=n).count() for n in ("Pwyllgorau", "Cyfarfodydd", "Penderfyniadau")] == [
        1,
        1,
        1,
    ]
    text = text_of(page)
    assert "Cyfarfodydd diweddar" in text
    assert "Children, Young People and Families Partnership, Dydd Mercher 15 Ionawr 2014" in text
    assert "Cyhoeddwyd y cofnodion" in text
    assert "2 gyfarfod" in text and "3 chyfarfod" in text  # the numerals' mutations
    assert page.get_by_role("link", name="Neidio i'r prif gynnwys").count() == 1
    for english in ("Recent meetings", "Committees", "Minutes published", "Search the records"):
        assert english not in text
    # The dates are the interface's (the decisions quoted below them are the records' own words).
    recent = page.locator("section[aria-labelledby=recent]").inner_text()
    for english in ("Monday", "Tuesday", "Wednesday", "Friday", "January", "November", "meeting"):
        assert english not in recent


def test_a_meeting_page_speaks_welsh_and_keeps_the_records_words(welsh_host, page):
    page.goto(f"{welsh_host}/{MEETING}")
    assert page.locator("html").get_attribute("lang") == "cy"
    facts = page.locator("dl.facts").first.inner_text()
    assert "Pwyllgor" in facts and "Dyddiad" in facts and "Dydd Llun 18 Tachwedd 2013" in facts
    assert "Cyhoeddwyd y cofnodion" in facts
    attendance = page.locator("section.attendance").inner_text()
    for label in ("Presenoldeb", "Cadeirydd", "Yn bresennol", "Ymddiheuriadau"):
        assert label in attendance
    assert page.get_by_role("heading", name="Cofnodion", exact=True).count() == 1
    assert page.locator(".resolutions .label").first.inner_text() == "Penderfynwyd"
    # The minutes' own words stay as written.
    assert "No Declarations of Interest were made." in text_of(page)
    assert "Cyfarfod nesaf: Dydd Llun 16 Rhagfyr 2013" in page.locator("nav.pager").inner_text()


def test_a_meeting_with_its_time_and_venue_in_welsh(welsh_host, page):
    page.goto(f"{welsh_host}/{AGENDA_MEETING}")
    facts = page.locator("dl.facts").first.inner_text()
    assert "Amser" in facts and "5:30yh" in facts
    assert "Dydd Mawrth 28 Gorffennaf 2020" in facts
    assert page.get_by_role("heading", name="Agenda", exact=True).count() == 1


def test_a_committee_page_speaks_welsh(welsh_host, page):
    page.goto(f"{welsh_host}/{COMMITTEE}")
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.get_by_role(
        "link", name="Dilynwch bapurau newydd Improving Lives Select Commission (ffrwd Atom)"
    ).count()
    assert page.get_by_role("heading", name="Dyddiad anhysbys").count() == 1
    assert page.get_by_role("link", name="Dydd Mawrth 3 Mawrth 2020").count() == 1
    breadcrumb = page.get_by_role("navigation", name="Briwsion bara")
    assert breadcrumb.get_by_role("link", name="Hafan").count() == 1


def test_search_in_welsh(welsh_host, page):
    page.goto(f"{welsh_host}/search/?q=Fawkes")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=HANG_MS)
    assert page.get_by_label("Chwilio agendâu, cofnodion, adroddiadau, pobl a phenderfyniadau").count() == 1
    assert "1 canlyniad ar gyfer Fawkes" in page.locator(".pagefind-ui__message").inner_text()
    assert result.get_attribute("href") == f"/{MEETING}"


# --- a site in both languages ----------------------------------------------------------------


def test_the_language_switcher_goes_to_the_same_page_in_the_other_language(bilingual_host, page):
    page.goto(f"{bilingual_host}/{MEETING}")
    assert page.locator("h1").inner_text().endswith("Monday 18 November 2013")
    switcher = page.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name="Cymraeg").click()
    page.wait_for_url(f"{bilingual_host}/cy/{MEETING}")
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.locator("h1").inner_text().endswith("Dydd Llun 18 Tachwedd 2013")
    # Within the copy, links stay in Welsh; the site's own files are shared.
    page.get_by_role("navigation", name="Briwsion bara").get_by_role("link", name="Hafan").click()
    page.wait_for_url(f"{bilingual_host}/cy/")
    assert page.get_by_role("heading", name="Cyfarfodydd diweddar").count() == 1
    page.get_by_role("navigation", name="Iaith").get_by_role("link", name="English").click()
    page.wait_for_url(f"{bilingual_host}/")
    assert page.get_by_role("heading", name="Recent meetings").count() == 1
    stylesheet = page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    page.goto(f"{bilingual_host}/cy/committees/")
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == stylesheet


def test_welsh_search_opens_results_in_the_welsh_copy(bilingual_host, page):
    page.goto(f"{bilingual_host}/cy/search/?q=Fawkes")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=HANG_MS)
    assert result.get_attribute("href") == f"/cy/{MEETING}"
    result.click()
    page.wait_for_url(f"{bilingual_host}/cy/{MEETING}")
    assert page.locator("html").get_attribute("lang") == "cy"


PAGES = [
    "",
    COMMITTEE,
    MEETING,
    AGENDA_MEETING,
    "improving-lives-select-commission/2020-07-28/report-youth-offending-team-progress-report/",
    "people/councillor-cusworth/",
    "decisions/",
    "meetings/2013/",
    "about/",
    "search/",
]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("tree", ["", "cy/"], ids=["english", "welsh"])
@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_axe_finds_no_violations_in_either_language(bilingual_host, browser, path, tree, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{bilingual_host}/{tree}{path}" + ("?q=Fawkes" if path == "search/" else ""))
        if path == "search/":
            page.locator(".pagefind-ui__result-link").first.wait_for(timeout=HANG_MS)
        assert page.locator("html").get_attribute("lang") == ("cy" if tree else "en-GB")
        violations = axe_violations(page)
        assert not violations, f"axe-core on /{tree}{path} at {width}px:\n" + "\n".join(violations)
        scroll = page.evaluate("document.scrollingElement.scrollWidth")
        assert scroll <= width + 1, f"/{tree}{path} scrolls sideways at {width}px: {scroll}px"
    finally:
        context.close()
