"""Outputs beyond pages: feeds, calendars, open data, sitemap.

Each is a pure function of the loaded site (and, for the sitemap, of the
pages the plan holds; for the feeds, of when each record first appeared).
Every file is byte-identical for the same content: dates come from the
meetings, the register of appearances and `titles.today`, never the clock. The
build computes them all in one render worker, beside the pages, and writes
only the files whose text changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from minutes.outputs import feeds, ics, opendata, sitemap
from minutes.outputs.addresses import Addresses
from minutes.site.appearances import Appearances, appearances, read_register
from minutes.site.links import Links
from minutes.site.model import Site
from minutes.site.titles import today


def render_outputs(site: Site, links: Links, page_urls: Iterable[str], appeared: Appearances) -> dict[str, str]:
    """Every output file's text by its path under the output folder."""
    addresses = Addresses.of(site.config)
    files: dict[str, str] = {}
    files.update(feeds.render(site, addresses, appeared))
    files.update(ics.render(site, addresses))
    files.update(opendata.render(site, links, addresses))
    files.update(sitemap.render(page_urls, addresses))
    return files


def write_outputs(
    site: Site,
    links: Links,
    output: Path,
    page_urls: Iterable[str] | None = None,
    appeared: Appearances | None = None,
) -> list[str]:
    """Write every output under `output`; return the relative paths written, sorted.

    Without `page_urls`, the sitemap lists the pages found in `output`; without
    `appeared`, records are dated by the register as it is (which is not written).
    """
    if appeared is None:
        appeared = appearances(site, read_register(site.config)[0], today(site))
    urls = sitemap.page_paths(output) if page_urls is None else page_urls
    files = render_outputs(site, links, urls, appeared)
    for relative, text in files.items():
        write_text(output / relative, text)
    return sorted(files)


def write_text(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    # newline="" keeps the calendar's CRLF line endings as written.
    with target.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


__all__ = ["render_outputs", "write_outputs", "write_text"]
