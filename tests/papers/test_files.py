"""Writing a site: bad input, sidecars, the manifest, hand-edit protection and determinism."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from minutes.core.config import load_config
from minutes.papers import convert_papers, explain_paper
from minutes.papers.readers import read_paper
from minutes.papers.sidecar import parse_sidecar
from minutes.records.frontmatter import split
from minutes.records.record import DocumentRecord

ROOT = Path(__file__).resolve().parents[2]
PAPERS = sorted((ROOT / "content" / "papers").glob("*.txt"))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "content" / "papers").mkdir(parents=True)
    return tmp_path


def add_paper(site: Path, name: str, data: bytes | str) -> Path:
    path = site / "content" / "papers" / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def snapshot(site: Path) -> dict[str, bytes]:
    folder = site / "content" / "meetings"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_converting_twice_is_byte_identical_and_round_trips(site: Path):
    for paper in PAPERS:
        shutil.copy(paper, site / "content" / "papers" / paper.name)
    config = load_config(site)
    first = convert_papers(config)
    assert first.written and not first.kept
    before = snapshot(site)
    second = convert_papers(config)
    assert second.written == () and second.kept == ()
    assert snapshot(site) == before
    forced = convert_papers(config, force=True)
    assert snapshot(site) == before and forced.kept == ()
    for path in (site / "content" / "meetings").rglob("*.md"):
        data = split(path.read_text(encoding="utf-8")).data
        assert DocumentRecord.from_mapping(data).to_mapping() == data
    manifest = json.loads((site / "content" / "meetings" / ".converted.json").read_text())
    assert sorted(manifest["papers"]) == [f"content/papers/{p.name}" for p in PAPERS]


@pytest.mark.parametrize(
    "key, value",
    [
        ("taught", ["not", "a", "mapping"]),
        ("taught", "text"),
        ("files", ["minutes.md"]),
        ("deleted", {"a.md": 1}),
        ("digest", 5),
        ("sha256", None),
        ("observed", "text"),
        ("observed", {"bodies": 3, "meetings": "many"}),
    ],
)
def test_a_manifest_key_of_the_wrong_type_is_read_as_unwritten(site: Path, key: str, value: object):
    """The manifest is the converter's own file, but a person (or a merge) may have edited it: a key of
    another type is left out, and the paper is converted as if the key were never written."""
    paper = shutil.copy(PAPERS[0], site / "content" / "papers" / PAPERS[0].name)
    config = load_config(site)
    convert_papers(config)
    before = snapshot(site)
    path = site / "content" / "meetings" / ".converted.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["papers"][f"content/papers/{PAPERS[0].name}"][key] = value
    path.write_text(json.dumps(manifest), encoding="utf-8")
    report = convert_papers(config, [Path(paper)])
    assert not [p for p in report.problems if p.severity == "error"]
    after = snapshot(site)
    manifests = [json.loads(files.pop(".converted.json"))["papers"] for files in (before, after)]
    assert after == before, "the records come back as the converter wrote them"
    assert manifests[1] == manifests[0], "and so do the paper's entries in the manifest"


def test_hand_edited_file_is_kept_until_forced(site: Path):
    paper = shutil.copy(PAPERS[0], site / "content" / "papers" / PAPERS[0].name)
    config = load_config(site)
    convert_papers(config)
    minutes = site / "content/meetings/cabinet-member-for-communities-and-cohesion/2013-11-18/minutes.md"
    edited = minutes.read_text(encoding="utf-8").replace("Councillor Wallis.", "Councillor Wallis (corrected).")
    minutes.write_text(edited, encoding="utf-8")
    report = convert_papers(config, [Path(paper)])
    assert report.kept == (minutes,)
    assert minutes.read_text(encoding="utf-8") == edited
    assert any("kept hand-edited file" in p.message and "--force" in p.message for p in report.problems)
    again = convert_papers(config, [Path(paper)])
    assert again.kept == (minutes,), "an edit stays protected on later runs too"
    convert_papers(config, [Path(paper)], force=True)
    assert "(corrected)" not in minutes.read_text(encoding="utf-8")


def test_existing_file_without_record_is_kept(site: Path):
    shutil.copy(PAPERS[0], site / "content" / "papers" / PAPERS[0].name)
    target = site / "content/meetings/cabinet-member-for-communities-and-cohesion/2013-12-16/agenda.md"
    target.parent.mkdir(parents=True)
    target.write_text("---\nkind: agenda\ncommittee: Written by hand\n---\n", encoding="utf-8")
    report = convert_papers(load_config(site))
    assert target in report.kept
    assert "Written by hand" in target.read_text(encoding="utf-8")


def test_sidecar_sets_the_date_and_moves_the_document(site: Path):
    paper = next(p for p in PAPERS if p.stem.startswith("004"))
    shutil.copy(paper, site / "content" / "papers" / paper.name)
    config = load_config(site)
    convert_papers(config)
    undated = site / f"content/meetings/improving-lives-select-commission/undated-{paper.stem}/minutes.md"
    assert undated.exists()
    (site / "content" / "papers" / f"{paper.stem}.yaml").write_text(
        "date: 2016-06-08\ntime: '13:30'\n", encoding="utf-8"
    )
    convert_papers(config)
    dated = site / "content/meetings/improving-lives-select-commission/2016-06-08/minutes.md"
    assert dated.exists() and not undated.exists()
    record = DocumentRecord.from_mapping(split(dated.read_text(encoding="utf-8")).data)
    assert (str(record.date), record.time) == ("2016-06-08", "13:30")
    assert not any("no meeting date" in w for w in record.warnings)


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("date: 2016-06-08\nchair: Someone\n", 2, "unknown sidecar key 'chair'"),
        ("date: [2016\n", 2, "malformed YAML"),
        ("date: 8th June\n", 1, "YYYY-MM-DD"),
        ("time: half past five\n", 1, "HH:MM"),
    ],
)
def test_bad_sidecar_is_a_problem_naming_file_and_line(text, line, words):
    overrides, problems = parse_sidecar(text, "content/papers/x.yaml")
    assert overrides is None
    assert problems and problems[0].line == line and words in problems[0].message
    assert str(problems[0]).startswith(f"content/papers/x.yaml:{line}: ")


def test_malformed_sidecar_reported_by_convert(site: Path):
    add_paper(site, "p.txt", "Some text about a meeting.\n")
    (site / "content" / "papers" / "p.yaml").write_text("date: 2016-06-08\n  venue: [\n", encoding="utf-8")
    report = convert_papers(load_config(site))
    assert any(p.path == "content/papers/p.yaml" and p.line > 0 for p in report.problems)
    assert report.written, "the paper itself is still converted"


@pytest.mark.parametrize(
    "data, severity, words, has_document",
    [
        (b"", "error", "empty", False),
        (b"\x00\x01\x02\x00binary\x00", "error", "binary", True),
        ("Minutes of the caf\u00e9 meeting \u2013 noted.\n".encode("cp1252"), "warning", "Windows-1252", True),
    ],
)
def test_bad_input_files(site: Path, data: bytes, severity: str, words: str, has_document: bool):
    add_paper(site, "bad.txt", data)
    report = convert_papers(load_config(site))
    problem = next(p for p in report.problems if p.path == "content/papers/bad.txt")
    assert problem.severity == severity and words in problem.message
    assert bool(report.written) is has_document
    if has_document:
        (written,) = report.written
        record = DocumentRecord.from_mapping(split(written.read_text(encoding="utf-8")).data)
        assert record.kind == "document"


def test_windows_1252_text_is_kept():
    decoded = read_paper("caf\u00e9 \u2013 noted".encode("cp1252"), "p.txt")
    assert decoded.text == "caf\u00e9 \u2013 noted"


def test_unstructured_paper_is_one_document_with_all_text(site: Path):
    add_paper(site, "notes.txt", "first line\n\nsecond line\n")
    report = convert_papers(load_config(site))
    (path,) = report.written
    text = path.read_text(encoding="utf-8")
    assert "first line" in text and "second line" in text
    assert "unsorted/undated-notes/document-" in path.as_posix()


def test_sidecars_readmes_and_dotfiles_are_not_papers(site: Path):
    add_paper(site, "README.md", "# about")
    add_paper(site, ".hidden", "x")
    add_paper(site, "p.yaml", "date: 2016-01-01\n")
    assert convert_papers(load_config(site)).written == ()


def test_explain_lists_every_line_and_artefacts(site: Path):
    paper = shutil.copy(PAPERS[0], site / "content" / "papers" / PAPERS[0].name)
    out = explain_paper(load_config(site), Path(paper))
    assert out[0].endswith("read as text, 282 lines")
    documents = [line for line in out if line.startswith("document ")]
    assert documents[0].startswith(
        "document 1: agenda -> cabinet-member-for-communities-and-cohesion/2013-12-16/agenda.md"
    )
    assert documents[1].startswith(
        "document 2: minutes -> cabinet-member-for-communities-and-cohesion/2013-11-18/minutes.md"
    )
    lines = [line for line in out if " | " in line]
    assert len(lines) == len(Path(paper).read_text(encoding="utf-8").splitlines())
    assert lines[54] == "  55 | artefact: running header | #### **COMMUNITIES AND COHESION - 18/11/13**"
    assert "minutes.md: item heading (items.numbered-line 6.00, prefixed:E)" in lines[30]
    assert lines[146].startswith(" 147 | artefact: page marker")


def test_explain_names_the_rule_that_read_each_attendance_block(site: Path):
    paper = add_paper(
        site,
        "m.txt",
        "HALE PARISH COUNCIL\nMinutes of the meeting held on 12 March 2024 at 7.00pm\n\n"
        "Councillors:\nP  Cllr Ann Hale\nA  Cllr Bob Orme\nP  Cllr Cy Pike\n\n"
        "In attendance: Jo Lowe (Clerk)\n\n1. Minutes\nThe minutes of the last meeting were approved.\n",
    )
    out = explain_paper(load_config(site), paper)
    said = [line for line in out if line.startswith("  attendance, ")]
    assert len(said) == 2, out
    assert re.fullmatch(
        r"  attendance, lines 5-7: attendance\.flagged-list \(\d+\.\d\d\): A list of members .*", said[0]
    )
    assert re.fullmatch(r"  attendance, line 9: attendance\.list \(\d+\.\d\d\): A list of names .*", said[1])
