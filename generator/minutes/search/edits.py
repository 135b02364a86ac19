"""The edits bundle: pages edited in `minutes serve`, searchable before their shard is indexed again.

Re-indexing a shard takes seconds on a large archive (Pagefind reads every
page of it); Pagefind over the few edited pages alone takes a fraction of a
second. So `serve` indexes the edited pages into a bundle of their own,
`pagefind/.edits/`, which its search page merges beside the shards, and
leaves out of the shards' results the older copies of those pages (found
here by the ids Pagefind gives them, `stale_ids`). Once a shard's own
re-index is in place, its pages leave the edits bundle. A static build never
writes one: its name starts with a dot, which no shard's does, so building
and re-indexing shards leave it alone.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from minutes.search.index import ENTRY, STALE, _index_shard
from minutes.search.shards import BUNDLES

EDITS = ".edits"
"""The edits bundle's folder in the bundles folder."""
FRAGMENTS = "fragment"
"""A bundle's folder of page fragments, one file per page named by the page's id (`en_1a2b3c4.pf_fragment`)."""
_GLOB_SAFE = re.compile(r"[A-Za-z0-9._/-]+")
"""Output paths Pagefind's glob reads as themselves (slugs and dates always are)."""
_FRAGMENT_URL = re.compile(rb'^pagefind_dcd\{\s*"url"\s*:\s*("(?:[^"\\]|\\.)*")')
"""A fragment opens with Pagefind's signature, then its page's URL as the first key of its JSON."""


def edits_bundle(site_dir: Path) -> Path:
    return site_dir / BUNDLES / EDITS


def page_url(output: str) -> str:
    """The URL Pagefind records for a page written at `output`: "/a/b/" for "a/b/index.html"."""
    return "/" + (output[: -len("index.html")] if output.endswith("index.html") else output)


def index_edits(site_dir: Path, language: str, outputs: Iterable[str]) -> tuple[str, ...]:
    """Index these pages alone into the edits bundle (removed when there are none). The pages it now holds.

    The bundle is replaced in place (see index.py), so a search page that has
    read its entry a moment ago still finds the files it names. A page whose
    path a glob would not read as itself is left to its shard's re-index.
    """
    pages = tuple(sorted({o for o in outputs if _GLOB_SAFE.fullmatch(o) and (site_dir / o).is_file()}))
    bundle = edits_bundle(site_dir)
    if not pages:
        if bundle.exists():
            shutil.rmtree(bundle)
        return ()
    glob = pages[0] if len(pages) == 1 else "{" + ",".join(pages) + "}"
    _index_shard(site_dir, EDITS, glob, language, False, True)
    return pages


class PageIds:
    """The id Pagefind gave each page of a bundle, read from the bundle's fragments.

    Fragments are named by their content, so a file once read never needs
    reading again: the URLs of the names already seen are kept.
    """

    def __init__(self) -> None:
        self._urls: dict[str, str] = {}

    def of(self, bundle: Path) -> dict[str, str]:
        """Page id -> the page's URL (as Pagefind records it), for every fragment in the bundle."""
        found = {}
        folder = bundle / FRAGMENTS
        for path in sorted(folder.glob("*.pf_fragment")) if folder.is_dir() else []:
            name = path.name[: -len(".pf_fragment")]
            url = self._urls.get(name)
            if url is None:
                url = _fragment_url(path)
                if url is None:
                    continue
                self._urls[name] = url
            found[name] = url
        return found

    def stale_ids(self, site_dir: Path, shards: Mapping[str, str]) -> list[str]:
        """Ids of the older copies of the edits bundle's pages in their shards, for the search page to leave out.

        `shards` maps each page the edits bundle holds (its output path) to its
        shard. A page whose copy in its shard is the same as the edited one has
        the same id in both, and is not listed: the search page shows it once.
        """
        bundles = site_dir / BUNDLES
        if not (bundles / EDITS / ENTRY).is_file():
            return []
        fresh = set(self.of(bundles / EDITS)) - _left_over(bundles / EDITS)
        wanted: dict[str, set[str]] = {}
        for output, shard in shards.items():
            wanted.setdefault(shard, set()).add(page_url(output))
        stale: set[str] = set()
        for shard, urls in wanted.items():
            stale.update(page for page, url in self.of(bundles / shard).items() if url in urls)
        return sorted(stale - fresh)


def _left_over(bundle: Path) -> set[str]:
    """Ids of the fragments the bundle's last re-index left unused (see index.py's `STALE`)."""
    try:
        lines = (bundle / STALE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    prefix = FRAGMENTS + "/"
    return {line[len(prefix) : -len(".pf_fragment")] for line in lines if line.startswith(prefix)}


def _fragment_url(path: Path) -> str | None:
    try:
        with gzip.open(path) as file:
            head = file.read(4096)
    except (OSError, EOFError):
        return None  # removed by a re-index while it was read, or not Pagefind's
    match = _FRAGMENT_URL.match(head)
    return json.loads(match.group(1)) if match else None
