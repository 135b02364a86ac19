"""Bad input, tried as a user would: one table of cases, each a real build through the command line.

Every case starts from its own copy of a small, already built site (two of the
demo's papers, a hand-edited record, a built output folder), breaks one thing,
runs `python -m minutes ...` and asserts what the user sees and what is kept:

- no traceback, ever;
- the exit status the case expects (1 whenever anything was skipped);
- a message naming the file at fault (`path:line: error: ...`);
- when the build fails, the output folder is exactly as it was (hashed);
- with `--keep-going`, the rest of the site is built;
- the hand-edited record is never overwritten.

`docs/robustness.md` lists every case with what the user sees.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers import HANG, REPO

PAPERS = ("000_86c187667cde2ece.txt", "004_19e28d43e7fb93e4.txt")
MEETING = "cabinet-member-for-communities-and-cohesion/2013-11-18"
"""A meeting of the base site, made from the first paper; its page must survive every case."""
RECORD = f"content/meetings/{MEETING}/minutes.md"
AGENDA = "content/meetings/cabinet-member-for-communities-and-cohesion/2013-12-16/agenda.md"
HAND_EDIT = "A sentence added by hand, which no build may lose."
REST = ("index.html", f"{MEETING}/index.html", "people/index.html", "committees/index.html", "about/index.html")
"""Pages that stand for 'the rest of the site'."""


def minutes(site: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(
        [sys.executable, "-m", "minutes", *args], capture_output=True, text=True, cwd=cwd or site, env=env, timeout=HANG
    )


def tree_hash(folder: Path, leave_out: str = "") -> str:
    """Every file's path and bytes under `folder` (less the top-level `leave_out`): equal hashes, equal trees."""
    h = hashlib.blake2b(digest_size=16)
    if not folder.exists():
        return "missing"
    for path in sorted(folder.rglob("*")):
        if leave_out and path.relative_to(folder).parts[0] == leave_out:
            continue
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@pytest.fixture(scope="session")
def base_site(tmp_path_factory) -> Path:
    """A small site, converted and built once per test process; cases copy it."""
    root = tmp_path_factory.mktemp("base") / "site"
    (root / "content" / "papers").mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for name in PAPERS:
        shutil.copy(REPO / "content" / "papers" / name, root / "content" / "papers" / name)
    shutil.copytree(REPO / "content" / "pages", root / "content" / "pages")
    first = minutes(root, "build", "--no-search")
    assert first.returncode == 0, first.stderr
    record = root / RECORD
    record.write_text(record.read_text(encoding="utf-8") + f"\n{HAND_EDIT}\n", encoding="utf-8")
    built = minutes(root, "build", "--no-search")
    assert built.returncode == 0, built.stderr
    return root


# --- what each case does to the site --------------------------------------------------------------


def paper(name: str, data: bytes | str) -> Callable[[Path], None]:
    def setup(site: Path) -> None:
        path = site / "content" / "papers" / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return setup


def text_file(relative: str, text: str) -> Callable[[Path], None]:
    def setup(site: Path) -> None:
        path = site / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return setup


def record_with(front: str, relative: str = "content/meetings/cabinet/2015-03-09/minutes.md"):
    return text_file(relative, f"---\n{front}---\n\nThe meeting's text.\n")


def demo_paper_text(index: int = 0) -> str:
    return (REPO / "content" / "papers" / PAPERS[index]).read_text(encoding="utf-8")


def a_paper_as(name: str, transform: Callable[[str], bytes]) -> Callable[[Path], None]:
    """The second demo paper under another name, encoded or altered."""
    return lambda site: paper(name, transform(demo_paper_text(1)))(site)


def renamed_paper(name: str) -> Callable[[Path], None]:
    """The first demo paper under a new name; the old name is removed (so nothing is a duplicate)."""

    def setup(site: Path) -> None:
        papers = site / "content" / "papers"
        (papers / PAPERS[0]).rename(papers / name)

    return setup


def link_outside(site: Path) -> None:
    secret = site.parent / "secret.txt"
    secret.write_text("CABINET\n\nMonday, 2nd March, 2015\n\nA private note, never to be published.\n")
    (site / "content" / "papers" / "outside.txt").symlink_to(secret)


def same_paper_twice(site: Path) -> None:
    shutil.copy(site / "content" / "papers" / PAPERS[0], site / "content" / "papers" / "copy-of-000.txt")


def two_papers_one_meeting(site: Path) -> None:
    """Another paper, told by its sidecar to be the minutes of a meeting the first paper holds."""
    papers = site / "content" / "papers"
    papers.joinpath("late-minutes.txt").write_text(demo_paper_text(1), encoding="utf-8")
    papers.joinpath("late-minutes.yaml").write_text(
        "committee: Cabinet Member for Communities and Cohesion\ndate: 2013-11-18\n"
    )


def sidecar_date(date: str) -> Callable[[Path], None]:
    def setup(site: Path) -> None:
        papers = site / "content" / "papers"
        papers.joinpath("dated.txt").write_text(demo_paper_text(1), encoding="utf-8")
        papers.joinpath("dated.yaml").write_text(f"date: {date}\n")

    return setup


def record_date(value: str) -> Callable[[Path], None]:
    def setup(site: Path) -> None:
        path = site / AGENDA
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("date: '2013-12-16'", f"date: {value}", 1), encoding="utf-8")

    return setup


def md_folder(site: Path) -> None:
    (site / "content" / "meetings" / "cabinet" / "2015-03-09" / "minutes.md").mkdir(parents=True)


def md_fifo(site: Path) -> None:
    folder = site / "content" / "meetings" / "cabinet" / "2015-03-09"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "minutes.md")


def md_unreadable(site: Path) -> None:
    record_with("kind: minutes\ncommittee: Cabinet\n")(site)
    (site / "content" / "meetings" / "cabinet" / "2015-03-09" / "minutes.md").chmod(0)


def site_yaml(text: str | bytes) -> Callable[[Path], None]:
    def setup(site: Path) -> None:
        path = site / "site.yaml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))

    return setup


def remove_site_yaml(site: Path) -> None:
    (site / "site.yaml").unlink()


def site_yaml_folder(site: Path) -> None:
    (site / "site.yaml").unlink()
    (site / "site.yaml").mkdir()


def template(name: str, text: str) -> Callable[[Path], None]:
    return text_file(f"themes/default/templates/{name}", text)


def outside_paper_on_command_line(site: Path) -> None:
    elsewhere = site.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "paper.txt").write_text(demo_paper_text(1), encoding="utf-8")


def paper_goes_bad(site: Path) -> None:
    (site / "content" / "papers" / PAPERS[0]).write_bytes(bytes(range(256)) * 64)


def paper_changes(site: Path) -> None:
    path = site / "content" / "papers" / PAPERS[0]
    path.write_text(path.read_text(encoding="utf-8") + "\nA line added to the paper.\n", encoding="utf-8")


def foreign_output(site: Path) -> None:
    folder = site.parent / "not-a-site"
    folder.mkdir()
    (folder / "precious.txt").write_text("someone's own file\n")


def huge_paper(site: Path) -> None:
    with open(site / "content" / "papers" / "huge.txt", "wb") as out:
        line = b"The committee noted the report and agreed the recommendations in full.\n"
        out.write(line * (50_000_000 // len(line) + 1))


def long_line(site: Path) -> None:
    (site / "content" / "papers" / "one-line.txt").write_bytes(b"word " * 1_000_000)


def page_named(stem: str) -> Callable[[Path], None]:
    return text_file(f"content/pages/{stem}.md", f"---\ntitle: A page called {stem}\n---\n\nHand-written.\n")


def committee_folder(folder: str) -> Callable[[Path], None]:
    return record_with(
        "kind: minutes\ncommittee: People Panel\ndate: '2015-03-09'\ntitle: Minutes\n",
        f"content/meetings/{folder}/2015-03-09/minutes.md",
    )


# --- the table -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    setup: Callable[[Path], None]
    exit: int
    says: str
    """A fragment of the message; it must be on a line naming `names`."""
    names: str
    """The file the message names (as printed: relative to the site, or the site.yaml path)."""
    command: tuple[str, ...] = ("build", "--no-search")
    built: tuple[str, ...] = REST
    """Output files that must exist after the build (with --keep-going when the build fails)."""
    absent: tuple[str, ...] = ()
    """Output files that must not exist (what was refused must not be published)."""
    absent_text: tuple[str, ...] = ()
    """Text no built page may contain (a script or template code from a paper)."""
    keep_going: bool = True
    """Whether a failed build is tried again with --keep-going to check the rest is built."""
    root_can_read: bool = False
    marks: tuple = field(default=())


ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

CASES = [
    # Papers
    Case("empty paper", paper("empty.txt", b""), 1, "the paper is empty", "content/papers/empty.txt"),
    Case(
        "whitespace-only paper",
        paper("blank.txt", b"  \n\t \r\n   \n"),
        1,
        "the paper is empty",
        "content/papers/blank.txt",
    ),
    Case("binary paper", paper("binary.txt", bytes(range(256)) * 40), 1, "binary file", "content/papers/binary.txt"),
    Case(
        "PDF bytes in a .txt",
        paper("scan.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" * 20),
        1,
        "PDF",
        "content/papers/scan.txt",
    ),
    Case(
        "UTF-16 with a byte-order mark",
        a_paper_as("utf16.txt", lambda t: t.encode("utf-16")),
        0,
        "",
        "",
        built=REST + ("papers/utf16.txt",),
    ),
    Case(
        "Windows-1252 paper",
        a_paper_as("cp1252.txt", lambda t: (t + "\nCaf\u00e9 \u2013 noted.\n").encode("cp1252", "replace")),
        0,
        "Windows-1252",
        "content/papers/cp1252.txt",
    ),
    Case(
        "CRLF line endings",
        a_paper_as("crlf.txt", lambda t: t.replace("\n", "\r\n").encode()),
        0,
        "",
        "",
        built=REST + ("papers/crlf.txt",),
    ),
    Case(
        "CR-only line endings",
        a_paper_as("cr.txt", lambda t: t.replace("\n", "\r").encode()),
        0,
        "",
        "",
        built=REST + ("papers/cr.txt",),
    ),
    Case(
        "NUL bytes in a paper",
        a_paper_as("nul.txt", lambda t: t.encode().replace(b"\n\n", b"\n\x00\n", 3)),
        1,
        "NUL bytes",
        "content/papers/nul.txt",
    ),
    Case(
        "a 50 MB paper", huge_paper, 1, "more than max_paper_mb", "content/papers/huge.txt", absent=("papers/huge.txt",)
    ),
    Case("a 5 MB single line", long_line, 0, "one-line.txt", "content/papers/one-line.txt"),
    Case(
        "a file name with spaces",
        renamed_paper("cabinet minutes 18 nov.txt"),
        0,
        "",
        "",
        built=REST + ("papers/cabinet minutes 18 nov.txt",),
    ),
    Case(
        "a unicode file name",
        renamed_paper("cofnodion-cabinet-\u2013-\u0175\u00e9.txt"),
        0,
        "",
        "",
        built=REST + ("papers/cofnodion-cabinet-\u2013-\u0175\u00e9.txt",),
    ),
    Case(
        "a file name with a leading dash",
        renamed_paper("-minutes.txt"),
        0,
        "",
        "",
        built=REST + ("papers/-minutes.txt",),
    ),
    Case(
        "a link to a file outside the site",
        link_outside,
        1,
        "link to a file outside",
        "content/papers/outside.txt",
        absent=("papers/outside.txt", "papers/secret.txt"),
        absent_text=("A private note",),
    ),
    Case(
        "../ path on the command line",
        outside_paper_on_command_line,
        1,
        "outside the papers folder",
        "elsewhere/paper.txt",
        command=("convert", "../elsewhere/paper.txt"),
        keep_going=False,
    ),
    Case("the same paper twice", same_paper_twice, 0, "also comes from", "content/papers/copy-of-000.txt"),
    Case(
        "two papers claiming one meeting",
        two_papers_one_meeting,
        0,
        "a second minutes for this meeting",
        "content/meetings/cabinet-member-for-communities-and-cohesion/2013-11-18/",
    ),
    Case("31 February in a sidecar", sidecar_date("2015-02-31"), 1, "is not a real date", "content/papers/dated.yaml"),
    Case("year 1066 in a sidecar", sidecar_date("1066-10-14"), 1, "not a plausible date", "content/papers/dated.yaml"),
    Case(
        "<script> in a paper",
        a_paper_as("script.txt", lambda t: (t + "\n<script>alert('x')</script>\n").encode()),
        0,
        "",
        "",
        absent_text=("<script>alert('x')",),
    ),
    Case(
        "Jinja syntax in a paper",
        a_paper_as("jinja.txt", lambda t: (t + "\nTotal {{ 7*7 }} {% if x %}\n").encode()),
        0,
        "",
        "",
        absent_text=("Total 49",),
    ),
    # Records and pages
    Case("a record dated 2013-13-45", record_date("'2013-13-45'"), 1, "is not a date", AGENDA),
    Case("a record dated 31 February", record_date("2013-02-31"), 1, "is not a real date", AGENDA),
    Case("a record dated 1066", record_date("'1066-12-16'"), 1, "not a plausible date", AGENDA),
    Case(
        "malformed front-matter",
        record_with("kind: minutes\ncommittee: Cabinet\ntitle: [oops\n"),
        1,
        "malformed YAML",
        "content/meetings/cabinet/2015-03-09/minutes.md:4",
    ),
    Case(
        "wrongly typed front-matter",
        record_with("kind: minutes\ncommittee: [Cabinet, Council]\n"),
        1,
        "committee",
        "content/meetings/cabinet/2015-03-09/minutes.md:3",
    ),
    Case(
        "a key given twice",
        record_with("kind: minutes\ncommittee: Cabinet\ndate: '2015-03-09'\ndate: '2015-03-10'\n"),
        1,
        "given twice",
        "content/meetings/cabinet/2015-03-09/minutes.md:5",
    ),
    Case(
        "front-matter never closed",
        text_file("content/meetings/cabinet/2015-03-09/minutes.md", "---\nkind: minutes\ncommittee: Cabinet\n\nText\n"),
        1,
        "",
        "content/meetings/cabinet/2015-03-09/minutes.md",
    ),
    Case("a .md that is a folder", md_folder, 1, "is a folder", "content/meetings/cabinet/2015-03-09/minutes.md"),
    Case(
        "an unreadable record (a pipe)",
        md_fifo,
        1,
        "not a regular file",
        "content/meetings/cabinet/2015-03-09/minutes.md",
    ),
    Case(
        "an unreadable record (no permission)",
        md_unreadable,
        1,
        "cannot read",
        "content/meetings/cabinet/2015-03-09/minutes.md",
        root_can_read=True,
    ),
    Case(
        "a page named people.md",
        page_named("people"),
        0,
        "published as people-page/",
        "content/pages/people.md",
        built=REST + ("people-page/index.html",),
    ),
    Case(
        "a page named like a committee",
        page_named("cabinet-member-for-communities-and-cohesion"),
        1,
        "makes cabinet-member-for-communities-and-cohesion/index.html",
        "content/pages/cabinet-member-for-communities-and-cohesion.md",
    ),
    Case(
        "a committee folder named people",
        committee_folder("people"),
        0,
        "published under people-committee/",
        "content/meetings/people",
        built=REST + ("people-committee/2015-03-09/index.html",),
    ),
    Case(
        "a committee folder named static",
        committee_folder("static"),
        0,
        "published under static-committee/",
        "content/meetings/static",
        built=REST + ("static-committee/index.html", "static/style.css"),
    ),
    Case(
        "a paper that goes bad keeps its records",
        paper_goes_bad,
        1,
        "binary",
        f"content/papers/{PAPERS[0]}",
        built=REST,
    ),
    Case("a changed paper keeps the hand edit", paper_changes, 0, "kept hand-edited file", RECORD),
    # site.yaml
    Case("site.yaml missing", remove_site_yaml, 0, "no site.yaml", "site.yaml"),
    Case("site.yaml empty", site_yaml(""), 0, "", ""),
    Case("site.yaml not YAML", site_yaml("title: [unclosed\n"), 1, "malformed YAML", "site.yaml:1", keep_going=False),
    Case("site.yaml a list", site_yaml("- title\n"), 1, "mapping", "site.yaml:1", keep_going=False),
    Case("site.yaml not UTF-8", site_yaml(b"title: Caf\xe9\n"), 1, "UTF-8", "site.yaml", keep_going=False),
    Case("site.yaml a folder", site_yaml_folder, 1, "is a folder", "site.yaml", keep_going=False),
    Case(
        "build_date malformed",
        site_yaml("title: x\nbuild_date: 2024-13-01\n"),
        1,
        "not a real date",
        "site.yaml:2",
        keep_going=False,
    ),
    Case(
        "build_date not a date",
        site_yaml("build_date: next tuesday\n"),
        1,
        "is not a date",
        "site.yaml:1",
        keep_going=False,
    ),
    Case(
        "timezone unknown",
        site_yaml("timezone: Europe/Lundun\n"),
        1,
        "not a known IANA time zone",
        "site.yaml:1",
        keep_going=False,
    ),
    Case(
        "review_notes not true/false",
        site_yaml("review_notes: sometimes\n"),
        1,
        "true or false",
        "site.yaml:1",
        keep_going=False,
    ),
    Case("a setting given twice", site_yaml("title: a\ntitle: b\n"), 1, "given twice", "site.yaml:2", keep_going=False),
    Case(
        "output_dir over the content",
        site_yaml("output_dir: content\n"),
        1,
        "overlaps",
        "site.yaml:1",
        keep_going=False,
    ),
    Case(
        "a missing theme", site_yaml("theme: nosuch\n"), 1, "theme 'nosuch' not found", "site.yaml:1", keep_going=False
    ),
    # Themes
    Case(
        "template syntax error",
        template("page.html", "{% extends 'base.html' %}{% block main %}{% if %}{% endblock %}"),
        1,
        "template error",
        "page.html:1",
        built=REST[:-1],
        absent=("about/index.html",),
    ),
    Case(
        "template runtime error",
        template(
            "page.html", "{% extends 'base.html' %}{% block main %}{{ page.title.no_such_method() }}{% endblock %}"
        ),
        1,
        "template error",
        "page.html:1",
        built=REST[:-1],
        absent=("about/index.html",),
    ),
    # The output folder
    Case(
        "--output holding someone's files",
        foreign_output,
        1,
        "holds files minutes did not build",
        "not-a-site",
        command=("build", "--no-search", "--output", "../not-a-site"),
        keep_going=False,
    ),
]


def _id(case: Case) -> str:
    return case.name.replace(" ", "-")


def test_the_table_tries_at_least_35_bad_inputs():
    assert len(CASES) >= 35
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_bad_input(case: Case, base_site: Path, tmp_path: Path):
    if case.root_can_read and ROOT:
        pytest.skip(
            "running as root, which reads any file whatever its permissions; the pipe and the folder "
            "named .md cases cover unreadable records for root"
        )
    site = tmp_path / "site"
    # Old outputs are deleted in the background after a build; they are no part of the site.
    shutil.copytree(base_site, site, symlinks=True, ignore=shutil.ignore_patterns(".output.trash-*"))
    # The base's cache names its output folder by absolute path: this copy starts cold, like a fresh checkout.
    before = tree_hash(site / "output")
    case.setup(site)
    result = minutes(site, *case.command)
    out = result.stderr + result.stdout

    assert "Traceback" not in out, out
    assert result.returncode == case.exit, out
    if case.says:
        lines = [line for line in out.splitlines() if case.names in line and case.says in line]
        assert lines, f"no line naming {case.names!r} says {case.says!r}:\n{out}"
    if case.exit:
        error_lines = [line for line in out.splitlines() if ": error: " in line or line.startswith("minutes: error:")]
        assert error_lines, out
        assert tree_hash(site / "output") == before, "a failed build changed the output folder"
    if case.exit and case.keep_going:
        result = minutes(site, *case.command, "--keep-going")
        out = result.stderr + result.stdout
        assert "Traceback" not in out, out
        assert result.returncode == 1, out
        assert "published the rest" in out, out
    if case.exit == 0 or case.keep_going:
        output = site / "output"
        missing = [p for p in case.built if not (output / p).is_file()]
        assert not missing, f"not built: {missing}\n{out}"
        present = [p for p in case.absent if (output / p).exists()]
        assert not present, f"published though refused: {present}"
        if case.absent_text:
            pages = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in output.rglob("*.html"))
            assert not [t for t in case.absent_text if t in pages]
    record = site / RECORD
    assert HAND_EDIT in record.read_text(encoding="utf-8"), "the hand-edited record was overwritten"


def test_reserved_names_cover_every_folder_a_build_makes(base_site: Path):
    from minutes.core.reserved import RESERVED

    output = base_site / "output"
    slugs = {p.name for p in (base_site / "content" / "meetings").iterdir() if p.is_dir()}
    slugs |= {p.stem for p in (base_site / "content" / "pages").glob("*.md")}
    folders = {p.name for p in output.iterdir() if p.is_dir()}
    assert folders - slugs <= RESERVED, (
        f"add to generator/minutes/core/reserved.py: {sorted(folders - slugs - RESERVED)}"
    )
