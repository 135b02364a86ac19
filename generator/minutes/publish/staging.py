"""Where a build writes the new site before it replaces the output in one exchange.

A cold build (no output yet, no cache, or an output the cache cannot vouch
for) renders every page into the staging folder beside the output. A warm
build renders only what changed into an overlay folder; once all is rendered,
the staging folder is made from hard links to the output's unchanged files
plus the overlay. Either way the staging folder is then exchanged with the
output in one step (see atomic.py); a build that fails leaves the output as it
was and its folders are cleared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from minutes.publish.atomic import (
    MARKER,
    clear,
    clone_tree,
    move_files,
    overlay_folder,
    remove_page,
    staging_folder,
    swap_in,
    sweep,
)
from minutes.publish.cache import Manifest, open_db


@contextmanager
def manifest_of(cache_dir: Path, output: Path) -> Iterator[Manifest]:
    """The cache's record of an output folder, connected only while needed: never across a fork."""
    db = open_db(cache_dir)
    try:
        yield Manifest(db, output)
    finally:
        db.close()


@dataclass(slots=True)
class Stage:
    """The folders of one build of `output`, from the first page rendered to the site swapped in."""

    output: Path
    cache_dir: Path | None
    known: dict[str, str]
    """Output path -> digest of each file the cache vouches the output holds; empty for a cold build."""
    staging: Path
    target: Path
    """Where pages are rendered: the staging folder (cold) or the overlay (warm)."""
    published: bool = False

    @classmethod
    def open(cls, output: Path, cache_dir: Path | None) -> Stage:
        """Clear what a killed build left, learn what the output holds, and make the folder to render into."""
        sweep(output)
        known: dict[str, str] = {}
        if cache_dir and (output / MARKER).is_file():
            with manifest_of(cache_dir, output) as manifest:
                known = manifest.trusted(output)
        staging = staging_folder(output)
        target = staging if not known else overlay_folder(output)
        target.mkdir(parents=True)
        return cls(output, cache_dir, known, staging, target)

    @property
    def cold(self) -> bool:
        return not self.known

    def assemble(self, removed: list[str], search_outdated: Callable[[], bool]) -> bool:
        """Whether there is a new site to swap in. A warm build that changed, removed or must re-index
        something stages the output's unchanged files with the overlay; one that changed nothing has none."""
        if self.cold:
            return True
        overlay = sorted(p.relative_to(self.target).as_posix() for p in self.target.rglob("*") if p.is_file())
        if not (overlay or removed or search_outdated()):
            return False
        if self.cache_dir:
            with manifest_of(self.cache_dir, self.output) as manifest:
                manifest.begin_update()
        clone_tree(self.output, self.staging, leave_out=set(overlay) | set(removed) | {MARKER})
        move_files(self.target, self.staging)
        for relative in removed:
            remove_page(self.staging, relative)
        return True

    def swap_in(self) -> None:
        swap_in(self.staging, self.output)

    def record(self, digests: dict[str, str], removed: Iterable[str]) -> None:
        """Tell the cache what the output now holds: all of it after a cold build, the changes after a warm one."""
        if not self.cache_dir:
            return
        with manifest_of(self.cache_dir, self.output) as manifest:
            if self.cold:
                manifest.record(self.output, digests.items(), replace=True)
            else:
                manifest.record(self.output, [(p, d) for p, d in digests.items() if self.known.get(p) != d], removed)

    def close(self) -> None:
        """Remove the folders of the build; the staging folder stays only as the output it became."""
        clear(self.target)
        if not self.published:
            clear(self.staging)
