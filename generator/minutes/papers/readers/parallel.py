"""Reading many papers at once: one process per core, since reading a PDF is CPU-bound
Python (layout) and C (pdfium, Tesseract) that threads would not share out."""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from minutes.papers.readers import read_paper
from minutes.papers.readers.base import PaperText


def _one_ocr_page_at_a_time() -> None:
    # each worker process is one of a core's worth already
    os.environ["MINUTES_OCR_WORKERS"] = "1"


def _read_one(path: str, shown_as: str) -> PaperText:
    return read_paper(Path(path).read_bytes(), shown_as)


def read_papers_parallel(
    paths: Sequence[Path], workers: int | None = None, shown_as: Sequence[str] | None = None
) -> list[PaperText]:
    """The papers' texts, in the order given, read by `workers` processes (default:
    one per core). `shown_as` names each paper in problems (default: its file name).
    A paper that fails to read is reported in its own `problems`, never raised."""
    names = list(shown_as) if shown_as is not None else [Path(p).name for p in paths]
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(paths) <= 1:
        return [_read_one(str(p), n) for p, n in zip(paths, names, strict=False)]
    with ProcessPoolExecutor(max_workers=min(workers, len(paths)), initializer=_one_ocr_page_at_a_time) as pool:
        return list(pool.map(_read_one, [str(p) for p in paths], names))
