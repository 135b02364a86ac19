"""Build integrity: a killed build leaves the previous site, two builds never mix, serve holds under load.

Real processes throughout: builds run as `python -m minutes build` and are
killed with SIGKILL (the whole process group, render workers included); the
preview server is a real `minutes serve` on 127.0.0.1 answering real HTTP.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers import HANG, REPO, copy_demo_site, free_port, wait_for
from test_harness import PAPERS, tree_hash

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")


def make_site(root: Path) -> Path:
    (root / "content" / "papers").mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for name in (*PAPERS, "001_d6dfb0b255ddcbc9.txt"):
        shutil.copy(REPO / "content" / "papers" / name, root / "content" / "papers" / name)
    shutil.copytree(REPO / "content" / "pages", root / "content" / "pages")
    return root


def command(site: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "minutes", *args, "--site", str(site)]


def env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def run(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(command(site, *args), capture_output=True, text=True, env=env(), timeout=HANG)


def retitle(site: Path, title: str) -> None:
    """A new site title: every page changes, so a warm build re-renders them all."""
    path = site / "site.yaml"
    text = re.sub(r"(?m)^title: .*$", f"title: {title}", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def search_index_whole(output: Path) -> bool:
    """Every shard's entry file names a meta index that is there."""
    entries = list((output / "pagefind").glob("*/pagefind-entry.json"))
    return bool(entries) and all(
        (entry.parent / f"pagefind.{language['hash']}.pf_meta").is_file()
        for entry in entries
        for language in json.loads(entry.read_text())["languages"].values()
    )


# When to kill: after the line of the build's own progress that starts with this, for a cold build
# (--no-cache renders into staging) and a warm one (overlay and hard links). Converting and loading,
# the first pages rendered, half the pages, all of them (indexing and staging under way), the index
# done (the exchange next). The first ones leave seconds of work: those kills must land mid-build.
MOMENTS = [
    ("loaded ", True, True),
    ("loaded ", False, True),
    ("rendering pages: ", True, True),
    ("rendering pages: ", False, True),
    ("half", True, False),
    ("half", False, False),
    ("rendered ", True, False),
    ("rendered ", False, False),
    ("indexed ", True, False),
    ("indexed ", False, False),
]


def _reached(line: str, moment: str) -> bool:
    text = line.removeprefix("minutes: ")
    if moment == "half":
        done = re.match(r"rendering pages: (\d+) of (\d+)", text)
        return bool(done) and int(done.group(1)) * 2 >= int(done.group(2))
    return text.startswith(moment)


def test_a_build_killed_at_any_moment_leaves_the_previous_site(tmp_path):
    site = make_site(tmp_path / "site")
    first = run(site, "build")
    assert first.returncode == 0, first.stderr
    landed = []
    for n, (moment, cold, must_land) in enumerate(MOMENTS):
        retitle(site, f"Killed build {n}")
        before = tree_hash(site / "output")
        process = subprocess.Popen(
            command(site, "build", *(["--no-cache"] if cold else [])),
            env=env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        said = []
        for line in process.stderr:  # the build's progress, a plain line per step on a pipe
            said.append(line.rstrip())
            if _reached(line, moment):
                break
        running = process.poll() is None
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            running = False  # finished first
        process.wait()
        process.stderr.close()
        assert any(_reached(line, moment) for line in said), f"build {n} never said {moment!r}: {said}"
        if must_land:
            assert running, f"kill {n} after {said[-1]!r} came after the build had finished"
        landed.append(running)
        killed = tree_hash(site / "output")
        killed_pages = tree_hash(site / "output", leave_out="pagefind")
        search_whole = search_index_whole(site / "output")
        # The next build finishes the work; the killed one must have left the old site or the finished one.
        again = run(site, "build")
        assert again.returncode == 0, again.stderr
        # Pagefind's index files differ from run to run, so a finished site is compared without them,
        # and its search index checked for whole apart.
        finished = killed_pages == tree_hash(site / "output", leave_out="pagefind") and search_whole
        where = f"kill {n} after {said[-1]!r} ({'cold' if cold else 'warm'})"
        assert killed == before or finished, f"{where} left a mixed site"
        assert f"Killed build {n}" in (site / "output" / "index.html").read_text(encoding="utf-8")
    print(f"{sum(landed)} of {len(MOMENTS)} SIGKILLs landed mid-build; each left the previous site or the finished one")


def test_two_builds_at_once_one_waits_out_with_a_clear_message(tmp_path):
    # The whole demo, converted from its papers: a first build long enough for a second to start.
    site = copy_demo_site(tmp_path / "site")
    retitle(site, "Two at once")
    first = subprocess.Popen(
        command(site, "build", "--no-search", "--jobs", "1"),
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lock = site / ".minutes-lock"
    # The first build says each paper it converted while it holds the lock: the second starts at the first.
    first_said = [next(first.stderr)]
    assert first_said[0].startswith("minutes: converted content/papers/"), first_said
    assert f"process {first.pid}" in lock.read_text(encoding="utf-8")
    second = run(site, "build", "--no-search")
    _, first_err = first.communicate(timeout=HANG)
    assert first.returncode == 0, first_said + [first_err]
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert (
        f"{lock}: error: another build of this site is running (minutes build, process {first.pid}" in second.stderr
    ), second.stderr
    # The site the first build published is whole: a third build finds nothing to change.
    whole = tree_hash(site / "output")
    third = run(site, "build", "--no-search")
    assert third.returncode == 0 and tree_hash(site / "output") == whole
    assert "Two at once" in (site / "output" / "index.html").read_text(encoding="utf-8")


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_serve_under_load_while_rebuilding(tmp_path):
    site = make_site(tmp_path / "site")
    assert run(site, "build", "--no-search").returncode == 0
    pages = sorted(p.relative_to(site / "output").as_posix() for p in (site / "output").rglob("index.html"))
    port = free_port()
    server = subprocess.Popen(
        command(site, "serve", "--no-search", "--port", str(port)),
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base, lambda status, body: status == 200)
        urls = [base + p.removesuffix("index.html") for p in pages]
        total, clients = 2000, 50
        rebuilt = threading.Event()
        statuses: list[int] = []
        broken: list[str] = []
        titles: set[str] = set()
        lock = threading.Lock()

        def client(n: int) -> None:
            # Each client asks its share of requests, and goes on asking until every rebuild is served.
            i = n
            while i < total or not rebuilt.is_set():
                i += clients
                status, body = _get(urls[i % len(urls)])
                text = body.decode("utf-8", "replace")
                with lock:
                    statuses.append(status)
                    if status == 200 and not text.rstrip().endswith("</html>"):
                        broken.append(urls[i % len(urls)])
                    found = re.search(r"<title>[^<]*?(Rebuild \d+|Rotherham)", text)
                    if found:
                        titles.add(found.group(1))

        def rebuilds() -> None:
            # Each new title, once the server serves it (its own readiness signal), gives way to the next.
            for n in range(3):
                retitle(site, f"Rebuild {n}")
                wait_for(base, lambda status, body: f"Rebuild {n}" in body)  # noqa: B023 (waited on at once)
            rebuilt.set()

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=clients + 1) as pool:
            changes = pool.submit(rebuilds)
            for result in [pool.submit(client, n) for n in range(clients)]:
                result.result()
            changes.result()
        seconds = time.monotonic() - started
        assert len(statuses) >= total
        server_errors = [s for s in statuses if s >= 500]
        assert server_errors == [], f"{len(server_errors)} responses were 5xx"
        assert set(statuses) == {200}, sorted(set(statuses))
        assert broken == [], f"half-built pages served: {broken[:5]}"
        assert len(titles) >= 2, f"no rebuild was seen while the load ran: {titles}"
        print(
            f"{total} requests from {clients} clients in {seconds:.1f}s: {len(server_errors)} 5xx, "
            f"titles seen {sorted(titles)}"
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_serve_shows_every_failed_file_in_the_banner(tmp_path):
    site = make_site(tmp_path / "site")
    assert run(site, "build", "--no-search").returncode == 0
    for _n, folder in enumerate(("2013-11-18", "2013-12-16")):
        for record in (site / "content" / "meetings").glob(f"*/{folder}/*.md"):
            record.write_text(record.read_text(encoding="utf-8").replace("date: '", "date: '1x", 1), encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        command(site, "serve", "--no-search", "--port", str(port)),
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _status, body = wait_for(f"http://127.0.0.1:{port}/about/", lambda status, body: status == 200)
        banner = re.search(r'<div id="minutes-build-error"[^>]*>(.*?)</div>', body, re.S)
        assert banner and "hidden" not in banner.group(0).split(">")[0], body[-800:]
        for folder in ("2013-11-18", "2013-12-16"):
            assert re.search(rf"content/meetings/[a-z-]+/{folder}/\w+\.md:\d+: error: ", banner.group(1)), banner.group(
                1
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
