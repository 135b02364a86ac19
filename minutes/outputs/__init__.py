"""Outputs beyond pages: feeds, calendars, open data, sitemap.

Each is a pure function of the loaded site (and, for the sitemap, of the
pages already rendered), so they run after `render_pages` and before search
indexing. Every file is byte-identical for the same content: dates come from
the meetings and `render.today`, never from the clock.
"""

from __future__ import annotations

from pathlib import Path

from ..links import Links
from ..model import Site
from . import feeds, ics, opendata, sitemap
from .addresses import Addresses


def write_outputs(site: Site, links: Links, output: Path) -> list[str]:
    """Write every output under `output`; return the relative paths written, sorted."""
    addresses = Addresses.of(site.config)
    files: dict[str, str] = {}
    files.update(feeds.render(site, addresses))
    files.update(ics.render(site, addresses))
    files.update(opendata.render(site, links, addresses))
    # The sitemap lists the pages on disk, so it must come after render_pages.
    files.update(sitemap.render(output, addresses))
    for relative, text in files.items():
        target = output / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        # newline="" keeps the calendar's CRLF line endings as written.
        with target.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    return sorted(files)


__all__ = ["write_outputs"]
