"""Write converted documents into the meetings folder, protecting people's edits.

The manifest (`<meetings_dir>/.converted.json`) remembers, per paper, a digest of what was
converted (the paper, its sidecar and `CONVERTER_VERSION`) and the sha256 of every file
written from it. That is how a re-run knows a paper is unchanged, and how it tells a file
the converter wrote (safe to replace) from one a person has edited since (kept, with a
warning saying how to overwrite it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path, PurePosixPath

from minutes.core.config import CommitteeSettings, SiteConfig
from minutes.core.errors import Problem
from minutes.core.isolated import CRASH, MEMORY, TIMEOUT, Outcome, TaskLimits, run_tasks
from minutes.core.pools import default_jobs
from minutes.papers.convert import CONVERTER_VERSION, ConvertedDocument, convert_paper
from minutes.papers.readers import ReadLimits, read_paper
from minutes.papers.sidecar import PaperOverrides, read_sidecar, sidecar_path
from minutes.records import frontmatter

MANIFEST_NAME = ".converted.json"
_SKIPPED_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True, slots=True)
class ConvertReport:
    """What a conversion did: files written, hand-edited files kept, files already up to date."""

    written: tuple[Path, ...] = ()
    kept: tuple[Path, ...] = ()
    """Files a person edited since they were converted; not overwritten."""
    unchanged: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(slots=True)
class _Manifest:
    papers: dict[str, dict] = field(default_factory=dict)

    def owner(self, relfile: str) -> str:
        for paper, entry in self.papers.items():
            if relfile in entry.get("files", {}):
                return paper
        return ""

    def recorded(self, relfile: str) -> str:
        for entry in self.papers.values():
            if relfile in entry.get("files", {}):
                return entry["files"][relfile]
        return ""


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def list_papers(papers_dir: Path) -> list[Path]:
    """Every paper in the folder: not sidecars, READMEs, dotfiles or folders."""
    if not papers_dir.is_dir():
        return []
    # Not only regular files: a folder or a pipe named like a paper is listed, to be refused by name.
    return sorted(
        p
        for p in papers_dir.iterdir()
        if (p.is_file() or p.is_symlink() or p.suffix)
        and not p.name.startswith(".")
        and not p.name.upper().startswith("README")
        and p.suffix.lower() not in _SKIPPED_SUFFIXES
    )


def _load_manifest(path: Path, shown_as: str, problems: list[Problem]) -> _Manifest:
    if not path.exists():
        return _Manifest()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        papers = data["papers"]
        if not isinstance(papers, dict):
            raise TypeError
        return _Manifest({str(k): v for k, v in papers.items() if isinstance(v, dict)})
    except (OSError, ValueError, KeyError, TypeError):
        problems.append(
            Problem(
                shown_as,
                0,
                "the conversion manifest is unreadable; treating every existing file as hand-edited",
                "warning",
            )
        )
        return _Manifest()


def _save_manifest(path: Path, manifest: _Manifest) -> None:
    text = (
        json.dumps({"converter_version": CONVERTER_VERSION, "papers": manifest.papers}, indent=2, sort_keys=True) + "\n"
    )
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True, slots=True)
class PaperConversion:
    """What reading and converting one paper gave, as it comes back from the worker that did it."""

    problems: tuple[Problem, ...]
    """The reader's, about the file (warnings and errors naming it)."""
    text_chars: int
    documents: tuple[ConvertedDocument, ...] = ()


@dataclass(slots=True)
class _Plan:
    """One candidate paper, and what the build does with it, worked out in this process from its bytes."""

    paper: Path
    shown: str
    problems: list[Problem] = field(default_factory=list)
    skipped: bool = False
    unchanged: tuple[Path, ...] | None = None
    """The files of a paper converted before and unchanged since: nothing to do."""
    digest: str = ""
    entry: dict | None = None
    side_problems: tuple[Problem, ...] = ()
    task: Callable[[], PaperConversion] | None = None


def convert_papers(  # noqa: C901 (to be split)
    config: SiteConfig,
    papers: Sequence[Path] | None = None,
    *,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
) -> ConvertReport:
    """Convert new or changed papers (or exactly `papers`) into the meetings folder.

    Each paper is read and converted in a worker process of its own (`jobs` at once,
    default one per core) under the limits of site.yaml, so a paper that is too
    big, too slow or crashes its reader is one error naming it; the others convert.
    Files are written here, in the order of the papers, as one process would.
    """
    root = config.root.resolve()
    meetings_dir = root / config.meetings_dir
    manifest_path = meetings_dir / MANIFEST_NAME
    problems: list[Problem] = []
    manifest = _load_manifest(manifest_path, _display(manifest_path, root), problems)
    explicit = papers is not None
    if papers is None:
        candidates = list_papers(root / config.papers_dir)
    else:
        candidates = sorted({(p if p.is_absolute() else (Path.cwd() / p)).resolve() for p in map(Path, papers)})
    written: list[Path] = []
    kept: list[Path] = []
    unchanged: list[Path] = []
    claimed_now: dict[str, str] = {}
    # The site's committee names and aliases change what a paper converts to, so they are part of its digest.
    settings = json.dumps(
        {
            "committees": {slug: [c.name, list(c.aliases)] for slug, c in sorted(config.committees.items())},
            "council": config.council,
        },
        sort_keys=True,
    ).encode()
    papers_dir = (root / config.papers_dir).resolve()
    limit = config.max_paper_mb * 1_000_000
    read_limits = ReadLimits.of(config)

    def plan(paper: Path) -> _Plan:
        shown = _display(paper, root)
        planned = _Plan(paper, shown)
        refused = _refused(paper, papers_dir, shown, explicit)
        if refused:
            planned.problems.append(Problem(shown, 0, refused, skipped="this paper"))
            planned.skipped = True
            return planned
        try:
            if paper.stat().st_size > 4 * limit:
                # Far beyond the limit even as a PDF: not read into memory at all.
                planned.problems.append(
                    Problem(shown, 0, _too_large(paper.stat().st_size, config.max_paper_mb), skipped="this paper")
                )
                planned.skipped = True
                return planned
            data = paper.read_bytes()
        except OSError as exc:
            planned.problems.append(
                Problem(
                    shown,
                    0,
                    f"cannot read the paper: {exc.strerror or exc}; check the file and its permissions",
                    skipped="this paper",
                )
            )
            planned.skipped = True
            return planned
        side = sidecar_path(paper)
        side_bytes = side.read_bytes() if side.exists() else b""
        planned.digest = _sha(data + b"\0" + side_bytes + b"\0" + CONVERTER_VERSION.encode() + b"\0" + settings)
        planned.entry = entry = manifest.papers.get(shown)
        if (
            not explicit
            and not force
            and entry
            and entry.get("digest") == planned.digest
            and all((meetings_dir / f).exists() for f in entry.get("files", {}))
        ):
            planned.unchanged = tuple(meetings_dir / f for f in sorted(entry.get("files", {})))
            return planned
        if progress:
            progress(f"converting {shown}")
        overrides, side_problems = read_sidecar(side, _display(side, root))
        planned.problems.extend(side_problems)
        planned.side_problems = tuple(side_problems)
        planned.task = partial(
            _read_and_convert, data, shown, overrides, config.committees, config.council, read_limits, limit
        )
        return planned

    plans = ((planned, planned.task) for planned in map(plan, candidates))
    task_limits = TaskLimits(seconds=config.max_paper_seconds, memory_mb=config.max_paper_memory_mb)
    for planned, outcome in run_tasks(plans, jobs=jobs or default_jobs(), limits=task_limits):
        shown, entry = planned.shown, planned.entry
        problems.extend(planned.problems)
        if planned.skipped:
            continue
        if planned.unchanged is not None:
            unchanged.extend(planned.unchanged)
            continue
        assert outcome is not None
        if not outcome.ok:
            kept_before = "; what it converted to before is kept" if entry else ""
            problems.append(Problem(shown, 0, _failure(outcome, config), skipped="this paper" + kept_before))
            continue
        converted: PaperConversion = outcome.value
        if converted.text_chars > limit:
            problems.append(
                Problem(
                    shown,
                    0,
                    _too_large(converted.text_chars, config.max_paper_mb),
                    skipped="this paper; what it converted to before is kept",
                )
            )
            continue
        problems.extend(converted.problems)
        if not converted.text_chars and any(p.severity == "error" for p in converted.problems):
            # Unreadable now: what it converted to before (if anything) is kept, and it is tried again next time.
            problems[-1] = replace(
                problems[-1], skipped="this paper" + ("; what it converted to before is kept" if entry else "")
            )
            continue
        files: dict[str, str] = {}
        previous = dict((entry or {}).get("files", {}))
        for document in converted.documents:
            record = document.record
            first_line = record.source.lines[0] if record.source else 0
            for warning in record.warnings:
                problem = Problem(shown, first_line, warning, "warning")
                if problem not in problems:
                    problems.append(problem)
            relfile = document.relpath.as_posix()
            owner = claimed_now.get(relfile) or manifest.owner(relfile)
            if owner and owner != shown:
                renamed = document.relpath.with_name(
                    f"{document.relpath.stem}-{planned.paper.stem}{document.relpath.suffix}"
                )
                problems.append(
                    Problem(
                        shown,
                        first_line,
                        f"{relfile} also comes from {owner}; wrote {renamed.as_posix()} instead",
                        "warning",
                    )
                )
                relfile = renamed.as_posix()
            claimed_now[relfile] = shown
            target = meetings_dir / relfile
            content = frontmatter.join(record.to_mapping(), document.body).encode("utf-8")
            new_sha = _sha(content)
            if target.exists():
                current = _sha(target.read_bytes())
                if current == new_sha:
                    unchanged.append(target)
                    files[relfile] = new_sha
                    continue
                recorded = previous.get(relfile) or manifest.recorded(relfile)
                if not force and current != recorded:
                    kept.append(target)
                    problems.append(
                        Problem(
                            _display(target, root),
                            0,
                            f"kept hand-edited file {_display(target, root)}; run `minutes convert --force {shown}` to overwrite",
                            "warning",
                        )
                    )
                    if recorded:
                        files[relfile] = recorded
                    continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            written.append(target)
            files[relfile] = new_sha
        for relfile, recorded in sorted(previous.items()):
            if relfile in files:
                continue
            stale = meetings_dir / relfile
            if stale.exists() and _sha(stale.read_bytes()) == recorded:
                stale.unlink()
                _remove_empty_dirs(stale.parent, meetings_dir)
            elif stale.exists():
                problems.append(
                    Problem(
                        _display(stale, root),
                        0,
                        f"{shown} no longer produces this file; kept it because it was edited",
                        "warning",
                    )
                )
        # A paper with an error is converted again, and its error reported again, by every build until fixed.
        failed = any(p.severity == "error" for p in converted.problems + planned.side_problems)
        manifest.papers[shown] = {"digest": "" if failed else planned.digest, "files": dict(sorted(files.items()))}
    if candidates or manifest.papers:
        _save_manifest(manifest_path, manifest)
    return ConvertReport(tuple(written), tuple(kept), tuple(unchanged), tuple(problems))


def _read_and_convert(
    data: bytes,
    shown: str,
    overrides: PaperOverrides | None,
    committees: Mapping[str, CommitteeSettings],
    council: str,
    limits: ReadLimits,
    max_chars: int,
) -> PaperConversion:
    """Read a paper and convert it: what a worker process runs for each paper."""
    paper_text = read_paper(data, shown, limits)
    chars = len(paper_text.text)
    if chars > max_chars or not paper_text.text.strip():
        return PaperConversion(paper_text.problems, chars if paper_text.text.strip() else 0)
    documents = convert_paper(paper_text, shown, overrides, committees, sha256=_sha(data), council=council)
    return PaperConversion(paper_text.problems, chars, tuple(documents))


def _failure(outcome: Outcome, config: SiteConfig) -> str:
    """What to tell the user of a paper whose worker did not come back with its documents."""
    memory = f"limit max_paper_memory_mb: {config.max_paper_memory_mb}"
    if outcome.status == TIMEOUT:
        return (
            f"reading and converting the paper took more than {config.max_paper_seconds} seconds "
            f"(limit max_paper_seconds: {config.max_paper_seconds}); split the paper, "
            "or raise max_paper_seconds in site.yaml"
        )
    if outcome.status == MEMORY:
        return (
            f"reading the paper needed more than {config.max_paper_memory_mb} MB of memory ({memory}), "
            "as a decompression bomb does; if it is a real paper, raise max_paper_memory_mb in site.yaml"
        )
    if outcome.status == CRASH:
        return (
            f"the reader crashed on the paper ({outcome.detail}), as it does when a paper needs more memory "
            f"than it may have ({memory}) or the file is damaged; save or export the paper again, "
            "or raise max_paper_memory_mb in site.yaml"
        )
    if outcome.detail.startswith("RecursionError"):
        return (
            f"the paper nests too deeply to be read ({outcome.detail}) (limit max_nesting: {config.max_nesting}); "
            "save or export it again"
        )
    return (
        f"converting the paper failed: {outcome.detail[:300]} — this is a bug in minutes, please report it "
        "(the rest of the site is converted)"
    )


def _refused(paper: Path, papers_dir: Path, shown: str, explicit: bool) -> str:
    """Why a paper is not read at all, or "" to read it."""
    if explicit and paper.parent != papers_dir and papers_dir not in paper.parents:
        return (
            f"is outside the papers folder ({papers_dir.name}/); copy it into the papers folder, "
            "then convert it from there"
        )
    if paper.is_symlink() and papers_dir not in paper.resolve().parents:
        return (
            "is a link to a file outside the papers folder, which would be published with the site; "
            "copy the file into the papers folder instead of linking to it"
        )
    if paper.is_dir():
        return "is a folder, not a paper; move it out of the papers folder"
    if paper.exists() and not paper.is_file():
        return "is not a regular file (a pipe or a device); move it out of the papers folder"
    if not paper.exists():
        return "does not exist; check the path"
    return ""


def _too_large(size: int, limit_mb: int) -> str:
    return (
        f"is {size / 1_000_000:.0f} MB, more than max_paper_mb ({limit_mb} MB) allows; split the paper, "
        "or raise max_paper_mb in site.yaml"
    )


def _remove_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def relpath_for_paper(config: SiteConfig, paper: Path) -> PurePosixPath:
    return PurePosixPath(_display(paper, config.root.resolve()))
