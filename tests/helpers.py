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


def wait_for(url: str, predicate, seconds: float) -> tuple[int, str]:
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
