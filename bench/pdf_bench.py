"""PDF reading speed and memory: pages per second for text pages and for OCR pages
apart, a 100-page pack end to end, peak memory, and a folder read over all cores.

    python bench/pdf_bench.py                      # tests/pdfs/ (and its samples/)
    python bench/pdf_bench.py --dir PATH --runs 3  # any folder of PDFs, e.g. a whole archive
    python bench/pdf_bench.py --ocr-pages 0        # skip the (slow) OCR measure

Text pages are read with OCR off; OCR pages (scanned or garbled) are read with the OCR
cache off, so Tesseract really runs. "End to end" adds the converter (PDF to records).
Medians over --runs; peak memory is the largest resident set of this process or of one
worker. Every PDF of the folder is read in the parallel pass: a crash would stop it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "generator"))

import pypdfium2 as pdfium  # noqa: E402

from minutes.core.isolated import run_tasks  # noqa: E402
from minutes.papers.convert import convert_paper  # noqa: E402
from minutes.papers.readers import read_paper  # noqa: E402
from minutes.papers.readers.pdf import PdfReader  # noqa: E402


def _read_file(path: Path):
    return read_paper(path.read_bytes(), path.name)


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _layers(paths: list[Path]) -> dict[Path, list[str]]:
    reader = PdfReader(ocr=False)
    return {path: [info.layer for info in reader.read(path.read_bytes(), path.name).pages] for path in paths}


def _pack(paths: list[Path], layers: dict[Path, list[str]], pages: int, target: Path) -> int:
    """A pack of `pages` text pages taken from the folder's PDFs, as councils join them."""
    pack = pdfium.PdfDocument.new()
    for path in paths:
        wanted = [i for i, layer in enumerate(layers[path]) if layer == "text"][: pages - len(pack)]
        if wanted:
            pack.import_pages(pdfium.PdfDocument(path), wanted)
        if len(pack) >= pages:
            break
    pack.save(str(target))
    return len(pack)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=REPO / "tests" / "pdfs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--ocr-pages", type=int, default=8, help="OCR at most this many pages (0: none)")
    parser.add_argument("--pack-pages", type=int, default=100)
    args = parser.parse_args()

    paths = sorted(args.dir.rglob("*.pdf"))
    if not paths:
        print(f"{args.dir}: no PDFs")
        return 1
    layers = _layers(paths)
    text_papers = [p for p in paths if all(layer in ("text", "empty") for layer in layers[p])]
    text_pages = sum(len(layers[p]) for p in text_papers)
    print(
        f"{len(paths)} PDFs, {sum(len(v) for v in layers.values())} pages; {len(text_papers)} text-only papers, {text_pages} pages"
    )

    reader = PdfReader(ocr=False)
    blobs = [(p.read_bytes(), p.name) for p in text_papers]
    read_s = _median_time(lambda: [reader.read(data, name) for data, name in blobs], args.runs)
    print(f"read, one process:         {text_pages / read_s:7.1f} text pages/s  ({read_s:.2f} s)")

    def end_to_end():
        for data, name in blobs:
            convert_paper(reader.read(data, name), name)

    e2e_s = _median_time(end_to_end, args.runs)
    print(f"PDF to records, one process:{text_pages / e2e_s:6.1f} text pages/s  ({e2e_s:.2f} s)")

    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "pack.pdf"
        pages = _pack(text_papers, layers, args.pack_pages, pack)
        data = pack.read_bytes()
        pack_s = _median_time(lambda: convert_paper(reader.read(data, "pack.pdf"), "pack.pdf"), args.runs)
        print(f"{pages}-page pack, PDF to records: {pack_s:.2f} s (one process; a pack is one paper)")

    start = time.perf_counter()
    os.environ["MINUTES_OCR_WORKERS"] = "1"  # each worker is one core's worth already
    tasks = ((path, partial(_read_file, path)) for path in paths)
    results = []
    for path, outcome in run_tasks(tasks, jobs=args.workers):
        if not outcome.ok:
            print(f"{path.name}: {outcome.status} {outcome.detail}")
            return 1
        results.append(outcome.value)
    par_s = time.perf_counter() - start
    all_pages = sum(len(r.pages) for r in results)
    ocr_done = sum(1 for r in results for info in r.pages if info.ocr)
    print(f"whole folder, {args.workers} processes: {all_pages} pages ({ocr_done} by OCR) in {par_s:.1f} s, no crash")

    if args.ocr_pages:
        os.environ["MINUTES_OCR_CACHE"] = "off"
        ocr_papers = [p for p in paths if any(layer in ("scanned", "garbled") for layer in layers[p])]
        budget, jobs = args.ocr_pages, []
        for path in ocr_papers:
            wanted = [i + 1 for i, layer in enumerate(layers[path]) if layer in ("scanned", "garbled")][:budget]
            if wanted:
                jobs.append((path, set(wanted)))
                budget -= len(wanted)
            if budget <= 0:
                break
        count = sum(len(w) for _, w in jobs)
        if count:
            start = time.perf_counter()
            for path, wanted in jobs:
                PdfReader(ocr_pages=wanted).read(path.read_bytes(), path.name)
            ocr_s = time.perf_counter() - start
            print(
                f"OCR, one process:          {count / ocr_s:7.2f} pages/s  ({ocr_s / count:.1f} s a page, {count} pages)"
            )
    own, children = _peak_mb()
    print(f"peak memory: {own:.0f} MB (this process), {children:.0f} MB (largest worker or Tesseract)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
