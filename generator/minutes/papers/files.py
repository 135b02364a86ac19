"""Write converted documents into the meetings folder, protecting people's edits.

The manifest (`<meetings_dir>/.converted.json`) remembers, per paper, a digest of what was
converted (the paper, its sidecar and `CONVERTER_VERSION`) and the sha256 of every file
written from it. That is how a re-run knows a paper is unchanged, and how it tells a file
the converter wrote (safe to replace) from one a person has edited since (kept, with a
warning saying how to overwrite it).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Protocol, TypedDict

from minutes.core import cluster
from minutes.core.config import CommitteeSettings, SiteConfig
from minutes.core.errors import Problem, UserError
from minutes.core.isolated import CRASH, MEMORY, TIMEOUT, Outcome, TaskLimits
from minutes.core.paths import (
    OutsideRoot,
    disk_full_message,
    folded,
    is_disk_full,
    is_inside,
    link_out,
    resolve_in,
    segment,
    walk,
    write_atomic,
)
from minutes.core.pools import default_jobs
from minutes.core.slug import slugify
from minutes.core.workers import run_in_workers
from minutes.papers import fresh, housestyle, kept_readings, learn, memo, style_trial, warm_start
from minutes.papers.convert import Conversion, ConvertedDocument, convert_with_roles
from minutes.papers.fresh import MANIFEST_NAME
from minutes.papers.housestyle import HouseStyle
from minutes.papers.readers import ReadLimits, import_reader_for, read_paper
from minutes.papers.readers.pdf import ocr
from minutes.papers.sidecar import PaperOverrides, read_sidecar, sidecar_path
from minutes.papers.version import CONVERTER_VERSION
from minutes.records import frontmatter
from minutes.records.record import DocumentRecord, Item, RecordError

_SKIPPED_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True, slots=True)
class ConvertReport:
    """What a conversion did: files written, hand-edited files kept, files already up to date."""

    written: tuple[Path, ...] = ()
    kept: tuple[Path, ...] = ()
    """Files a person edited since they were converted; not overwritten."""
    unchanged: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()
    learned: tuple[str, ...] = ()
    """What corrections taught the house style, in a person's words."""
    style_changed: bool = False
    """The house style changed, and the papers were read again with it."""
    papers_read: tuple[str, ...] = ()
    """Papers read in this run (new, changed or named), as the site shows them."""


class _Entry(TypedDict, total=False):
    """A paper's entry in the manifest (JSON); an entry written before a key was known lacks it."""

    digest: str
    """What was converted (the paper, its sidecar, CONVERTER_VERSION); empty when it is to be converted again."""
    sha256: str
    """The paper's own bytes, to know it again under another name."""
    files: dict[str, str]
    """Each record it wrote (its path in the meetings folder) -> the sha256 of what was written."""
    deleted: list[str]
    """Records it wrote that a person deleted (or that were moved): never written again."""
    observed: learn.ObservedMapping
    taught: dict[str, str]
    """Each record a person corrected -> the sha256 of the correction the house style learned from."""


@dataclass(slots=True)
class _Manifest:
    papers: dict[str, _Entry] = field(default_factory=dict)

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

    def renamed_from(self, sha256: str, gone: set[str]) -> str:
        """The paper, no longer in the papers folder, whose content was exactly this: the same paper renamed."""
        return next((name for name in sorted(gone) if self.papers[name].get("sha256") == sha256), "")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_PAPERS_FOLDER = "the papers folder"


def list_papers(papers_dir: Path) -> list[Path]:
    """Every paper in the folder and its sub-folders: not sidecars, READMEs or dotfiles.

    Links leading out of the folder are listed too (never followed), as is
    anything that is not a regular file, so each is refused by name.
    """
    found, refused = walk(papers_dir, _PAPERS_FOLDER)
    return sorted(
        [p for p in found if not p.name.upper().startswith("README") and p.suffix.lower() not in _SKIPPED_SUFFIXES]
        + [p for p, _ in refused]
    )


def _load_manifest(path: Path, shown_as: str, meetings_dir: Path, problems: list[Problem]) -> _Manifest:
    if not path.exists() and not path.is_symlink():
        return _Manifest()
    try:
        if link_out(path, meetings_dir, "the meetings folder"):
            raise ValueError("a link leading out of the meetings folder")
        data = json.loads(path.read_text(encoding="utf-8"))
        papers = data["papers"]
        if not isinstance(papers, dict):
            raise TypeError
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
    manifest = _Manifest()
    for paper, raw in papers.items():
        if isinstance(raw, dict):
            manifest.papers[str(paper)] = _entry_of(raw, str(paper), shown_as, meetings_dir, problems)
    return manifest


def _entry_of(
    raw: Mapping[str, object], paper: str, shown_as: str, meetings_dir: Path, problems: list[Problem]
) -> _Entry:
    """A manifest entry as read, each key of the right type (a key of another is left out, as if not written)."""
    entry = _Entry()
    for key in ("digest", "sha256"):
        value = raw.get(key)
        if isinstance(value, str):
            entry[key] = value
    files = raw.get("files")
    entry["files"] = _confined_names(files if isinstance(files, dict) else {}, paper, shown_as, meetings_dir, problems)
    deleted = raw.get("deleted")
    listed = deleted if isinstance(deleted, list) else []
    entry["deleted"] = sorted(
        _confined_names(dict.fromkeys(map(str, listed), ""), paper, shown_as, meetings_dir, problems)
    )
    observed = raw.get("observed")
    if observed is not None:
        # read as the converter wrote it (the same mapping again); anything else, as nothing observed
        entry["observed"] = learn.Observed.from_mapping(observed).to_mapping() if observed else {}
    taught = raw.get("taught")
    if isinstance(taught, dict):
        entry["taught"] = {str(f): str(sha) for f, sha in taught.items()}
    return entry


def _confined_names(
    listed: Mapping[object, object], paper: str, shown_as: str, meetings_dir: Path, problems: list[Problem]
) -> dict[str, str]:
    """The names (-> values) of records inside the meetings folder, each other name reported."""
    names = [str(f) for f in listed]
    kept = {f: str(listed[f]) for f in names if _confined(f, meetings_dir)}
    for name in sorted(set(names) - set(kept)):
        # An entry the converter never wrote: it would make a convert delete or overwrite
        # a file outside the meetings folder. Only ever a hand edit, or an attack.
        problems.append(
            Problem(
                shown_as,
                0,
                f"entry {name[:200]!r} of {paper[:200]} is not a record inside the meetings folder; "
                "ignored, so nothing outside the folder is written or deleted — remove the entry",
                "warning",
            )
        )
    return kept


def _confined(relfile: str, meetings_dir: Path) -> bool:
    """A manifest entry names a record the converter wrote: a Markdown file inside the meetings folder."""
    if not relfile.endswith(".md"):
        return False
    try:
        resolve_in(meetings_dir, relfile, "the meetings folder")
    except OutsideRoot:
        return False
    return True


def _said_once(run: _Run) -> bool:
    """Whether every problem of the run is one a conversion says once: a warning or note about a paper read
    in this run or a record it wrote or kept, which the next run, finding the paper unchanged, would not
    read again. An error, or anything said of the folder, the manifest or the house style, is said at every
    run, so a build must not skip the converter that says it."""
    once = set(run.papers_read) | {run.show(path) for path in (*run.written, *run.kept)}
    return all(p.severity != "error" and p.path in once for p in run.problems)


def _saved_papers(manifest: _Manifest) -> dict[str, dict[str, object]]:
    """The manifest's entries as they are saved: empty keys left out."""
    return {
        name: {key: value for key, value in entry.items() if value or key in ("digest", "files")}
        for name, entry in manifest.papers.items()
    }


def _save_manifest(path: Path, manifest: _Manifest, fingerprint: str = "") -> None:
    data: dict[str, object] = {"converter_version": CONVERTER_VERSION, "papers": _saved_papers(manifest)}
    if fingerprint:
        data[fresh.FINGERPRINT_KEY] = fingerprint
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    try:
        same = path.is_file() and not path.is_symlink() and path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        same = False
    if not same:
        write_atomic(path, text.encode("utf-8"), durable=True)


def _display(path: Path, root: Path) -> str:
    """A path as the user knows it: from the site root, a link shown as the link (never its target)."""
    for candidate in (path, path.resolve()):
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    return str(path)


@dataclass(slots=True)
class _Run:
    """One conversion: the settings, the manifest and what was done so far."""

    config: SiteConfig
    root: Path
    meetings_dir: Path
    manifest: _Manifest
    force: bool
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    claimed_now: dict[str, str] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)
    """Papers found to be others renamed (new name -> old), kept for a second reading of the archive."""
    style: HouseStyle = housestyle.EMPTY
    papers_read: dict[str, None] = field(default_factory=dict)
    """Papers read in this run, once each (a second reading with a new house style counts once)."""
    first_readings: kept_readings.KeptReadings | None = None
    """The papers' first readings, kept for a second reading with a new house style (none for named papers,
    which are read once)."""
    keeping: bool = False
    """Whether the workers send back what they read, to be kept: in the first reading of the whole folder."""

    def show(self, path: Path) -> str:
        return _display(path, self.root)


def convert_papers(
    config: SiteConfig,
    papers: Sequence[Path] | None = None,
    *,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
) -> ConvertReport:
    """Convert new or changed papers (or exactly `papers`) into the meetings folder.

    Each paper is read and converted by one of `jobs` worker processes (default one per core), each
    paper under the limits of site.yaml, so a paper that is too
    big, too slow or crashes its reader is one error naming it; the others convert.
    Files are written here, in the order of the papers, as one process would.

    With `scheduler` (a Dask scheduler's address, or `local:N`), papers are read and
    converted on that cluster's workers instead, under the same limits; what they
    give comes back here and is written exactly as a local run writes it.
    """
    root = config.root.resolve()
    meetings_dir = root / config.meetings_dir
    manifest_path = meetings_dir / MANIFEST_NAME
    problems: list[Problem] = []
    manifest = _load_manifest(manifest_path, _display(manifest_path, root), meetings_dir, problems)
    run = _Run(config, root, meetings_dir, manifest, force, problems)
    explicit = papers is not None
    candidates = _candidates(run, papers)
    # Papers the manifest knows that are no longer there: one of the candidates may be the same paper renamed.
    gone = {name for name in manifest.papers if not (root / name).exists()}
    style_path = root / config.house_style
    style, style_problems = housestyle.read(style_path, _display(style_path, root))
    problems.extend(style_problems)
    lessons = _lessons(run, style)
    _refile_corrected(run, lessons)
    run.style = learn.with_lessons(style, lessons)
    first_reading = len(problems)
    stack = contextlib.ExitStack()
    runner = _runner(stack, jobs, scheduler)
    if not explicit:
        _keep_first_readings(run, stack)
    read_all = partial(_read_all, run, candidates, gone=gone, progress=progress, runner=runner)
    try:
        changed = _read_with_learned_style(run, read_all, style, first_reading, explicit=explicit)
    except BaseException:
        # Saved even when a full disk stopped the run: what was written is known as the converter's next time.
        with contextlib.suppress(OSError):
            _save_manifest(manifest_path, manifest)
        raise
    finally:
        stack.close()
    if candidates or manifest.papers:
        _save_manifest(manifest_path, manifest)
    if not style.is_empty() or not run.style.is_empty():
        housestyle.write(style_path, run.style)
    if manifest.papers and not explicit and _said_once(run):
        # The whole folder read and nothing a run would say again: a build may skip the converter until
        # something changes.
        _save_manifest(manifest_path, manifest, fresh.fingerprint(config, _saved_papers(manifest)) or "")
    return _report(run, lessons, changed)


def _keep_first_readings(run: _Run, stack: contextlib.ExitStack) -> None:
    """Keep each paper's first reading, for a second reading with a newly learned house style, in a folder
    only this run can read (removed when `stack` closes): the run's memory does not grow with the archive."""
    folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="minutes-readings-"))
    run.first_readings, run.keeping = kept_readings.KeptReadings(Path(folder)), True


def _candidates(run: _Run, papers: Sequence[Path] | None) -> list[Path]:
    """The papers to convert: every paper in the papers folder, or exactly `papers` (resolved)."""
    if papers is None:
        candidates = list_papers(run.root / run.config.papers_dir)
        _report_folded_names(run, candidates)
        return candidates
    return sorted({(p if p.is_absolute() else (Path.cwd() / p)).resolve() for p in map(Path, papers)})


def _runner(stack: contextlib.ExitStack, jobs: int | None, scheduler: str | None) -> _PaperRunner:
    """This machine's cores, or the workers of the cluster at `scheduler` (connected until `stack` closes)."""
    if scheduler:
        client = stack.enter_context(cluster.connect(scheduler))
        return partial(cluster.run_on_cluster, client)
    return _local_runner(jobs)


class _ReadAll(Protocol):
    """Reads the candidate papers; `explicit`: they were named, and are converted even when unchanged."""

    def __call__(self, *, explicit: bool) -> None: ...


def _read_with_learned_style(
    run: _Run, read_all: _ReadAll, style: HouseStyle, first_reading: int, *, explicit: bool
) -> bool:
    """Read the papers, then learn from all of them what they share, and read them again when that changed
    how papers are read. Whether the house style changed from `style`, the one read from the site."""
    read_all(explicit=explicit)
    run.keeping = False
    learned = learn.learn(
        [learn.Observed.from_mapping(e.get("observed")) for _, e in sorted(run.manifest.papers.items())], run.style
    )
    changed = learned.reading_digest() != style.reading_digest()
    if learned.reading_digest() != run.style.reading_digest() and not explicit:
        run.style = learned
        # Read again: what the first reading reported is reported again (once), what it wrote is replaced.
        del run.problems[first_reading:]
        run.kept.clear()
        run.unchanged.clear()
        read_all(explicit=False)
    run.style = learned
    return changed


def _report(run: _Run, lessons: Sequence[learn.Lesson], style_changed: bool) -> ConvertReport:
    said = tuple(line for lesson in lessons for line in lesson.said())
    written = tuple(dict.fromkeys(run.written))
    return ConvertReport(
        written,
        tuple(dict.fromkeys(run.kept)),
        # A record written by the first reading and found the same by the second (house style) was written.
        tuple(p for p in dict.fromkeys(run.unchanged) if p not in written),
        tuple(run.problems),
        said,
        style_changed,
        tuple(run.papers_read),
    )


# --- corrections teach -------------------------------------------------------------------------


def _lessons(run: _Run, style: HouseStyle) -> list[learn.Lesson]:
    """What the records a person corrected since they were last learned from teach the house style."""
    lessons = []
    for paper, entry in sorted(run.manifest.papers.items()):
        taught = entry.setdefault("taught", {})
        edited = []
        for relfile, recorded in sorted(entry.get("files", {}).items()):
            path = run.meetings_dir / relfile
            try:
                data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
            except OSError:
                continue
            if not data or _sha(data) in (recorded, taught.get(relfile)):
                continue
            edited.append((relfile, data))
        if not edited:
            continue
        conversion = _convert_again(run, paper, style)
        if conversion is None:
            continue
        by_path = {d.relpath.as_posix(): (n, d) for n, d in enumerate(conversion.documents)}
        lines = [line.text for line in conversion.lines]
        for relfile, data in edited:
            try:
                corrected = frontmatter.split(data.decode("utf-8")).data
            except (UnicodeDecodeError, ValueError):
                continue
            found = by_path.get(relfile)
            if found is None or not isinstance(corrected, dict):
                continue
            n, generated = found
            printed = conversion.openings[n].committee if n < len(conversion.openings) else ""
            lesson = learn.teach(relfile, corrected, generated.record, printed, lines)
            if lesson.items is not None:
                lesson = _items_replayed(run, paper, style, lesson, n, corrected, generated.record.items)
            lessons.append(lesson)
            taught[relfile] = _sha(data)
    return lessons


def _items_replayed(
    run: _Run,
    paper: str,
    style: HouseStyle,
    lesson: learn.Lesson,
    n: int,
    corrected: Mapping[str, object],
    plain: Sequence[Item],
) -> learn.Lesson:
    """The lesson, its items' shape tried first on the paper it came from: a whole shape (a numbering, each
    paragraph or line an item) that reads the corrected items of that paper worse than the converter did without
    it is not what the correction meant, and only the titles it gave are kept (each paragraph an item, taught by
    a paper whose headings were right but one, misreads the very paper it came from)."""
    wanted = corrected.get("items")
    titled = learn.titles_only(lesson)
    if not isinstance(wanted, list) or titled.items == lesson.items:
        return lesson
    again = _convert_again(run, paper, learn.with_lessons(style, [lesson]))
    if again is None or n >= len(again.documents):
        return lesson
    return (
        titled
        if learn.items_found(wanted, again.documents[n].record.items) < learn.items_found(wanted, plain)
        else lesson
    )


def _convert_again(run: _Run, shown: str, style: HouseStyle) -> Conversion | None:
    """A paper converted in memory (nothing written), to compare with a person's correction of its records."""
    try:
        source = resolve_in(run.root, shown, "the site")
        data = source.read_bytes()
    except (OutsideRoot, OSError):
        return None
    side = sidecar_path(source)
    overrides = read_sidecar(side, run.show(side))[0] if side.is_file() and not side.is_symlink() else None
    paper_text = read_paper(data, shown, ReadLimits.of(run.config))
    if not paper_text.text.strip():
        return None
    return convert_with_roles(
        paper_text, shown, overrides, run.config.committees, sha256=_sha(data), council=run.config.council, style=style
    )


def _refile_corrected(run: _Run, lessons: Sequence[learn.Lesson]) -> None:
    """A corrected record whose committee or date now names another meeting is moved to that meeting's folder
    (when nothing is there), so the site files it where the person said; the converter will not write it again
    where it was."""
    for lesson in lessons:
        source = run.meetings_dir / lesson.record
        try:
            data = frontmatter.split(source.read_text(encoding="utf-8")).data
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        try:
            # Only a record that loads names a meeting: a date such as 2013-13-45 or "../x" moves nothing.
            record = DocumentRecord.from_mapping(data)
        except (RecordError, TypeError, ValueError):
            continue
        if not record.committee or record.date is None:
            continue
        folder = f"{segment(slugify(record.committee))}/{record.date.isoformat()}"
        relative = PurePosixPath(lesson.record)
        if relative.parent.as_posix() == folder:
            continue
        target = f"{folder}/{relative.name}"
        destination = run.meetings_dir / target
        if destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        source.rename(destination)
        _remove_empty_dirs(source.parent, run.meetings_dir)
        for entry in run.manifest.papers.values():
            files = entry.get("files", {})
            if lesson.record in files:
                files[target] = files.pop(lesson.record)
                entry["deleted"] = sorted({*entry.get("deleted", []), lesson.record})
                taught = entry.get("taught", {})
                if lesson.record in taught:
                    taught[target] = taught.pop(lesson.record)
                run.problems.append(
                    Problem(
                        run.show(destination),
                        0,
                        f"moved from {lesson.record}: its committee and date name this meeting",
                        "note",
                    )
                )


def _read_all(
    run: _Run,
    candidates: Sequence[Path],
    *,
    explicit: bool,
    gone: set[str],
    progress: Callable[[str], None] | None,
    runner: _PaperRunner,
) -> None:
    """Read and convert each paper in a worker (one of this machine's, or a cluster's), under the site's
    limits, and write what each gave in the order of the papers."""
    config = run.config
    read_limits = ReadLimits.of(config)
    plans = (
        (planned, planned.task)
        for planned in (
            _plan_paper(run, paper, explicit=explicit, gone=gone, limits=read_limits) for paper in candidates
        )
    )
    task_limits = TaskLimits(seconds=config.max_paper_seconds, memory_mb=config.max_paper_memory_mb)
    for planned, outcome in runner(plans, limits=task_limits):
        before = len(run.problems)
        _finish_paper(run, planned, outcome)
        if progress and outcome is not None:
            # Said as each paper is written, in the papers' order: what the workers finished and came back.
            failed = any(p.severity == "error" for p in run.problems[before:])
            progress(f"{'could not convert' if failed else 'converted'} {planned.shown}")


_Task = Callable[[], "PaperConversion"]
"""Reads and converts one paper, in a worker."""


class _PaperRunner(Protocol):
    """Runs the papers' tasks and gives back `(plan, outcome)` in the order of the papers:
    `core.workers.run_in_workers` on this machine's cores, or `core.cluster.run_on_cluster`."""

    def __call__(
        self, tasks: Iterable[tuple[_Plan, _Task | None]], *, limits: TaskLimits
    ) -> Iterator[tuple[_Plan, Outcome[PaperConversion] | None]]: ...


def _local_runner(jobs: int | None) -> _PaperRunner:
    jobs = jobs or default_jobs()

    def run_here(
        tasks: Iterable[tuple[_Plan, _Task | None]], *, limits: TaskLimits
    ) -> Iterator[tuple[_Plan, Outcome[PaperConversion] | None]]:
        # A scanned paper's pages are read by several Tesseracts at once; with `jobs` papers at once,
        # each worker takes its share of the cores (all of them when jobs is 1), not every core.
        with ocr.workers_at_most(max(1, (os.cpu_count() or 1) // jobs)):
            yield from run_in_workers(_warm_before_the_first(tasks), jobs=jobs, limits=limits)

    return run_here


def _warm_before_the_first(tasks: Iterable[tuple[_Plan, _Task | None]]) -> Iterator[tuple[_Plan, _Task | None]]:
    """The tasks, with this process warmed (`warm_start`) before the first paper to read is forked for: a
    run with nothing to read pays nothing."""
    warm = False
    for plan, task in tasks:
        if task is not None and not warm:
            warm_start.warm_up()
            warm = True
        yield plan, task


def _report_folded_names(run: _Run, papers: list[Path]) -> None:
    """Papers whose names differ only by case or Unicode form: one file on many disks and hosts."""
    first: dict[str, str] = {}
    for paper in papers:
        shown = run.show(paper)
        other = first.setdefault(folded(shown), shown)
        if other != shown:
            how = (
                "are one name in two Unicode forms (NFC and NFD), which look the same"
                if unicodedata.normalize("NFC", other) == unicodedata.normalize("NFC", shown)
                else "differ only by case"
            )
            run.problems.append(
                Problem(
                    shown,
                    0,
                    f"its name and {other}'s {how}; on many disks and hosts the two are one file — rename one of them",
                    "warning",
                )
            )


def _settings_digest(config: SiteConfig, style: HouseStyle) -> bytes:
    # The site's committee names and aliases, and its house style, change what a paper converts to,
    # so they are part of its digest.
    return json.dumps(
        {
            "committees": {slug: [c.name, list(c.aliases)] for slug, c in sorted(config.committees.items())},
            "council": config.council,
            "default_committee": config.default_committee,
            "style": style.reading_digest(),
        },
        sort_keys=True,
    ).encode()


@dataclass(frozen=True, slots=True)
class PaperConversion:
    """What reading and converting one paper gave, as it comes back from the worker that did it."""

    problems: tuple[Problem, ...]
    """The reader's, about the file (warnings and errors naming it)."""
    text_chars: int
    documents: tuple[ConvertedDocument, ...] = ()
    observed: learn.Observed = field(default_factory=learn.Observed)
    """What the paper showed of its council's house style, learned from across the archive."""
    reading: bytes = b""
    """The paper's text and plain reading, packed for a later reading of this run (`kept_readings`)."""


@dataclass(slots=True)
class _Plan:
    """One candidate paper, and what the run does with it, worked out in this process from its bytes."""

    paper: Path
    shown: str
    problems: list[Problem] = field(default_factory=list)
    skipped: bool = False
    unchanged: tuple[Path, ...] | None = None
    """The files of a paper converted before and unchanged since: nothing to do."""
    digest: str = ""
    paper_sha: str = ""
    reading_key: str = ""
    """The paper's bytes and sidecar, which a reading kept for it must have been read from."""
    entry: _Entry | None = None
    old_name: str = ""
    """The paper's name before it was renamed, which its kept records still name."""
    side_problems: tuple[Problem, ...] = ()
    task: _Task | None = None


def _plan_paper(
    run: _Run,
    paper: Path,
    *,
    explicit: bool,
    gone: set[str],
    limits: ReadLimits,
) -> _Plan:
    """Whether a paper is read at all, and if so the task a worker runs for it."""
    config = run.config
    papers_dir = (run.root / config.papers_dir).resolve()
    planned = _Plan(paper, run.show(paper))
    shown, problems = planned.shown, planned.problems
    refused = _refused(paper, papers_dir, shown, explicit)
    if refused:
        problems.append(Problem(shown, 0, refused, skipped="this paper"))
        planned.skipped = True
        return planned
    data = _paper_bytes(planned, config.max_paper_mb)
    if data is None:
        planned.skipped = True
        return planned
    side, side_bytes = _sidecar_bytes(run, planned, papers_dir)
    planned.paper_sha = _sha(data)
    planned.reading_key = _sha(planned.paper_sha.encode() + b"\0" + side_bytes)
    planned.digest = _sha(
        data + b"\0" + side_bytes + b"\0" + CONVERTER_VERSION.encode() + b"\0" + _settings_digest(config, run.style)
    )
    _find_entry(run, planned, gone)
    if not explicit and not run.force and not planned.old_name and _unchanged_since(run, planned):
        return planned
    run.papers_read[shown] = None
    overrides, side_problems = read_sidecar(side, run.show(side)) if side is not None else (None, [])
    problems.extend(side_problems)
    planned.side_problems = tuple(side_problems)
    kept = run.first_readings.take(shown, planned.reading_key) if run.first_readings else b""
    if not kept:
        import_reader_for(data)  # here, before the worker is forked: each worker then has it
    planned.task = partial(
        _read_and_convert,
        data,
        shown,
        overrides,
        config.committees,
        config.council,
        limits,
        config.max_paper_mb * 1_000_000,
        config.default_committee,
        run.style,
        kept,
        run.keeping,
    )
    return planned


def _paper_bytes(planned: _Plan, max_paper_mb: int) -> bytes | None:
    """The paper's bytes, or None (with the problem said) when it is far too large or cannot be read."""
    paper, shown = planned.paper, planned.shown
    try:
        if paper.stat().st_size > 4 * max_paper_mb * 1_000_000:
            # Far beyond the limit even as a PDF: not read into memory at all.
            planned.problems.append(
                Problem(shown, 0, _too_large(paper.stat().st_size, max_paper_mb), skipped="this paper")
            )
            return None
        return paper.read_bytes()
    except OSError as exc:
        planned.problems.append(
            Problem(
                shown,
                0,
                f"cannot read the paper: {exc.strerror or exc}; check the file and its permissions",
                skipped="this paper",
            )
        )
        return None


def _sidecar_bytes(run: _Run, planned: _Plan, papers_dir: Path) -> tuple[Path | None, bytes]:
    """The paper's sidecar and its bytes; none when it is a link leading out of the papers folder."""
    side = sidecar_path(planned.paper)
    if side.is_symlink() and link_out(side, papers_dir, _PAPERS_FOLDER):
        planned.problems.append(
            Problem(run.show(side), 0, link_out(side, papers_dir, _PAPERS_FOLDER), skipped="this sidecar")
        )
        return None, b""
    return side, side.read_bytes() if side.is_file() else b""


def _find_entry(run: _Run, planned: _Plan, gone: set[str]) -> None:
    """The paper's manifest entry: its own, or that of the paper it was before it was renamed."""
    shown, manifest = planned.shown, run.manifest
    entry = manifest.papers.get(shown)
    old = run.renamed.get(shown, "")  # found renamed by an earlier reading of this run
    if entry is None:
        old = manifest.renamed_from(planned.paper_sha, gone)
        if old:
            # The same paper under a new name keeps its records (rewritten to name it), never a second set.
            gone.discard(old)
            entry = manifest.papers[shown] = manifest.papers.pop(old)
            run.renamed[shown] = old
    if old:
        planned.old_name = old
        planned.problems.append(
            Problem(shown, 0, f"is {old} renamed; its records are kept and now name {shown}", "note")
        )
    planned.entry = entry


def _unchanged_since(run: _Run, planned: _Plan) -> bool:
    """Whether the paper was converted before from exactly these bytes and settings, and all its files are
    there: then nothing is to be done, and its files are the plan's `unchanged`."""
    entry = planned.entry
    if not (
        entry
        and entry.get("digest") == planned.digest
        and all((run.meetings_dir / f).exists() for f in entry.get("files", {}))
    ):
        return False
    entry["sha256"] = planned.paper_sha  # manifests written before papers were known by content learn it here
    planned.unchanged = tuple(run.meetings_dir / f for f in sorted(entry.get("files", {})))
    return True


def _read_and_convert(
    data: bytes,
    shown: str,
    overrides: PaperOverrides | None,
    committees: Mapping[str, CommitteeSettings],
    council: str,
    limits: ReadLimits,
    max_chars: int,
    default_committee: str = "",
    style: HouseStyle = housestyle.EMPTY,
    kept: bytes = b"",
    keep: bool = False,
) -> PaperConversion:
    """Read a paper and convert it: what a worker process runs for each paper.

    `kept`: the paper's text and readings an earlier reading of this run packed (`kept_readings`), which
    this one starts from instead of reading the file again; `keep`: pack them for a later reading."""
    readings: kept_readings.Readings = []
    at = memo.mark() if keep else {}
    if kept:
        paper_text, readings, remembered = kept_readings.unpack_all(kept)
        memo.recall(remembered)
    else:
        paper_text = read_paper(data, shown, limits)
    chars = len(paper_text.text)
    if chars > max_chars or not paper_text.text.strip():
        return PaperConversion(paper_text.problems, chars if paper_text.text.strip() else 0)
    conversion = convert_with_roles(
        paper_text,
        shown,
        overrides,
        committees,
        sha256=_sha(data),
        council=council,
        default_committee=default_committee,
        style=style,
        readings=readings,
    )
    documents = tuple(conversion.documents)
    observed = learn.observe(
        [d.record for d in documents],
        [o.committee for o in conversion.openings],
        learn.unheaded(conversion.untaught or documents),
        learn.dated_headers(conversion.untaught or documents, conversion.lines),
        learn.printed_cues(conversion.untaught or documents, conversion.lines),
    )
    # Only the reading without the lessons is read again by a later reading (with another style's lessons).
    plain = style_trial.untaught(style)
    reading = (
        kept_readings.pack(paper_text, [(s, c) for s, c in readings if s == plain], memo.since(at)) if keep else b""
    )
    return PaperConversion(paper_text.problems, chars, documents, observed, reading)


def _finish_paper(run: _Run, planned: _Plan, outcome: Outcome[PaperConversion] | None) -> None:
    """Write what a worker read from one paper, keeping what people edited or deleted."""
    run.problems.extend(planned.problems)
    if planned.skipped:
        return
    if planned.unchanged is not None:
        run.unchanged.extend(planned.unchanged)
        return
    assert outcome is not None
    converted = _worker_gave(run, planned, outcome)
    if converted is not None:
        if converted.reading and run.first_readings is not None:
            run.first_readings.put(planned.shown, planned.reading_key, converted.reading)
        _write_paper(run, planned, converted)


def _worker_gave(run: _Run, planned: _Plan, outcome: Outcome[PaperConversion]) -> PaperConversion | None:
    """What the worker converted the paper to, or None (the problem said) when the worker failed, the text
    is too large, or the paper cannot be read now: then what it converted to before is kept."""
    config, problems, shown, entry = run.config, run.problems, planned.shown, planned.entry
    if not outcome.ok:
        kept_before = "; what it converted to before is kept" if entry else ""
        problems.append(Problem(shown, 0, _failure(outcome, config), skipped="this paper" + kept_before))
        return None
    converted: PaperConversion | None = outcome.value
    assert converted is not None  # a task that ended ok returned its conversion
    if converted.text_chars > config.max_paper_mb * 1_000_000:
        problems.append(
            Problem(
                shown,
                0,
                _too_large(converted.text_chars, config.max_paper_mb),
                skipped="this paper; what it converted to before is kept",
            )
        )
        return None
    problems.extend(converted.problems)
    if not converted.text_chars and any(p.severity == "error" for p in converted.problems):
        # Unreadable now: what it converted to before (if anything) is kept, and it is tried again next time.
        problems[-1] = replace(
            problems[-1], skipped="this paper" + ("; what it converted to before is kept" if entry else "")
        )
        return None
    return converted


def _write_paper(run: _Run, planned: _Plan, converted: PaperConversion) -> None:
    """Write the paper's documents, remove the files it no longer produces, and remember what it wrote."""
    meetings_dir, shown, entry = run.meetings_dir, planned.shown, planned.entry
    files: dict[str, str] = {}
    previous = dict((entry or {}).get("files", {}))
    deleted_before = set((entry or {}).get("deleted", []))
    deleted: list[str] = []
    # A paper with an error is converted again, and its error reported again, by every build until fixed.
    failed = any(p.severity == "error" for p in converted.problems + planned.side_problems)
    remember = partial(_remember, run, planned, converted.observed, files, deleted)
    for document in converted.documents:
        try:
            _write_document(
                run, document, planned.paper, shown, files, previous, deleted_before, deleted, planned.old_name
            )
        except OSError as exc:
            if not is_disk_full(exc):
                raise
            # What this paper wrote so far is the converter's; the rest is tried again next time.
            files.update({f: sha for f, sha in previous.items() if f not in files})
            deleted.extend(sorted(deleted_before - set(deleted)))
            remember(digest="")
            target = meetings_dir / document.relpath.as_posix()
            raise UserError(
                f"{disk_full_message(exc, _display(meetings_dir, run.root) + '/')}; the file is as it was — "
                "free some space and convert again",
                run.show(target),
            ) from None
    _remove_stale(run, shown, previous, files, deleted)
    remember(digest="" if failed else planned.digest)


def _remember(
    run: _Run,
    planned: _Plan,
    observed: learn.Observed,
    files: dict[str, str],
    deleted: list[str],
    *,
    digest: str,
) -> None:
    """The paper's manifest entry: what it wrote, and `digest` when it need not be converted again."""
    run.manifest.papers[planned.shown] = {
        "digest": digest,
        "sha256": planned.paper_sha,
        "files": dict(sorted(files.items())),
        "deleted": sorted(deleted),
        "observed": observed.to_mapping() if observed.meetings else {},
        "taught": {f: sha for f, sha in (planned.entry or {}).get("taught", {}).items() if f in files},
    }


def _remove_stale(run: _Run, shown: str, previous: dict[str, str], files: dict[str, str], deleted: list[str]) -> None:
    """Remove the files the paper wrote before and no longer produces, unless a person edited them (kept)."""
    meetings_dir = run.meetings_dir
    for relfile, recorded in sorted(previous.items()):
        if relfile in files or relfile in deleted:
            continue
        try:
            stale = resolve_in(meetings_dir, relfile, "the meetings folder")
        except OutsideRoot:
            continue
        if stale.is_file() and _sha(stale.read_bytes()) == recorded:
            stale.unlink()
            _remove_empty_dirs(stale.parent, meetings_dir)
        elif stale.exists():
            run.problems.append(
                Problem(
                    run.show(stale),
                    0,
                    f"{shown} no longer produces this file; kept it because it was edited",
                    "warning",
                )
            )


def _failure(outcome: Outcome[PaperConversion], config: SiteConfig) -> str:
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


def _write_document(
    run: _Run,
    document: ConvertedDocument,
    paper: Path,
    shown: str,
    files: dict[str, str],
    previous: dict[str, str],
    deleted_before: set[str],
    deleted: list[str],
    old_name: str = "",
) -> None:
    """Write one converted document, unless a person edited or deleted the file it replaces.

    `old_name`: the paper's name before it was renamed, which a kept record still names."""
    record = document.record
    first_line = record.source.lines[0] if record.source else 0
    _report_record_warnings(run, record.warnings, shown, first_line)
    relfile = _claim_record_file(run, document, paper, shown, first_line)
    try:
        target = resolve_in(run.meetings_dir, relfile, "the meetings folder")
    except OutsideRoot as exc:
        run.problems.append(
            Problem(
                run.show(run.meetings_dir / relfile),
                0,
                f"{exc}; replace the link with a folder of its own",
                skipped="this record",
            )
        )
        return
    content = frontmatter.join(record.to_mapping(), document.body).encode("utf-8")
    new_sha = _sha(content)
    if not target.exists() and not target.is_symlink():
        if not run.force and (relfile in previous or relfile in deleted_before):
            deleted.append(relfile)
            _report_deleted_by_hand(run, target, shown)
            return
    elif not target.is_file():
        run.problems.append(
            Problem(
                run.show(target),
                0,
                "is not a regular file (a folder, a pipe or a broken link) where a record goes; move it away",
                skipped="this record",
            )
        )
        return
    elif _left_as_it_is(run, target, relfile, content, new_sha, shown, files, previous, old_name):
        return
    write_atomic(target, content)
    run.written.append(target)
    files[relfile] = new_sha


def _report_record_warnings(run: _Run, warnings: Sequence[str], shown: str, first_line: int) -> None:
    """The record's warnings, each reported once (a second reading with a new house style repeats them)."""
    for warning in warnings:
        problem = Problem(shown, first_line, warning, "warning")
        if problem not in run.problems:
            run.problems.append(problem)


def _claim_record_file(run: _Run, document: ConvertedDocument, paper: Path, shown: str, first_line: int) -> str:
    """The record's file inside the meetings folder, claimed for this paper: renamed after the paper
    when another paper already writes that file."""
    relfile = document.relpath.as_posix()
    owner = run.claimed_now.get(relfile) or run.manifest.owner(relfile)
    if owner and owner != shown:
        renamed = document.relpath.with_name(
            f"{document.relpath.stem}-{segment(paper.stem, 60)}{document.relpath.suffix}"
        )
        run.problems.append(
            Problem(
                shown,
                first_line,
                f"{relfile} also comes from {owner}; wrote {renamed.as_posix()} instead",
                "warning",
            )
        )
        relfile = renamed.as_posix()
    run.claimed_now[relfile] = shown
    return relfile


def _report_deleted_by_hand(run: _Run, target: Path, shown: str) -> None:
    # The converter wrote it and a person deleted it: a choice, kept until they ask for it back.
    run.problems.append(
        Problem(
            run.show(target),
            0,
            f"was deleted by hand, so it is not written again; run `minutes convert --force {shown}` to bring it back",
            "note",
        )
    )


def _left_as_it_is(
    run: _Run,
    target: Path,
    relfile: str,
    content: bytes,
    new_sha: str,
    shown: str,
    files: dict[str, str],
    previous: dict[str, str],
    old_name: str,
) -> bool:
    """Whether an existing record is not written: it already holds `content` (unchanged), or a person
    edited it since it was converted (kept, with a warning saying how to overwrite it)."""
    current_bytes = target.read_bytes()
    current = _sha(current_bytes)
    if current == new_sha:
        run.unchanged.append(target)
        files[relfile] = new_sha
        return True
    recorded = previous.get(relfile) or run.manifest.recorded(relfile)
    if run.force or current == recorded or _cut_short(current_bytes, content):
        return False
    run.kept.append(target)
    run.problems.append(
        Problem(
            run.show(target),
            0,
            f"kept hand-edited file {run.show(target)}; run `minutes convert --force {shown}` to overwrite"
            + (f"; it still names {old_name} as its paper: change its source.paper to {shown}" if old_name else ""),
            "warning",
        )
    )
    if recorded:
        files[relfile] = recorded
    return True


def _cut_short(current: bytes, new: bytes) -> bool:
    """An empty file, or the start of exactly what would be written: a write that a full disk or a crash
    interrupted (by an earlier version, which wrote in place), never a person's edit."""
    return not current.strip() or (len(current) < len(new) and new.startswith(current))


def _refused(paper: Path, papers_dir: Path, shown: str, explicit: bool) -> str:
    """Why a paper is not read at all, or "" to read it."""
    if explicit and paper.parent != papers_dir and papers_dir not in paper.parents:
        return (
            f"is outside the papers folder ({papers_dir.name}/); copy it into the papers folder, "
            "then convert it from there"
        )
    if paper.is_symlink() and not is_inside(paper, papers_dir):
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
