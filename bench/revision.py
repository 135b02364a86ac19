"""An older version of the tool, exported from git, for benchmarks that compare two versions in one run.

The package moved from `minutes/` to `generator/minutes/`; `source_path` finds it in either layout.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def export(revision: str, into: Path) -> Path:
    """The tree of `revision` unpacked into `into` (once); returns the folder to put on `sys.path`."""
    if not any((into / folder / "minutes").is_dir() for folder in ("", "generator")):
        into.mkdir(parents=True, exist_ok=True)
        data = subprocess.run(["git", "archive", revision], cwd=REPO, capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(into, filter="data")
    return source_path(into)


def previous(revision: str = "") -> str:
    """The version to compare with: `revision` when given, else where this branch left main."""
    if revision:
        return revision
    done = subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=REPO, text=True, capture_output=True, check=True)
    return done.stdout.strip()


def source_path(tree: Path) -> Path:
    """The folder holding the `minutes` package in a checkout of any version."""
    return tree / "generator" if (tree / "generator" / "minutes").is_dir() else tree
