"""Papers and records made to exhaust the tool: each case a real `minutes` process on a small site.

Every process here runs under 1 GiB of address space (RLIMIT_AS, what
`ulimit -v 1048576` sets), as a CI runner might. Each case asserts the exit
status, the one-line message naming the file and the limit, that the rest of
the site was built, and the time and memory the run took: memory as the peak
resident size of the process and every worker it ran (`wait4`'s rusage).

`docs/robustness.md` lists these cases with what the user sees.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import REPO, free_port, wait_for

ADDRESS_SPACE = 1 << 30
"""1 GiB: every minutes process of these tests runs under it."""
PAPER = "000_86c187667cde2ece.txt"
MEETING = "cabinet-member-for-communities-and-cohesion/2013-11-18"
REST = ("index.html", f"{MEETING}/index.html", "people/index.html", "about/index.html")
"""Pages that stand for 'the rest of the site'."""


@dataclass(frozen=True)
class Run:
    returncode: int
    stderr: str
    cpu_seconds: float
    """CPU time of the process and every worker it ran: unlike wall-clock time, the same on a busy machine."""
    peak_mb: float
    """Peak resident memory of the process, or of the largest worker it ran."""

    def lines_naming(self, name: str) -> list[str]:
        """The problems reported about a file (progress lines and the summary left out)."""
        return [line for line in self.stderr.splitlines() if name in line and not line.startswith("minutes:")]


def _limit_address_space() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_minutes(site: Path, *args: str, timeout: float = 300) -> Run:
    """`python -m minutes ARGS` in `site`, under 1 GiB of address space; killed after `timeout` seconds."""

    env = dict(os.environ, PYTHONPATH=str(REPO / "generator"))
    err = site.parent / f"{site.name}.stderr"
    with open(err, "w+b") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-m", "minutes", *args],
            cwd=site,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            preexec_fn=_limit_address_space,
        )
        killer = threading.Timer(timeout, child.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            killer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        text = stderr.read().decode("utf-8", "replace")
    return Run(child.returncode, text, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """A small site (one demo paper), converted and built once; cases copy it."""
    root = tmp_path_factory.mktemp("hostile") / "site"
    (root / "content" / "papers").mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copy(REPO / "content" / "papers" / PAPER, root / "content" / "papers" / PAPER)
    shutil.copytree(REPO / "content" / "pages", root / "content" / "pages")
    first = run_minutes(root, "build", "--no-search")
    assert first.returncode == 0, first.stderr
    return root


@pytest.fixture
def site(built_site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, symlinks=True)
    return copy


def settings(site: Path, text: str) -> None:
    path = site / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def paper(site: Path, name: str, data: bytes | str) -> None:
    (site / "content" / "papers" / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def record(site: Path, relative: str, body: str, front: str = "") -> Path:
    path = site / "content" / "meetings" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\nkind: minutes\ncommittee: Cabinet\ntitle: Minutes\n{front}---\n\n{body}\n", encoding="utf-8")
    return path


def assert_rest_built(site: Path) -> None:
    for page in REST:
        assert (site / "output" / page).is_file(), page


def assert_clean(run: Run) -> None:
    """No traceback, no internal error, no line longer than a message should be."""
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr[-2000:]
    assert max(map(len, run.stderr.splitlines() or [""])) <= 2100


def tree_hash(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- 7: Markdown nested past what the native engine survives ------------------------------------


def test_deep_nesting_in_a_paper_and_in_a_record_is_rendered_not_crashed(site: Path):
    paper(site, "deep.txt", "CABINET\n\nMonday, 2nd March, 2015\n\nMINUTES\n\n1. Apologies\n\n" + ">" * 100_000 + "\n")
    record(site, "cabinet/2015-03-09/minutes.md", ">" * 100_000 + "\n\n" + "- " * 60_000 + "the last word")
    run = run_minutes(site, "build", "--no-search", "--keep-going")
    assert run.returncode == 0, run.stderr[-2000:]
    assert_clean(run)
    assert_rest_built(site)
    page = (site / "output" / "cabinet" / "2015-03-09" / "index.html").read_text(encoding="utf-8")
    # Shown nested as deep as markdown-it-py's limit allows (100 levels), and no deeper.
    assert 50 <= page.count("<blockquote>") <= 100
    assert (site / "output" / "cabinet" / "2015-03-02" / "index.html").is_file()
    assert run.peak_mb < 600 and run.cpu_seconds < 120


CRASHING_BUILD = """
import json, re, sys
from pathlib import Path
import minutes.pages.markdown_html as markdown_html
import minutes.pages.render_pool as render_pool
from minutes.build import build
from minutes.core.config import load_config

# The guard off, so markdown-it.rs itself meets a line of 100,000 '>' and overflows its stack (SIGSEGV);
# and a pool even for this small site, so the crash is a worker's.
markdown_html._DEEP_OPENING = re.compile("(?!)")
render_pool.IN_PROCESS_BELOW = 0
result = build(load_config(Path(".")), search=False, jobs=2, keep_going=True, use_cache=False)
print(json.dumps({"published": result.published, "pages": result.pages, "errors": [str(p) for p in result.errors]}))
"""


def test_a_render_worker_that_crashes_costs_only_its_page(site: Path):
    """A real native crash in a pool worker, not a simulated one: the page is reported, the rest is built."""
    import json

    record(site, "cabinet/2015-03-09/minutes.md", ">" * 100_000)
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_BUILD],
        cwd=site,
        env=dict(os.environ, PYTHONPATH=str(REPO / "generator")),
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_limit_address_space,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["published"]
    assert len(result["errors"]) == 1
    assert re.fullmatch(
        r"content/meetings/cabinet/2015-03-09/minutes\.md: error: rendering cabinet/2015-03-09/index\.html "
        r"crashed the process rendering it \(SIGSEGV\); .* \(skipped: the page cabinet/2015-03-09/index\.html\)",
        result["errors"][0],
    )
    assert not (site / "output" / "cabinet" / "2015-03-09" / "index.html").exists()
    assert_rest_built(site)


def test_serve_survives_a_deeply_nested_record(site: Path, tmp_path: Path):
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    server = subprocess.Popen(
        [sys.executable, "-m", "minutes", "serve", "--no-search", "--port", str(port)],
        cwd=site,
        env=dict(os.environ, PYTHONPATH=str(REPO / "generator")),
        stdout=log,
        stderr=subprocess.STDOUT,
        preexec_fn=_limit_address_space,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base, lambda status, body: status == 200, 60)
        # A new record (a rebuild), then an edit of its body alone (the page re-rendered in the server).
        path = record(site, "cabinet/2015-03-09/minutes.md", "The first version.\n\n" + ">" * 100_000)
        wait_for(base + "cabinet/2015-03-09/", lambda status, body: "The first version." in body, 60)
        path.write_text(path.read_text(encoding="utf-8").replace("first", "second"), encoding="utf-8")
        wait_for(base + "cabinet/2015-03-09/", lambda status, body: "The second version." in body, 60)
        assert server.poll() is None
        assert wait_for(base + MEETING + "/", lambda status, body: status == 200, 5)[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


# --- 8: markup nested past the readers' depth --------------------------------------------------


def test_html_nested_ten_thousand_deep_is_skipped_with_the_limit(site: Path):
    before = tree_hash(site / "output")
    paper(site, "nested.html", "<html><body>" + "<div>" * 10_000 + "Minutes" + "</div>" * 10_000 + "</body></html>")
    failed = run_minutes(site, "build", "--no-search")
    assert failed.returncode == 1
    assert tree_hash(site / "output") == before
    run = run_minutes(site, "build", "--no-search", "--keep-going")
    assert run.returncode == 1
    assert_clean(run)
    assert run.lines_naming("nested.html") == [
        "content/papers/nested.html: error: the page nests elements more than 100 deep (limit max_nesting: 100); "
        "save the page again from a browser, or raise max_nesting in site.yaml (skipped: this paper)"
    ]
    assert_rest_built(site)
    assert run.peak_mb < 600


# --- 9: text made to make patterns backtrack ---------------------------------------------------


def test_wide_lines_and_deep_lists_convert_in_seconds(site: Path):
    """A 36 KB paper of wide lines took 121 s in the running-header pattern; a 255 KB nested list, over 200 s.

    Measured in CPU seconds, which a busy machine does not stretch; the limit on wall-clock time is
    raised out of the way, so a slow machine cannot fail the case and a backtracking pattern still does.
    """
    settings(site, "max_paper_seconds: 3600\n")
    wide = "".join(" " * 990 + f"ITEM {n} -x\n" for n in range(36))
    paper(site, "wide.txt", "CABINET\n\nMonday, 2nd March, 2015\n\nMINUTES\n\n" + wide)
    nested = "".join("  " * (n % 120) + f"- {n}. Resolved that the item be noted\n" for n in range(2400))
    paper(site, "nested.txt", "CABINET\n\nMonday, 9th March, 2015\n\nMINUTES\n\n" + nested)
    assert len(wide) > 36_000 and len(nested) > 255_000
    run = run_minutes(site, "build", "--no-search")
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.cpu_seconds < 60, run.cpu_seconds
    assert (site / "content" / "meetings" / "cabinet" / "2015-03-02").is_dir()
    assert (site / "content" / "meetings" / "cabinet" / "2015-03-09").is_dir()
    assert_rest_built(site)


def test_a_paper_past_its_time_is_stopped_and_the_rest_builds(site: Path):
    settings(site, "max_paper_seconds: 1\n")
    text = (REPO / "content" / "papers" / PAPER).read_text(encoding="utf-8")
    paper(site, "long.txt", text * (4_000_000 // len(text)))
    run = run_minutes(site, "build", "--no-search", "--keep-going")
    assert run.returncode == 1
    assert_clean(run)
    assert run.lines_naming("long.txt") == [
        "content/papers/long.txt: error: reading and converting the paper took more than 1 seconds "
        "(limit max_paper_seconds: 1); split the paper, or raise max_paper_seconds in site.yaml (skipped: this paper)"
    ]
    assert_rest_built(site)
    assert run.cpu_seconds < 60


# --- 10: decompression bombs, and papers past their size -------------------------------------


def flate_bomb(size: int, chunk: int = 1 << 24) -> bytes:
    """A zlib stream of `size` spaces (rounded to whole chunks), made without holding them: each
    chunk is compressed after a full flush, so its bytes are the same every time and are repeated."""
    packer = zlib.compressobj(9)
    first = packer.compress(b" " * chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(b" " * chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    count = size // chunk
    end = packer.flush(zlib.Z_FINISH)[:-4]  # the stream's last block, less the packer's own checksum
    checksum, block = 1, b" " * chunk
    for _ in range(count):
        checksum = zlib.adler32(block, checksum)
    return first + again * (count - 1) + end + checksum.to_bytes(4, "big")


def pdf_of(content: bytes, pages: int = 1) -> bytes:
    """A minimal PDF: `pages` pages sharing one Flate-compressed content stream."""
    kids = " ".join(f"{4 + n} 0 R" for n in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ] + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << >> >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_bomb_is_stopped_at_its_memory_limit(site: Path):
    """2.7 MB that pdfium inflates to 2.7 GB: the worker reading it dies at its limit, nothing else does."""
    settings(site, "max_paper_memory_mb: 400\n")
    bomb = pdf_of(flate_bomb(2600 << 20))
    assert len(bomb) < 3_000_000
    paper(site, "bomb.pdf", bomb)
    run = run_minutes(site, "build", "--no-search", "--keep-going")
    assert run.returncode == 1
    assert_clean(run)
    (line,) = run.lines_naming("bomb.pdf")
    assert line.startswith("content/papers/bomb.pdf: error: ")
    assert "(limit max_paper_memory_mb: 400)" in line and line.endswith("(skipped: this paper)")
    assert_rest_built(site)
    assert run.peak_mb < 400 + 250, run.peak_mb  # the worker's limit, and what it started with


def test_a_pdf_past_its_page_count_is_skipped_before_it_is_read(site: Path):
    settings(site, "max_paper_pages: 5\n")
    paper(site, "long.pdf", pdf_of(zlib.compress(b"BT ET"), pages=6))
    run = run_minutes(site, "build", "--no-search", "--keep-going")
    assert run.returncode == 1
    assert_clean(run)
    assert run.lines_naming("long.pdf") == [
        "content/papers/long.pdf: error: the PDF has 6 pages (limit max_paper_pages: 5); split it into papers "
        "of fewer pages, or raise max_paper_pages in site.yaml (skipped: this paper)"
    ]
    assert_rest_built(site)


def docx_of(document_xml_megabytes: int, path: Path) -> None:
    """A Word document whose body is a paragraph of that many megabytes of spaces, written in pieces."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>')
            for _ in range(document_xml_megabytes):
                part.write(b" " * (1 << 20))
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")


def test_word_bombs_are_refused_from_the_zip_directory(site: Path):
    docx_of(300, site / "content" / "papers" / "big.docx")
    docx_of(40, site / "content" / "papers" / "packed.docx")
    run = run_minutes(site, "build", "--no-search", "--keep-going")
    assert run.returncode == 1
    assert_clean(run)
    (big,) = run.lines_naming("big.docx")
    assert re.fullmatch(
        r"content/papers/big\.docx: error: the Word document unpacks to 315 MB \(limit max_unpacked_mb: 200 MB\); "
        r".* \(skipped: this paper\)",
        big,
    )
    (packed,) = run.lines_naming("packed.docx")
    assert re.fullmatch(
        r"content/papers/packed\.docx: error: the Word document's part word/document\.xml unpacks to [\d,]+ times "
        r"its packed size, as a decompression bomb does \(limit: a part may unpack to 100 times its packed size\); "
        r".* \(skipped: this paper\)",
        packed,
    )
    assert_rest_built(site)
    assert run.peak_mb < 300 and run.cpu_seconds < 120


def test_broken_legacy_word_papers_are_skipped_with_one_error_each_and_a_good_one_converts(site: Path):
    from doc_files import Doc, Para, compound_file

    real = (REPO / "tests" / "fixtures" / "doc" / "tayport-cc_2019-12-02_minutes.doc").read_bytes()
    paper(site, "good.doc", real)
    paper(site, "cut.doc", real[: len(real) // 3])
    paper(site, "secret.doc", Doc([Para("Minutes")], flags=0x0300).bytes())
    paper(site, "word95.doc", Doc([Para("Minutes")], n_fib=104).bytes())
    paper(site, "loop.doc", compound_file({"WordDocument": b"x" * 5000, "1Table": b"y" * 5000}, chain={1: 0}))
    paper(site, "budget.doc", compound_file({"Workbook": b"\x09\x08" * 4000}))
    # 3 MB naming one page of 90 character runs 400,000 times (36 million runs, read one by one), and a
    # chain of 4,000 styles each based on the one before (walked style by style, cubic in its length)
    lines = [Para(f"Line {n}", bold=-1 if n % 2 else 0) for n in range(90)]
    paper(site, "runs.doc", Doc(lines, chpx_repeat=400_000).bytes())
    chain = [(0, "Normal", None, 0x0FFF)] + [(4094, f"S{n}", 0x81 if n % 3 == 0 else None, n) for n in range(4000)]
    paper(site, "styles.doc", Doc([Para("Text", style=4000)], styles=chain).bytes())
    run = run_minutes(site, "build", "--no-search", "--keep-going")
    assert run.returncode == 1
    assert_clean(run)
    for name, what in [
        ("cut.doc", "the Word 97-2003 document's container is broken"),
        ("secret.doc", "the Word document is encrypted"),
        ("word95.doc", "the document was saved by Word 6 or Word 95"),
        ("loop.doc", "the Word document's WordDocument stream loops back on itself"),
        ("budget.doc", "the file is an Office 97-2003 container but not a Word document"),
    ]:
        (line,) = run.lines_naming(name)
        assert line.startswith(f"content/papers/{name}: error: {what}") and line.endswith("(skipped: this paper)")
    assert run.lines_naming("good.doc") == []
    for name in ("runs.doc", "styles.doc"):
        assert not [line for line in run.lines_naming(name) if "error:" in line], run.lines_naming(name)
    (record,) = (site / "content" / "meetings").glob("*/2019-12-02/minutes.md")
    assert "Mr D Gray" in record.read_text(encoding="utf-8")
    assert_rest_built(site)
    assert run.cpu_seconds < 60, run.cpu_seconds  # the walk of the style chain alone took 90 s when it was cubic


# --- 11: YAML aliases that stand for billions of values ----------------------------------------

LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{x}: &{x} [{', '.join(['*' + y] * 9)}]\n" for x, y in zip("bcdefghi", "abcdefgh", strict=True)
)
"""342 bytes standing for 387 million strings."""


@pytest.mark.parametrize(
    ("where", "named", "line", "skipped"),
    [
        ("site.yaml", "site.yaml", 6, ""),
        ("sidecar", "content/papers/000_86c187667cde2ece.yaml", 6, ""),
        ("front-matter", "content/meetings/cabinet/2015-03-09/minutes.md", 7, "(skipped: this record"),
    ],
)
def test_yaml_alias_bombs_are_refused_in_a_short_line(site: Path, where: str, named: str, line: int, skipped: str):
    if where == "site.yaml":
        (site / "site.yaml").write_text(LAUGHS + "title: *i\n", encoding="utf-8")
    elif where == "sidecar":
        (site / named).write_text(LAUGHS + "committee: *i\n", encoding="utf-8")
    else:
        (site / named).parent.mkdir(parents=True)
        (site / named).write_text(f"---\n{LAUGHS}---\n\nText.\n", encoding="utf-8")
    run = run_minutes(site, "build", "--no-search", "--keep-going")
    assert run.returncode == 1
    assert_clean(run)
    (message,) = run.lines_naming(named.rsplit("/", 1)[-1])
    assert re.search(rf"(^|/){re.escape(named)}:{line}: error: malformed YAML[a-z ]*: the aliases \(\*name\)", message)
    assert "write the values out instead of repeating them through aliases" in message
    assert skipped in message
    assert "more than 100,000 values" in message and len(message) < 400
    assert len(run.stderr) < 5000
    assert run.peak_mb < 300 and run.cpu_seconds < 60
    if where != "site.yaml":
        assert_rest_built(site)


# --- 18: repetition taking a paper's text away as running headers ------------------------------


def test_lines_repeated_page_after_page_are_kept_past_the_share_headers_may_take(site: Path):
    pages = "".join(
        f"## Page {n}\n\nRESOLVED: That the Council notes the report on the budget and approves every recommendation "
        f"in it.\n\nItem {n}. The Cabinet considered the business before it and recorded its decision here.\n\n"
        for n in range(1, 200)
    )
    paper(site, "resolutions.txt", "CABINET\n\nMonday, 2nd March, 2015\n\nMINUTES\n\n" + pages)
    run = run_minutes(site, "build", "--no-search")
    assert run.returncode == 0, run.stderr[-2000:]
    (warning,) = run.lines_naming("resolutions.txt")
    assert warning.startswith("content/papers/resolutions.txt:")
    found = re.search(r"warning: (\d+) lines repeat on page after page like running headers or footers", warning)
    assert found and int(found.group(1)) > 390  # two a page, less any the rules read as something else
    assert "(limit: 15% of a paper)" in warning
    body = (site / "content" / "meetings" / "cabinet" / "2015-03-02" / "minutes.md").read_text(encoding="utf-8")
    assert body.split("\n---\n", 1)[1].count("approves every recommendation") == 199


# --- the whole suite under 1 GiB ------------------------------------------------------------------


def test_a_build_of_the_demo_fits_in_one_gibibyte(tmp_path: Path):
    """The limit these tests run under is no obstacle to a real site: the demo converts and builds."""
    from helpers import copy_demo_site

    root = copy_demo_site(tmp_path / "demo")
    run = run_minutes(root, "build", "--no-search")
    assert run.returncode == 0, run.stderr[-2000:]
    assert_clean(run)
    assert run.peak_mb < 1024


def test_the_address_space_limit_is_in_force():
    """The limit is real: a child asked for 2 GiB under it fails, where it would otherwise succeed."""
    probe = "bytearray(2 << 30)"
    limited = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, preexec_fn=_limit_address_space
    )
    assert limited.returncode != 0 and "MemoryError" in limited.stderr
