"""Conversion speed across cores and on a Dask cluster, against the previous version in the same run.

    python bench/convert_bench.py                       # tests/pdfs' born-digital PDFs, copied twice
    python bench/convert_bench.py --copies 10 --runs 3  # a bigger archive
    python bench/convert_bench.py --baseline REV        # the previous version (default: main's merge base)

The papers are the born-digital PDFs of tests/pdfs (the set `make bench-pdf` reads; scanned and
garbled ones left out, so no OCR), copied `--copies` times into a site's papers folder. Figures,
each the median of `--runs`, in text pages a second:

- pypdfium2 alone reading each page's text and character boxes, one core: what the library gives;
- minutes' PDF reader, one core (this version and the previous one);
- `minutes convert --jobs 1` and `--jobs 2` from an empty meetings folder (both versions), and
  `minutes convert --scheduler local:2`, a LocalCluster of two worker processes (this version).

Beside each convert row, the peak resident memory of its largest process (a worker, or the convert
itself: `ru_maxrss` of the convert and its children, which a worker's fork shares pages with), median
of the runs.

This version and the previous one run in turn, so the load of a shared machine weighs on both
alike; compare their ratio rather than the pages a second of two different runs.

A convert run includes everything a user waits for: planning, reading, converting, writing, and
reading the papers a second time when the house style learned from the first reading changed it.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CODE = REPO / "generator"
sys.path.insert(0, str(CODE))
sys.path.insert(0, str(REPO / "bench"))

import pypdfium2 as pdfium  # noqa: E402
import pypdfium2.raw as pdfium_c  # noqa: E402

import revision as revision_tree  # noqa: E402

READ_SNIPPET = """
import sys, time
from pathlib import Path
from minutes.papers.readers.pdf import PdfReader
reader = PdfReader(ocr=False)
blobs = [(Path(p).read_bytes(), Path(p).name) for p in sys.argv[1:]]
start = time.perf_counter()
for data, name in blobs:
    reader.read(data, name)
print(time.perf_counter() - start)
"""


def median_of(runs: int, once) -> float:
    return statistics.median(once() for _ in range(runs))


def paired(runs: int, new, old) -> tuple[float, float | None]:
    """Medians of this version's and the previous one's runs, taken in turn (new, old, new, ...), so
    that a shared machine's load, which changes by the minute, weighs on both alike."""
    if old is None:
        return median_of(runs, new), None
    news, olds = [], []
    for _ in range(runs):
        news.append(new())
        olds.append(old())
    return statistics.median(news), statistics.median(olds)


def text_papers(folder: Path) -> tuple[list[Path], int]:
    """The PDFs whose pages all have a text layer (or are empty), and their pages."""
    from minutes.papers.readers.pdf import PdfReader

    reader = PdfReader(ocr=False)
    papers, pages = [], 0
    for path in sorted(folder.glob("*.pdf")):
        infos = reader.read(path.read_bytes(), path.name).pages
        if infos and all(info.layer in ("text", "empty") for info in infos):
            papers.append(path)
            pages += len(infos)
    return papers, pages


def pdfium_alone(papers: list[Path]) -> float:
    """Seconds pypdfium2 takes to give every character's code point and loose box, one core."""
    box = pdfium_c.FS_RECTF()
    start = time.perf_counter()
    for path in papers:
        pdf = pdfium.PdfDocument(path.read_bytes())
        for index in range(len(pdf)):
            page = pdf[index]
            text = page.get_textpage()
            raw = text.raw
            for i in range(pdfium_c.FPDFText_CountChars(raw)):
                pdfium_c.FPDFText_GetUnicode(raw, i)
                pdfium_c.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(box))
            text.close()
            page.close()
        pdf.close()
    return time.perf_counter() - start


def reader_seconds(papers: list[Path], code: Path) -> float:
    """Seconds minutes' PDF reader (from the tree `code`) takes over the papers, one process."""
    out = subprocess.run(
        [sys.executable, "-c", READ_SNIPPET, *map(str, papers)],
        env=dict(os.environ, PYTHONPATH=str(code)),
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def make_site(root: Path, papers: list[Path], copies: int) -> Path:
    folder = root / "content" / "papers"
    folder.mkdir(parents=True)
    shutil.copyfile(REPO / "site.yaml", root / "site.yaml")
    for n in range(copies):
        for paper in papers:
            shutil.copyfile(paper, folder / f"{paper.stem}-copy{n}.pdf")
    return root


PEAKS: dict[tuple[Path, tuple[str, ...]], list[float]] = {}
"""(tree, options) -> the peak resident memory, in MiB, of the largest process of each of its converts."""


def convert_seconds(site: Path, code: Path, *options: str) -> float:
    """Seconds `minutes convert` (from the tree `code`) takes from an empty meetings folder; its peak
    memory goes into PEAKS."""
    shutil.rmtree(site / "content" / "meetings", ignore_errors=True)
    (site / "content" / "house-style.yaml").unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(code))
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "minutes", "convert", "--site", str(site), *options],
            env=env,
            cwd=code,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        # wait4 gives the convert's resource use with its workers' (each reaped by it): ru_maxrss is the
        # largest process's peak, in KiB on Linux
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            err.seek(0)
            raise SystemExit(f"convert {' '.join(options)} failed:\n{err.read().decode(errors='replace')[-2000:]}")
    PEAKS.setdefault((code, options), []).append(usage.ru_maxrss / 1024)
    return seconds


def peak(code: Path | None, *options: str) -> float | None:
    """The median peak memory of the converts of `code` with `options`, in MiB."""
    runs = PEAKS.get((code, options)) if code else None
    return statistics.median(runs) if runs else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=REPO / "tests" / "pdfs")
    parser.add_argument("--copies", type=int, default=2, help="copies of each PDF in the archive")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--baseline", default="", help="git revision of the previous version (default: main's merge base)"
    )
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-cluster", action="store_true")
    args = parser.parse_args()

    papers, pages = text_papers(args.dir)
    print(f"{len(papers)} born-digital PDFs, {pages} pages; archive: {args.copies} copies, {pages * args.copies} pages")
    print(f"cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}; medians of {args.runs}")
    rows: list[tuple[str, float, float | None]] = []

    def row(name: str, seconds: float, count: int, old: float | None = None, memory: str = "") -> None:
        rows.append((name, count / seconds, count / old if old else None))
        ratio = f"   previous {count / old:6.1f} pages/s, {old / seconds:4.2f}x" if old else ""
        print(f"{name:34} {count / seconds:7.1f} pages/s ({seconds:6.2f} s){ratio}{memory}", flush=True)

    def memory(new: float | None, old: float | None = None) -> str:
        if new is None:
            return ""
        return f"   peak {new:5.0f} MiB" + (f" (previous {old:5.0f} MiB)" if old else "")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        old_code = None
        if not args.skip_baseline:
            revision = revision_tree.previous(args.baseline)
            old_code = revision_tree.export(revision, work / "baseline")
            print(f"previous version: {revision[:12]}")
        row("pypdfium2 text + boxes, 1 core", median_of(args.runs, lambda: pdfium_alone(papers)), pages)
        new_read, old_read = paired(
            args.runs,
            lambda: reader_seconds(papers, CODE),
            (lambda: reader_seconds(papers, old_code)) if old_code else None,
        )
        row("minutes PDF reader, 1 core", new_read, pages, old_read)
        site = make_site(work / "site", papers, args.copies)
        count = pages * args.copies
        for jobs in (1, 2):
            new, old = paired(
                args.runs,
                lambda jobs=jobs: convert_seconds(site, CODE, "--jobs", str(jobs)),
                (lambda jobs=jobs: convert_seconds(site, old_code, "--jobs", str(jobs))) if old_code else None,
            )
            options = ("--jobs", str(jobs))
            row(
                f"minutes convert --jobs {jobs}",
                new,
                count,
                old,
                memory(peak(CODE, *options), peak(old_code, *options)),
            )
        if not args.skip_cluster:
            row(
                "minutes convert --scheduler local:2",
                median_of(args.runs, lambda: convert_seconds(site, CODE, "--scheduler", "local:2")),
                count,
                memory=memory(peak(CODE, "--scheduler", "local:2")),
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
