"""The guards under the hostile cases, one by one, with tiny inputs: isolated tasks, YAML expansion,
message excerpts, the Markdown engine's depth guard, long lines, repeated lines, the readers' limits."""

from __future__ import annotations

import ctypes
import functools
import io
import os
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from minutes.core.errors import Problem, excerpt, format_problem
from minutes.core.isolated import CRASH, ERROR, MEMORY, OK, TIMEOUT, TaskLimits, run_tasks
from minutes.core.workers import run_in_workers
from minutes.core.yamlfile import MAX_EXPANDED_NODES, load_yaml
from minutes.pages import markdown_html
from minutes.papers.clean import MAX_FURNITURE_SHARE, Line, furniture_share, furniture_warning
from minutes.papers.readers import PaperText, ReadLimits, SourceLine, read_paper
from minutes.papers.readers.base import text_lines
from minutes.papers.readers.docx import DocxReader
from minutes.papers.readers.html import HtmlReader

# --- core/isolated.py and core/workers.py: a child per task, or workers kept for many --------------------

RUNNERS = pytest.mark.parametrize("runner", [run_tasks, run_in_workers], ids=["child per task", "kept workers"])


def _double(n: int) -> int:
    return 2 * n


def _raise() -> None:
    raise ValueError("bad paper")


def _sleep() -> None:
    time.sleep(60)


def _segfault() -> None:
    ctypes.string_at(0)


def _allocate() -> int:
    return len(bytearray(1 << 30))


def _recurse() -> None:
    def down(n: int) -> int:
        return down(n + 1)

    down(0)


@RUNNERS
def test_each_task_ends_as_its_outcome_says_in_the_order_given(runner):
    tasks = [
        ("ok", functools.partial(_double, 21)),
        ("nothing", None),
        ("raises", _raise),
        ("sleeps", _sleep),
        ("crashes", _segfault),
        ("allocates", _allocate),
        ("recurses", _recurse),
        ("ok again", functools.partial(_double, 2)),
    ]
    out = list(runner(tasks, jobs=3, limits=TaskLimits(seconds=2, memory_mb=256)))
    assert [key for key, _ in out] == [key for key, _ in tasks]
    seen = {key: outcome and (outcome.status, outcome.value, outcome.detail) for key, outcome in out}
    assert seen == {
        "ok": (OK, 42, ""),
        "nothing": None,
        "raises": (ERROR, None, "ValueError: bad paper"),
        "sleeps": (TIMEOUT, None, ""),
        "crashes": (CRASH, None, "SIGSEGV"),
        "allocates": (MEMORY, None, "MemoryError"),
        "recurses": (ERROR, None, "RecursionError: nested too deeply"),
        "ok again": (OK, 4, ""),
    }


def _sleep_noted(folder: str, n: int) -> None:
    (Path(folder) / str(os.getpid())).write_text(str(n))
    time.sleep(60)


@RUNNERS
def test_leaving_early_stops_the_tasks_still_running(runner, tmp_path):
    pids = tmp_path / "pids"
    pids.mkdir()
    tasks = [("fast", functools.partial(_double, 1))]
    tasks += [(n, functools.partial(_sleep_noted, str(pids), n)) for n in range(2)]
    running = runner(tasks, jobs=3)
    assert next(running)[1].value == 2
    while len(list(pids.iterdir())) < 2:  # both sleepers are running
        time.sleep(0.01)
    running.close()
    for pid in (int(p.name) for p in pids.iterdir()):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def _pid() -> int:
    return os.getpid()


def _allocate_mb(megabytes: int) -> int:
    return len(bytearray(megabytes << 20))


def _unpicklable_value() -> object:
    return lambda: None


@pytest.mark.parametrize(
    ("tasks_per_worker", "workers"),
    [(200, 1), (2, 3)],  # five tasks: one worker for all, or a fresh one after every two
)
def test_a_kept_worker_runs_task_after_task_until_it_is_retired(tasks_per_worker: int, workers: int):
    out = list(run_in_workers([(n, _pid) for n in range(5)], jobs=1, tasks_per_worker=tasks_per_worker))
    assert all(outcome.ok for _, outcome in out)
    assert len({outcome.value for _, outcome in out}) == workers
    assert os.getpid() not in {outcome.value for _, outcome in out}


@pytest.mark.parametrize("fatal", [_segfault, _sleep, functools.partial(_allocate_mb, 1024)])
def test_a_task_that_ends_its_worker_costs_only_itself(fatal):
    tasks = [("before", _pid), ("fatal", fatal), ("after", _pid)]
    out = dict(run_in_workers(tasks, jobs=1, limits=TaskLimits(seconds=2, memory_mb=256)))
    assert out["before"].ok and out["after"].ok and not out["fatal"].ok
    assert out["before"].value != out["after"].value  # the worker that ran it was replaced


_HELD: list[bytearray] = []


def _hold_mb(megabytes: int) -> int:
    _HELD.append(bytearray(megabytes << 20))
    return len(_HELD)


def test_the_memory_cap_is_each_tasks_own():
    # Each task may add the whole cap to what its worker holds when it starts, whatever earlier tasks kept.
    tasks = [(n, functools.partial(_hold_mb, 150)) for n in range(3)] + [("over", functools.partial(_allocate_mb, 400))]
    out = dict(run_in_workers(tasks, jobs=1, limits=TaskLimits(memory_mb=256)))
    assert [out[n].value for n in range(3)] == [1, 2, 3]  # one worker, holding 450 MiB by the third
    assert out["over"].status == MEMORY


def test_what_cannot_travel_between_processes_is_an_error_naming_why():
    tasks = [("task", lambda: 1), ("value", _unpicklable_value), ("ok", functools.partial(_double, 4))]
    out = dict(run_in_workers(tasks, jobs=2))
    assert out["task"].status == ERROR and out["task"].detail.startswith("the task could not be sent to a worker")
    assert out["value"].status == ERROR and out["value"].detail.startswith("the result could not be sent back")
    assert out["ok"].value == 8


# --- YAML expansion and excerpts ------------------------------------------------------------------


def _laughs(levels: int, width: int = 9) -> str:
    text = "a0: &a0 [" + ", ".join(["x"] * width) + "]\n"
    return text + "".join(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * width)}]\n" for n in range(1, levels))


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("a: [" + ", ".join(["x"] * (MAX_EXPANDED_NODES + 10)) + "]\n", False),  # big, but written out
        (_laughs(4), False),  # 9^4 values: within the limit
        (_laughs(9), True),  # 9^9
        ("a: &a [*a]\n", True),  # a value holding itself
        ("base: &b {x: 1}\nuse: {<<: *b, y: 2}\n", False),  # a merge key, as a person writes one
    ],
)
def test_aliases_may_not_expand_past_the_limit(text: str, refused: bool):
    if refused:
        with pytest.raises(yaml.YAMLError) as caught:
            load_yaml(text)
        assert caught.value.problem_mark is not None
    else:
        assert load_yaml(text)


def test_excerpts_and_messages_stay_short():
    assert excerpt("short") == "'short'"
    assert len(excerpt("x" * 1_000_000)) < 80
    assert len(excerpt([[["deep"] * 100] * 100] * 100)) < 100
    assert len(format_problem("a.md", 3, "y" * 10_000)) < 2100
    assert len(str(Problem("a.md", 0, "z" * 10_000))) < 2100


# --- the Markdown engine's depth guard ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "native"),
    [
        ("> quoted\n\n- a\n  - b\n", True),
        (">" * (markdown_html.MAX_NESTING // 2 - 2) + " x", True),  # 49 characters that could nest
        (">" * (markdown_html.MAX_NESTING // 2) + " x", False),
        ("text\n\n" + "- " * 60 + "x", False),
        ("\t" * 50 + "x", False),
    ],
)
def test_bodies_that_could_nest_deep_never_reach_the_native_engine(body: str, native: bool, monkeypatch):
    used = []
    real = markdown_html._RS
    monkeypatch.setattr(
        markdown_html,
        "_RS",
        type("Spy", (), {"render": lambda self, *a, **k: used.append(1) or real.render(*a, **k)})(),
    )
    markdown_html.to_html(body)
    assert bool(used) == native


def test_a_line_of_a_hundred_thousand_quotes_renders_a_hundred_deep():
    html = markdown_html.to_html(">" * 100_000)
    assert html.count("<blockquote>") == markdown_html.MAX_NESTING


# --- readers' limits --------------------------------------------------------------------------------


def test_long_lines_are_cut_at_a_space_and_nothing_is_lost():
    text = " ".join(["word"] * 30)  # 149 characters
    paper = read_paper(text.encode(), "p.txt", ReadLimits(line_chars=40))
    assert all(len(line.text) <= 40 for line in paper.lines)
    assert " ".join(line.text for line in paper.lines) == text
    assert {line.number for line in paper.lines} == {1}
    (warning,) = paper.problems
    assert warning.severity == "warning" and "(limit max_line_chars: 40)" in warning.message


def test_nesting_past_the_limit_refuses_a_page_and_at_the_limit_reads_it():
    limits = ReadLimits(nesting=10)
    within = HtmlReader().read(("<div>" * 9 + "Minutes" + "</div>" * 9).encode(), "p.html", limits)
    past = HtmlReader().read(("<div>" * 11 + "Minutes" + "</div>" * 11).encode(), "p.html", limits)
    assert [line.text for line in within.lines if line.text] == ["Minutes"] and not within.problems
    assert not past.lines and "(limit max_nesting: 10)" in past.problems[0].message


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("parts", "limit"),
    [
        ({"word/document.xml": b" " * 3_000_000}, "limit max_unpacked_mb: 2 MB"),
        ({"word/document.xml": b" " * 1_500_000}, "limit: a part may unpack to 100 times"),
    ],
)
def test_word_documents_are_measured_before_they_are_unpacked(parts: dict[str, bytes], limit: str):
    paper = DocxReader().read(_zip(parts), "p.docx", ReadLimits(unpacked_mb=2))
    assert not paper.lines and limit in paper.problems[0].message


# --- repeated lines as running headers -------------------------------------------------------------


def _lines(texts: list[tuple[str, str]]) -> list[Line]:
    return [
        Line(number=n, source=text, text="" if why else text, artefact=why) for n, (text, why) in enumerate(texts, 1)
    ]


def test_repeated_lines_past_the_share_are_kept_as_text_longest_first():
    resolution = "RESOLVED: that the report be received and every one of its recommendations approved in full."
    header = "CABINET - 12/03/2024"
    text = "Minutes of the meeting, recorded for the public by the clerk to the council today."
    lines = _lines([(header, "running header"), (resolution, "running header"), (text, "")] * 40)
    out = furniture_share(lines)
    kept = {line.source for line in out if line.kept_as_text}
    assert kept == {resolution}  # the long repeated line is back; the short header still goes
    assert all(line.artefact == "running header" for line in out if line.source == header)
    assert "80 lines repeat" in furniture_warning(out) and f"{MAX_FURNITURE_SHARE:.0%}" in furniture_warning(out)


def test_headers_within_the_share_go_without_a_word():
    text = "A long paragraph of the minutes, as long as any paragraph a council prints in its minutes. " * 3
    lines = _lines([("CABINET - 12/03/2024", "running header"), (text, "")] * 40)
    assert furniture_share(lines) == lines
    assert furniture_warning(lines) == ""


def test_paper_text_lines_keep_their_hints_when_cut():
    paper = PaperText(lines=(SourceLine(text="a " * 30, number=7, page=3, bold=True),), format="text")
    from minutes.papers.readers import cut_long_lines

    cut = cut_long_lines(paper, "p.txt", 20)
    assert len(cut.lines) > 1 and {(line.number, line.page, line.bold) for line in cut.lines} == {(7, 3, True)}
    assert text_lines("a\nb\n")[1].number == 2
