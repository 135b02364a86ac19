"""Putting built files where they are served: whole folders swapped, single files replaced atomically.

A cold build renders into a staging folder beside the output and swaps it in
with two renames; the old folder is renamed aside and deleted by a detached
process, so deleting thousands of files is never on the critical path.
An update in place writes each file to a temporary name in its own folder and
renames it over the old one: a reader (or `serve`) sees the old file or the
new one, never half of one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

from .errors import UserError

MARKER = ".minutes-build"
"""A file in every built site, so a build only ever replaces a folder it made."""
MARKER_TEXT = "Built by minutes; replaced on every build.\n"


def staging_folder(output: Path) -> Path:
    return output.with_name(f".{output.name}.staging")


def refuse_foreign_output(output: Path) -> None:
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise UserError(
            f"the output folder {output} holds files minutes did not build; "
            "choose another --output, or empty the folder if it may be replaced"
        )


def write_file(path: Path, data: bytes) -> None:
    """Write into a folder nobody reads yet (staging)."""
    try:
        path.write_bytes(data)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace a file that may be being read: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def mark(folder: Path) -> None:
    """(Re)write the marker: its time stamp tells the cache this is the folder it describes."""
    write_atomic(folder / MARKER, MARKER_TEXT.encode())


def swap_in(staging: Path, output: Path) -> None:
    """Publish a staged site: the old output is renamed aside and deleted in the background."""
    mark(staging)
    trash = None
    if output.exists():
        trash = output.with_name(f".{output.name}.trash-{uuid.uuid4().hex[:12]}")
        output.rename(trash)
    staging.rename(output)
    if trash is not None:
        remove_in_background(trash)


def remove_in_background(folder: Path) -> None:
    """Delete a folder from a detached process that outlives this one; fall back to now."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(folder)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def sweep(output: Path) -> None:
    """Folders left by a build that was killed: a stale staging folder now, old outputs in the background."""
    clear(staging_folder(output))
    for trash in output.parent.glob(f".{output.name}.trash-*"):
        remove_in_background(trash)
    clear(output.with_name(f".{output.name}.old"))  # left by versions that deleted in the foreground


def clear(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)


def remove_page(output: Path, relative: str) -> None:
    """Remove a file that is no longer built, and the folders it leaves empty."""
    path = output / relative
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != output and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
