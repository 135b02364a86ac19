"""Index a rendered site with Pagefind, one bundle per search shard (see shards.py).

Pagefind runs as a subprocess of the `pagefind-bin` wheel's binary, once per
shard, one at a time. Re-indexing a shard of a site
that is being served never leaves it without an index: Pagefind writes into
a fresh folder, its files (named by their content) are moved in, and the
entry file that names them is replaced last, in one rename.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from .config import SiteConfig
from .errors import UserError
from .progress import Progress
from .render import PageSpec
from .publish import write_atomic
from .shards import BUNDLES, page_glob

ENTRY = "pagefind-entry.json"
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")
"""Pagefind's search UI, served once from the bundles folder for every shard."""
_SHARD_FILES = (ENTRY, "index", "filter", "fragment")
"""What a merged shard is read from: its entry, meta index, word index, filters and fragments."""


def pagefind_executable() -> Path:
    try:
        import pagefind_bin
    except ImportError:
        raise UserError("Pagefind is not installed: run `pip install pagefind-bin`, or build with --no-search") from None
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


def index_shards(site_dir: Path, config: SiteConfig, shards: Mapping[str, Sequence[PageSpec]], *,
                 changed: set[str] | None = None, removed: Iterable[str] = (), progress: Progress | None = None,
                 in_place: bool = False) -> int:
    """Index the shards holding a changed or removed page (every shard when `changed` is None).

    Returns the number of pages indexed.
    Shards that no longer exist are removed. The first shard's bundle also
    serves Pagefind's code and the search UI.
    """
    progress = progress or Progress()
    bundles = site_dir / BUNDLES
    todo = [name for name, pages in shards.items()
            if changed is None or any(p.output in changed for p in pages) or not (bundles / name / ENTRY).exists()]
    # A removed meeting's or document's page was under its committee's folder, in its committee's shard.
    shard_of = {p.output.split("/", 1)[0]: name for name, pages in shards.items() for p in pages}
    todo += [shard_of[p.split("/", 1)[0]] for p in removed if p.count("/") in (2, 3) and p.split("/", 1)[0] in shard_of]
    todo = sorted(set(todo))
    for folder in sorted(bundles.glob("*/")) if bundles.is_dir() else []:
        if folder.is_dir() and folder.name not in shards:
            shutil.rmtree(folder)
    if not todo:
        return 0
    primary = next(iter(shards))
    progress.start("indexing search shards", len(todo))
    language = config.language.split("-")[0].lower()
    indexed = 0
    # One Pagefind at a time: it is multi-threaded itself, and each run holds its shard's text in
    # memory (two at once took a 10,000-page build to 2.7 GiB).
    with ThreadPoolExecutor(max_workers=1) as pool:
        def index(name: str) -> int:
            committees = sorted({p.output.split("/", 1)[0] for p in shards[name]})
            return _index_shard(site_dir, name, committees, language, name == primary, in_place)

        for name, count in zip(todo, pool.map(index, todo)):
            indexed += count
            progress.advance()
    _copy_ui(bundles / primary, bundles, in_place)
    progress.finish(f"indexed {indexed} pages in {len(todo)} search shard{'s' if len(todo) != 1 else ''}")
    return indexed


def _index_shard(site_dir: Path, shard: str, committees: list[str], language: str, primary: bool,
                 in_place: bool) -> int:
    bundles = site_dir / BUNDLES
    bundles.mkdir(exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{shard}.", dir=bundles))
    try:
        count = _run_pagefind(site_dir, page_glob(committees), fresh, language)
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


def _run_pagefind(site_dir: Path, glob: str, output: Path, language: str) -> int:
    command = [
        str(pagefind_executable()),
        "--site", str(site_dir),
        "--glob", glob,
        "--output-path", str(output),
        "--force-language", language,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise UserError(f"Pagefind failed: {detail[-1] if detail else 'exit code ' + str(result.returncode)}")
    for line in result.stdout.splitlines():
        # "Indexed 31 pages" is Pagefind's own summary line.
        words = line.strip().split()
        if len(words) >= 3 and words[0] == "Indexed" and words[2].startswith("page"):
            return int(words[1])
    return 0


def index_site(site_dir: Path, language: str = "en") -> int:
    """Index a whole folder as one bundle in `site_dir/pagefind/` (for sites not built by minutes)."""
    return _run_pagefind(site_dir, "**/*.{html}", site_dir / BUNDLES, language.split("-")[0].lower())
