"""The build, as a recipe: convert, load, link, plan, render, index, publish.

A cold build (no output yet, no cache, or an output the cache cannot vouch
for) renders every page into a staging folder beside the output. A warm build
finds in the cache what the output folder holds, renders only the pages whose
inputs changed into an overlay folder, and stages the new site as hard links
to the unchanged files plus the overlay; the search index is redone only for
the shards holding the changed pages. Either way the staged site replaces the
output in one atomic exchange, and only when nothing failed (or the caller
said to keep going): a failed or killed build never publishes half a site and
the previous output stays served. A warm build that changes nothing writes
nothing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path, PurePosixPath

from minutes.core.config import CONFIG_NAME, SiteConfig, setting_line
from minutes.core.errors import Problem, UserError
from minutes.core.i18n import catalogue_digest
from minutes.core.paths import (
    disk_full_message,
    is_disk_full,
    walk,
)
from minutes.core.pools import default_jobs
from minutes.core.progress import Progress
from minutes.outputs import render_outputs
from minutes.pages.fingerprint import Fingerprints
from minutes.pages.plan import Planner
from minutes.pages.render import PageSpec, SiteView, Theme, resolve_theme
from minutes.pages.render_pool import PageResult, RenderJob, Worker, render_all, renders_here
from minutes.pages.templates_ahead import TemplatesAhead
from minutes.papers.fresh import MANIFEST_NAME, unchanged_since_converted
from minutes.publish.atomic import (
    MARKER,
    mark,
    refuse_foreign_output,
    write_atomic,
    write_file,
)
from minutes.publish.cache import RecordStore, file_digest
from minutes.publish.staging import Stage, manifest_of
from minutes.search.index import ENTRY, ShardIndexer, index_shards, shards_of
from minutes.search.shards import BUNDLES, REGISTERS
from minutes.site.appearances import (
    REGISTER_NAME,
    Appearances,
    Register,
    appearances,
    read_register,
    write_register,
)
from minutes.site.doubts import refusals
from minutes.site.links import Links, resolve_citations
from minutes.site.load import Loader, meeting_of, page_from
from minutes.site.load import relative as site_relative
from minutes.site.model import Document, Site
from minutes.site.originals import published_papers
from minutes.site.titles import today

MARKER = MARKER  # re-exported: tests and tools name it as build.MARKER


@dataclass(frozen=True, slots=True)
class BuildResult:
    output: Path
    pages: int
    meetings: int
    indexed: int
    problems: tuple[Problem, ...]
    seconds: float
    rendered: int = 0
    """Pages rendered and written by this build; the others were unchanged and kept."""
    cold: bool = True
    """Rendered from nothing into a staging folder and swapped in."""
    published: bool = True
    """False when something failed and the build was not told to keep going: the output is as it was."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


@dataclass(slots=True)
class BuildState:
    """What the last build knew, kept by `serve` to update single pages."""

    site: Site
    links: Links
    planner: Planner
    specs: dict[str, PageSpec]
    digests: dict[str, str]
    """Output path -> digest of every file in the output folder that the build wrote."""
    theme: Theme
    base_digest: str
    shards: dict[str, str] = field(default_factory=dict)
    """Page output path -> the search shard indexing it."""


@dataclass(frozen=True, slots=True)
class _Read:
    """The site as a build reads it, before anything is rendered."""

    site: Site
    register: Register
    appeared: Appearances
    links: Links
    planner: Planner
    specs: list[PageSpec]
    problems: list[Problem]


@dataclass(frozen=True, slots=True)
class _Rendered:
    """What rendering wrote into the stage."""

    problems: list[Problem]
    rendered: int
    digests: dict[str, str]
    """Output path -> digest of every file the output will hold that the build wrote."""
    changed: set[str]
    removed: list[str]
    """Output paths the output held that the new site no longer has."""


class SiteBuilder:
    """Builds one site; `serve` keeps one and asks it for each change."""

    def __init__(
        self,
        config: SiteConfig,
        *,
        search: bool = True,
        jobs: int | None = None,
        use_cache: bool = True,
        loader: Loader | None = None,
        progress: Progress | Callable[[str], None] | None = None,
        publishing: bool = True,
        templates: TemplatesAhead | None = None,
    ):
        self.config = config
        self.templates = templates
        """The theme's templates being compiled in another process, for this build's pages."""
        self.publishing = publishing
        """A build of the published site: it warns of what readers would miss and records when each record
        first appeared. `serve`'s preview is not publication and does neither."""
        self.search = search
        self.jobs = jobs or default_jobs()
        self.cache_dir = (config.root / config.cache_dir).resolve() if use_cache else None
        self.loader = loader or Loader()
        self.loader.jobs = self.jobs
        if self.cache_dir is not None and self.loader.records is None:
            self.loader.records = RecordStore(self.cache_dir)
        self.progress = Progress.of(progress)
        self.output = (config.root / config.output_dir).resolve()
        self.state: BuildState | None = None
        self._worker: Worker | None = None

    def build(self, *, convert: bool = True, keep_going: bool = False) -> BuildResult:
        """Build the site; publish it only if nothing failed, or if `keep_going` says to publish the rest.

        Nothing is written into the output folder until the new site is whole:
        it is staged beside it and exchanged with it in one step (see publish.py).
        A disk that fills up on the way is reported as that, naming the output
        folder, never as a fault of the paper or page being written.
        """
        # Before anything is converted: `--output site.yaml` must not even begin.
        refuse_foreign_output(self.output)
        try:
            return self._build(convert=convert, keep_going=keep_going)
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            raise UserError(
                f"{disk_full_message(exc, 'the output folder')}; nothing was published, the output folder is as "
                "it was — free some space (or build into another --output) and build again",
                self.output,
            ) from None

    def _build(self, *, convert: bool, keep_going: bool) -> BuildResult:
        started, say = time.monotonic(), self.progress.say
        problems: list[Problem] = []
        if convert:
            problems += _convert(self.config, say, self.jobs)
        problems += refuse_theme_links(self.config)
        read = self._read()
        problems += read.problems
        theme, base = resolve_theme(read.site.config), _base_digest(read.site, self.search)
        shards = shards_of(read.specs)
        stage = Stage.open(self.output, self.cache_dir)
        # A cold build indexes each search shard as soon as its pages are written, while the rest render.
        indexer = (
            ShardIndexer(stage.target, read.site.config, shards, jobs=self.jobs) if stage.cold and self.search else None
        )
        try:
            made = self._render(read, stage, theme, base, shards, indexer)
            problems += made.problems
            if any(p.severity == "error" for p in problems) and not keep_going:
                say("not published: the output folder is unchanged")
                return self._result(read, made, problems, started, stage.cold, indexed=0, published=False)
            indexed = 0
            if stage.assemble(made.removed, lambda: self.search and _search_outdated(self.output, shards)):
                indexed = self._index(stage, read, shards, made, indexer)
                stage.swap_in()
            stage.published = True
            if self.publishing:
                problems += _record_appearances(read.site.config, read.register, read.appeared, say)
            stage.record(made.digests, made.removed)
        finally:
            if indexer is not None:
                indexer.close()
            stage.close()
        self.state = BuildState(
            read.site,
            read.links,
            read.planner,
            {s.output: s for s in read.specs},
            made.digests,
            theme,
            base,
            {s.output: shard for shard, pages in shards.items() for s in pages},
        )
        say(
            f"built {len(read.specs)} pages for {len(read.site.meetings)} meetings into {self.output}"
            + ("" if stage.cold else f" ({made.rendered} re-rendered)")
        )
        return self._result(read, made, problems, started, stage.cold, indexed)

    def _read(self) -> _Read:
        """The site loaded, its citations resolved and its pages planned."""
        site = self.loader.load(self.config)
        self.progress.say(f"loaded {len(site.meetings)} meetings of {len(site.committees)} committees")
        problems = list(site.problems)
        register, unreadable = read_register(site.config)
        problems += unreadable
        appeared = appearances(site, register, today(site))
        if self.publishing:
            problems += origin_unknown(site.config)
        if site.config.unreviewed == "refuse":
            # Kept going, the build publishes with the doubts left out (doubts.page_mode).
            problems += refusals(site)
        links = resolve_citations(site)
        planner = Planner(site, links)
        specs = planner.pages()
        problems += planner.problems
        return _Read(site, register, appeared, links, planner, specs, problems)

    def _render(
        self,
        read: _Read,
        stage: Stage,
        theme: Theme,
        base: str,
        shards: dict[str, list[PageSpec]],
        indexer: ShardIndexer | None,
    ) -> _Rendered:
        """Every page whose inputs changed, the feeds and data, and the theme's and papers' files, into the stage."""
        site, specs, known = read.site, read.specs, stage.known
        side = partial(_write_outputs, site, read.links, stage.target, known, _page_urls(specs), read.appeared, False)
        ahead, made = self.templates, None
        if ahead is not None and renders_here(self.jobs, len(specs)) and not ahead.done():
            # The feeds and data files need no template: made while the child finishes compiling them.
            made = side()
        job = RenderJob(
            specs=specs,
            site=SiteView.of(site),
            theme=theme,
            search=self.search,
            target=stage.target,
            known=known,
            cache_dir=self.cache_dir,
            in_place=False,
            base_digest=base,
            side_task=side if made is None else None,
            compiled=ahead.result() if ahead is not None else None,
        )
        chunk_done = _shards_as_written(specs, shards, indexer.submit) if indexer else None
        first = _index_first(specs, shards) if indexer else []
        results, outputs = render_all(job, jobs=self.jobs, progress=self.progress, chunk_done=chunk_done, first=first)
        outputs = outputs if made is None else made
        failed = [r for r in results if r.problem is not None]
        problems = _unique(r.problem for r in failed)
        rendered = sum(1 for r in results if r.written)
        self.progress.finish(f"rendered {rendered} of {len(results)} pages")
        files = dict(outputs)
        copied, clashes = _copy_files(site, theme, stage.target, known, in_place=False)
        files.update(copied)
        problems += clashes
        # A page that failed keeps what the output held for it (and its digest, so it is tried again).
        digests = {r.output: (r.digest if r.problem is None else known.get(r.output, "")) for r in results}
        digests = {path: digest for path, digest in digests.items() if digest} | files
        removed = sorted(set(known) - set(digests) - {r.output for r in failed})
        changed = {r.output for r in results if r.written}
        return _Rendered(problems, rendered, digests, changed, removed)

    def _index(
        self,
        stage: Stage,
        read: _Read,
        shards: dict[str, list[PageSpec]],
        made: _Rendered,
        indexer: ShardIndexer | None,
    ) -> int:
        """Search-index the staged site: the shards not yet indexed (cold), or those holding changed pages (warm)."""
        if indexer is not None:
            for name in shards:
                indexer.submit(name)
            return indexer.finish(self.progress)
        if not self.search:
            return 0
        return index_shards(
            stage.staging,
            read.site.config,
            shards,
            changed=made.changed,
            removed=made.removed,
            progress=self.progress,
            in_place=True,
            jobs=self.jobs,
        )

    def _result(
        self,
        read: _Read,
        made: _Rendered,
        problems: list[Problem],
        started: float,
        cold: bool,
        indexed: int,
        published: bool = True,
    ) -> BuildResult:
        return BuildResult(
            self.output,
            len(read.specs),
            len(read.site.meetings),
            indexed,
            tuple(problems),
            time.monotonic() - started,
            made.rendered,
            cold,
            published=published,
        )

    # --- an edit of bodies only ------------------------------------------------------

    def update_bodies(self, paths: Iterable[Path]) -> BodyUpdate | None:
        """Re-render the pages showing the edited bodies, and only those; None if the edit is more than that.

        A body is only shown on its own page (its meeting's, or the document's
        own); the councillors it names are in the front-matter. When every changed
        file is a known record or page whose front-matter and title are unchanged,
        nothing else can have changed: the pages showing those
        bodies are planned again from the model kept in memory, rendered here,
        and written in place. Anything else (a new file, a front-matter edit)
        returns None and needs a build.
        """
        state = self.state
        if state is None:
            return None
        started = time.monotonic()
        site, planner = state.site, state.planner
        specs: dict[str, PageSpec] = {}
        for path in sorted({p.resolve() for p in paths}):
            if not path.is_file():
                return None  # removed: the pages and lists that named it change
            found = self._find_document(path)
            if found is not None:
                key, old = found
                loaded = self.loader.read(path)
                if loaded.problem or loaded.record is None or loaded.record_digest != old.record_digest:
                    return None
                new = replace(
                    old,
                    body_line=loaded.body_line,
                    body_digest=loaded.body_digest,
                    body_size=loaded.body_size,
                    resolutions_shown=loaded.resolutions_shown,
                )
                meeting = site.meetings[key]
                meeting = replace(meeting, documents=tuple(new if d is old else d for d in meeting.documents))
                site.meetings[key] = meeting
                for spec in planner.meeting_pages(meeting):
                    if any(b is new for b in spec.bodies):
                        specs[spec.output] = spec
                continue
            page = next((p for p in site.pages.values() if p.source.resolve() == path), None)
            if page is None or not path.is_file():
                return None
            loaded = self.loader.read(path, as_page=True)
            fresh = page_from(path, loaded) if loaded.problem is None else None
            if fresh is None or (fresh.slug, fresh.title, fresh.description) != (
                page.slug,
                page.title,
                page.description,
            ):
                return None
            site.pages[page.slug] = fresh
            for spec in planner.pages_of(fresh):
                specs[spec.output] = spec
        results = self._render_in_place(list(specs.values()))
        return BodyUpdate(
            tuple(r.output for r in results if r.written), tuple(specs.values()), time.monotonic() - started
        )

    def index_pages(self, outputs: Iterable[str]) -> int:
        """Re-index the search shards holding these pages (after `update_bodies`)."""
        state = self.state
        if state is None or not self.search:
            return 0
        changed = set(outputs)
        shards = shards_of(state.specs.values())
        return index_shards(
            self.output, self.config, shards, changed=changed, progress=self.progress, in_place=True, jobs=self.jobs
        )

    def _find_document(self, path: Path) -> tuple[tuple[str, str], Document] | None:
        assert self.state is not None
        site = self.state.site
        meetings_dir = (site.config.root / site.config.meetings_dir).resolve()
        if path.parent.parent.parent != meetings_dir:
            return None
        key = meeting_of(path)
        meeting = site.meetings.get(key)
        if meeting is None:
            return None
        doc = next((d for d in meeting.documents if d.source.resolve() == path), None)
        return (key, doc) if doc is not None else None

    def _render_in_place(self, specs: list[PageSpec]) -> list[PageResult]:
        state = self.state
        assert state is not None
        job = RenderJob(
            specs=specs,
            site=SiteView.of(state.site),
            theme=state.theme,
            search=self.search,
            target=self.output,
            known=state.digests,
            cache_dir=self.cache_dir,
            in_place=True,
            base_digest=state.base_digest,
        )
        worker = self._worker
        if worker is None or worker.job.theme != job.theme or worker.job.site.config != job.site.config:
            worker = self._worker = Worker(job)
        worker.job = job
        worker.fingerprints = Fingerprints()  # the model changed: remembered digests may be stale
        if self.cache_dir:
            with manifest_of(self.cache_dir, self.output) as manifest:
                manifest.begin_update()
        results = worker.render_range(0, len(specs))
        failed = next((r.problem for r in results if r.problem is not None), None)
        if failed is not None:
            raise UserError(failed.message, failed.path, failed.line)
        mark(self.output)
        changed = [(r.output, r.digest) for r in results]
        state.digests.update(changed)
        for spec in specs:
            state.specs[spec.output] = spec
        if self.cache_dir:
            with manifest_of(self.cache_dir, self.output) as manifest:
                manifest.record(self.output, changed)
        return results


@dataclass(frozen=True, slots=True)
class BodyUpdate:
    written: tuple[str, ...]
    """Output paths rewritten; a page whose bytes would not change is not."""
    planned: tuple[PageSpec, ...]
    """Every page planned again for the edit."""
    seconds: float


def build(
    config: SiteConfig,
    *,
    search: bool = True,
    convert: bool = True,
    loader: Loader | None = None,
    progress: Progress | Callable[[str], None] | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
    keep_going: bool = False,
    templates: TemplatesAhead | None = None,
) -> BuildResult:
    builder = SiteBuilder(
        config, search=search, jobs=jobs, use_cache=use_cache, loader=loader, progress=progress, templates=templates
    )
    return builder.build(convert=convert, keep_going=keep_going)


def _shards_as_written(
    specs: list[PageSpec], shards: dict[str, list[PageSpec]], ready: Callable[[str], None]
) -> Callable[[int, int], None]:
    """A `render_all` listener that hands each search shard to `ready` once all its pages are written."""
    place = {spec.output: n for n, spec in enumerate(specs)}
    waiting = {name: {place[p.output] for p in pages} for name, pages in shards.items()}

    def chunk_done(start: int, stop: int) -> None:
        for name, left in list(waiting.items()):
            left.difference_update(range(start, stop))
            if not left:
                del waiting[name]
                ready(name)

    return chunk_done


def _index_first(specs: list[PageSpec], shards: dict[str, list[PageSpec]]) -> list[int]:
    """The pages of the search shards, shard by shard: rendered first, so Pagefind starts early.

    The meetings' shards come before the registers': their pages are most of what Pagefind reads.
    """
    place = {spec.output: n for n, spec in enumerate(specs)}
    return [place[p.output] for name in sorted(shards, key=lambda name: name == REGISTERS) for p in shards[name]]


def _unique(problems: Iterable[Problem | None]) -> list[Problem]:
    """Each problem once: a broken template shared by a thousand pages is one line, not a thousand."""
    seen: dict[tuple[str, int, str], Problem] = {}
    for problem in problems:
        if problem is not None:
            seen.setdefault((problem.path, problem.line, problem.message), problem)
    return list(seen.values())


def _search_outdated(output: Path, shards: dict[str, list[PageSpec]]) -> bool:
    """A shard whose index the output lacks (search was off before, say)."""
    bundles = output / BUNDLES
    return any(not (bundles / name / ENTRY).is_file() for name in shards)


def _convert(config: SiteConfig, say: Callable[[str], None], jobs: int) -> list[Problem]:
    if _nothing_to_convert(config) or unchanged_since_converted(config):
        return []
    # The converter is a third of the build's start-up; a site of records alone never loads it.
    from minutes.papers import convert_papers

    report = convert_papers(config, progress=say, jobs=jobs)
    if report.written:
        say(f"converted papers: {len(report.written)} files written")
    return list(report.problems)


def _nothing_to_convert(config: SiteConfig) -> bool:
    """No papers folder (or one holding only its README), and nothing a conversion wrote before: no manifest,
    no house style. Anything else, even what the converter would refuse, is the converter's to look at."""
    try:
        with os.scandir(config.root / config.papers_dir) as entries:
            # The folder's README (`minutes new` writes one) is never a paper; anything else may be.
            if any(entry.is_symlink() or not entry.name.upper().startswith("README") for entry in entries):
                return False
    except FileNotFoundError:
        pass
    except OSError:
        return False  # the converter says what is wrong with the folder
    meetings = config.root / config.meetings_dir
    return not (meetings / MANIFEST_NAME).exists() and not (config.root / config.house_style).exists()


def _page_urls(specs: list[PageSpec]) -> list[str]:
    return [s.address for s in specs if s.output.endswith("index.html")]


_CODE_DIGEST = ""


def code_digest() -> str:
    """Digest of the rendering code itself, so a new version of minutes never reuses old pages."""
    global _CODE_DIGEST
    if not _CODE_DIGEST:
        package = Path(__file__).resolve().parent
        h = hashlib.blake2b(digest_size=16)
        for path in sorted(package.rglob("*.py")):
            if "papers" not in path.relative_to(package).parts:
                h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
        _CODE_DIGEST = h.hexdigest()
    return _CODE_DIGEST


def _base_digest(site: Site, search: bool) -> str:
    """What every page depends on: the code, the settings, what `site` shows templates, search on or off."""
    return Fingerprints().hexdigest(
        code_digest(), SiteView.of(site), search, catalogue_digest(site.config.site_languages)
    )


OUTPUTS = ".minutes-outputs"
"""The manifest's entry for all feeds, calendars and data files together: the digest of their inputs."""


def origin_unknown(config: SiteConfig) -> list[Problem]:
    """The one warning for a site without `url`: what it cannot publish, and how to fix that."""
    if config.url:
        return []
    return [
        Problem(
            CONFIG_NAME,
            setting_line(config, "url"),
            "`url` is not set, so no sitemap.xml is written and calendars, feeds and schema.org data cannot give "
            "full addresses of pages; set url: to the site's public origin, e.g. url: https://minutes.example.org",
            "warning",
        )
    ]


def _record_appearances(
    config: SiteConfig, register: Register, appeared: Appearances, say: Callable[[str], None]
) -> list[Problem]:
    """Keep, beside the records, when each first appeared on the published site (see site/appearances.py).

    The site is published by now: a failure to write is a warning, and the next build tries again."""
    shown = f"{config.meetings_dir.as_posix()}/{REGISTER_NAME}"
    try:
        if write_register(config, register, appeared):
            say(f"recorded when each record first appeared in {shown}")
    except OSError as exc:
        reason = disk_full_message(exc, "the meetings folder") if is_disk_full(exc) else (exc.strerror or str(exc))
        return [
            Problem(
                shown,
                0,
                f"could not record when each record first appeared ({reason}); the site is published, and the "
                "next build records them",
                "warning",
            )
        ]
    return []


def _write_outputs(
    site: Site,
    links: Links,
    target: Path,
    known: dict[str, str],
    page_urls: list[str],
    appeared: Appearances,
    in_place: bool,
) -> list[tuple[str, str]]:
    """Feeds, calendars, data files and the sitemap; only the files whose text changed are written.

    They read records' front-matter, never bodies: when no record, setting, page or
    date of appearance changed, they are not even computed.
    """
    meetings = [site.meetings[key] for key in sorted(site.meetings)]
    dates = sorted(appeared.dates.items())
    inputs = Fingerprints().hexdigest(code_digest(), site.config, meetings, site.committees, sorted(page_urls), dates)
    if known.get(OUTPUTS) == inputs:
        return [(path, digest) for path, digest in known.items() if digest.startswith("out:")] + [(OUTPUTS, inputs)]
    written = [(OUTPUTS, inputs)]
    for relative, text in render_outputs(site, links, page_urls, appeared).items():
        data = text.encode("utf-8")
        digest = "out:" + file_digest(data)
        if known.get(relative) != digest:
            (write_atomic if in_place else write_file)(target / relative, data)
        written.append((relative, digest))
    return written


def refuse_theme_links(config: SiteConfig) -> list[Problem]:
    """Links in the site's themes folder leading out of it: never followed.

    A template, a theme's settings or a theme folder that is such a link stops
    the build (every page would show what it points to); a static file that is
    one is left out of the site, reported as an error.
    """
    themes = config.root / config.themes_dir
    _, refused = walk(themes, f"the themes folder ({config.themes_dir}/)", hidden=True)
    problems = []
    for path, why in refused:
        shown = site_relative(config, path)
        inner = path.relative_to(themes).parts
        if len(inner) > 2 and inner[1] == "static":
            problems.append(Problem(shown, 0, why, skipped="this file"))
        else:
            raise UserError(why, shown)
    return problems


def _copy_files(
    site: Site, theme: Theme, target: Path, known: dict[str, str], *, in_place: bool
) -> tuple[dict[str, str], list[Problem]]:
    """Static files of the theme (parents first, so a site's file wins) and the source papers.

    Only files inside their own folder are copied, never what a link leading out points to
    (`refuse_theme_links` reports those; the loader reports a record naming a paper elsewhere).
    """
    sources: dict[str, Path] = {}
    for folder in reversed(theme.static_dirs):
        # The theme's folder of themes is the root: a link between themes is as good as a copy.
        files, _ = walk(folder, "the themes folder", root=folder.parent.parent, hidden=True)
        for path in files:
            if path.is_file():
                sources["static/" + path.relative_to(folder).as_posix()] = path
    config = site.config
    # Each source paper is published beside the records made from it, so readers can check them;
    # under a name that no host serves as a live document (see site/originals.py).
    named = {d.record.source.paper for d in site.all_documents() if d.record.source}
    originals, paper_files, refused = published_papers(config.root, PurePosixPath(config.papers_dir.as_posix()), named)
    for paper, original in originals.items():
        sources["papers/" + original.address] = paper_files[paper]
    clashes = [
        Problem(
            clash.paper,
            0,
            f"would be published as {clash.relative}, the name {clash.first} takes when it is published as "
            "text; rename one of the two papers",
            skipped="publishing this paper beside its records",
        )
        for clash in refused
    ]
    digests = {}
    for relative, source in sources.items():
        data = source.read_bytes()
        digest = file_digest(data)
        if known.get(relative) != digest:
            if in_place:
                write_atomic(target / relative, data)
            else:
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target / relative)
        digests[relative] = digest
    return digests, clashes


__all__ = ["MARKER", "BodyUpdate", "BuildResult", "BuildState", "PageResult", "SiteBuilder", "build"]
