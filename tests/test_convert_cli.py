"""`minutes convert` as a user runs it: change detection, hand edits kept, --force, --explain."""

import pytest

from helpers import copy_demo_site, run_minutes

PAPER = "content/papers/000_86c187667cde2ece.txt"
MINUTES = "content/meetings/cabinet-member-for-communities-and-cohesion/2013-11-18/minutes.md"


@pytest.fixture()
def site(tmp_path):
    root = copy_demo_site(tmp_path / "site")
    first = run_minutes("convert", "--site", str(root))
    assert first.returncode == 0, first.stderr
    return root


def test_second_run_converts_nothing(site):
    again = run_minutes("convert", "--site", str(site))
    assert again.returncode == 0
    assert "0 records written" in again.stderr


def test_hand_edited_file_is_kept_and_the_tool_says_how_to_force(site):
    target = site / MINUTES
    edited = target.read_text(encoding="utf-8").replace(
        "No Declarations of Interest were made.", "No declarations of interest were made (corrected)."
    )
    target.write_text(edited, encoding="utf-8")
    result = run_minutes("convert", "--site", str(site), str(site / PAPER))
    assert target.read_text(encoding="utf-8") == edited
    line = next(line for line in result.stderr.splitlines() if "minutes.md" in line and "kept" in line)
    assert "--force" in line
    forced = run_minutes("convert", "--site", str(site), "--force", str(site / PAPER))
    assert forced.returncode == 0
    assert "(corrected)" not in target.read_text(encoding="utf-8")


def test_sidecar_supplies_the_missing_date(site):
    (site / "content" / "papers" / "004_19e28d43e7fb93e4.yaml").write_text("date: 2016-06-08\n", encoding="utf-8")
    result = run_minutes("convert", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert (site / "content" / "meetings" / "improving-lives-select-commission" / "2016-06-08" / "minutes.md").is_file()
    assert not list((site / "content" / "meetings" / "improving-lives-select-commission").glob("undated-*"))


def test_explain_shows_how_each_line_was_treated(site):
    result = run_minutes("convert", "--site", str(site), "--explain", str(site / PAPER))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) >= 281
    assert any("artefact" in line and "COMMUNITIES AND COHESION - 18/11/13" in line for line in lines)
