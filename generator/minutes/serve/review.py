"""The review view of `minutes serve`: which records hold doubts, and each one beside its paper.

`<base>_review/` lists the records with open doubts, most worth a look first
(see doubts.py); `<base>_review/<committee>/<meeting>/<record>/` shows one
record: its doubts, each with the line of the record file to edit, what was
read from the paper, and the paper itself — a PDF as page images
(`…/page-<n>.png`, rendered by pdfium) with the lines each doubtful fact came
from outlined, any other paper as its lines, numbered, the doubtful ones
marked. The pages are made when asked for, from the model of the last build,
so an edit of a record shows after the reload every edit brings.

Only the preview server answers these addresses; a build never writes them, so
they are never published. Nothing here writes a file: a person corrects the
record in their own editor.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path, PurePosixPath

import jinja2

from minutes.build import BuildState
from minutes.core.errors import UserError
from minutes.core.paths import OutsideRoot, is_inside, resolve_in
from minutes.pages.render import PageSpec, SiteView, make_environment, render_page
from minutes.papers.readers import SourceLine, read_paper
from minutes.records.record import DocumentRecord
from minutes.serve.page_images import NotAPdf, page_png, page_sizes
from minutes.site.doubts import Doubt, DoubtfulRecord, doubtful_records, open_doubts, written_lines
from minutes.site.load import relative
from minutes.site.model import Document, Meeting, Site
from minutes.site.originals import published_address
from minutes.site.titles import meeting_title

REVIEW = "_review"
"""The review view's folder below the base URL; a committee may not take the name (core/reserved.py)."""
MAX_LINES = 1500
"""Lines of a text paper shown whole; a longer record shows the lines around its doubts."""
AROUND = 12
"""Lines shown before and after a doubtful line of a long record."""
MAX_PAGES = 12
"""Pages of a PDF record shown as images: those holding doubtful lines, then its first pages."""
MAX_HIGHLIGHTED = 200
"""Lines of one doubt outlined at most (a doubt that names a whole report is shown by its first lines)."""
PAD = 1.5
"""Points of margin around an outlined line, so the outline does not cut through the letters."""


@dataclass(frozen=True, slots=True)
class Answer:
    status: HTTPStatus
    body: bytes
    content_type: str
    location: str = ""


@dataclass(frozen=True, slots=True)
class ReadPaper:
    """A paper as its reader read it, kept by digest for the review pages."""

    format: str
    lines: dict[int, SourceLine]
    sizes: tuple[tuple[float, float], ...]
    """Each page's (width, height) in points, for a PDF."""
    problem: str = ""
    """Why the paper could not be read (then `lines` is empty)."""


@dataclass(frozen=True, slots=True)
class DoubtView:
    number: int
    doubt: Doubt
    label: str
    record_line: int
    """The line of the record file holding the doubt (0 when not found)."""
    excerpt: str
    """The paper's words on the doubt's lines, as read."""
    pages: tuple[int, ...]
    """The PDF pages holding its lines."""


@dataclass(frozen=True, slots=True)
class Highlight:
    doubt: int
    label: str
    first: int
    last: int
    """The paper lines outlined on this page."""
    left: float
    top: float
    width: float
    height: float
    """Percent of the page."""


@dataclass(frozen=True, slots=True)
class PageView:
    number: int
    image: str
    width: int
    height: int
    """Pixels of the image, so the page keeps its place while the image loads."""
    highlights: tuple[Highlight, ...]


@dataclass(frozen=True, slots=True)
class LineView:
    number: int
    text: str
    doubts: tuple[tuple[int, str], ...]
    """(number, label) of each doubt read from this line."""
    furniture: str = ""
    gap_before: bool = False
    """Lines are left out before this one (a long record shows the lines around its doubts)."""


@dataclass(frozen=True, slots=True)
class FactView:
    label: str
    value: str
    doubts: tuple[int, ...]


class ReviewView:
    """Answers the review addresses from the last build's model (`state()`)."""

    def __init__(self, state: Callable[[], BuildState | None], search: bool = True):
        self.state = state
        self.search = search
        self._papers: OrderedDict[str, ReadPaper] = OrderedDict()
        self._images: OrderedDict[tuple[str, int], bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._env: tuple[object, jinja2.Environment] | None = None

    def answer(self, wanted: str, base_url: str) -> Answer | None:
        """The answer for a path below the base URL (`wanted`), or None when it is not the review view's."""
        parts = [p for p in wanted.split("/") if p]
        if not parts or parts[0] != REVIEW:
            return None
        state = self.state()
        if state is None:
            return _text(HTTPStatus.SERVICE_UNAVAILABLE, "The first build is not finished yet; reload in a moment.")
        if len(parts) == 1:
            if not wanted.endswith("/"):
                return Answer(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain", base_url + REVIEW + "/")
            return self._page(state, _index_spec(state.site))
        if len(parts) not in (4, 5):
            return None
        found = _document(state.site, *parts[1:4])
        if found is None:
            return None
        meeting, doc = found
        if len(parts) == 5:
            return self._image(state.site, doc, parts[4])
        if not wanted.endswith("/"):
            return Answer(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain", base_url + "/".join(parts) + "/")
        return self._page(state, self._record_spec(state.site, meeting, doc))

    # --- pages ---------------------------------------------------------------------

    def _page(self, state: BuildState, spec: PageSpec) -> Answer:
        env = self._environment(state)
        try:
            html = render_page(spec, env, SiteView.of(state.site))
        except UserError as exc:
            return _text(HTTPStatus.INTERNAL_SERVER_ERROR, f"The review page could not be made: {exc}")
        return Answer(HTTPStatus.OK, html.encode("utf-8"), "text/html; charset=utf-8")

    def _environment(self, state: BuildState) -> jinja2.Environment:
        key = (state.site.config, state.theme)
        if self._env is None or self._env[0] != key:
            self._env = (key, make_environment(state.site.config, state.theme, search=self.search))
        return self._env[1]

    def _record_spec(self, site: Site, meeting: Meeting, doc: Document) -> PageSpec:
        record = doc.record
        doubts = open_doubts(record)
        where = written_lines(doc.source, doubts)
        paper_path, paper = self._paper(site, record)
        views = tuple(
            DoubtView(
                n,
                d,
                d.label,
                line,
                _excerpt(paper, d.lines),
                tuple(
                    sorted({paper.lines[i].page for i in _numbers(d.lines) if i in paper.lines and paper.lines[i].page})
                )
                if paper
                else (),
            )
            for n, (d, line) in enumerate(zip(doubts, where, strict=True), start=1)
        )
        pages: tuple[PageView, ...] = ()
        lines: tuple[LineView, ...] = ()
        if paper is not None and paper.format == "pdf" and paper.sizes:
            pages = _pages(_review_url(meeting, doc), record, paper, views)
        elif paper is not None:
            lines = _lines(record, paper, views)
        changed = bool(
            paper_path and record.source and record.source.sha256 and _sha256(paper_path) != record.source.sha256
        )
        inputs = {
            "document": doc,
            "meeting": meeting,
            "title": meeting_title(site, meeting),
            "record_path": relative(site.config, doc.source),
            "doubts": views,
            "reviewed": record.reviewed,
            "facts": _facts(record, views),
            "paper_name": record.source.paper if record.source else "",
            "paper_format": paper.format if paper else "",
            "paper_problem": paper.problem if paper else "",
            "paper_address": _paper_address(site, record),
            "paper_changed": changed,
            "pages": pages,
            "lines": lines,
            "meeting_url": meeting.url,
        }
        return PageSpec("", "review.html", inputs, _review_url(meeting, doc))

    # --- the paper -----------------------------------------------------------------

    def _paper(self, site: Site, record: DocumentRecord) -> tuple[Path | None, ReadPaper | None]:
        path = _paper_path(site, record)
        if path is None:
            return None, None
        try:
            data = _read_limited(path, site.config.max_paper_mb)
        except (OSError, ValueError) as exc:
            return path, ReadPaper("", {}, (), str(exc))
        digest = hashlib.sha256(data).hexdigest()
        with self._lock:
            known = self._papers.get(digest)
            if known is not None:
                self._papers.move_to_end(digest)
                return path, known
            decoded = read_paper(data, relative(site.config, path))
            sizes: tuple[tuple[float, float], ...] = ()
            if decoded.format == "pdf":
                try:
                    sizes = page_sizes(data)
                except NotAPdf:
                    sizes = ()
            problem = next((p.message for p in decoded.problems if p.severity == "error"), "")
            read = ReadPaper(decoded.format, {line.number: line for line in decoded.lines}, sizes, problem)
            self._papers[digest] = read
            while len(self._papers) > 8:
                self._papers.popitem(last=False)
            return path, read

    def _image(self, site: Site, doc: Document, name: str) -> Answer | None:
        stem, _, suffix = name.partition(".")
        number = stem.removeprefix("page-")
        if suffix != "png" or not stem.startswith("page-") or not number.isdigit() or len(number) > 6:
            return None
        path = _paper_path(site, doc.record)
        if path is None:
            return None
        try:
            data = _read_limited(path, site.config.max_paper_mb)
        except (OSError, ValueError):
            return None
        key = (hashlib.sha256(data).hexdigest(), int(number))
        with self._lock:
            image = self._images.get(key)
        if image is None:
            try:
                image = page_png(data, int(number))
            except NotAPdf:
                return None
            with self._lock:
                self._images[key] = image
                while len(self._images) > 48:
                    self._images.popitem(last=False)
        return Answer(HTTPStatus.OK, image, "image/png")


# --- what the pages show -------------------------------------------------------------


def _index_spec(site: Site) -> PageSpec:
    found = doubtful_records(site)
    rows = [(r, _review_url(_meeting_of(site, r.document), r.document), _title_of(site, r)) for r in found]
    return PageSpec(
        "",
        "review_index.html",
        {"records": rows, "doubts": sum(len(r.doubts) for r in found)},
        REVIEW + "/",
    )


def _title_of(site: Site, found: DoubtfulRecord) -> str:
    meeting = _meeting_of(site, found.document)
    doc = found.document
    what = doc.kind.capitalize() if doc.kind in ("agenda", "minutes") else doc.title
    return f"{what}: {meeting_title(site, meeting)}"


def _meeting_of(site: Site, doc: Document) -> Meeting:
    return next(m for m in site.meetings.values() if any(d is doc for d in m.documents))


def _review_url(meeting: Meeting, doc: Document) -> str:
    return f"{REVIEW}/{meeting.committee}/{meeting.key}/{doc.name}/"


def _document(site: Site, committee: str, key: str, name: str) -> tuple[Meeting, Document] | None:
    meeting = site.meetings.get((committee, key))
    if meeting is None:
        return None
    doc = next((d for d in meeting.documents if d.name == name), None)
    return (meeting, doc) if doc is not None else None


def _paper_path(site: Site, record: DocumentRecord) -> Path | None:
    """The record's paper, only when it is a file inside the papers folder (as the build publishes it)."""
    if record.source is None or not record.source.paper:
        return None
    config = site.config
    try:
        path = resolve_in(config.root, record.source.paper, "the site")
    except OutsideRoot:
        return None
    if not (is_inside(path, config.root / config.papers_dir) and path.is_file()):
        return None
    return path


def _read_limited(path: Path, limit_mb: int) -> bytes:
    # The converter's own limit: a paper far beyond it was never converted, and is not read here either.
    if path.stat().st_size > 4 * limit_mb * 1_000_000:
        raise ValueError(f"the paper is larger than {4 * limit_mb} MB; it is not shown")
    return path.read_bytes()


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _paper_address(site: Site, record: DocumentRecord) -> str:
    if record.source is None:
        return ""
    address = published_address(PurePosixPath(site.config.papers_dir.as_posix()), record.source.paper)
    return f"papers/{address}" if address else ""


def _numbers(lines: tuple[int, int]) -> range:
    first, last = lines
    if not first:
        return range(0)
    return range(first, min(last, first + MAX_HIGHLIGHTED - 1) + 1)


def _excerpt(paper: ReadPaper | None, lines: tuple[int, int]) -> str:
    if paper is None:
        return ""
    words = " ".join(paper.lines[n].text for n in _numbers(lines) if n in paper.lines and paper.lines[n].text)
    return words if len(words) <= 400 else words[:399] + "…"


def _pages(url: str, record: DocumentRecord, paper: ReadPaper, doubts: tuple[DoubtView, ...]) -> tuple[PageView, ...]:
    """The record's PDF pages: those holding doubtful lines first in mind, then the rest of its own, in order."""
    by_page: dict[int, list[Highlight]] = {}
    for view in doubts:
        spans: dict[int, list[SourceLine]] = {}
        for n in _numbers(view.doubt.lines):
            line = paper.lines.get(n)
            if line is not None and line.page and len(line.box) == 4:
                spans.setdefault(line.page, []).append(line)
        for page, held in spans.items():
            if page > len(paper.sizes):
                continue
            width, height = paper.sizes[page - 1]
            left = min(line.box[0] for line in held) - PAD
            top = min(line.box[1] for line in held) - PAD
            right = max(line.box[2] for line in held) + PAD
            bottom = max(line.box[3] for line in held) + PAD
            by_page.setdefault(page, []).append(
                Highlight(
                    view.number,
                    view.label,
                    held[0].number,
                    held[-1].number,
                    round(100 * max(left, 0) / width, 3),
                    round(100 * max(top, 0) / height, 3),
                    round(100 * (min(right, width) - max(left, 0)) / width, 3),
                    round(100 * (min(bottom, height) - max(top, 0)) / height, 3),
                )
            )
    own: list[int] = []
    if record.source and record.source.lines != (0, 0):
        first, last = record.source.lines
        own = sorted({paper.lines[n].page for n in range(first, last + 1) if n in paper.lines and paper.lines[n].page})
    chosen = sorted(by_page)
    for page in own:
        if len(chosen) >= MAX_PAGES:
            break
        if page not in chosen:
            chosen.append(page)
    views = []
    for page in sorted(chosen):
        width, height = paper.sizes[page - 1]
        scale = min(2.0, 4000 / max(width, height, 1))
        views.append(
            PageView(
                page,
                f"{url}page-{page}.png",
                round(width * scale),
                round(height * scale),
                tuple(by_page.get(page, ())),
            )
        )
    return tuple(views)


def _lines(record: DocumentRecord, paper: ReadPaper, doubts: tuple[DoubtView, ...]) -> tuple[LineView, ...]:
    """The record's own lines of the paper, numbered, each with the doubts read from it."""
    marks: dict[int, list[tuple[int, str]]] = {}
    for view in doubts:
        for n in _numbers(view.doubt.lines):
            marks.setdefault(n, []).append((view.number, view.label))
    numbers = sorted(paper.lines)
    if not numbers:
        return ()
    first, last = record.source.lines if record.source and record.source.lines != (0, 0) else (numbers[0], numbers[-1])
    wanted = [n for n in numbers if first <= n <= last]
    if len(wanted) > MAX_LINES:
        near = {m + d for m in marks for d in range(-AROUND, AROUND + 1)}
        wanted = [n for n in wanted if n in near or n < first + 2 * AROUND]
    wanted = sorted(set(wanted) | {n for n in marks if n in paper.lines})
    out = []
    previous = 0
    for n in wanted:
        line = paper.lines[n]
        out.append(
            LineView(
                n, line.text, tuple(marks.get(n, ())), line.furniture, gap_before=bool(previous) and n > previous + 1
            )
        )
        previous = n
    return tuple(out)


def _facts(record: DocumentRecord, doubts: tuple[DoubtView, ...]) -> tuple[FactView, ...]:
    """What was read into the record, each fact with the doubts on it."""

    def on(fact: str, item: tuple[str, ...] | None = None, value: tuple[str, ...] | None = None) -> tuple[int, ...]:
        """The doubts on a fact: of the record (neither given), of one item (its number and anchor), or on
        one reference (its words and date)."""
        found = []
        for v in doubts:
            d = v.doubt
            if d.fact != fact:
                continue
            if item is not None and d.item not in item:
                continue
            if value is not None and (d.item or (d.value and d.value not in value)):
                continue
            found.append(v.number)
        return tuple(found)

    att = record.attendance
    out = [
        FactView("Kind", record.kind, on("kind")),
        FactView("Committee", record.committee, on("committee")),
        FactView("Date", record.date.isoformat() if record.date else "not known", on("date")),
        FactView("Time", record.time, on("time")),
        FactView("Venue", record.venue, on("venue")),
        FactView("Chair", att.chair, on("chair")),
        FactView("Present", ", ".join(att.present), on("present")),
        FactView("Apologies", ", ".join(att.apologies), on("apologies")),
        FactView("In attendance", ", ".join(att.in_attendance), on("in_attendance")),
    ]
    out = [f for f in out if f.value or f.doubts]
    for item in record.items:
        name = f"Item {item.number}" if item.number else "Item"
        keys = tuple(k for k in (item.number, item.anchor) if k)
        out.append(FactView(name, item.title, on("item", keys) + on("citation", keys)))
        for resolution in item.resolutions:
            out.append(FactView(f"{name}: decision", resolution, on("decision", keys)))
    for c in record.citations:
        named = c.date.isoformat() if c.date else ""
        words = (c.text, named) if named else (c.text,)
        out.append(FactView("Reference", c.text + (f" ({named})" if named else ""), on("citation", value=words)))
    return tuple(out)


def _text(status: HTTPStatus, message: str) -> Answer:
    return Answer(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")


__all__ = ["REVIEW", "Answer", "ReviewView"]
