"""`minutes check`: content problems and broken internal links or anchors, as file:line: message."""

import shutil

import pytest

from helpers import copy_demo_site, run_minutes
from minutes.check import check_output


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_demo_site(tmp_path_factory.mktemp("check"))
    result = run_minutes("build", "--site", str(root), "--no-search")
    assert result.returncode == 0, result.stderr
    return root


def test_a_clean_build_has_no_broken_links(built):
    result = run_minutes("check", "--site", str(built))
    assert result.returncode == 0, result.stderr
    assert "0 problems found" in result.stderr


def test_broken_link_is_named_with_page_and_link(built, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built, site)
    page = site / "output" / "committees" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</main>", '<a href="/no-such-committee/">gone</a>\n</main>'), encoding="utf-8")
    result = run_minutes("check", "--site", str(site))
    assert result.returncode == 1
    line = next(line for line in result.stderr.splitlines() if "no-such-committee" in line)
    assert line.startswith("output/committees/index.html:")
    assert "broken link '/no-such-committee/'" in line


CASES = [
    # (link added to the home page, words of the problem, or "" if the link is fine)
    ('<a href="/committees/">ok</a>', ""),
    ('<a href="/committees/#nowhere">x</a>', "no element with id 'nowhere'"),
    ('<a href="#main">skip</a>', ""),
    ('<a href="#missing">x</a>', "no element with id 'missing'"),
    ('<a href="committees/">relative</a>', ""),
    ('<a href="../outside/">x</a>', "no such page"),
    ('<img src="/static/missing.png" alt="">', "no such page"),
    ('<a href="https://example.org/">external</a>', ""),
    ('<a href="mailto:someone@example.org">mail</a>', ""),
]


@pytest.mark.parametrize(("link", "words"), CASES)
def test_link_rules(built, tmp_path, link, words):
    output = tmp_path / "output"
    shutil.copytree(built / "output", output)
    home = output / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</main>", link + "</main>"), encoding="utf-8")
    messages = [p.message for p in check_output(output) if p.path.endswith("/index.html") and p.path.count("/") == 1]
    if words:
        assert any(words in m for m in messages), messages
    else:
        assert messages == []


def test_duplicate_ids_are_reported(built, tmp_path):
    output = tmp_path / "output"
    shutil.copytree(built / "output", output)
    home = output / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</main>", '<p id="main">x</p></main>'), encoding="utf-8")
    assert any("duplicate id 'main'" in p.message for p in check_output(output))


CONTENT_CASES = [
    # (file name, front-matter lines, words of the problem)
    ("minutes.md", "kind: minutes\ncommittee: Cabinet\ndate: 2015-03-10\n", "disagrees with the folder 2015-03-09"),
    (
        "minutes.md",
        "kind: minutes\ncommittee: Cabinet\nitems:\n  - {number: '1', title: A, anchor: item-1}\n"
        "  - {number: '1', title: B, anchor: item-1}\n",
        "two items share the anchor 'item-1'",
    ),
    ("minutes.md", "kind: memo\ncommittee: Cabinet\n", "kind: 'memo' is not one of"),
    ("minutes.md", "kind: minutes\ncommittee: Cabinet\ntime: 2pm\n", "time: '2pm' is not a 24-hour HH:MM time"),
]


@pytest.mark.parametrize(("name", "front", "words"), CONTENT_CASES)
def test_content_problems_are_listed_with_file_and_line(tmp_path, name, front, words):
    folder = tmp_path / "content" / "meetings" / "cabinet" / "2015-03-09"
    folder.mkdir(parents=True)
    (folder / name).write_text(f"---\n{front}---\n\nText.\n", encoding="utf-8")
    (folder / "agenda.md").write_text("---\nkind: agenda\ncommittee: Cabinet\n---\n", encoding="utf-8")
    # A record the build cannot use fails it; --keep-going publishes the rest for the checker to read.
    build = run_minutes("build", "--site", str(tmp_path), "--no-search", "--keep-going")
    assert "Traceback" not in build.stderr and (tmp_path / "output" / "index.html").is_file(), build.stderr
    result = run_minutes("check", "--site", str(tmp_path))
    assert result.returncode == 1
    line = next((line for line in result.stderr.splitlines() if words in line), None)
    assert line is not None, result.stderr
    assert line.startswith(f"content/meetings/cabinet/2015-03-09/{name}:")
