"""Hostile paths, files and data loss: papers and records from strangers, tried through the command line.

Each case starts from its own copy of a small built site (two of the demo's
papers), does what an attacker or a clumsy contributor would, runs
`python -m minutes ...` as CI would (with a fake secret in the environment)
and asserts what the user sees and what is kept: the secret nowhere in the
output, files outside the site untouched, the exit status, one line naming
the file at fault, no traceback, no record lost or duplicated.

`docs/robustness.md` ("Paths, files and data loss") lists every case with what
the user sees.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from helpers import REPO

PAPERS = ("000_86c187667cde2ece.txt", "004_19e28d43e7fb93e4.txt")
COMMITTEE = "cabinet-member-for-communities-and-cohesion"
MINUTES = f"content/meetings/{COMMITTEE}/2013-11-18/minutes.md"
AGENDA = f"content/meetings/{COMMITTEE}/2013-12-16/agenda.md"
UNDATED = "content/meetings/improving-lives-select-commission/undated-004_19e28d43e7fb93e4/minutes.md"
TOKEN = "ci-token-" + hashlib.sha256(b"hostile paths").hexdigest()[:24]
"""A fake secret: in the environment of every run, and in every file outside the site a case points at."""


def minutes(site: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The command line, as CI runs it: with a secret token in the environment."""
    environment = dict(os.environ, CI_TOKEN=TOKEN, **(env or {}))
    environment["PYTHONPATH"] = str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "minutes", *args],
        capture_output=True,
        text=True,
        cwd=site,
        env=environment,
        timeout=300,
    )


def tree_hash(folder: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    if not folder.exists():
        return "missing"
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def leaked(folder: Path) -> list[str]:
    """Files under `folder` holding the secret token, in any form a page could show it."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if TOKEN.encode() in data or TOKEN.encode("utf-16-le") in data:
                found.append(path.relative_to(folder).as_posix())
    return found


def records(site: Path) -> dict[str, bytes]:
    folder = site / "content" / "meetings"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


def lines_naming(out: str, name: str, words: str) -> list[str]:
    return [line for line in out.splitlines() if name in line and words in line]


def assert_clean(result: subprocess.CompletedProcess, exit: int) -> str:
    out = result.stderr + result.stdout
    assert "Traceback" not in out and "internal error" not in out, out
    assert result.returncode == exit, out
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """A small site, converted and built once per test process; each case copies it."""
    root = tmp_path_factory.mktemp("hostile-base") / "site"
    (root / "content" / "papers").mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    with (root / "site.yaml").open("a", encoding="utf-8") as settings:
        settings.write("url: https://minutes.example.org\n")  # without it, every --strict build fails on its warning
    for name in PAPERS:
        shutil.copy(REPO / "content" / "papers" / name, root / "content" / "papers" / name)
    shutil.copytree(REPO / "content" / "pages", root / "content" / "pages")
    result = minutes(root, "build", "--no-search")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def site(built_site: Path, tmp_path: Path) -> Path:
    """A private copy of the built site in `tmp_path/site`; `tmp_path` itself stands for 'outside the site'."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, symlinks=True, ignore=shutil.ignore_patterns(".output.trash-*"))
    return copy


def secret_file(site: Path, name: str = "secret.txt") -> Path:
    """A file beside the site (not in it) that no build may publish."""
    path = site.parent / name
    path.write_text(f"CABINET\n\nMonday, 2nd March, 2015\n\nCI_TOKEN={TOKEN}\n", encoding="utf-8")
    return path


def record(site: Path, relative: str, front: str, body: str = "The meeting's text.\n") -> Path:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    return path


# --- 1. a record's source.paper names a file outside the papers folder ----------------------------


@pytest.mark.parametrize(
    "paper, says",
    [
        ("/proc/self/environ", "is outside the site"),
        ("../secret.txt", "climbs out of the site"),
        ("content/papers/../../secret.txt", "climbs out of the papers folder"),
        ("content/papers/linked.txt", "is a link leading out of the papers folder"),
        ("site.yaml", "is not in the papers folder"),
    ],
    ids=["proc-environ", "dot-dot", "dot-dot-inside-papers", "link-in-papers", "a-site-file"],
)
def test_a_record_naming_a_paper_outside_the_papers_folder_publishes_nothing_of_it(site: Path, paper: str, says: str):
    secret_file(site)
    (site / "content" / "papers" / "linked.txt").symlink_to(site.parent / "secret.txt")
    relative = "content/meetings/cabinet/2015-03-09/minutes.md"
    record(
        site,
        relative,
        f"kind: minutes\ncommittee: Cabinet\ndate: '2015-03-09'\ntitle: Minutes\nsource:\n  paper: {paper}\n",
    )
    before = tree_hash(site / "output")
    out = assert_clean(minutes(site, "build", "--no-search"), 1)
    assert lines_naming(out, f"{relative}:6: error: source.paper", says), out
    assert tree_hash(site / "output") == before, "a failed build changed the output"

    out = assert_clean(minutes(site, "build", "--no-search", "--keep-going"), 1)
    output = site / "output"
    assert (output / "cabinet" / "2015-03-09" / "index.html").is_file(), "the record itself is published"
    assert leaked(output) == [], out
    assert not (output / "papers" / "environ").exists() and not (output / "papers" / "secret.txt").exists()
    assert "published the paper" not in (output / "cabinet" / "2015-03-09" / "index.html").read_text()

    out = assert_clean(minutes(site, "check"), 1)
    assert lines_naming(out, f"{relative}:6: error: source.paper", says), out


# --- 3. a conversion manifest naming files outside the meetings folder ------------------------------


def _manifest_entry(site: Path, files: dict[str, str]) -> None:
    path = site / "content" / "meetings" / ".converted.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    entry = manifest["papers"][f"content/papers/{PAPERS[0]}"]
    entry["files"].update(files)
    entry["digest"] = ""  # the paper is converted again, and what it no longer makes is removed
    path.write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize("form", ["dot-dot", "absolute", "through-a-link"])
def test_a_manifest_entry_outside_the_meetings_folder_never_deletes_or_writes_there(site: Path, form: str):
    victim = site.parent / "victim" / "2015-01-01" / "minutes.md"
    victim.parent.mkdir(parents=True)
    victim.write_text("Someone's own file, outside the site.\n", encoding="utf-8")
    digest = hashlib.sha256(victim.read_bytes()).hexdigest()
    (site / "content" / "meetings" / "evil").symlink_to(site.parent / "victim")
    name = {
        "dot-dot": "../../../victim/2015-01-01/minutes.md",
        "absolute": str(victim),
        "through-a-link": "evil/2015-01-01/minutes.md",
    }[form]
    _manifest_entry(site, {name: digest})
    out = assert_clean(minutes(site, "convert"), 0)
    assert victim.read_text(encoding="utf-8") == "Someone's own file, outside the site.\n"
    assert lines_naming(out, "content/meetings/.converted.json: warning: entry", "not a record inside the meetings"), (
        out
    )
    manifest = json.loads((site / "content" / "meetings" / ".converted.json").read_text(encoding="utf-8"))
    assert not any(name in entry["files"] for entry in manifest["papers"].values()), "the entry is dropped"


# --- 4. links leading out of the site in themes, pages and meetings ------------------------------------


def _theme_static_link(site: Path) -> None:
    static = site / "themes" / "default" / "static"
    static.mkdir(parents=True)
    (static / "leak.txt").symlink_to(secret_file(site))


def _theme_template_link(site: Path) -> None:
    templates = site / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    (templates / "page.html").symlink_to(secret_file(site))


def _page_link(site: Path) -> None:
    (site / "content" / "pages" / "leak.md").symlink_to(secret_file(site))


def _record_link(site: Path) -> None:
    outside = record(site.parent, "elsewhere/minutes.md", "kind: minutes\ncommittee: Cabinet\n", f"{TOKEN}\n")
    folder = site / "content" / "meetings" / "cabinet" / "2015-03-09"
    folder.mkdir(parents=True)
    (folder / "minutes.md").symlink_to(outside)


def _committee_folder_link(site: Path) -> None:
    record(site.parent, "elsewhere/2015-03-09/minutes.md", "kind: minutes\ncommittee: Cabinet\n", f"{TOKEN}\n")
    (site / "content" / "meetings" / "cabinet").symlink_to(site.parent / "elsewhere")


def _theme_folder_link(site: Path) -> None:
    elsewhere = site.parent / "elsewhere-theme"
    (elsewhere / "templates").mkdir(parents=True)
    (elsewhere / "templates" / "page.html").write_text(TOKEN, encoding="utf-8")
    (site / "themes").mkdir()
    (site / "themes" / "default").symlink_to(elsewhere)


@pytest.mark.parametrize(
    "setup, names, stops, absent",
    [
        (_theme_static_link, "themes/default/static/leak.txt", False, "static/leak.txt"),
        (_theme_template_link, "themes/default/templates/page.html", True, ""),
        (_theme_folder_link, "themes/default", True, ""),
        (_page_link, "content/pages/leak.md", False, "leak/index.html"),
        (_record_link, "content/meetings/cabinet/2015-03-09/minutes.md", False, "cabinet/2015-03-09/index.html"),
        (_committee_folder_link, "content/meetings/cabinet", False, "cabinet/index.html"),
    ],
    ids=["theme-static-file", "theme-template", "theme-folder", "page", "record", "committee-folder"],
)
def test_a_link_leading_out_of_the_site_is_never_followed(site: Path, setup, names: str, stops: bool, absent: str):
    setup(site)
    before = tree_hash(site / "output")
    out = assert_clean(minutes(site, "build", "--no-search"), 1)
    assert lines_naming(out, f"{names}: error: is a link leading out of", "instead of the link"), out
    assert tree_hash(site / "output") == before, "a failed build changed the output"
    out = assert_clean(minutes(site, "build", "--no-search", "--keep-going"), 1)
    output = site / "output"
    assert leaked(output) == [], out
    if stops:
        assert tree_hash(output) == before, "a broken theme publishes nothing"
    else:
        assert "published the rest" in out, out
        assert (output / "index.html").is_file() and not (output / absent).exists(), out


@pytest.mark.parametrize("what", ["sidecar", "sub-folder"])
def test_papers_and_sidecars_that_lead_out_are_never_read(site: Path, what: str):
    secret = secret_file(site, "secret.yaml")
    papers = site / "content" / "papers"
    if what == "sidecar":
        (papers / PAPERS[1]).with_suffix(".yaml").symlink_to(secret)
        names = f"content/papers/{PAPERS[1].removesuffix('.txt')}.yaml: error: is a link leading out of the papers"
    else:
        (site.parent / "archive").mkdir()
        (site.parent / "archive" / "leak.txt").write_text(secret.read_text(encoding="utf-8"), encoding="utf-8")
        (papers / "archive").symlink_to(site.parent / "archive")
        names = "content/papers/archive: error: is a link to a file outside the papers folder"
    (papers / PAPERS[1]).write_text((papers / PAPERS[1]).read_text(encoding="utf-8") + "\nChanged.\n")
    out = assert_clean(minutes(site, "build", "--no-search", "--keep-going"), 1)
    assert lines_naming(out, names, ""), out
    assert leaked(site / "output") == [] and leaked(site / "content") == []


def test_a_content_folder_that_is_a_link_out_of_the_site_is_refused(site: Path):
    elsewhere = site.parent / "pages-elsewhere"
    elsewhere.mkdir()
    (elsewhere / "leak.md").write_text(f"# Leak\n\n{TOKEN}\n", encoding="utf-8")
    shutil.rmtree(site / "content" / "pages")
    (site / "content" / "pages").symlink_to(elsewhere)
    before = tree_hash(site / "output")
    out = assert_clean(minutes(site, "build", "--no-search", "--keep-going"), 1)
    assert lines_naming(out, "site.yaml: error: setting 'pages_dir'", "is a link leading out of the site"), out
    assert tree_hash(site / "output") == before and leaked(site / "output") == []


# --- 12. --output naming a file, a link or someone's folder -----------------------------------------


@pytest.mark.parametrize(
    "target, says",
    [
        ("site.yaml", "the output folder {site}/site.yaml is a file, not a folder"),
        ("output_dir: site.yaml", "the output folder {site}/site.yaml is a file, not a folder"),
        ("content/papers/" + PAPERS[0], "--output overlaps papers_dir"),
        ("linked-output", "the output folder {site}/../theirs holds files minutes did not build"),
        ("../theirs", "the output folder {site}/../theirs holds files minutes did not build"),
    ],
    ids=["site-yaml", "site-yaml-in-settings", "a-paper", "a-link-to-their-folder", "a-folder-of-theirs"],
)
def test_output_never_replaces_what_a_build_did_not_make(site: Path, target: str, says: str):
    theirs = site.parent / "theirs"
    theirs.mkdir()
    (theirs / "precious.txt").write_text("someone's own file\n", encoding="utf-8")
    (site / "linked-output").symlink_to(theirs)
    if target.startswith("output_dir:"):
        with (site / "site.yaml").open("a", encoding="utf-8") as settings_file:
            settings_file.write(f"\n{target}\n")
        command = ("build", "--no-search")
    else:
        command = ("build", "--no-search", "--output", target)
    settings = (site / "site.yaml").read_bytes()
    paper = (site / "content" / "papers" / PAPERS[0]).read_bytes()
    shutil.copy(REPO / "content" / "papers" / "002_6f9fd44b4208914b.txt", site / "content" / "papers" / "new.txt")
    before, theirs_before, converted = tree_hash(site / "output"), tree_hash(theirs), records(site)
    out = assert_clean(minutes(site, *command), 1)
    expected = "minutes: error: " + says.format(site=site).replace(f"{site}/../", f"{site.parent}/")
    assert [line for line in out.splitlines() if line.startswith(expected)], out
    assert (site / "site.yaml").read_bytes() == settings
    assert (site / "content" / "papers" / PAPERS[0]).read_bytes() == paper
    assert tree_hash(theirs) == theirs_before and tree_hash(site / "output") == before
    assert not [p.name for p in site.parent.rglob(".*trash-*")], "nothing was moved aside"
    assert records(site) == converted, "refused before converting anything"


def test_output_may_be_a_new_or_empty_folder(site: Path):
    (site.parent / "empty").mkdir()
    assert_clean(minutes(site, "build", "--no-search", "--output", "../empty"), 0)
    assert (site.parent / "empty" / "index.html").is_file()
    assert_clean(minutes(site, "build", "--no-search", "--output", "../new"), 0)
    assert (site.parent / "new" / "index.html").is_file()


# --- 13. records, the manifest and the disk ------------------------------------------------------------


def _namespaces_work() -> bool:
    """Whether this system lets a process mount a small private disk (a tmpfs in its own namespace)."""
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt || mount -t tmpfs -o size=4k tmpfs /tmp"],
        capture_output=True,
    )
    return probe.returncode == 0


small_disk = pytest.mark.skipif(
    not _namespaces_work(), reason="no user and mount namespaces here (unshare -rm) to make a small disk"
)


def on_small_disk(site: Path, mount: Path, kilobytes: int, *args: str, after: str = "") -> subprocess.CompletedProcess:
    """`minutes ARGS` with `mount` on a private disk of `kilobytes`, then the shell command `after`."""
    script = (
        f'mount -t tmpfs -o size={kilobytes}k tmpfs "$1" && shift && "$@"; status=$?; {after or "true"}; exit $status'
    )
    environment = dict(os.environ, CI_TOKEN=TOKEN)
    environment["PYTHONPATH"] = str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", str(mount), sys.executable, "-m", "minutes", *args],
        capture_output=True,
        text=True,
        cwd=site,
        env=environment,
        timeout=300,
    )


@small_disk
def test_a_full_disk_during_convert_leaves_no_partial_record(tmp_path: Path):
    site = tmp_path / "site"
    (site / "content" / "papers").mkdir(parents=True)
    shutil.copy(REPO / "content" / "papers" / PAPERS[0], site / "content" / "papers" / PAPERS[0])
    meetings = site / "content" / "meetings"
    meetings.mkdir()
    kept = tmp_path / "what-was-on-the-full-disk"
    kept.mkdir()
    result = on_small_disk(site, meetings, 8, "convert", after=f'cp -a "{meetings}/." "{kept}/"')
    out = assert_clean(result, 1)
    assert lines_naming(out, "content/meetings/", "error: the disk holding content/meetings/ is full"), out
    assert not [line for line in out.splitlines() if line.startswith("content/papers/") and "error" in line], out
    partial = [p for p in kept.rglob("*") if p.is_file() and p.suffix == ".md" and not p.read_bytes().endswith(b"\n")]
    assert [p for p in kept.rglob("*.md") if p.stat().st_size == 0] == [] and partial == []
    assert not list(kept.rglob("*.tmp")), "temporary files are removed"

    # The disk is freed: what the full disk held is put back, and the next convert writes every record.
    shutil.rmtree(meetings)
    shutil.copytree(kept, meetings)
    out = assert_clean(minutes(site, "convert"), 0)
    assert "kept hand-edited" not in out, out
    fresh = tmp_path / "fresh"
    (fresh / "content" / "papers").mkdir(parents=True)
    shutil.copy(REPO / "content" / "papers" / PAPERS[0], fresh / "content" / "papers" / PAPERS[0])
    assert_clean(minutes(fresh, "convert"), 0)
    assert records(site) == records(fresh)


@pytest.mark.parametrize("cut", ["empty", "half"])
def test_a_record_cut_short_by_an_earlier_crash_is_not_a_hand_edit(site: Path, cut: str):
    """A write interrupted before the manifest was saved (as versions that wrote in place could leave)."""
    path = site / MINUTES
    whole = path.read_bytes()
    path.write_bytes(b"" if cut == "empty" else whole[: len(whole) // 2])
    manifest_path = site / "content" / "meetings" / ".converted.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for entry in manifest["papers"].values():
        entry["files"].pop(MINUTES.removeprefix("content/meetings/"), None)
        entry["digest"] = ""
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    out = assert_clean(minutes(site, "build", "--no-search"), 0)
    assert "kept hand-edited" not in out, out
    assert path.read_bytes() == whole


def test_an_edit_that_only_adds_is_still_a_hand_edit(site: Path):
    """The other side of the rule above: text added to a record is a person's, kept."""
    path = site / MINUTES
    path.write_bytes(path.read_bytes() + b"\nA line added by hand.\n")
    (site / "content" / "papers" / PAPERS[0]).write_text(
        (site / "content" / "papers" / PAPERS[0]).read_text(encoding="utf-8") + "\nA change.\n", encoding="utf-8"
    )
    out = assert_clean(minutes(site, "build", "--no-search"), 0)
    assert lines_naming(out, MINUTES, "kept hand-edited file"), out
    assert path.read_bytes().endswith(b"A line added by hand.\n")


def test_the_manifest_is_replaced_whole(site: Path):
    """Written to a temporary name and renamed: a link put in its place is replaced, never written through."""
    victim = site.parent / "victim.json"
    victim.write_text("{}", encoding="utf-8")
    manifest = site / "content" / "meetings" / ".converted.json"
    manifest.unlink()
    manifest.symlink_to(victim)
    out = assert_clean(minutes(site, "convert"), 0)
    assert lines_naming(out, ".converted.json", "unreadable"), out
    assert victim.read_text(encoding="utf-8") == "{}"
    assert not manifest.is_symlink() and json.loads(manifest.read_text(encoding="utf-8"))["papers"]


# --- 14. a renamed paper ------------------------------------------------------------------------------


def test_a_renamed_paper_keeps_its_records(site: Path):
    before = records(site)
    papers = site / "content" / "papers"
    (papers / PAPERS[0]).rename(papers / "minutes-cabinet-2013.txt")
    out = assert_clean(minutes(site, "build", "--no-search"), 0)
    assert lines_naming(out, "content/papers/minutes-cabinet-2013.txt: note: is content/papers/", "renamed"), out
    assert "also comes from" not in out and "second minutes" not in out, out
    after = records(site)
    assert sorted(after) == sorted(before), "no record added, none lost"
    from_paper = [name for name, data in after.items() if b"minutes-cabinet-2013.txt" in data]
    assert len(from_paper) == sum(1 for data in before.values() if PAPERS[0].encode() in data) > 0
    assert not [name for name, data in after.items() if PAPERS[0].encode() in data]
    output = site / "output"
    assert (output / "papers" / "minutes-cabinet-2013.txt").is_file()
    assert not (output / "papers" / PAPERS[0]).exists()
    assert_clean(minutes(site, "check"), 0)


def test_a_renamed_paper_with_an_edited_record_says_what_to_change(site: Path):
    path = site / MINUTES
    path.write_bytes(path.read_bytes() + b"\nA line added by hand.\n")
    before = records(site)
    papers = site / "content" / "papers"
    (papers / PAPERS[0]).rename(papers / "renamed.txt")
    out = assert_clean(minutes(site, "build", "--no-search"), 0)
    assert lines_naming(out, MINUTES, f"still names content/papers/{PAPERS[0]}"), out
    assert path.read_bytes().endswith(b"A line added by hand.\n")
    assert sorted(records(site)) == sorted(before), "no record added (no duplicate), none lost"


# --- 15. papers in sub-folders ---------------------------------------------------------------------------


def test_papers_in_sub_folders_are_converted_and_published(site: Path):
    folder = site / "content" / "papers" / "2014" / "web"
    folder.mkdir(parents=True)
    shutil.copy(REPO / "content" / "papers" / "002_6f9fd44b4208914b.txt", folder / "partnership.txt")
    out = assert_clean(minutes(site, "build", "--no-search"), 0)
    made = [name for name, data in records(site).items() if b"content/papers/2014/web/partnership.txt" in data]
    assert made, out
    output = site / "output"
    assert (output / "papers" / "2014" / "web" / "partnership.txt").is_file()
    pages = "\n".join(p.read_text(encoding="utf-8") for p in output.rglob("index.html"))
    assert "/papers/2014/web/partnership.txt" in pages
    assert_clean(minutes(site, "check"), 0)


# --- 16. names of papers that are not names of folders ----------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["minutes #5 ?draft %25.txt", "x" * 248 + ".txt", "minutes: a*b|c<d>.txt"],
    ids=["hash-question-percent", "252-bytes", "windows-reserved-characters"],
)
def test_a_paper_name_never_breaks_a_folder_or_a_link(site: Path, name: str):
    papers = site / "content" / "papers"
    (papers / PAPERS[1]).rename(papers / name)
    assert_clean(minutes(site, "build", "--no-search"), 0)
    folders = [p for p in (site / "content" / "meetings").rglob("*") if p.is_dir()]
    assert all(p.name.isascii() and len(p.name) <= 128 for p in folders), [p.name for p in folders]
    assert not [p for p in folders if set(p.name) & set("#?%:*|<> ")]
    published = [p.name for p in (site / "output" / "papers").iterdir()]
    assert all(len(n.encode()) <= 150 and not set(n) & set('#?%:*|<>"') for n in published), published
    assert_clean(minutes(site, "check"), 0)  # every link of every page reaches its file
    assert not (site / "output" / "papers" / PAPERS[1]).exists()


def test_nfc_and_nfd_names_give_one_folder_name_and_a_warning(site: Path):
    papers = site / "content" / "papers"
    nfc, nfd = unicodedata.normalize("NFC", "café.txt"), unicodedata.normalize("NFD", "café.txt")
    assert nfc != nfd
    shutil.copy(papers / PAPERS[1], papers / nfc)
    text = (papers / PAPERS[1]).read_text(encoding="utf-8")
    (papers / nfd).write_text(text.replace("Improving Lives", "Improving Lives", 1) + "\nAnother copy.\n")
    out = assert_clean(minutes(site, "build", "--no-search"), 0)
    assert [line for line in out.splitlines() if "one name in two Unicode forms (NFC and NFD)" in line], out
    folders = {p.name for p in (site / "content" / "meetings").rglob("*") if p.is_dir()}
    assert "undated-cafe" in folders
    assert len({unicodedata.normalize("NFC", f).casefold() for f in folders}) == len(folders)
    assert all(f.isascii() for f in folders)
    published = sorted(p.name for p in (site / "output" / "papers").iterdir())
    assert len(published) == len(set(published)) == 4, published
    assert all(unicodedata.is_normalized("NFC", n) for n in published)


def test_paper_names_differing_only_by_case_are_reported(site: Path):
    papers = site / "content" / "papers"
    shutil.copy(papers / PAPERS[1], papers / "Minutes.txt")
    (papers / "minutes.txt").write_text((papers / PAPERS[1]).read_text(encoding="utf-8") + "\nAnother copy.\n")
    out = assert_clean(minutes(site, "build", "--no-search"), 0)
    assert lines_naming(
        out, "content/papers/minutes.txt: warning: its name and content/papers/Minutes.txt's", "case"
    ), out


# --- 18. one committee or meeting in two folders; a deleted record; a full disk during build -------------------


def test_committee_folders_differing_only_by_case_are_reported_and_published_once(site: Path):
    front = "kind: minutes\ncommittee: Cabinet\ndate: '{date}'\ntitle: Minutes\n"
    record(site, "content/meetings/Cabinet/2015-03-09/minutes.md", front.format(date="2015-03-09"))
    record(site, "content/meetings/cabinet/2015-03-10/minutes.md", front.format(date="2015-03-10"))
    out = assert_clean(minutes(site, "build", "--no-search"), 0)
    assert lines_naming(out, "content/meetings/cabinet: warning: this folder and content/meetings/Cabinet", "both"), out
    assert lines_naming(out, "content/meetings/Cabinet: warning:", "not a web address"), out
    output = site / "output"
    assert (output / "cabinet" / "2015-03-09" / "index.html").is_file()
    assert (output / "cabinet" / "2015-03-10" / "index.html").is_file()
    assert not (output / "Cabinet").exists()
    assert (output / "cabinet" / "index.html").read_text(encoding="utf-8").count('href="/cabinet/2015-03-') == 2
    assert assert_clean(minutes(site, "build", "--no-search", "--strict"), 1)


def test_one_meeting_in_two_folders_is_reported(site: Path):
    meetings = site / "content" / "meetings"
    shutil.copytree(meetings / COMMITTEE / "2013-11-18", meetings / "cabinet-member-copy" / "2013-11-18")
    out = assert_clean(minutes(site, "build", "--no-search"), 0)
    copy, original = "content/meetings/cabinet-member-copy/2013-11-18", f"content/meetings/{COMMITTEE}/2013-11-18"
    said = [
        line
        for line in out.splitlines()
        if line.startswith((f"{copy}/minutes.md: warning:", f"{original}/minutes.md: warning:"))
        and ("is also in " + copy in line or "is also in " + original in line)
        and "the meeting is published twice" in line
    ]
    assert len(said) == 1, out  # the folder holds the minutes only: one line, naming both folders


def test_a_deleted_record_stays_deleted_until_asked_for(site: Path):
    agenda = site / AGENDA
    agenda.unlink()
    out = assert_clean(minutes(site, "build", "--no-search"), 0)
    assert lines_naming(out, f"{AGENDA}: note: was deleted by hand", "minutes convert --force content/papers/"), out
    assert not agenda.exists()
    again = assert_clean(minutes(site, "build", "--no-search", "--strict"), 0)
    assert not agenda.exists() and "deleted by hand" not in again, "said once, and a note fails no --strict build"
    changed = site / "content" / "papers" / PAPERS[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA line added to the paper.\n", encoding="utf-8")
    out = assert_clean(minutes(site, "build", "--no-search"), 0)
    assert not agenda.exists() and "deleted by hand" in out, "a changed paper does not bring it back either"
    assert_clean(minutes(site, "convert", "--force", f"content/papers/{PAPERS[0]}"), 0)
    assert agenda.is_file()


@small_disk
def test_a_full_disk_during_build_is_reported_as_the_disk_naming_the_output(site: Path):
    disk = site.parent / "disk"
    disk.mkdir()
    out = assert_clean(on_small_disk(site, disk, 64, "build", "--no-search", "--output", str(disk / "site")), 1)
    assert lines_naming(out, f"{disk / 'site'}: error: the disk holding the output folder is full", "nothing was"), out
    blamed = [line for line in out.splitlines() if line.startswith(("content/", "themes/")) and ": error:" in line]
    assert blamed == [], out


# --- the rule itself: names, roots, links and writes, case by case -----------------------------------------

from minutes.core import paths  # noqa: E402  (the cases above run the command line; these call the module)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("cabinet", "cabinet"),
        ("004_19e28d43e7fb93e4", "004_19e28d43e7fb93e4"),
        ("Cabinet #5 ?draft %25", "cabinet-5-draft-25"),
        (unicodedata.normalize("NFD", "Café"), "cafe"),
        (unicodedata.normalize("NFC", "Café"), "cafe"),
        ("../../etc", "etc"),
        ("CON", "con"),
    ],
)
def test_segment_makes_a_folder_name_of_any_text(text: str, expected: str):
    assert paths.segment(text) == expected
    assert paths.is_segment(expected)


@pytest.mark.parametrize("text", ["", "議事録", "---", "x" * 300, "x" * 299 + "y"])
def test_segment_of_text_it_cannot_keep_is_short_and_its_own(text: str):
    name = paths.segment(text)
    assert 0 < len(name) <= paths.SEGMENT_LIMIT and paths.is_segment(name)
    others = {paths.segment(t) for t in ("", "議事録", "---", "x" * 300, "x" * 299 + "y") if t != text}
    assert name not in others, "two texts never give one name by being cut or having no ASCII"


@pytest.mark.parametrize(
    "name, kept",
    [
        ("cabinet minutes 18 nov.txt", True),
        ("cofnodion-cabinet-\u2013-\u0175\u00e9.txt", True),
        ("-minutes.txt", True),
        ("Minutes.PDF", True),
        ("a#b?c%25.txt", False),
        ("minutes: a*b|c<d>.txt", False),
        ("CON.txt", False),
        (".htaccess", False),
        (unicodedata.normalize("NFD", "café.txt"), False),
        ("x" * 248 + ".txt", False),
    ],
)
def test_file_name_keeps_safe_names_and_changes_the_rest_uniquely(name: str, kept: bool):
    safe = paths.file_name(name)
    assert (safe == name) is kept
    assert len(safe.encode("utf-8")) <= paths.FILE_NAME_LIMIT
    assert not set(safe) & set('#?%/\\:*"<>|') and not safe.startswith(".")
    assert unicodedata.is_normalized("NFC", safe)
    assert safe.split(".")[0].lower() not in {"con", "nul", "prn", "aux"}
    if not kept:
        assert safe != paths.file_name(name + "2"), "a changed name carries a digest of the original"


@pytest.mark.parametrize(
    "paper, address",
    [
        ("content/papers/x.pdf", "x.pdf"),
        ("content/papers/2014/web/x.pdf", "2014/web/x.pdf"),
        ("content/papers/x.pdf/../../site.yaml", ""),
        ("content/other/x.pdf", ""),
        ("/proc/self/environ", ""),
        ("content/papers", ""),
    ],
)
def test_paper_address_is_inside_papers_or_nothing(paper: str, address: str):
    from pathlib import PurePosixPath

    assert paths.paper_address(PurePosixPath("content/papers"), paper) == address


@pytest.mark.parametrize(
    "relative, fails",
    [
        ("cabinet/2015-03-09/minutes.md", ""),
        ("../victim.txt", "climbs out"),
        ("cabinet/../../victim.txt", "climbs out"),
        ("cabinet\\..\\..\\victim.txt", "climbs out"),
        ("/etc/passwd", "is outside"),
        ("C:/victim.txt", "is outside"),
        ("a\x00b", "is not a path"),
        ("", "is not a path"),
        ("linked/minutes.md", "is a link leading out"),
        ("inner/minutes.md", ""),
    ],
)
def test_resolve_in_keeps_every_path_inside_its_root(tmp_path: Path, relative: str, fails: str):
    root = tmp_path / "root"
    (root / "real").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    (root / "inner").symlink_to(root / "real")
    if fails:
        with pytest.raises(paths.OutsideRoot, match=fails):
            paths.resolve_in(root, relative, "the root")
        with pytest.raises(paths.OutsideRoot, match=fails):
            paths.Confinement(root, "the root").resolve(relative)
    else:
        assert paths.is_inside(paths.resolve_in(root, relative, "the root"), root)
        assert paths.Confinement(root, "the root").resolve(relative) == root / relative


def test_walk_and_files_at_follow_links_inside_and_refuse_links_out(tmp_path: Path):
    root = tmp_path / "root"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "one.md").write_text("1")
    (root / "a" / "b" / ".hidden.md").write_text("h")
    (root / "a" / "loop").symlink_to(root / "a")
    (tmp_path / "outside.md").write_text("secret")
    (root / "a" / "b" / "out.md").symlink_to(tmp_path / "outside.md")
    (root / "a" / "b" / "in.md").symlink_to(root / "a" / "b" / "one.md")
    (root / "away").symlink_to(tmp_path)
    found, refused = paths.walk(root, "the root")
    assert [p.relative_to(root).as_posix() for p in found] == ["a/b/in.md", "a/b/one.md"]
    assert sorted(p.relative_to(root).as_posix() for p, _ in refused) == ["a/b/out.md", "away"]
    assert all("is a link leading out of the root" in why for _, why in refused)
    found, refused = paths.files_at(root, 3, ".md", "the root")
    assert [p.relative_to(root).as_posix() for p in found] == ["a/b/in.md", "a/b/one.md"]
    assert [p.relative_to(root).as_posix() for p, _ in refused] == ["a/b/out.md", "away"]


def test_write_atomic_leaves_the_old_file_whole_when_the_disk_refuses(tmp_path: Path):
    """A real refusal: a process whose files may not grow past 1,000 bytes (RLIMIT_FSIZE) writes 5,000."""
    target = tmp_path / "minutes.md"
    target.write_text("the old record\n", encoding="utf-8")
    script = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from minutes.core.paths import write_atomic, is_disk_full\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
        "try:\n"
        "    write_atomic(Path(sys.argv[1]), b'x' * 5000, durable=True)\n"
        "except OSError as exc:\n"
        "    print('disk full' if is_disk_full(exc) else f'other: {exc}')\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(target)], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "disk full", result.stdout + result.stderr
    assert target.read_text(encoding="utf-8") == "the old record\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.md"], "no temporary file is left"
    paths.write_atomic(target, b"the new record\n")
    assert target.read_bytes() == b"the new record\n"
