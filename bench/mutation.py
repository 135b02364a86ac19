"""Mutation testing of the modules where a silent bug does most harm, against their own tests.

    python bench/mutation.py [--jobs N] [--fresh]

Runs mutmut over the modules of MODULES (escaping and the templates' data, links
and citations, publishing, the cache and the lock, reserved paths, the record
mapping, dates), each mutant against the tests of TESTS that run its function.
mutmut needs the package in `src/`, so a work folder (`.mutation/`, kept between
runs so an unchanged function is not tried again; `--fresh` starts over) holds a
copy laid out that way: `src/minutes` with its themes inside it, and the tests
and data the tests read. The last line printed is

    killed K of N mutants (P %)

where a mutant counts as killed when a test failed or timed out with it, and every
other mutant (survived, or run by no test) counts against the figure. The
survivors are listed above that line; docs/testing.md says why each one left is
equivalent to the code.

Why mutmut and not cosmic-ray: mutmut 3 runs each mutant by forking a pytest
that has already imported the package and collected the tests, and only the tests
that called the mutated function, so ~1,500 mutants take minutes on two cores;
cosmic-ray starts the whole test command afresh for every mutant.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / ".mutation"

MODULES = (
    "pages/render.py",  # escaping of script data, the templates' view of the site
    "site/links.py",  # citations resolved into links
    "site/items.py",  # item anchors, minute aliases
    "publish/atomic.py",  # staging, the atomic swap
    "publish/cache.py",  # what the output holds, the record cache
    "publish/lock.py",  # one build at a time
    "core/reserved.py",  # names kept clear of the site's folders
    "records/record.py",  # front-matter <-> record
    "papers/dates.py",  # dates as papers print them
)
TESTS = (
    "tests/test_escaping.py",
    "tests/test_citations.py",
    "tests/test_items.py",
    "tests/test_reserved.py",
    "tests/test_publish_units.py",
    "tests/test_frontmatter.py",
    "tests/test_records.py",
    "tests/papers/test_dates.py",
)
COPIED = ("tests", "content", "docs", "bench", "site.yaml")


def lay_out(fresh: bool) -> None:
    """The work folder: the package as src/minutes (themes inside), tests and data beside it."""
    if fresh and WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(exist_ok=True)
    source = WORK / "src" / "minutes"
    if source.exists():
        shutil.rmtree(source)
    shutil.copytree(REPO / "generator" / "minutes", source, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "themes", source / "themes", ignore=shutil.ignore_patterns("__pycache__"))
    for name in COPIED:
        target = WORK / name
        if target.is_dir():
            shutil.rmtree(target)
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target, ignore=shutil.ignore_patterns("__pycache__", "pdfs"))
        else:
            shutil.copy2(REPO / name, target)
    only = ", ".join(f'"src/minutes/{m}"' for m in MODULES)
    tests = ", ".join(f'"{t}"' for t in TESTS)
    (WORK / "pyproject.toml").write_text(
        f"""[tool.mutmut]
source_paths = ["src"]
only_mutate = [{only}]
also_copy = ["tests", "content", "docs", "bench", "site.yaml", "src/minutes/themes"]
pytest_add_cli_args = ["-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:randomly", "-q"]
pytest_add_cli_args_test_selection = [{tests}]

[tool.pytest.ini_options]
testpaths = ["tests"]
markers = ["browser: drives a real Chromium through Playwright"]
""",
        encoding="utf-8",
    )


def statuses() -> Counter:
    """Each mutant's outcome, from the .meta files mutmut keeps beside each mutated module."""
    os.chdir(WORK)  # mutmut reads its settings from the working folder when its modules load
    from mutmut.stats import status_by_exit_code

    outcome: Counter = Counter()
    survivors = []
    for meta in sorted((WORK / "mutants" / "src").rglob("*.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in sorted(data.get("exit_code_by_key", {}).items()):
            status = status_by_exit_code[code]
            # A test that failed, crashed pytest, or ran out of time with the mutant: caught.
            kind = "killed" if status in ("killed", "timeout", "segfault") else status
            outcome[kind] += 1
            if kind != "killed":
                survivors.append(f"{kind:12} {name}")
    for line in survivors:
        print(line)
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="mutants run at once")
    parser.add_argument("--fresh", action="store_true", help="forget earlier results and try every mutant")
    args = parser.parse_args(argv)
    lay_out(args.fresh)
    mutmut = Path(sys.executable).with_name("mutmut")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    ran = subprocess.run([str(mutmut), "run", "--max-children", str(args.jobs)], cwd=WORK, env=env)
    outcome = statuses()
    total = sum(outcome.values())
    killed = outcome["killed"]
    print(", ".join(f"{k} {v}" for k, v in sorted(outcome.items())))
    print(f"killed {killed} of {total} mutants ({100 * killed / max(1, total):.1f} %)")
    return ran.returncode


if __name__ == "__main__":
    sys.exit(main())
