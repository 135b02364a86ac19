"""One build of a site at a time: a lock file in the site root.

Two builds at once would convert into the same records and publish over each
other. The lock is an advisory `flock` on `.minutes-lock`: the kernel releases
it when the holder exits, however it exits (SIGKILL included), so a stale lock
never blocks a later build. The file holds the holder's process id and command,
for the message.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from minutes.core.errors import UserError

LOCK_NAME = ".minutes-lock"

try:
    import fcntl
except ImportError:  # not a POSIX system: no lock, as before
    fcntl = None  # type: ignore[assignment]


@contextmanager
def site_lock(root: Path, command: str, *, wait: bool = False) -> Iterator[None]:
    """Hold the site's lock while the block runs; a UserError if another build holds it (unless `wait`)."""
    if fcntl is None:
        yield
        return
    path = root / LOCK_NAME
    try:
        handle = open(path, "a+", encoding="utf-8")
    except OSError as exc:
        raise UserError(
            f"cannot create the lock file: {exc.strerror or exc}; make the site folder writable", path
        ) from None
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise UserError(
                f"another build of this site is running ({holder}); wait for it to finish and run "
                f"`minutes {command}` again",
                path,
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"minutes {command}, process {os.getpid()}, since {time.strftime('%H:%M:%S')}\n")
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the lock


__all__ = ["LOCK_NAME", "site_lock"]
