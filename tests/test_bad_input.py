"""Bad input never ends in a traceback: a clear message naming the file, and the rest still builds."""

import pytest

from helpers import copy_demo_site, run_minutes


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    root = copy_demo_site(tmp_path_factory.mktemp("bad"))
    papers = root / "content" / "papers"
    (papers / "empty.txt").write_bytes(b"")
    (papers / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (papers / "windows.txt").write_bytes(
        "CABINET\n\nMonday, 2nd March, 2015\n\nPresent:- Councillor Caf\u00e9 (in the Chair).\n\n"
        "The \u2018Caf\u00e9\u2019 report \u2013 noted.\n".encode("cp1252")
    )
    meeting = root / "content" / "meetings" / "cabinet" / "2015-03-09"
    meeting.mkdir(parents=True)
    (meeting / "minutes.md").write_text("---\nkind: minutes\ncommittee: Cabinet\ntitle: [oops\n---\n\nText\n")
    result = run_minutes("build", "--site", str(root), "--no-search", "--keep-going")
    return root, result


def test_build_fails_loudly_but_keeps_going_when_asked(bad_build):
    root, result = bad_build
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "published the rest" in result.stderr
    assert (root / "output" / "index.html").is_file()


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("windows.txt", "1252"),
    ],
)
def test_bad_paper_is_named_with_what_is_wrong(bad_build, name, words):
    _root, result = bad_build
    lines = [line for line in result.stderr.splitlines() if name in line]
    assert lines, result.stderr
    assert any(words in line.lower() for line in lines), lines


def test_malformed_yaml_is_named_with_its_line(bad_build):
    _root, result = bad_build
    assert "content/meetings/cabinet/2015-03-09/minutes.md:4: error: malformed YAML" in result.stderr


def test_windows_1252_paper_is_still_converted_with_its_text(bad_build):
    root, _result = bad_build
    texts = [p.read_text(encoding="utf-8") for p in (root / "content" / "meetings").rglob("*.md")]
    assert any("\u2018Caf\u00e9\u2019 report \u2013 noted" in t for t in texts)


def test_every_sample_meeting_still_builds(bad_build):
    root, _result = bad_build
    pages = list((root / "output").glob("*/*/index.html"))
    assert len(pages) >= 9
