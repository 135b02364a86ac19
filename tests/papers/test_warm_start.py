"""A convert reads a sample of its own before forking its workers, so they start with the patterns its rules
compile as they go: the sample exercises the rules, leaves the workers fewer patterns to compile, and changes
no paper's records."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from minutes.papers import files, warm_start
from minutes.papers.convert import convert_with_roles
from minutes.papers.readers import read_paper

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "papers"


def test_the_sample_is_read_as_minutes_by_the_main_rules() -> None:
    data = warm_start.SAMPLE.encode("utf-8")
    (document,) = convert_with_roles(read_paper(data, warm_start.SAMPLE_NAME), warm_start.SAMPLE_NAME).documents
    record = document.record
    assert (record.kind, record.committee, record.date, record.time) == (
        "minutes",
        "Example Parish Council",
        dt.date(2025, 1, 14),
        "19:30",
    )
    assert record.attendance.chair == "Cllr A Hale"
    assert record.attendance.apologies == ("Cllr F Black",)
    assert [i.number for i in record.items] == ["1", "2", "3", "4", "5", "5.1", "5.2", "6", "7", "8"]
    # RESOLVED (3), "… seconded by Cllr Rowe and agreed that …" (5.2), "Motion carried" (6), "Members voted" (7)
    assert sum(len(i.resolutions) for i in record.items) == 4
    assert sum(len(i.declarations) for i in record.items) == 1
    assert record.next_meeting is not None and record.next_meeting.date == dt.date(2025, 2, 11)


# Run in a fresh interpreter: what a process has compiled is the point, and the test process has compiled much.
_COMPILES = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import re._compiler as compiler
    import minutes.cli  # what a convert has imported before it forks its workers
    from minutes.papers import files, warm_start
    from minutes.papers.readers import read_paper
    from minutes.papers.convert import convert_with_roles
    if sys.argv[1] == "warm":
        warm_start.warm_up()
    compiled = []
    real = compiler.compile
    compiler.compile = lambda pattern, flags=0: compiled.append(pattern) or real(pattern, flags)
    path = Path(sys.argv[2])
    conversion = convert_with_roles(read_paper(path.read_bytes(), path.name), path.name)
    print(len(compiled))
    print(repr([(d.record, d.body, d.relpath) for d in conversion.documents]))
    """
)


def _compiles(how: str, paper: Path) -> tuple[int, str]:
    out = subprocess.run(
        [sys.executable, "-c", _COMPILES, how, str(paper)], capture_output=True, text=True, check=True
    ).stdout.split("\n", 1)
    return int(out[0]), out[1]


@pytest.mark.parametrize(
    "paper", ["01_burton-cum-walden-pc-council-2025-01-07.txt", "04_groby-pc-council-2008-02-04.txt"]
)
def test_a_paper_read_after_the_sample_compiles_fewer_patterns_and_reads_the_same(paper: str) -> None:
    cold, cold_records = _compiles("cold", CORPUS / paper)
    warm, warm_records = _compiles("warm", CORPUS / paper)
    assert cold >= 40, "a paper read cold compiles its rules' patterns"
    assert warm * 3 <= cold, (warm, cold)
    assert warm_records == cold_records


def test_the_convert_warms_up_only_before_a_paper_it_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    warmed: list[str] = []
    monkeypatch.setattr(warm_start, "warm_up", lambda: warmed.append("warm"))
    nothing_to_read = [("a", None), ("b", None)]
    assert list(files._warm_before_the_first(nothing_to_read)) == nothing_to_read  # type: ignore[arg-type]
    assert warmed == []

    def task() -> None:
        warmed.append("task")

    given = [("a", None), ("b", task), ("c", task)]
    for _, each in files._warm_before_the_first(given):  # type: ignore[arg-type]
        if each is not None:
            each()
    assert warmed == ["warm", "task", "task"]
