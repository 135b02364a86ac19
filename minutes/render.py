"""Render planned pages through a Jinja theme into files under an output folder.

Themes: a chain of folders from the site's own theme down to the built-in
default, searched in that order, with the default theme also reachable as
`default:<template>` so an override can extend the template it replaces.
"""

from __future__ import annotations

import importlib.resources
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import jinja2
import yaml
from markupsafe import Markup

from .config import SiteConfig
from .errors import UserError
from .model import Site
from .events import is_online
from .titles import clock_time, long_date

def _builtin_themes() -> Path:
    """The folder of the themes shipped with the package (`minutes.themes`, from the repo's themes/)."""
    return Path(str(importlib.resources.files("minutes.themes")))


BUILTIN_THEMES = _builtin_themes()


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One output page: a function of its template and the named inputs in `context`."""

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
    names: list[str] = []
    name = config.theme
    while True:
        if name in names and name != "default":
            raise UserError(f"themes extend each other in a loop: {' -> '.join(names + [name])}",
                            config.root / config.themes_dir / name / "theme.yaml")
        names.append(name)
        folder = _theme_folder(config, name, skip=chain)
        if folder is None:
            raise UserError(f"theme {name!r} not found in {config.themes_dir}/ or the built-in themes",
                            config.root / "site.yaml")
        chain.append(folder)
        if folder.resolve() == builtin_default:
            return Theme(config.theme, tuple(chain))
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
    env.globals.update(url=config.link, absolute_url=config.absolute_link, config=config, search_enabled=search)
    env.filters["longdate"] = long_date
    env.filters["clock"] = clock_time
    env.filters["online"] = is_online
    # JSON inside <script>: "</" is escaped so the data can never close the element.
    env.filters["tojson_script"] = lambda v: Markup(
        json.dumps(v, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    )
    return env


# --- writing ------------------------------------------------------------------


def render_pages(
    site: Site,
    specs: Iterable[PageSpec],
    output: Path,
    env: jinja2.Environment,
    progress: Callable[[str], None] | None = None,
) -> int:
    common = {"site": site}
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
