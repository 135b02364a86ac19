"""Search shards: one Pagefind index per committee, merged in the browser.

The search page merges the shards with Pagefind's `mergeIndex`, so an edit
re-indexes only the shard of the changed page. A builder names the shard of
each page it wants searchable (`PageSpec.shard`); meetings and their
documents are indexed under their committee. The pages of a shard all live
under its committee's folder, which is how the indexer finds them.
"""

from __future__ import annotations

BUNDLES = "pagefind"
"""Folder of the output holding one Pagefind bundle per shard, and the search UI."""


def bundle_path(shard: str) -> str:
    """Site-relative path of a shard's bundle: "pagefind/<committee>/"."""
    return f"{BUNDLES}/{shard}/"


def page_glob(shard: str) -> str:
    """The pages of a committee's shard: its meetings' pages and their documents' pages."""
    return f"{shard}/*/**/*.html"
