"""What a build loads: a site of records alone never loads the converter, and a site with papers always does."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO
from minutes.papers.files import MANIFEST_NAME

RECORD = """---
kind: minutes
committee: Planning Committee
date: 2024-03-05
title: Minutes of the Planning Committee
---
# Minutes

Members agreed the plan.
"""

# Builds the site in the folder given and prints which of the heavy modules it loaded.
BUILD_AND_LIST = """
import json, sys
from pathlib import Path
from minutes.build import build
from minutes.core.config import load_config
result = build(load_config(Path(sys.argv[1])), search=False)
assert result.published, [str(p) for p in result.problems]
heavy = ("minutes.papers.convert", "pypdfium2", "bs4", "dask", "playwright", "markdown_it")
print(json.dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def loaded_by_build(root: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", BUILD_AND_LIST, str(root)], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize(
    ("files", "converter"),
    [
        # (files beside one record, besides site.yaml; does the build run the converter?)
        ({}, False),
        ({"content/papers/README.md": "Put papers here.\n"}, False),
        ({"content/papers/minutes.txt": "MINUTES of the Planning Committee\n"}, True),
        ({"content/papers/2024/minutes.txt": "MINUTES of the Planning Committee\n"}, True),
        ({f"content/meetings/{MANIFEST_NAME}": '{"converter_version": "1", "papers": {}}\n'}, True),
        ({"content/house-style.yaml": "{}\n"}, True),
    ],
)
def test_the_converter_is_loaded_only_when_there_may_be_papers(tmp_path, files, converter):
    (tmp_path / "site.yaml").write_text("title: Startup\n", encoding="utf-8")
    record = tmp_path / "content" / "meetings" / "planning-committee" / "2024-03-05" / "minutes.md"
    record.parent.mkdir(parents=True)
    record.write_text(RECORD, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    loaded = loaded_by_build(tmp_path)
    assert ("minutes.papers.convert" in loaded) == converter
    assert set(loaded) <= {"minutes.papers.convert", "bs4", "pypdfium2"}, "a build never loads Dask or Playwright"
    # markdown-it.rs renders every body of these sites: markdown-it-py, its fallback, is never imported.
    assert "markdown_it" not in loaded


def test_a_pool_of_workers_writes_the_same_site_as_one_process(tmp_path, monkeypatch):
    """Workers inherit the templates compiled before the pool forks; what they write is what one process writes."""
    import filecmp

    from helpers import copy_demo_site
    from minutes.build import build
    from minutes.core.config import load_config

    monkeypatch.setattr("minutes.pages.render_pool.IN_PROCESS_BELOW", 0)
    outputs = []
    for jobs in (1, 2):
        root = copy_demo_site(tmp_path / f"jobs-{jobs}")
        result = build(load_config(root), search=False, jobs=jobs, use_cache=False)
        assert result.published and result.rendered == result.pages > 50
        outputs.append(result.output)
    files = [sorted(p.relative_to(o).as_posix() for p in o.rglob("*") if p.is_file()) for o in outputs]
    assert files[0] == files[1]
    _, mismatch, errors = filecmp.cmpfiles(outputs[0], outputs[1], files[0], shallow=False)
    assert (mismatch, errors) == ([], [])


def test_a_site_converted_and_unchanged_since_never_loads_the_converter(tmp_path):
    (tmp_path / "site.yaml").write_text("title: Startup\n", encoding="utf-8")
    paper = tmp_path / "content" / "papers" / "minutes.txt"
    paper.parent.mkdir(parents=True)
    paper.write_text("MINUTES of the Planning Committee held on 5 March 2024\n\n1. Apologies\nNone.\n", "utf-8")
    assert "minutes.papers.convert" in loaded_by_build(tmp_path)  # the first build converts
    assert "minutes.papers.convert" not in loaded_by_build(tmp_path)
    paper.write_text(paper.read_text("utf-8") + "2. Minutes\nApproved.\n", "utf-8")
    assert "minutes.papers.convert" in loaded_by_build(tmp_path)
    assert "minutes.papers.convert" not in loaded_by_build(tmp_path)
