"""A build skips the converter only when converting again would do nothing and say nothing."""

import ast
import json
import shutil
from pathlib import Path

import pytest

from minutes.core.config import load_config
from minutes.papers import convert_papers
from minutes.papers.fresh import CONVERTER_SETTINGS, FINGERPRINT_KEY, MANIFEST_NAME, unchanged_since_converted

PAPER = """PLANNING COMMITTEE

Minutes of the meeting held on Tuesday 5 March 2024 at 7.00 pm in the Council Chamber.

Present: Councillors Adams (Chair), Baker and Clarke.

1. Apologies for absence
Apologies were received from Councillor Davies.

2. Minutes
RESOLVED: that the minutes of the meeting held on 6 February 2024 be approved.
"""

RECORD = "content/meetings/planning-committee/2024-03-05/minutes.md"


def converted_site(root: Path) -> Path:
    (root / "content" / "papers").mkdir(parents=True)
    (root / "site.yaml").write_text("title: Fresh\n", encoding="utf-8")
    (root / "content" / "papers" / "minutes.txt").write_text(PAPER, encoding="utf-8")
    report = convert_papers(load_config(root))
    assert not report.problems, report.problems
    assert (root / RECORD).is_file()
    return root


def manifest(root: Path) -> dict:
    return json.loads((root / "content" / "meetings" / MANIFEST_NAME).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    return converted_site(tmp_path_factory.mktemp("converted"))


def _append(path: str, text: str):
    def change(root: Path) -> None:
        with (root / path).open("a", encoding="utf-8") as handle:
            handle.write(text)

    return change


def _write(path: str, text: str):
    def change(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")

    return change


def _remove(path: str):
    return lambda root: (root / path).unlink()


def _edit_manifest(root: Path) -> None:
    data = manifest(root)
    entry = next(iter(data["papers"].values()))
    entry["files"]["../../../site.yaml"] = "0" * 64
    (root / "content" / "meetings" / MANIFEST_NAME).write_text(json.dumps(data), encoding="utf-8")


def _link_in_papers(root: Path) -> None:
    (root / "content" / "papers" / "elsewhere.txt").symlink_to(root / "site.yaml")


@pytest.mark.parametrize(
    "change",
    [
        # (what a person or a contributor did since the last conversion)
        _append("content/papers/minutes.txt", "3. Any other business\nNone.\n"),  # a paper changed
        _write("content/papers/2024/agenda.txt", PAPER),  # a paper added
        _remove("content/papers/minutes.txt"),  # a paper removed
        _write("content/papers/minutes.txt.yaml", "committee: Licensing Committee\n"),  # a sidecar added
        _append(RECORD, "\nA correction.\n"),  # a record corrected by hand (a lesson to learn)
        _remove(RECORD),  # a record deleted by hand
        _append("site.yaml", "council: Fresh Town Council\n"),  # a setting the converter reads
        _write("content/house-style.yaml", "{}\n"),  # the house style edited
        _edit_manifest,  # the manifest names a file outside the meetings folder
        _link_in_papers,  # a link in the papers folder (the converter refuses it by name)
    ],
)
def test_anything_the_converter_reads_changed_means_converting_again(converted, tmp_path, change):
    root = tmp_path / "site"
    shutil.copytree(converted, root, symlinks=True)
    assert unchanged_since_converted(load_config(root))
    change(root)
    assert not unchanged_since_converted(load_config(root))


def test_settings_the_converter_does_not_read_leave_it_fresh(converted, tmp_path):
    root = tmp_path / "site"
    shutil.copytree(converted, root)
    _append("site.yaml", "theme: default\nbase_url: /minutes/\n")(root)
    _write("content/pages/about.md", "# About\n")(root)
    assert unchanged_since_converted(load_config(root))


def test_a_conversion_with_something_to_say_keeps_no_fingerprint(tmp_path):
    """A paper the converter refuses is refused again at every build, never forgotten by a fast path."""
    root = converted_site(tmp_path / "site")
    assert manifest(root).get(FINGERPRINT_KEY)
    (root / "content" / "papers" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    report = convert_papers(load_config(root))
    assert any("broken.pdf" in p.path for p in report.problems)
    assert FINGERPRINT_KEY not in manifest(root)
    assert not unchanged_since_converted(load_config(root))


def test_a_conversion_of_named_papers_keeps_no_fingerprint(tmp_path):
    root = converted_site(tmp_path / "site")
    _write("content/papers/agenda.txt", PAPER.replace("5 March", "2 April"))(root)
    convert_papers(load_config(root), [root / "content" / "papers" / "minutes.txt"])
    assert not unchanged_since_converted(load_config(root)), "agenda.txt was never read"


def _settings_read_by_the_converter() -> set[str]:
    """Every `config.<name>` the converter's code reads."""
    package = Path(__file__).resolve().parents[2] / "generator" / "minutes" / "papers"
    names = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "config":
                names.add(node.attr)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
                if node.value.attr == "config":  # run.config.max_paper_mb
                    names.add(node.attr)
    return names - {"root"}


def test_the_fingerprint_covers_every_setting_the_converter_reads():
    read = _settings_read_by_the_converter()
    assert "committees" in read and "max_paper_mb" in read  # the scan finds what it looks for
    assert read <= set(CONVERTER_SETTINGS), (
        f"add to papers.fresh.CONVERTER_SETTINGS: {sorted(read - set(CONVERTER_SETTINGS))}"
    )
