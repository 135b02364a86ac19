"""Build speed and memory on a generated archive.

Makes a site of N meetings by re-dating the demo site's converted records
(every document of every sample, spread over committees and years), then
times load + render (no conversion, no search index) and records peak memory.
Prints medians over repeated runs; run with a different N to see how the
build scales:

    python bench/build_bench.py --meetings 2000 --runs 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "generator"))

from minutes.build import build  # noqa: E402
from minutes.core.config import load_config  # noqa: E402
from minutes.records import frontmatter  # noqa: E402


def make_archive(root: Path, meetings: int) -> None:
    """Copy the demo records `meetings` times over, each copy a new committee and date."""
    source = REPO / "content" / "meetings"
    folders = sorted(p for p in source.glob("*/*") if p.is_dir())
    (root / "content" / "meetings").mkdir(parents=True)
    (root / "site.yaml").write_text("title: Benchmark\n", encoding="utf-8")
    start = dt.date(2000, 1, 3)
    for n in range(meetings):
        folder = folders[n % len(folders)]
        committee = f"{folder.parent.name}-{n % 40}"
        date = start + dt.timedelta(days=7 * (n // 40) + n % 7)
        target = root / "content" / "meetings" / committee / date.isoformat()
        target.mkdir(parents=True, exist_ok=True)
        for doc in sorted(folder.glob("*.md")):
            parts = frontmatter.split(doc.read_text(encoding="utf-8"))
            data = dict(parts.data, date=date.isoformat(), committee=f"{parts.data['committee']} {n % 40}")
            if "source" in data:
                # Each copy comes from its own pack, as every real meeting does; copies sharing one
                # paper would tie every copy's agenda to every other copy's minutes.
                paper = Path(data["source"]["paper"])
                data["source"] = dict(data["source"], paper=str(paper.with_name(f"{paper.stem}-{n}{paper.suffix}")))
            (target / doc.name).write_text(frontmatter.join(data, parts.body), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_archive(root, args.meetings)
        config = load_config(root)
        timings, pages = [], 0
        for _ in range(args.runs):
            shutil.rmtree(root / "output", ignore_errors=True)
            started = time.perf_counter()
            result = build(config, search=False, convert=False)
            timings.append(time.perf_counter() - started)
            pages = result.pages
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    median = statistics.median(timings)
    print(f"meetings: {args.meetings}  pages: {pages}  runs: {args.runs}")
    print(f"build (load + render + outputs): median {median:.2f}s, {1000 * median / max(pages, 1):.2f} ms/page")
    print(f"peak memory (max RSS): {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
