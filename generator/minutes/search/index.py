"""Index a rendered site with Pagefind, one bundle per search shard (see shards.py).

Pagefind runs as a subprocess of the `pagefind-bin` wheel's binary, once per
shard, up to one per core at a time as memory allows. Re-indexing a shard of a site
that is being served never leaves it without an index: Pagefind writes into
a fresh folder, its files (named by their content) are moved in, and the
entry file that names them is replaced last, in one rename.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from pathlib import Path

from minutes.core.config import SiteConfig
from minutes.core.errors import UserError
from minutes.core.progress import Progress
from minutes.pages.render import PageSpec
from minutes.publish.atomic import write_atomic
from minutes.search.shards import BUNDLES, REGISTER_GLOB, REGISTERS, is_register_page, page_glob

ENTRY = "pagefind-entry.json"
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")
"""Pagefind's search UI, served once from the bundles folder for every shard."""
_SHARD_FILES = (ENTRY, "index", "filter", "fragment")
"""What a merged shard is read from: its entry, meta index, word index, filters and fragments."""


def pagefind_executable() -> Path:
    try:
        import pagefind_bin
    except ImportError:
        raise UserError(
            "Pagefind is not installed: run `pip install pagefind-bin`, or build with --no-search"
        ) from None
    try:
        return pagefind_bin.get_executable()
    except FileNotFoundError as exc:
        raise UserError(f"the Pagefind binary is missing from pagefind-bin ({exc}); reinstall pagefind-bin") from None


def shards_of(specs: Iterable[PageSpec]) -> dict[str, list[PageSpec]]:
    """Searchable pages by shard, shards sorted by name."""
    found: dict[str, list[PageSpec]] = {}
    for spec in specs:
        if spec.shard:
            found.setdefault(spec.shard, []).append(spec)
    return dict(sorted(found.items()))


INDEX_MEMORY = 1280 * 2**20
"""Bytes the Pagefind runs of one indexing may hold at once: a shard starts beside others only within it."""
PAGEFIND_MEMORY_PER_BYTE = 24
"""Pagefind's peak memory over the bytes of HTML it indexes: 20 to 23 on this project's pages, rounded up."""
PAGEFIND_BASE_MEMORY = 48 * 2**20
"""Pagefind's peak memory on a handful of pages."""


def index_shards(
    site_dir: Path,
    config: SiteConfig,
    shards: Mapping[str, Sequence[PageSpec]],
    *,
    changed: set[str] | None = None,
    removed: Iterable[str] = (),
    progress: Progress | None = None,
    in_place: bool = False,
    jobs: int = 1,
) -> int:
    """Index the shards holding a changed or removed page (every shard when `changed` is None).

    Returns the number of pages indexed.
    Shards that no longer exist are removed. The first shard's bundle also
    serves Pagefind's code and the search UI.
    """
    bundles = site_dir / BUNDLES
    todo = {
        name
        for name, pages in shards.items()
        if changed is None or any(p.output in changed for p in pages) or not (bundles / name / ENTRY).exists()
    }
    indexer = ShardIndexer(site_dir, config, shards, jobs=jobs, in_place=in_place)
    # A removed meeting's or document's page was under its committee's folder, in its committee's shard.
    # (A committee cut into several shards names its meetings in them: removing one renames its shard.)
    for page in removed:
        whole = indexer.whole_shard_of(page.split("/", 1)[0]) if page.count("/") in (2, 3) else None
        if whole:
            todo.add(whole)
        if REGISTERS in shards and is_register_page(page):
            todo.add(REGISTERS)
    try:
        for name in sorted(todo):
            indexer.submit(name)
        return indexer.finish(progress or Progress())
    finally:
        indexer.close()


class ShardIndexer:
    """Runs Pagefind over search shards as they are handed in, as many at once as cores and memory allow.

    A build hands in each shard as soon as its pages are written, so indexing
    overlaps rendering. Each run's peak memory is estimated from the bytes of
    HTML it reads; runs start beside each other only while their estimates fit
    `INDEX_MEMORY`, and a shard too big for it runs alone. `close` it always:
    closed early (on an error), it stops the runs started and drops the rest.
    """

    def __init__(
        self,
        site_dir: Path,
        config: SiteConfig,
        shards: Mapping[str, Sequence[PageSpec]],
        *,
        jobs: int = 1,
        in_place: bool = False,
    ):
        self.site_dir = site_dir
        self.shards = shards
        self.in_place = in_place
        self.language = config.language.split("-")[0].lower()
        self.primary = next(iter(shards), "")
        self._owners: dict[str, set[str]] = {}
        """Committee folder -> the shards holding its pages (more than one for a committee cut by date)."""
        for name, pages in shards.items():
            if name == REGISTERS:
                continue  # its pages are found by their own glob, beside the committees' folders
            for page in pages:
                self._owners.setdefault(page.output.split("/", 1)[0], set()).add(name)
        self._pool = ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="pagefind")
        self._futures: dict[str, Future[int]] = {}
        self._room = threading.Condition()
        self._free = INDEX_MEMORY
        self._processes: set[subprocess.Popen] = set()
        self._closed = False

    def close(self) -> None:
        """Drop the shards not started, stop the runs still going (their folders are removed), and wait."""
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)
        with self._room:
            for process in self._processes:
                process.kill()
        self._pool.shutdown(wait=True)

    def whole_shard_of(self, committee: str) -> str | None:
        """The one shard holding all of a committee's pages; None for a committee cut by date, or unknown."""
        owners = self._owners.get(committee, set())
        return next(iter(owners)) if len(owners) == 1 else None

    def submit(self, name: str) -> None:
        """Index this shard (once, however often it is handed in)."""
        if name not in self._futures:
            self._futures[name] = self._pool.submit(self._index, name, self._estimate(name))

    def finish(self, progress: Progress) -> int:
        """Wait for every shard handed in; remove bundles of shards that no longer exist. Pages indexed."""
        bundles = self.site_dir / BUNDLES
        for folder in sorted(bundles.glob("*/")) if bundles.is_dir() else []:
            if folder.is_dir() and folder.name not in self.shards and not folder.name.startswith("."):
                shutil.rmtree(folder)
        if not self._futures:
            return 0
        progress.start("indexing search shards", len(self._futures))
        indexed = 0
        for future in as_completed(self._futures.values()):
            indexed += future.result()
            progress.advance()
        _copy_ui(bundles / self.primary, bundles, self.in_place)
        count = len(self._futures)
        progress.finish(f"indexed {indexed} pages in {count} search shard{'s' if count != 1 else ''}")
        return indexed

    def _estimate(self, name: str) -> int:
        size = 0
        for spec in self.shards[name]:
            try:
                size += (self.site_dir / spec.output).stat().st_size
            except OSError:
                pass
        return min(INDEX_MEMORY, PAGEFIND_BASE_MEMORY + PAGEFIND_MEMORY_PER_BYTE * size)

    def _track(self, process: subprocess.Popen, running: bool) -> None:
        with self._room:
            if running and self._closed:
                process.kill()
            (self._processes.add if running else self._processes.discard)(process)

    def _index(self, name: str, memory: int) -> int:
        with self._room:
            self._room.wait_for(lambda: self._free >= memory)
            self._free -= memory
        try:
            if self._closed:
                return 0
            glob = REGISTER_GLOB if name == REGISTERS else self._glob(name)
            return _index_shard(
                self.site_dir, name, glob, self.language, name == self.primary, self.in_place, self._track
            )
        finally:
            with self._room:
                self._free += memory
                self._room.notify_all()

    def _glob(self, name: str) -> str:
        folders: dict[str, set[str] | None] = {}
        for page in self.shards[name]:
            committee, meeting = page.output.split("/")[:2]
            if self.whole_shard_of(committee) is None:
                folders.setdefault(committee, set()).add(meeting)  # type: ignore[union-attr]
            else:
                folders[committee] = None
        return page_glob({c: sorted(m) if m is not None else None for c, m in folders.items()})


Track = Callable[[subprocess.Popen, bool], None]
"""Told of a Pagefind process as it starts (True) and once it has ended (False)."""


def _index_shard(
    site_dir: Path, shard: str, glob: str, language: str, primary: bool, in_place: bool, track: Track | None = None
) -> int:
    bundles = site_dir / BUNDLES
    bundles.mkdir(exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{shard}.", dir=bundles))
    try:
        count = _run_pagefind(site_dir, glob, fresh, language, track)
        if not primary:
            # A merged shard is read for its data only; the code comes from the primary bundle.
            for path in fresh.iterdir():
                if path.name not in _SHARD_FILES and not path.name.endswith(".pf_meta"):
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
        live = bundles / shard
        if in_place and live.is_dir():
            _move_in(fresh, live)
        else:
            if live.exists():
                shutil.rmtree(live)
            fresh.rename(live)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)
    return count


STALE = ".stale"
"""In a shard's bundle: the files the previous re-index left unused, deleted by the next one."""


def _move_in(fresh: Path, live: Path) -> None:
    """Replace a served bundle file by file: content-named files first, the entry naming them last.

    A search page that read the old entry a moment ago still fetches the old
    index files, so those are deleted one re-index later, not now.
    """
    before = {p.relative_to(live) for p in live.rglob("*") if p.is_file() and p.name != STALE}
    after = set()
    for path in sorted(fresh.rglob("*")):
        if path.is_file() and path.name != ENTRY:
            relative = path.relative_to(fresh)
            (live / relative).parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, live / relative)
            after.add(relative)
    os.replace(fresh / ENTRY, live / ENTRY)
    after.add(Path(ENTRY))
    stale_list = live / STALE
    if stale_list.is_file():
        for line in stale_list.read_text(encoding="utf-8").splitlines():
            if line and Path(line) not in after:
                (live / line).unlink(missing_ok=True)
    # Replaced, never written through: the bundle may be a hard-linked copy of the served one.
    write_atomic(stale_list, "".join(f"{p.as_posix()}\n" for p in sorted(before - after)).encode("utf-8"))


def _copy_ui(primary: Path, bundles: Path, in_place: bool) -> None:
    for name in UI_FILES:
        source = primary / name
        if source.is_file():
            if in_place:
                temporary = bundles / f".{name}.tmp"
                shutil.copyfile(source, temporary)
                os.replace(temporary, bundles / name)
            else:
                shutil.copyfile(source, bundles / name)


def _run_pagefind(site_dir: Path, glob: str, output: Path, language: str, track: Track | None = None) -> int:
    command = [
        str(pagefind_executable()),
        "--site",
        str(site_dir),
        "--glob",
        glob,
        "--output-path",
        str(output),
        "--force-language",
        language,
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        if track:
            track(process, True)
        try:
            stdout, stderr = process.communicate()
        finally:
            if track:
                track(process, False)
    if process.returncode != 0:
        detail = (stderr or stdout).strip().splitlines()
        raise UserError(f"Pagefind failed: {detail[-1] if detail else 'exit code ' + str(process.returncode)}")
    for line in stdout.splitlines():
        # "Indexed 31 pages" is Pagefind's own summary line.
        words = line.strip().split()
        if len(words) >= 3 and words[0] == "Indexed" and words[2].startswith("page"):
            return int(words[1])
    return 0
