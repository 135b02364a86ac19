"""The scale benchmark: a council's whole archive, against its targets, Hugo and the previous version.

Generates an archive of N meetings (build_bench.make_archive; 4,100 meetings
make about 10,000 pages), then measures, as medians of repeated runs:

1. cold build, no search, no cache: time and peak memory (PSS of every process);
2. warm build, nothing changed, cache kept;
3. an edit in `serve`: one meeting's body edited -> the served page shows it,
   at the small archive and the large one;
4. search fresh after an edit: the edited word found in Chromium through the
   merged shards, and what the first query downloads;
5. full build with search: time and peak memory.

Hugo builds the same Markdown (one page per minutes page, same text) with a
minimal theme; the previous version of minutes (a git revision) builds the
same archive. Install Hugo first with `make bench-setup`.

    python bench/scale_bench.py --meetings 4100 --small 420 --runs 3
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "generator"))
sys.path.insert(0, str(REPO / "bench"))
CODE = REPO / "generator"
"""Where the package of this version lives (what `python -m minutes` runs)."""

import revision as revision_tree  # noqa: E402
from build_bench import make_archive  # noqa: E402
from minutes.records import frontmatter  # noqa: E402
from minutes.serve.event_stream import read_events  # noqa: E402

TARGETS = {
    "cold": "≤ 1.5× Hugo, ≤ 1 GiB",
    "warm": "≤ 0.3× cold",
    "edit": "≤ 300 ms, flat from small to large",
    "search": "≤ 5 s; first query ≤ 300 kB",
    "full": "≤ 2× Hugo, ≤ 2 GiB",
}


# --- measuring ------------------------------------------------------------------------


def tree_pss_kib(pid: int) -> int:
    """Proportional set size of a process and all its descendants: shared pages counted once."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            with open(f"/proc/{current}/smaps_rollup") as handle:
                total += next(int(line.split()[1]) for line in handle if line.startswith("Pss:"))
        except (OSError, StopIteration):
            pass
    return total


def run(command: list[str], *, cwd: Path | None = None, env: dict | None = None) -> tuple[float, float]:
    """Seconds and peak memory (MiB, all processes) of a command; fails loudly."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    sampler_stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not sampler_stop.is_set():
            peak = max(peak, tree_pss_kib(process.pid))
            sampler_stop.wait(0.1)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - started
    sampler_stop.set()
    thread.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err[-2000:]}")
    return seconds, peak / 1024


def median_of(runs: int, once) -> tuple[float, float]:
    results = [once() for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_until(predicate, seconds: float, step: float = 0.005) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if predicate():
            return time.perf_counter() - started
        time.sleep(step)
    raise SystemExit(f"timed out after {seconds}s")


# --- the sites ------------------------------------------------------------------------


def archive(root: Path, meetings: int) -> Path:
    if not (root / "site.yaml").exists():
        make_archive(root, meetings)
    return root


def pages_of(output: Path) -> int:
    return sum(1 for _ in output.rglob("index.html"))


def hugo_site(source: Path, target: Path) -> tuple[int, float]:
    """The same Markdown as a Hugo site: a meeting page (agenda and minutes) and a page per report."""
    if (target / "config.toml").exists():
        return _hugo_counts(target)
    layouts = target / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (target / "config.toml").write_text(
        'baseURL = "http://example.org/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term"]\n', encoding="utf-8"
    )
    (layouts / "baseof.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>'
        '<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>'
        '<main>{{ block "main" . }}{{ end }}</main></body></html>\n',
        encoding="utf-8",
    )
    (layouts / "single.html").write_text(
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n', encoding="utf-8"
    )
    (layouts / "list.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
        "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
        encoding="utf-8",
    )
    for folder in sorted(p for p in (source / "content" / "meetings").glob("*/*") if p.is_dir()):
        docs = {p.stem: frontmatter.split(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.md"))}
        committee, key = folder.parent.name, folder.name
        out = target / "content" / committee
        out.mkdir(parents=True, exist_ok=True)
        meeting = "\n\n".join(d.body for d in docs.values() if d.data["kind"] in ("agenda", "minutes"))
        pages = [(key, f"{committee} {key}", meeting)]
        pages += [
            (f"{key}-{name}", str(d.data.get("title") or name), d.body)
            for name, d in docs.items()
            if d.data["kind"] not in ("agenda", "minutes")
        ]
        for slug, title, body in pages:
            data = {"title": title, "date": key if key[:1].isdigit() else "2000-01-01"}
            (out / f"{slug}.md").write_text(frontmatter.join(data, body), encoding="utf-8")
    return _hugo_counts(target)


def _hugo_counts(target: Path) -> tuple[int, float]:
    files = list((target / "content").rglob("*.md"))
    size = sum(len(frontmatter.split(p.read_text(encoding="utf-8")).body.encode()) for p in files)
    return len(files), size / max(len(files), 1) / 1024


def baseline_tree(revision: str, into: Path) -> Path:
    """The previous version's source, as it was at `revision`: the folder holding its package."""
    return revision_tree.export(revision, into)


# --- the five figures -----------------------------------------------------------------


def minutes_command(*args: str, code: Path = CODE) -> tuple[list[str], dict]:
    """`python -m minutes` from the tree `code`: run there, since -m looks in the working folder first."""
    env = dict(os.environ, PYTHONPATH=str(code))
    return [sys.executable, "-m", "minutes", *args], env


def cold(root: Path, runs: int, *, search: bool, code: Path = CODE, new: bool = True) -> tuple[float, float]:
    def once():
        shutil.rmtree(root / "output", ignore_errors=True)
        shutil.rmtree(root / ".minutes-cache", ignore_errors=True)
        args = ["build", "--site", str(root)] + ([] if search else ["--no-search"]) + (["--no-cache"] if new else [])
        command, env = minutes_command(*args, code=code)
        return run(command, env=env, cwd=code)

    return median_of(runs, once)


def warm(root: Path, runs: int) -> tuple[float, float]:
    command, env = minutes_command("build", "--site", str(root), "--no-search")
    shutil.rmtree(root / "output", ignore_errors=True)
    run(command, env=env, cwd=REPO)  # a cold build that fills the cache
    return median_of(runs, lambda: run(command, env=env, cwd=REPO))


class Serve:
    """`minutes serve` on a free port, stopped by its process id."""

    def __init__(self, root: Path, *, search: bool, code: Path = CODE):
        self.port = free_port()
        args = ["serve", "--site", str(root), "--port", str(self.port)] + ([] if search else ["--no-search"])
        command, env = minutes_command(*args, code=code)
        self.log = open(root / "serve.log", "w")
        self.process = subprocess.Popen(command, env=env, cwd=code, stdout=self.log, stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{self.port}/"
        wait_until(lambda: fetch(self.base) != "", 1800, step=0.2)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def first_minutes(root: Path) -> tuple[Path, str]:
    """A meeting with minutes: the file to edit and its page's URL."""
    for path in sorted((root / "content" / "meetings").glob("*/*/minutes.md")):
        return path, f"{path.parent.parent.name}/{path.parent.name}/"
    raise SystemExit("no minutes in the archive")


def edit_in_serve(root: Path, runs: int, *, code: Path = CODE) -> float:
    """Median seconds from saving an edited body to the served page showing it."""
    server = Serve(root, search=False, code=code)
    path, url = first_minutes(root)
    original = path.read_text(encoding="utf-8")
    times = []
    try:
        time.sleep(1)
        for n in range(runs):
            word = f"quincunx{n}x{int(time.time())}"
            path.write_text(original + f"\nAn edit naming {word}.\n", encoding="utf-8")
            times.append(wait_until(lambda: word in fetch(server.base + url), 600))  # noqa: B023 (called at once)
            time.sleep(0.5)
    finally:
        path.write_text(original, encoding="utf-8")
        server.stop()
    return statistics.median(times)


class Events:
    """A served site's event stream (`/__minutes/events`), read on a thread: (name, data) as they come."""

    def __init__(self, base: str):
        import queue

        self.queue: queue.Queue[tuple[str, str]] = queue.Queue()
        self.response = urllib.request.urlopen(base + "__minutes/events", timeout=600)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            for event in read_events(self.response):
                self.queue.put(event)
        except (OSError, ValueError):
            return

    def next(self, seconds: float) -> tuple[str, str] | None:
        import queue

        try:
            return self.queue.get(timeout=seconds)
        except queue.Empty:
            return None


def found_in_search(page, base: str, word: str) -> bool:
    """Whether the search page, loaded afresh, finds `word`."""
    page.goto(f"{base}search/?q={word}")
    page.wait_for_function(
        "() => { const m = document.querySelector('.pagefind-ui__message');"
        " return m && m.innerText.trim() && !/Searching/i.test(m.innerText); }",
        timeout=600000,
    )
    found = page.locator(".pagefind-ui__result-link").count() > 0
    page.goto("about:blank")  # left, so the server's next event does not reload it during the next look
    return found


def search_fresh(
    root: Path, runs: int, *, code: Path = CODE, download: bool = True, poll: bool = False
) -> tuple[dict, dict]:
    """Seconds from saving an edit to Chromium finding its new word; the first query's download.

    This version tells open pages when the search index changed (a `search`
    event: the edited pages indexed alone, then their shard again), so the
    word is looked for after each such event. A version that sends none (the
    shard's re-index was its only way) is asked every quarter second (`poll`).
    Returns the medians: "found" (the word found), "told" (the server's
    first `search` event: the edited page indexed alone) and "settled" (the
    shard's re-index in place), the last two when the version says so.
    """
    from playwright.sync_api import sync_playwright

    server = Serve(root, search=True, code=code)
    path, _url = first_minutes(root)
    original = path.read_text(encoding="utf-8")
    found_times: list[float] = []
    settled_times: list[float] = []
    told_times: list[float] = []
    first: dict = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"], headless=True)
            if download:
                first = first_query_download(browser, server.base, "housing")
            page = browser.new_page()
            found_in_search(page, server.base, "housing")  # Pagefind's code cached, as in a reader's open tab
            for n in range(runs):
                events = Events(server.base)
                word = f"zymurgy{n}x{int(time.time())}"
                path.write_text(original + f"\nMembers discussed {word}.\n", encoding="utf-8")
                started = time.perf_counter()
                settled = told = None
                while True:
                    event = events.next(0.25 if poll else 600)
                    if event is None and not poll:
                        raise SystemExit("the server went quiet before the edited word was found")
                    if event and event[0] == "search" and told is None:
                        told = time.perf_counter() - started
                    if event and event[0] == "search" and json.loads(event[1])["edits"] == []:
                        settled = time.perf_counter() - started
                    if event and event[0] != "search":
                        continue  # a reload: the pages are written, the index is not yet
                    if found_in_search(page, server.base, word):
                        found_times.append(time.perf_counter() - started)
                        break
                    if time.perf_counter() - started > 600:
                        raise SystemExit("the edited word was never found")
                while not poll and settled is None:
                    event = events.next(600)
                    if event is None:
                        raise SystemExit("the shard's re-index never finished")
                    if event[0] == "search" and json.loads(event[1])["edits"] == []:
                        settled = time.perf_counter() - started
                if settled is not None:
                    settled_times.append(settled)
                if told is not None:
                    told_times.append(told)
                events.response.close()
                time.sleep(1)  # the next edit is a separate batch
            browser.close()
    finally:
        path.write_text(original, encoding="utf-8")
        server.stop()
    medians = {"found": statistics.median(found_times)}
    if settled_times:
        medians["settled"] = statistics.median(settled_times)
    if told_times:
        medians["told"] = statistics.median(told_times)
    return medians, first


def first_query_download(browser, base: str, word: str) -> dict:
    """Bytes a fresh browser downloads for the search page's first query: as sent, and if the host gzips.

    Pagefind's index files are gzipped by Pagefind itself; its code is not.
    """
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{base}search/?q={word}")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=60000)
    page.wait_for_load_state("networkidle")
    found = [(r.url, r.body()) for r in responses if "/pagefind/" in r.url and r.ok]
    context.close()
    is_code = [url.endswith((".js", ".css")) or "/wasm." in url for url, _ in found]
    index = [body for (url, body), code in zip(found, is_code, strict=False) if not code]
    code = [(url, body) for (url, body), code in zip(found, is_code, strict=False) if code]
    return {
        "requests": len(found),
        "index_kb": round(sum(map(len, index)) / 1000, 1),
        "code_kb": round(sum(len(b) for _, b in code) / 1000, 1),
        "code_gzip_kb": round(
            sum(len(b) if u.endswith(".pagefind") else len(gzip.compress(b)) for u, b in code) / 1000, 1
        ),
    }


MERGE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>merge</title></head><body><script type="module">
const bundles = JSON.parse(new URLSearchParams(location.search).get("b"));
const started = performance.now();
const pagefind = await import(bundles[0] + "pagefind.js");
await pagefind.options({bundlePath: bundles[0]});
for (const other of bundles.slice(1)) await pagefind.mergeIndex(other);
const search = await pagefind.search(new URLSearchParams(location.search).get("q"));
await Promise.all(search.results.slice(0, 5).map(r => r.data()));
const bytes = performance.getEntriesByType("resource").reduce((n, e) => n + e.encodedBodySize, 0);
document.title = JSON.stringify({ms: performance.now() - started, kb: bytes / 1000, results: search.results.length});
</script></body></html>
"""


def merge_cost(output: Path, word: str = "housing") -> dict:
    """What merging k shards costs one query in Chromium: time to five results, and bytes fetched."""
    import functools
    import http.server

    from playwright.sync_api import sync_playwright

    shards = sorted(p.name for p in (output / "pagefind").iterdir() if p.is_dir() and not p.name.startswith("."))
    (output / "merge-bench.html").write_text(MERGE_PAGE, encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

    handler = functools.partial(Quiet, directory=str(output))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    found = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"], headless=True)
            for k in sorted({1, 2, 4, 8, len(shards)} & set(range(1, len(shards) + 1))):
                bundles = json.dumps([f"/pagefind/{s}/" for s in shards[:k]])
                times = []
                for _ in range(3):
                    context = browser.new_context()
                    page = context.new_page()
                    responses = []
                    # The search runs in a web worker, whose fetches the page's own timing API does not list.
                    page.on("response", lambda response: responses.append(response))  # noqa: B023 (the list of this pass)
                    page.goto(f"{base}merge-bench.html?q={word}&b={urllib.request.quote(bundles)}")
                    page.wait_for_function("() => document.title.startsWith('{')", timeout=120000)
                    measured = json.loads(page.title())
                    measured["kb"] = sum(len(r.body()) for r in responses if "/pagefind/" in r.url and r.ok) / 1000
                    times.append(measured)
                    context.close()
                found[k] = {
                    "ms": round(statistics.median(t["ms"] for t in times)),
                    "kb": round(statistics.median(t["kb"] for t in times), 1),
                    "results": times[0]["results"],
                }
            browser.close()
    finally:
        httpd.shutdown()
        (output / "merge-bench.html").unlink()
    return found


def hugo_build(site: Path, runs: int) -> tuple[float, float]:
    hugo = shutil.which("hugo")
    if hugo is None:
        raise SystemExit("Hugo is not installed: run `make bench-setup` (Debian's hugo package)")

    def once():
        shutil.rmtree(site / "public", ignore_errors=True)
        return run([hugo, "--quiet", "--source", str(site), "--destination", str(site / "public")])

    return median_of(runs, once)


def hugo_edit(site: Path, runs: int) -> float:
    """Median seconds from saving a page to `hugo server` serving it."""
    port = free_port()
    log = open(site / "server.log", "w")
    process = subprocess.Popen(
        ["hugo", "server", "--source", str(site), "--port", str(port), "--disableLiveReload"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: fetch(base) != "", 1800, step=0.2)
        page = next(p for p in sorted((site / "content").glob("*/*.md")) if "-report" not in p.name)
        url = f"{page.parent.name}/{page.stem}/"
        original = page.read_text(encoding="utf-8")
        times = []
        for n in range(runs):
            word = f"quincunx{n}x{int(time.time())}"
            page.write_text(original + f"\nAn edit naming {word}.\n", encoding="utf-8")
            times.append(wait_until(lambda: word in fetch(base + url), 600))  # noqa: B023 (called at once)
            time.sleep(1)
        page.write_text(original, encoding="utf-8")
        return statistics.median(times)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


# --- the report -----------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=4100, help="meetings of the large archive (~10,000 pages)")
    parser.add_argument("--small", type=int, default=420, help="meetings of the small archive (~1,000 pages)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--baseline", default="", help="git revision of the previous version (default: main's merge base)"
    )
    parser.add_argument("--baseline-runs", type=int, default=1, help="runs of the previous version (it is slow)")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument(
        "--before",
        default="",
        help="git revision of a more recent earlier version (the one a change started from) whose full build"
        " with search is also measured, --runs times",
    )
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--work", type=Path, help="keep generated sites here (default: a temporary folder)")
    parser.add_argument(
        "--resume",
        action="store_true",
        help="keep the figures already measured in --work/results.json; measure the rest",
    )
    parser.add_argument(
        "--merge-only",
        action="store_true",
        help="only measure the shard merge in Chromium, on the large site already built in --work",
    )
    parser.add_argument(
        "--fresh-only",
        action="store_true",
        help="only measure figure 4 (an edit found by search in serve), this version and --baseline in turn,"
        " each on its own copy of the large archive",
    )
    args = parser.parse_args()
    if args.fresh_only:
        return fresh_only(args)
    if args.merge_only:
        print(json.dumps(merge_cost(args.work / "large" / "output"), indent=2))
        return 0

    work = args.work or Path(tempfile.mkdtemp(prefix="minutes-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    large, small = archive(work / "large", args.meetings), archive(work / "small", args.small)
    partial = work / "results.json"
    results: dict = {"meetings": args.meetings, "runs": args.runs, "cpus": os.cpu_count()}
    if args.resume and partial.exists():
        results.update(json.loads(partial.read_text(encoding="utf-8")))

    def note(name: str, value) -> None:
        results[name] = value
        partial.write_text(json.dumps(results, indent=2), encoding="utf-8")
        print(f"  {name}: {value}", flush=True)

    def stage(name: str, measure) -> None:
        if name not in results:
            note(name, measure())

    print(f"archives in {work}", flush=True)
    stage("cold", lambda: cold(large, args.runs, search=False))
    stage("pages", lambda: pages_of(large / "output"))
    stage("warm", lambda: warm(large, args.runs))
    stage("edit_small", lambda: edit_in_serve(small, args.runs))
    stage("edit_large", lambda: edit_in_serve(large, args.runs))
    if "search_fresh" not in results:
        search_seconds, download = search_fresh(large, args.runs)
        note("first_query", download)
        note("search_fresh", search_seconds)
    if not args.skip_baseline and "old_search_fresh" not in results:
        previous = baseline_tree(revision_tree.previous(args.baseline), work / "baseline-fresh")
        old_copy = work / "large-previous"
        if not old_copy.exists():
            shutil.copytree(large, old_copy, ignore=shutil.ignore_patterns("output", ".minutes-*", "serve.log"))
        note(
            "old_search_fresh", search_fresh(old_copy, args.baseline_runs, code=previous, download=False, poll=True)[0]
        )
    stage("full", lambda: cold(large, args.runs, search=True))
    stage("merge", lambda: merge_cost(large / "output"))
    if not args.skip_hugo:
        hugo_pages, kb = hugo_site(large, work / "hugo-large")
        note("markdown_kb_per_page", round(kb, 1))
        note("hugo_pages", hugo_pages)
        stage("hugo", lambda: hugo_build(work / "hugo-large", args.runs))
        hugo_site(small, work / "hugo-small")
        stage("hugo_edit_small", lambda: hugo_edit(work / "hugo-small", args.runs))
    if not args.skip_baseline:
        revision = revision_tree.previous(args.baseline)
        old = baseline_tree(revision, work / f"baseline-{revision[:12]}")
        note("baseline", revision[:12])
        stage("old_cold", lambda: cold(large, args.baseline_runs, search=False, code=old, new=False))
        stage("old_full", lambda: cold(large, args.baseline_runs, search=True, code=old, new=False))
        stage("old_edit_small", lambda: edit_in_serve(small, args.baseline_runs, code=old))
    if args.before:
        before = baseline_tree(args.before, work / f"before-{args.before[:12]}")
        note("before", args.before[:12])
        stage("before_full", lambda: cold(large, args.runs, search=True, code=before))
    out = REPO / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"scale-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(report(results))
    return 0


def fresh_only(args: argparse.Namespace) -> int:
    """Figure 4 for this version and the previous one, each serving its own copy of the same archive."""
    work = args.work or Path(tempfile.mkdtemp(prefix="minutes-fresh-"))
    source = archive(work / "archive", args.meetings)
    revision = revision_tree.previous(args.baseline)
    old = baseline_tree(revision, work / f"baseline-{revision[:12]}")
    results: dict = {"meetings": args.meetings, "runs": args.runs, "baseline": revision[:12]}
    versions = [("this", CODE, False)] + ([] if args.skip_baseline else [("previous", old, True)])
    for name, code, poll in versions:
        copy = work / name
        if not copy.exists():
            shutil.copytree(source, copy, ignore=shutil.ignore_patterns("output", ".minutes-*", "serve.log"))
        medians, _ = search_fresh(copy, args.runs, code=code, download=False, poll=poll)
        results[name] = medians
        print(f"  {name}: {medians}", flush=True)
    results["pages"] = pages_of(work / "this" / ".minutes-preview" / "site")
    print(json.dumps(results, indent=2))
    return 0


def report(r: dict) -> str:
    hugo = r.get("hugo", (0, 0))[0]
    old_cold = r.get("old_cold", (0, 0))[0]
    old_full = r.get("old_full", (0, 0))[0]

    def ratio(a: float, b: float) -> str:
        return f"{a / b:.2f}×" if b else "n/a"

    cold_s, cold_mib = r["cold"]
    warm_s, _ = r["warm"]
    full_s, full_mib = r["full"]
    fq = r["first_query"]
    lines = [
        f"{r['pages']} pages from {r['meetings']} meetings, {r.get('markdown_kb_per_page', '?')} KB of Markdown a page,"
        f" {r['cpus']} cores; medians of {r['runs']} runs",
        "",
        "| figure | minutes | target | Hugo | previous version |",
        "|---|---|---|---|---|",
        f"| 1. cold build, no search | {cold_s:.1f} s, {cold_mib:.0f} MiB ({ratio(cold_s, hugo)} Hugo) | {TARGETS['cold']}"
        f" | {hugo:.1f} s, {r.get('hugo', (0, 0))[1]:.0f} MiB | {old_cold:.1f} s ({ratio(old_cold, cold_s)} slower) |",
        f"| 2. warm build | {warm_s:.1f} s ({ratio(warm_s, cold_s)} cold) | {TARGETS['warm']} | | |",
        f"| 3. edit in serve, page shown | {1000 * r['edit_small']:.0f} ms small, {1000 * r['edit_large']:.0f} ms large"
        f" | {TARGETS['edit']} | {1000 * r.get('hugo_edit_small', 0):.0f} ms small"
        f" | {1000 * r.get('old_edit_small', 0):.0f} ms small |",
        f"| 4. search fresh after an edit | {r['search_fresh']['found']:.1f} s (shard re-indexed after"
        f" {r['search_fresh'].get('settled', 0):.1f} s); first query {fq['index_kb']:.0f} kB of index"
        f" + {fq['code_kb']:.0f} kB of code ({fq['code_gzip_kb']:.0f} kB gzipped), {fq['requests']} requests"
        f" | {TARGETS['search']} | | {r.get('old_search_fresh', {}).get('found', 0):.1f} s |",
        f"| 5. full build with search | {full_s:.1f} s, {full_mib:.0f} MiB ({ratio(full_s, hugo)} Hugo) | {TARGETS['full']}"
        f" | | {old_full:.1f} s ({ratio(old_full, full_s)} slower) |",
    ]
    if "before_full" in r:
        before_s, before_mib = r["before_full"]
        lines.append(
            f"| 5. full build with search, at {r['before']} | {before_s:.1f} s, {before_mib:.0f} MiB"
            f" ({ratio(before_s, hugo)} Hugo; {ratio(before_s, full_s)} the time now) | | | |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
