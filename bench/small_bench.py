"""Small sites: a cold build of about 1,000 pages against Hugo, and of the demo site, against the previous version.

Most councils' sites are this size or smaller, where a build's fixed costs
(start-up, imports, templates, a pool) weigh most. Each run builds, in turn
and in a rotating order, the ~1,000-page archive with this version, the
previous version and Hugo (the same Markdown, see scale_bench.hugo_site),
then the demo site (this repository's `content/`) with both versions. On a
shared machine only figures taken in turn like this compare; the report is
medians and their ratios.

    python bench/small_bench.py --runs 3 [--baseline REV]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "generator"))
sys.path.insert(0, str(REPO / "bench"))

import revision as revision_tree  # noqa: E402
from scale_bench import CODE, archive, hugo_site, run  # noqa: E402


def environment(code: Path) -> dict[str, str]:
    """As a user runs it: the package from `code`, compiled once (an installed package has its .pyc files)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(env, PYTHONPATH=str(code))


def own_themes(code: Path) -> None:
    """Make `code`'s package read the templates of its own tree.

    The package ships the repository's themes/ as `minutes.themes`. An editable install maps that name to
    the checkout it was installed from, so a version run from another tree (the previous one, exported
    here) would render with the installed checkout's templates. In an exported tree a link
    `minutes/themes` to the tree's own themes/ is found first. This checkout is never changed (a copy
    of its package is what some tests make): where its package would read another checkout's
    templates, the benchmark says so.
    """
    link, themes = code / "minutes" / "themes", code.parent / "themes"
    if code != CODE:
        if themes.is_dir() and not link.exists():
            link.symlink_to(Path("..", "..", "themes"))
        return
    found = subprocess.run(
        [sys.executable, "-c", "import importlib.resources as r; print(r.files('minutes.themes'))"],
        env=dict(os.environ, PYTHONPATH=str(code)),
        capture_output=True,
        text=True,
    ).stdout.strip()
    if found and Path(found).resolve() != themes.resolve():
        print(f"warning: this checkout's package reads its templates from {found}, not {themes}", flush=True)


def timed(command: list[str], **how) -> tuple[float, float]:
    """Seconds, and CPU seconds of the command and every process it waited for (its pool, Pagefind)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, _ = run(command, **how)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def minutes_cold(site: Path, code: Path, *, search: bool) -> tuple[float, float]:
    shutil.rmtree(site / "output", ignore_errors=True)
    shutil.rmtree(site / ".minutes-cache", ignore_errors=True)
    command = [sys.executable, "-m", "minutes", "build", "--site", str(site), "--no-cache"]
    return timed(command + ([] if search else ["--no-search"]), env=environment(code), cwd=code)


def hugo_cold(site: Path) -> tuple[float, float]:
    hugo = shutil.which("hugo")
    if hugo is None:
        raise SystemExit("Hugo is not installed: run `make bench-setup` (Debian's hugo package)")
    shutil.rmtree(site / "public", ignore_errors=True)
    return timed([hugo, "--quiet", "--source", str(site), "--destination", str(site / "public")])


def demo_site(target: Path) -> Path:
    """A copy of the demo: its records, papers (already converted) and pages, with its settings."""
    if not (target / "site.yaml").exists():
        shutil.copytree(REPO / "content", target / "content")
        shutil.copy(REPO / "site.yaml", target / "site.yaml")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=420, help="meetings of the small archive (~1,000 pages)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", default="", help="git revision of the previous version (default: main)")
    parser.add_argument("--work", type=Path, help="keep the sites here (default: a temporary folder)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="minutes-small-"))
    work.mkdir(parents=True, exist_ok=True)
    revision = args.baseline or "main"
    commit = subprocess.run(
        ["git", "rev-parse", "--short=12", revision], cwd=REPO, text=True, capture_output=True, check=True
    ).stdout.strip()
    old = revision_tree.export(commit, work / f"baseline-{commit}")
    small = archive(work / "small", args.meetings)
    # A copy of the demo for each version: a build may write the converter's manifest, each version its own.
    demos = {"new": demo_site(work / "demo-new"), "old": demo_site(work / "demo-old")}
    hugo_pages, _ = hugo_site(small, work / "hugo-small")
    codes = {"new": CODE, "old": old}
    for version, code in codes.items():  # compile each version's modules once, as installing does
        own_themes(code)
        minutes_cold(demos[version], code, search=False)
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    cases = [
        ("small new", lambda: minutes_cold(small, codes["new"], search=False)),
        ("small old", lambda: minutes_cold(small, codes["old"], search=False)),
        ("small hugo", lambda: hugo_cold(work / "hugo-small")),
        ("demo new", lambda: minutes_cold(demos["new"], codes["new"], search=True)),
        ("demo old", lambda: minutes_cold(demos["old"], codes["old"], search=True)),
    ]
    for n in range(args.runs):
        # Each run starts with a different case, so no case always runs just after the same neighbour.
        for name, once in cases[n % len(cases) :] + cases[: n % len(cases)]:
            seconds, cpu_seconds = once()
            times.setdefault(name, []).append(seconds)
            cpu.setdefault(name, []).append(cpu_seconds)
            print(f"  run {n + 1}: {name} {seconds:.2f} s, {cpu_seconds:.2f} s of CPU", flush=True)
    medians = {name: statistics.median(values) for name, values in times.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    pages = sum(1 for _ in (small / "output").rglob("index.html"))
    results = {
        "baseline": commit,
        "runs": args.runs,
        "pages": pages,
        "hugo_pages": hugo_pages,
        "load": os.getloadavg(),
        "times": times,
        "cpu": cpu,
        "medians": medians,
        "cpu_medians": cpu_medians,
    }
    out = REPO / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"small-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"{pages} pages ({hugo_pages} Hugo pages); medians of {args.runs} runs, taken in turn; baseline {commit}")
    print("| cold build | this version | previous version | Hugo |")
    print("|---|---|---|---|")
    for what, m in (("time", medians), ("CPU", cpu_medians)):
        print(
            f"| ~1,000 pages, no search: {what} | {m['small new']:.2f} s ({m['small new'] / m['small hugo']:.2f}× Hugo)"
            f" | {m['small old']:.2f} s ({m['small old'] / m['small hugo']:.2f}× Hugo) | {m['small hugo']:.2f} s |"
        )
    for what, m in (("time", medians), ("CPU", cpu_medians)):
        print(
            f"| the demo, with search: {what} | {m['demo new']:.2f} s | {m['demo old']:.2f} s"
            f" ({m['demo old'] / m['demo new']:.2f}× the time now) | |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
