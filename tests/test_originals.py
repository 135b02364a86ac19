"""What a reader checks a record against, and what a webcast or a decision is, read in a real Chromium.

A site of two papers, built as a user builds it: Kent County Council's supplementary agenda pack
(a PDF: a covering letter without page numbers, then pack pages "Page 1" to "Page 20") and the
Rotherham sample of July 2020 (text: an agenda whose webcast link was lost in the export, and the
minutes of March 2020, which print where the webcast can be seen). The Kent agenda is then given
a webcast by hand. Over a real HTTP server, Chromium follows every link of the meetings' lists of
documents (the PDF arrives as a download, byte for byte), the page anchors lead to the pages they
name, the decisions register hides its routine decisions at the tick of a box, and axe-core finds
nothing wrong at 375 and 1280 pixels.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import icalendar
import pypdfium2 as pdfium
import pytest

from helpers import REPO, run_minutes, static_server
from test_accessibility import axe_violations

pytestmark = pytest.mark.browser

PACK = "kent-cc_2025-01-30_cabinet_item7-supplementary-pack.pdf"
SAMPLE = "001_d6dfb0b255ddcbc9.txt"
KENT = "cabinet/2025-01-30/"
REPORT = KENT + "report-transfer-the-18-25-section-of-the-strengthening/"
ILSC = "improving-lives-select-commission/"
WEBCAST = "https://kent.public-i.tv/core/portal/webcast_interactive/880000"
WIDTHS = (375, 1280)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("originals") / "site"
    papers = root / "content" / "papers"
    papers.mkdir(parents=True)
    shutil.copy(REPO / "tests" / "pdfs" / PACK, papers / PACK)
    shutil.copy(REPO / "content" / "papers" / SAMPLE, papers / SAMPLE)
    (root / "site.yaml").write_text(
        "title: Minutes\ncouncil: Kent County Council\nurl: https://minutes.example.org\nbuild_date: 2025-02-01\n",
        encoding="utf-8",
    )
    first = run_minutes("build", "--site", str(root), "--no-search")
    assert first.returncode == 0, first.stderr
    # The webcast, set by hand in the agenda's front-matter: a person's edit is kept by every later conversion.
    agenda = root / "content" / "meetings" / KENT / "agenda.md"
    text = agenda.read_text(encoding="utf-8")
    agenda.write_text(text.replace("\nvenue: ''\n", f"\nvenue: ''\nwebcast: {WEBCAST}\n", 1), encoding="utf-8")
    again = run_minutes("build", "--site", str(root), "--no-search")
    assert again.returncode == 0 and "kept hand-edited" not in again.stderr, again.stderr
    return root


@pytest.fixture(scope="module")
def host(site):
    with static_server(site / "output") as url:
        yield url


def documents(page) -> list[dict]:
    return page.evaluate(
        """() => [...document.querySelectorAll('.document-list > li')].map(li => ({
            name: li.querySelector('.document-name').textContent.trim(),
            type: li.querySelector('.document-type')?.textContent.trim() ?? '',
            link: li.querySelector('.original a')?.getAttribute('href') ?? '',
            shown: li.querySelector('.original a')?.textContent.trim() ?? '',
            about: li.querySelector('.original .meta')?.textContent.trim() ?? '',
        }))"""
    )


def pdf_page_text(number: int) -> str:
    document = pdfium.PdfDocument(str(REPO / "tests" / "pdfs" / PACK))
    return document[number - 1].get_textpage().get_text_range()


def test_a_meeting_lists_its_documents_with_type_size_and_the_original(host, page, site):
    page.goto(f"{host}/{KENT}")
    rows = documents(page)
    # The pack is 508,296 bytes (tests/pdfs/SOURCES.md): 496 KB, as document lists count them.
    assert rows == [
        {
            "name": "Agenda",
            "type": "",
            "link": f"/papers/{PACK}#page=1",
            "shown": f"{PACK}, page 1",
            "about": "(PDF, 496 KB)",
        },
        {
            "name": "Transfer the 18-25 section of the Strengthening Independence Service from the Children Young "
            "People and Education Directorate to the Adult Social Care and Health Directorate",
            "type": "Report",
            "link": f"/papers/{PACK}#page=3",
            "shown": f"{PACK}, pages 3–21",  # page 22 is "intentionally left blank"
            "about": "(PDF, 496 KB)",
        },
    ]
    # The report's page of the pack is its first: where the letter ends and "Page 1" begins.
    assert "From: Sue Chandler" in pdf_page_text(3) and "Dear Member" in pdf_page_text(1)


def test_every_link_of_the_list_leads_to_the_original_itself(host, page, site):
    """Chromium follows each link to the PDF and opens its viewer at the page the link names."""
    original = (site / "content" / "papers" / PACK).read_bytes()
    for n in range(2):
        page.goto(f"{host}/{KENT}")
        link = page.locator(".document-list .original a").nth(n)
        href = link.get_attribute("href")
        with page.expect_response(f"{host}/papers/{PACK}") as response:
            link.click()
        page.wait_for_url(f"{host}{href}")
        assert response.value.status == 200 and response.value.headers["content-type"] == "application/pdf"
        # The viewer's own fetch is not exposed to the page: the same address, asked again, is the paper itself.
        assert page.request.get(f"{host}{href}").body() == original
    # The report's own page names the same original at its page.
    page.goto(f"{host}/{KENT}")
    page.locator(".document-list .document-name a").click()
    page.wait_for_url(f"{host}/{REPORT}")
    source = page.locator("p.source a")
    assert source.get_attribute("href") == f"/papers/{PACK}#page=3"
    assert source.inner_text() == f"{PACK}, pages 3–21"


def test_a_text_original_opens_as_text(host, page, site):
    page.goto(f"{host}/{ILSC}2020-07-28/")
    rows = documents(page)
    assert {r["link"] for r in rows} == {f"/papers/{SAMPLE}"}, "a text paper has no pages to open at"
    assert all(r["about"].startswith("(Text, ") and r["about"].endswith(" KB)") for r in rows)
    assert [r["type"] for r in rows] == ["", "Report", "Report", "Report", "Report"]
    page.locator(".document-list .original a").first.click()
    page.wait_for_url(f"{host}/papers/{SAMPLE}")
    assert "IMPROVING LIVES SELECT COMMISSION" in page.locator("body").inner_text()


def test_an_agenda_item_links_to_the_page_of_the_pack_where_its_pages_begin(host, page):
    page.goto(f"{host}/{KENT}")
    link = page.locator("#item-7").locator("xpath=ancestor::li[1]").locator(".pack-pages a")
    assert link.inner_text() == "Pages 1–20 of the agenda pack"
    assert link.get_attribute("href") == f"/papers/{PACK}#page=3"
    # A text pack knows its page numbers but not where they fall: they are words, not a link.
    page.goto(f"{host}/{ILSC}2020-07-28/")
    pages = page.locator("#item-7").locator("xpath=ancestor::li[1]").locator(".pack-pages")
    assert pages.inner_text() == "Pages 12–16 of the agenda pack" and pages.locator("a").count() == 0


def test_webcast_from_the_paper_and_by_hand(host, page, site):
    page.goto(f"{host}/{ILSC}2020-03-03/")
    watch = page.get_by_role("link", name="Watch the webcast")
    assert watch.get_attribute("href") == "https://rotherham.public-i.tv/core/portal/home"
    page.goto(f"{host}/{KENT}")
    assert page.get_by_role("link", name="Watch the webcast").get_attribute("href") == WEBCAST
    # The agenda whose link was lost says so in words, and links nowhere.
    page.goto(f"{host}/{ILSC}2020-07-28/")
    assert page.get_by_role("link", name="Watch the webcast").count() == 0
    assert page.locator('main a[href="#"], main a[href=""]').count() == 0
    assert "available to view via the Council's website" in page.locator("main").text_content()
    calendar = icalendar.Calendar.from_ical((site / "output" / "calendar.ics").read_bytes())
    by_uid = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert str(by_uid["cabinet-2025-01-30@minutes.example.org"]["CONFERENCE"]) == WEBCAST
    march = by_uid["improving-lives-select-commission-2020-03-03@minutes.example.org"]
    assert str(march["CONFERENCE"]) == "https://rotherham.public-i.tv/core/portal/home"


def test_the_register_names_each_item_once_and_hides_routine_decisions_on_request(host, page):
    page.goto(f"{host}/decisions/{ILSC}2020/")
    items = page.locator(".decisions > li")
    titles = [re.sub(r"\s+", " ", t) for t in items.locator(".decision-title").all_inner_texts()]
    assert len(titles) == len(set(titles)), "an item is named once, however many resolutions it has"
    assert "60. Update on Special Education Needs and Disabilities (SEND) Sufficiency Projects" in titles
    # Numbered once: by the minutes' own number, not again by the list ("1. 54. Minutes…").
    markers = page.evaluate(
        "() => [...document.querySelectorAll('main .decisions > li, main .resolutions-list > li')]"
        ".map(li => li.parentElement.tagName + ' ' + getComputedStyle(li).listStyleType)"
    )
    assert markers and set(markers) == {"UL none"}, set(markers)
    item_60 = items.filter(has=page.locator(".decision-title", has_text=re.compile(r"^60\. ")))
    resolutions = item_60.locator(".resolutions-list > li")
    assert resolutions.count() == 2
    assert resolutions.nth(0).locator(".tag").inner_text().strip().lower() == "routine"
    assert resolutions.nth(1).locator(".tag").count() == 0
    approval = items.filter(has=page.locator(".decision-title", has_text=re.compile(r"^54\. ")))
    assert approval.get_attribute("class").split() == ["decision-item", "routine"]
    # The filter: routine resolutions, and items with nothing else, disappear; the rest stays.
    page.get_by_label("Hide routine decisions (reports noted or received, minutes approved)").check()
    assert not resolutions.nth(0).is_visible() and resolutions.nth(1).is_visible()
    assert not approval.is_visible()
    page.get_by_label("Hide routine decisions (reports noted or received, minutes approved)").uncheck()
    assert resolutions.nth(0).is_visible() and approval.is_visible()


CHANGED_PAGES = [
    KENT,
    REPORT,
    f"{ILSC}2020-03-03/",
    f"{ILSC}2020-07-28/",
    "decisions/",
    f"decisions/{ILSC}",
    f"decisions/{ILSC}2020/",
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", CHANGED_PAGES)
def test_axe_finds_no_violations_on_the_changed_pages(browser, host, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{host}/{path}")
        violations = axe_violations(page)
        filters = page.locator(".hide-routine")
        if filters.count():
            filters.first.check()  # the register with its routine decisions hidden is a page of its own
            violations += axe_violations(page)
        assert not violations, f"axe-core on /{path} at {width}px:\n" + "\n".join(violations)
        scroll = page.evaluate("document.scrollingElement.scrollWidth")
        assert scroll <= width + 1, f"/{path} scrolls sideways at {width}px: {scroll}px"
    finally:
        context.close()
