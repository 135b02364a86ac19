"""`minutes check`: validate the content and every internal link and anchor of a built site."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from minutes.core.config import SiteConfig
from minutes.core.errors import Problem
from minutes.site.load import load_site, relative
from minutes.site.model import Site

_LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "form": "action"}


@dataclass(slots=True)
class _PageScan:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)
    duplicate_ids: list[tuple[int, str]] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = _PageScan()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        ident = values.get("id")
        if ident:
            if ident in self.scan.ids:
                self.scan.duplicate_ids.append((self.getpos()[0], ident))
            self.scan.ids.add(ident)
        attr = _LINK_ATTRS.get(tag)
        if attr and values.get(attr):
            self.scan.links.append((self.getpos()[0], values[attr] or ""))


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
    """Every internal href/src of every HTML page must reach a file, and its #fragment an id there."""
    pages = {p: _scan(p) for p in sorted(output.rglob("*.html")) if "pagefind" not in p.relative_to(output).parts}
    problems: list[Problem] = []
    for page, scan in pages.items():
        rel = page.relative_to(output).as_posix()
        for line, ident in scan.duplicate_ids:
            problems.append(Problem(f"{output.name}/{rel}", line, f"duplicate id {ident!r}"))
        for line, href in scan.links:
            message = _check_link(output, base_url, page, href, pages)
            if message:
                problems.append(Problem(f"{output.name}/{rel}", line, message))
    return problems


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
            return f"broken link {href!r}: outside the site's base URL {base_url}"
        target = output / path[len(base_url) :]
    else:
        target = page.parent / path
    target = Path(_normalise(target))
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    if not target.exists():
        return f"broken link {href!r}: no such page"
    if parts.fragment and target.suffix == ".html":
        scan = pages.get(target) or _scan(target)
        if unquote(parts.fragment) not in scan.ids:
            return f"broken link {href!r}: no element with id {parts.fragment!r} on that page"
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
