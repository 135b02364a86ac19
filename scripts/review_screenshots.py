"""Take the screenshots of docs/review.md: the review loop on a PDF pack and a text paper, in Chromium.

    .venv/bin/python scripts/review_screenshots.py

Converts one of the demo's packs printed to PDF and a small text paper into a
site of its own (in a temporary folder), writes doubts into their records as
the converter would, runs `minutes serve` and `minutes build`, and saves what
Debian's Chromium shows into docs/images/. Run it again after changing the
review view or the theme.
"""

from __future__ import annotations

import functools
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
from helpers import add_review  # noqa: E402  (the tests' way of writing a person's review entries)

IMAGES = REPO / "docs" / "images"
PDF = REPO / "tests" / "pdfs" / "samples" / "001_d6dfb0b255ddcbc9.pdf"
TEXT = """\
HIGHTOWN TOWN COUNCIL

MINUTES OF THE MEETING OF THE PLANNING COMMITTEE
held on Tuesday, 3rd March, 2020 at 7.00 p.m. in the Town Hall

Present: Councillor Smith (in the Chair), Councillors Jones and Brown.

1. APOLOGIES FOR ABSENCE

Apologies were received from Councillor Green.

2. PLANNING APPLICATION 20/0001 - LAND AT MILL LANE

The committee considered the application for six houses.

RESOLVED: That the application be approved.
"""
AGENDA = "content/meetings/improving-lives-select-commission/2020-07-28/agenda.md"
MINUTES = "content/meetings/planning-committee/2020-03-03/minutes.md"


def minutes(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "minutes", *args], check=True, capture_output=True)


def line_of(words: str) -> int:
    from minutes.papers.readers import read_paper

    return next(
        line.number for line in read_paper(PDF.read_bytes(), PDF.name).lines if words in line.text and line.page == 1
    )


def make_site(root: Path) -> None:
    papers = root / "content" / "papers"
    papers.mkdir(parents=True)
    (root / "site.yaml").write_text(
        "title: Council minutes\ncouncil: Rotherham Metropolitan Borough Council\nbuild_date: 2021-01-01\n",
        encoding="utf-8",
    )
    shutil.copy(PDF, papers / PDF.name)
    (papers / "planning-2020-03-03.txt").write_text(TEXT, encoding="utf-8")
    minutes("convert", "--site", str(root))
    date, item = line_of("28 July 2020"), line_of("held on 16 June 2020")
    add_review(
        root / AGENDA,
        f"review:\n- fact: date\n  value: '2020-07-28'\n  why: the date is printed once, on the front sheet\n"
        f"  lines: [{date}, {date}]\n  confidence: 0.55\n"
        f"- fact: citation\n  item: '2'\n  value: '2020-06-16'\n"
        f"  why: item 2 names the minutes of 16 June 2020, but the pack carries those of 3 March 2020\n"
        f"  lines: [{item}, {item}]\n  confidence: 0.3\n",
    )
    add_review(
        root / MINUTES,
        "review:\n- fact: present\n  why: the chair is named in the same sentence as the members\n"
        "  lines: [6, 6]\n  confidence: 0.5\n",
    )


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(url: str) -> None:
    end = time.monotonic() + 120
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "site"
        make_site(root)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "minutes", "serve", "--site", str(root), "--port", str(port), "--no-search"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}/"
        try:
            wait(base + "_review/")
            minutes("build", "--site", str(root), "--no-search")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"], headless=True)
                page = browser.new_page(viewport={"width": 1100, "height": 560})
                page.goto(base + "_review/")
                page.screenshot(path=IMAGES / "review-list.png")
                page.set_viewport_size({"width": 1280, "height": 980})
                page.goto(base + "_review/improving-lives-select-commission/2020-07-28/agenda/")
                page.wait_for_function("[...document.images].every(img => img.complete && img.naturalWidth > 0)")
                page.locator("#doubts-heading").scroll_into_view_if_needed()
                page.evaluate("window.scrollTo(0, document.querySelector('.review-grid').offsetTop - 16)")
                page.screenshot(path=IMAGES / "review-pdf.png")
                page.set_viewport_size({"width": 1100, "height": 700})
                page.goto(base + "_review/planning-committee/2020-03-03/minutes/")
                page.evaluate("window.scrollTo(0, document.querySelector('.review-grid').offsetTop - 16)")
                page.screenshot(path=IMAGES / "review-text.png")
                page.set_viewport_size({"width": 1000, "height": 700})
                handler = functools.partial(_Quiet, directory=str(root / "output"))
                host = ThreadingHTTPServer(("127.0.0.1", 0), handler)
                threading.Thread(target=host.serve_forever, daemon=True).start()
                page.goto(f"http://127.0.0.1:{host.server_address[1]}/improving-lives-select-commission/2020-07-28/")
                facts = page.locator("h1").bounding_box()
                notice = page.locator("#unconfirmed").bounding_box()
                top = facts["y"] - 12
                page.screenshot(
                    path=IMAGES / "published-unconfirmed.png",
                    clip={"x": 0, "y": top, "width": 1000, "height": notice["y"] + notice["height"] + 12 - top},
                    full_page=True,
                )
                host.shutdown()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=20)
    for image in sorted(IMAGES.glob("*.png")):
        print(f"{image.relative_to(REPO)}: {image.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
