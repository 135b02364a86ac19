"""Work on a stranger's file, each piece in a process of its own, so that it can cost only itself.

A paper can make its reader allocate gigabytes (a decompression bomb), spin (a
pattern that backtracks), or kill the process outright: pdfium is C, and a
native library that overflows its stack or aborts on a failed allocation ends
the process with a signal no Python code can catch. So each task runs in a
child process forked for it, with a cap on the memory it may add to what the
child started with (RLIMIT_AS, so an allocation past it fails inside the
task) and a wall-clock deadline. What the task returns comes back through a
pipe; a task that dies, overruns its time or runs out of memory comes back as
an `Outcome` saying which, and the caller reports it against the task's input
and goes on with the others.

`run_tasks` keeps up to `jobs` children at work and hands the outcomes back in
the order the tasks were given, whatever order they finish in, so a caller
that writes from them writes what a one-process run would. It takes its tasks
lazily and never runs more than a few ahead of the one it must hand back next,
so the outcomes waiting in memory stay few however many tasks there are.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from minutes.core.pools import pool_context

try:
    import resource
except ImportError:  # not a Unix: no limits on memory, the deadline still holds
    resource = None  # type: ignore[assignment]

T = TypeVar("T")
K = TypeVar("K")

OK, ERROR, TIMEOUT, MEMORY, CRASH = "ok", "error", "timeout", "memory", "crash"


@dataclass(frozen=True, slots=True)
class TaskLimits:
    seconds: float | None = None
    """Wall-clock time a task may take, from its start; None: no limit."""
    memory_mb: int | None = None
    """Memory (address space) a task may add to what its process started with; None: no limit."""


NO_LIMITS = TaskLimits()


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """How a task ended: its value, or why there is none."""

    status: str
    """ok | error (the task raised) | timeout | memory (it ran out of its memory) | crash (killed by a signal)"""
    value: T | None = None
    detail: str = ""
    """For an error, the exception as `Type: message`; for a crash, the signal's name (SIGSEGV)."""
    seconds: float = 0.0
    """Wall-clock time the task took."""

    @property
    def ok(self) -> bool:
        return self.status == OK


def run_tasks(
    tasks: Iterable[tuple[K, Callable[[], T] | None]], *, jobs: int, limits: TaskLimits = NO_LIMITS
) -> Iterator[tuple[K, Outcome[T] | None]]:
    """Each `(key, task)` as `(key, outcome)`, in the order given; a task of None has nothing to run
    (its outcome is None) and keeps its place in the order.

    Each task runs in a child process of its own, `jobs` at a time. On a platform
    that forks, the child inherits the task (a closure is fine); elsewhere it is
    pickled. Leaving the loop early stops the children still at work.
    """
    runner = _Runner(max(1, jobs), limits)
    try:
        yield from runner.run(iter(tasks))
    finally:
        runner.stop_all()


@dataclass(slots=True)
class _Running:
    index: int
    process: Any
    conn: Connection
    started: float


class InOrder:
    """Takes `(key, task)` pairs lazily and hands `(key, outcome)` back in the order given, whatever order
    the tasks finish in, never more than a few ahead of the outcome it must hand back next. How a task is
    started and its outcome collected is a subclass's: a child per task here, kept workers in `core.workers`."""

    jobs: int

    def run(self, tasks: Iterator[tuple[Any, Callable[[], Any] | None]]) -> Iterator[tuple[Any, Outcome | None]]:
        keys: dict[int, Any] = {}
        done: dict[int, Outcome | None] = {}
        waiting: list[tuple[int, Callable[[], Any]]] = []
        next_out = taken = 0
        exhausted = False
        ahead = 2 * self.jobs + 2  # tasks taken no further ahead of the next outcome to hand back
        while True:
            while not exhausted and taken - next_out < ahead:
                item = next(tasks, None)
                if item is None:
                    exhausted = True
                    break
                keys[taken], task = item
                if task is None:
                    done[taken] = None
                else:
                    waiting.append((taken, task))
                taken += 1
            while waiting and self.running_count() < self.jobs:
                index, task = waiting.pop(0)
                refused = self.give(index, task)
                if refused is not None:
                    done[index] = refused
            while next_out in done:
                yield keys.pop(next_out), done.pop(next_out)
                next_out += 1
            if exhausted and next_out == taken:
                return
            if self.running_count():
                done.update(self.collect())

    def running_count(self) -> int:
        """Tasks started and not yet collected."""
        raise NotImplementedError

    def give(self, index: int, task: Callable[[], Any]) -> Outcome | None:
        """Start the task; its outcome at once when it cannot be started."""
        raise NotImplementedError

    def collect(self) -> dict[int, Outcome]:
        """Wait for at least one running task to end; the outcomes of those that did."""
        raise NotImplementedError


class _Runner(InOrder):
    def __init__(self, jobs: int, limits: TaskLimits):
        self.jobs = jobs
        self.limits = limits
        self.context = pool_context()
        self.running: dict[int, _Running] = {}

    def running_count(self) -> int:
        return len(self.running)

    def give(self, index: int, task: Callable[[], Any]) -> None:
        self._start(index, task)

    def _start(self, index: int, task: Callable[[], Any]) -> None:
        receive, send = self.context.Pipe(duplex=False)
        process = self.context.Process(target=_child, args=(task, send, self.limits, os.getpid()), daemon=True)
        process.start()
        send.close()  # the child holds its end; ours closing lets a dead child read as end of file
        self.running[index] = _Running(index, process, receive, time.monotonic())

    def collect(self) -> dict[int, Outcome]:
        """Wait for at least one child to finish, die or overrun; their outcomes."""
        now = time.monotonic()
        timeout = None
        if self.limits.seconds is not None:
            timeout = max(0.0, min(r.started + self.limits.seconds for r in self.running.values()) - now)
        by_conn = {r.conn: r for r in self.running.values()}
        ready = wait(list(by_conn), timeout=timeout)
        outcomes: dict[int, Outcome] = {}
        for conn in ready:
            running = by_conn[conn]  # type: ignore[index]
            outcomes[running.index] = self._finish(running)
        if self.limits.seconds is not None:
            now = time.monotonic()
            for running in list(self.running.values()):
                if running.index not in outcomes and now - running.started >= self.limits.seconds:
                    self._stop(running)
                    outcomes[running.index] = Outcome(TIMEOUT, seconds=now - running.started)
        for index in outcomes:
            self.running.pop(index, None)
        return outcomes

    def _finish(self, running: _Running) -> Outcome:
        """The outcome of a child whose pipe is readable: its message, or its death."""
        message = None
        try:
            message = running.conn.recv()
        except (EOFError, OSError):
            pass  # died before it could say anything
        except Exception as exc:  # a value that cannot be rebuilt here
            message = (ERROR, None, f"{type(exc).__name__}: {exc}")
        running.conn.close()
        running.process.join()
        seconds = time.monotonic() - running.started
        if message is not None:
            status, value, detail = message
            return Outcome(status, value, detail, seconds)
        code = running.process.exitcode or 0
        if code < 0:
            return Outcome(CRASH, detail=signal_name(-code), seconds=seconds)
        return Outcome(CRASH, detail=f"exit status {code}", seconds=seconds)

    def _stop(self, running: _Running) -> None:
        running.process.kill()
        running.process.join()
        running.conn.close()

    def stop_all(self) -> None:
        for running in list(self.running.values()):
            self._stop(running)
        self.running.clear()


def _child(task: Callable[[], Any], send: Connection, limits: TaskLimits, parent: int) -> None:
    """In the child: limit, run, report. Never raises: every ending is a message or a death."""
    die_with_parent(parent)
    if limits.memory_mb is not None:
        limit_memory(limits.memory_mb)
    try:
        send_message(send, run_one(task))
    finally:
        send.close()


def run_one(task: Callable[[], Any]) -> tuple[str, Any, str]:
    """Run a task: `(status, value, detail)`, the message a child or a worker sends back. Never raises."""
    try:
        return (OK, task(), "")
    except MemoryError:
        return (MEMORY, None, "MemoryError")
    except RecursionError:
        return (ERROR, None, "RecursionError: nested too deeply")
    except BaseException as exc:
        return (ERROR, None, f"{type(exc).__name__}: {exc}")


def send_message(send: Connection, message: tuple[str, Any, str]) -> None:
    """Send a task's message back; a value that cannot be pickled (or pickled within the memory left) is
    sent as the error it is."""
    try:
        send.send(message)
    except MemoryError:
        send.send((MEMORY, None, "MemoryError"))
    except Exception as exc:  # a value that cannot be pickled
        send.send((ERROR, None, f"the result could not be sent back: {type(exc).__name__}: {exc}"))


def limit_memory(megabytes: int) -> None:
    """Let this process's address space grow by at most `megabytes` past what it holds now.

    Counted from the present size, because a forked child starts with its
    parent's address space (a `serve` holding a large site's model), and
    bounded by any limit already set (`ulimit -v`), which cannot be raised.
    """
    if resource is None:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = _address_space() + megabytes * 1024 * 1024
    for bound in (soft, hard):
        if bound != resource.RLIM_INFINITY:
            wanted = min(wanted, bound)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _address_space() -> int:
    """Bytes of address space this process holds now (0 where the system does not say)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """A child whose build was killed (SIGKILL) must not run on, perhaps forever: Linux kills it too."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the call above
        os._exit(1)


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
