"""A PDF dropped into content/papers/ is converted and published like a text paper."""

from __future__ import annotations

import shutil

from minutes.build import build
from minutes.core.config import load_config
from pdfcases import PDFS


def test_a_pdf_paper_becomes_pages_of_the_site(tmp_path):
    (tmp_path / "site.yaml").write_text("title: Test\ncouncil: Royal Sutton Coldfield Town Council\n", encoding="utf-8")
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    shutil.copy(PDFS / "sutton-coldfield-tc_2018-03-13_community-grants_minutes.pdf", papers)
    build(load_config(tmp_path), search=False)
    records = list((tmp_path / "content" / "meetings").rglob("*.md"))
    assert records, "no record was written for the PDF"
    text = "\n".join(p.read_text(encoding="utf-8") for p in records)
    assert "Defibrillators" in text and "Friends of Mossy Bank" in text
    assert "Page | 3" not in text, "page furniture reached a record"
    pages = [p for p in (tmp_path / "output").rglob("*.html") if "Defibrillators" in p.read_text(encoding="utf-8")]
    assert pages, "the PDF's meeting is not on the site"
