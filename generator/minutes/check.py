"""`minutes check`: validate the content and every link, anchor and address of a built site.

Besides links that lead to no page or no anchor it fails on:

- links that lead nowhere: `href="#"`, an empty `href`, `javascript:` (a paper's
  "watch the webcast here" whose address was lost, say);
- addresses that are not full where a standard wants them full: every `<loc>` of
  the sitemap (sitemaps.org), robots.txt's `Sitemap:`, a calendar event's `URL`,
  `CONFERENCE` and `ATTACH` (RFC 5545 values of type URI), a feed's and its entries'
  `<id>` (RFC 4287: an IRI, never a path), and the `url`, `@id` and other links of a
  page's schema.org data (JSON-LD).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

import icalendar

from minutes.core.config import SiteConfig
from minutes.core.errors import Problem, excerpt
from minutes.site.load import load_site, relative
from minutes.site.model import Site

_LINK_ATTRS = {
    "a": "href",
    "area": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "form": "action",
}


_FOLLOWED = frozenset({"a", "area"})
"""Elements a reader follows: one that leads nowhere is a placeholder left in the page."""


@dataclass(slots=True)
class _PageScan:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)
    placeholders: list[tuple[int, str]] = field(default_factory=list)
    duplicate_ids: list[tuple[int, str]] = field(default_factory=list)
    json_ld: list[tuple[int, str]] = field(default_factory=list)
    """(line, text) of each `<script type="application/ld+json">`."""


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = _PageScan()
        self._data: list[str] | None = None
        self._data_line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        ident = values.get("id")
        if ident:
            if ident in self.scan.ids:
                self.scan.duplicate_ids.append((self.getpos()[0], ident))
            self.scan.ids.add(ident)
        attr = _LINK_ATTRS.get(tag)
        if tag in _FOLLOWED and attr in values and is_placeholder(values[attr] or ""):
            self.scan.placeholders.append((self.getpos()[0], values[attr] or ""))
        elif attr and values.get(attr):
            self.scan.links.append((self.getpos()[0], values[attr] or ""))
        if tag == "script" and (values.get("type") or "").strip().lower() == "application/ld+json":
            self._data, self._data_line = [], self.getpos()[0]

    def handle_data(self, data: str) -> None:
        if self._data is not None:
            self._data.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._data is not None:
            self.scan.json_ld.append((self._data_line, "".join(self._data)))
            self._data = None


def is_placeholder(href: str) -> bool:
    """A link that leads nowhere: empty, "#" alone, or script."""
    text = re.sub(r"[\x00-\x20]+", "", href).lower()
    return text in ("", "#") or text.startswith(("javascript:", "vbscript:"))


def is_full_address(value: str) -> bool:
    """An absolute http(s) address with a host: what a standard means by a URL a reader can follow."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in value)


def is_iri(value: str) -> bool:
    """An absolute IRI (a scheme, then anything): a tag:, urn: or http(s): id, never a path."""
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", value.strip()))


def check_content(config: SiteConfig) -> list[Problem]:
    return list(load_site(config).problems)


def review_notes(config: SiteConfig, site: Site | None = None) -> list[Problem]:
    """The converter's points for a reviewer, one per record and note: shown to the people preparing the
    records (`minutes check`, `minutes serve`); readers see them while the record is unreviewed (see doubts.py)."""
    site = site or load_site(config)
    return [
        Problem(relative(config, doc.source), 0, note, "note")
        for doc in site.all_documents()
        for note in doc.record.warnings
    ]


def check_output(output: Path, base_url: str = "/") -> list[Problem]:
    """Every internal href/src of every HTML page must reach a file, and its #fragment an id there; no link
    may lead nowhere; addresses a standard wants full must be."""
    pages = {p: _scan(p) for p in sorted(output.rglob("*.html")) if "pagefind" not in p.relative_to(output).parts}
    problems: list[Problem] = []
    for page, scan in pages.items():
        shown = f"{output.name}/{page.relative_to(output).as_posix()}"
        for line, ident in scan.duplicate_ids:
            problems.append(Problem(shown, line, f"duplicate id {excerpt(ident)}"))
        for line, href in scan.placeholders:
            problems.append(
                Problem(
                    shown,
                    line,
                    f"placeholder link {excerpt(href)} leads nowhere; link the real address, or keep the words without a link",
                )
            )
        for line, href in scan.links:
            message = _check_link(output, base_url, page, href, pages)
            if message:
                problems.append(Problem(shown, line, message))
        for line, text in scan.json_ld:
            problems += _check_json_ld(shown, line, text)
    problems += check_addresses(output)
    return problems


# --- addresses a standard wants in full ------------------------------------------------------

_FIX = "set url: in site.yaml to the site's public origin and build again"
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_ATOM_NS = "{http://www.w3.org/2005/Atom}"
_JSON_LD_LINKS = frozenset({"url", "@id", "sameAs", "logo", "image", "contentUrl", "embedUrl", "thumbnailUrl"})
_ICS_LINKS = ("URL", "CONFERENCE", "ATTACH")


def check_addresses(output: Path) -> list[Problem]:
    """The sitemap, robots.txt, calendars and feeds: every address a standard wants full must be."""
    problems: list[Problem] = []
    for path in sorted(output.glob("sitemap*.xml")):
        problems += _check_sitemap(output, path)
    robots = output / "robots.txt"
    if robots.is_file():
        for n, line in enumerate(robots.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            key, _, value = line.partition(":")
            if key.strip().lower() == "sitemap" and not is_full_address(value.strip()):
                problems.append(_relative(output, robots, n, value.strip(), "robots.txt's Sitemap line"))
    for path in sorted(output.rglob("*.ics")):
        problems += _check_calendar(output, path)
    for path in sorted(output.rglob("feed.xml")):
        problems += _check_feed(output, path)
    return problems


def _shown(output: Path, path: Path) -> str:
    return f"{output.name}/{path.relative_to(output).as_posix()}"


def _line_of(text: str, value: str) -> int:
    at = text.find(value)
    return text.count("\n", 0, at) + 1 if at >= 0 and value else 0


def _relative(output: Path, path: Path, line: int, value: str, where: str) -> Problem:
    return Problem(_shown(output, path), line, f"{value!r} is not a full address, which {where} must be; {_FIX}")


def _check_sitemap(output: Path, path: Path) -> list[Problem]:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        return [Problem(_shown(output, path), exc.position[0], f"not well-formed XML: {exc}; build the site again")]
    if root.tag not in (f"{_SITEMAP_NS}urlset", f"{_SITEMAP_NS}sitemapindex"):
        return [
            Problem(_shown(output, path), 1, f"not a sitemap: its root is {root.tag!r}, not urlset or sitemapindex")
        ]
    locs = [el.text or "" for el in root.iter(f"{_SITEMAP_NS}loc")]
    problems = [
        _relative(output, path, _line_of(text, f"<loc>{loc}</loc>"), loc, "every <loc> of a sitemap")
        for loc in locs
        if not is_full_address(loc)
    ]
    if len(locs) > 50_000:
        problems.append(Problem(_shown(output, path), 0, f"{len(locs)} addresses; a sitemap may hold 50,000"))
    return problems


def _check_calendar(output: Path, path: Path) -> list[Problem]:
    raw = path.read_bytes()
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except ValueError as exc:
        return [Problem(_shown(output, path), 0, f"not a calendar icalendar can read: {exc}; build the site again")]
    text = raw.decode("utf-8", errors="replace").replace("\r\n ", "")
    problems = []
    for component in calendar.walk("VEVENT"):
        for name in _ICS_LINKS:
            values = component.get(name)
            for value in values if isinstance(values, list) else [values] if values is not None else []:
                if not is_full_address(str(value)):
                    problems.append(
                        _relative(output, path, _line_of(text, f"{name}"), str(value), f"a calendar event's {name}")
                    )
    return problems


def _check_feed(output: Path, path: Path) -> list[Problem]:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        return [Problem(_shown(output, path), exc.position[0], f"not well-formed XML: {exc}; build the site again")]
    return [
        Problem(
            _shown(output, path),
            _line_of(text, f"<id>{el.text}</id>"),
            f"id {el.text or ''!r} is not an IRI, which an Atom id must be (RFC 4287); {_FIX}",
        )
        for el in root.iter(f"{_ATOM_NS}id")
        if not is_iri(el.text or "")
    ]


def _check_json_ld(shown: str, line: int, text: str) -> list[Problem]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        return [Problem(shown, line, f"schema.org data is not JSON: {exc}")]
    return [
        Problem(shown, line, f"schema.org {key} {value!r} is not a full address, which search engines need; {_FIX}")
        for key, value in _links_in(data)
        if not is_full_address(value)
    ]


def _links_in(value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in _JSON_LD_LINKS and isinstance(inner, str):
                yield key, inner
            elif key in _JSON_LD_LINKS and isinstance(inner, list):
                yield from ((key, v) for v in inner if isinstance(v, str))
            else:
                yield from _links_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _links_in(inner)


def _scan(path: Path) -> _PageScan:
    scanner = _Scanner()
    scanner.feed(path.read_text(encoding="utf-8", errors="replace"))
    return scanner.scan


def _check_link(output: Path, base_url: str, page: Path, href: str, pages: dict[Path, _PageScan]) -> str:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return ""
    path = unquote(parts.path)
    if not path:
        target = page
    elif path.startswith("/"):
        if not path.startswith(base_url):
            return f"broken link {excerpt(href)}: outside the site's base URL {base_url}"
        target = output / path[len(base_url) :]
    else:
        target = page.parent / path
    target = Path(_normalise(target))
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    if not target.exists():
        return f"broken link {excerpt(href)}: no such page"
    if parts.fragment and target.suffix == ".html":
        scan = pages.get(target) or _scan(target)
        if unquote(parts.fragment) not in scan.ids:
            return f"broken link {excerpt(href)}: no element with id {excerpt(parts.fragment)} on that page"
    return ""


def _normalise(path: Path) -> str:
    out: list[str] = []
    for part in PurePosixPath(path.as_posix()).parts:
        if part == "..":
            if out:
                out.pop()
        elif part != ".":
            out.append(part)
    return str(PurePosixPath(*out)) if out else "."
