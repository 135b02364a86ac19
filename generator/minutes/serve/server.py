"""`minutes serve`: preview the built site, update it on change, reload open tabs.

A watchdog observer collects the paths that change under content/, themes/
and site.yaml; once they have been quiet for a moment, the batch is handled
at once and open tabs reload once. An edit of record or page bodies only
re-renders the pages showing them, from the model kept in memory, and
writes them in place atomically; the search shards holding them are
re-indexed just after. Anything else (a front-matter edit, a new file, a
template) is a warm build, which re-renders the pages whose inputs changed.

The server injects a small script into HTML responses that listens for
server-sent events: "reload" after a good update, "error" with the message
after a failed one, and "search" when the search index changed (then only a
search page reloads, keeping its query). A failed build leaves the last good
output served, with the error shown on the page and in the terminal.

Search is fresh within a second of a body edit: the edited pages are indexed
alone first, then their shards (see fresh_search.py).
"""

from __future__ import annotations

import html
import json
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from minutes.build import BodyUpdate, BuildResult, SiteBuilder
from minutes.core.config import CONFIG_NAME, SiteConfig, load_config
from minutes.core.errors import UserError
from minutes.publish.lock import site_lock
from minutes.serve.fresh_search import MODULE_PATH, FreshSearch
from minutes.serve.hosts import HostCheck
from minutes.serve.review import ReviewView
from minutes.site.load import Loader

EVENTS_PATH = "/__minutes/events"
CLIENT_PATH = "/__minutes/reload.js"
WATCHED_EVENTS = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
"""Changes only: asking the kernel for opens and reads too (the default) floods its event queue
with the build's own reads and the watcher's scan of thousands of meeting folders, and
changes made then are lost."""
DEBOUNCE_SECONDS = 0.05
"""Quiet time that closes a batch: an editor's save is a few events within milliseconds."""

_CLIENT_JS = f"""\
(function () {{
  var banner = document.getElementById("minutes-build-error");
  var search = document.getElementById("search");
  // The search page loads Pagefind through the preview's module, which adds the edited pages (search.js).
  if (search && FRESH_SEARCH) search.dataset.freshSearch = "{MODULE_PATH}";
  // A search page reloads with what the reader had typed.
  function again() {{
    var box = document.querySelector(".pagefind-ui__search-input");
    if (!box || !box.value) return window.location.reload();
    var url = new URL(window.location.href);
    url.searchParams.set("q", box.value);
    window.location.replace(url.href);
  }}
  var source = new EventSource("{EVENTS_PATH}");
  source.addEventListener("reload", again);
  source.addEventListener("search", function () {{ if (search) again(); }});
  source.addEventListener("error-message", function (event) {{
    banner.textContent = JSON.parse(event.data);
    banner.hidden = false;
  }});
}})();
"""


def client_js(fresh_search: bool) -> bytes:
    """The script injected into every page of the preview."""
    return _CLIENT_JS.replace("FRESH_SEARCH", "true" if fresh_search else "false").encode()


@dataclass(slots=True)
class PreviewStatus:
    """What the server tells browsers: the build generation and the last error, if any."""

    generation: int = 0
    error: str = ""
    """What the banner shows: every problem of the last build, one per line; "" when there were none."""
    published: bool = True
    """Whether the last build changed what is served (then tabs reload, and show the banner if any)."""
    searched: int = 0
    """How many times the search index changed without a build (edited pages indexed, then their shards)."""
    edits: tuple[str, ...] = ()
    """The pages the edits bundle holds since its last change (see fresh_search.py)."""
    condition: threading.Condition = field(default_factory=threading.Condition)

    def search_changed(self, edits: Sequence[str]) -> None:
        with self.condition:
            self.searched += 1
            self.edits = tuple(edits)
            self.condition.notify_all()

    def succeeded(self, errors: Sequence[str] = ()) -> None:
        with self.condition:
            self.generation += 1
            count = len(errors)
            self.error = (
                f"Built without {count} file{'s' if count != 1 else ''} that failed:\n" + "\n".join(errors)
                if errors
                else ""
            )
            self.published = True
            self.condition.notify_all()

    def failed(self, message: str) -> None:
        with self.condition:
            self.generation += 1
            self.error = "Build failed: " + message
            self.published = False
            self.condition.notify_all()


class _Handler(SimpleHTTPRequestHandler):
    state: PreviewStatus
    base_url: str
    output: Path
    hosts: HostCheck
    say: Callable[[str], None]
    """The server's log (a static method: a plain function kept on the class)."""
    refused: set[str]
    """Hosts already named in the log as refused: each is said once."""
    review: ReviewView
    """The review view (`<base>_review/`), made on request from the last build's model."""
    fresh: FreshSearch | None
    """The preview's search of edited pages; None without search."""

    def log_message(self, format: str, *args) -> None:
        pass

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def _answer(self, *, head: bool) -> None:
        """Every request, whatever it holds, gets an answer: never a traceback, never a file outside the site."""
        self.head = head
        self.sandboxed = False
        if not self.hosts.allows(self.headers.get("Host")):
            return self._refuse_host()
        try:
            self._route()
        except _BadRequest as exc:
            self._send(HTTPStatus.BAD_REQUEST, f"Bad request: {exc}\n".encode(), "text/plain; charset=utf-8")
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:  # a bug: answered and logged on one line, and the server goes on
            self.say(f"internal error answering {self.path[:200]!r}: {type(exc).__name__}: {exc}; please report this")
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, b"Internal error\n", "text/plain; charset=utf-8")

    def _route(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == EVENTS_PATH:
            return self._events()
        if path == CLIENT_PATH:
            return self._send(HTTPStatus.OK, client_js(self.fresh is not None), "text/javascript; charset=utf-8")
        if path == MODULE_PATH + "pagefind.js" and self.fresh is not None:
            module = self.fresh.module(self.base_url).encode()
            return self._send(HTTPStatus.OK, module, "text/javascript; charset=utf-8")
        if path == "/" and self.base_url != "/":
            return self._redirect(HTTPStatus.FOUND, self.base_url)
        if not path.startswith(self.base_url) and path + "/" != self.base_url:
            return self._not_found()
        wanted = unquote(path[len(self.base_url) :])
        if any(ord(c) < 0x20 or ord(c) == 0x7F for c in wanted):
            raise _BadRequest("the path holds a control character (such as %00)")
        review = self.review.answer(wanted, self.base_url)
        if review is not None:
            if review.location:
                return self._redirect(review.status, review.location)
            body = self._inject(review.body) if review.content_type.startswith("text/html") else review.body
            return self._send(review.status, body, review.content_type)
        if wanted.split("/", 1)[0] == "_review":
            return self._not_found()
        try:
            local = (self.output / wanted.lstrip("/")).resolve()
            if local != self.output and self.output not in local.parents:
                return self._not_found()  # ".." must never reach outside the built site
            if local.is_dir():
                if not path.endswith("/"):
                    return self._redirect(HTTPStatus.MOVED_PERMANENTLY, path + "/")
                local = local / "index.html"
            if not local.is_file():
                return self._not_found()
            if local.suffix == ".html":
                return self._send(HTTPStatus.OK, self._inject(local.read_bytes()), "text/html; charset=utf-8")
        except FileNotFoundError:
            return self._not_found()  # removed by a build between the look and the read
        except OSError as exc:
            raise _BadRequest(f"no file can have this name ({exc.strerror or exc})") from None
        # An original paper is inert by its name (see originals.py); here it is sandboxed as well.
        self.sandboxed = local.relative_to(self.output).parts[0] == "papers"
        self.path = "/" + local.relative_to(self.output).as_posix()
        if self.head:
            return super().do_HEAD()
        return super().do_GET()

    def translate_path(self, path: str) -> str:
        return str(self.output / path.lstrip("/"))

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if getattr(self, "sandboxed", False):
            self.send_header("Content-Security-Policy", "sandbox")
        super().end_headers()

    def _refuse_host(self) -> None:
        host = self.headers.get("Host") or ""
        asked = f"the host {host[:100]!r}" if host else "no host (no Host header)"
        if host not in self.refused and len(self.refused) < 100:  # each once: a rebinding page asks many times
            self.refused.add(host)
            self.say(
                f"refused a request for {asked}: the preview answers only to {self.hosts.described()}; "
                "to open it from another machine, run minutes serve --host with the name or address that "
                "machine uses"
            )
        body = (
            f"This preview answers only requests for {self.hosts.described()}, not for {asked}.\n"
            "To open it under another name, run minutes serve --host with that name.\n"
        )
        self._send(HTTPStatus.FORBIDDEN, body.encode("utf-8", "replace"), "text/plain; charset=utf-8")

    def _redirect(self, status: HTTPStatus, location: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_found(self) -> None:
        try:
            body = (self.output / "404.html").read_bytes()
        except OSError:
            body = b"<!doctype html><title>Not found</title><h1>Not found</h1>"
        self._send(HTTPStatus.NOT_FOUND, self._inject(body), "text/html; charset=utf-8")

    def _inject(self, body: bytes) -> bytes:
        error = self.state.error
        banner = (
            f'<div id="minutes-build-error" class="build-error" role="alert" style="white-space:pre-line"'
            f"{'' if error else ' hidden'}>{html.escape(error)}</div>"
            f'<script src="{CLIENT_PATH}"></script>'
        ).encode()
        marker = body.rfind(b"</body>")
        return body[:marker] + banner + body[marker:] if marker >= 0 else body + banner

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not self.head:
            self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        if self.head:
            return
        state = self.state
        with state.condition:
            seen, searched = state.generation, state.searched
        try:
            self.wfile.write(b": connected\n\n")
            self.wfile.flush()
            while True:
                with state.condition:
                    state.condition.wait_for(
                        lambda: state.generation != seen or state.searched != searched,  # noqa: B023 (waited on at once)
                        timeout=15,
                    )
                    generation, error, published = state.generation, state.error, state.published
                    search_changed, edits = state.searched != searched, state.edits
                    searched = state.searched
                if generation != seen and error and not published:
                    self.wfile.write(f"event: error-message\ndata: {json.dumps(error)}\n\n".encode())
                elif generation != seen:
                    self.wfile.write(b"event: reload\ndata: {}\n\n")
                if search_changed:
                    # Said even after a build's event in the same wake: a build quick enough to index its edited
                    # pages before this loop woke would otherwise leave them unsaid to a listener that waits for it.
                    self.wfile.write(f"event: search\ndata: {json.dumps({'edits': list(edits)})}\n\n".encode())
                if generation == seen and not search_changed:
                    self.wfile.write(b": keep-alive\n\n")
                seen = generation
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


class _BadRequest(ValueError):
    """A request no file can answer (a NUL in its path): 400, with what was wrong."""


class _Server(ThreadingHTTPServer):
    request_queue_size = 128
    """Many tabs and their assets connect at once; the default backlog of 5 refuses some."""
    log: Callable[[str], None] = print

    def handle_error(self, request, client_address) -> None:
        """A connection that failed outside a handler (reset, closed mid-request): one line, no traceback."""
        _kind, exc, _tb = sys.exc_info()
        if not isinstance(exc, (BrokenPipeError, ConnectionResetError, TimeoutError)):
            self.log(f"a request from {client_address[0]} failed: {type(exc).__name__}: {exc}")


class _ChangeCollector(FileSystemEventHandler):
    """Collects the relevant paths that changed; the update loop takes them in batches."""

    def __init__(self, config: SiteConfig, output: Path, watched: set[Path]):
        self.config_file = (config.root / CONFIG_NAME).resolve()
        self.watched = watched
        self.ignored = [
            output.resolve(),
            output.resolve().with_name(f".{output.name}.staging"),
            output.resolve().with_name(f".{output.name}.overlay"),
            (config.root / config.cache_dir).resolve(),
        ]
        self.last_change = 0.0
        self.paths: set[Path] = set()
        self.lock = threading.Lock()
        self.changed = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder's own timestamp; the change inside it has an event of its own
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if not raw:
                continue
            path = Path(str(raw)).resolve()
            if any(part.startswith(".") and part not in (".", "..") for part in path.parts[-1:]):
                continue  # editor swap files and the converter's manifest
            if any(path == i or i in path.parents for i in self.ignored):
                continue
            if path.parent == self.config_file.parent and path != self.config_file and path not in self.watched:
                continue
            with self.lock:
                self.last_change = time.monotonic()
                self.paths.add(path)
            self.changed.set()

    def take(self) -> set[Path]:
        with self.lock:
            paths, self.paths = self.paths, set()
            self.changed.clear()
        return paths


class PreviewServer:
    """Owns the HTTP server, the watcher and the update loop; `serve_forever` blocks."""

    def __init__(
        self,
        config: SiteConfig,
        host: str,
        port: int,
        *,
        search: bool = True,
        log: Callable[[str], None] = print,
        reload_config: bool = True,
        jobs: int | None = None,
        preview: Path | None = None,
    ):
        self.config = config
        self.search = search
        self.log = log
        self.reload_config = reload_config
        self.jobs = jobs
        self.loader = Loader()
        self.output = preview_folder(config, preview)
        self.builder = SiteBuilder(
            _previewing(config, self.output),
            search=search,
            jobs=jobs,
            loader=self.loader,
            progress=log,
            publishing=False,
        )
        self.state = PreviewStatus()
        self.index_lock = threading.Lock()
        """Held while search shards are indexed, by a build or after an edit: never two Pagefinds on one shard."""
        self.fresh = (
            FreshSearch(lambda: self.builder, self.index_lock, self.state.search_changed, log) if search else None
        )
        self.httpd = _Server((host, port), partial(self._handler(host), directory=str(self.output)))
        self.httpd.log = log
        self.httpd.daemon_threads = True
        c = config
        self.watched = {(c.root / d).resolve() for d in (c.papers_dir, c.meetings_dir, c.pages_dir, c.themes_dir)}
        self.watched_files = {(c.root / c.people.file).resolve()}
        """Files watched beside the folders (the people data file), wherever the settings put them."""
        self.collector = _ChangeCollector(
            config, self.output, self.watched | {p.parent for p in self.watched} | self.watched_files
        )
        self.observer = Observer()
        self._scheduled: set[Path] = set()
        self._stop = threading.Event()
        self.updates: list[BodyUpdate] = []
        """Every body-only update, for tests and for the log."""
        self.watching = threading.Event()
        """Set once changes are being watched."""

    def _handler(self, host: str) -> type[_Handler]:
        """The request handler's class, holding what every request reads."""
        return type(
            "Handler",
            (_Handler,),
            {
                "state": self.state,
                "base_url": self.config.base_url,
                "output": self.output,
                "hosts": HostCheck(host),
                "say": staticmethod(self.log),
                "refused": set(),
                "review": ReviewView(lambda: self.builder.state, search=self.search),
                "fresh": self.fresh,
            },
        )

    @property
    def address(self) -> str:
        host, port = self.httpd.server_address[:2]
        assert isinstance(host, str)  # an IP socket's host, never a Unix socket's path in bytes
        return f"http://{host}:{port}{self.config.base_url}"

    def rebuild(self) -> BuildResult | None:
        """A build: the whole site, re-rendering what changed since the last one."""
        try:
            if self.reload_config:
                # site.yaml may have changed; CLI overrides (base URL, output) still apply.
                fresh = load_config(self.config.root)
                fresh = fresh.with_overrides(base_url=self.config.base_url, output_dir=self.config.output_dir)
                if fresh != self.config:
                    self.config = fresh
                    self.builder = SiteBuilder(
                        _previewing(fresh, self.output),
                        search=self.search,
                        jobs=self.jobs,
                        loader=self.loader,
                        progress=self.log,
                        publishing=False,
                    )
            # The preview always keeps going: what failed is listed on every page instead.
            with site_lock(self.config.root, "serve", wait=True), self.index_lock:
                result = self.builder.build(keep_going=True)
        except UserError as exc:
            self.log(f"build failed: {exc}")
            self.state.failed(str(exc))
            return None
        except Exception as exc:
            self._report_bug(exc)
            return None
        for problem in result.problems:
            self.log(str(problem))
        self.log(f"rebuilt {result.pages} pages ({result.rendered} rendered) in {result.seconds:.1f}s")
        self.state.succeeded([str(p) for p in result.errors])
        return result

    def update(self, paths: set[Path]) -> None:
        """Handle one batch of changed paths; open tabs reload once."""
        fast = None
        if self.state.error == "" and paths and all(p.suffix == ".md" for p in paths):
            try:
                with site_lock(self.config.root, "serve", wait=True):
                    fast = self.builder.update_bodies(paths)
            except UserError as exc:
                self.log(f"build failed: {exc}")
                self.state.failed(str(exc))
                return
            except Exception as exc:
                self._report_bug(exc)
                return
        if fast is None:
            self.rebuild()
            return
        self.updates.append(fast)
        self.log(
            f"updated {len(fast.written)} page{'s' if len(fast.written) != 1 else ''} in {fast.seconds * 1000:.0f} ms"
        )
        self.state.succeeded()
        if fast.written and self.fresh is not None:
            self.fresh.edited(fast.written)

    def _report_bug(self, exc: Exception) -> None:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = f"internal error {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
        self.log(f"build failed: {message}; please report this")
        self.state.failed(message)

    def _watch_loop(self) -> None:
        collector = self.collector
        while not self._stop.is_set():
            if not collector.changed.wait(timeout=0.2):
                continue
            # Wait for the batch to go quiet: an editor's save is several events.
            while time.monotonic() - collector.last_change < DEBOUNCE_SECONDS:
                time.sleep(DEBOUNCE_SECONDS / 2)
            paths = collector.take()
            self._watch_new_folders()
            self.update(paths)

    def _watch_new_folders(self) -> None:
        """Watch folders that did not exist when the server started (a new themes/ override, say)."""
        for folder in sorted(self.watched - self._scheduled):
            if folder.is_dir() and not any(s in folder.parents for s in self._scheduled):
                self.observer.schedule(self.collector, str(folder), recursive=True, event_filter=WATCHED_EVENTS)
                self._scheduled.add(folder)

    def serve_forever(self) -> None:
        root = self.config.root.resolve()
        # The root itself, shallowly: site.yaml, and watched folders created later.
        self.observer.schedule(self.collector, str(root), recursive=False, event_filter=WATCHED_EVENTS)
        for parent in sorted({p.parent for p in self.watched | self.watched_files} - {root}):
            if parent.is_dir():
                self.observer.schedule(self.collector, str(parent), recursive=False, event_filter=WATCHED_EVENTS)
        self._watch_new_folders()
        self.observer.start()
        watcher = threading.Thread(target=self._watch_loop, name="rebuild", daemon=True)
        watcher.start()
        self.watching.set()
        try:
            self.httpd.serve_forever(poll_interval=0.2)
        finally:
            self._stop.set()
            if self.fresh is not None:
                self.fresh.stop()
            self.observer.stop()
            self.observer.join(timeout=2)
            self.httpd.server_close()

    def shutdown(self) -> None:
        self.httpd.shutdown()


PREVIEW_DIR = Path(".minutes-preview")
"""The preview's own folder in the site root, never the output folder that is deployed. The preview
site is its `site/` folder, so the folders a build stages it in stay inside it too."""


def preview_folder(config: SiteConfig, given: Path | None = None) -> Path:
    """Where the preview is built: `given` (serve --output) or .minutes-preview/ in the site root.

    The preview shows the converter's notes for reviewers, which the published
    site leaves out: built into the output folder, it would be deployed by the
    next upload, and a `minutes build` meanwhile would change what the preview
    shows. So it is never the output folder, nor inside it, nor around it.
    """
    root = config.root.resolve()
    folder = (root / (given if given is not None else PREVIEW_DIR / "site")).resolve()
    output = (root / config.output_dir).resolve()
    if folder == output or output in folder.parents or folder in output.parents:
        raise UserError(
            f"--output {given}: minutes serve never writes into the output folder ({config.output_dir}), "
            f"which is what gets published; leave --output out to preview in {PREVIEW_DIR}/, or name another folder"
        )
    return folder


def _previewing(config: SiteConfig, folder: Path) -> SiteConfig:
    """The preview is for the people preparing the records: it shows them the converter's notes, and every
    fact in doubt marked (never left out, never refused), whatever the published site does with them."""
    return config.with_overrides(review_notes=True, unreviewed="mark", output_dir=folder)
