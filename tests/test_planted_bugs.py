"""Each bug of tests/planted.py, planted in a temporary copy of the package, fails a test.

The copy is the package with its themes inside it, first on the import path of a
pytest run (and of every `minutes` command that run starts), so the named tests
exercise the planted code and nothing else changes. The copy without a bug passes
the same tests: a failure is the bug's doing, not the copy's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO
from planted import PLANTED, Planted


def package_copy(into: Path) -> Path:
    """The package (and its themes) copied under `into`; the folder to put on the import path."""
    shutil.copytree(
        REPO / "generator" / "minutes", into / "minutes", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    shutil.copytree(REPO / "themes", into / "minutes" / "themes", ignore=shutil.ignore_patterns("__pycache__"))
    return into


def where(file: str, copy: Path) -> Path:
    if file.startswith("themes/"):
        return copy / "minutes" / file
    return copy / file.removeprefix("generator/")


def plant(bug: Planted, copy: Path) -> None:
    path = where(bug.file, copy)
    text = path.read_text(encoding="utf-8")
    assert text.count(bug.old) == 1, f"{bug.file} no longer holds {bug.old!r} once: update tests/planted.py"
    path.write_text(text.replace(bug.old, bug.new), encoding="utf-8")


def run_tests(copy: Path, tests: tuple[str, ...]) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(copy), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-p", "no:xdist", *tests],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )


def test_the_copy_is_what_the_tests_import(tmp_path):
    copy = package_copy(tmp_path / "copy")
    env = dict(os.environ, PYTHONPATH=str(copy))
    shown = subprocess.run(
        [sys.executable, "-c", "import minutes.pages.render as r; print(r.__file__); print(r.BUILTIN_THEMES)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert shown == [str(copy / "minutes" / "pages" / "render.py"), str(copy / "minutes" / "themes")]


def test_the_copy_without_a_bug_passes_the_tests_that_catch_them(tmp_path):
    tests = tuple(sorted({t for bug in PLANTED for t in bug.tests}))
    ran = run_tests(package_copy(tmp_path / "copy"), tests)
    assert ran.returncode == 0, ran.stdout[-3000:]


@pytest.mark.parametrize("bug", PLANTED, ids=[b.name for b in PLANTED])
def test_a_planted_bug_fails_a_test(tmp_path, bug: Planted):
    copy = package_copy(tmp_path / "copy")
    plant(bug, copy)
    ran = run_tests(copy, bug.tests)
    # 1: tests ran and some failed. Not 2-5: an error collecting, a usage error, no tests.
    assert ran.returncode == 1, f"{bug.name}: no test failed\n{ran.stdout[-3000:]}"
