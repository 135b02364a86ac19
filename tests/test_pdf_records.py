"""What the converter makes of every PDF in tests/pdfs/: its meetings and documents, golden.

- Each PDF's records (kind, committee, date, items with their decisions counted, warnings,
  the pages read by OCR) are a golden file in tests/fixtures/pdf-records/, rewritten only
  by `make golden` (which prints the diff) and read against the PDF before committing.
- The PDFs printed from the five samples (tests/pdf-corpus/printed) and the printed minutes
  of Kent, Bristol and Sutton Coldfield (tests/pdf-corpus/minutes) are scored against the
  facts a person read from them, and held to their floors, by tests/test_floors.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from goldens import check
from minutes.papers import convert_paper
from pdfcases import CASES, OCR_CASES, read, require_tesseract

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "pdf-records"
COUNCILS = {
    "bristol-cc": "Bristol City Council",
    "horsley-pc": "Horsley Parish Council",
    "kent-cc": "Kent County Council",
    "nipissing-twp": "Township of Nipissing",
    "sutton-coldfield-tc": "Royal Sutton Coldfield Town Council",
    "weca": "West of England Combined Authority",
}
PAPERS = [case.path for case in CASES]


def council_of(path: Path) -> str:
    if path.parent.name == "samples":
        return "Rotherham Metropolitan Borough Council"
    return COUNCILS[path.name.split("_")[0]]


def records(path: Path) -> dict:
    paper = read(path)
    documents = convert_paper(paper, path.name, council=council_of(path))
    return {
        "ocr_pages": [page.number for page in paper.pages if page.ocr],
        "documents": [
            {
                k: v
                for k, v in {
                    "file": d.relpath.as_posix(),
                    "kind": d.record.kind,
                    "committee": d.record.committee,
                    "date": d.record.date.isoformat() if d.record.date else "",
                    "ocr": d.record.source.ocr,
                    "present": len(d.record.attendance.present),
                    "apologies": len(d.record.attendance.apologies),
                    "items": [
                        f"{i.number} {i.title}".strip() + (f" [{len(i.resolutions)}]" if i.resolutions else "")
                        for i in d.record.items
                    ],
                    "warnings": list(d.record.warnings),
                }.items()
                if v not in ("", [], 0, False)
            }
            for d in documents
        ],
    }


@pytest.mark.parametrize("path", PAPERS, ids=lambda p: p.stem)
def test_pdf_records_golden(path: Path):
    if any(case.path == path for case in OCR_CASES):
        require_tesseract()
    got = records(path)
    assert got["documents"], f"{path.name} gave no document"
    check(GOLDEN / f"{path.stem}.yaml", got)


def test_scanned_records_say_they_were_read_by_ocr():
    require_tesseract()
    for case in OCR_CASES:
        documents = records(case.path)["documents"]
        assert all(d.get("ocr") for d in documents), case.name
        assert any("OCR" in w or "ocr" in w for d in documents for w in d.get("warnings", [])), case.name
