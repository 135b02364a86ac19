"""The served folder, watched while builds and `serve` write: always a whole site, never a part of one.

A reader walks the served folder between every two file-system steps of the
build: Python's audit hooks report each rename, replace, removal, link, folder
made and file opened for writing before it happens, and at each the reader
takes a snapshot of the folder (every file's path, inode, size and time). A
build must show the reader only the old site, whole, until one step shows it
the new site, whole; no file may ever be opened for writing under a name the
folder serves (a reader could then read half of it, and a file shared by hard
link with the staged site would change in both).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

import pytest

from helpers import copy_demo_site

Snapshot = frozenset[tuple[str, int, int, int]] | None
WATCHED = {
    "os.rename",  # os.rename and os.replace
    "os.remove",
    "os.rmdir",
    "os.link",
    "os.mkdir",
    "os.symlink",
    "os.truncate",
    "shutil.rmtree",
    "shutil.move",
    "ctypes.call_function",  # renameat2(RENAME_EXCHANGE)
    "subprocess.Popen",
    "open",
}
_WRITING = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


def snapshot(folder: Path) -> Snapshot:
    """What a reader finds under `folder` now; None when there is no such folder."""
    if not folder.is_dir():
        return None
    found = []
    for base, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # a search shard being made, swapped in whole
        for name in files:
            if name.startswith(".") and name.endswith(".tmp"):
                continue  # a replacement being written beside its file, under a name no page links
            path = os.path.join(base, name)
            try:
                st = os.lstat(path)
            except FileNotFoundError:
                found.append((os.path.relpath(path, folder), -1, -1, -1))
                continue
            found.append((os.path.relpath(path, folder), st.st_ino, st.st_size, st.st_mtime_ns))
    return frozenset(found)


class Reader:
    """Snapshots of `folder` between the steps of whatever runs while it is `watching`."""

    _hooked: ClassVar[list[Reader]] = []

    def __init__(self, folder: Path):
        self.folder = folder.resolve()
        self.seen: list[Snapshot] = []
        self.written_in_place: list[str] = []
        self._busy = False

    @classmethod
    def _hook(cls, event: str, args: tuple) -> None:
        for reader in cls._hooked:
            reader.step(event, args)

    def step(self, event: str, args: tuple) -> None:
        if self._busy or event not in WATCHED:
            return
        if event == "open":
            path, mode, flags = (args + (None, None, 0))[:3]
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool((flags or 0) & _WRITING)
            if not writing or not isinstance(path, (str, bytes, os.PathLike)):
                return
            self._check_in_place(os.fsdecode(path))
        self._busy = True
        try:
            self.seen.append(snapshot(self.folder))
        finally:
            self._busy = False

    def _check_in_place(self, path: str) -> None:
        target = Path(os.path.abspath(path))
        if target.parent.is_relative_to(self.folder) and target.exists() and not target.name.startswith("."):
            self.written_in_place.append(target.relative_to(self.folder).as_posix())

    @contextmanager
    def watching(self) -> Iterator[Reader]:
        if not Reader._hooked and not getattr(sys, "_minutes_reader_hook", False):
            sys.addaudithook(Reader._hook)  # hooks cannot be removed: one, installed once per process
            sys._minutes_reader_hook = True
        Reader._hooked.append(self)
        try:
            yield self
        finally:
            Reader._hooked.remove(self)
        self.seen.append(snapshot(self.folder))

    def states(self, old: Snapshot, new: Snapshot) -> list[str]:
        """The sequence of sites the reader saw, as 'old', 'new' or 'other' (collapsed)."""
        names = []
        for seen in self.seen:
            name = "old" if seen == old else "new" if seen == new else "other"
            if not names or names[-1] != name:
                names.append(name)
        return names


def _built_demo(tmp_path: Path) -> Path:
    """The demo site, converted and built with search (the cache then vouches for its output)."""
    from minutes.build import build
    from minutes.core.config import load_config

    root = copy_demo_site(tmp_path / "site")
    result = build(load_config(root), jobs=1)
    assert result.published and not result.errors
    return root


def _edit_a_body(root: Path) -> Path:
    record = root / "content" / "meetings" / "cabinet-member-for-communities-and-cohesion" / "2013-11-18"
    path = next(record.glob("minutes*.md"))
    path.write_text(path.read_text(encoding="utf-8") + "\nA sentence about medlars.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("cache", [True, False], ids=["warm", "cold"])
def test_a_build_shows_readers_the_old_site_then_the_new_one_never_a_mix(tmp_path, cache):
    """Warm: the new site is staged from hard links to the served files, plus what changed, and the search
    index redone in it; cold: staged afresh. Either way one exchange puts it in place."""
    from minutes.build import build
    from minutes.core.config import load_config

    root = _built_demo(tmp_path)
    output = root / "output"
    old = snapshot(output)
    _edit_a_body(root)
    with Reader(output).watching() as reader:
        result = build(load_config(root), jobs=1, use_cache=cache)
    assert result.published and not result.errors and result.cold is not cache
    new = snapshot(output)
    assert new != old
    assert reader.states(old, new) == ["old", "new"], "the served folder was missing or part old, part new"
    assert reader.written_in_place == []
    assert "medlars" in (
        output / "cabinet-member-for-communities-and-cohesion" / "2013-11-18" / "index.html"
    ).read_text(encoding="utf-8")


def test_serve_replaces_each_page_whole(tmp_path):
    """`serve` re-renders an edited body's page into the served folder itself: each file is replaced in one
    step, never opened for writing where it is served, so a reader gets the old page or the new one."""
    from minutes.build import SiteBuilder
    from minutes.core.config import load_config

    root = copy_demo_site(tmp_path / "site")
    output = root / "output"
    builder = SiteBuilder(load_config(root), jobs=1)
    builder.build()
    old = {path: (ino, size, mtime) for path, ino, size, mtime in snapshot(output)}
    edited = _edit_a_body(root)
    with Reader(output).watching() as reader:
        update = builder.update_bodies([edited])
        assert update is not None and update.written
        builder.index_pages(update.written)
    assert reader.written_in_place == [], "served files were written where they are served"
    new = {path: (ino, size, mtime) for path, ino, size, mtime in snapshot(output)}
    for seen in reader.seen:
        assert seen is not None
        for path, ino, size, mtime in seen:
            assert (ino, size, mtime) in (old.get(path), new.get(path)), f"{path} was neither old nor new"
    page = "cabinet-member-for-communities-and-cohesion/2013-11-18/index.html"
    assert old[page][0] != new[page][0], "the page was not replaced by a new file"


def test_write_atomic_never_writes_through_a_hard_link(tmp_path):
    """A staged site shares files with the served one by hard link: replacing one must leave the other."""
    from minutes.core.paths import write_atomic

    served, staged = tmp_path / "served.html", tmp_path / "staged.html"
    served.write_bytes(b"old page")
    os.link(served, staged)
    with open(served, "rb") as reading:  # a reader that has the old page open
        write_atomic(staged, b"new page")
        assert reading.read() == b"old page"
    assert served.read_bytes() == b"old page" and staged.read_bytes() == b"new page"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_swap_exchanges_two_whole_folders(tmp_path):
    from minutes.publish.atomic import MARKER, staging_folder, swap_in

    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("old", encoding="utf-8")
    (output / MARKER).write_text("", encoding="utf-8")
    staging = staging_folder(output)
    staging.mkdir()
    (staging / "index.html").write_text("new", encoding="utf-8")
    (staging / "about.html").write_text("new", encoding="utf-8")
    old = snapshot(output)
    with Reader(output).watching() as reader:
        swap_in(staging, output)
    names = [{p for p, *_ in seen} if seen is not None else None for seen in reader.seen]
    assert None not in names, "for a moment there was no output folder"
    assert names[0] == {"index.html", MARKER} and names[-1] == {"index.html", "about.html", MARKER}
    assert reader.seen[0] == old and not staging.exists()
