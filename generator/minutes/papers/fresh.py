"""Whether a site's papers are exactly as its last conversion left them, told without loading the converter.

A build converts what changed before it renders. Finding that nothing changed the usual way means
loading the converter (a third of a small site's build) to plan every paper. Instead, a conversion
that read the whole papers folder and met no problem keeps a fingerprint in its manifest: a digest of
everything its result depends on — the converter's version, the settings it reads, the house style,
every file of the papers folder, the manifest's entries and every record they list, byte for byte.
A build that computes the same fingerprint has nothing to convert and nothing to report.

Anything else (a paper added, a record corrected, a setting changed, a link or an odd file in the
folder, a manifest written before fingerprints) is the converter's to look at, as before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from minutes.core.config import SiteConfig
from minutes.core.paths import OutsideRoot, resolve_in, walk
from minutes.papers.version import CONVERTER_VERSION

MANIFEST_NAME = ".converted.json"
"""What the converter wrote and from what, in the meetings folder."""

FINGERPRINT_KEY = "fingerprint"
"""The manifest's key for the fingerprint of the conversion that wrote it."""

CONVERTER_SETTINGS = (
    "committees",
    "council",
    "default_committee",
    "house_style",
    "max_line_chars",
    "max_nesting",
    "max_paper_mb",
    "max_paper_memory_mb",
    "max_paper_pages",
    "max_paper_seconds",
    "max_unpacked_mb",
    "meetings_dir",
    "papers_dir",
)
"""The settings the converter reads (a test keeps this in step with the code)."""


def fingerprint(config: SiteConfig, manifest_papers: Mapping[str, Any]) -> str | None:
    """The digest of what a conversion of the site depends on, or None when it cannot be told without
    the converter (a link or something other than a file in the papers folder, a record missing)."""
    try:
        return _fingerprint(config, manifest_papers)
    except _Unreadable:
        return None


def _fingerprint(config: SiteConfig, manifest_papers: Mapping[str, Any]) -> str | None:
    root = config.root
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode() + data)

    add("version", CONVERTER_VERSION.encode())
    add("settings", repr([(name, getattr(config, name)) for name in CONVERTER_SETTINGS]).encode())
    style = root / config.house_style
    add("style", _file_digest(style) if style.exists() or style.is_symlink() else b"none")
    papers_dir = root / config.papers_dir
    found, refused = walk(papers_dir, "the papers folder")
    if refused:
        return None
    for path in found:
        add("paper " + path.relative_to(papers_dir).as_posix(), _file_digest(path))
    add("manifest", json.dumps(manifest_papers, sort_keys=True).encode())
    meetings_dir = root / config.meetings_dir
    for relfile in sorted({str(f) for entry in manifest_papers.values() for f in _files(entry)}):
        try:
            # A manifest may come from a stranger: only records inside the meetings folder are read.
            record = resolve_in(meetings_dir, relfile, "the meetings folder")
        except OutsideRoot:
            return None
        add("record " + relfile, _file_digest(record))
    return digest.hexdigest()


def unchanged_since_converted(config: SiteConfig) -> bool:
    """Whether converting the site's papers again would find nothing to do and nothing to say."""
    manifest_path = config.root / config.meetings_dir / MANIFEST_NAME
    try:
        if manifest_path.is_symlink():
            return False
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict) or not isinstance(data.get("papers"), dict):
        return False
    stored = data.get(FINGERPRINT_KEY)
    if not isinstance(stored, str) or not stored:
        return False
    return fingerprint(config, data["papers"]) == stored


class _Unreadable(Exception):
    """A file the fingerprint needs is missing, unreadable or not a regular file."""


def _files(entry: Any) -> list[str]:
    files = entry.get("files") if isinstance(entry, dict) else None
    return [str(f) for f in files] if isinstance(files, dict) else []


def _file_digest(path: Path) -> bytes:
    """The sha256 of a regular file's bytes, read in chunks (papers can be large)."""
    try:
        if path.is_symlink() or not path.is_file():
            raise _Unreadable(path)
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").digest()
    except OSError as error:
        raise _Unreadable(path) from error
