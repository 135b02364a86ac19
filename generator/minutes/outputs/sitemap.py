"""sitemap.xml (sitemaps.org 0.9) and robots.txt.

The sitemap lists the HTML pages of the plan, the very list the build
writes, so it can never name a page the build did not write. Search engines want absolute
URLs: without `url` in site.yaml the sitemap holds base_url-rooted paths,
which crawlers ignore, and robots.txt names no sitemap.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from minutes.outputs.addresses import Addresses

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_paths(output: Path) -> list[str]:
    """Site-relative URL of every rendered page: "" for the home page, "cabinet/2013-11-18/"."""
    found = []
    for path in output.rglob("index.html"):
        folder = path.parent.relative_to(output).as_posix()
        found.append("" if folder == "." else folder + "/")
    return sorted(found)


def render(page_urls: Iterable[str], addresses: Addresses) -> dict[str, str]:
    """`page_urls`: site-relative URLs of the pages, "" for the home page."""
    urlset = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for path in sorted(set(page_urls)):
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = addresses.link(path)
    ET.indent(urlset)
    sitemap = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"
    robots = ["User-agent: *", "Allow: /"]
    if addresses.origin:
        robots.append(f"Sitemap: {addresses.link('sitemap.xml')}")
    return {"sitemap.xml": sitemap, "robots.txt": "\n".join(robots) + "\n"}
