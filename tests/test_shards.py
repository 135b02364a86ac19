"""Search shards: committees grouped by pages, a committee with much text cut by date, each shard's pages found.

The grouping is checked as a table; the rest runs the real Pagefind over real
pages and reads back which pages each bundle indexed.
"""

import gzip
import json
import shutil
import threading
from pathlib import Path

import pytest

import minutes.build
import minutes.pages.render_pool as render_pool
import minutes.search.index as search
import minutes.search.shards as shards
from helpers import copy_demo_site
from minutes.build import build
from minutes.core.config import load_config
from minutes.core.progress import Progress
from minutes.pages.plan import plan_pages
from minutes.pages.render import PageSpec, SiteView
from minutes.search.shards import REGISTERS, MeetingWeight, group_meetings, is_register_page, page_glob
from minutes.site.links import resolve_citations
from minutes.site.load import load_site


def _meetings(*spec: tuple[str, int, int]) -> list[MeetingWeight]:
    return [MeetingWeight(key, pages, chars) for key, pages, chars in spec]


def _members(grouping: dict[tuple[str, str], str]) -> list[list[tuple[str, str]]]:
    """The shards as lists of (committee, meeting), in shard-name order."""
    by_name: dict[str, list[tuple[str, str]]] = {}
    for member, name in grouping.items():
        by_name.setdefault(name, []).append(member)
    return [sorted(by_name[name]) for name in sorted(by_name)]


def test_small_committees_share_shards_of_about_shard_pages():
    # 1,400 pages make three shards; a run closes once it holds its share (a third, then two thirds).
    pages = {"audit": 200, "cabinet": 500, "council": 300, "licensing": 100, "planning": 300}
    grouping = group_meetings({slug: _meetings(("2020-01-01", n, 1000)) for slug, n in pages.items()})
    assert _members(grouping) == [
        [("audit", "2020-01-01"), ("cabinet", "2020-01-01")],
        [("council", "2020-01-01")],
        [("licensing", "2020-01-01"), ("planning", "2020-01-01")],
    ]
    assert [name[:4] for name in sorted(set(grouping.values()))] == ["s01-", "s02-", "s03-"]


@pytest.mark.parametrize(
    "chars, runs",
    [
        # (characters of each of six meetings, the meetings of each shard the committee is cut into)
        (1_000, [6]),  # all of it fits: one shard, shared with the other committee
        (4_000_000, [4, 2]),  # cut once the text passes SHARD_CHARS, in date order
        (9_000_000, [1, 1, 1, 1, 1, 1]),
        (20_000_000, [1, 1, 1, 1, 1, 1]),  # one meeting over the limit is a shard on its own
    ],
)
def test_a_committee_with_more_text_than_a_shard_holds_is_cut_by_meeting_date(chars, runs):
    keys = [f"2020-0{n}-01" for n in range(1, 7)]
    grouping = group_meetings(
        {
            "cabinet": _meetings(
                *[(key, 3, chars) for key in reversed(keys)]
            ),  # newest first, as a committee lists them
            "audit": _meetings(("2019-05-05", 2, 1_000)),
        }
    )
    cabinet = [[key for slug, key in members if slug == "cabinet"] for members in _members(grouping)]
    cabinet = [keys for keys in cabinet if keys]
    assert [len(k) for k in cabinet] == runs
    assert [key for run in cabinet for key in run] == keys  # each shard a run of consecutive dates
    audit_shard = grouping[("audit", "2019-05-05")]
    assert (audit_shard == grouping[("cabinet", keys[0])]) == (len(runs) == 1)


def test_a_new_meeting_of_a_cut_committee_changes_only_its_last_shard():
    meetings = _meetings(*[(f"2020-0{n}-01", 2, 5_000_000) for n in range(1, 8)])
    before = group_meetings({"cabinet": meetings, "audit": _meetings(("2019-05-05", 2, 10))})
    after = group_meetings(
        {"cabinet": meetings + _meetings(("2020-09-01", 2, 1_000_000)), "audit": _meetings(("2019-05-05", 2, 10))}
    )
    changed = {member for member, name in before.items() if after[member] != name}
    assert changed == {("cabinet", "2020-07-01")}
    assert after[("cabinet", "2020-09-01")] == after[("cabinet", "2020-07-01")]


@pytest.mark.parametrize(
    "folders, glob",
    [
        ({"cabinet": None}, "cabinet/*/**/*.html"),
        ({"cabinet": None, "audit": None}, "{audit/*,cabinet/*}/**/*.html"),
        ({"cabinet": ["2020-02-01"]}, "cabinet/2020-02-01/**/*.html"),
        (
            {"cabinet": ["2020-02-01", "2020-01-01"], "audit": None},
            "{audit/*,cabinet/{2020-01-01,2020-02-01}}/**/*.html",
        ),
    ],
)
def test_a_shards_glob_names_whole_committees_or_their_meetings(folders, glob):
    assert page_glob(folders) == glob


# --- the real Pagefind ------------------------------------------------------------------


def _indexed_urls(bundle: Path) -> set[str]:
    """The pages a bundle serves: its fragments, less those a re-index in place left for the next to delete."""
    stale = search.STALE
    left = set((bundle / stale).read_text(encoding="utf-8").split()) if (bundle / stale).is_file() else set()
    urls = set()
    for fragment in (bundle / "fragment").iterdir():
        if f"fragment/{fragment.name}" in left:
            continue
        data = gzip.decompress(fragment.read_bytes())
        urls.add(json.loads(data[len(b"pagefind_dcd") :])["url"])
    return urls


def _searchable(output: Path) -> set[str]:
    return {
        "/" + p.parent.relative_to(output).as_posix() + "/"
        for p in output.rglob("index.html")
        if "data-pagefind-body" in p.read_text(encoding="utf-8")
    }


def test_every_searchable_page_is_in_exactly_one_shard_when_committees_are_cut(tmp_path, monkeypatch):
    monkeypatch.setattr(shards, "SHARD_CHARS", 20_000)
    root = copy_demo_site(tmp_path / "site")
    result = build(load_config(root))
    bundles = sorted(p for p in (result.output / "pagefind").iterdir() if p.is_dir())
    indexed = [_indexed_urls(b) for b in bundles]
    every = [url for urls in indexed for url in urls]
    assert len(every) == len(set(every)), "a page indexed by two shards"
    assert set(every) == _searchable(result.output)
    assert result.indexed == len(every)
    # At least one committee was cut: its meetings are in different shards.
    by_committee: dict[str, set[int]] = {}
    for n, (bundle, urls) in enumerate(zip(bundles, indexed, strict=True)):
        if bundle.name == REGISTERS:
            continue
        for url in urls:
            by_committee.setdefault(url.split("/")[1], set()).add(n)
    assert any(len(shards_of) > 1 for shards_of in by_committee.values())

    # A meeting removed from a cut committee leaves the index with it; the other shards are kept.
    committee = next(c for c, s in by_committee.items() if len(s) > 1)
    meeting = sorted((root / "content" / "meetings" / committee).iterdir())[0]
    shutil.rmtree(meeting)
    again = build(load_config(root), convert=False)  # (converting would write the meeting again)
    assert not again.cold
    urls = [url for b in (again.output / "pagefind").iterdir() if b.is_dir() for url in _indexed_urls(b)]
    assert sorted(urls) == sorted(_searchable(again.output))
    assert not any(url.startswith(f"/{committee}/{meeting.name}/") for url in urls)
    assert 0 < again.indexed < result.indexed


@pytest.mark.parametrize(
    ("output", "register"),
    [
        ("people/councillor-cusworth/index.html", True),
        ("decisions/2013/index.html", True),
        ("cabinet/index.html", True),
        ("people/index.html", True),  # under the glob; Pagefind leaves it out, for it has no data-pagefind-body
        ("cabinet/2013-11-18/index.html", False),
        ("decisions/cabinet/2013/index.html", False),
        ("people/councillor-cusworth/feed.xml", False),
    ],
)
def test_the_registers_glob_covers_register_pages_only(output, register):
    assert is_register_page(output) is register


def test_people_committees_and_the_decisions_register_are_a_shard_of_their_own(tmp_path):
    """Indexed once each, beside the meetings; a person left out by a later build leaves the index too."""
    root = copy_demo_site(tmp_path / "site")
    result = build(load_config(root))
    registers = _indexed_urls(result.output / "pagefind" / REGISTERS)
    people = {url for url in registers if url.startswith("/people/")}
    assert "/people/councillor-jarvis/" in people and len(people) == len(list((result.output / "people").glob("*/")))
    assert {"/decisions/2013/", "/decisions/2020/", "/improving-lives-select-commission/"} <= registers
    assert not [url for url in registers if url.count("/") > 3 or url.startswith("/decisions/improving")]
    # The plan names them in the shard, so an edit to any of them re-indexes it.
    site = load_site(load_config(root))
    assert {"/" + s.url for s in plan_pages(site, resolve_citations(site)) if s.shard == REGISTERS} == registers
    (root / "site.yaml").write_text(
        (root / "site.yaml").read_text(encoding="utf-8") + "people:\n  exclude: [Councillor Jarvis]\n",
        encoding="utf-8",
    )
    again = build(load_config(root), convert=False)
    assert not again.cold
    after = _indexed_urls(again.output / "pagefind" / REGISTERS)
    assert after == registers - {"/people/councillor-jarvis/"}
    assert after == {u for u in _searchable(again.output) if is_register_page(u.strip("/") + "/index.html")}


def _shards_of_demo(tmp_path: Path) -> tuple[Path, dict[str, list[PageSpec]]]:
    """The demo's meetings dealt into four shards, each meeting with its documents' pages."""
    root = copy_demo_site(tmp_path / "site")
    output = build(load_config(root), search=False).output
    committees = [p.name for p in (root / "content" / "meetings").iterdir() if p.is_dir()]
    meetings = sorted(m for c in committees for m in (output / c).iterdir() if m.is_dir())
    pages: dict[str, list[PageSpec]] = {}
    for n, meeting in enumerate(meetings):
        for page in sorted(meeting.rglob("index.html")):
            relative = page.relative_to(output).as_posix()
            pages.setdefault(f"s{n % 4:02d}", []).append(PageSpec(relative, "meeting.html", {}, relative, shard="x"))
    return output, pages


def _most_at_once(monkeypatch) -> list[int]:
    """Counts, in a list, the most Pagefind processes seen running at once."""
    running, most, lock = set(), [0], threading.Lock()
    original = search._run_pagefind

    def run(site_dir, glob, output, language, track=None):
        def tracked(process, started):
            with lock:
                (running.add if started else running.discard)(process)
                most[0] = max(most[0], len(running))
            if track:
                track(process, started)

        return original(site_dir, glob, output, language, tracked)

    monkeypatch.setattr(search, "_run_pagefind", run)
    return most


def test_shards_are_indexed_one_at_a_time_when_two_would_not_fit_in_memory(tmp_path, monkeypatch):
    output, pages = _shards_of_demo(tmp_path)
    monkeypatch.setattr(search, "INDEX_MEMORY", search.PAGEFIND_BASE_MEMORY + 1)
    most = _most_at_once(monkeypatch)
    config = load_config(tmp_path / "site")
    indexed = search.index_shards(output, config, pages, jobs=2)
    assert indexed == sum(len(p) for p in pages.values())
    assert most[0] == 1


def test_shards_are_indexed_up_to_jobs_at_a_time_within_memory(tmp_path, monkeypatch):
    output, pages = _shards_of_demo(tmp_path)
    most = _most_at_once(monkeypatch)
    config = load_config(tmp_path / "site")
    indexed = search.index_shards(output, config, pages, jobs=2)
    assert indexed == sum(len(p) for p in pages.values())
    assert 1 <= most[0] <= 2
    assert sorted(p.name for p in (output / "pagefind").iterdir() if p.is_dir()) == sorted(pages)


def test_a_closed_indexer_stops_its_pagefind_runs_and_leaves_no_bundle(tmp_path):
    output, pages = _shards_of_demo(tmp_path)
    indexer = search.ShardIndexer(output, load_config(tmp_path / "site"), pages, jobs=1)
    for name in pages:
        indexer.submit(name)
    indexer.close()
    bundles = output / "pagefind"
    left = [p.name for p in bundles.iterdir()] if bundles.is_dir() else []
    # A run already finished may have left its bundle; none is left half-written.
    assert all(name in pages for name in left), left


def test_a_cold_build_hands_each_shard_to_pagefind_once_its_pages_are_written(tmp_path, monkeypatch):
    """Indexing overlaps rendering: a shard starts as soon as its own pages are on disk, never before."""
    monkeypatch.setattr(shards, "SHARD_CHARS", 20_000)
    monkeypatch.setattr("minutes.pages.render_pool.CHUNK", 4)
    monkeypatch.setattr("minutes.pages.render_pool.IN_PROCESS_BELOW", 8)
    handed: list[tuple[str, bool, bool]] = []
    rendering = [False]
    original_submit, original_render = search.ShardIndexer.submit, minutes.build.render_all

    def submit(self, name):
        written = all((self.site_dir / p.output).is_file() for p in self.shards[name])
        handed.append((name, written, rendering[0]))
        original_submit(self, name)

    def render_all(*args, **kwargs):
        rendering[0] = True
        try:
            return original_render(*args, **kwargs)
        finally:
            rendering[0] = False

    monkeypatch.setattr(search.ShardIndexer, "submit", submit)
    monkeypatch.setattr(minutes.build, "render_all", render_all)
    result = build(load_config(copy_demo_site(tmp_path / "site")), jobs=2)
    names = sorted({p.name for p in (result.output / "pagefind").iterdir() if p.is_dir()})
    assert len(names) > 1
    while_rendering = [name for name, _, during in handed if during]
    assert sorted(while_rendering) == names  # each shard once, as its last page was written
    assert all(written for _, written, _ in handed), handed


def test_a_small_build_renders_its_shards_pages_first_and_hands_each_over_as_its_last_page_is_written(
    tmp_path, monkeypatch
):
    """Rendered in one process, the searchable pages come first, the meetings' shards before the registers',
    so Pagefind reads them on the second core while the other pages, the feeds and the data files are made."""
    on_disk: dict[str, set[str]] = {}
    original_submit = search.ShardIndexer.submit

    def submit(self, name):
        if name not in on_disk:  # the first time: the build hands each shard in again before it waits for them
            on_disk[name] = {p.relative_to(self.site_dir).as_posix() for p in self.site_dir.rglob("*") if p.is_file()}
        original_submit(self, name)

    monkeypatch.setattr(search.ShardIndexer, "submit", submit)
    builder = minutes.build.SiteBuilder(load_config(copy_demo_site(tmp_path / "site")), jobs=2)
    builder.build()
    assert builder.state is not None
    pages = set(builder.state.specs)
    of_shard: dict[str, set[str]] = {}
    for page, shard in builder.state.shards.items():
        of_shard.setdefault(shard, set()).add(page)
    assert list(on_disk) == [*sorted(set(of_shard) - {REGISTERS}), REGISTERS]
    first = next(iter(on_disk))
    assert of_shard[first] <= on_disk[first]  # its pages are written
    assert on_disk[first] & pages == of_shard[first]  # and no other page yet
    assert "feed.xml" not in on_disk[first] and "calendar.ics" not in on_disk[first]
    for name, written in on_disk.items():
        assert of_shard[name] <= written
        assert not pages <= written, name  # handed over while pages were still to render


def test_pages_rendered_in_another_order_are_the_same_pages_and_come_back_in_plan_order(tmp_path):
    builder = minutes.build.SiteBuilder(load_config(copy_demo_site(tmp_path / "site")), jobs=1, use_cache=False)
    output = builder.build().output
    state = builder.state
    assert state is not None
    specs = list(state.specs.values())
    job = render_pool.RenderJob(
        specs=specs,
        site=SiteView.of(state.site),
        theme=state.theme,
        search=True,
        target=tmp_path / "again",
        base_digest=state.base_digest,
    )
    first = [len(specs) - 1, 3, 0, 3]
    results, _ = render_pool.render_all(job, jobs=1, progress=Progress(), first=first)
    assert [r.output for r in results] == [s.output for s in specs]
    assert all(r.written for r in results)
    for spec in specs:
        assert (tmp_path / "again" / spec.output).read_bytes() == (output / spec.output).read_bytes(), spec.output
