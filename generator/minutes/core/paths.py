"""One rule for every path the tool reads or writes: inside its root, no link out of it, safe names.

Papers and records may come from strangers (a site is built in CI from pull
requests), so no text they hold may choose where the tool reads or writes.
Each folder the tool works in is a root: the papers, the meetings, the pages,
a theme, the output, the cache. A path is used only when it resolves, with
every link followed, inside its root; a link or a `../` leading out of it (to
`/etc/passwd`, to `/proc/self/environ`, to a file beside the site) is refused
with one line naming the file that points out, and nothing is read or written
through it.

Names the tool makes from text (an undated meeting's folder from a paper's
name, a published paper's file name) are made safe as one path segment on
every platform: NFC-normalised, with no character that ends a URL path (`#`,
`?`, `%`) or that a common file system refuses, and short enough for any of
them. Names that differ only by case or by Unicode form are the same name on
many disks and hosts: `folded` is the key to compare them by.

Files are written atomically (`write_atomic`): to a temporary name beside the
target, then renamed over it, so a full disk or a killed process never leaves a
partial file under the real name for a later run to mistake for a person's edit.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import os
import re
import unicodedata
from pathlib import Path, PurePosixPath


class OutsideRoot(ValueError):
    """A path that leads out of its root; the message says how, for the line naming the file."""


def is_inside(path: Path, root: Path) -> bool:
    """Whether `path`, all links followed, is `root` or lies below it (`root` resolved too)."""
    resolved, top = path.resolve(), root.resolve()
    return resolved == top or top in resolved.parents


def _pure(relative: str | PurePosixPath, what: str) -> PurePosixPath:
    """`relative` as written in a file, if it names a place below a root at all (no link followed yet)."""
    text = str(relative)
    if not text or "\x00" in text:
        raise OutsideRoot(f"{text!r} is not a path inside {what}")
    pure = PurePosixPath(text.replace("\\", "/"))
    if pure.is_absolute() or re.match(r"^[A-Za-z]:", text):
        raise OutsideRoot(f"{text!r} is outside {what}")
    if ".." in pure.parts:
        raise OutsideRoot(f"{text!r} climbs out of {what} with '..'")
    return pure


def resolve_in(root: Path, relative: str | PurePosixPath, what: str) -> Path:
    """`root/relative` if it stays inside `root` with every link followed; else OutsideRoot.

    `relative` is text from a file (a record's `source.paper`, an entry of the
    conversion manifest): it may not be absolute, climb with `..` or hold a NUL.
    `what` names the root in the message ("the papers folder (content/papers/)").
    """
    path = root / _pure(relative, what)
    if not is_inside(path, root):
        raise OutsideRoot(f"{str(relative)!r} is a link leading out of {what}")
    return path


class Confinement:
    """One root, and what is known of its folders: each is resolved once however many files it holds.

    A warm build of a large archive checks every record and every paper named;
    this costs it one `lstat` per file, and a `realpath` per folder.
    """

    def __init__(self, root: Path, what: str):
        self.root = root
        self.what = what
        self._top = root.resolve()
        self._folders: dict[Path, bool] = {root: True}

    def holds(self, path: Path) -> bool:
        """Whether `path` (below `root` as written) is inside it with every link followed."""
        if not self._folder_holds(path.parent):
            return False
        return not path.is_symlink() or is_inside(path, self._top)

    def _folder_holds(self, folder: Path) -> bool:
        known = self._folders.get(folder)
        if known is None:
            if folder.parent == folder or self.root not in folder.parents:
                known = is_inside(folder, self._top)  # not below the root as written: resolved whole
            else:
                # Inside when its parent is and it is no link leading out: one lstat per folder.
                known = self._folder_holds(folder.parent) and (not folder.is_symlink() or is_inside(folder, self._top))
            self._folders[folder] = known
        return known

    def resolve(self, relative: str | PurePosixPath) -> Path:
        """`resolve_in(root, relative, what)`, with the folders' verdicts kept."""
        path = self.root / _pure(relative, self.what)
        if not self.holds(path):
            raise OutsideRoot(f"{str(relative)!r} is a link leading out of {self.what}")
        return path


def link_out(path: Path, root: Path, what: str) -> str:
    """Why `path` (found under `root`) may not be used, or "": it resolves outside `root`."""
    if is_inside(path, root):
        return ""
    return (
        f"is a link leading out of {what}, which would read or publish what it points to; "
        "put a copy of what it points to there instead of the link"
    )


def walk(
    folder: Path, what: str, *, root: Path | None = None, hidden: bool = False
) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Every entry below `folder` that is not a folder, sorted, and the links refused, with why.

    Links that stay inside `root` (by default `folder` itself) are followed, a
    folder once, so a loop ends; a link leading out is reported, never
    followed. Names starting with a dot are left out unless `hidden`. A file
    that is neither a folder nor a regular file (a pipe) is listed, so the
    caller can refuse it by name.
    """
    found: list[Path] = []
    refused: list[tuple[Path, str]] = []
    root = folder if root is None else root
    if not folder.is_dir():
        return found, refused
    if link_out(folder, root, what):
        return found, [(folder, link_out(folder, root, what))]
    seen = {folder.resolve()}

    def visit(here: Path) -> None:
        try:
            entries = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(".") and not hidden:
                continue
            path = here / entry.name
            if entry.is_symlink():
                why = link_out(path, root, what)
                if why:
                    refused.append((path, why))
                    continue
            if entry.is_dir():
                resolved = path.resolve()
                if resolved not in seen:
                    seen.add(resolved)
                    visit(path)
            else:
                found.append(path)

    visit(folder)
    return found, refused


def files_at(root: Path, depth: int, suffix: str, what: str) -> tuple[list[Path], list[tuple[Path, str]]]:
    """What `root.glob("*/*/*.md")` finds (for depth 3, suffix ".md"), sorted, less the links leading out of root.

    Those are returned apart, with why, and never followed. Read from the folder
    entries, which say which entries are links at no cost: a warm build of a
    large archive pays a `realpath` only for each link.
    """
    found: list[Path] = []
    refused: list[tuple[Path, str]] = []
    top = os.path.realpath(root)

    def leads_out(path: str) -> bool:
        target = os.path.realpath(path)
        return target != top and not target.startswith(top.rstrip(os.sep) + os.sep)

    def visit(folder: str, level: int) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(".") or (level == depth and not entry.name.endswith(suffix)):
                continue
            if entry.is_symlink() and leads_out(entry.path):
                refused.append((Path(entry.path), link_out(Path(entry.path), root, what)))
            elif level < depth:
                if entry.is_dir():
                    visit(entry.path, level + 1)
            else:
                found.append(Path(entry.path))

    if root.is_dir():
        visit(str(root), 1)
    return sorted(found), sorted(refused)


# --- names -------------------------------------------------------------------------------

SEGMENT_LIMIT = 120
"""Characters of a folder name the tool makes (a committee's, an undated meeting's): well inside every
file system's 255 bytes, and longer than any body's name."""
FILE_NAME_LIMIT = 150
"""Bytes (UTF-8) of a published file name, leaving room for the temporary names written beside it."""

_NOT_IN_SEGMENT = re.compile(r"[^a-z0-9_]+")
_NOT_IN_FILE_NAME = re.compile(r'[\x00-\x1f\x7f#?%/\\:*"<>|]+')
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)


def _short_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


@functools.lru_cache(maxsize=1 << 16)  # every record's two folders are named through it, on every load
def segment(text: str, limit: int = SEGMENT_LIMIT) -> str:
    """A folder name and URL path segment from any text: ASCII lower-case letters, digits, '-' and '_'.

    "Cabinet #5 ?draft %25" -> "cabinet-5-draft-25"; NFC and NFD spellings give the
    same name. Text that is cut, or that has no letter or digit in ASCII, ends in a
    digest of the whole text, so two names never become one by being shortened.
    """
    text = unicodedata.normalize("NFC", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    name = _NOT_IN_SEGMENT.sub("-", ascii_text.lower()).strip("-_")
    if not name:
        return "x-" + _short_digest(text)
    if len(name) > limit:
        return name[: limit - 9].rstrip("-_") + "-" + _short_digest(text)
    return name


def is_segment(name: str) -> bool:
    """Whether a folder's name is already what `segment` makes of it."""
    return segment(name) == name


def file_name(name: str, limit: int = FILE_NAME_LIMIT) -> str:
    """A file's name made safe to publish on any host and disk, keeping what can be kept.

    NFC; characters that end a URL path or that a file system refuses become '-';
    no leading dot (a hidden file) or trailing dot or space, no Windows device
    name; at most `limit` bytes. A name that had to change ends in a digest of
    the original, so two papers never publish under one name.
    """
    nfc = unicodedata.normalize("NFC", name)
    stem, dot, suffix = nfc.rpartition(".")
    if not dot or not stem or not re.fullmatch(r"[A-Za-z0-9]{1,10}", suffix):
        stem, suffix = nfc, ""
    clean = _NOT_IN_FILE_NAME.sub("-", stem).lstrip(" .").rstrip(" .") or "paper"
    if clean.lower() in _WINDOWS_DEVICES:
        clean += "-file"
    ending = f".{suffix}" if suffix else ""
    if clean == stem and nfc == name and len((clean + ending).encode("utf-8")) <= limit:
        return name
    tag = "-" + _short_digest(name)
    room = limit - len((tag + ending).encode("utf-8"))
    cut = clean.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(" .") or "paper"
    return cut + tag + ending


def folded(name: str) -> str:
    """The key two names are the same by on a case-insensitive disk or host: NFC, case-folded."""
    return unicodedata.normalize("NFC", name).casefold()


def paper_address(papers_dir: PurePosixPath, paper: str) -> str:
    """Where a paper named by a record (`content/papers/2013/x.pdf`) is published, below `papers/`.

    Its path inside the papers folder, each part made safe with `file_name`;
    "" when `paper` is not inside the papers folder (it is then never published).
    """
    pure = PurePosixPath(paper)
    try:
        inner = pure.relative_to(papers_dir)
    except ValueError:
        return ""
    if not inner.parts or ".." in inner.parts or pure.is_absolute():
        return ""
    return "/".join(file_name(part) for part in inner.parts)


# --- writing -----------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Replace `path` with `data` in one step: a temporary file in the same folder, then a rename.

    A reader (or a later run) sees the old file or the new one, never a part of
    one; on an error (a full disk) the temporary file is removed and the old
    file is untouched. `durable` also flushes the data to the disk before the
    rename, for files a person may have edited (records, the manifest), so even
    a power cut cannot leave an empty file behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name[:200]}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def is_disk_full(exc: BaseException) -> bool:
    """A write that failed for want of space (or quota), not because of the file being read."""
    return isinstance(exc, OSError) and exc.errno in DISK_FULL


def disk_full_message(exc: OSError, where: str) -> str:
    """What to say when writing `where` ran out of space: the disk, never the paper being copied."""
    return f"the disk holding {where} is full ({exc.strerror or 'no space left'})"


__all__ = [
    "Confinement",
    "OutsideRoot",
    "disk_full_message",
    "file_name",
    "files_at",
    "folded",
    "is_disk_full",
    "is_inside",
    "is_segment",
    "link_out",
    "paper_address",
    "resolve_in",
    "segment",
    "walk",
    "write_atomic",
]
