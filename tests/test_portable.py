"""Portable publishing and locking: what runs on macOS and Windows, tested here on Linux.

Publishing falls back to replacing files one by one where folders cannot be
exchanged (no `renameat2`): the fallback is forced here by reporting the
exchange as unavailable, as it is on those systems, and checked after every
single rename: the output never goes missing, every address answers with a
whole file. The site lock is `filelock`'s (flock here, LockFileEx on Windows).
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from helpers import REPO
from minutes.core.errors import UserError
from minutes.publish import atomic
from minutes.publish.cache import folder_identity
from minutes.publish.lock import LOCK_NAME, site_lock

MARKER = atomic.MARKER


@pytest.fixture
def no_exchange(monkeypatch):
    """Publishing as on a system without Linux's atomic exchange of two folders (macOS, Windows)."""
    calls = []

    def unavailable(a, b):
        calls.append((a, b))
        return False

    monkeypatch.setattr(atomic, "_exchange", unavailable)
    return calls


def write_tree(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def read_tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file()}


OLD = {
    MARKER: atomic.MARKER_TEXT,
    "index.html": "old home",
    "cabinet/index.html": "old cabinet",
    "cabinet/2014-01-15/index.html": "old meeting",
    "gone/index.html": "a page the new site no longer has",
    "thing": "a file where the new site has a folder",
    "other/index.html": "a folder where the new site has a file",
    "pagefind/one/pagefind-entry.json": "pagefind.old.pf_meta",
    "pagefind/one/pagefind.old.pf_meta": "old index",
}
NEW = {
    "index.html": "new home",
    "cabinet/index.html": "new cabinet",
    "cabinet/2014-01-15/index.html": "new meeting",
    "cabinet/2014-02-12/index.html": "a new meeting",
    "thing/index.html": "now a folder",
    "other": "now a file",
    "pagefind/one/pagefind-entry.json": "pagefind.new.pf_meta",
    "pagefind/one/pagefind.new.pf_meta": "new index",
}
KEPT = ("index.html", "cabinet/index.html", "cabinet/2014-01-15/index.html")


def _checking_replace(monkeypatch, output: Path, *, die_after: int | None = None) -> list[str]:
    """os.replace that checks the output after every rename; with `die_after`, the build dies there."""
    real = os.replace
    moved: list[str] = []

    def replace(source, destination):
        if die_after is not None and len(moved) == die_after:
            raise KeyboardInterrupt("killed mid-publish")
        real(source, destination)
        moved.append(str(destination))
        assert output.is_dir()
        for relative in KEPT:
            assert (output / relative).read_text(encoding="utf-8") in (OLD[relative], NEW[relative]), relative
        entry = output / "pagefind" / "one" / "pagefind-entry.json"
        assert (entry.parent / entry.read_text(encoding="utf-8")).is_file(), "the index names a file not yet there"

    monkeypatch.setattr(os, "replace", replace)
    return moved


def test_without_an_exchange_files_are_replaced_one_by_one_and_no_page_goes_missing(tmp_path, no_exchange, monkeypatch):
    output, staging = tmp_path / "output", tmp_path / ".output.staging"
    write_tree(output, OLD)
    write_tree(staging, NEW)
    inode = output.stat().st_ino
    moved = _checking_replace(monkeypatch, output)
    atomic.swap_in(staging, output)
    assert no_exchange, "the exchange was not tried first"
    assert len(moved) > len(NEW), "files were not moved one by one"
    assert moved[-1].endswith(MARKER), "the marker must come last"
    assert read_tree(output) == {**NEW, MARKER: atomic.MARKER_TEXT}
    assert output.stat().st_ino == inode, "the output folder itself was replaced"
    assert not staging.exists()
    assert not list(tmp_path.glob(".output.trash-*"))


def test_a_publish_killed_half_way_leaves_every_page_and_an_untrusted_folder(tmp_path, no_exchange, monkeypatch):
    output, staging = tmp_path / "output", tmp_path / ".output.staging"
    write_tree(output, OLD)
    write_tree(staging, NEW)
    before = folder_identity(output)
    _checking_replace(monkeypatch, output, die_after=4)
    with pytest.raises(KeyboardInterrupt):
        atomic.swap_in(staging, output)
    for relative in (*KEPT, "gone/index.html"):
        assert (output / relative).is_file(), f"{relative} went missing"
    assert folder_identity(output) != before, "the cache would trust a folder left half replaced"


def test_a_folder_exchange_still_publishes_in_one_step_where_linux_has_it(tmp_path, removers):
    output, staging = tmp_path / "output", tmp_path / ".output.staging"
    write_tree(output, OLD)
    write_tree(staging, NEW)
    inode = staging.stat().st_ino
    atomic.swap_in(staging, output)
    assert read_tree(output) == {**NEW, MARKER: atomic.MARKER_TEXT}
    assert output.stat().st_ino == inode  # the staged folder itself, exchanged in


def _site(root: Path) -> Path:
    from test_integrity import make_site

    return make_site(root)


def _build(root: Path):
    from minutes.build import build
    from minutes.core.config import load_config

    result = build(load_config(root), search=False, jobs=1)
    assert not result.errors, result.errors
    return result


def _pages(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}


def test_builds_through_the_fallback_publish_the_same_site_and_recover_from_a_kill(tmp_path, no_exchange, monkeypatch):
    site = _site(tmp_path / "site")
    _build(site)  # cold, through the fallback: the output did not exist, the staging folder becomes it
    output = site / "output"
    title = site / "site.yaml"
    title.write_text(title.read_text(encoding="utf-8").replace("(demo)", "(second)"), encoding="utf-8")
    before = _pages(output)
    # The next build dies after moving a few files into place.
    real = os.replace
    moves = []

    def dying(source, destination):
        if str(destination).startswith(str(output)) and len(moves) == 5:
            raise KeyboardInterrupt("killed mid-publish")
        if str(destination).startswith(str(output)):
            moves.append(destination)
        real(source, destination)

    monkeypatch.setattr(os, "replace", dying)
    with pytest.raises(KeyboardInterrupt):
        _build(site)
    monkeypatch.setattr(os, "replace", real)
    after_kill = _pages(output)
    missing = sorted(set(before) - set(after_kill))
    assert missing == [], f"a killed publish left pages missing: {missing[:5]}"
    assert any(after_kill[p] != before[p] for p in before), "the kill landed before anything moved"
    # The next build finds the folder changed and publishes the whole site again.
    _build(site)
    reference = _site(tmp_path / "reference")
    reference_title = reference / "site.yaml"
    reference_title.write_text(
        reference_title.read_text(encoding="utf-8").replace("(demo)", "(second)"), encoding="utf-8"
    )
    _build(reference)
    mine, theirs = _pages(output), _pages(reference / "output")
    assert sorted(mine) == sorted(theirs)
    assert [p for p in mine if p != MARKER and mine[p] != theirs[p]] == []


# --- the site lock -----------------------------------------------------------------------------


def test_a_second_build_is_refused_naming_the_first_and_can_run_once_it_ends(tmp_path):
    with site_lock(tmp_path, "build"):
        with pytest.raises(UserError) as refused:
            with site_lock(tmp_path, "convert"):
                pass
        assert f"another build of this site is running (minutes build, process {os.getpid()}" in str(refused.value)
        assert "run `minutes convert` again" in str(refused.value)
        assert refused.value.path == str(tmp_path / LOCK_NAME) or Path(refused.value.path) == tmp_path / LOCK_NAME
    with site_lock(tmp_path, "build"):
        pass


def test_a_waiting_build_starts_when_the_first_ends(tmp_path):
    held, release = threading.Event(), threading.Event()
    order: list[str] = []

    def first():
        with site_lock(tmp_path, "build"):
            held.set()
            release.wait()
            order.append("first done")

    def second():
        held.wait()
        with site_lock(tmp_path, "serve", wait=True):
            order.append("second started")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    held.wait()
    release.set()
    for t in threads:
        t.join()
    assert order == ["first done", "second started"]


def test_a_killed_holder_releases_the_lock(tmp_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pathlib\n"
            "from minutes.publish.lock import site_lock\n"
            "with site_lock(pathlib.Path(sys.argv[1]), 'build'):\n"
            "    print('held', flush=True)\n"
            "    sys.stdin.read()\n",
            str(tmp_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(UserError) as refused:
            with site_lock(tmp_path, "build"):
                pass
        assert f"process {holder.pid}" in str(refused.value)
    finally:
        holder.kill()  # SIGKILL here; TerminateProcess on Windows: no chance to let go itself
        holder.wait()
    with site_lock(tmp_path, "build"):
        assert f"process {os.getpid()}" in (tmp_path / LOCK_NAME).read_text(encoding="utf-8", errors="replace")


# --- nothing Linux-only on the way -------------------------------------------------------------

POSIX_ONLY_MODULES = {"fcntl", "resource", "pwd", "grp", "termios", "tty", "posix"}
POSIX_ONLY_CALLS = {
    "fork",
    "forkpty",
    "getuid",
    "geteuid",
    "getgid",
    "setsid",
    "killpg",
    "getpgid",
    "setpgrp",
    "sched_getaffinity",
    "statvfs",
    "mkfifo",
    "getloadavg",
    "nice",
    "chown",
    "lchown",
}
# Where a Linux-only call is allowed: tried, with a portable fallback that a test forces.
ALLOWED = {("publish/atomic.py", "renameat2"), ("pages/templates_ahead.py", "fork")}


def _guarded_imports(tree: ast.AST) -> set[int]:
    """Imports tried in a `try` whose `except ImportError` gives the portable fallback (by node id)."""
    guarded = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
            isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError") for h in node.handlers
        ):
            guarded |= {
                id(n) for stmt in node.body for n in ast.walk(stmt) if isinstance(n, (ast.Import, ast.ImportFrom))
            }
    return guarded


def _offences(source: str, name: str) -> list[str]:
    found = []
    tree = ast.parse(source)
    guarded = _guarded_imports(tree)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) in guarded:
            continue
        if isinstance(node, ast.Import):
            found += [f"{name}:{node.lineno}: import {a.name}" for a in node.names if a.name in POSIX_ONLY_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module in POSIX_ONLY_MODULES:
            found.append(f"{name}:{node.lineno}: from {node.module} import …")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os":
            if node.attr in POSIX_ONLY_CALLS and (name, node.attr) not in ALLOWED:
                found.append(f"{name}:{node.lineno}: os.{node.attr}")
        elif isinstance(node, ast.Attribute) and node.attr == "renameat2" and (name, "renameat2") not in ALLOWED:
            found.append(f"{name}:{node.lineno}: renameat2")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(r"%-[dmHIMyj]", node.value):
            found.append(f"{name}:{node.lineno}: strftime's glibc-only %-")
    return found


def test_no_linux_only_calls_in_the_package():
    package = REPO / "generator" / "minutes"
    offences = []
    for path in sorted(package.rglob("*.py")):
        offences += _offences(path.read_text(encoding="utf-8"), path.relative_to(package).as_posix())
    assert offences == []


@pytest.mark.parametrize(
    "planted",
    [
        "import fcntl\n",
        "import os\nos.getuid()\n",
        "def f(d):\n    return f'{d:%-d %B}'\n",
        "import ctypes\nctypes.CDLL(None).renameat2\n",
        "try:\n    import resource\nexcept OSError:\n    resource = None\n",  # a fallback for another failure
    ],
)
def test_the_scan_finds_a_planted_linux_only_call(planted):
    assert _offences(planted, "site/load.py")


def test_an_import_with_a_fallback_where_it_is_missing_is_allowed():
    """Memory limits (core/isolated.py) use `resource` where it exists; elsewhere the deadline still holds."""
    assert _offences("try:\n    import resource\nexcept ImportError:\n    resource = None\n", "core/isolated.py") == []
