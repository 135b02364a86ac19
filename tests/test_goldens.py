"""Golden files change only through `make golden`: it prints the diff, and writes only when told."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys

import pytest

import goldens
from helpers import REPO


def test_check_fails_on_any_difference_whatever_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTES_UPDATE_GOLDEN", "1")
    path = tmp_path / "facts.yaml"
    monkeypatch.setattr(goldens, "ROOT", tmp_path)
    path.write_text(goldens.dump({"date": "2013-11-18"}), encoding="utf-8")
    goldens.check(path, {"date": "2013-11-18"})
    with pytest.raises(
        AssertionError, match=re.escape("facts.yaml differs; if the change is intended, run `make golden`")
    ):
        goldens.check(path, {"date": "2013-11-19"})
    assert path.read_text(encoding="utf-8") == goldens.dump({"date": "2013-11-18"})
    with pytest.raises(AssertionError, match=re.escape("no golden file missing.yaml")):
        goldens.check(tmp_path / "missing.yaml", {})


def test_pytest_has_no_option_to_rewrite_goldens():
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "--update-golden", "--collect-only", "-q", "tests/test_goldens.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 4 and "unrecognized arguments: --update-golden" in ran.stderr, ran.stderr


def _one_set(tmp_path, monkeypatch):
    """The samples' golden set, kept in a temporary folder: one file altered, one missing."""
    samples = next(g for g in goldens.SETS if g.name == "samples")
    kept = tmp_path / "tests" / "fixtures" / "golden"
    kept.mkdir(parents=True)
    for path in sorted(samples.folder.glob("*.yaml")):
        (kept / path.name).write_bytes(path.read_bytes())
    altered = kept / "000_86c187667cde2ece.yaml"
    altered.write_text(altered.read_text(encoding="utf-8").replace("2013-11-18", "2013-11-19"), encoding="utf-8")
    (kept / "004_19e28d43e7fb93e4.yaml").unlink()
    cases = [(name, make) for name, make in samples.cases() if name.startswith(("000", "004"))]
    monkeypatch.setattr(goldens, "ROOT", tmp_path)
    monkeypatch.setattr(goldens, "SETS", (dataclasses.replace(samples, folder=kept, cases=lambda: iter(cases)),))
    return kept, altered


def test_make_golden_prints_the_diff_and_writes_nothing_unless_told(tmp_path, monkeypatch, capsys):
    kept, altered = _one_set(tmp_path, monkeypatch)
    before = altered.read_text(encoding="utf-8")
    assert goldens.main([]) == 1
    shown = capsys.readouterr().out
    assert "--- a/tests/fixtures/golden/000_86c187667cde2ece.yaml" in shown
    assert "-  date: '2013-11-19'" in shown and "+  date: '2013-11-18'" in shown
    assert "--- /dev/null\n+++ b/tests/fixtures/golden/004_19e28d43e7fb93e4.yaml" in shown
    assert "2 of 2 golden files would change" in shown and "nothing written" in shown
    assert altered.read_text(encoding="utf-8") == before and not (kept / "004_19e28d43e7fb93e4.yaml").exists()

    assert goldens.main(["--write"]) == 0
    assert "wrote 2 golden files" in capsys.readouterr().out
    assert "2013-11-19" not in altered.read_text(encoding="utf-8")
    assert goldens.main([]) == 0
    assert "0 of 2 golden files would change" in capsys.readouterr().out


def test_make_golden_names_the_sets_it_knows():
    with pytest.raises(SystemExit):
        goldens.main(["nonesuch"])
