"""Page furniture: what a page carries that is not the paper's text.

Found by position and repetition: running headers and footers sit in the top or bottom
band of a page and repeat (digits aside) on many pages; page numbers, "Agenda Item N"
stamps, "This page is intentionally left blank" and DRAFT watermarks are known by their
words wherever they are. Page numbers printed sideways in a margin (ModernGov prints a
pack's "Page 12" rotated on landscape pages) count too.

The pack page number ("Page 12") is kept as the page's printed page: agendas cite pack
pages, so reports are tied to items by them.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from minutes.papers.readers.pdf.chars import Run
from minutes.papers.readers.pdf.lines import build_lines
from minutes.papers.readers.pdf.rules import Grid

BAND = 0.12
"""Top and bottom share of the page height where running headers and footers sit."""
REPEATED_ON = 0.4
"""A band line seen (digits aside) on this share of pages is a running header or footer."""

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*\|?\s*(?P<n1>\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|(?P<n2>\d{1,4})\s*\|\s*page"
    r"|[-–—]\s*(?P<n3>\d{1,4})\s*[-–—]"
    r"|(?P<n4>\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_PACK_PAGE = re.compile(r"\bpage\s+(\d{1,4})\b", re.IGNORECASE)
_ENDS_WITH_PAGE = re.compile(r"\bpage\s*\|?\s*(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_AGENDA_STAMP = re.compile(r"^agenda\s+item\s+\w{1,6}$", re.IGNORECASE)
_BLANK_PAGE = re.compile(
    r"^this\s+page\s+(?:is\s+|has\s+been\s+)?(?:intentionally|deliberately)\s+left\s+blank\.?$", re.IGNORECASE
)
_WATERMARK = re.compile(r"^(?:draft|confidential|copy|specimen)$", re.IGNORECASE)
_SPACED_LETTERS = re.compile(r"\b(?:\w ){2,}\w\b")


@dataclass(frozen=True, slots=True)
class BandLine:
    """Runs on one baseline in a page's top or bottom band (or sideways in a margin)."""

    page: int
    runs: tuple[Run, ...]
    text: str
    where: str
    """top | bottom | margin"""
    alone: bool = True
    """Nothing else on the page shares its baseline (a bare number beside table cells
    near the foot of a page is a cell, not a page number)."""
    tabular: bool = False
    """Its baseline holds three or more separate stretches: a table's row (an Excel
    header repeated on every page), not a running header."""


def unspace(text: str) -> str:
    """'P a g e | 10' as 'Page | 10': letter-spaced words closed up."""
    return _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text)


def page_number_in(text: str) -> int | None:
    """The page number a page-number line prints ("Page 3", "3 of 10", "- 3 -"), else None."""
    match = _PAGE_NUMBER.match(unspace(text).strip())
    if not match:
        return None
    number = next(g for g in match.groups() if g)
    return int(number)


def shape(text: str) -> str:
    """A band line's text with digits and spacing normalised, for counting repeats."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", unspace(text).strip().lower()))


def band_lines(page: int, runs: list[Run], width: float, height: float, grids: Sequence[Grid] = ()) -> list[BandLine]:
    """The page's lines in the top and bottom bands, and sideways text in the margins.
    Text inside a ruled table is never furniture."""
    found: list[BandLine] = []
    upright: list[Run] = []
    for run in runs:
        if run.angle:
            if run.x1 < 0.12 * width or run.x0 > 0.88 * width:
                found.append(BandLine(page, (run,), run.text, "margin"))
            continue
        if run.bottom <= BAND * height or run.top >= (1 - BAND) * height:
            if not any(grid.holds(run.mid, run.baseline - run.size * 0.3) for grid in grids):
                upright.append(run)
    for line in build_lines(upright):
        where = "top" if line.baseline < height / 2 else "bottom"
        runs_in_order = sorted(line.runs, key=lambda r: r.x0)
        # separate stretches of a band line (left title, right page number) are judged apart
        stretches: list[list[Run]] = [[runs_in_order[0]]]
        for run in runs_in_order[1:]:
            if run.x0 - stretches[-1][-1].x1 > 3 * run.size:
                stretches.append([])
            stretches[-1].append(run)
        texts = [joined_runs(stretch) for stretch in stretches]
        # Three stretches or more are a table's row, unless one is the page's number: a footer of three parts
        # ("Regular Council Meeting Minutes – March 12, 2024 | Page 1 of 5 | Mayor ____ CAO ____")
        tabular = len(stretches) >= 3 and not any(_worded_page_number(t) for t in texts)
        for stretch, text in zip(stretches, texts, strict=True):
            found.append(BandLine(page, tuple(stretch), text, where, alone=len(stretches) == 1, tabular=tabular))
    return found


def _worded_page_number(text: str) -> bool:
    """A page number said in words ("Page 1 of 5", "3 of 10"), not a bare figure that a table's cell may hold."""
    text = unspace(text).strip()
    return not text.isdigit() and page_number_in(text) is not None


def joined_runs(runs: list[Run]) -> str:
    """Runs of one stretch as text: a raised small run ("13th") joins its word."""
    text = runs[0].text
    for prev, run in itertools.pairwise(runs):
        raised = run.size < 0.85 * prev.size and run.baseline < prev.baseline - 0.1 * prev.size
        text += ("" if raised or run.x0 - prev.x1 < 0.12 * run.size else " ") + run.text
    return text


def judge(pages: list[list[BandLine]]) -> dict[tuple[int, Run], str]:
    """Which band runs are furniture, and why, over the whole paper."""
    counts: Counter[tuple[str, str]] = Counter()
    for lines in pages:
        for shape_key in {(line.where, shape(line.text)) for line in lines}:
            counts[shape_key] += 1
    total = len(pages)
    offset = _page_number_offset(pages)
    verdict: dict[tuple[int, Run], str] = {}
    before: set[str] = set()
    for n, lines in enumerate(pages):
        judged = [(line, _why(line, counts[(line.where, shape(line.text))], total, offset)) for line in lines]
        tops = {shape(line.text) for line, why in judged if line.where == "top" and why == "running header"}
        opens = (n == 0 or (before and tops != before)) and _title_block(judged)
        before = tops
        if opens:
            # The first page's copy of a title repeated at the top of every page is the paper's title, and so is
            # the first copy of another that takes over from it (the minutes of a later meeting appended, under
            # their own title); a title first repeated from the second page on is only the pages' header.
            judged = [(line, "" if why == "running header" else why) for line, why in judged]
        for line, why in judged:
            if why:
                for run in line.runs:
                    verdict[(line.page, run)] = why
    return verdict


_TITLE_WORDS = re.compile(
    r"\b(?:minutes|agenda|meeting)\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b",
    re.IGNORECASE,
)


def _title_block(judged: Sequence[tuple[BandLine, str]]) -> bool:
    """Whether the running header at the top of a page is a title block, repeated on every page ("Elm Parish
    Council" / "Minutes of Meeting" / "3rd December 2025"): two lines or more, naming the kind of paper or the
    meeting's date."""
    header = [line for line, why in judged if line.where == "top" and why == "running header"]
    return len(header) >= 2 and any(_TITLE_WORDS.search(unspace(line.text)) for line in header)


def _page_number_offset(pages: list[list[BandLine]]) -> int | None:
    """How bare page numbers ("7") relate to the physical page: the offset most bare
    numbers in the bands agree on. A lone figure that does not follow it ("20" closing a
    table near the foot of a page) is no page number. None when nothing agrees."""
    offsets: Counter[int] = Counter()
    for lines in pages:
        for line in lines:
            text = line.text.strip()
            if line.alone and text.isdigit() and len(text) <= 4:
                offsets[int(text) - line.page] += 1
    if not offsets:
        return None
    best, seen = offsets.most_common(1)[0]
    return best if seen >= 2 or len(pages) == 1 else None


def _why(line: BandLine, seen: int, total: int, offset: int | None = None) -> str:
    text = unspace(line.text).strip()
    if text.isdigit():
        if line.alone and offset is not None and int(text) - line.page == offset:
            return "page number"
    elif page_number_in(text) is not None:
        return "page number"
    if _AGENDA_STAMP.match(text):
        return "agenda item stamp"
    if line.where == "margin":
        if _PACK_PAGE.search(text):
            return "page number"
        return ""
    if total >= 3 and seen >= max(2, REPEATED_ON * total) and not line.tabular:
        return f"running {'header' if line.where == 'top' else 'footer'}"
    if total == 2 and seen == 2 and re.search(r"\d", text) and not line.tabular:
        # "1 P&D Mins 2024/25 Page" / "2 P&D Mins 2024/25 Page": on both pages of two, told apart by the number
        return f"running {'header' if line.where == 'top' else 'footer'}"
    if _PACK_PAGE.search(text) and len(text) < 40 and re.search(r"\bpage\s+\d+\s*$", text, re.I):
        return "page number"
    return ""


LINE_NUMBERS_AT_LEAST = 5
MISREAD_FIGURES = 0.1
"""The share of a margin's line numbers that may fail to count on (a figure misread by OCR)."""
"""A page numbers its lines in the margin when this many figures stand in one column there, counting down."""


def line_numbers(runs: Sequence[Run], width: float, grids: Sequence[Grid] = ()) -> list[Run]:
    """The figures a word processor prints in the left margin before every line of a page ("1", "2", … "38",
    a column right-aligned beside the text, blank lines counted too, one a line's height below the other):
    furniture, not item numbers or a table's numbered rows."""
    figures = [
        run
        for run in runs
        if not run.angle
        and run.text.strip().isdigit()
        and len(run.text.strip()) <= 4
        and run.x1 < 0.2 * width
        and not any(grid.holds(run.mid, run.baseline - run.size * 0.3) for grid in grids)
    ]
    # Right-aligned figures end within half a character of each other (OCR's boxes wander by a point or two).
    columns: list[list[Run]] = []
    for run in sorted(figures, key=lambda r: r.x1):
        if columns and run.x1 - columns[-1][0].x1 <= 0.5 * run.size:
            columns[-1].append(run)
        else:
            columns.append([run])
    longest: list[Run] = max(columns, key=len) if columns else []
    column = sorted(longest, key=lambda r: r.baseline)
    if len(column) < LINE_NUMBERS_AT_LEAST:
        return []
    values = [int(run.text.strip()) for run in column]
    steps = [b - a for a, b in itertools.pairwise(values)]
    # Counting on by one, but for a figure OCR misread here and there ("70", "11", "72"): the column still counts.
    backwards, by_one = sum(step <= 0 for step in steps), sum(step == 1 for step in steps)
    if backwards > MISREAD_FIGURES * len(steps) or by_one < 0.8 * len(steps):
        return []
    pitches = sorted(b.baseline - a.baseline for a, b in itertools.pairwise(column))
    line = pitches[len(pitches) // 2]
    if sum(abs(p - line) <= 0.25 * line for p in pitches) < 0.8 * len(pitches):
        return []  # rows of a table, each as high as its text, not lines counted one by one
    # The column is a margin: no other text between its first and last figures starts beside or left of it
    # (item numbers stand over the left edge of their minutes' text) …
    first, last = column[0].baseline, column[-1].baseline
    numbered = set(column)
    beside = [r for r in runs if first - 1 <= r.baseline <= last + 1 and r not in numbered]
    if any(r.x0 < column[0].x1 + 0.5 * r.size for r in beside):
        return []
    # … what stands beside it is mostly words (a table's column of ages has figures beside it) …
    if 2 * sum(any(c.isalpha() for c in r.text) for r in beside) < len(beside):
        return []
    # … and every line beside it has its figure (item numbers leave their text's lines unnumbered).
    lines = {round(r.baseline) for r in beside}
    # (OCR sets a line's baseline at its words' lowest ink, a descender below the figure's: a third of a line apart)
    with_figure = sum(any(abs(round(run.baseline) - b) <= max(1.0, 0.3 * run.size) for run in column) for b in lines)
    if with_figure < 0.9 * len(lines):
        return []
    # Nothing printed left of the column or within a character of it on its lines: a margin, not a table's column.
    for run in column:
        if any(
            other is not run and abs(other.baseline - run.baseline) < 0.3 * run.size and other.x0 < run.x1 + run.size
            for other in runs
        ):
            return []
    return column


def anywhere(text: str, run: Run, median_size: float) -> str:
    """Furniture known by its words wherever it stands on the page."""
    stripped = text.strip()
    if _BLANK_PAGE.match(stripped):
        return "blank page notice"
    if _WATERMARK.match(stripped) and (run.size >= 2 * median_size or run.angle):
        return "watermark"
    if run.angle and _AGENDA_STAMP.match(stripped):
        return "agenda item stamp"
    return ""


def printed_page(lines: list[tuple[str, str]]) -> int:
    """The page number printed on a page, from its furniture: a pack's "Page N" wins over
    the page number of the document inside the pack; a running line that ends with its
    page ("19 December 2023 – Minutes – Page 2") counts too."""
    best = 0
    for text, why in lines:
        if why == "page number":
            pack = _PACK_PAGE.search(unspace(text))
            if pack:
                return int(pack.group(1))
            number = page_number_in(text)
            if number is not None and not best:
                best = number
        elif why.startswith("running") and not best:
            ending = _ENDS_WITH_PAGE.search(unspace(text))
            if ending:
                best = int(ending.group(1))
    return best


def fill_printed_pages(numbers: list[int]) -> list[int]:
    """Printed page numbers with gaps filled where the neighbours agree: a pack's blank
    page ("This page is intentionally left blank") prints no number but still counts,
    so between "Page 1" and "Page 3" it is page 2. Unnumbered pages before the first
    number and after the last follow on from it when at least two numbered pages agree
    (a Word document's first page often hides its "1"); numbering never goes below 1."""
    filled = list(numbers)
    known = [i for i, n in enumerate(numbers) if n]
    for a, b in itertools.pairwise(known):
        if b - a > 1 and numbers[b] - numbers[a] == b - a:
            for i in range(a + 1, b):
                filled[i] = numbers[a] + (i - a)
    if len(known) >= 2 and numbers[known[1]] - numbers[known[0]] == known[1] - known[0]:
        first = known[0]
        for i in range(first):
            value = numbers[first] - (first - i)
            filled[i] = value if value >= 1 else 0
    if len(known) >= 2 and numbers[known[-1]] - numbers[known[-2]] == known[-1] - known[-2]:
        last = known[-1]
        for i in range(last + 1, len(numbers)):
            filled[i] = numbers[last] + (i - last)
    return filled
