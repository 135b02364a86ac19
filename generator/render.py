"""Render the site model through a Jinja theme into files under an output folder.

`plan_pages` lists every page as a `PageSpec`: its output path, template, and
the context it is a function of. `render_pages` writes them. Keeping the plan
separate lets a rebuild map a change to the pages it affects.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import jinja2
import yaml

from .config import SiteConfig
from .errors import UserError
from .links import Links, Resolved
from .markdown import InlineLink, Rendered, render_markdown
from .model import Committee, Document, Meeting, Site

BUILTIN_THEMES = Path(__file__).resolve().parent.parent / "themes"


@dataclass(frozen=True, slots=True)
class PageSpec:
    output: str
    """Path under the output folder, e.g. "cabinet/2013-11-18/index.html"."""
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    url: str = ""
    """Site-relative URL (no base), "" for the home page."""


# --- themes -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    chain: tuple[Path, ...]
    """Theme folders, most specific first: the site's own, then parents, ending at default."""

    @property
    def template_dirs(self) -> list[str]:
        return [str(p / "templates") for p in self.chain if (p / "templates").is_dir()]

    @property
    def static_dirs(self) -> list[Path]:
        return [p / "static" for p in self.chain if (p / "static").is_dir()]


def resolve_theme(config: SiteConfig) -> Theme:
    """Follow `extends:` in each theme.yaml down to the built-in default theme.

    A theme without `extends:` extends "default"; a site folder `themes/default`
    overrides single files of the built-in default theme.
    """
    builtin_default = (BUILTIN_THEMES / "default").resolve()
    chain: list[Path] = []
    name = config.theme
    while True:
        folder = _theme_folder(config, name, skip=chain)
        if folder is None:
            raise UserError(f"theme {name!r} not found in {config.themes_dir}/ or the built-in themes",
                            config.root / "site.yaml")
        chain.append(folder)
        if folder.resolve() == builtin_default:
            return Theme(config.theme, tuple(chain))
        if len(chain) > 8:
            raise UserError("themes extend each other in a loop", folder / "theme.yaml")
        name = _parent_theme(folder)


def _parent_theme(folder: Path) -> str:
    meta = folder / "theme.yaml"
    if not meta.exists():
        return "default"
    try:
        data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise UserError(f"malformed YAML: {exc}", meta) from None
    if not isinstance(data, dict) or set(data) - {"extends", "name", "description"}:
        raise UserError("theme.yaml may set only extends, name and description", meta, 1)
    return str(data.get("extends") or "default")


def _theme_folder(config: SiteConfig, name: str, skip: list[Path]) -> Path | None:
    seen = {s.resolve() for s in skip}
    for base in (config.root / config.themes_dir, BUILTIN_THEMES):
        folder = base / name
        if folder.is_dir() and folder.resolve() not in seen:
            return folder
    return None


def make_environment(config: SiteConfig, theme: Theme, *, search: bool = True) -> jinja2.Environment:
    default_dir = BUILTIN_THEMES / "default" / "templates"
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(theme.template_dirs),
            jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(default_dir))}, delimiter=":"),
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    base = config.base_url

    def url(path: str = "") -> str:
        return base + path.lstrip("/")

    def absolute(path: str = "") -> str:
        return (config.url + url(path)) if config.url else url(path)

    env.globals.update(url=url, absolute_url=absolute, config=config, search_enabled=search)
    env.filters["longdate"] = _long_date
    env.filters["tojson_script"] = lambda v: jinja2.utils.markupsafe.Markup(
        json.dumps(v, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    )
    return env


def _long_date(value: dt.date | None) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}" if value else "Date not known"


# --- the page plan ------------------------------------------------------------


def meeting_title(site: Site, meeting: Meeting) -> str:
    name = site.committees[meeting.committee].name
    return f"{name}, {_long_date(meeting.date)}" if meeting.date else f"{name} (date not known)"


def today(site: Site) -> dt.date:
    """'Today' for recent/upcoming lists: set in site.yaml, else the newest meeting, so output is reproducible."""
    if site.config.build_date:
        return dt.date.fromisoformat(site.config.build_date)
    dates = [m.date for m in site.meetings.values() if m.date]
    return max(dates) if dates else dt.date(1970, 1, 1)


def plan_pages(site: Site, links: Links) -> list[PageSpec]:
    specs: list[PageSpec] = []
    dated = sorted((m for m in site.meetings.values() if m.date), key=lambda m: (m.date, m.committee), reverse=True)
    now = today(site)
    committees = sorted(site.committees.values(), key=lambda c: c.name.lower())
    specs.append(
        PageSpec(
            "index.html",
            "index.html",
            {
                "recent": [_summary(site, m) for m in dated if m.date <= now][:12],
                "upcoming": [_summary(site, m) for m in reversed(dated) if m.date > now],
                "committees": committees,
            },
            "",
        )
    )
    specs.append(PageSpec("committees/index.html", "committees.html", {"committees": committees}, "committees/"))
    for committee in committees:
        meetings = site.meetings_of(committee.slug)
        by_year: dict[str, list] = {}
        for m in meetings:
            by_year.setdefault(str(m.date.year) if m.date else "Date not known", []).append(_summary(site, m))
        specs.append(
            PageSpec(
                f"{committee.url}index.html",
                "committee.html",
                {"committee": committee, "by_year": by_year},
                committee.url,
            )
        )
        for i, meeting in enumerate(meetings):
            newer = meetings[i - 1] if i > 0 and meetings[i - 1].date else None
            older = meetings[i + 1] if i + 1 < len(meetings) and meetings[i + 1].date else None
            specs.append(_meeting_page(site, links, committee, meeting, newer, older))
            for doc in meeting.reports:
                specs.append(_document_page(site, links, committee, meeting, doc))
    for page in sorted(site.pages.values(), key=lambda p: p.slug):
        html = render_markdown(page.body, base_level=2).html
        specs.append(PageSpec(f"{page.url}index.html", "page.html", {"page": page, "body": html}, page.url))
    specs.append(PageSpec("search/index.html", "search.html", {}, "search/"))
    specs.append(PageSpec("404.html", "404.html", {}, "404.html"))
    return specs


def _summary(site: Site, meeting: Meeting) -> dict[str, Any]:
    return {
        "meeting": meeting,
        "committee": site.committees[meeting.committee],
        "title": meeting_title(site, meeting),
    }


def _inline_links(site: Site, resolved: list[Resolved]) -> tuple[InlineLink, ...]:
    base = site.config.base_url
    return tuple(
        InlineLink(r.citation.text, base + r.target_url) for r in resolved if r.target_meeting and r.citation.text
    )


def _render_document(site: Site, links: Links, doc: Document, base_level: int, used: set[str]) -> Rendered:
    return render_markdown(doc.body, base_level=base_level, links=_inline_links(site, links.of(doc)), used_ids=used)


def _meeting_page(
    site: Site, links: Links, committee: Committee, meeting: Meeting, newer: Meeting | None, older: Meeting | None
) -> PageSpec:
    used: set[str] = set()
    sections = []
    for doc in (meeting.agenda, meeting.minutes):
        if doc is not None:
            sections.append({"document": doc, "html": _render_document(site, links, doc, 3, used).html})
    cited_by = links.cited_by.get((meeting.committee, meeting.key), [])
    return PageSpec(
        f"{meeting.url}index.html",
        "meeting.html",
        {
            "committee": committee,
            "meeting": meeting,
            "title": meeting_title(site, meeting),
            "sections": sections,
            "reports": meeting.reports,
            "citations": [r for d in meeting.documents for r in links.of(d)],
            "cited_by": cited_by,
            "newer": newer,
            "older": older,
            "newer_title": meeting_title(site, newer) if newer else "",
            "older_title": meeting_title(site, older) if older else "",
            "papers": sorted({d.record.source.paper for d in meeting.documents if d.record.source}),
        },
        meeting.url,
    )


def _document_page(site: Site, links: Links, committee: Committee, meeting: Meeting, doc: Document) -> PageSpec:
    rendered = _render_document(site, links, doc, 2, set())
    return PageSpec(
        f"{doc.url}index.html",
        "document.html",
        {
            "committee": committee,
            "meeting": meeting,
            "meeting_title": meeting_title(site, meeting),
            "document": doc,
            "html": rendered.html,
            "headings": [h for h in rendered.headings if h.level == 2],
        },
        doc.url,
    )


# --- writing ------------------------------------------------------------------


def render_pages(
    site: Site,
    specs: Iterable[PageSpec],
    output: Path,
    env: jinja2.Environment,
    progress: Callable[[str], None] | None = None,
) -> int:
    common = {"site": site, "committees_nav": sorted(site.committees.values(), key=lambda c: c.name.lower())}
    count = 0
    for spec in specs:
        try:
            template = env.get_template(spec.template)
            html = template.render(**common, **spec.context, page_url=spec.url)
        except jinja2.TemplateSyntaxError as exc:
            raise UserError(f"template error: {exc.message}", exc.filename or exc.name, exc.lineno) from None
        except jinja2.TemplateError as exc:
            where = _template_frame(exc)
            raise UserError(f"template error while rendering {spec.output}: {exc}", *where) from None
        target = output / spec.output
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        count += 1
        if progress and count % 500 == 0:
            progress(f"rendered {count} pages")
    return count


def _template_frame(exc: BaseException) -> tuple[str | None, int]:
    """The innermost template file and line of a runtime template error."""
    tb = exc.__traceback__
    found: tuple[str | None, int] = (None, 0)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html") or filename.endswith(".xml"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def copy_static(theme: Theme, output: Path) -> None:
    """Copy static files, parents first, so a site's file replaces the theme's."""
    target = output / "static"
    for folder in reversed(theme.static_dirs):
        shutil.copytree(folder, target, dirs_exist_ok=True)
