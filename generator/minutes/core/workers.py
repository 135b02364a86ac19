"""Work on strangers' files in worker processes kept for many tasks, under the limits `core.isolated` holds.

`isolated.run_tasks` forks a child for each task: the surest isolation, but a
child's first touches of its parent's memory are copied page by page, and
whatever it learned (caches of pure functions) dies with it. Converting an
archive of hundreds of papers paid about a fifth of its time for that. Here a
pool of `jobs` workers is forked once and each worker runs task after task:

- **The same limits, task by task.** Before each task a worker lets its
  address space grow by at most the task's memory from what it holds then,
  and lifts that cap after; the parent kills a worker whose task overruns its
  time. A task that runs out of memory, overruns or dies takes its worker
  with it: a fresh one is forked for the tasks after it, which are not
  touched.
- **The same outcomes, in the order given**, lazily taken, as `run_tasks`
  gives them, so a caller can use either.
- **A worker is retired** after `tasks_per_worker` tasks, so what a long run
  leaves in a worker's heap stays bounded.

Tasks and their values travel by pickle, so a task must be a picklable
callable (a module-level function, or a `functools.partial` of one): one that
cannot be pickled comes back as an error naming why, and the others run.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from minutes.core import isolated
from minutes.core.isolated import CRASH, ERROR, MEMORY, NO_LIMITS, OK, TIMEOUT, Outcome, TaskLimits
from minutes.core.pools import pool_context

try:
    import resource
except ImportError:  # not a Unix: no limits on memory, the deadline still holds
    resource = None  # type: ignore[assignment]

T = TypeVar("T")
K = TypeVar("K")

TASKS_PER_WORKER = 200
"""Tasks a worker runs before it is replaced by a fresh one."""


def run_in_workers(
    tasks: Iterable[tuple[K, Callable[[], T] | None]],
    *,
    jobs: int,
    limits: TaskLimits = NO_LIMITS,
    tasks_per_worker: int = TASKS_PER_WORKER,
) -> Iterator[tuple[K, Outcome[T] | None]]:
    """Each `(key, task)` as `(key, outcome)`, in the order given, the tasks run by `jobs` long-lived
    workers; a task of None has nothing to run (its outcome is None) and keeps its place. Leaving the
    loop early stops the workers."""
    pool = _Pool(max(1, jobs), limits, max(1, tasks_per_worker))
    try:
        yield from pool.run(iter(tasks))
    finally:
        pool.stop_all()


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Connection
    done: int = 0
    """Tasks this worker has finished."""
    index: int = -1
    """The task it is running, or -1 when idle."""
    started: float = 0.0


class _Pool(isolated.InOrder):
    def __init__(self, jobs: int, limits: TaskLimits, tasks_per_worker: int):
        self.jobs = jobs
        self.limits = limits
        self.tasks_per_worker = tasks_per_worker
        self.context = pool_context()
        self.workers: list[_Worker] = []

    def _busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.index >= 0]

    def running_count(self) -> int:
        return len(self._busy())

    def give(self, index: int, task: Callable[[], Any]) -> Outcome | None:
        """Send the task to an idle worker (forked when none is idle); an outcome when it cannot be sent."""
        worker = next((w for w in self.workers if w.index < 0), None) or self._start()
        try:
            worker.conn.send(task)
        except (OSError, EOFError):  # the idle worker had died: a fresh one takes the task
            self._retire(worker)
            return self.give(index, task)
        except Exception as exc:
            return Outcome(ERROR, detail=f"the task could not be sent to a worker: {type(exc).__name__}: {exc}")
        worker.index, worker.started = index, time.monotonic()
        return None

    def _start(self) -> _Worker:
        ours, theirs = self.context.Pipe(duplex=True)
        process = self.context.Process(target=_serve, args=(theirs, self.limits, os.getpid()), daemon=True)
        process.start()
        theirs.close()  # the worker holds its end; ours closing lets a dead worker read as end of file
        worker = _Worker(process, ours)
        self.workers.append(worker)
        return worker

    def collect(self) -> dict[int, Outcome]:
        """Wait for at least one busy worker to finish, die or overrun; the outcomes of their tasks."""
        busy = self._busy()
        timeout = None
        if self.limits.seconds is not None:
            timeout = max(0.0, min(w.started + self.limits.seconds for w in busy) - time.monotonic())
        by_conn = {w.conn: w for w in busy}
        outcomes: dict[int, Outcome] = {}
        for conn in wait(list(by_conn), timeout=timeout):
            worker = by_conn[conn]  # type: ignore[index]
            index = worker.index  # read before the worker is marked idle
            outcomes[index] = self._finish(worker)
        if self.limits.seconds is not None:
            now = time.monotonic()
            for worker in self._busy():
                if worker.index not in outcomes and now - worker.started >= self.limits.seconds:
                    outcomes[worker.index] = Outcome(TIMEOUT, seconds=now - worker.started)
                    self._retire(worker)
        return outcomes

    def _finish(self, worker: _Worker) -> Outcome:
        """The outcome of the task of a worker whose pipe is readable: its message, or the worker's death."""
        seconds = time.monotonic() - worker.started
        try:
            status, value, detail = worker.conn.recv()
        except (EOFError, OSError):  # died before it could say anything
            self._retire(worker)
            code = worker.process.exitcode or 0
            detail = isolated.signal_name(-code) if code < 0 else f"exit status {code}"
            return Outcome(CRASH, detail=detail, seconds=seconds)
        except Exception as exc:
            status, value, detail = ERROR, None, f"{type(exc).__name__}: {exc}"
        worker.index, worker.done = -1, worker.done + 1
        if status == MEMORY or worker.done >= self.tasks_per_worker:
            self._retire(worker)  # a heap that ran out may stay large: a fresh worker for what follows
        return Outcome(status, value, detail, seconds)

    def _retire(self, worker: _Worker) -> None:
        with contextlib.suppress(OSError, ValueError):
            worker.conn.close()
        worker.process.kill()
        worker.process.join()
        self.workers.remove(worker)

    def stop_all(self) -> None:
        for worker in list(self.workers):
            self._retire(worker)


def _serve(conn: Connection, limits: TaskLimits, parent: int) -> None:
    """In a worker: take tasks until the pool closes its end, each run under the limits and answered with
    a message. Never raises: every ending is a message, the pool closing, or a death."""
    isolated.die_with_parent(parent)
    cap = resource.getrlimit(resource.RLIMIT_AS) if resource is not None and limits.memory_mb is not None else None
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        except Exception as exc:
            conn.send((ERROR, None, f"the task could not be received: {type(exc).__name__}: {exc}"))
            continue
        if cap is not None:
            isolated.limit_memory(limits.memory_mb)  # type: ignore[arg-type]
        try:
            # The value is pickled under the task's cap too, as a child of `run_tasks` pickles it.
            isolated.send_message(conn, isolated.run_one(task))
        finally:
            del task
            if cap is not None:
                with contextlib.suppress(ValueError, OSError):
                    resource.setrlimit(resource.RLIMIT_AS, cap)


__all__ = ["CRASH", "ERROR", "MEMORY", "OK", "TASKS_PER_WORKER", "TIMEOUT", "run_in_workers"]
