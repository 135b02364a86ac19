"""Putting built files where they are served: whole folders swapped, single files replaced atomically.

A build never writes into the served output folder. A cold build renders into
a staging folder beside it; a warm build writes only the files that changed
into an overlay folder, then makes the staging folder from hard links to the
unchanged files of the output plus the overlay. Either way the staging folder
is then exchanged with the output in one atomic `renameat2(RENAME_EXCHANGE)`,
so a build killed at any moment (SIGKILL included) leaves the previous site
whole, and a reader (or `serve`) sees the old site or the new one, never a
mix. The old folder is renamed aside and deleted by a detached process, so
deleting thousands of files is never on the critical path.

Where folders cannot be exchanged (macOS, Windows, a Linux file system
without it) the staged files are moved over the output's one by one, each in
one atomic rename, and the files the new site no longer has are removed last:
the output folder never goes missing and every address answers with a whole
file, old or new, though for that moment some pages are new and some old. A
build killed meanwhile leaves such a mix, never a hole; the next build finds
the folder changed (its marker was rewritten first) and rebuilds it whole.

Files shared by hard link are never written through: every write into a
staging folder made from the output goes to a temporary name and is renamed
over the link (`write_atomic`).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

from minutes.core.errors import UserError
from minutes.core.paths import write_atomic

MARKER = ".minutes-build"
"""A file in every built site, so a build only ever replaces a folder it made."""
MARKER_TEXT = "Built by minutes; replaced on every build.\n"


def staging_folder(output: Path) -> Path:
    return output.with_name(f".{output.name}.staging")


def overlay_folder(output: Path) -> Path:
    """Where a warm build writes the files that changed, before they join the staged site."""
    return output.with_name(f".{output.name}.overlay")


def refuse_foreign_output(output: Path) -> None:
    """Stop before a build could replace what it did not make.

    A build exchanges the output folder whole, so whatever the name points at
    is moved aside and deleted: a file (`--output site.yaml`), a folder holding
    files without the marker a build leaves. Only a missing name, an empty
    folder (nothing in it can be lost) or a folder a build made may be replaced.
    The name is resolved first, so a link is the folder it points to.
    """
    if output.exists() and not output.is_dir():
        raise UserError(
            f"the output folder {output} is a file, not a folder; a build would move it aside and delete it — "
            "name a folder that does not exist yet as --output (or output_dir)"
        )
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise UserError(
            f"the output folder {output} holds files minutes did not build; "
            "choose another --output, or empty the folder if it may be replaced"
        )


def write_file(path: Path, data: bytes) -> None:
    """Write into a folder nobody reads yet (staging).

    Not through a temporary name: a build that fails or is killed clears the
    staging folder whole, so a partial file there is never read or published.
    """
    try:
        path.write_bytes(data)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def mark(folder: Path) -> None:
    """(Re)write the marker: its time stamp tells the cache this is the folder it describes."""
    write_atomic(folder / MARKER, MARKER_TEXT.encode())


def swap_in(staging: Path, output: Path) -> None:
    """Publish a staged site in one atomic step; the old output is deleted in the background."""
    mark(staging)
    if not output.exists():
        staging.rename(output)
        return
    if not _exchange(staging, output):
        replace_files(staging, output)
        return
    trash = output.with_name(f".{output.name}.trash-{uuid.uuid4().hex[:12]}")
    staging.rename(trash)  # the old site, now under the staging name
    remove_in_background(trash)


def replace_files(staging: Path, output: Path) -> None:
    """Publish a staged site without exchanging folders: file by file, the output never missing.

    Renaming the output aside and the staging folder into its place would leave
    no site at all between the two renames, and for good if the build died
    there. Instead each staged file replaces its namesake in one rename (atomic
    on every system), the search index's entry files after the files they name
    and the marker last; then what the new site lacks is removed.
    """
    # First a new marker time: a folder left half replaced is never trusted by the cache (cache.folder_identity).
    mark(output)
    staged = sorted(
        (path.relative_to(staging).as_posix() for path in staging.rglob("*") if not path.is_dir()),
        key=lambda relative: (relative == MARKER, relative.endswith(_INDEX_ENTRY), relative),
    )
    for relative in staged:
        destination = output / relative
        _make_room(output, destination)
        os.replace(staging / relative, destination)
    kept = set(staged)
    for path in sorted(output.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        relative = path.relative_to(output).as_posix()
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                path.rmdir()
        elif relative not in kept:
            path.unlink()
    clear(staging)


_INDEX_ENTRY = "pagefind-entry.json"
"""The file naming a search bundle's other files: replaced after them, so it never names one not yet there."""


def _make_room(output: Path, destination: Path) -> None:
    """Clear the way for a file: a folder where the new site has the file, a file where it has a folder."""
    if destination.is_dir() and not destination.is_symlink():
        shutil.rmtree(destination)
    folder = destination.parent
    for ancestor in reversed([folder, *folder.parents]):
        if ancestor == output or output not in ancestor.parents:
            continue
        if ancestor.is_file() or ancestor.is_symlink():
            ancestor.unlink()
    folder.mkdir(parents=True, exist_ok=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders' names atomically; False if the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def clone_tree(source: Path, target: Path, *, leave_out: set[str]) -> None:
    """`target` as a copy of `source` made of hard links (no file data copied), less `leave_out`.

    `leave_out` holds relative POSIX paths: files that are removed or that the
    caller will put in place itself. A file system without hard links gets copies.
    """
    source_text = str(source)
    cut = len(source_text) + 1
    for folder, _dirs, files in os.walk(source_text):
        relative_folder = folder[cut:]
        (target / relative_folder).mkdir(parents=True, exist_ok=True)
        for name in files:
            relative = f"{relative_folder}/{name}" if relative_folder else name
            if relative in leave_out:
                continue
            try:
                os.link(os.path.join(folder, name), target / relative)
            except OSError:
                shutil.copy2(os.path.join(folder, name), target / relative)


def move_files(source: Path, target: Path) -> list[str]:
    """Move every file under `source` to the same place under `target`; their relative paths."""
    moved = []
    for path in sorted(source.rglob("*")):
        if path.is_file():
            relative = path.relative_to(source).as_posix()
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)
            moved.append(relative)
    return moved


def remove_in_background(folder: Path) -> None:
    """Delete a folder from a detached process that outlives this one; fall back to now."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def sweep(output: Path) -> None:
    """Folders left by a build that was killed: a stale staging folder now, old outputs in the background."""
    clear(staging_folder(output))
    clear(overlay_folder(output))
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
