"""Reading many papers at once: one process per paper, up to one per core at a time, since reading a
PDF is CPU-bound Python (layout) and C (pdfium, Tesseract) that threads would not share out.

Each paper is read in a process of its own (core/isolated.py), under a cap on its memory and its
time, so a paper that crashes pdfium or eats memory is one paper's problem."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from minutes.core.errors import Problem
from minutes.core.isolated import NO_LIMITS, TaskLimits, run_tasks
from minutes.papers.readers import DEFAULT_LIMITS, ReadLimits, read_paper
from minutes.papers.readers.base import PaperText


def _read_one(path: str, shown_as: str, limits: ReadLimits) -> PaperText:
    # each worker process is one of a core's worth already
    os.environ["MINUTES_OCR_WORKERS"] = "1"
    return read_paper(Path(path).read_bytes(), shown_as, limits)


def read_papers_parallel(
    paths: Sequence[Path],
    workers: int | None = None,
    shown_as: Sequence[str] | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    task_limits: TaskLimits = NO_LIMITS,
) -> list[PaperText]:
    """The papers' texts, in the order given, read by `workers` processes (default:
    one per core). `shown_as` names each paper in problems (default: its file name).
    A paper that fails to read, or whose reading crashes or overruns its `task_limits`,
    is reported in its own `problems`, never raised."""
    names = list(shown_as) if shown_as is not None else [Path(p).name for p in paths]
    tasks = ((name, partial(_read_one, str(path), name, limits)) for path, name in zip(paths, names, strict=True))
    texts: list[PaperText] = []
    for name, outcome in run_tasks(tasks, jobs=workers or os.cpu_count() or 1, limits=task_limits):
        assert outcome is not None
        if outcome.ok and outcome.value is not None:
            texts.append(outcome.value)
        else:
            why = f"{outcome.status}: {outcome.detail}" if outcome.detail else outcome.status
            problem = Problem(name, 0, f"the paper could not be read ({why})", "error")
            texts.append(PaperText(lines=(), format="", problems=(problem,)))
    return texts
