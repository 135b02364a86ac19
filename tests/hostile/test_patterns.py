"""Every regular expression the converter runs on paper text, tried on text made to make it backtrack.

Papers come from strangers, and a pattern with nested or adjacent unbounded
repetition (`[\\w ]+\\s+council`, `\\s*(?:…)?\\s*`) can take minutes, or years,
on a line built for it: a 36 KB paper once took two minutes in the running
header pattern. So every pattern of the `minutes.papers` package is found,
whether compiled at module level (in a constant, a table or a class) or written
in place in a call like `re.search(r"…", text)`, and run over long runs of one
character, wide lines, nested list markers and repeated words, 100,000
characters each. It must get through all of them in a few seconds; a pattern
that does not is killed with its process and named with its file and line.

The limit is not a benchmark: a pattern is named when its time grows faster
than its text (the time on an input twice as long, for each input it spends a
tenth of a second on), or when it runs past a bound no linear pattern comes
near. Time is counted in CPU seconds, so a machine busy with other work does
not fail a pattern, and by growth, so a slower machine does not either.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import pkgutil
import re
import select
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

SECONDS_PER_PATTERN = 20.0
"""CPU seconds for all the inputs together: a pattern slower than this is too slow whatever its growth. The
slowest linear patterns (a long alternation of month names tried at every character) take a few seconds."""
GROWTH_MEASURED_FROM = 0.1
"""CPU seconds on one input from which a pattern's growth is measured on an input twice as long."""
MOST_GROWTH = 3.0
"""A pattern whose time grows more than this when its input doubles backtracks: a linear one doubles, one
that tries the rest of the text from each place it starts (`\\s+\\(.*\\)$` on a line of many brackets)
quadruples. Measured by growth, not by a time alone, so a slower machine fails no linear pattern and passes
no backtracking one."""
HANG_SECONDS = 60.0
"""CPU seconds after which a pattern's process is killed: this only ends a pattern that would run for
minutes or forever. Counted in the process's CPU time, not by the clock, so a busy machine (where a
start-up of a few CPU seconds can take a minute) never ends one early."""
N = 100_000


def adversarial_inputs(n: int = N) -> list[str]:
    """Text shaped to make patterns backtrack: each about `n` characters."""
    runs = [ch * n for ch in "Aa1 \t.-*#>(:,'|"]
    return [
        *runs,
        "x" + " " * n + "x",
        "WORD " * (n // 5),
        "word " * (n // 5),
        "Word " * (n // 5),
        "A " * (n // 2),
        "A." * (n // 2),
        "- " * (n // 2),
        "1. " * (n // 3),
        "> " * (n // 2),
        "(a) " * (n // 4),
        "  - x\n" * (n // 6),
        ("AAAA BBBB " * 20 + "\n") * (n // 201),
        "1.1." * (n // 4),
        "**" * (n // 2),
        "Mr A. Smith, " * (n // 13),
        "Cllr " * (n // 5),
        "12/12/12 " * (n // 9),
        "a, " * (n // 3),
        "a - " * (n // 4),
        "\t" + "a\t" * (n // 2),
    ]


@dataclass(frozen=True, slots=True)
class Found:
    pattern: re.Pattern
    where: str
    """module:line for a pattern written in a call, module.NAME for one kept in a constant."""


def papers_modules() -> list:
    import minutes.papers as package

    names = [package.__name__] + [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    return [importlib.import_module(name) for name in sorted(names)]


def collect_patterns() -> list[Found]:
    """Every compiled pattern in a module, class or table of `minutes.papers`, and every literal
    pattern handed to a function of `re` in its source; each (pattern, flags) once."""
    found: dict[tuple, Found] = {}

    def walk(value, where: str, depth: int = 0) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault((value.pattern, value.flags), Found(value, where))
        elif depth < 4 and isinstance(value, dict):
            for key, item in value.items():
                walk(key, where, depth + 1)
                walk(item, where, depth + 1)
        elif depth < 4 and isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item, where, depth + 1)

    for module in papers_modules():
        short = module.__name__.removeprefix("minutes.")
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                for attr, item in vars(value).items():
                    walk(item, f"{short}.{name}.{attr}")
            else:
                walk(value, f"{short}.{name}")
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            pattern = _literal_pattern(node)
            if pattern is not None:
                found.setdefault((pattern.pattern, pattern.flags), Found(pattern, f"{short}:{node.lineno}"))
    return sorted(found.values(), key=lambda f: f.where)


_FLAGS_AT = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2, "split": 3}
_FLAGS_AT |= {"sub": 4, "subn": 4}


def _literal_pattern(node: ast.AST) -> re.Pattern | None:
    """The pattern of a call `re.f("literal", …, flags)`, None for any other node."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re"
        and node.func.attr in _FLAGS_AT
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, (str, bytes))
    ):
        return None
    flags_node = next((k.value for k in node.keywords if k.arg == "flags"), None)
    if flags_node is None and len(node.args) > _FLAGS_AT[node.func.attr]:
        flags_node = node.args[_FLAGS_AT[node.func.attr]]
    flags = eval(compile(ast.Expression(flags_node), "<flags>", "eval"), {"re": re}) if flags_node else 0
    return re.compile(node.args[0].value, flags)


def _chosen(prefix: str) -> list[Found]:
    return [f for f in collect_patterns() if f.where.startswith(prefix)]


def _cpu_of(pattern: re.Pattern, text: str) -> float:
    """CPU seconds to find every match of `pattern` in `text`."""
    subject = text.encode() if isinstance(pattern.pattern, bytes) else text
    started = time.process_time()
    for _ in pattern.finditer(subject):
        pass
    return time.process_time() - started


def _growth(pattern: re.Pattern, small: str, large: str, tries: int = 5) -> float:
    """How much longer the pattern takes on `large` (twice `small`) than on `small`: about 2 for a linear
    pattern, 4 for one that backtracks over the whole text from each place it starts. A moment's load on the
    machine only ever makes one timing longer than the other, so the least of up to `tries` measurements is
    taken, and one at or under `MOST_GROWTH` ends the trying: only a pattern that grows too fast every time
    is named."""
    least = float("inf")
    for _ in range(tries):
        least = min(least, _cpu_of(pattern, large) / max(_cpu_of(pattern, small), 1e-9))
        if least <= MOST_GROWTH:
            break
    return least


def _run_worker(start: int, prefix: str) -> None:
    """In the child: each pattern from `start` over every input, one line out per pattern done: its CPU
    seconds over all the inputs, and its growth on the inputs it spent long enough on to measure it."""
    patterns = _chosen(prefix)
    inputs = adversarial_inputs()
    doubled: list[str] = []
    print("ready", len(patterns), flush=True)
    for n in range(start, len(patterns)):
        pattern = patterns[n].pattern
        spent = [_cpu_of(pattern, text) for text in inputs]
        growth = 0.0
        for k, seconds in enumerate(spent):
            if seconds >= GROWTH_MEASURED_FROM:
                doubled = doubled or adversarial_inputs(2 * N)
                growth = max(growth, _growth(pattern, inputs[k], doubled[k]))
        print("done", n, sum(spent), growth, flush=True)


def cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) a running process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class _Lines:
    """Lines from a process's output, each waited for until the process has spent a given CPU time on it
    (a buffered reader would hide lines from select)."""

    def __init__(self, fd: int, pid: int):
        self.fd = fd
        self.pid = pid
        self.buffer = b""

    def next(self, cpu_limit: float) -> str | None:
        """The next line; "" at the end of the output, None if the process spent `cpu_limit` CPU seconds
        without writing one."""
        spent = cpu_seconds(self.pid)
        while b"\n" not in self.buffer:
            if not select.select([self.fd], [], [], 0.2)[0]:
                try:
                    if cpu_seconds(self.pid) - spent > cpu_limit:
                        return None
                except (FileNotFoundError, ProcessLookupError):
                    pass  # ended: its output ends too, read next
                continue
            chunk = os.read(self.fd, 65536)
            if not chunk:
                return ""
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()


def slow_patterns(
    limit: float = SECONDS_PER_PATTERN, prefix: str = "", hang: float = HANG_SECONDS
) -> tuple[int, list[str]]:
    """How many patterns (of those found where `prefix` says) were tried, and each that took more than
    `limit` CPU seconds (one still running after `hang` CPU seconds is killed with its process, and the next
    pattern tried in a new one)."""
    patterns = _chosen(prefix)
    slow: list[str] = []
    start = 0
    while start < len(patterns):
        child = subprocess.Popen(
            [sys.executable, __file__, str(start), prefix], stdout=subprocess.PIPE, cwd=REPO / "tests"
        )
        assert child.stdout is not None
        lines = _Lines(child.stdout.fileno(), child.pid)
        try:
            ready = (lines.next(hang) or "").split()
            assert ready[:1] == ["ready"] and int(ready[1]) == len(patterns), ready
            current = start
            while current < len(patterns):
                found = patterns[current]
                line = lines.next(hang)
                if line is None:
                    slow.append(f"{found.where}: {found.pattern.pattern!r}")
                    break
                done = line.split()
                assert done[:2] == ["done", str(current)], f"the pattern worker stopped: {done!r}"
                if float(done[2]) > limit or float(done[3]) > MOST_GROWTH:
                    slow.append(f"{found.where}: {found.pattern.pattern!r}")
                current += 1
            start = current + 1
        finally:
            child.kill()
            child.wait()
    return len(patterns), slow


def test_the_sweep_finds_patterns_of_every_kind():
    """Constants, tables, class attributes and patterns written in calls are all found."""
    where = [f.where for f in collect_patterns()]
    assert len(where) > 300
    assert "papers.clean._RUNNING_HEADER" in where  # a module constant
    assert any(w.startswith("papers.clean._MIRROR") for w in where)  # a table of patterns
    assert any(re.fullmatch(r"papers\.[\w.]+:\d+", w) for w in where)  # written in place in a call


def test_a_backtracking_pattern_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The sweep itself: a pattern known to backtrack, planted in a copy of a module, is named."""
    import minutes.papers.clean as clean

    monkeypatch.setattr(clean, "_PLANTED", re.compile(r"(?:\s*x?)*\s*;"), raising=False)
    # The worker imports the package afresh, so the plant goes in through a module it imports.
    plant = tmp_path / "sitecustomize.py"
    plant.write_text(
        "import re, minutes.papers.clean as c\nc._PLANTED = re.compile(r'(?:\\s*x?)*\\s*;')\n", encoding="utf-8"
    )
    monkeypatch.setenv("PYTHONPATH", f"{tmp_path}:{REPO / 'generator'}")
    tried, slow = slow_patterns(limit=2.0, prefix="papers.clean", hang=15.0)
    assert slow == ["papers.clean._PLANTED: '(?:\\\\s*x?)*\\\\s*;'"]
    assert tried == len(_chosen("papers.clean")) > 20


def test_a_pattern_that_grows_with_the_square_of_its_text_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A pattern quick enough at the inputs' length but retrying the rest of the line from each place it
    starts (seconds here, minutes on a longer line) is named by its growth, whatever the machine's speed."""
    import minutes.papers.clean as clean

    monkeypatch.setattr(clean, "_PLANTED", re.compile(r"(?<!\s)\s+\(.*\)$"), raising=False)
    plant = tmp_path / "sitecustomize.py"
    plant.write_text(
        "import re, minutes.papers.clean as c\nc._PLANTED = re.compile(r'(?<!\\s)\\s+\\(.*\\)$')\n", encoding="utf-8"
    )
    monkeypatch.setenv("PYTHONPATH", f"{tmp_path}:{REPO / 'generator'}")
    tried, slow = slow_patterns(prefix="papers.clean", hang=30.0)
    assert slow == ["papers.clean._PLANTED: '(?<!\\\\s)\\\\s+\\\\(.*\\\\)$'"]
    assert tried == len(_chosen("papers.clean")) > 20


def test_no_pattern_backtracks_on_adversarial_text():
    tried, slow = slow_patterns()
    assert tried > 300
    assert not slow, f"{len(slow)} of {tried} patterns backtrack on adversarial text:\n" + "\n".join(slow)


if __name__ == "__main__":
    _run_worker(int(sys.argv[1]), sys.argv[2])
