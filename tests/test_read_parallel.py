"""Papers read in parallel come back in order, the same as read one by one."""

from __future__ import annotations

from minutes.papers.readers import read_paper
from minutes.papers.readers.parallel import read_papers_parallel
from pdfcases import PDFS


def test_parallel_reading_matches_sequential(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing else")
    paths = [
        PDFS / "kent-cc_2025-03-13_county-council_minutes.pdf",
        bad,
        PDFS / "sutton-coldfield-tc_2017-11_payments-over-250.pdf",
    ]
    parallel = read_papers_parallel(paths, workers=2)
    assert parallel == [read_paper(p.read_bytes(), p.name) for p in paths]
    assert parallel[1].problems and parallel[0].lines
