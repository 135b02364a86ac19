"""`make types` holds the converter (minutes/papers/) to `mypy --strict`, the rest of the package to the
project's own settings (pyproject.toml): bugs of type planted in a copy of the package are each reported
at their line, and only those.

mypy runs once, over a copy with every bug planted, with the repository's settings.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from helpers import REPO


@dataclass(frozen=True, slots=True)
class Plant:
    file: str
    """Inside the package, from its folder: papers/readers/docx.py."""
    old: str
    new: str
    code: str
    """The error code mypy must report at the planted line; "" when the setting lets it pass."""


UNTYPED = "\n\ndef _planted(value):\n    return value\n"

PLANTS = (
    # a text where a whole number is declared: wrong in any module
    Plant(
        "papers/readers/docx.py",
        'if style.lower() == "title":\n        return 1\n',
        'if style.lower() == "title":\n        return "1"\n',
        "return-value",
    ),
    # a function without annotations: refused in the converter, left to the tests elsewhere
    Plant("papers/dates.py", "", UNTYPED, "no-untyped-def"),
    Plant("core/slug.py", "", UNTYPED, ""),
)


def _plant(copy: Path, plant: Plant) -> int:
    """Plant the bug; the line mypy is to name (the changed line, or the appended function's)."""
    path = copy / plant.file
    text = path.read_text(encoding="utf-8")
    if not plant.old:
        path.write_text(text + plant.new, encoding="utf-8")
        return text.count("\n") + 3
    assert text.count(plant.old) == 1, f"{plant.file} no longer holds {plant.old!r} once: update the plant"
    at = text.index(plant.old)
    path.write_text(text.replace(plant.old, plant.new), encoding="utf-8")
    changed = next(
        n for n, (a, b) in enumerate(zip(plant.old.split("\n"), plant.new.split("\n"), strict=True)) if a != b
    )
    return text[:at].count("\n") + 1 + changed


def test_make_types_reports_each_planted_bug_at_its_line_under_the_settings_of_its_module(tmp_path: Path):
    copy = tmp_path / "minutes"
    shutil.copytree(REPO / "generator" / "minutes", copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    want = set()
    for plant in PLANTS:
        line = _plant(copy, plant)
        if plant.code:
            want.add((f"minutes/{plant.file}", line, plant.code))
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml")]
        + ["--cache-dir", str(tmp_path / "cache"), "minutes"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    found = {
        (m["file"], int(m["line"]), m["code"])
        for m in re.finditer(r"^(?P<file>\S+\.py):(?P<line>\d+): error: .*\[(?P<code>[\w-]+)\]$", done.stdout, re.M)
    }
    assert done.returncode == 1, done.stdout + done.stderr
    assert found == want, done.stdout
