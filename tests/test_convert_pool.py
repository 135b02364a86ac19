"""Papers converted by a pool of workers, local or on a Dask cluster, write what one process writes.

Real PDFs from tests/pdfs (born-digital, so no OCR: seconds, not minutes) and one damaged
copy, converted with `--jobs 1`, `--jobs 2`, and on a LocalCluster of two worker processes,
one of which is killed while it holds a paper.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
from pathlib import Path

import pytest

from helpers import REPO, copy_demo_site, run_minutes
from hostile.test_limits import flate_bomb, pdf_of
from minutes.core.config import load_config
from minutes.papers import convert_papers

PDFS = REPO / "tests" / "pdfs"
PAPERS = (
    "kent-cc_2025-03-13_county-council_minutes.pdf",
    "kent-cc_2025-01-30_cabinet_minutes.pdf",
    "bristol-cc_2024-09-12_transport-committee_eqia-appendix.pdf",
    "sutton-coldfield-tc_2018-03-13_community-grants_minutes.pdf",
    "bristol-cc_2026-03-19_transport-committee_minutes.pdf",
    "kent-cc_2025-01-30_cabinet_budget-risk-register.pdf",
)
DAMAGED = "damaged.pdf"


def _site(root: Path) -> Path:
    site = copy_demo_site(root)
    papers = site / "content" / "papers"
    shutil.rmtree(papers)
    shutil.rmtree(site / "content" / "meetings")
    (site / "content" / "house-style.yaml").unlink(missing_ok=True)
    papers.mkdir()
    for name in PAPERS:
        shutil.copyfile(PDFS / name, papers / name)
    # a PDF cut off part-way (a failed download): one error naming it, the others convert
    data = (PDFS / PAPERS[0]).read_bytes()
    (papers / DAMAGED).write_bytes(data[: len(data) // 3])
    return site


def _tree(site: Path) -> dict[str, bytes]:
    """Every file the conversion wrote (records, manifest, house style), by path."""
    content = site / "content"
    return {
        p.relative_to(content).as_posix(): p.read_bytes()
        for p in sorted(content.rglob("*"))
        if p.is_file() and "papers" not in p.relative_to(content).parts[:1]
    }


def _convert(site: Path, **options):
    said: list[str] = []
    report = convert_papers(load_config(site), progress=said.append, **options)
    return report, said


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    site = _site(tmp_path_factory.mktemp("one") / "site")
    report, said = _convert(site, jobs=1)
    return site, report, said


def test_two_workers_write_byte_for_byte_what_one_process_writes(one_process, tmp_path):
    site, report, said = one_process
    records = [path for path in _tree(site) if path.endswith(".md")]
    assert len(records) >= len(PAPERS), "every good paper gave records"
    pooled = _site(tmp_path / "site")
    pooled_report, pooled_said = _convert(pooled, jobs=2)
    assert _tree(pooled) == _tree(site)
    assert pooled_report.problems == report.problems
    assert pooled_said == said


def test_progress_names_each_paper_once_in_order_and_a_failure_against_its_paper(one_process):
    site, report, said = one_process
    papers = sorted([*PAPERS, DAMAGED])
    shown = [f"content/papers/{name}" for name in papers]
    converted = [line for line in said if line.startswith(("converted ", "could not convert "))]
    # the house style learned from the first reading changes, so the papers are read twice: twice the list
    per_reading = [f"could not convert {name}" if name.endswith(DAMAGED) else f"converted {name}" for name in shown]
    assert converted in (per_reading, per_reading * 2)
    errors = [p for p in report.problems if p.severity == "error"]
    assert [p.path for p in errors] == [f"content/papers/{DAMAGED}"]
    assert "cannot be opened" in errors[0].message
    manifest = (site / "content" / "meetings" / ".converted.json").read_text(encoding="utf-8")
    assert all(f"content/papers/{name}" in manifest for name in PAPERS)


def test_the_cli_converts_on_a_local_cluster_under_the_limits(one_process, tmp_path):
    """`--scheduler local:2`: the same records; a PDF bomb stopped at its memory limit on its worker."""
    pytest.importorskip("distributed", reason="the cluster extra (pip install 'minutes[cluster]') is not installed")
    site, _, _ = one_process
    clustered = _site(tmp_path / "site")
    with (clustered / "site.yaml").open("a", encoding="utf-8") as settings:
        settings.write("max_paper_memory_mb: 400\n")
    (clustered / "content" / "papers" / "bomb.pdf").write_bytes(pdf_of(flate_bomb(2600 << 20)))
    result = run_minutes("convert", "--site", str(clustered), "--scheduler", "local:2")
    assert result.returncode == 1, result.stderr  # the damaged paper and the bomb are errors; the rest converted
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"content/papers/{DAMAGED}: error: the PDF cannot be opened") for line in lines)
    (bomb,) = [line for line in lines if line.startswith("content/papers/bomb.pdf:")]
    assert bomb.startswith("content/papers/bomb.pdf: error: ")
    assert "(limit max_paper_memory_mb: 400)" in bomb and bomb.endswith("(skipped: this paper)")
    assert _tree(clustered) == _tree(site)


@pytest.mark.parametrize("value", ["local:0", "local:two", "host:8786", "tcp://", "tcp://a b:1"])
def test_a_scheduler_that_is_no_address_is_refused_with_what_is(value, tmp_path):
    result = run_minutes("convert", "--site", str(tmp_path), "--scheduler", value)
    assert result.returncode == 2
    assert "is not a scheduler: give a Dask scheduler's address (tcp://host:8786) or local:N" in result.stderr


def test_a_worker_killed_mid_run_costs_only_a_retry(one_process, tmp_path):
    """A LocalCluster of two worker processes; when the first paper is written, a worker holding another
    is killed (SIGKILL). Its papers run again elsewhere: the same records, each paper written once."""
    distributed = pytest.importorskip("distributed")
    import dask

    site, report, said = one_process
    clustered = _site(tmp_path / "site")
    killed: list[tuple[str, tuple]] = []
    with (
        dask.config.set({"distributed.worker.daemon": False}),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", host="127.0.0.1"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        pids = client.run(os.getpid)
        held = threading.Event()

        def kill_a_busy_worker(message: str) -> None:
            said_here.append(message)
            if killed or not message.startswith("converted "):
                return
            # the first paper is written; wait (on the scheduler's state) for a worker holding another
            for _ in range(600):
                busy = {address: keys for address, keys in client.processing().items() if keys}
                if busy:
                    address, keys = sorted(busy.items())[0]
                    os.kill(pids[address], signal.SIGKILL)
                    killed.append((address, tuple(keys)))
                    held.set()
                    return
                held.wait(0.05)

        said_here: list[str] = []
        clustered_report = convert_papers(
            load_config(clustered), progress=kill_a_busy_worker, scheduler=cluster.scheduler_address
        )
    assert killed, "a worker was killed while it held a paper"
    assert _tree(clustered) == _tree(site), "nothing lost"
    assert clustered_report.problems == report.problems
    assert said_here == said, "each paper written once, in order"


@pytest.mark.parametrize(
    ("setting", "share", "inside"),
    [(None, 1, "1"), ("1", 8, "1"), ("6", 3, "3"), ("6", 0, "1"), (None, 10_000, str(os.cpu_count() or 1))],
)
def test_each_worker_of_a_pool_ocrs_its_share_of_the_cores(monkeypatch, setting, share, inside):
    from minutes.papers.readers.pdf import ocr

    if setting is None:
        monkeypatch.delenv("MINUTES_OCR_WORKERS", raising=False)
    else:
        monkeypatch.setenv("MINUTES_OCR_WORKERS", setting)
    with ocr.workers_at_most(share):
        assert os.environ["MINUTES_OCR_WORKERS"] == inside
        assert ocr.workers() == int(inside)
    assert os.environ.get("MINUTES_OCR_WORKERS") == setting
