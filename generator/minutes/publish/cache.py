"""The build cache: rendered Markdown by content, and what each output folder holds.

One SQLite file in the site's cache folder (`.minutes-cache/` by default),
safe for the render workers to read and write at once (write-ahead log):

- `markdown`: the digest of a body part and everything its rendering depends
  on (renderer version, heading level, citation links, ids already used on
  the page) -> its HTML, headings and the ids it took. Content-addressed, so
  it is never stale, only unused.
- `pages`: per output folder, each file written and the digest it was made
  from (a page's input digest, or the digest of a feed's text). The output
  folder itself holds the bytes; this says which inputs they are of, so an
  unchanged page is neither rendered nor rewritten.
- `records`: the digest of a file's front-matter text (and of the code that
  reads it) -> the parsed front-matter and record, so a warm build reads no
  YAML for files whose front-matter is unchanged; and `files`: a file's path
  and stat signature (modification time in nanoseconds, size, inode) -> what
  the loader made of it, so a warm build does not even read unchanged files.
- `folders`: per output folder, the identity of the folder the rows describe
  and whether an update of it was under way. A folder that is not the one
  described (replaced, restored from a backup) or whose update never finished
  is rebuilt from nothing, never trusted.

Deleting the cache folder is always safe: the next build is a cold one.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from minutes.pages.markdown_html import RENDERER_VERSION, Heading, InlineLink, Rendered, render_markdown

SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS markdown (key BLOB PRIMARY KEY, html TEXT NOT NULL, headings TEXT NOT NULL,
                                     ids TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages (folder TEXT NOT NULL, path TEXT NOT NULL, digest TEXT NOT NULL,
                                  PRIMARY KEY (folder, path));
CREATE TABLE IF NOT EXISTS folders (folder TEXT PRIMARY KEY, identity TEXT NOT NULL, updating INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records (key BLOB PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, signature TEXT NOT NULL, value BLOB NOT NULL);
"""


def open_db(folder: Path) -> sqlite3.Connection:
    """The cache in `folder`, created if missing. Each process opens its own connection."""
    folder.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(cache_file(folder), timeout=60, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    # Losing the last writes in a power cut only costs a re-render; never a wrong page.
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(_SCHEMA)
    return db


def cache_file(folder: Path) -> Path:
    return folder / f"cache-{SCHEMA_VERSION}.sqlite"


# --- rendered Markdown -----------------------------------------------------------


class CachedMarkdown:
    """`render_markdown` through the cache: same arguments, same result, rendered once."""

    def __init__(self, db: sqlite3.Connection | None):
        self.db = db
        self.pending: list[tuple[bytes, str, str, str]] = []
        self.hits = 0
        self.misses = 0

    def __call__(
        self, body: str, *, base_level: int = 2, links: tuple[InlineLink, ...] = (), used_ids: set[str] | None = None
    ) -> Rendered:
        used = used_ids if used_ids is not None else set()
        if self.db is None:
            return render_markdown(body, base_level=base_level, links=links, used_ids=used)
        key = _key(body, base_level, links, used)
        row = self.db.execute("SELECT html, headings, ids FROM markdown WHERE key = ?", (key,)).fetchone()
        if row is not None:
            self.hits += 1
            used.update(json.loads(row[2]))
            return Rendered(row[0], tuple(Heading(*h) for h in json.loads(row[1])))
        self.misses += 1
        before = set(used)
        rendered = render_markdown(body, base_level=base_level, links=links, used_ids=used)
        headings = json.dumps([[h.level, h.id, h.text] for h in rendered.headings], ensure_ascii=False)
        self.pending.append((key, rendered.html, headings, json.dumps(sorted(used - before))))
        return rendered

    def flush(self) -> None:
        if self.db is not None and self.pending:
            with _transaction(self.db):
                self.db.executemany("INSERT OR IGNORE INTO markdown VALUES (?, ?, ?, ?)", self.pending)
        self.pending.clear()


def _key(body: str, base_level: int, links: tuple[InlineLink, ...], used: set[str]) -> bytes:
    h = hashlib.blake2b(digest_size=20)
    h.update(RENDERER_VERSION.encode() + b"\0%d\0" % base_level)
    for link in links:
        h.update(f"{link.text}\x1f{link.href}\x1f{link.title}\x1e".encode())
    h.update(b"\0" + "\x1f".join(sorted(used)).encode() + b"\0")
    h.update(body.encode("utf-8"))
    return h.digest()


# --- parsed front-matter --------------------------------------------------------------


def _contract_digest() -> bytes:
    """The code that turns a file into a record and what is kept of its body: a new version never reuses old ones."""
    h = hashlib.blake2b(digest_size=16)
    for name in (
        "records.frontmatter",
        "records.record",
        "records.characters",
        "core.yamlfile",
        "site.load",
        # What the loader keeps of a minutes record's body for the decisions register.
        "site.decisions_register",
        "site.items",
        "pages.resolution_spans",
        "pages.markdown_html",
    ):
        spec = importlib.util.find_spec(f"minutes.{name}")
        assert spec is not None and spec.origin is not None, name
        h.update(Path(spec.origin).read_bytes())
    h.update(RENDERER_VERSION.encode())  # the Markdown library's version, which those files do not say
    return h.digest()


class RecordStore:
    """Parsed front-matter by the digest of its text; used by the loader.

    It connects when first used and `flush` closes it again, so no connection
    is open when the render workers are forked.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self.db: sqlite3.Connection | None = None
        self.version = _contract_digest()
        self.pending: list[tuple[bytes, bytes]] = []
        self.pending_files: list[tuple[str, str, bytes]] = []

    def key(self, yaml_text: str) -> bytes:
        return hashlib.blake2b(self.version + yaml_text.encode("utf-8"), digest_size=20).digest()

    def get(self, key: bytes) -> Any:
        if self.db is None:
            self.db = open_db(self.folder)
        row = self.db.execute("SELECT value FROM records WHERE key = ?", (key,)).fetchone()
        return pickle.loads(row[0]) if row is not None else None

    def put(self, key: bytes, value: Any) -> None:
        self.pending.append((key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))

    def file(self, path: str, signature: str) -> Any:
        """What the loader made of a file that has not changed since, if known."""
        if self.db is None:
            self.db = open_db(self.folder)
        row = self.db.execute("SELECT signature, value FROM files WHERE path = ?", (path,)).fetchone()
        if row is None or row[0] != f"{self.version.hex()}:{signature}":
            return None
        return pickle.loads(row[1])

    def put_file(self, path: str, signature: str, value: Any) -> None:
        self.pending_files.append(
            (path, f"{self.version.hex()}:{signature}", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        )

    def flush(self) -> None:
        if self.pending or self.pending_files:
            if self.db is None:
                self.db = open_db(self.folder)
            with _transaction(self.db):
                self.db.executemany("INSERT OR IGNORE INTO records VALUES (?, ?)", self.pending)
                self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", self.pending_files)
            self.pending.clear()
            self.pending_files.clear()
        if self.db is not None:
            self.db.close()
            self.db = None


# --- what an output folder holds ----------------------------------------------------


def folder_identity(output: Path) -> str:
    """Which folder this is: its inode, and the time its marker file was last written by a build."""
    marker = output / ".minutes-build"
    try:
        folder, mark = output.stat(), marker.stat()
    except OSError:
        return ""
    return f"{folder.st_dev}:{folder.st_ino}:{mark.st_mtime_ns}"


class Manifest:
    """The `pages` and `folders` rows of one output folder."""

    def __init__(self, db: sqlite3.Connection, output: Path):
        self.db = db
        self.folder = str(output.resolve())

    def trusted(self, output: Path) -> dict[str, str]:
        """Output path -> digest of what the folder holds; empty if the folder cannot be trusted."""
        row = self.db.execute("SELECT identity, updating FROM folders WHERE folder = ?", (self.folder,)).fetchone()
        if row is None or row[1] or not row[0] or row[0] != folder_identity(output):
            return {}
        return dict(self.db.execute("SELECT path, digest FROM pages WHERE folder = ?", (self.folder,)))

    def begin_update(self) -> None:
        """Mark the folder as being changed in place: if the build dies now, it is not trusted again."""
        with _transaction(self.db):
            self.db.execute("UPDATE folders SET updating = 1 WHERE folder = ?", (self.folder,))

    def record(
        self, output: Path, changed: Iterable[tuple[str, str]], removed: Iterable[str] = (), *, replace: bool = False
    ) -> None:
        """Store what the folder now holds, and that it is whole."""
        with _transaction(self.db):
            if replace:
                self.db.execute("DELETE FROM pages WHERE folder = ?", (self.folder,))
            self.db.executemany(
                "INSERT OR REPLACE INTO pages VALUES (?, ?, ?)",
                ((self.folder, path, digest) for path, digest in changed),
            )
            self.db.executemany(
                "DELETE FROM pages WHERE folder = ? AND path = ?", ((self.folder, path) for path in removed)
            )
            self.db.execute("INSERT OR REPLACE INTO folders VALUES (?, ?, 0)", (self.folder, folder_identity(output)))

    def forget(self) -> None:
        with _transaction(self.db):
            self.db.execute("DELETE FROM pages WHERE folder = ?", (self.folder,))
            self.db.execute("DELETE FROM folders WHERE folder = ?", (self.folder,))


class _transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, tb) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def file_digest(data: bytes) -> str:
    return "file:" + hashlib.blake2b(data, digest_size=16).hexdigest()
