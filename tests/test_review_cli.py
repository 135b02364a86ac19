"""What a person should check after converting: `minutes convert`'s summary and `minutes review`, as a user runs them."""

from __future__ import annotations

import json
import re

import pytest

from helpers import copy_demo_site, run_minutes
from minutes.records import frontmatter

YOUTH_CABINET = "content/meetings/rotherham-youth-cabinet/2014-01-15/minutes.md"


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    root = copy_demo_site(tmp_path_factory.mktemp("review") / "site")
    result = run_minutes("convert", "--site", str(root))
    assert result.returncode == 0, result.stderr
    return root, result.stderr


def _review(root, *args):
    result = run_minutes("review", "--site", str(root), *args)
    assert result.returncode == 0, result.stderr
    return result


def test_convert_ends_with_the_records_to_check_first(converted):
    root, stderr = converted
    lines = stderr.splitlines()
    assert "minutes: 5 papers read: 23 records written, 0 unchanged, 0 kept (hand-edited)" in lines
    head = next(line for line in lines if "records with doubts" in line)
    counted = re.search(r"(\d+) of 23 records with doubts: (\d+) facts to check \((.*)\)$", head)
    assert counted, head
    by_fact = dict(part.rsplit(" ", 1) for part in counted.group(3).split(", "))
    assert sum(int(n) for n in by_fact.values()) == int(counted.group(2))
    listed = [line.removeprefix("minutes:   ") for line in lines if line.startswith("minutes:   content/")]
    assert len(listed) == 5, "the five worth checking first, one line each"
    for line in listed:
        path = line.split(": ", 1)[0]
        assert (root / path).is_file(), path
    assert any(line.startswith(YOUTH_CABINET + ": ") and "date '2014-11-26' 0.20" in line for line in listed)
    assert "reviewed: true" in lines[-1], "the last line says how to clear a doubt"


def test_review_prints_the_same_list_from_the_records_on_disk(converted):
    root, stderr = converted
    from_convert = [line.removeprefix("minutes: ") for line in stderr.splitlines()]
    printed = _review(root).stdout.splitlines()
    assert printed and all(line in from_convert for line in printed)


def test_review_json_lists_each_doubt_with_its_path_and_lines(converted):
    root, _ = converted
    data = json.loads(_review(root, "--json").stdout)
    assert (data["records"], data["papers"]) == (23, 5)
    assert data["doubtful_facts"] == sum(data["by_fact"].values())
    assert len(data["check_first"]) == 5
    worth = [entry["worth"] for entry in data["check_first"]]
    assert worth == sorted(worth, reverse=True)
    youth = next(entry for entry in data["check_first"] if entry["path"] == YOUTH_CABINET)
    date = next(d for d in youth["doubts"] if d["fact"] == "date")
    assert date["value"] == "2014-11-26" and date["confidence"] < 0.6
    paper = (root / "content/papers/002_6f9fd44b4208914b.txt").read_text(encoding="utf-8").splitlines()
    first, last = date["lines"]
    assert "26 November 2014" in " ".join(paper[first - 1 : last]), "the lines point at the date in the paper"
    everything = json.loads(_review(root, "--json", "--all").stdout)
    assert len(everything["check_first"]) == everything["records_with_doubts"] >= 5


def test_the_youth_cabinet_minutes_are_filed_by_their_pack_and_say_so(converted):
    root, _ = converted
    record = frontmatter.split((root / YOUTH_CABINET).read_text(encoding="utf-8")).data
    assert record["date"] == "2014-01-15"
    assert not any("filed under" in w for w in record.get("warnings", [])), "said once: by the review entry"
    (date,) = [d for d in record["review"] if d["fact"] == "date"]
    assert date["value"] == "2014-11-26" and "filed under 2014-01-15" in date["why"]
    assert record["reviewed"] is False
    assert not (root / "content/meetings/rotherham-youth-cabinet/2014-11-26").exists()


def test_editing_a_record_clears_its_doubts(tmp_path):
    root = copy_demo_site(tmp_path / "site")
    assert run_minutes("convert", "--site", str(root)).returncode == 0
    before = json.loads(_review(root, "--json", "--all").stdout)
    youth = root / YOUTH_CABINET
    youth.write_text(youth.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    other = next(e for e in before["check_first"] if e["path"] != YOUTH_CABINET and len(e["doubts"]) > 1)
    target = root / other["path"]
    split = frontmatter.split(target.read_text(encoding="utf-8"))
    split.data["review"] = split.data["review"][1:]
    target.write_text(frontmatter.join(split.data, split.body), encoding="utf-8")
    after = json.loads(_review(root, "--json", "--all").stdout)
    assert YOUTH_CABINET not in [e["path"] for e in after["check_first"]]
    assert after["records_with_doubts"] == before["records_with_doubts"] - 1
    youth_doubts = len(next(e for e in before["check_first"] if e["path"] == YOUTH_CABINET)["doubts"])
    assert after["doubtful_facts"] == before["doubtful_facts"] - youth_doubts - 1


def test_review_names_a_broken_record_and_lists_the_rest(tmp_path):
    root = copy_demo_site(tmp_path / "site")
    assert run_minutes("convert", "--site", str(root)).returncode == 0
    youth = root / YOUTH_CABINET
    youth.write_text(youth.read_text(encoding="utf-8").replace("- fact: date", "- fact: weather"), encoding="utf-8")
    result = run_minutes("review", "--site", str(root))
    assert result.returncode == 1
    assert any(YOUTH_CABINET in line and "review[0].fact" in line for line in result.stderr.splitlines())
    assert "records with doubts" in result.stdout


CLEAN_MINUTES = """ASHBY PARISH COUNCIL

Minutes of the Meeting of Ashby Parish Council held at the Village Hall, Ashby on Tuesday 4 May 2021 at 7.30pm

Present: Cllr A Hale (Chairman), Cllr B Orme, Cllr C Pike, Cllr D Quill

Apologies: Cllr E Rowe

1. Apologies for absence

Apologies were accepted.

2. Declarations of interest

None.

3. Planning

RESOLVED: That no objection be raised to application 21/0042.
"""


def test_the_summary_is_of_the_whole_site_not_only_the_papers_read_this_time(tmp_path):
    root = tmp_path / "site"
    (root / "content" / "papers").mkdir(parents=True)
    (root / "site.yaml").write_text("title: Ashby\ncouncil: Ashby Parish Council\n", encoding="utf-8")
    (root / "content/papers/may.txt").write_text(CLEAN_MINUTES, encoding="utf-8")
    first = run_minutes("convert", "--site", str(root))
    assert first.returncode == 0, first.stderr
    assert "minutes: 1 record: no open doubts" in first.stderr.splitlines()
    assert "reviewed: true" not in first.stderr, "nothing to clear, nothing to explain"
    # A second paper with a gap in its items: only it is read, but the summary counts both papers' records.
    gap = CLEAN_MINUTES.replace("4 May 2021", "1 June 2021").replace("3. Planning", "5. Planning")
    (root / "content/papers/june.txt").write_text(gap, encoding="utf-8")
    second = run_minutes("convert", "--site", str(root))
    lines = second.stderr.splitlines()
    # (The house style the two papers share is learned, so both are read again with it.)
    assert any(line.endswith(" read: 1 record written, 1 unchanged, 0 kept (hand-edited)") for line in lines), lines
    assert any(line.startswith("minutes: 1 of 2 records with doubts: ") for line in lines), lines
    data = json.loads(_review(root, "--json").stdout)
    assert (data["records"], data["papers"], data["records_with_doubts"]) == (2, 2, 1)
    (entry,) = data["check_first"]
    assert entry["path"] == "content/meetings/ashby-parish-council/2021-06-01/minutes.md"
    assert [d["fact"] for d in entry["doubts"]] == ["item", "decision"]
    record = (root / entry["path"]).read_text(encoding="utf-8").splitlines()
    assert all(record[d["record_line"] - 1].startswith("- fact: ") for d in entry["doubts"]), "lines to edit"
