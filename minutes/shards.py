"""Search shards: the site's search index cut into a few Pagefind indexes, merged in the browser.

The search page merges the shards with Pagefind's `mergeIndex`, so an edit
re-indexes only the shard holding the changed page, in a time set by the
shard's size, not the site's. Each shard also costs the first query a few
small downloads, so shards are few: committees, in name order, are grouped
into runs of about `SHARD_PAGES` searchable pages. A shard is named by its
place and a digest of its committees, so a shard whose committees change is
a new shard, indexed from nothing.

A builder names the shard of each page it wants searchable (`PageSpec.shard`);
meetings and their documents are indexed with their committee, and live
under its folder, which is how the indexer finds them.
"""

from __future__ import annotations

import hashlib
import math
from typing import Mapping

BUNDLES = "pagefind"
"""Folder of the output holding one Pagefind bundle per shard, and the search UI."""
SHARD_PAGES = 600
"""Searchable pages per shard: Pagefind re-indexes that many in about two seconds on one core."""


def group_committees(pages: Mapping[str, int]) -> dict[str, str]:
    """Committee slug -> shard name, from the number of searchable pages of each committee."""
    total = sum(pages.values())
    count = max(1, math.ceil(total / SHARD_PAGES))
    runs: list[list[str]] = [[]]
    filled = 0
    for slug in sorted(pages):
        # Start a new run when this one has its share, so runs come out about equal.
        if runs[-1] and filled >= total * len(runs) / count:
            runs.append([])
        runs[-1].append(slug)
        filled += pages[slug]
    shards = {}
    for n, members in enumerate(runs, start=1):
        name = f"s{n:02d}-" + hashlib.blake2b("\n".join(members).encode(), digest_size=4).hexdigest()
        shards.update({slug: name for slug in members})
    return shards


def bundle_path(shard: str) -> str:
    """Site-relative path of a shard's bundle: "pagefind/s01-1a2b3c4d/"."""
    return f"{BUNDLES}/{shard}/"


def page_glob(committees: list[str]) -> str:
    """The pages of a shard: its committees' meetings' pages and their documents' pages."""
    folders = committees[0] if len(committees) == 1 else "{" + ",".join(sorted(committees)) + "}"
    return f"{folders}/*/**/*.html"
