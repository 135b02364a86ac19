"""The command line: help for every command, one-line errors, exit codes."""

import pytest

from helpers import run_minutes

COMMANDS = ["convert", "build", "serve", "check", "new"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = run_minutes(command, "--help")
    assert result.returncode == 0
    assert "usage: minutes " + command in result.stdout


def test_top_level_help_lists_every_command():
    result = run_minutes("--help")
    assert all(c in result.stdout for c in COMMANDS)


ERRORS = [
    (["build", "--site", "no/such/dir"], "site folder 'no/such/dir' does not exist"),
    (["check", "--site", "no/such/dir"], "does not exist"),
]


@pytest.mark.parametrize(("args", "words"), ERRORS)
def test_errors_are_one_line_without_traceback(args, words):
    result = run_minutes(*args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("minutes: error:")]
    assert len(errors) == 1 and words in errors[0]


def test_unknown_setting_is_one_line_naming_file_and_line(tmp_path):
    (tmp_path / "site.yaml").write_text("title: x\nthem: dark\n")
    result = run_minutes("build", "--site", str(tmp_path), "--no-search")
    assert result.returncode == 1
    assert f"{tmp_path / 'site.yaml'}:2: error: unknown setting 'them'" in result.stderr


def test_check_without_a_build_says_what_to_do(tmp_path):
    result = run_minutes("check", "--site", str(tmp_path))
    assert result.returncode == 1
    assert "run `minutes build` first" in result.stderr


def test_new_site_builds_and_checks_clean(tmp_path):
    target = tmp_path / "council"
    assert run_minutes("new", str(target)).returncode == 0
    assert (target / "site.yaml").is_file()
    build = run_minutes("build", "--site", str(target))
    assert build.returncode == 0, build.stderr
    assert (target / "output" / "index.html").is_file()
    assert (target / "output" / "about" / "index.html").is_file()
    check = run_minutes("check", "--site", str(target))
    assert check.returncode == 0, check.stderr


def test_new_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    result = run_minutes("new", str(tmp_path))
    assert result.returncode == 1
    assert "not empty" in result.stderr


def test_a_reader_that_stops_early_ends_the_command_quietly():
    """`minutes convert --explain PAPER | head -1`: the rest has nowhere to go, and that is no error."""
    import subprocess
    import sys

    from helpers import REPO

    paper = "content/papers/003_f5721d629642682c.txt"  # 5,000 lines explained: far more than a pipe holds
    command = [sys.executable, "-m", "minutes", "convert", "--explain", paper]
    with subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        assert child.stdout is not None and child.stderr is not None
        first = child.stdout.readline()
        child.stdout.close()
        errors = child.stderr.read().decode()
    assert first.startswith(paper.encode())
    assert child.returncode == 141, errors
    assert errors == ""
