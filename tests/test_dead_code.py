"""`make lint` fails on code the converter no longer uses (scripts/dead_code.py, vulture over minutes/papers/).

Each case plants code in a copy of the package, the benchmarks and the whitelist, and runs the script
over the copy: the copy as it is reports nothing, so what a case reports is what it planted.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

UNUSED = "\n\ndef planted_helper(text: str) -> str:\n    return text.strip()\n"


def _copy(into: Path) -> Path:
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "results")
    shutil.copytree(REPO / "generator" / "minutes", into / "generator" / "minutes", ignore=skip)
    shutil.copytree(REPO / "bench", into / "bench", ignore=skip)
    (into / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "dead_code_whitelist.py", into / "scripts")
    return into


def _append(path: Path, text: str) -> int:
    """Append `text`; the line its `def` lands on."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + text[: text.index("def ")].count("\n") + 1


def _report(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "dead_code.py"), "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize(
    "where, used_in, reported",
    [
        pytest.param("papers/dates.py", None, True, id="unused-in-the-converter"),
        pytest.param("papers/readers/pdf/tidy.py", None, True, id="unused-in-a-reader"),
        pytest.param("papers/dates.py", "bench/fidelity.py", False, id="used-by-a-benchmark"),
        pytest.param("papers/dates.py", "generator/minutes/site/people.py", False, id="used-by-the-site"),
        pytest.param("site/links.py", None, False, id="outside-the-converter"),
    ],
)
def test_code_nothing_uses_in_the_converter_fails_lint(tmp_path: Path, where: str, used_in: str | None, reported: bool):
    root = _copy(tmp_path)
    line = _append(root / "generator" / "minutes" / where, UNUSED)
    if used_in:
        (root / used_in).write_text(
            (root / used_in).read_text(encoding="utf-8") + "\nplanted_helper\n", encoding="utf-8"
        )
    done = _report(root)
    if reported:
        assert done.returncode == 1, done.stdout + done.stderr
        assert done.stdout == f"generator/minutes/{where}:{line}: unused function 'planted_helper' (60% confidence)\n"
        assert "delete it, or name it in scripts/dead_code_whitelist.py" in done.stderr
    else:
        assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr


def test_a_rule_is_used_by_its_registration(tmp_path: Path):
    """A rule is found by the registry's decorator, never called by name: not dead."""
    root = _copy(tmp_path)
    dates = root / "generator" / "minutes" / "papers" / "dates.py"
    text = dates.read_text(encoding="utf-8")
    dates.write_text(
        text + '\n\n@rule("dates.planted", Fact.DATE)\ndef planted_rule(text: str) -> str:\n    """A rule."""\n'
        "    return text\n",
        encoding="utf-8",
    )
    done = _report(root)
    assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr


def test_the_repository_has_no_unused_code_in_the_converter():
    done = _report(REPO)
    assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr
