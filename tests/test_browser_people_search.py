"""People and search as a reader meets them, in a real Chromium over a real build with real Pagefind.

The demo is built once with a people data file giving one councillor a party,
a ward and a role (values made up for the test, named so), and searched as a
reader searches: sums of money with and without "£" and separators, a
councillor's surname, a decision's words; the results' snippets read with
spaces between blocks; the pages changed for people and search pass axe-core
on a phone and on a desktop.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from helpers import HANG_MS, copy_demo_site, static_server
from test_accessibility import axe_violations

pytestmark = pytest.mark.browser

MINUTES = "/improving-lives-select-commission/2020-03-03/"
PEOPLE_FILE = """\
Councillor Cusworth:
  party:
    - {name: Example Party, from: 2016-05-05}
  ward: Example Ward
  roles:
    - {role: Chair, body: improving-lives-select-commission, from: 2019-05}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from minutes.build import build
    from minutes.core.config import load_config

    root = copy_demo_site(tmp_path_factory.mktemp("people-search"))
    (root / "content" / "people.yaml").write_text(PEOPLE_FILE, encoding="utf-8")
    result = build(load_config(root))
    assert not result.errors, result.errors
    return result.output


@pytest.fixture(scope="module")
def host(built):
    with static_server(built) as url:
        yield url


def search(page, host: str, query: str) -> list[str]:
    """The links of the results the search page shows for `query`, once it has drawn them."""
    page.goto(f"{host}/search/?q={quote(query)}")
    page.wait_for_function(
        "() => /\\bresults? for\\b/i.test(document.querySelector('.pagefind-ui__message')?.innerText || '')",
        timeout=HANG_MS,
    )
    message = page.locator(".pagefind-ui__message").inner_text()
    found = int(re.match(r"\s*(\d+)", message).group(1))
    # Pagefind UI draws a placeholder for each result first, then its link when its data arrives.
    page.wait_for_function(
        "n => document.querySelectorAll('.pagefind-ui__result-link').length >= n", arg=min(found, 5), timeout=HANG_MS
    )
    links = page.locator(".pagefind-ui__result-link")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


@pytest.mark.parametrize("query", ["£1.186", "1.186", "£1,292,599", "1,292,599", "£1292599", "£1.186 million"])
def test_a_sum_of_money_is_found_with_or_without_its_sign_and_separators(host, page, query):
    """The minutes of 3 March 2020 print "£1.186 million" and "£1,292,599"; other papers print other sums."""
    found = search(page, host, query)
    assert found and found[0] == MINUTES, found
    assert not [link for link in found if "/report-" in link], found


def test_a_councillors_surname_finds_her_page_first(host, page):
    found = search(page, host, "Cusworth")
    assert found[0] == "/people/councillor-cusworth/", found
    first = page.locator(".pagefind-ui__result").first
    assert "Councillor Cusworth" in first.locator(".pagefind-ui__result-link").inner_text()


def test_a_decisions_words_find_the_register(host, page):
    """Only the decisions register of 2013 and the minutes that made it hold this resolution's words."""
    found = search(page, host, "REMEDI restorative")
    assert "/decisions/2013/" in {link.split("#")[0] for link in found}, found


def test_people_committees_and_decisions_have_their_own_type(host, page):
    search(page, host, "Improving Lives")
    labels = "[...document.querySelectorAll('.pagefind-ui__filter-value .pagefind-ui__filter-label')]"
    page.wait_for_function(
        f"() => ['Person', 'Committee', 'Decisions'].every(t => {labels}.some(e => e.textContent.startsWith(t)))",
        timeout=HANG_MS,
    )
    committee = page.locator("label", has_text=re.compile(r"^\s*Committee\b")).first
    if not committee.is_visible():
        page.locator(".pagefind-ui__filter-name", has_text=re.compile(r"^\s*type\s*$", re.I)).click()
    before = page.locator(".pagefind-ui__message").inner_text()
    committee.click()
    page.wait_for_function(
        "before => document.querySelector('.pagefind-ui__message').innerText !== before", arg=before, timeout=HANG_MS
    )
    page.wait_for_function(
        "() => { const a = [...document.querySelectorAll('.pagefind-ui__result-link')];"
        " return a.length > 0 && a.every(l => l.getAttribute('href').split('/').length === 3); }",
        timeout=HANG_MS,
    )
    links = page.locator(".pagefind-ui__result-link")
    assert links.first.get_attribute("href") == "/improving-lives-select-commission/"


def test_snippets_keep_a_space_between_blocks(host, page):
    """The attendance list's terms and names were run together: "(from minute 61)PresentCouncillor Cusworth"."""
    search(page, host, "Jarvis")
    excerpt = next(
        text for text in page.locator(".pagefind-ui__result-excerpt").all_inner_texts() if "from minute 61" in text
    )
    assert "(from minute 61) Present Councillor" in excerpt, excerpt
    assert not re.search(r"[a-z)](Present|Apologies|Chair)Councillor", excerpt), excerpt


def test_the_person_page_shows_party_ward_and_role(host, page):
    page.goto(f"{host}/people/councillor-cusworth/")
    facts = " ".join(page.locator("main dl.facts").inner_text().split())
    assert facts == "Party Example Party (from 5 May 2016) Ward Example Ward", facts
    role = " ".join(page.locator("main ul.roles").inner_text().split())
    assert role == "Chair, Improving Lives Select Commission (from May 2019)", role
    assert page.locator("main ul.roles a").get_attribute("href") == "/improving-lives-select-commission/"


CHANGED = [
    "people/councillor-cusworth/",
    "people/",
    "improving-lives-select-commission/",
    "decisions/2020/",
    MINUTES.strip("/") + "/",
]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", CHANGED)
def test_axe_finds_no_violations_on_the_pages_changed_for_people_and_search(host, browser, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{host}/{path}")
        violations = axe_violations(page)
        assert not violations, f"axe-core on /{path} at {width}px:\n" + "\n".join(violations)
        scroll = page.evaluate("document.scrollingElement.scrollWidth")
        assert scroll <= width, f"/{path} scrolls sideways at {width}px: {scroll}px"
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_violations_on_search_results_of_every_type(host, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        search(page, host, "Cusworth")
        page.locator(".pagefind-ui__filter-panel").first.wait_for(timeout=HANG_MS)
        violations = axe_violations(page)
        assert not violations, f"axe-core on the search results at {width}px:\n" + "\n".join(violations)
    finally:
        context.close()
