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
