"""Print the five sample papers in content/papers/ as PDFs, so the PDF reader's lines can
be compared with the text reader's.

Each text paper is rendered to HTML with markdown-it (its headings, lists and bold as
they are; every line break kept) and printed by headless Chromium with a running header
and a "Page N" footer, like a ModernGov pack. Run from the repository root:

    .venv/bin/python tests/pdfs/print_samples.py

It needs Playwright (a test dependency) and Debian's Chromium at /usr/bin/chromium.
The PDFs are committed; run this again only when the samples change.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from helpers import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

OUT = Path(__file__).resolve().parent / "samples"
STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.35; }
h1 { font-size: 18pt; } h2 { font-size: 16pt; } h3 { font-size: 14pt; } h4 { font-size: 13pt; }
h5, h6 { font-size: 12pt; }
table { border-collapse: collapse; } td, th { border: 1px solid #444; padding: 2pt 4pt; }
"""
HEADER = '<div style="font-size:8pt;width:100%;text-align:center;color:#333">Rotherham Metropolitan Borough Council – {title}</div>'
FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#333">Page <span class="pageNumber"></span></div>'
)


_BLOCK_TAGS = re.compile(r"</?(?:p|ol|ul|li|div|table|tr|td|th|tbody|thead)\b[^>]*>", re.IGNORECASE)


def _tab_rows_as_tables(text: str) -> str:
    out: list[str] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
            out.extend(["", f"<table>{cells}</table>", ""])
            rows.clear()

    for line in text.split("\n"):
        if "\t" in line.strip("\t ") or (line.startswith("\t") and line.strip()):
            rows.append([cell.strip() for cell in line.strip("\t ").split("\t")])
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def paper_html(text: str, title: str) -> str:
    # Exports hold stray block tags ("<p>Resolved -</p> <ol ...>") inside table rows;
    # rendered, they would swallow or move text. Inline tags (<sup>, <b>) are kept.
    text = _BLOCK_TAGS.sub(" ", text)
    # Tab-separated rows are a table's rows in the paper a council printed: set them as a
    # ruled table (as code blocks they would not wrap, and as paragraphs lose their cells).
    text = _tab_rows_as_tables(text)
    body = MarkdownIt("commonmark", {"html": True, "breaks": True}).enable("table").render(text)
    return f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title><style>{STYLE}</style></head><body>{body}</body></html>"


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    papers = sorted((ROOT / "content" / "papers").glob("*.txt"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        for paper in papers:
            title = f"sample paper {paper.stem}"
            page.set_content(paper_html(paper.read_text(encoding="utf-8"), title), wait_until="load")
            target = OUT / f"{paper.stem}.pdf"
            page.pdf(
                path=str(target),
                format="A4",
                print_background=False,
                display_header_footer=True,
                header_template=HEADER.format(title=html.escape(title)),
                footer_template=FOOTER,
                margin={"top": "22mm", "bottom": "22mm", "left": "20mm", "right": "20mm"},
            )
            print(target.relative_to(ROOT))
        browser.close()


if __name__ == "__main__":
    main()
