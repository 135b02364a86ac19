"""A reader searches in a real Chromium and reaches the meeting from the results."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from helpers import HANG_MS, static_server

pytestmark = pytest.mark.browser


def search_and_open(page, url: str, word: str) -> None:
    page.goto(url)
    box = page.locator(".pagefind-ui__search-input")
    box.fill(word)
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=HANG_MS)
    result.click()
    page.wait_for_load_state("load")


def test_search_reaches_the_meeting_page(demo_build, page):
    _root, result = demo_build
    with static_server(result.output) as host:
        # "Fawkes" occurs only in the minutes of 18 November 2013 (sample 000).
        search_and_open(page, f"{host}/search/", "Fawkes")
        assert "cohesion" in page.url and page.url.endswith("/2013-11-18/"), page.url
        assert "18 November 2013" in page.locator("h1").inner_text()


def test_search_works_under_a_sub_path(demo_build_subpath, page):
    host_root, _result = demo_build_subpath
    with static_server(host_root) as host:
        # "Rothacs" occurs only in the minutes of 3 March 2020 (sample 001).
        search_and_open(page, f"{host}/minutes/search/", "Rothacs")
        assert page.url.startswith(f"{host}/minutes/"), page.url
        assert "/2020-03-03/" in page.url
        assert "3 March 2020" in page.locator("h1").inner_text()
        # Every stylesheet and link on the page resolved under the sub-path.
        assert page.evaluate("document.styleSheets.length") >= 1
        page.get_by_role("link", name=re.compile("Improving Lives", re.I)).first.click()
        page.wait_for_load_state("load")
        assert page.url.startswith(f"{host}/minutes/improving-lives")


def test_home_page_query_is_carried_to_search(demo_build, page):
    _root, result = demo_build
    with static_server(result.output) as host:
        page.goto(f"{host}/")
        page.get_by_label("Search the records").fill("Fawkes")
        page.get_by_role("button", name="Search").click()
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=HANG_MS)
        assert page.locator(".pagefind-ui__result-link").count() >= 1


def wait_for_filters(page, query: str) -> None:
    """Pagefind UI draws each filter group as its filter index arrives, not all at once; on a busy
    machine a group can miss the first search's results and shows from the next one, as it does
    for a reader who searches again."""
    for attempt in range(2):
        try:
            for name in ("committee", "year", "type"):
                page.locator(".pagefind-ui__filter-name", has_text=re.compile(rf"^\s*{name}\s*$", re.I)).first.wait_for(
                    timeout=HANG_MS
                )
            return
        except PlaywrightTimeout:
            if attempt:
                raise
            page.locator(".pagefind-ui__search-input").fill("")
            page.locator(".pagefind-ui__search-input").fill(query)
            page.locator(".pagefind-ui__result-link").first.wait_for(timeout=HANG_MS)


def test_results_can_be_filtered_by_committee_year_and_type(demo_build, page):
    _root, result = demo_build
    with static_server(result.output) as host:
        page.goto(f"{host}/search/")
        page.locator(".pagefind-ui__search-input").fill("minutes")
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=HANG_MS)
        wait_for_filters(page, "minutes")
        before = page.locator(".pagefind-ui__message").inner_text()
        option = page.locator("label", has_text="2013").first
        if not option.is_visible():
            # Pagefind UI opens a small group by itself, at a moment of its own: open it only if shut.
            page.locator(".pagefind-ui__filter-name", has_text="year").click()
        option.click()
        page.wait_for_function(
            "before => document.querySelector('.pagefind-ui__message').innerText !== before",
            arg=before,
            timeout=HANG_MS,
        )
        links = page.locator(".pagefind-ui__result-link")
        links.first.wait_for(timeout=HANG_MS)
        # The message changes as the filtered search starts; the results are redrawn a moment later.
        try:
            page.wait_for_function(
                "() => { const links = [...document.querySelectorAll('.pagefind-ui__result-link')];"
                " return links.length > 0 && links.every(a => a.getAttribute('href').includes('2013')); }",
                timeout=HANG_MS,
            )
        except PlaywrightTimeout:
            pass  # the assertion below says what was shown instead
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert hrefs and all("2013" in h for h in hrefs), hrefs


PAGES_WITHOUT_SCRIPT = [
    "",
    "committees/",
    "cabinet-member-for-communities-and-cohesion/2013-11-18/",
    "people/councillor-cusworth/",
    "decisions/",
]


def test_pages_make_no_third_party_requests_and_need_no_script(demo_build, browser):
    _root, result = demo_build
    with static_server(result.output) as host:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        for path in PAGES_WITHOUT_SCRIPT:
            page.goto(f"{host}/{path}")
            assert page.locator("h1").count() == 1
            assert page.locator("main a").count() > 0
        # Search is the one page that needs script; it too loads only from this site.
        context.close()
        context = browser.new_context()
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{host}/search/?q=Fawkes")
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=HANG_MS)
        context.close()
    assert requests and all(url.startswith(host) for url in requests), [u for u in requests if not u.startswith(host)]


def test_a_search_result_shows_its_committee_and_date(demo_build, page):
    _root, result = demo_build
    with static_server(result.output) as host:
        page.goto(f"{host}/search/?q=Rothacs")
        first = page.locator(".pagefind-ui__result").first
        first.wait_for(timeout=HANG_MS)
        # A result is drawn first as a placeholder; its tags and sub-results come with its fragment.
        first.locator(".pagefind-ui__result-tag").first.wait_for(timeout=HANG_MS)
        first.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").first.wait_for(timeout=HANG_MS)
        tags = first.locator(".pagefind-ui__result-tag").all_inner_texts()
        assert any("Improving Lives Select Commission" in t for t in tags), tags
        assert any("Tuesday 3 March 2020" in t for t in tags), tags
        # Sub-results are labelled by the item's title, without the permalink's text.
        nested = first.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").all_inner_texts()
        assert "59. Re-Commissioning of CSE Support Services" in [n.strip() for n in nested], nested
        assert not [n for n in nested if "#" in n or "Link to item" in n], nested


def test_search_filters_offer_no_option_without_results(demo_build, page):
    _root, result = demo_build
    with static_server(result.output) as host:
        page.goto(f"{host}/search/?q=Rothacs")
        page.locator(".pagefind-ui__result").first.wait_for(timeout=HANG_MS)
        # The options are read from the page whether their group is open or not: the groups
        # arrive one by one, and clicking a group that has just opened itself would close it.
        labels = "[...document.querySelectorAll('.pagefind-ui__filter-value .pagefind-ui__filter-label')]"
        page.wait_for_function(f"() => {labels}.length > 0", timeout=HANG_MS)
        page.wait_for_timeout(500)  # the last groups' indexes
        counts = page.evaluate(f"() => {labels}.map(e => e.textContent)")
        assert counts, "the filter panel shows no options"
        assert not [c for c in counts if c.rstrip().endswith("(0)")], counts
        font = page.evaluate("getComputedStyle(document.querySelector('.pagefind-ui__result-link')).fontFamily")
        assert font == page.evaluate("getComputedStyle(document.body).fontFamily"), font


def test_a_word_added_in_serve_is_found_once_its_shard_is_reindexed(tmp_path, page):
    """An edit re-indexes only its committee's shard; the merged search finds the new word, and old ones."""
    import subprocess
    import sys

    from helpers import REPO, ServerEvents, copy_demo_site, free_port, wait_for, wait_for_line

    root = copy_demo_site(tmp_path / "site")
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", "serve", "--site", str(root), "--port", str(port)],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + "search/", lambda status, body: status == 200, 90)
        events = ServerEvents(base)
        minutes = root / "content/meetings/cabinet-member-for-communities-and-cohesion/2013-11-18/minutes.md"
        minutes.write_text(
            minutes.read_text(encoding="utf-8") + "\nMembers discussed zymurgy at length.\n", encoding="utf-8"
        )
        # The server says when the edited page is searchable (a `search` event), and again once its shard has it.
        while events.next()[0] != "search":
            pass
        page.goto(f"{base}search/?q=zymurgy")
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=HANG_MS)
        links = page.locator(".pagefind-ui__result-link")
        found = [links.nth(i).get_attribute("href") for i in range(links.count())]
        page.goto("about:blank")  # so the server's next event does not reload the search page under the test
        meeting = "/cabinet-member-for-communities-and-cohesion/2013-11-18/"
        assert found and found[0] == meeting and all(link.startswith(meeting) for link in found), found
        while events.next() != ("search", '{"edits": []}'):
            pass
        events.close()
        # One shard was re-indexed, not the site; the other shards still answer.
        assert wait_for_line(tmp_path / "serve.log", "in 1 search shard").endswith("in 1 search shard")
        search_and_open(page, f"{base}search/", "Rothacs")
        assert "/2020-03-03/" in page.url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
