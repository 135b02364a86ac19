"""Tables: rows of cells, written one row per line with cells separated by tabs.

Ruled tables come from the grids in `rules.py`; each run of text is put in the cell its
middle falls in, and a cell's own lines are joined by a space. Unruled tables are found
from alignment: three or more consecutive lines split into cells at wide gaps whose
column gaps line up. A column of enumerators ("1.", "(a)") beside text is a numbered
list, and labels ending in a colon beside values are a form, not tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from minutes.papers.readers.numbering import TOLD_WORDS, TYPED_ITEM
from minutes.papers.readers.pdf.chars import Run
from minutes.papers.readers.pdf.lines import PdfLine, build_lines
from minutes.papers.readers.pdf.rules import Grid

MIN_ROWS = 3

_ENUMERATOR = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxIVX]{1,4})[.):]?$")


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    top: float
    bottom: float
    boxes: tuple[tuple[float, ...], ...] = ()
    """Each row's box between its rules (left, top, right, bottom), for the review view's highlights."""
    told: tuple[tuple[str, ...], ...] = ()
    """Per row, where the row tells an item of minutes set as a table of item and action: its bold numbered
    heading, then each further paragraph of the row ("4.1 Bylaw No. 1287 …", "Report from …", "MOVED …");
    empty for any other row."""

    @property
    def columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def fill_grid(grid: Grid, runs: list[Run], tidy: Callable[[list[PdfLine]], str]) -> Table | None:
    """The grid's rows of cell texts (empty rows dropped), or None if it holds no text.
    Each row is cut at its own vertical rules, so rows may differ in cell count."""
    by_row: dict[int, list[Run]] = {}
    for run in runs:
        by_row.setdefault(grid.row_of(run.baseline - run.size * 0.3), []).append(run)
    rows: list[tuple[str, ...]] = []
    boxes: list[tuple[float, ...]] = []
    told: list[tuple[str, ...]] = []
    for r in range(len(grid.ys) - 1):
        edges = grid.row_edges(r)
        cells: dict[int, list[Run]] = {}
        for run in by_row.get(r, []):
            col = max(0, min(len(edges) - 2, sum(1 for edge in edges[1:-1] if run.mid > edge)))
            cells.setdefault(col, []).append(run)
        # a sliver between two borders drawn a little apart holds nothing; an empty cell
        # of real width stays, so a table carried over pages keeps its shape
        row = tuple(
            _cell_text(cells.get(c, []), tidy)
            for c in range(max(1, len(edges) - 1))
            if cells.get(c) or edges[c + 1] - edges[c] > 8.0
        )
        if any(row):
            rows.append(row)
            boxes.append((grid.xs[0], grid.ys[r], grid.xs[-1], grid.ys[r + 1]))
            told.append(_told_item(cells, tidy))
    if not rows or max(len(row) for row in rows) < 2:
        return None
    return Table(tuple(rows), grid.ys[0], grid.ys[-1], tuple(boxes), tuple(told))


def _told_item(cells: dict[int, list[Run]], tidy: Callable[[list[PdfLine]], str]) -> tuple[str, ...]:
    """A row of minutes set as a table of item and action, as its heading and paragraphs: the first cell opens
    with bold lines that number and name the item, and the row tells it in a sentence under them or in the next
    cell. Empty for any other row."""
    first = list(build_lines(cells.get(0, [])))
    if not first or not first[0].bold or not TYPED_ITEM.match(tidy(first[:1])):
        return ()
    heading = 1
    while heading < len(first) and (first[heading].bold or not any(c.isalpha() for c in first[heading].text)):
        heading += 1
    rest = [tidy(first[heading:])] if heading < len(first) else []
    rest += [_cell_text(cells[c], tidy) for c in sorted(cells) if c > 0]
    rest = [text for text in rest if text]
    if not any(len(text.split()) >= TOLD_WORDS for text in rest):
        return ()
    return (tidy(first[:heading]), *rest)


def _cell_text(runs: list[Run], tidy: Callable[[list[PdfLine]], str]) -> str:
    if not runs:
        return ""
    return tidy(list(build_lines(runs)))


def find_unruled(lines: list[PdfLine]) -> list[tuple[int, int, list[float]]]:
    """Stretches of lines (start, end exclusive, column cuts) that are unruled tables."""
    found: list[tuple[int, int, list[float]]] = []
    i = 0
    while i < len(lines):
        if len(lines[i].cells) < 2:
            i += 1
            continue
        j = i
        while (
            j < len(lines)
            and len(lines[j].cells) >= 2
            and (j == i or lines[j].top - lines[j - 1].bottom < 3 * lines[j].size)
        ):
            j += 1
        if j - i >= MIN_ROWS:
            cuts = _column_cuts(lines[i:j])
            if cuts and not _is_list_or_form(lines[i:j], cuts):
                found.append((i, j, cuts))
                i = j
                continue
        i = max(j, i + 1)
    return found


def _column_cuts(lines: list[PdfLine]) -> list[float]:
    """x positions between columns: gaps no cell of any line crosses."""
    spans = sorted((cell.x0, cell.x1) for line in lines for cell in line.cells)
    cuts: list[float] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach > 4.0:
            cuts.append((reach + x0) / 2)
        reach = max(reach, x1)
    # every line must fill at least two columns for the alignment to mean anything
    filled = [len({sum(1 for c in cuts if cell.x0 > c) for cell in line.cells}) for line in lines]
    if sum(1 for n in filled if n >= 2) < MIN_ROWS:
        return []
    return cuts


def _is_list_or_form(lines: list[PdfLine], cuts: list[float]) -> bool:
    if len(cuts) != 1:
        return False
    firsts = [line.cells[0].text for line in lines if line.cells[0].x1 < cuts[0]]
    if firsts and all(_ENUMERATOR.match(t.strip()) or t.strip() in "•●▪■◦-–*" for t in firsts):
        return True
    return bool(firsts) and all(t.rstrip().endswith(":") for t in firsts)


def rows_of(lines: list[PdfLine], cuts: list[float]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for line in lines:
        row = [""] * (len(cuts) + 1)
        for cell in line.cells:
            col = sum(1 for c in cuts if (cell.x0 + cell.x1) / 2 > c)
            row[col] = (row[col] + " " + cell.text).strip()
        rows.append(tuple(row))
    return rows


def row_text(row: tuple[str, ...]) -> str:
    return "\t".join(cell.replace("\t", " ") for cell in row)
