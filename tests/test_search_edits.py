"""The edits bundle's bookkeeping: which results of the shards are older copies of edited pages.

Bundles here are tiny folders of fragments written as Pagefind writes them
(gzip of its signature and the page's JSON); Pagefind itself runs in the
browser test of the edits bundle (test_browser_search_fresh.py).
"""

import gzip
import json

import pytest

from minutes.search.edits import EDITS, PageIds, page_url


@pytest.mark.parametrize(
    ("output", "url"),
    [
        ("index.html", "/"),
        ("planning/2024-01-02/index.html", "/planning/2024-01-02/"),
        ("planning/2024-01-02/report-roads/index.html", "/planning/2024-01-02/report-roads/"),
        ("404.html", "/404.html"),
    ],
)
def test_page_url_is_the_url_pagefind_records(output, url):
    assert page_url(output) == url


def bundle(root, name: str, pages: dict[str, str], *, entry: bool = True, left_over: tuple[str, ...] = ()):
    """A bundle of fragments: page id -> URL; `left_over` names ids its last re-index left unused."""
    folder = root / "pagefind" / name
    (folder / "fragment").mkdir(parents=True)
    for page, url in pages.items():
        body = b"pagefind_dcd" + json.dumps({"url": url, "content": "words " * 2000}, separators=(",", ":")).encode()
        (folder / "fragment" / f"{page}.pf_fragment").write_bytes(gzip.compress(body))
    if entry:
        (folder / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    if left_over:
        (folder / ".stale").write_text("".join(f"fragment/{p}.pf_fragment\n" for p in left_over), encoding="utf-8")


EDITED = {"a/2024-01-02/index.html": "s01"}


@pytest.mark.parametrize(
    ("edits", "shard", "left_over", "stale"),
    [
        # The edited page's copy in its shard is left out; other pages of the shard are not.
        ({"en_new": "/a/2024-01-02/"}, {"en_old": "/a/2024-01-02/", "en_b": "/b/2024-01-02/"}, (), ["en_old"]),
        # Edited back to what the shard holds: one id in both, which the search page shows once.
        ({"en_same": "/a/2024-01-02/"}, {"en_same": "/a/2024-01-02/"}, (), []),
        # The edits bundle's own leftover of an earlier edit is no copy of the page as it is now.
        (
            {"en_v3": "/a/2024-01-02/", "en_v2": "/a/2024-01-02/"},
            {"en_v2": "/a/2024-01-02/"},
            ("en_v2",),
            ["en_v2"],
        ),
        # Pages of the shard that were not edited are never left out.
        ({"en_new": "/a/2024-01-02/"}, {"en_b": "/b/2024-01-02/"}, (), []),
    ],
)
def test_stale_ids_are_the_shards_older_copies_of_the_edited_pages(tmp_path, edits, shard, left_over, stale):
    bundle(tmp_path, EDITS, edits, left_over=left_over)
    bundle(tmp_path, "s01", shard)
    assert PageIds().stale_ids(tmp_path, EDITED) == stale


def test_no_edits_bundle_means_nothing_is_left_out(tmp_path):
    bundle(tmp_path, EDITS, {"en_new": "/a/2024-01-02/"}, entry=False)
    bundle(tmp_path, "s01", {"en_old": "/a/2024-01-02/"})
    assert PageIds().stale_ids(tmp_path, EDITED) == []


def test_a_fragment_that_is_not_pagefinds_is_skipped(tmp_path):
    bundle(tmp_path, "s01", {"en_old": "/a/2024-01-02/"})
    (tmp_path / "pagefind" / "s01" / "fragment" / "en_bad.pf_fragment").write_bytes(b"not gzip")
    assert PageIds().of(tmp_path / "pagefind" / "s01") == {"en_old": "/a/2024-01-02/"}
