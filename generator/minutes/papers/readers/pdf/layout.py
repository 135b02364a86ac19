"""One page laid out: furniture set aside, tables found, blocks read in order, lines
joined into paragraphs. The result is a list of pieces the reader numbers and writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutes.papers.readers.pdf.chars import Run
from minutes.papers.readers.pdf.columns import reading_blocks
from minutes.papers.readers.pdf.furniture import anywhere
from minutes.papers.readers.pdf.furniture import joined_runs as _joined
from minutes.papers.readers.pdf.lines import PdfLine, build_lines, is_enumerator
from minutes.papers.readers.pdf.rules import Grid
from minutes.papers.readers.pdf.tables import Table, fill_grid, find_unruled, row_text, rows_of
from minutes.papers.readers.pdf.tidy import Vocabulary, as_list_item, clean

Box = tuple[float, ...]
"""(left, top, right, bottom) in points from the page's top-left corner, or () when not known."""

HEADING_RATIO = 1.15
"""A line this much larger than the body text is a heading."""
OCR_HEADING_RATIO = 1.5
"""The same for OCR'd text, whose sizes are guessed from word heights (a word with
descenders looks larger)."""
MAX_HEADING_WORDS = 25

_STARTS_ITEM = re.compile(
    r"^(?:\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|\([ivxIVX]{1,4}\)|[0-9]{1,3}(?:\.[0-9]{1,3})+\.?|[A-Z]{1,4}[0-9]{1,3}[.:]?)\s"
)


@dataclass(slots=True)
class Piece:
    """A paragraph, heading, list item, table row or furniture line of one page."""

    kind: str
    """text | heading | bold | item | row | furniture"""
    text: str
    size: float = 0.0
    indent: float = 0.0
    why: str = ""
    gap_before: bool = False
    table: int = -1
    """Rows of one table share a number (per page); -1 for anything else."""
    columns: int = 0
    box: Box = ()
    """Where the piece is printed: (left, top, right, bottom) in points from the page's top-left corner; the
    review view highlights it on the page image. Empty when not known."""


@dataclass(slots=True)
class PageLayout:
    pieces: list[Piece] = field(default_factory=list)
    columns: int = 1
    tables: int = 0
    notes: list[str] = field(default_factory=list)


def lay_out(
    runs: list[Run],
    grids: list[Grid],
    furniture: dict[Run, str],
    width: float,
    height: float,
    body: float,
    vocab: Vocabulary,
    ocr: bool = False,
    dots: tuple[tuple[float, float], ...] = (),
) -> PageLayout:
    page = PageLayout()
    top, bottom, content, sideways = _sort_runs(runs, furniture, height)
    page.pieces.extend(_furniture_pieces(top, furniture))
    tables, content = _fill_tables(grids, content, vocab)
    table_no = 0
    for k, stretch in enumerate(_stretches(content, tables)):
        blocks = reading_blocks(stretch, width)
        page.columns = max(page.columns, _columns(blocks))
        for block in blocks:
            pieces = _block_pieces(
                build_lines(block), body, vocab, table_no, OCR_HEADING_RATIO if ocr else HEADING_RATIO, dots
            )
            table_no += sum(1 for _ in {p.table for p in pieces if p.table >= 0})
            if pieces:
                pieces[0].gap_before = True
            page.pieces.extend(pieces)
        if k < len(tables):
            page.pieces.extend(_table_pieces(tables[k], table_no))
            table_no += 1
    page.pieces.extend(_sideways_pieces(sideways, body))
    page.pieces.extend(_furniture_pieces(bottom, furniture))
    page.tables = table_no
    return page


def _sort_runs(
    runs: list[Run], furniture: dict[Run, str], height: float
) -> tuple[list[Run], list[Run], list[Run], list[Run]]:
    """The page's runs as (furniture at the top, furniture at the bottom, content, content set sideways);
    furniture set sideways goes with the bottom's."""
    top: list[Run] = []
    bottom: list[Run] = []
    content: list[Run] = []
    sideways: list[Run] = []
    for run in runs:
        why = furniture.get(run)
        if why:
            (top if run.baseline < height / 2 and not run.angle else bottom).append(run)
        elif run.angle:
            sideways.append(run)
        else:
            content.append(run)
    return top, bottom, content, sideways


def _fill_tables(grids: list[Grid], content: list[Run], vocab: Vocabulary) -> tuple[list[Table], list[Run]]:
    """The ruled tables holding runs, top first, and the runs left outside them."""
    tables: list[Table] = []
    for grid in grids:
        inside = [r for r in content if grid.holds(r.mid, r.baseline - r.size * 0.3)]
        if not inside:
            continue
        table = fill_grid(grid, inside, lambda lines: _cell_join(lines, vocab))
        if table is None:
            continue
        tables.append(table)
        held = set(map(id, inside))
        content = [r for r in content if id(r) not in held]
    tables.sort(key=lambda t: t.top)
    return tables, content


def _stretches(content: list[Run], tables: list[Table]) -> list[list[Run]]:
    """The runs above, between and below full-width tables: each stretch is laid out on its own."""
    stretches: list[list[Run]] = [[] for _ in range(len(tables) + 1)]
    for run in content:
        stretches[sum(1 for t in tables if run.baseline > t.bottom)].append(run)
    return stretches


def _table_pieces(table: Table, number: int) -> list[Piece]:
    """A row a line, its cells apart; a row that tells an item (`Table.told`) as its bold heading and paragraphs."""
    pieces: list[Piece] = []
    for i, row in enumerate(table.rows):
        box = table.boxes[i] if i < len(table.boxes) else ()
        told = table.told[i] if i < len(table.told) else ()
        if told:
            pieces.append(Piece("bold", told[0], gap_before=True, box=box))
            pieces.extend(Piece("text", text, box=box) for text in told[1:])
            continue
        after_told = i > 0 and i - 1 < len(table.told) and bool(table.told[i - 1])
        pieces.append(
            Piece("row", row_text(row), gap_before=i == 0 or after_told, table=number, columns=table.columns, box=box)
        )
    return pieces


def _sideways_pieces(runs: list[Run], body: float) -> list[Piece]:
    """Text set sideways, a piece per run: furniture when it reads as furniture anywhere on a page."""
    pieces = []
    for run in runs:
        text = clean(run.text)
        why = anywhere(text, run, body)
        pieces.append(
            Piece("furniture" if why else "text", text, size=run.size, why=why, gap_before=True, box=run_box(run))
        )
    return pieces


def _furniture_pieces(runs: list[Run], furniture: dict[Run, str]) -> list[Piece]:
    """Furniture, one piece per line and reason, words in order (InDesign sets every
    word of a running header as its own run); sideways runs stay whole."""
    pieces: list[Piece] = []
    for run in runs:
        if run.angle:
            pieces.append(Piece("furniture", clean(run.text), why=furniture[run], box=run_box(run)))
    for line in build_lines([run for run in runs if not run.angle]):
        by_reason: dict[str, list[Run]] = {}
        for run in sorted(line.runs, key=lambda r: r.x0):
            by_reason.setdefault(furniture[run], []).append(run)
        for why, group in by_reason.items():
            pieces.append(Piece("furniture", clean(_joined(group)), why=why, box=runs_box(group)))
    return pieces


def _cell_join(lines: list[PdfLine], vocab: Vocabulary) -> str:
    text = ""
    for line in lines:
        part = clean(line.text)
        text = vocab.join(text, part) if text.endswith("-") else (text + " " + part).strip()
    return text


def _columns(blocks: list[list[Run]]) -> int:
    """How many blocks stand side by side at most."""
    spans = [(min(r.top for r in b), max(r.bottom for r in b)) for b in blocks if b]
    best = 1
    for top, bottom in spans:
        mid = (top + bottom) / 2
        best = max(best, sum(1 for t, b in spans if t <= mid <= b))
    return best


def _block_pieces(
    lines: list[PdfLine],
    body: float,
    vocab: Vocabulary,
    first_table: int,
    ratio: float,
    dots: tuple[tuple[float, float], ...] = (),
) -> list[Piece]:
    if not lines:
        return []
    pieces: list[Piece] = []
    table_rows = _unruled_rows(lines, first_table)
    left = min(line.x0 for line in lines)
    rights = sorted(line.x1 for line in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    cur: Piece | None = None
    prev: PdfLine | None = None
    for i, line in enumerate(lines):
        gap = prev is not None and line.top - prev.bottom > 0.6 * line.size
        if i in table_rows:
            starts = i == 0 or i - 1 not in table_rows
            pieces.append(_unruled_row_piece(line, table_rows[i], gap_before=starts or gap))
            cur, prev = None, None
            continue
        text = clean(line.text)
        if not text:
            continue
        why = anywhere(text, line.runs[0], body)
        if why:
            pieces.append(Piece("furniture", text, why=why, box=runs_box(line.runs)))
            continue
        kind, text = _kind_and_text(line, text, body, ratio, dots)
        if cur is not None and prev is not None and _continues(cur, prev, line, kind, text, left, right):
            if cur.text.endswith("-"):
                cur.text = vocab.join(cur.text, text)
            else:
                cur.text += " " + text
            cur.box = union(cur.box, runs_box(line.runs))
        else:
            changed = cur is not None and ((cur.kind != kind and "text" not in (cur.kind, kind)) or kind == "heading")
            cur = Piece(
                kind, text, size=line.size, indent=line.x0 - left, gap_before=gap or changed, box=runs_box(line.runs)
            )
            pieces.append(cur)
        prev = line
    return pieces


_UnruledRow = tuple[int, tuple[str, ...], int]
"""A line read as a row of a table drawn without rules: (the table's number, its cells, the table's columns)."""


def _unruled_rows(lines: list[PdfLine], first_table: int) -> dict[int, _UnruledRow]:
    """Index into `lines` -> the row of a table without rules that line is; tables numbered from `first_table`."""
    table_rows: dict[int, _UnruledRow] = {}
    for n, (start, end, cuts) in enumerate(find_unruled(lines)):
        for i, row in zip(range(start, end), rows_of(lines[start:end], cuts), strict=False):
            table_rows[i] = (first_table + n, tuple(clean(c) for c in row), len(cuts) + 1)
    return table_rows


def _unruled_row_piece(line: PdfLine, found: _UnruledRow, *, gap_before: bool) -> Piece:
    number, row, columns = found
    return Piece(
        "row",
        row_text(row),
        size=line.size,
        gap_before=gap_before,
        table=number,
        columns=columns,
        box=runs_box(line.runs),
    )


def _kind_and_text(
    line: PdfLine, text: str, body: float, ratio: float, dots: tuple[tuple[float, float], ...]
) -> tuple[str, str]:
    """What a line is (heading, bold, item or text) and its text, a list item's with its Markdown mark."""
    kind = _kind(line, text, body, ratio)
    if kind == "text":
        item = as_list_item(text)
        if item:
            kind, text = "item", item
        elif _dotted(line, dots):
            kind, text = "item", "- " + text
    return kind, text


def _dotted(line: PdfLine, dots: tuple[tuple[float, float], ...]) -> bool:
    """A bullet drawn as a small shape just left of the line, level with its letters."""
    middle = line.baseline - 0.35 * line.size
    return any(0 < line.x0 - x < 2.5 * line.size and abs(y - middle) < 0.5 * line.size for x, y in dots)


def _kind(line: PdfLine, text: str, body: float, ratio: float) -> str:
    words = len(text.split())
    if line.size >= ratio * body and words <= MAX_HEADING_WORDS and any(ch.isalpha() for ch in text):
        return "heading"
    if line.bold and any(ch.isalpha() for ch in text):
        return "bold"
    return "text"


def _continues(cur: Piece, prev: PdfLine, line: PdfLine, kind: str, text: str, left: float, right: float) -> bool:
    """Whether `line` carries on the paragraph `cur` that `prev` ended."""
    if abs(line.size - prev.size) > 0.1 * prev.size:
        return False
    step = line.baseline - prev.baseline
    if not 0 < step <= 1.75 * max(line.size, prev.size):
        return False
    if cur.kind in ("heading", "bold"):
        if kind != cur.kind:
            return False
        if cur.kind == "heading":
            return True
    elif cur.kind in ("text", "item"):
        if kind != "text":
            return False
    else:
        return False
    if _STARTS_ITEM.match(text) or as_list_item(text):
        return False
    # a wrapped line starts under the text of the line before, which after a hanging
    # number ("7   24/00109 - Transfer ...") is the second cell
    start = prev.cells[1].x0 if len(prev.cells) > 1 and is_enumerator(prev.cells[0].text) else prev.x0
    if line.x0 < left - 2 or line.x0 > max(prev.x0, start) + 3 * line.size:
        return False
    # the line before was wrapped: it ran (nearly) to the right edge of the block
    return prev.x1 >= right - max(0.15 * (right - left), 4 * line.size)


def run_box(run: Run) -> Box:
    """Where a run is printed (see `Box`); a sideways run's x0/x1 and baseline/size already describe its box."""
    if run.angle:
        return (run.x0, run.baseline - run.size, run.x1, run.baseline)
    return (run.x0, run.top, run.x1, run.bottom)


def runs_box(runs: list[Run]) -> Box:
    box: Box = ()
    for run in runs:
        box = union(box, run_box(run))
    return box


def union(a: Box, b: Box) -> Box:
    """The smallest box holding both (either may be empty)."""
    if not a:
        return b
    if not b:
        return a
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
