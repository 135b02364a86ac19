"""Render planned pages in a pool of worker processes, in chunks, each worker with its own Jinja environment.

Everything a worker needs is one `RenderJob`, handed over once as the worker
starts: under the `fork` start method (Linux) it is inherited, not copied, so
the model is never serialised; under `spawn` it is pickled once per worker.
A task is then only a range of page numbers. For each page the worker works
out its digest (fingerprint.py) and renders it only if the folder does not
already hold the page made from that digest; it writes the file itself and
reports the digest. The same `render_range` is what a cluster would run
(see docs/scaling.md).

A worker that dies (a native library's crash is a signal, not an exception)
breaks the pool, and every chunk not yet back fails with it. Those chunks are
rendered again, each in a process of its own (core/isolated.py); a chunk that
crashes again is rendered page by page, so the page that crashes is reported
as a problem against itself and every other page is written.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from minutes.core.config import SiteConfig
from minutes.core.errors import Problem, UserError
from minutes.core.isolated import Outcome, run_tasks
from minutes.core.pools import pool_context
from minutes.core.progress import Progress
from minutes.pages.fingerprint import Fingerprints, body_digest
from minutes.pages.render import PageSpec, SiteView, TemplateDigests, Theme, make_environment, render_page
from minutes.pages.templates_ahead import CompiledTheme
from minutes.publish.atomic import write_atomic, write_file
from minutes.publish.cache import CachedMarkdown, open_db

CHUNK = 24
"""Pages per task: small enough to spread uneven pages over the workers, large enough to be cheap."""
IN_PROCESS_BELOW = 150
"""Fewer pages than this are rendered in this process: starting workers would cost more.

A pool costs about 0.1 s of CPU more than rendering here (a fork, each worker's cache and Markdown
parser, results sent back); its second core saves half of about 2.5 ms a page, when that core is free.
Measured on the demo (86 pages, 2 shared cores): 1.01 s of CPU in one process, 1.14 s in a pool of two,
and no sooner. Below about twice the break-even (80 pages) the pool rarely pays: the second core is
often busy, with Pagefind indexing the shards already written or with other work."""


@dataclass(frozen=True, slots=True)
class RenderJob:
    specs: Sequence[PageSpec]
    site: SiteView
    theme: Theme
    search: bool
    target: Path
    """The folder the pages are written into."""
    known: Mapping[str, str] = field(default_factory=dict)
    """Output path -> digest of the page `target` already holds; such a page is kept."""
    cache_dir: Path | None = None
    in_place: bool = False
    """`target` is being served: replace files atomically."""
    base_digest: str = ""
    """Digest of what every page depends on: settings, the site view, the code."""
    side_task: Callable[[], Any] | None = None
    """Other work to run in a worker alongside the pages (feeds and data files)."""
    compiled: CompiledTheme | None = None
    """The templates, compiled by another process while this one loaded the site (templates_ahead.py)."""


@dataclass(frozen=True, slots=True)
class PageResult:
    output: str
    digest: str
    written: bool
    problem: Problem | None = None
    """Why the page could not be rendered; nothing was written for it."""


class Worker:
    """Renders pages of a job: in a pool process, or in this one (serve's edits)."""

    def __init__(self, job: RenderJob, *, cache: bool = True, once: bool = False):
        """`once`: the worker renders this job alone, so each template is read once and never looked at
        again (Jinja otherwise asks the file system at every page whether it changed). A worker kept
        between `serve`'s builds sees a template edited since."""
        self.job = job
        self.auto_reload = not once
        self.compiled = job.compiled if job.compiled is not None and job.compiled.theme == job.theme else None
        self.env = self._environment(job.site.config)
        self.envs = {"": self.env}
        """One environment per language copy of the site: each speaks its own language."""
        self.templates = TemplateDigests(self.env, job.theme, self.compiled)
        self.fingerprints = Fingerprints()
        self.markdown = CachedMarkdown(open_db(job.cache_dir) if job.cache_dir and cache else None)

    def prepare(self) -> None:
        """Digest and compile the templates of the job's pages, and all they extend and include.

        Done once before a pool forks, every worker inherits them instead of compiling its own.
        """
        for name in dict.fromkeys(spec.template for spec in self.job.specs):
            self.templates.of(name)
        for name in self.templates.names:
            try:
                self.env.get_template(name)
            except jinja2.TemplateError:
                pass  # the pages using it report it, with its file and line

    def forked(self) -> Worker:
        """This worker in a process forked from the one that prepared it: with a cache connection of its own."""
        if self.job.cache_dir:
            self.markdown = CachedMarkdown(open_db(self.job.cache_dir))
        return self

    def environment(self, tree: str) -> jinja2.Environment:
        env = self.envs.get(tree)
        if env is None:
            config = self.job.site.config
            tag = next(t for t in config.site_languages if config.in_language(t).tree == tree)
            env = self.envs[tree] = self._environment(config.in_language(tag))
        return env

    def _environment(self, config: SiteConfig) -> jinja2.Environment:
        env = make_environment(config, self.job.theme, search=self.job.search, auto_reload=self.auto_reload)
        if self.compiled is not None:
            # The code does not depend on the language: every language's environment takes it.
            env.bytecode_cache = self.compiled.bytecode_cache()
        return env

    def digest(self, spec: PageSpec) -> str:
        return page_digest(spec, self.fingerprints, self.templates, self.job.base_digest)

    def render_range(self, start: int, stop: int) -> list[PageResult]:
        results = [self.render_one(spec) for spec in self.job.specs[start:stop]]
        self.markdown.flush()
        return results

    def render_one(self, spec: PageSpec) -> PageResult:
        """One page, written unless the target already holds it (`flush` the Markdown cache after some)."""
        job = self.job
        digest = self.digest(spec)
        if job.known.get(spec.output) == digest:
            return PageResult(spec.output, digest, False)
        try:
            data = render_page(spec, self.environment(spec.tree), job.site, self.markdown).encode("utf-8")
        except UserError as exc:
            return PageResult(
                spec.output,
                digest,
                False,
                Problem(str(exc.path or spec.template), exc.line, exc.message, skipped=f"the page {spec.output}"),
            )
        (write_atomic if job.in_place else write_file)(job.target / spec.output, data)
        return PageResult(spec.output, digest, True)


def page_digest(spec: PageSpec, fingerprints: Fingerprints, templates: TemplateDigests, base: str) -> str:
    """What the page is made from: its inputs, the bodies it renders, its templates and the base."""
    h = hashlib.blake2b(digest_size=16)
    for part in (base, spec.output, spec.url, spec.template, templates.of(spec.template)):
        h.update(part.encode() + b"\x1f")
    h.update(fingerprints.of(dict(spec.inputs)))
    h.update(b"context:" + (f"{spec.context.__module__}.{spec.context.__qualname__}" if spec.context else "").encode())
    for body in spec.bodies:
        h.update(b"\x1fbody:" + body_digest(body).encode())
    return h.hexdigest()


_WORKER: Worker | None = None
_PREPARED: Worker | None = None
"""A worker made (without a cache connection) by the process about to fork a pool for its job."""


def _start_worker(job: RenderJob) -> None:
    global _WORKER
    prepared = _PREPARED
    _WORKER = prepared.forked() if prepared is not None and prepared.job is job else Worker(job, once=True)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose build was killed would wait for work forever: its siblings hold the queue open."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _render_range(start: int, stop: int) -> list[PageResult]:
    assert _WORKER is not None
    return _WORKER.render_range(start, stop)


def _side_task() -> Any:
    assert _WORKER is not None and _WORKER.job.side_task is not None
    return _WORKER.job.side_task()


ChunkDone = Callable[[int, int], None]
"""Told, in this process, of each range of pages (start, stop) once they are all written."""


def render_all(
    job: RenderJob,
    *,
    jobs: int,
    progress: Progress,
    chunk_done: ChunkDone | None = None,
    first: Sequence[int] = (),
) -> tuple[list[PageResult], Any]:
    """Every page of the job, in spec order, and the side task's result.

    Rendered in this process, the pages numbered in `first` are rendered first, in that order, then the
    side task and the other pages; `chunk_done` is told of each page as it is written, so a search shard
    can be indexed on the second core while the rest render. A pool renders its chunks in spec order.
    """
    total = len(job.specs)
    progress.start("rendering pages", total)
    if renders_here(jobs, total):
        return _render_here(job, progress, chunk_done, first)
    return _render_in_pool(job, jobs, progress, chunk_done)


def renders_here(jobs: int, pages: int) -> bool:
    """Whether `render_all` renders these pages in this process rather than in a pool."""
    return jobs <= 1 or pages < IN_PROCESS_BELOW


def _render_here(
    job: RenderJob, progress: Progress, chunk_done: ChunkDone | None, first: Sequence[int]
) -> tuple[list[PageResult], Any]:
    worker = Worker(job, once=True)
    results: dict[int, PageResult] = {}
    early = list(dict.fromkeys(first))
    chosen = set(early)
    side: Any = None
    unsaid = 0
    # None is the side task's turn: after the pages wanted first, so their shards are indexed meanwhile.
    for n in [*early, None, *(n for n in range(len(job.specs)) if n not in chosen)]:
        if n is None:
            side = job.side_task() if job.side_task else None
            continue
        results[n] = worker.render_one(job.specs[n])
        if chunk_done:
            chunk_done(n, n + 1)
        unsaid += 1
        if unsaid == CHUNK or len(results) == len(job.specs):
            worker.markdown.flush()
            progress.advance(unsaid)
            unsaid = 0
    return [results[n] for n in range(len(job.specs))], side


def _render_in_pool(
    job: RenderJob, jobs: int, progress: Progress, chunk_done: ChunkDone | None
) -> tuple[list[PageResult], Any]:
    total = len(job.specs)
    context = pool_context()
    by_start: dict[int, list[PageResult]] = {}
    side_result: Any = None
    side_left = job.side_task is not None
    global _PREPARED
    if context.get_start_method() == "fork":
        _PREPARED = Worker(job, cache=False, once=True)
        _PREPARED.prepare()
    # Objects made before the fork are shared with the workers until written; keeping the
    # collector away from them stops it from touching (and so copying) every one.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(job,)
        ) as pool:
            side = pool.submit(_side_task) if job.side_task else None
            chunks: dict[Future, int] = {
                pool.submit(_render_range, start, min(start + CHUNK, total)): start for start in range(0, total, CHUNK)
            }
            pending = set(chunks)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    error = future.exception()
                    if isinstance(error, BrokenProcessPool):
                        continue  # rendered again below, each chunk on its own
                    if error is not None:
                        for other in pending:
                            other.cancel()
                        raise error
                    start = chunks[future]
                    by_start[start] = future.result()
                    progress.advance(len(by_start[start]))
                    if chunk_done:
                        chunk_done(start, start + len(by_start[start]))
            if side is not None and not isinstance(side.exception(), BrokenProcessPool):
                side_result, side_left = side.result(), False
    finally:
        gc.unfreeze()
        _PREPARED = None
    left = [start for start in range(0, total, CHUNK) if start not in by_start]
    if left or side_left:
        apart = _render_apart(job, jobs, left, by_start, progress, chunk_done, side=side_left)
        side_result = apart if side_left else side_result
    return [r for start in sorted(by_start) for r in by_start[start]], side_result


def _render_apart(
    job: RenderJob,
    jobs: int,
    starts: list[int],
    by_start: dict[int, list[PageResult]],
    progress: Progress,
    chunk_done: ChunkDone | None,
    *,
    side: bool,
) -> Any:
    """Render the chunks at `starts` after a worker died: each chunk in a process of its own, and a
    chunk whose process dies page by page. With `side`, runs the side task too and returns its result."""
    total = len(job.specs)
    # The processes fork from this one and inherit this worker. It keeps no cache: a database
    # connection must not cross a fork, and these few pages do without.
    worker = Worker(replace(job, cache_dir=None), once=True)
    side_result = None
    if side and job.side_task is not None:
        ((_, outcome),) = run_tasks([(0, job.side_task)], jobs=1)
        if outcome is None or not outcome.ok:
            raise UserError(f"writing the feeds and data files failed ({outcome and outcome.detail})")
        side_result = outcome.value
    chunks = ((start, partial(worker.render_range, start, min(start + CHUNK, total))) for start in starts)
    for start, outcome in run_tasks(chunks, jobs=jobs):
        assert outcome is not None
        stop = min(start + CHUNK, total)
        if outcome.ok:
            results = outcome.value or []
        else:
            results = []
            pages = ((n, partial(worker.render_range, n, n + 1)) for n in range(start, stop))
            for n, page in run_tasks(pages, jobs=jobs):
                assert page is not None
                results += (
                    (page.value or [])
                    if page.ok
                    else [_failed_page(job.specs[n], worker.digest(job.specs[n]), page, job.site.config.root)]
                )
        by_start[start] = results
        progress.advance(len(results))
        if chunk_done:
            chunk_done(start, stop)
    return side_result


def _shown(path: Path | str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _failed_page(spec: PageSpec, digest: str, outcome: Outcome, root: Path) -> PageResult:
    """A page whose rendering killed its process (or failed there): a problem against the page's record."""
    sources = [_shown(getattr(body, "source", ""), root) for body in spec.bodies]
    where = sources[0] if sources else spec.template
    how = f"crashed the process rendering it ({outcome.detail})" if outcome.status == "crash" else outcome.detail
    message = (
        f"rendering {spec.output} {how}; look in the Markdown of {', '.join(sources)} for what is unusual"
        if sources
        else f"rendering {spec.output} {how}"
    )
    return PageResult(spec.output, digest, False, Problem(where, 0, message, skipped=f"the page {spec.output}"))
