"""What Pagefind indexed of the demo build: the text of every page, as its snippets will quote it."""

from __future__ import annotations

import gzip
import json
import re

import pytest


def indexed_pages(output) -> dict[str, str]:
    """Each indexed page's url -> the text Pagefind keeps for it (what snippets are cut from)."""
    pages = {}
    for fragment in sorted((output / "pagefind").glob("*/fragment/*.pf_fragment")):
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd") :])
        pages[data["url"]] = data["content"]
    return pages


@pytest.fixture(scope="module")
def pages(demo_build):
    _root, result = demo_build
    return indexed_pages(result.output)


def test_blocks_never_run_into_each_other_in_the_indexed_text(pages):
    """Pagefind joins the text of adjacent elements it does not know as blocks (dt, dd, th …)."""
    joined = {
        url: found
        for url, text in pages.items()
        if (
            found := re.findall(
                r"\S*(?:[a-z)](?:Councillor|Present|Apologies|Chair)|(?:Chair|Present|Apologies)[A-Z])\S*", text
            )
        )
    }
    assert joined == {}
    assert "(from minute 61) Present Councillor Cusworth" in pages["/improving-lives-select-commission/2020-03-03/"]


def test_filter_values_stay_out_of_the_text(pages):
    """Filters are read from hidden elements that are not text: a snippet never opens with "2020 Agenda"."""
    meeting = pages["/improving-lives-select-commission/2020-07-28/"]
    assert meeting.startswith("Improving Lives Select Commission, Tuesday 28 July 2020. Membership.")
    assert pages["/people/councillor-cusworth/"].startswith("Councillor Cusworth. Member of.")
