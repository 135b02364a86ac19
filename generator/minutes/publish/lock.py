"""One build of a site at a time: a lock file in the site root.

Two builds at once would convert into the same records and publish over each
other. The lock is `filelock`'s lock on `.minutes-lock`: `flock` on Linux and
macOS, `LockFileEx` on Windows, both released by the system when the holder
exits, however it exits (SIGKILL included), so a stale lock never blocks a
later build. The file also says who holds it (command, process, time), for the
message a second build gives. That text starts at the file's second byte:
Windows locks the first byte, and a locked byte can be neither read nor
written by any other handle.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import filelock

from minutes.core.errors import UserError

LOCK_NAME = ".minutes-lock"
_HOLDER_AT = 1
"""Where the holder's description starts in the lock file: after the byte Windows locks."""


@contextmanager
def site_lock(root: Path, command: str, *, wait: bool = False) -> Iterator[None]:
    """Hold the site's lock while the block runs; a UserError if another build holds it (unless `wait`)."""
    path = root / LOCK_NAME
    lock = filelock.FileLock(path, timeout=-1 if wait else 0, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise UserError(
            f"another build of this site is running ({holder(path)}); wait for it to finish and run "
            f"`minutes {command}` again",
            path,
        ) from None
    except OSError as exc:
        raise UserError(
            f"cannot create the lock file: {exc.strerror or exc}; make the site folder writable", path
        ) from None
    try:
        _describe(path, f"minutes {command}, process {os.getpid()}, since {time.strftime('%H:%M:%S')}")
        yield
    finally:
        lock.release()


def holder(path: Path) -> str:
    """Who holds the lock, as the holder wrote it; "another process" when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            handle.seek(_HOLDER_AT)
            text = handle.read(400).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "another process"


def _describe(path: Path, text: str) -> None:
    try:
        with open(path, "r+b") as handle:
            handle.seek(_HOLDER_AT)
            handle.write(text.encode("utf-8") + b"\n")
            handle.truncate()
    except OSError:
        pass  # the description is for a message; the lock itself is held


__all__ = ["LOCK_NAME", "holder", "site_lock"]
