"""The build, as a recipe: convert, load, link, render, index, publish.

The site is rendered into a staging folder beside the output and swapped in
only when every stage has succeeded, so a failed build never publishes half
a site and the previous output stays served.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .config import SiteConfig
from .errors import Problem, UserError
from .links import resolve_citations
from .load import Loader
from .model import Site
from .outputs import write_outputs
from .papers import convert_papers
from .plan import plan_pages
from .render import copy_static, make_environment, render_pages, resolve_theme
from .search import index_site

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class BuildResult:
    output: Path
    pages: int
    meetings: int
    indexed: int
    problems: tuple[Problem, ...]
    seconds: float


def build(
    config: SiteConfig,
    *,
    search: bool = True,
    convert: bool = True,
    loader: Loader | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    started = time.monotonic()
    say = progress or (lambda message: None)
    problems: list[Problem] = []
    if convert:
        problems += _convert(config, say)
    site = _load(config, loader or Loader(), say)
    problems += site.problems
    output = (config.root / config.output_dir).resolve()
    _refuse_foreign_output(output)
    staging = output.with_name(f".{output.name}.staging")
    _clear(staging)
    try:
        pages = _render(site, staging, say, search=search)
        indexed = _index(config, staging, say) if search else 0
        _publish(staging, output)
    finally:
        _clear(staging)
    say(f"built {pages} pages for {len(site.meetings)} meetings into {output}")
    return BuildResult(output, pages, len(site.meetings), indexed, tuple(problems), time.monotonic() - started)


def _convert(config: SiteConfig, say: Progress) -> list[Problem]:
    report = convert_papers(config, progress=say)
    if report.written:
        say(f"converted papers: {len(report.written)} files written")
    return list(report.problems)


def _load(config: SiteConfig, loader: Loader, say: Progress) -> Site:
    site = loader.load(config)
    say(f"loaded {len(site.meetings)} meetings of {len(site.committees)} committees")
    return site


def _render(site: Site, staging: Path, say: Progress, *, search: bool) -> int:
    theme = resolve_theme(site.config)
    env = make_environment(site.config, theme, search=search)
    links = resolve_citations(site)
    specs = plan_pages(site, links)
    staging.mkdir(parents=True)
    count = render_pages(site, specs, staging, env, progress=say)
    copy_static(theme, staging)
    _copy_papers(site, staging)
    extras = write_outputs(site, links, staging)
    say(f"wrote {len(extras)} feeds, calendars and data files")
    return count


def _copy_papers(site: Site, staging: Path) -> None:
    """Publish each source paper beside the records made from it, so readers can check them."""
    root = site.config.root
    for paper in sorted({d.record.source.paper for d in site.all_documents() if d.record.source}):
        source = root / paper
        if source.is_file():
            target = staging / "papers" / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def _index(config: SiteConfig, staging: Path, say: Progress) -> int:
    say("indexing for search")
    return index_site(staging, config.language)


MARKER = ".minutes-build"
"""A file in every built site, so a build only ever replaces a folder it made."""


def _refuse_foreign_output(output: Path) -> None:
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise UserError(
            f"the output folder {output} holds files minutes did not build; "
            "choose another --output, or empty the folder if it may be replaced"
        )


def _publish(staging: Path, output: Path) -> None:
    (staging / MARKER).write_text("Built by minutes; replaced on every build.\n", encoding="utf-8")
    old = output.with_name(f".{output.name}.old")
    _clear(old)
    if output.exists():
        output.rename(old)
    staging.rename(output)
    _clear(old)


def _clear(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
