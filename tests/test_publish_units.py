"""Publishing, unit by unit: staging names, the swap, hard-linked copies, the cache's manifest, the lock.

Quick tests on tiny folders (the whole-site behaviour is tests/test_publish_observed.py
and tests/test_integrity.py); these are what `make mutation` runs against publish/.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import HANG
from minutes.core.errors import UserError
from minutes.publish import atomic, cache, lock


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def make(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# --- atomic.py ---------------------------------------------------------------------------


def test_staging_and_overlay_sit_beside_the_output_as_hidden_folders(tmp_path):
    output = tmp_path / "site" / "output"
    assert atomic.staging_folder(output) == tmp_path / "site" / ".output.staging"
    assert atomic.overlay_folder(output) == tmp_path / "site" / ".output.overlay"


@pytest.mark.parametrize(
    ("files", "refused"),
    [
        (None, ""),  # no such folder
        ({}, ""),  # an empty folder
        ({".minutes-build": "", "index.html": "x"}, ""),  # one a build made
        ({"index.html": "x"}, "holds files minutes did not build"),
        ({"notes/todo.txt": "x"}, "holds files minutes did not build"),
    ],
    ids=["missing", "empty", "built", "foreign", "foreign-deep"],
)
def test_a_build_replaces_only_a_folder_it_made(tmp_path, files, refused):
    output = tmp_path / "output"
    if files is not None:
        output.mkdir()
        make(output, files)
    if refused:
        with pytest.raises(UserError, match=refused):
            atomic.refuse_foreign_output(output)
    else:
        atomic.refuse_foreign_output(output)


def test_a_file_named_as_output_is_refused(tmp_path):
    (tmp_path / "site.yaml").write_text("title: x\n", encoding="utf-8")
    with pytest.raises(UserError, match="is a file, not a folder"):
        atomic.refuse_foreign_output(tmp_path / "site.yaml")


def test_write_file_makes_its_folders(tmp_path):
    atomic.write_file(tmp_path / "a" / "b" / "page.html", b"page")
    atomic.write_file(tmp_path / "a" / "b" / "page.html", b"again")
    assert tree(tmp_path) == {"a/b/page.html": b"again"}


def test_mark_leaves_the_marker_text(tmp_path):
    atomic.mark(tmp_path)
    assert tree(tmp_path) == {".minutes-build": atomic.MARKER_TEXT.encode()}


def test_the_first_swap_renames_the_staged_site_into_place(tmp_path):
    output = tmp_path / "output"
    staging = make(atomic.staging_folder(output), {"index.html": "new"})
    atomic.swap_in(staging, output)
    assert tree(output) == {".minutes-build": atomic.MARKER_TEXT.encode(), "index.html": b"new"}
    assert not staging.exists()


def test_a_swap_puts_the_old_site_aside_whole_and_removes_it_in_the_background(tmp_path, removers):
    output = make(tmp_path / "output", {"index.html": "old", "old.html": "old"})
    inode = output.stat().st_ino
    staging = make(atomic.staging_folder(output), {"index.html": "new"})
    atomic.swap_in(staging, output)
    assert tree(output) == {".minutes-build": atomic.MARKER_TEXT.encode(), "index.html": b"new"}
    assert not staging.exists()
    # The old folder went aside under a trash name (the same folder: its inode) and is being deleted.
    deadline = time.monotonic() + HANG
    while list(tmp_path.glob(".output.trash-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]
    assert output.stat().st_ino != inode


def test_exchange_swaps_two_folders(tmp_path):
    a = make(tmp_path / "a", {"x": "a"})
    b = make(tmp_path / "b", {"y": "b"})
    assert atomic._exchange(a, b) is True
    assert tree(a) == {"y": b"b"} and tree(b) == {"x": b"a"}


def test_exchange_with_a_missing_folder_is_an_error(tmp_path):
    a = make(tmp_path / "a", {"x": "a"})
    with pytest.raises(FileNotFoundError):
        atomic._exchange(a, tmp_path / "missing")


def test_clone_tree_links_every_file_but_those_left_out(tmp_path):
    source = make(tmp_path / "src", {"index.html": "i", "a/page.html": "p", "a/gone.html": "g", "b/c/deep.txt": "d"})
    target = tmp_path / "dst"
    atomic.clone_tree(source, target, leave_out={"a/gone.html"})
    assert tree(target) == {"index.html": b"i", "a/page.html": b"p", "b/c/deep.txt": b"d"}
    for name in ("index.html", "a/page.html", "b/c/deep.txt"):
        assert (target / name).stat().st_ino == (source / name).stat().st_ino, name


def test_move_files_moves_each_file_to_its_place(tmp_path):
    source = make(tmp_path / "overlay", {"a/page.html": "new", "index.html": "new"})
    target = make(tmp_path / "staging", {"a/page.html": "old", "kept.html": "kept"})
    assert atomic.move_files(source, target) == ["a/page.html", "index.html"]
    assert tree(target) == {"a/page.html": b"new", "index.html": b"new", "kept.html": b"kept"}
    assert tree(source) == {}


def test_sweep_clears_what_a_killed_build_left(tmp_path, removers):
    output = make(tmp_path / "output", {"index.html": "served"})
    make(atomic.staging_folder(output), {"half.html": "x"})
    make(atomic.overlay_folder(output), {"half.html": "x"})
    make(tmp_path / ".output.old", {"x": "x"})
    make(tmp_path / ".output.trash-abc", {"x": "x"})
    atomic.sweep(output)
    deadline = time.monotonic() + HANG
    while len(list(tmp_path.iterdir())) > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]
    assert tree(output) == {"index.html": b"served"}


def test_remove_page_removes_the_folders_it_leaves_empty(tmp_path):
    output = make(tmp_path / "output", {"a/b/index.html": "x", "a/other.html": "y", "c/index.html": "z"})
    atomic.remove_page(output, "a/b/index.html")
    atomic.remove_page(output, "c/index.html")
    atomic.remove_page(output, "never/was.html")
    assert tree(output) == {"a/other.html": b"y"}
    assert sorted(p.name for p in output.iterdir()) == ["a"]


def test_remove_in_background_deletes_the_folder(tmp_path, removers):
    folder = make(tmp_path / "old", {"a/b.html": "x"})
    atomic.remove_in_background(folder)
    # Detached: a session of its own (a build stopped from its terminal does not stop it), no streams of ours.
    ((_, options),) = removers
    assert options == {
        "stdin": subprocess.DEVNULL,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
        "start_new_session": True,
    }
    deadline = time.monotonic() + HANG
    while folder.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not folder.exists()


def test_exchange_names_the_folder_it_could_not_swap_with(tmp_path):
    a = make(tmp_path / "a", {"x": "a"})
    make(tmp_path / "file", {})
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    with pytest.raises(OSError) as missing:
        atomic._exchange(a, tmp_path / "missing")
    assert (missing.value.errno, missing.value.strerror, missing.value.filename) == (
        errno.ENOENT,
        os.strerror(errno.ENOENT),
        str(tmp_path / "missing"),
    )
    with pytest.raises(OSError) as not_a_folder:
        atomic._exchange(a, tmp_path / "plain" / "below")
    assert (not_a_folder.value.errno, not_a_folder.value.filename) == (errno.ENOTDIR, str(tmp_path / "plain" / "below"))


def test_exchange_takes_paths_relative_to_the_working_folder(tmp_path, monkeypatch):
    make(tmp_path / "a", {"x": "a"})
    make(tmp_path / "b", {"y": "b"})
    monkeypatch.chdir(tmp_path)
    assert atomic._exchange(Path("a"), Path("b")) is True
    assert tree(tmp_path / "a") == {"y": b"b"}


def test_a_folder_cannot_be_exchanged_with_its_own_subfolder(tmp_path):
    a = make(tmp_path / "a", {"sub/x": "x"})
    assert atomic._exchange(a, a / "sub") is False
    assert tree(a) == {"sub/x": b"x"}


def test_a_file_left_where_a_clone_puts_one_is_replaced_by_a_copy(tmp_path):
    source = make(tmp_path / "src", {"index.html": "new", "a/page.html": "p"})
    target = make(tmp_path / "dst", {"index.html": "stale"})
    atomic.clone_tree(source, target, leave_out=set())
    assert tree(target) == {"index.html": b"new", "a/page.html": b"p"}
    assert (target / "index.html").stat().st_ino != (source / "index.html").stat().st_ino


def test_clone_tree_makes_the_folders_above_its_target(tmp_path):
    source = make(tmp_path / "src", {"index.html": "i"})
    atomic.clone_tree(source, tmp_path / "new" / "deeper" / "dst", leave_out=set())
    assert tree(tmp_path / "new") == {"deeper/dst/index.html": b"i"}


def test_move_files_makes_the_folders_a_file_needs(tmp_path):
    source = make(tmp_path / "overlay", {"a/b/c/page.html": "new"})
    target = tmp_path / "staging"
    target.mkdir()
    assert atomic.move_files(source, target) == ["a/b/c/page.html"]
    assert tree(target) == {"a/b/c/page.html": b"new"}


def test_write_file_writes_into_a_folder_that_is_there(tmp_path):
    atomic.write_file(tmp_path / "page.html", b"page")
    assert tree(tmp_path) == {"page.html": b"page"}


@pytest.mark.parametrize(
    ("output_files", "message"),
    [
        (
            "file",
            "the output folder {output} is a file, not a folder; a build would move it aside and delete it — "
            "name a folder that does not exist yet as --output (or output_dir)",
        ),
        (
            {"index.html": "x"},
            "the output folder {output} holds files minutes did not build; "
            "choose another --output, or empty the folder if it may be replaced",
        ),
    ],
    ids=["a-file", "foreign"],
)
def test_a_refused_output_says_what_to_do(tmp_path, output_files, message):
    output = tmp_path / "output"
    if output_files == "file":
        output.write_text("x", encoding="utf-8")
    else:
        make(output, output_files)
    with pytest.raises(UserError) as refused:
        atomic.refuse_foreign_output(output)
    assert refused.value.message == message.format(output=output)


def paths(folder: Path) -> set[str]:
    """Every file, folder and link under `folder`, folders marked with a slash."""
    return {
        p.relative_to(folder).as_posix() + ("/" if p.is_dir() and not p.is_symlink() else "") for p in folder.rglob("*")
    }


def test_replacing_files_one_by_one_leaves_the_new_site_and_nothing_of_the_old(tmp_path, monkeypatch):
    outside = make(tmp_path / "outside", {"keep.txt": "not the site's"})
    output = make(
        tmp_path / "output",
        {
            atomic.MARKER: "old marker",
            "index.html": "old",
            "gone/deep/page.html": "old",
            "was-a-folder/page.html": "old",
            "was-a-file": "old",
            "kept/old.html": "old",
        },
    )
    (output / "linked").symlink_to(outside, target_is_directory=True)
    (output / "old-link").symlink_to(outside, target_is_directory=True)
    staging = make(
        atomic.staging_folder(output),
        {
            atomic.MARKER: atomic.MARKER_TEXT,
            "index.html": "new",
            "was-a-folder": "a file now",
            "was-a-file/page.html": "in a folder now",
            "linked/page.html": "in a folder of the site",
            "kept/new.html": "new",
            "search/pagefind-entry.json": "entry",
            "search/z.pf_meta": "index",
            "z/deep/er/page.html": "new",
        },
    )
    replaced: list[str] = []
    real = os.replace

    def replace(source, destination):
        real(source, destination)
        replaced.append(Path(destination).relative_to(output).as_posix())

    monkeypatch.setattr(os, "replace", replace)
    atomic.replace_files(staging, output)
    assert tree(output) == {
        atomic.MARKER: atomic.MARKER_TEXT.encode(),
        "index.html": b"new",
        "was-a-folder": b"a file now",
        "was-a-file/page.html": b"in a folder now",
        "linked/page.html": b"in a folder of the site",
        "kept/new.html": b"new",
        "search/pagefind-entry.json": b"entry",
        "search/z.pf_meta": b"index",
        "z/deep/er/page.html": b"new",
    }
    assert paths(output) == {
        *tree(output),
        "was-a-file/",
        "linked/",
        "kept/",
        "search/",
        "z/",
        "z/deep/",
        "z/deep/er/",
    }
    assert tree(outside) == {"keep.txt": b"not the site's"}
    assert not staging.exists()
    # A new marker time first (a folder left half replaced is not trusted), then the files in order,
    # the search index's entry after the files it names, the staged marker last.
    assert replaced[0] == atomic.MARKER and replaced[-2:] == ["search/pagefind-entry.json", atomic.MARKER]
    assert replaced[1:-2] == [
        "index.html",
        "kept/new.html",
        "linked/page.html",
        "search/z.pf_meta",
        "was-a-file/page.html",
        "was-a-folder",
        "z/deep/er/page.html",
    ]


def test_a_file_that_becomes_a_folder_three_levels_down_makes_room(tmp_path):
    output = make(tmp_path / "output", {"a": "a file"})
    staging = make(tmp_path / "staging", {"a/b/c/page.html": "new", atomic.MARKER: atomic.MARKER_TEXT})
    atomic.replace_files(staging, output)
    assert tree(output) == {atomic.MARKER: atomic.MARKER_TEXT.encode(), "a/b/c/page.html": b"new"}


def test_replacing_files_never_touches_the_folders_above_the_output(tmp_path):
    """The output reached through a link (as macOS links its temporary folder): the link is above the site, not in it."""
    make(tmp_path / "real" / "output", {"index.html": "old"})
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    output = tmp_path / "link" / "output"
    staging = make(tmp_path / "staging", {"a/index.html": "new", atomic.MARKER: atomic.MARKER_TEXT})
    atomic.replace_files(staging, output)
    assert (tmp_path / "link").is_symlink()
    assert tree(tmp_path / "real") == {
        f"output/{atomic.MARKER}": atomic.MARKER_TEXT.encode(),
        "output/a/index.html": b"new",
    }


def test_a_swap_without_an_exchange_replaces_the_files(tmp_path, monkeypatch):
    output = make(tmp_path / "output", {"index.html": "old", "gone.html": "old"})
    staging = make(atomic.staging_folder(output), {"index.html": "new"})
    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    inode = output.stat().st_ino
    atomic.swap_in(staging, output)
    assert tree(output) == {atomic.MARKER: atomic.MARKER_TEXT.encode(), "index.html": b"new"}
    assert output.stat().st_ino == inode and not staging.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_the_old_site_goes_aside_under_a_trash_name_of_twelve_hex_digits(tmp_path, monkeypatch):
    output = make(tmp_path / "output", {"index.html": "old"})
    staging = make(atomic.staging_folder(output), {"index.html": "new"})
    aside: list[Path] = []
    monkeypatch.setattr(atomic, "remove_in_background", aside.append)
    atomic.swap_in(staging, output)
    (trash,) = aside
    assert re.fullmatch(r"\.output\.trash-[0-9a-f]{12}", trash.name) and trash.parent == tmp_path
    assert tree(trash) == {"index.html": b"old"}


def test_without_a_python_to_start_the_old_site_is_removed_at_once(tmp_path, monkeypatch):
    folder = make(tmp_path / "old", {"a/b.html": "x"})
    monkeypatch.setattr(atomic.sys, "executable", str(tmp_path / "no-such-python"))
    atomic.remove_in_background(folder)
    assert not folder.exists()
    atomic.remove_in_background(tmp_path / "never-was")  # nothing to remove is no error
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# --- cache.py -------------------------------------------------------------------------------


def test_a_recorded_folder_is_trusted_until_it_changes(tmp_path):
    output = make(tmp_path / "output", {"index.html": "x"})
    atomic.mark(output)
    db = cache.open_db(tmp_path / "cache")
    manifest = cache.Manifest(db, output)
    assert manifest.trusted(output) == {}
    manifest.record(output, [("index.html", "d1"), ("a.html", "d2")])
    assert manifest.trusted(output) == {"index.html": "d1", "a.html": "d2"}
    manifest.record(output, [("a.html", "d3")], removed=["index.html"])
    assert manifest.trusted(output) == {"a.html": "d3"}
    manifest.record(output, [("b.html", "d4")], replace=True)
    assert manifest.trusted(output) == {"b.html": "d4"}
    # An update under way when the build died: never trusted again until recorded whole.
    manifest.begin_update()
    assert manifest.trusted(output) == {}
    manifest.record(output, [])
    assert manifest.trusted(output) == {"b.html": "d4"}
    # A marker written since (another build, a restore) is another folder.
    time.sleep(0.01)
    atomic.mark(output)
    assert manifest.trusted(output) == {}
    manifest.record(output, [])
    manifest.forget()
    assert manifest.trusted(output) == {}
    db.close()


def test_the_manifest_keeps_each_folder_apart(tmp_path):
    one, two = make(tmp_path / "one", {}), make(tmp_path / "two", {})
    atomic.mark(one), atomic.mark(two)
    db = cache.open_db(tmp_path / "cache")
    cache.Manifest(db, one).record(one, [("index.html", "d1")])
    cache.Manifest(db, two).record(two, [("index.html", "d2")])
    assert cache.Manifest(db, one).trusted(one) == {"index.html": "d1"}
    assert cache.Manifest(db, two).trusted(two) == {"index.html": "d2"}
    assert cache.Manifest(db, two).trusted(one) == {}
    db.close()


def test_folder_identity_needs_the_marker(tmp_path):
    assert cache.folder_identity(tmp_path) == ""
    assert cache.folder_identity(tmp_path / "missing") == ""
    atomic.mark(tmp_path)
    stat = tmp_path.stat()
    mark = (tmp_path / atomic.MARKER).stat()
    assert cache.folder_identity(tmp_path) == f"{stat.st_dev}:{stat.st_ino}:{mark.st_mtime_ns}"


def test_the_cache_is_one_sqlite_file_with_its_tables(tmp_path):
    cache.open_db(tmp_path / "c").close()
    assert [p.name for p in (tmp_path / "c").iterdir() if p.suffix == ".sqlite"] == ["cache-1.sqlite"]
    db = sqlite3.connect(tmp_path / "c" / "cache-1.sqlite")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"markdown", "pages", "folders", "records", "files"}
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_a_transaction_rolls_back_on_an_error(tmp_path):
    db = cache.open_db(tmp_path)
    with pytest.raises(RuntimeError), cache._transaction(db):
        db.execute("INSERT INTO folders VALUES ('f', 'i', 0)")
        raise RuntimeError
    assert db.execute("SELECT COUNT(*) FROM folders").fetchone()[0] == 0
    with cache._transaction(db):
        db.execute("INSERT INTO folders VALUES ('f', 'i', 0)")
    assert db.execute("SELECT COUNT(*) FROM folders").fetchone()[0] == 1
    db.close()


def test_the_record_store_gives_back_what_was_put_after_a_flush(tmp_path):
    store = cache.RecordStore(tmp_path)
    key = store.key("kind: minutes\n")
    assert key != store.key("kind: agenda\n") and len(key) == 20
    assert store.get(key) is None
    store.put(key, {"kind": "minutes"})
    store.put_file("content/a.md", "1:2:3", ("loaded", 1))
    assert store.get(key) is None  # not written until flushed
    store.flush()
    assert store.db is None
    again = cache.RecordStore(tmp_path)
    assert again.get(key) == {"kind": "minutes"}
    assert again.file("content/a.md", "1:2:3") == ("loaded", 1)
    assert again.file("content/a.md", "1:2:4") is None
    assert again.file("content/b.md", "1:2:3") is None
    again.put_file("content/a.md", "1:2:4", ("changed", 2))
    again.flush()
    assert cache.RecordStore(tmp_path).file("content/a.md", "1:2:4") == ("changed", 2)


def test_a_record_store_never_read_from_still_writes_what_was_put(tmp_path):
    store = cache.RecordStore(tmp_path)
    store.put(store.key("kind: minutes\n"), {"kind": "minutes"})
    store.flush()
    assert store.db is None
    again = cache.RecordStore(tmp_path)
    assert again.get(again.key("kind: minutes\n")) == {"kind": "minutes"}


def test_file_digest_names_the_content():
    assert cache.file_digest(b"a") == cache.file_digest(b"a") != cache.file_digest(b"b")
    assert cache.file_digest(b"a").startswith("file:") and len(cache.file_digest(b"a")) == len("file:") + 32


# --- lock.py ----------------------------------------------------------------------------------

HOLD = """
import sys, time
from pathlib import Path
from minutes.publish.lock import site_lock
with site_lock(Path(sys.argv[1]), "build"):
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_a_second_build_is_refused_naming_the_first(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(UserError) as refused, lock.site_lock(tmp_path, "convert"):
            pass
        message = str(refused.value)
        assert f"another build of this site is running (minutes build, process {holder.pid}, since " in message
        assert "wait for it to finish and run `minutes convert` again" in message
    finally:
        holder.communicate("\n", timeout=60)
    # Released when the holder ended: the next one gets it and names itself.
    with lock.site_lock(tmp_path, "serve"):
        text = (tmp_path / lock.LOCK_NAME).read_text(encoding="utf-8")
        assert lock.holder(tmp_path / lock.LOCK_NAME).startswith(f"minutes serve, process {os.getpid()}, since ")
        assert text.count("\n") == 1


def test_an_unwritable_site_folder_is_named(tmp_path):
    # A "site folder" that is a file: no lock file can be made in it, whoever runs the test (root included).
    (tmp_path / "site").write_text("", encoding="utf-8")
    with pytest.raises(UserError, match="cannot create the lock file"), lock.site_lock(tmp_path / "site", "build"):
        pass


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (b"\0minutes build, process 7, since 10:00:00\n", "minutes build, process 7, since 10:00:00"),
        (b"\0", "another process"),
        (b"\0\xff caf\xc3\xa9\n", "\ufffd caf\u00e9"),
        (b"\0" + b"x" * 500, "x" * 400),
        (None, "another process"),
        ("a folder", "another process"),
    ],
    ids=["described", "empty", "not-utf8", "long", "missing", "unreadable"],
)
def test_the_holder_is_read_from_the_second_byte_of_the_lock_file(tmp_path, content, named):
    path = tmp_path / lock.LOCK_NAME
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content:
        path.mkdir()
    assert lock.holder(path) == named


def test_the_holder_describes_itself_after_the_first_byte_replacing_what_was_there(tmp_path):
    path = tmp_path / lock.LOCK_NAME
    path.write_bytes(b"\0minutes serve, process 123456, since 23:59:59\n")
    lock._describe(path, "minutes build")
    assert path.read_bytes() == b"\0minutes build\n"
    lock._describe(tmp_path / "missing" / lock.LOCK_NAME, "minutes build")  # a message lost, not an error
    assert not (tmp_path / "missing").exists()


def test_the_cache_folder_is_made_with_its_parents(tmp_path):
    db = cache.open_db(tmp_path / "a" / "b")
    db.close()
    assert sorted(p.name for p in (tmp_path / "a" / "b").iterdir())[0] == cache.cache_file(tmp_path).name
