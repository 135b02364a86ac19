"""sitemap.xml (sitemaps.org 0.9) and robots.txt.

The sitemap lists the HTML pages of the plan, the very list the build
writes, so it can never name a page the build did not write. The protocol
wants each `<loc>` a full address, escaped for XML, at most 50,000 to a file:
without `url` in site.yaml there is no full address to give, so no sitemap is
written (the build warns) and robots.txt names none. A larger site gets a
sitemap index, `sitemap.xml`, naming `sitemap-1.xml`, `sitemap-2.xml` ….
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from minutes.outputs.addresses import Addresses

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
PER_FILE = 50_000
"""The protocol's limit of addresses in one sitemap file."""


def page_paths(output: Path) -> list[str]:
    """Site-relative URL of every rendered page: "" for the home page, "cabinet/2013-11-18/"."""
    found = []
    for path in output.rglob("index.html"):
        folder = path.parent.relative_to(output).as_posix()
        found.append("" if folder == "." else folder + "/")
    return sorted(found)


def render(page_urls: Iterable[str], addresses: Addresses) -> dict[str, str]:
    """`page_urls`: site-relative URLs of the pages, "" for the home page."""
    robots = ["User-agent: *", "Allow: /"]
    files: dict[str, str] = {}
    if addresses.absolute:
        locs = [addresses.full_link(quote(path, safe="/-._~!$&'()*+,;=:@%")) for path in sorted(set(page_urls))]
        chunks = [locs[i : i + PER_FILE] for i in range(0, len(locs), PER_FILE)] or [[]]
        if len(chunks) == 1:
            files["sitemap.xml"] = _document("urlset", "url", chunks[0])
        else:
            names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
            files.update({name: _document("urlset", "url", chunk) for name, chunk in zip(names, chunks, strict=True)})
            files["sitemap.xml"] = _document("sitemapindex", "sitemap", [addresses.full_link(n) for n in names])
        robots.append(f"Sitemap: {addresses.full_link('sitemap.xml')}")
    files["robots.txt"] = "\n".join(robots) + "\n"
    return files


def _document(root: str, entry: str, locs: list[str]) -> str:
    top = ET.Element(root, {"xmlns": SITEMAP_NS})
    for loc in locs:
        ET.SubElement(ET.SubElement(top, entry), "loc").text = loc
    ET.indent(top)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(top, encoding="unicode") + "\n"
