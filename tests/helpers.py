"""Helpers shared by the tests: copies of the demo site, a static HTTP server, the CLI as a subprocess."""

from __future__ import annotations

import contextlib
import functools
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from minutes.serve.event_stream import read_events

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# Flags for a closed network: no background fetches, no first-run work.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


PLANNING_MINUTES = """\
HIGHTOWN TOWN COUNCIL

MINUTES OF THE MEETING OF THE PLANNING COMMITTEE
held on Tuesday, 3rd March, 2020 at 7.00 p.m. in the Town Hall

Present: Councillor Smith (in the Chair), Councillors Jones and Brown.

1. APOLOGIES FOR ABSENCE

Apologies were received from Councillor Green.

2. MINUTES OF THE PREVIOUS MEETING

RESOLVED: That the minutes of the meeting held on 4th February, 2020 be approved as a correct record.

3. PLANNING APPLICATION 20/0001 - LAND AT MILL LANE

The committee considered the application for six houses.

RESOLVED: That the application be approved.
"""
"""A small set of minutes as a text paper: a town council's planning committee, two decisions."""


def copy_demo_site(target: Path) -> Path:
    """A private copy of the demo site root, so tests never touch the repo's content or output."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "site.yaml", target / "site.yaml")
    shutil.copytree(REPO / "content" / "papers", target / "content" / "papers")
    shutil.copytree(REPO / "content" / "pages", target / "content" / "pages")
    (target / "content" / "meetings").mkdir(parents=True)
    return target


def run_minutes(*args: str, cwd=None) -> subprocess.CompletedProcess:
    """The command line, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "minutes", *args], capture_output=True, text=True, cwd=cwd or REPO)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def static_server(directory: Path) -> Iterator[str]:
    """A plain static file server over `directory`, like any static host."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    # Port 0: the system picks a free port, so parallel test workers never collide.
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


HANG = 600.0
"""Seconds after which a wait gives up: long enough for any machine under any load, so it only ever
catches a hang. Tests wait on events (a server's reload event, a log line, a file appearing, a page
answering); how fast something happens is measured in bench/, never asserted here."""
HANG_MS = int(HANG * 1000)
"""The same, for Playwright's waits (milliseconds)."""


def wait_for(url: str, predicate, seconds: float = HANG) -> tuple[int, str]:
    """Ask `url` until its answer satisfies `predicate`: a readiness signal, not a deadline."""
    end = time.monotonic() + seconds
    last = (0, "")
    while time.monotonic() < end:
        try:
            last = fetch(url)
            if predicate(*last):
                return last
        except OSError:  # refused, reset, or timed out while the server is still building
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not reach the expected state in {seconds}s; last: {last[0]} {last[1][:300]}")


def wait_for_line(path: Path, text: str, seconds: float = HANG, start: int = 0) -> str:
    """Read the log `path` until a line from character `start` on holds `text`; that line."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        written = path.read_text(encoding="utf-8", errors="replace")[start:] if path.exists() else ""
        for line in written.splitlines():
            if text in line:
                return line
        time.sleep(0.05)
    raise AssertionError(f"{path.name} never said {text!r}; it holds: {written[-1000:]}")


class ServerEvents:
    """The preview server's event stream (`/__minutes/events`), as an open tab reads it.

    The server sends `reload` when an update is served and `error-message` when a build
    failed: a test makes its change, then waits for the next event instead of a deadline.
    """

    def __init__(self, base: str):
        import queue

        self.events: queue.Queue[tuple[str, str]] = queue.Queue()
        self.response = urllib.request.urlopen(base.rstrip("/") + "/__minutes/events", timeout=HANG)
        assert self.response.readline().startswith(b": connected")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            for event in read_events(self.response):
                self.events.put(event)
        except (OSError, ValueError):  # the server went away
            return

    def next(self, seconds: float = HANG) -> tuple[str, str]:
        """The next event the server sends: (name, data)."""
        import queue

        try:
            return self.events.get(timeout=seconds)
        except queue.Empty:
            raise AssertionError(f"the server sent no event in {seconds}s") from None

    def served(self, url: str, predicate, seconds: float = HANG) -> tuple[int, str]:
        """After each `reload` the server sends, ask `url` once; its answer when `predicate` holds.

        (A change made just before the stream opened may bring one reload more: each is looked at.)
        """
        end = time.monotonic() + seconds
        while True:
            name, data = self.next(max(0.0, end - time.monotonic()))
            if name != "reload":
                raise AssertionError(f"the server sent {name}: {data[:300]}")
            answer = fetch(url)
            if predicate(*answer):
                return answer

    def close(self) -> None:
        self.response.close()


def add_review(record: Path, entries: str) -> None:
    """The record with these review entries in place of the converter's own (a person's view of its doubts)."""
    text = record.read_text(encoding="utf-8")
    head, fence, body = text[4:].partition("\n---\n")
    if "\nreview:\n" in "\n" + head:
        # The converter's list, and its `reviewed:` after it, give way to the entries written here.
        start = ("\n" + head).index("\nreview:\n")
        end = head.index("reviewed: false", start) + len("reviewed: false")
        head = head[:start].rstrip("\n") + head[end:]
    record.write_text("---\n" + head + "\n" + entries + "reviewed: false" + fence + body, encoding="utf-8")
