"""The PDF reader: pages in, one stream of `SourceLine`s and a `PageInfo` per page out."""

from __future__ import annotations

import subprocess
import threading
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypedDict

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from minutes.core.errors import Problem
from minutes.papers.readers.base import DEFAULT_LIMITS, PageInfo, PaperText, ReadLimits, SourceLine, past_limit
from minutes.papers.readers.pdf import ocr
from minutes.papers.readers.pdf.chars import Run, page_runs
from minutes.papers.readers.pdf.furniture import (
    BandLine,
    band_lines,
    fill_printed_pages,
    judge,
    line_numbers,
    printed_page,
)
from minutes.papers.readers.pdf.layer import MIN_TEXT_CHARS, classify
from minutes.papers.readers.pdf.layout import PageLayout, Piece, lay_out
from minutes.papers.readers.pdf.rules import Grid, find_grids, page_drawing
from minutes.papers.readers.pdf.tidy import Vocabulary

PDFIUM = threading.RLock()
"""pdfium is not thread-safe, not even across documents: every use of it in a process holds this lock
(`minutes serve` renders page images in its request threads while its builds read papers)."""

_META_KEYS = {
    "Title": "title",
    "Author": "author",
    "Subject": "subject",
    "Creator": "creator",
    "Producer": "producer",
    "CreationDate": "created",
    "ModDate": "modified",
}


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    layer: str
    runs: list[Run] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    dots: tuple[tuple[float, float], ...] = ()
    ocr: bool = False
    notes: list[str] = field(default_factory=list)


class PdfReader:
    """Reads PDFs. `ocr_pages` limits OCR to those 1-based page numbers (tests use it to
    keep long scanned packs quick); `ocr=False` turns OCR off; `ocr_workers` is how many
    pages Tesseract reads at once."""

    name = "pdf"

    def __init__(self, ocr: bool = True, ocr_pages: Iterable[int] | None = None, ocr_workers: int | None = None):
        self.ocr = ocr
        self.ocr_pages = frozenset(ocr_pages) if ocr_pages is not None else None
        self._ocr_workers = ocr_workers

    @property
    def ocr_workers(self) -> int:
        """Pages OCR'd at once (default: `ocr.workers()`, one per core)."""
        return self._ocr_workers or ocr.workers()

    def sniff(self, head: bytes) -> bool:
        """A PDF starts with "%PDF-", give or take a little junk before it."""
        return b"%PDF-" in head[:1024]

    def read(self, data: bytes, shown_as: str, limits: ReadLimits = DEFAULT_LIMITS) -> PaperText:
        with PDFIUM:
            try:
                pdf = pdfium.PdfDocument(data)
            except pdfium.PdfiumError as exc:
                why = str(exc).split(":")[-1].strip() or "unreadable"
                message = f"the PDF cannot be opened ({why}); if it is password-protected, save an unprotected copy"
                return PaperText(lines=(), format=self.name, problems=(Problem(shown_as, 0, message, "error"),))
            try:
                if len(pdf) > limits.pages:
                    problem = past_limit(
                        shown_as,
                        f"the PDF has {len(pdf):,} pages",
                        "max_paper_pages",
                        limits.pages,
                        "split it into papers of fewer pages, or raise max_paper_pages in site.yaml",
                    )
                    return PaperText(lines=(), format=self.name, problems=(problem,))
                return self._read(pdf, shown_as)
            finally:
                pdf.close()

    def _read(self, pdf: pdfium.PdfDocument, shown_as: str) -> PaperText:
        problems: list[Problem] = []
        pages = self._pages(pdf, shown_as, problems)
        bands: list[list[BandLine]] = [band_lines(p.number, p.runs, p.width, p.height, p.grids) for p in pages]
        verdict = judge(bands)
        for page in pages:
            for run in line_numbers(page.runs, page.width, page.grids):
                verdict[(page.number, run)] = "line number"
        body = _body_size(pages)
        vocab = Vocabulary(run.text for page in pages for run in page.runs)
        layouts: list[PageLayout] = []
        for page in pages:
            furniture = {run: why for (number, run), why in verdict.items() if number == page.number}
            layouts.append(
                lay_out(page.runs, page.grids, furniture, page.width, page.height, body, vocab, page.ocr, page.dots)
            )
        lines, infos = _write(pages, layouts)
        ocr_pages = [p.number for p in pages if p.ocr]
        if ocr_pages:
            problems.append(
                Problem(
                    shown_as,
                    0,
                    f"text of page{'s' if len(ocr_pages) > 1 else ''} {_ranges(ocr_pages)} was read by OCR from an image; check it against the PDF",
                    "warning",
                )
            )
        return PaperText(
            lines=tuple(lines), format=self.name, problems=tuple(problems), meta=_meta(pdf), pages=tuple(infos)
        )

    def _pages(self, pdf: pdfium.PdfDocument, shown_as: str, problems: list[Problem]) -> list[_Page]:
        pages: list[_Page] = []
        program = ocr.tesseract() if self.ocr else None
        missing_said = False
        waiting: list[tuple[_Page, ocr.PageImage]] = []  # (page, rendered image) for OCR
        for index in range(len(pdf)):
            page, stamped_only = _open_page(pdf, index)
            width, height = page.get_size()
            textpage = page.get_textpage()
            chars = page_runs(textpage, height)
            textpage.close()
            info = _Page(index + 1, width, height, classify(chars, page, stamped_only))
            if info.layer == "text":
                info.runs = chars.runs
                drawn = page_drawing(page, width, height)
                info.grids = find_grids(drawn)
                info.dots = drawn.dots
            elif info.layer in ("scanned", "garbled"):
                if not self.ocr or (self.ocr_pages is not None and info.number not in self.ocr_pages):
                    info.notes.append("OCR not asked for this page; kept as an image")
                elif program is None:
                    info.notes.append("Tesseract is not installed; kept as an image")
                    if not missing_said:
                        problems.append(
                            Problem(
                                shown_as,
                                0,
                                "scanned pages kept as images without text: Tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-eng)",
                                "warning",
                            )
                        )
                        missing_said = True
                else:
                    waiting.append((info, ocr.prepare(page, program)))
            page.close()
            pages.append(info)
            if len(waiting) >= 2 * self.ocr_workers:
                self._recognise(waiting, program, shown_as, problems)
        self._recognise(waiting, program, shown_as, problems)
        for info in pages:
            if info.layer == "garbled" and not info.ocr:
                problems.append(
                    Problem(
                        shown_as,
                        0,
                        f"page {info.number}: the text layer is not readable (a font without a proper character map) and was not OCR'd",
                        "warning",
                    )
                )
        return pages

    def _recognise(
        self, waiting: list[tuple[_Page, ocr.PageImage]], program: str | None, shown_as: str, problems: list[Problem]
    ) -> None:
        """OCR the rendered pages waiting, several at once (each Tesseract is a process of
        its own); few are kept waiting, as a rendered page is some megabytes."""
        if not waiting or program is None:
            return
        with ThreadPoolExecutor(max_workers=min(self.ocr_workers, len(waiting))) as pool:
            futures = [(info, pool.submit(ocr.recognise, image, program)) for info, image in waiting]
            for info, future in futures:
                try:
                    info.runs = future.result()
                    info.ocr = True
                except (OSError, subprocess.SubprocessError) as exc:
                    info.notes.append(f"OCR failed: {exc}")
                    problems.append(
                        Problem(shown_as, 0, f"page {info.number}: OCR failed ({exc}); kept as an image", "warning")
                    )
        waiting.clear()


_PRINTED_ANNOTATIONS = {pdfium_c.FPDF_ANNOT_FREETEXT, pdfium_c.FPDF_ANNOT_STAMP, pdfium_c.FPDF_ANNOT_WIDGET}


def _open_page(pdf: pdfium.PdfDocument, index: int) -> tuple[pdfium.PdfPage, bool]:
    """A page of the PDF with its printed annotations flattened into it, and whether its text is
    only theirs (a stamp on a scanned page).

    A clerk's stamp ("Item 58 / 18 April 2017") or a filled-in form field is an annotation, not
    page content: flattened into the page (its appearance as printed; no form environment is
    needed for that), its text is read."""
    page = pdf[index]
    if not _has_printed_annotations(page):
        return page, False
    bare = page.get_textpage()
    stamped_only = pdfium_c.FPDFText_CountChars(bare.raw) < MIN_TEXT_CHARS
    bare.close()
    if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_PRINT) == pdfium_c.FLATTEN_SUCCESS:
        page.close()
        page = pdf[index]
    return page, stamped_only


def _has_printed_annotations(page: pdfium.PdfPage) -> bool:
    """Whether the page carries annotations that print text (not links or sticky notes)."""
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) in _PRINTED_ANNOTATIONS:
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return False


def _body_size(pages: list[_Page]) -> float:
    weights: Counter[float] = Counter()
    for page in pages:
        for run in page.runs:
            if not run.angle:
                weights[round(run.size * 2) / 2] += len(run.text)
    return weights.most_common(1)[0][0] if weights else 12.0


def _write(pages: list[_Page], layouts: list[PageLayout]) -> tuple[list[SourceLine], list[PageInfo]]:
    rank, bold_level = _heading_ranks(layouts)
    lines: list[SourceLine] = []
    infos: list[PageInfo] = []
    open_table: _OpenTable | None = None
    printed_pages = fill_printed_pages(
        [printed_page([(p.text, p.why) for p in lay.pieces if p.kind == "furniture"]) for lay in layouts]
    )
    for page, lay, printed in zip(pages, layouts, printed_pages, strict=False):
        hints: _PageHints = {"page": page.number, "printed_page": printed, "ocr": page.ocr}
        headings, open_table = _write_page(page, lay, hints, lines, open_table, rank, bold_level)
        infos.append(_page_info(page, lay, printed, headings))
        if lines and lines[-1].text and not _ends_in_table(lay):
            # a table running on to the next page is not cut by a blank line
            lines.append(SourceLine(text="", number=len(lines) + 1, **hints))
    while lines and not lines[-1].text:
        lines.pop()
    return lines, infos


_OpenTable = tuple[int, str]
"""(columns, header row) of a table that may go on to the next page."""


def _heading_ranks(layouts: list[PageLayout]) -> tuple[dict[float, int], int]:
    """Heading size (to the half point) -> its level, largest first; and the level of a bold line,
    below every sized heading."""
    heading_sizes = sorted(
        {round(p.size * 2) / 2 for lay in layouts for p in lay.pieces if p.kind == "heading"}, reverse=True
    )
    rank = {size: min(6, i + 1) for i, size in enumerate(heading_sizes)}
    return rank, min(6, len(heading_sizes) + 1)


def _write_page(
    page: _Page,
    lay: PageLayout,
    hints: _PageHints,
    lines: list[SourceLine],
    open_table: _OpenTable | None,
    rank: dict[float, int],
    bold_level: int,
) -> tuple[int, _OpenTable | None]:
    """A page's pieces added to `lines`; returns how many headings it has and the table it leaves open."""
    first_content = True
    headings = 0
    if not lay.pieces and page.layer in ("scanned", "garbled") and not page.ocr:
        lines.append(
            SourceLine(
                text=f"[Page {page.number} is a scanned image; its text has not been read]",
                number=len(lines) + 1,
                **hints,
            )
        )
    for piece in lay.pieces:
        if piece.kind == "furniture":
            lines.append(
                SourceLine(
                    text=piece.text, number=len(lines) + 1, furniture=piece.why, box=_rounded(piece.box), **hints
                )
            )
            continue
        if piece.kind == "row":
            if first_content and open_table and open_table[0] == piece.columns:
                first_content = False
                lines.append(_row_going_on(piece, open_table, lines, hints))
                continue
            if piece.gap_before:
                open_table = (piece.columns, piece.text)
        first_content = False
        if piece.gap_before and lines and lines[-1].text:
            lines.append(SourceLine(text="", number=len(lines) + 1, **hints))
        if piece.kind != "row":
            open_table = None
        if piece.kind in ("heading", "bold"):
            headings += 1
        lines.append(_line(piece, lines, hints, rank, bold_level))
    return headings, open_table


def _row_going_on(piece: Piece, open_table: _OpenTable, lines: list[SourceLine], hints: _PageHints) -> SourceLine:
    """The first row of a page that carries on the table the page before left open."""
    if piece.text == open_table[1]:
        # the header printed again at the top of the page: one table, one header
        return SourceLine(
            text=piece.text,
            number=len(lines) + 1,
            furniture="repeated table header",
            box=_rounded(piece.box),
            **hints,
        )
    return _line(piece, lines, hints)


def _page_info(page: _Page, lay: PageLayout, printed: int, headings: int) -> PageInfo:
    return PageInfo(
        number=page.number,
        layer=page.layer,
        ocr=page.ocr,
        columns=lay.columns,
        tables=lay.tables,
        headings=headings,
        furniture=tuple(p.text for p in lay.pieces if p.kind == "furniture"),
        printed_page=printed,
        notes=tuple(page.notes),
    )


def _ends_in_table(lay: PageLayout) -> bool:
    """The page's last piece of content is a table row: the table may go on over the page."""
    content = [p for p in lay.pieces if p.kind != "furniture"]
    return bool(content) and content[-1].kind == "row"


class _PageHints(TypedDict):
    """What every line of a page carries of it."""

    page: int
    printed_page: int
    ocr: bool


def _line(
    piece: Piece, lines: list[SourceLine], hints: _PageHints, rank: dict[float, int] | None = None, bold_level: int = 0
) -> SourceLine:
    text, heading, bold = piece.text, 0, False
    if piece.kind == "heading":
        heading = rank[round(piece.size * 2) / 2] if rank else 1
        text = "#" * heading + " " + text
    elif piece.kind == "bold":
        bold = True
        text = f"**{text}**"
        heading = bold_level if len(piece.text.split()) <= 15 else 0
    return SourceLine(
        text=text,
        number=len(lines) + 1,
        heading=heading,
        bold=bold,
        size=round(piece.size, 1),
        indent=round(piece.indent, 1),
        box=_rounded(piece.box),
        **hints,
    )


def _rounded(box: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(round(v, 1) for v in box)


def _meta(pdf: pdfium.PdfDocument) -> dict[str, str]:
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # broken document info is only weak evidence lost
        return {}
    meta: dict[str, str] = {}
    for key, name in _META_KEYS.items():
        value = str(info.get(key, "")).strip()
        if value:
            meta[name] = _pdf_date(value) if key.endswith("Date") else value
    return meta


def _pdf_date(value: str) -> str:
    """'D:20250224194100Z' as '2025-02-24T19:41:00'; left as printed if odd."""
    digits = value[2:] if value.startswith("D:") else value
    if len(digits) >= 8 and digits[:8].isdigit():
        date = f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
        if len(digits) >= 14 and digits[8:14].isdigit():
            date += f"T{digits[8:10]}:{digits[10:12]}:{digits[12:14]}"
        return date
    return value


def _ranges(numbers: list[int]) -> str:
    parts: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)
