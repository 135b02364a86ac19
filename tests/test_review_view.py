"""The review view of `minutes serve` in a real Chromium: /_review/ and a record beside its paper.

A site of two papers, a PDF agenda pack and a text paper, is converted with the
command line; doubts are written into their records as the converter (or a
person) would, naming the paper's lines; a real `minutes serve` previews it.
Where the lines are is found independently of the code under test: in the text
paper by its own lines, in the PDF by pdfium's text search (not the reader's
layout), and the outline drawn on the page image must cover those words.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from helpers import PLANNING_MINUTES, REPO, add_review, free_port, run_minutes, wait_for
from minutes.papers.readers import read_paper
from test_accessibility import axe_violations

pytestmark = pytest.mark.browser

PDF = REPO / "tests" / "pdfs" / "samples" / "001_d6dfb0b255ddcbc9.pdf"
"""The 28 July 2020 agenda pack of the Improving Lives Select Commission, printed to PDF."""
AGENDA = "content/meetings/improving-lives-select-commission/2020-07-28/agenda.md"
MINUTES = "content/meetings/planning-committee/2020-03-03/minutes.md"
AGENDA_REVIEW = "_review/improving-lives-select-commission/2020-07-28/agenda/"
MINUTES_REVIEW = "_review/planning-committee/2020-03-03/minutes/"
DATE_WORDS = "28 July 2020"
ITEM_WORDS = "Minutes of the previous meeting held on 16 June 2020"
PRESENT = "Present: Councillor Smith (in the Chair), Councillors Jones and Brown."
DEADLINE = 20_000  # milliseconds from a saved edit to the reloaded page


def pdf_line(words: str) -> int:
    """The line of the PDF's first page, as the records count them, that holds `words`."""
    lines = [line for line in read_paper(PDF.read_bytes(), PDF.name).lines if words in line.text and line.page == 1]
    assert len(lines) == 1, lines
    return lines[0].number


def text_line(text: str) -> int:
    return PLANNING_MINUTES.split("\n").index(text) + 1


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("review") / "site"
    papers = root / "content" / "papers"
    papers.mkdir(parents=True)
    (root / "site.yaml").write_text(
        "title: Minutes to review\ncouncil: Rotherham Metropolitan Borough Council\nbuild_date: 2021-01-01\n",
        encoding="utf-8",
    )
    shutil.copy(PDF, papers / PDF.name)
    (papers / "planning-2020-03-03.txt").write_text(PLANNING_MINUTES, encoding="utf-8")
    result = run_minutes("convert", "--site", str(root))
    assert result.returncode == 0, result.stderr
    date, item = pdf_line(DATE_WORDS), pdf_line(ITEM_WORDS)
    add_review(
        root / AGENDA,
        f"review:\n- fact: date\n  value: '2020-07-28'\n  why: printed once, on the front sheet\n"
        f"  lines: [{date}, {date}]\n  confidence: 0.35\n"
        f"- fact: citation\n  item: '2'\n  value: '2020-06-16'\n  why: the pack carries the minutes of 3 March 2020\n"
        f"  lines: [{item}, {item}]\n  confidence: 0.3\n",
    )
    present = text_line(PRESENT)
    add_review(
        root / MINUTES,
        f"review:\n- fact: present\n  why: the chair may be counted twice\n  lines: [{present}, {present}]\n"
        "  confidence: 0.5\n",
    )
    return root


def serve(root: Path, log_path: Path):
    port = free_port()
    log = open(log_path, "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", "serve", "--site", str(root), "--port", str(port), "--no-search"],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + "_review/", lambda status, body: status == 200, 120)
    except AssertionError:
        process.terminate()
        process.wait(timeout=20)
        log.close()
        raise AssertionError(log_path.read_text(encoding="utf-8")) from None
    return process, log, base


@pytest.fixture(scope="module")
def served(converted, tmp_path_factory):
    """A preview of the converted site that no test edits."""
    root = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(converted, root)
    process, log, base = serve(root, root.parent / "serve.log")
    yield root, base
    process.terminate()
    process.wait(timeout=20)
    log.close()


@pytest.fixture()
def editable(converted, tmp_path):
    root = tmp_path / "site"
    shutil.copytree(converted, root)
    process, log, base = serve(root, tmp_path / "serve.log")
    yield root, base
    process.terminate()
    process.wait(timeout=20)
    log.close()


def images_loaded(page) -> None:
    page.evaluate("document.querySelectorAll('img').forEach(img => img.loading = 'eager')")
    page.wait_for_function("[...document.images].every(img => img.complete && img.naturalWidth > 0)")


def test_the_list_puts_the_record_most_worth_checking_first(served, page):
    _root, base = served
    page.goto(base + "_review/")
    rows = page.locator("table.review-list tbody tr")
    records = [rows.nth(i).get_attribute("data-record") for i in range(rows.count())]
    # The agenda's doubts are on its date and on an item; the others hold one lighter doubt each.
    assert records[0] == AGENDA
    assert set(records) == {AGENDA, MINUTES, "content/meetings/improving-lives-select-commission/2020-03-03/minutes.md"}
    first = rows.nth(0)
    assert first.locator("td").nth(1).inner_text() == "date, meeting named in item 2, note"
    first.get_by_role("link").click()
    assert page.url == base + AGENDA_REVIEW


def word_box(words: str, page_number: int = 1) -> tuple[float, float, float, float]:
    """Where pdfium's own text search finds `words` on the page: (left, top, right, bottom), points from the top."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(PDF))
    try:
        page = pdf[page_number - 1]
        height = page.get_size()[1]
        text = page.get_textpage()
        found = text.search(words).get_next()
        assert found, words
        start, count = found
        boxes = [text.get_charbox(i) for i in range(start, start + count)]
        return (
            min(b[0] for b in boxes),
            height - max(b[3] for b in boxes),
            max(b[2] for b in boxes),
            height - min(b[1] for b in boxes),
        )
    finally:
        pdf.close()


def outline(page, doubt: int) -> tuple[float, float, float, float]:
    """The outline of a doubt on the first page image, in PDF points from the page's top-left corner."""
    image = page.locator("#page-1 img").bounding_box()
    box = page.locator(f'#page-1 .highlight[data-doubt="{doubt}"]').bounding_box()
    scale = 595.92 / image["width"]  # the sample's pages are A4: 595.92 points wide
    return (
        (box["x"] - image["x"]) * scale,
        (box["y"] - image["y"]) * scale,
        (box["x"] + box["width"] - image["x"]) * scale,
        (box["y"] + box["height"] - image["y"]) * scale,
    )


def covers(outer, inner, slack: float = 1.0) -> bool:
    return (
        outer[0] <= inner[0] + slack
        and outer[1] <= inner[1] + slack
        and outer[2] >= inner[2] - slack
        and outer[3] >= inner[3] - slack
    )


def test_a_pdf_record_shows_its_page_with_each_doubtful_line_outlined(served, page):
    root, base = served
    page.goto(base + AGENDA_REVIEW)
    doubts = page.locator("ol.doubt-list > li")
    assert [doubts.nth(i).get_attribute("data-fact") for i in range(doubts.count())] == ["date", "citation", "note"]
    # Each doubt says which line of the record to edit.
    lines = (root / AGENDA).read_text(encoding="utf-8").split("\n")
    edit = doubts.nth(0).locator("p.meta code").inner_text()
    path, number = edit.rsplit(":", 1)
    assert path == AGENDA and lines[int(number) - 1] == "- fact: date"
    date, item = pdf_line(DATE_WORDS), pdf_line(ITEM_WORDS)
    highlights = page.locator("#page-1 .highlight")
    assert [highlights.nth(i).get_attribute("data-lines") for i in range(highlights.count())] == [
        f"{date}-{date}",
        f"{item}-{item}",
    ]
    assert page.locator("#page-1 .highlight").nth(0).inner_text() == "1: date"
    images_loaded(page)
    on_date, on_item = outline(page, 1), outline(page, 2)
    assert covers(on_date, word_box(DATE_WORDS))
    assert covers(on_item, word_box(ITEM_WORDS))
    # Each outline holds its own line, not the other's, nor a block of the page.
    assert not covers(on_date, word_box(ITEM_WORDS)) and not covers(on_item, word_box(DATE_WORDS))
    assert on_date[3] - on_date[1] < 20 and on_item[3] - on_item[1] < 20
    # The image is the paper's page as pdfium renders it, served by the preview.
    assert page.evaluate("document.querySelector('#page-1 img').naturalWidth") > 1000


def test_a_text_record_shows_its_lines_numbered_with_the_doubtful_one_marked(served, page):
    _root, base = served
    page.goto(base + MINUTES_REVIEW)
    assert page.locator("ol.doubt-list > li").nth(0).get_attribute("data-fact") == "present"
    rows = page.locator("table.source-lines tr.doubtful")
    marked = [
        (rows.nth(i).locator("th").inner_text(), rows.nth(i).locator("td").nth(0).inner_text())
        for i in range(rows.count())
    ]
    assert marked == [(str(text_line(PRESENT)), PRESENT)]
    assert rows.nth(0).locator("td").nth(1).inner_text() == "1: who was present"
    # Every line of the record is there, numbered as the paper's own lines.
    numbered = page.locator("table.source-lines tbody tr:not(.gap) th")
    heading = PLANNING_MINUTES.split("\n").index("3. PLANNING APPLICATION 20/0001 - LAND AT MILL LANE") + 1
    assert str(heading) in [numbered.nth(i).inner_text() for i in range(numbered.count())]
    # What was read sits beside it, the doubtful fact pointing at its doubt.
    present = page.locator("dl.read-facts dd.doubtful")
    assert present.count() == 1 and "doubt 1" in present.inner_text()


@pytest.mark.parametrize("path", ["_review/", AGENDA_REVIEW, MINUTES_REVIEW])
def test_axe_finds_no_violations_in_the_review_view(served, page, path):
    _root, base = served
    page.goto(base + path)
    images_loaded(page)
    violations = axe_violations(page)
    assert not violations, f"axe-core on /{path}:\n" + "\n".join(violations)


def test_editing_the_record_clears_its_doubt_once_the_page_reloads(editable, page):
    root, base = editable
    page.goto(base + MINUTES_REVIEW)
    assert page.locator("table.source-lines tr.doubtful").count() == 1
    record = root / MINUTES
    text = record.read_text(encoding="utf-8")
    start, end = text.index("review:\n"), text.index("reviewed: false")
    with page.expect_event("load", timeout=DEADLINE):
        record.write_text(text[:start] + "review: []\n" + text[end:], encoding="utf-8")
    assert page.locator("table.source-lines tr.doubtful").count() == 0
    assert page.locator("#doubts-heading").inner_text() == "No open doubts"

    page.goto(base + AGENDA_REVIEW)
    assert page.locator(".highlight").count() == 2
    record = root / AGENDA
    with page.expect_event("load", timeout=DEADLINE):
        record.write_text(
            record.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"), encoding="utf-8"
        )
    assert page.locator(".highlight").count() == 0
    assert "reviewed: true" in page.locator("section.doubts").inner_text()

    page.goto(base + "_review/")
    rows = page.locator("table.review-list tbody tr")
    assert [rows.nth(i).get_attribute("data-record") for i in range(rows.count())] == [
        "content/meetings/improving-lives-select-commission/2020-03-03/minutes.md"
    ]


def test_the_review_view_answers_only_its_own_host(served):
    _root, base = served
    request = urllib.request.Request(base + "_review/", headers={"Host": "attacker.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def test_a_published_build_marks_the_doubts_and_has_no_review_view(converted, tmp_path):
    root = tmp_path / "site"
    shutil.copytree(converted, root)
    result = run_minutes("build", "--site", str(root), "--no-search")
    assert result.returncode == 0, result.stderr
    output = root / "output"
    assert not (output / "_review").exists()
    assert not [p for p in output.rglob("*.png") if "page-" in p.name]
    html = (output / "improving-lives-select-commission/2020-07-28/index.html").read_text(encoding="utf-8")
    date = html[html.index("<dt>Date</dt>") : html.index("</dd>", html.index("<dt>Date</dt>"))]
    assert '<span class="unconfirmed">unconfirmed</span>' in date
