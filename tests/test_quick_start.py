"""The README's two commands and CI's script do what they say (a lost Makefile target once
made `make test` a silent no-op)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def dry_run(target: str) -> str:
    if shutil.which("make") is None:
        pytest.fail("make is required (Debian: apt-get install make)")
    result = subprocess.run(["make", "-n", "-B", target], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_test_installs_what_it_needs_and_runs_the_suite():
    commands = dry_run("test")
    assert "scripts/system-packages.sh" in commands
    assert "pip install" in commands and "[test]" in commands
    assert "-m pytest" in commands


def test_make_serve_builds_and_serves_the_demo():
    assert "minutes serve" in dry_run("serve")


def test_ci_runs_the_readme_test_command():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert "make test" in commands, "CI must run the README's test command itself"
    assert "make serve" in readme and "make test" in readme
