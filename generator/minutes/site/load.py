"""Load converted Markdown and hand-written pages into the `Site` model.

Bad files become `Problem`s naming the file and line and are left out; the
rest of the site still loads. A `Loader` keeps parsed files keyed by their
stat signature, so `serve` re-reads only what changed between rebuilds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from minutes.core.config import SiteConfig
from minutes.core.errors import Problem, excerpt
from minutes.core.paths import Confinement, OutsideRoot, files_at, resolve_in, segment
from minutes.core.pools import pool_context
from minutes.core.reserved import committee_slug, page_slug
from minutes.core.slug import slugify
from minutes.records import frontmatter
from minutes.records.characters import clean_front_matter
from minutes.records.record import DocumentRecord, RecordError
from minutes.site.decisions_register import resolutions_shown
from minutes.site.model import Committee, Document, Meeting, Page, ResolutionsShown, Site
from minutes.site.people_file import read_people_file

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """A parsed Markdown file before it is placed in the model."""

    path: Path
    record: DocumentRecord | None
    body: str
    body_line: int
    data: dict
    problem: Problem | None = None
    record_digest: str = ""
    """Digest of the front-matter text, so a page digest need not walk the record."""
    body_digest: str = ""
    body_size: int = 0
    notes: tuple[tuple[int, str], ...] = ()
    """(line, message) of each value the loader cleaned (see characters.py): warnings, the file still loads."""
    resolutions_shown: ResolutionsShown | None = None
    """A minutes record's resolutions as the decisions register shows them (see model.Document)."""


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


class RecordCache(Protocol):
    """Parsed front-matter kept between runs, by the digest of its text (cache.RecordStore)."""

    def key(self, yaml_text: str) -> bytes: ...
    def get(self, key: bytes) -> Any: ...
    def put(self, key: bytes, value: Any) -> None: ...
    def file(self, path: str, signature: str) -> Any: ...
    def put_file(self, path: str, signature: str, value: Any) -> None: ...
    def flush(self) -> None: ...


PARSE_IN_POOL_FROM = 256
"""Files to parse from which a pool of processes shares the work (fewer cost less in this process)."""
_PARSE_CHUNK = 64


class Loader:
    """Parses files once and reuses the result while their size and mtime are unchanged.

    With a `records` cache, front-matter parsed by an earlier run is reused too.
    With `jobs` above one, many files to parse at once are parsed by that many processes.
    """

    def __init__(self, records: RecordCache | None = None, jobs: int = 1) -> None:
        self._cache: dict[Path, tuple[tuple[int, int], LoadedFile]] = {}
        self.records = records
        self.jobs = jobs

    def read(self, path: Path, *, as_page: bool = False) -> LoadedFile:
        known = self._known(path, as_page)
        if known is None:
            return _parse(path, as_page=as_page)  # a broken link: reported by name
        signature, on_disk, loaded = known
        if loaded is None:
            loaded = _parse(path, as_page=as_page, records=self.records)
            self._remember(path, signature, on_disk, loaded)
        return loaded

    def prefetch(self, paths: list[Path]) -> None:
        """Parse, in a pool of processes, the records among `paths` known neither here nor in `records`.

        `read` then finds them. Only a cold load of many files gains from it;
        otherwise it does nothing, and `read` parses as it goes.
        """
        if self.jobs <= 1 or len(paths) < PARSE_IN_POOL_FROM:
            return
        todo: list[tuple[Path, tuple[int, int], str]] = []
        for path in paths:
            known = self._known(path, False)
            if known is not None and known[2] is None:
                todo.append((path, known[0], known[1]))
        if len(todo) < PARSE_IN_POOL_FROM:
            return
        chunks = [[p for p, _, _ in todo[i : i + _PARSE_CHUNK]] for i in range(0, len(todo), _PARSE_CHUNK)]
        done: list[list[LoadedFile] | None] = [None] * len(chunks)
        # This process is one of the `jobs`: the pool's workers take chunks from the front, this process
        # parses from the back those no worker has taken yet. What it parses is never sent between
        # processes (a pool of `jobs` workers left it waiting, unpickling what each worker pickled).
        with ProcessPoolExecutor(max_workers=self.jobs - 1, mp_context=pool_context()) as pool:
            futures = [pool.submit(_parse_records, chunk) for chunk in chunks]
            for n in reversed(range(len(chunks))):
                if not futures[n].cancel():
                    break  # a worker has this chunk, and so every chunk before it
                done[n] = _parse_records(chunks[n])
            for n, future in enumerate(futures):
                if done[n] is None:
                    done[n] = future.result()
        parsed = [loaded for chunk in done for loaded in chunk or ()]
        for (path, signature, on_disk), loaded in zip(todo, parsed, strict=False):
            self._remember(path, signature, on_disk, loaded)

    def _known(self, path: Path, as_page: bool) -> tuple[tuple[int, int], str, LoadedFile | None] | None:
        """The file's signatures (in this process, in the records cache) and what it was parsed into, if known.

        What the records cache holds is kept here too, so it is asked once. None when the file cannot be
        looked at."""
        try:
            stat = path.stat()
        except OSError:
            return None
        signature = (stat.st_mtime_ns, stat.st_size)
        on_disk = f"{stat.st_mtime_ns}:{stat.st_size}:{stat.st_ino}:{int(as_page)}"
        cached = self._cache.get(path)
        if cached and cached[0] == signature:
            return signature, on_disk, cached[1]
        loaded = self.records.file(str(path), on_disk) if self.records is not None else None
        if loaded is not None:
            self._cache[path] = (signature, loaded)
        return signature, on_disk, loaded

    def _remember(self, path: Path, signature: tuple[int, int], on_disk: str, loaded: LoadedFile) -> None:
        if self.records is not None and loaded.problem is None:
            self.records.put_file(str(path), on_disk, loaded)
        self._cache[path] = (signature, loaded)

    def load(self, config: SiteConfig) -> Site:
        site = Site(config=config)
        _load_meetings(self, site)
        _load_pages(self, site)
        site.people_file, problems = read_people_file(config)
        site.problems.extend(problems)
        if self.records is not None:
            self.records.flush()
        seen = {p for p in self._cache if p.exists()}
        self._cache = {p: v for p, v in self._cache.items() if p in seen}
        return site


def load_site(config: SiteConfig) -> Site:
    return Loader().load(config)


def relative(config: SiteConfig, path: Path) -> str:
    try:
        return path.relative_to(config.root).as_posix()
    except ValueError:
        return str(path)


def _parse_records(paths: list[Path]) -> list[LoadedFile]:
    """Parse meeting records (in a pool process)."""
    return [_parse(path, as_page=False) for path in paths]


def _parse(path: Path, *, as_page: bool, records: RecordCache | None = None) -> LoadedFile:
    text = _read_text(path)
    if isinstance(text, Problem):
        return _failed(path, text)
    if as_page and not text.startswith("---"):
        return LoadedFile(path, None, text, 1, {})
    try:
        located = frontmatter.locate(text)
    except frontmatter.FrontMatterError as exc:
        return _failed(path, Problem(str(path), exc.line, exc.message))
    if as_page:
        return _parse_page(path, located)
    return _parse_record(path, text, located, records)


def _read_text(path: Path) -> str | Problem:
    """The file's text, or why it cannot be read as text."""
    if path.is_dir():
        return Problem(str(path), 0, "is a folder named like a Markdown file; rename it (without .md) or move it away")
    if not path.is_file():
        return Problem(
            str(path),
            0,
            "is not a regular file (a pipe, a device or a broken link); replace it with a Markdown file or remove it",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return Problem(str(path), line, "not UTF-8 text; save the file as UTF-8")
    except OSError as exc:
        return Problem(str(path), 0, f"cannot read the file: {exc.strerror or exc}; check its permissions")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return Problem(
            str(path), line, "holds a NUL byte, so it is not text; remove the byte or save the file again as UTF-8 text"
        )
    return text


_Notes = tuple[tuple[int, str], ...]


def _parse_page(path: Path, located: frontmatter.Located) -> LoadedFile:
    """A hand-written page with front-matter: its body is kept, its front-matter as data."""
    try:
        data = frontmatter.parse_yaml(located)
    except frontmatter.FrontMatterError as exc:
        return _failed(path, Problem(str(path), exc.line, exc.message))
    data, cleaned = clean_front_matter(data, names=False)
    notes = tuple((_line_of_key(located, dotted), f"{dotted}: {message}") for dotted, message in cleaned)
    return LoadedFile(path, None, located.body, located.body_line, data, notes=notes)


def _parse_record(path: Path, text: str, located: frontmatter.Located, records: RecordCache | None) -> LoadedFile:
    """A meeting record: its front-matter read (or found in `records` by its text), its body's digest and size."""
    key = records.key(located.yaml_text) if records is not None else b""
    remembered = records.get(key) if key and records is not None else None
    if remembered is not None:
        _data, record, notes = remembered
    else:
        read = _read_record(path, located)
        if isinstance(read, Problem):
            return _failed(path, read)
        record, notes = read
        if key and records is not None:
            records.put(key, (None, record, notes))
    # The body is the file's tail, so what comes before it is the front-matter.
    head = text[: len(text) - len(located.body)]
    # A document's body is not kept (see model.Document.body); what is needed of it is taken now.
    return LoadedFile(
        path,
        record,
        "",
        located.body_line,
        {},
        record_digest=text_digest(head),
        body_digest=text_digest(located.body),
        body_size=len(located.body),
        notes=notes,
        resolutions_shown=resolutions_shown(record, located.body) if record.kind == "minutes" else None,
    )


def _read_record(path: Path, located: frontmatter.Located) -> tuple[DocumentRecord, _Notes] | Problem:
    """A record's front-matter read and checked, with a note per value cleaned; or what is wrong with it."""
    try:
        data = frontmatter.parse_yaml(located)
    except frontmatter.FrontMatterError as exc:
        return Problem(str(path), exc.line, exc.message)
    data, cleaned = clean_front_matter(data, names=True)
    notes = tuple((_line_of_key(located, dotted), f"{dotted}: {message}") for dotted, message in cleaned)
    try:
        record = DocumentRecord.from_mapping(data)
    except RecordError as exc:
        return Problem(str(path), _line_of_key(located, exc.key), str(exc))
    return record, notes


def _line_of_key(located: frontmatter.Located, dotted: str) -> int:
    """The line of the top-level key holding the value at `dotted` ("attendance.present[2]")."""
    return located.key_lines.get(dotted.split(".")[0].split("[")[0], 1)


def _failed(path: Path, problem: Problem) -> LoadedFile:
    return LoadedFile(path, None, "", 0, {}, problem)


def meeting_of(path: Path) -> tuple[str, str]:
    """(committee slug, meeting key) of a record at `<meetings_dir>/<committee>/<meeting>/<name>.md`.

    Both are URL path segments: a folder whose name is not one (`Cabinet`,
    `undated-a#b`) is published under the name `segment` makes of it.
    """
    return committee_slug(segment(path.parent.parent.name)), segment(path.parent.name)


_MEETINGS_FOLDER = "the meetings folder"


def _load_meetings(loader: Loader, site: Site) -> None:
    config = site.config
    root = config.root / config.meetings_dir
    by_meeting: dict[tuple[str, str], list[Document]] = {}
    names: dict[str, Counter] = {}
    warned: set[Path] = set()
    folders: dict[str, str] = {}
    published_as: dict[tuple[str, ...], Path] = {}
    papers = _PapersNamed(
        config, Confinement(config.root / config.papers_dir, f"the papers folder ({config.papers_dir}/)")
    )
    paths, refused = files_at(root, 3, ".md", _MEETINGS_FOLDER)
    for path, why in refused:
        depth = len(path.relative_to(root).parts)
        skipped = ("every record in it", "every record in it", f"this record, of the meeting {_meeting_name(path)}")
        site.problems.append(Problem(relative(config, path), 0, why, skipped=skipped[depth - 1]))
    loader.prefetch(paths)
    for path in paths:
        committee, key = meeting_of(path)
        folders[committee] = path.parent.parent.name
        if path.parent not in warned:
            _check_folder_names(site, path, committee, key, warned, published_as)
        document = _document(site, path, loader.read(path), committee, key, papers)
        if document is not None:
            names.setdefault(committee, Counter())[document.record.committee] += 1
            by_meeting.setdefault((committee, key), []).append(document)
    _add_meetings(site, by_meeting)
    _add_committees(site, names, folders)


@dataclass(slots=True)
class _PapersNamed:
    """The papers folder, and each paper a record names -> why it may not be published ("" if it may):
    a paper has several records, and is checked once."""

    config: SiteConfig
    folder: Confinement
    checked: dict[str, str] = field(default_factory=dict)

    def outside(self, paper: str) -> str:
        found = self.checked.get(paper)
        if found is None:
            found = self.checked[paper] = _paper_outside(self.config, paper, self.folder)
        return found


def _document(
    site: Site, path: Path, loaded: LoadedFile, committee: str, key: str, papers: _PapersNamed
) -> Document | None:
    """A record as a document of its meeting, its problems reported; None when it cannot be read."""
    config = site.config
    rel = relative(config, path)
    if loaded.problem:
        site.problems.append(
            Problem(
                rel,
                loaded.problem.line,
                loaded.problem.message,
                skipped=f"this record, of the meeting {path.parent.parent.name}/{key}",
            )
        )
        return None
    record = loaded.record
    assert record is not None
    site.problems.extend(Problem(rel, line, message, "warning") for line, message in loaded.notes)
    outside = papers.outside(record.source.paper) if record.source and record.source.paper else ""
    if outside:
        site.problems.append(
            Problem(
                rel,
                _key_line(loaded, "source"),
                f"source.paper {outside}; name a paper inside the papers folder ({config.papers_dir}/), "
                "or remove the line",
                skipped="the paper it names; the record is published without it",
            )
        )
        record = replace(record, source=None)
    if _ISO_DATE.match(key) and record.date and record.date.isoformat() != key:
        site.problems.append(
            Problem(
                rel,
                _key_line(loaded, "date"),
                f"date {record.date} disagrees with the folder {key}; move the file or correct the date",
                "warning",
            )
        )
    return Document(
        source=path,
        record=record,
        held_body=None,
        body_line=loaded.body_line,
        name=path.stem,
        url=f"{committee}/{key}/" if record.kind in ("agenda", "minutes") else f"{committee}/{key}/{path.stem}/",
        record_digest=loaded.record_digest,
        body_digest=loaded.body_digest,
        body_size=loaded.body_size,
        resolutions_shown=loaded.resolutions_shown,
    )


def _add_meetings(site: Site, by_meeting: dict[tuple[str, str], list[Document]]) -> None:
    """Each meeting's documents in their order (agenda, minutes, reports, other documents), checked together."""
    first_folder: dict[tuple[str, dt.date, str], tuple[tuple[str, str], Document]] = {}
    for (committee, key), docs in sorted(by_meeting.items()):
        order = {"agenda": 0, "minutes": 1, "report": 2, "document": 3}
        docs.sort(key=lambda d: (order[d.kind], d.name))
        _check_duplicates(site, docs)
        _check_meeting_in_two_folders(site, (committee, key), docs, first_folder)
        date = dt.date.fromisoformat(key) if _ISO_DATE.match(key) else None
        site.meetings[(committee, key)] = Meeting(
            committee=committee, key=key, date=date, documents=tuple(docs), url=f"{committee}/{key}/"
        )


def _add_committees(site: Site, names: dict[str, Counter], folders: dict[str, str]) -> None:
    """Each committee with a meeting: its name (the site's, else the one its records print most) and its
    meetings, newest first, undated last."""
    config = site.config
    for committee, counter in sorted(names.items()):
        settings = config.committees.get(committee) or config.committees.get(folders.get(committee, ""))
        # The name printed most often wins unless the site names the committee.
        name = (settings.name if settings and settings.name else None) or sorted(
            counter.items(), key=lambda kv: (-kv[1], kv[0])
        )[0][0]
        keys = [k for (c, k) in site.meetings if c == committee]
        dated = sorted((k for k in keys if _ISO_DATE.match(k)), reverse=True)
        undated = sorted(k for k in keys if not _ISO_DATE.match(k))
        site.committees[committee] = Committee(
            slug=committee,
            name=name,
            description=settings.description if settings else "",
            meeting_keys=tuple(dated + undated),
            url=f"{committee}/",
        )


def _meeting_name(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.parent.name}"


def _check_folder_names(
    site: Site, path: Path, committee: str, key: str, warned: set[Path], published_as: dict[tuple[str, ...], Path]
) -> None:
    """Warn, once per folder, of a folder name that is not a web address, is the site's own, or that
    another folder publishes too (`Cabinet/` and `cabinet/`: one folder on many disks and hosts)."""
    config = site.config
    for folder, published, address in (
        (path.parent.parent, (committee,), f"{committee}/"),
        (path.parent, (committee, key), f"{committee}/{key}/"),
    ):
        if folder in warned:
            continue
        warned.add(folder)
        name = folder.name
        if segment(name) != name:
            site.problems.append(
                Problem(
                    relative(config, folder),
                    0,
                    f"the folder name {name[:120]!r} is not a web address (lower-case letters, digits, '-' and '_'); "
                    f"its pages are published under {address} — rename the folder to {segment(name)!r}",
                    "warning",
                )
            )
        elif len(published) == 1 and committee != name:
            site.problems.append(
                Problem(
                    relative(config, folder),
                    0,
                    f"the committee folder {excerpt(name)} has the name of one of the site's own folders ({name}/); "
                    f"its pages are published under {committee}/ instead — rename the folder to choose another name",
                    "warning",
                )
            )
        other = published_as.setdefault(published, folder)
        if other != folder:
            site.problems.append(
                Problem(
                    relative(config, folder),
                    0,
                    f"this folder and {relative(config, other)} are both published as {address} (their names "
                    "differ only by case, accents or punctuation, and are one folder on many disks); their "
                    "records are published together — move them into one folder",
                    "warning",
                )
            )


def _paper_outside(config: SiteConfig, paper: str, papers: Confinement) -> str:
    """Why a record's `source.paper` may not be read or published, or "": it must be inside the papers folder.

    A record may come from anyone: `/proc/self/environ` or `../../.ssh/id_rsa` there would be published
    as the record's paper, beside the page linking to it.
    """
    shown = repr(paper[:120])
    try:
        inner = PurePosixPath(paper).relative_to(PurePosixPath(config.papers_dir.as_posix()))
    except ValueError:
        # Not below the papers folder as written: say why in the terms of the whole site.
        try:
            resolve_in(config.root, paper, "the site")
        except OutsideRoot as exc:
            return str(exc).replace(repr(paper), shown)
        return f"{shown} is not in {papers.what}"
    try:
        papers.resolve(inner)
    except OutsideRoot as exc:
        return str(exc).replace(repr(str(inner)), shown)
    return ""


def _check_meeting_in_two_folders(
    site: Site,
    meeting: tuple[str, str],
    docs: list[Document],
    first_folder: dict[tuple[str, dt.date, str], tuple[tuple[str, str], Document]],
) -> None:
    """The agenda or minutes of one meeting (the same body, date and kind) in a second meeting's folder:
    the meeting would be published twice, under two addresses."""
    for doc in docs:
        record = doc.record
        if record.kind not in ("agenda", "minutes") or record.date is None:
            continue
        where, first = first_folder.setdefault((slugify(record.committee), record.date, record.kind), (meeting, doc))
        if where != meeting:
            site.problems.append(
                Problem(
                    relative(site.config, doc.source),
                    0,
                    f"the {record.kind} of {record.committee[:120]} on {record.date} is also in "
                    f"{relative(site.config, first.source.parent)}/; the meeting is published twice — "
                    "keep one of the two folders",
                    "warning",
                )
            )


def _check_duplicates(site: Site, docs: list[Document]) -> None:
    for doc in docs:
        seen: set[str] = set()
        for item in doc.record.items:
            if item.anchor in seen:
                site.problems.append(
                    Problem(
                        relative(site.config, doc.source),
                        1,
                        f"two items share the anchor {excerpt(item.anchor)}; give each item its own anchor",
                    )
                )
            seen.add(item.anchor)
    for kind in ("agenda", "minutes"):
        same = [d for d in docs if d.kind == kind]
        for extra in same[1:]:
            site.problems.append(
                Problem(
                    relative(site.config, extra.source),
                    1,
                    f"a second {kind} for this meeting (first: {same[0].source.name}); "
                    f"change its kind to 'document' or remove one",
                    "warning",
                )
            )


def _key_line(loaded: LoadedFile, key: str) -> int:
    for n, line in enumerate(loaded.path.read_text(encoding="utf-8").splitlines()[: loaded.body_line], start=1):
        if line.startswith(f"{key}:"):
            return n
    return 1


def _load_pages(loader: Loader, site: Site) -> None:
    config = site.config
    root = config.root / config.pages_dir
    paths, refused = files_at(root, 1, ".md", "the pages folder")
    for path, why in refused:
        site.problems.append(Problem(relative(config, path), 0, why, skipped="this page"))
    for path in paths:
        rel = relative(config, path)
        loaded = loader.read(path, as_page=True)
        if loaded.problem:
            site.problems.append(Problem(rel, loaded.problem.line, loaded.problem.message, skipped="this page"))
            continue
        site.problems.extend(Problem(rel, line, message, "warning") for line, message in loaded.notes)
        page = page_from(path, loaded)
        if page.slug != segment(slugify(path.stem)):
            site.problems.append(
                Problem(
                    rel,
                    0,
                    f"a page named {excerpt(path.stem)} would replace the site's own {slugify(path.stem)}/ folder; "
                    f"it is published as {page.url} instead — rename the file to choose another address",
                    "warning",
                )
            )
        other = site.pages.get(page.slug)
        if other is not None:
            site.problems.append(
                Problem(
                    rel,
                    0,
                    f"this page and {relative(config, other.source)} both make {page.url}; rename one of them",
                    skipped="this page",
                )
            )
            continue
        site.pages[page.slug] = page


def page_from(path: Path, loaded: LoadedFile) -> Page:
    """A hand-written page from its parsed file."""
    slug = page_slug(segment(slugify(path.stem)))  # a folder name: length-limited
    title = str(loaded.data.get("title") or _first_heading(loaded.body) or path.stem.replace("-", " ").title())
    return Page(
        source=path,
        slug=slug,
        title=title,
        description=str(loaded.data.get("description") or ""),
        body=loaded.body,
        url=f"{slug}/",
    )


def _first_heading(body: str) -> str:
    match = re.search(r"^#\s+(.+)$", body, re.M)
    return match.group(1).strip() if match else ""
