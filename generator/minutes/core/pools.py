"""Process pools that start with this process's model: forked where the platform can, spawned elsewhere.

Under `fork` a worker inherits what was loaded before it started instead of
receiving a copy; under `spawn` (no fork on the platform) what a pool needs is
pickled, once per worker.
"""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.context import ForkContext, SpawnContext


def default_jobs() -> int:
    """Worker processes when `--jobs` is not given: one per core."""
    return max(1, os.cpu_count() or 1)


def pool_context() -> ForkContext | SpawnContext:
    """The start method a pool of this project's workers uses."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
