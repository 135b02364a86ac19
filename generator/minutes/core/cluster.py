"""Tasks on a Dask cluster, with what `core.isolated.run_tasks` promises on one machine.

`minutes convert --scheduler tcp://host:8786` sends each paper to a cluster's
workers instead of this machine's cores (`--scheduler local:N` starts a cluster
of N worker processes here, to try it). The promises are the same:

- **Outcomes in the order of the tasks**, whatever order they finish in, so the
  caller writes what a one-process run would write. Only a few tasks run ahead of
  the one to hand back next (`ahead`), so the papers waiting in memory stay few.
- **Limits hold on the workers.** A worker runs each task through `run_tasks`
  with the site's limits: in a child process of its own, under the memory cap and
  the deadline, so a paper that crashes pdfium kills that child, not the worker.
- **A lost worker costs only its tasks, which run again.** When a worker dies
  (its machine is switched off, its process killed), the scheduler gives the tasks
  it held to other workers; a task whose workers die `allowed-failures` times
  (Dask's setting, default 3) comes back as a crash naming the task.

Nothing here touches files: a task takes what it needs as arguments (a paper's
bytes) and returns a value, which comes back to this process.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from minutes.core.errors import UserError
from minutes.core.isolated import CRASH, NO_LIMITS, Outcome, TaskLimits, run_tasks

T = TypeVar("T")
K = TypeVar("K")

RETRIES = 2
"""Times a task that raised on its worker is tried again (Dask's `retries`). Tasks catch what their
work raises, so this covers the worker's own failures; a worker that dies is handled by the scheduler."""

_LOCAL = re.compile(r"local:([1-9][0-9]{0,2})")
_ADDRESS = re.compile(r"(tcp|tls|ws|wss|inproc)://[^\s/]+")


def check_scheduler(value: str) -> str:
    """`value` if it names a scheduler (`tcp://host:port`, `tls://...`, or `local:N`), else a ValueError
    saying what does."""
    if _LOCAL.fullmatch(value) or _ADDRESS.fullmatch(value):
        return value
    raise ValueError(
        f"{value!r} is not a scheduler: give a Dask scheduler's address (tcp://host:8786) "
        "or local:N for N worker processes on this machine"
    )


@contextmanager
def connect(scheduler: str) -> Iterator[Any]:
    """A Dask client of the scheduler (a `distributed.Client`), closed on leaving; for `local:N`, of a
    cluster of N single-threaded worker processes started here and stopped on leaving."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise UserError(
            "converting on a cluster needs Dask distributed, which is not installed — "
            "install it with `pip install 'minutes[cluster]'`, or convert without --scheduler",
            "--scheduler",
        ) from None
    local = _LOCAL.fullmatch(scheduler)
    if local:
        with (
            # Workers start each task's child process (for its limits), which a daemonic process may not.
            dask.config.set({"distributed.worker.daemon": False}),
            LocalCluster(
                n_workers=int(local.group(1)),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: never a clash with another run
                host="127.0.0.1",
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise UserError(
            f"cannot reach the Dask scheduler at {scheduler} ({exc}); start it (dask scheduler) "
            "and its workers (dask worker), or check the address",
            "--scheduler",
        ) from None
    with client:
        _check_workers(client, scheduler)
        yield client


def _check_workers(client: Any, scheduler: str) -> None:
    """Workers must be able to start a child process for each task; by default Dask's nannies start
    them as daemonic processes, which cannot."""
    daemonic = sorted(address for address, daemon in client.run(_is_daemonic).items() if daemon)
    if daemonic:
        raise UserError(
            f"{len(daemonic)} worker(s) of the cluster at {scheduler} ({daemonic[0]}, ...) run as daemonic "
            "processes, which cannot start the process each paper is read in under its limits — start the "
            "workers with DASK_DISTRIBUTED__WORKER__DAEMON=False in their environment",
            "--scheduler",
        )


def _is_daemonic() -> bool:
    return bool(multiprocessing.current_process().daemon)


def run_on_cluster(
    client: Any,
    tasks: Iterable[tuple[K, Callable[[], T] | None]],
    *,
    limits: TaskLimits = NO_LIMITS,
    ahead: int | None = None,
    retries: int = RETRIES,
) -> Iterator[tuple[K, Outcome[T] | None]]:
    """Each `(key, task)` as `(key, outcome)`, in the order given, each task run on a worker of
    `client`'s cluster under `limits`; a task of None has nothing to run (its outcome is None).

    Tasks are pickled (cloudpickle) to the workers: a closure over a paper's bytes is fine, a
    closure over an open file is not. Earlier tasks are given a higher priority, so the one to
    hand back next is not kept waiting behind later ones. Leaving the loop early cancels the
    tasks still waiting or running.
    """
    if ahead is None:
        threads = sum(client.nthreads().values()) or 1
        ahead = 2 * threads + 2
    waiting: deque[tuple[K, Any]] = deque()
    submitted = 0
    try:
        for key, task in tasks:
            future = None
            if task is not None:
                future = client.submit(_run_isolated, task, limits, pure=False, retries=retries, priority=-submitted)
                submitted += 1
            waiting.append((key, future))
            while len(waiting) > ahead:
                yield _outcome(*waiting.popleft())
        while waiting:
            yield _outcome(*waiting.popleft())
    finally:
        for _, future in waiting:
            if future is not None:
                future.cancel()


def _run_isolated(task: Callable[[], T], limits: TaskLimits) -> Outcome[T]:
    """On a worker: the task in a child process of its own under `limits` (see `core.isolated`)."""
    # One task a worker thread, so a paper's OCR pages are read one at a time: the cluster's
    # threads are its cores, and they are spread over papers already.
    os.environ["MINUTES_OCR_WORKERS"] = "1"
    _, outcome = next(run_tasks([(0, task)], jobs=1, limits=limits))
    assert outcome is not None
    return outcome


def _outcome(key: K, future: Any) -> tuple[K, Outcome | None]:
    if future is None:
        return key, None
    try:
        return key, future.result()
    except Exception as exc:  # the task's workers kept dying (KilledWorker), or it could not be sent
        return key, Outcome(CRASH, detail=f"on the cluster: {type(exc).__name__}: {str(exc)[:200]}")
