"""Records parsed by a pool of processes load into the same site, with the same problems, as parsed one by one."""

import os
import shutil
from pathlib import Path

import minutes.site.load as load
from helpers import copy_demo_site
from minutes.build import build
from minutes.core.config import load_config
from minutes.site.load import Loader


def _site_with_bad_records(tmp_path):
    root = copy_demo_site(tmp_path / "site")
    build(load_config(root), search=False)  # converts the papers into records
    meeting = next(p for p in sorted((root / "content" / "meetings").glob("*/*")) if p.is_dir())
    (meeting / "report-nul.md").write_bytes(b"---\ntitle: x\n---\nA\x00B\n")
    (meeting / "report-yaml.md").write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    shutil.copytree(meeting, meeting.parent / "2031-01-01")
    return root


def test_a_pool_parses_into_the_same_site_as_one_process(tmp_path, monkeypatch):
    root = _site_with_bad_records(tmp_path)
    config = load_config(root)
    alone = Loader(jobs=1).load(config)
    monkeypatch.setattr(load, "PARSE_IN_POOL_FROM", 1)
    pooled_loader = Loader(jobs=2)
    paths = sorted((root / "content" / "meetings").glob("*/*/*.md"))
    pooled_loader.prefetch(paths)
    assert set(pooled_loader._cache) == set(paths)  # all parsed by the pool, before the load reads one
    pooled = pooled_loader.load(config)
    assert pooled.meetings == alone.meetings
    assert pooled.committees == alone.committees
    assert [str(p) for p in pooled.problems] == [str(p) for p in alone.problems]
    assert any("NUL byte" in p.message for p in pooled.problems)
    assert any(p.message and p.line for p in pooled.problems if "report-yaml" in p.path)
    assert sum(d.body_size for m in pooled.meetings.values() for d in m.documents) > 0


def test_this_process_and_the_pool_share_the_records_each_parsed_once(tmp_path, monkeypatch):
    """This process parses the chunks no worker has taken yet; together they parse every record once."""
    root = _site_with_bad_records(tmp_path)
    config = load_config(root)
    alone = Loader(jobs=1).load(config)
    log = tmp_path / "parsed.log"
    parse = load._parse

    def logged(path, **how):
        with open(log, "a", encoding="utf-8") as out:  # appended whole by one write, from any process
            out.write(f"{os.getpid()} {path}\n")
        return parse(path, **how)

    monkeypatch.setattr(load, "_parse", logged)  # forked workers inherit it
    monkeypatch.setattr(load, "PARSE_IN_POOL_FROM", 1)
    monkeypatch.setattr(load, "_PARSE_CHUNK", 1)
    pooled_loader = Loader(jobs=2)
    paths = sorted((root / "content" / "meetings").glob("*/*/*.md"))
    pooled_loader.prefetch(paths)
    parsed = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(path) for _, path in parsed) == paths  # each record once, none twice
    assert str(os.getpid()) in {pid for pid, _ in parsed}  # this process took its share
    pooled = pooled_loader.load(config)
    assert pooled.meetings == alone.meetings
    assert [str(p) for p in pooled.problems] == [str(p) for p in alone.problems]
