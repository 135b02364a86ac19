"""Ruled tables: the grids that a page's drawn lines and rectangles make.

Word, Excel and Aspose draw table borders as thin filled rectangles, stroked lines or
cell rectangles. Each becomes horizontal and vertical rules; rules that touch form a
grid, and a grid with at least two rows and two columns is a table. A lone box around a
paragraph, or lines under headings, make no grid.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from minutes.papers.readers.pdf.chars import unchecked

# Asked once a page object (a page printed by a browser holds one text object per character), the cheapest way
# ctypes calls (`unchecked`): the page and each object as pdfium's own pointer objects.
_page_object = unchecked(pdfium_c.FPDFPage_GetObject, pdfium_c.FPDF_PAGEOBJECT)
_object_type = unchecked(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
_object_bounds = unchecked(pdfium_c.FPDFPageObj_GetBounds, pdfium_c.FPDF_BOOL)

THIN = 2.5
"""A drawn shape thinner than this (points) is a rule."""
TOUCH = 2.5
"""Rules this close are taken to meet."""

_Rule = tuple[float, float, float]
"""A drawn rule: the line it runs along (y of a horizontal one, x of a vertical one), where it starts and
where it ends."""


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table: column edges left to right, row edges top to bottom (points from
    the page's top-left)."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    verticals: tuple[tuple[float, float, float], ...] = ()
    """The vertical rules, so each row is cut only where its own borders are."""

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def holds(self, x: float, y: float) -> bool:
        return self.xs[0] - 1 <= x <= self.xs[-1] + 1 and self.ys[0] - 1 <= y <= self.ys[-1] + 1

    def row_of(self, y: float) -> int:
        return max(0, min(len(self.ys) - 2, sum(1 for edge in self.ys[1:-1] if y > edge)))

    def row_edges(self, row: int) -> tuple[float, ...]:
        """Column edges of one row: the vertical rules crossing its middle (merged
        cells and borders drawn a little apart row by row are both common)."""
        middle = (self.ys[row] + self.ys[row + 1]) / 2
        crossing = [x for x, y0, y1 in self.verticals if y0 - 1 <= middle <= y1 + 1]
        edges = _edges(crossing) if crossing else list(self.xs)
        return tuple(edges)


@dataclass(frozen=True, slots=True)
class Drawn:
    """What a page draws that reading needs: rules (y, x0, x1) and (x, y0, y1), and small
    dots (x, y), which browsers and some word processors draw for list bullets instead
    of printing a bullet character."""

    horizontal: tuple[tuple[float, float, float], ...]
    vertical: tuple[tuple[float, float, float], ...]
    dots: tuple[tuple[float, float], ...]


def page_drawing(page: pdfium.PdfPage, width: float, height: float) -> Drawn:
    """The page's rules and dots, y measured from the top."""
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    dots: list[tuple[float, float]] = []
    boxes: list[tuple[float, float, float, float]] = []
    raw = page.raw
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    edges = [ctypes.pointer(edge) for edge in (l, b, r, t)]
    path_type = pdfium_c.FPDF_PAGEOBJ_PATH
    # the raw API: wrapping every object in Python (pages printed by browsers hold one
    # text object per character) costs more than reading the paths
    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = _page_object(raw, index)
        if _object_type(obj) != path_type:
            continue
        if not _object_bounds(obj, *edges):
            continue  # a path pdfium cannot measure draws nothing we need
        left, bottom, right, top = l.value, b.value, r.value, t.value
        w, h = right - left, top - bottom
        y0, y1 = height - top, height - bottom
        if w < 1 and h < 1:
            continue
        if 1.5 <= w <= 7 and 1.5 <= h <= 7 and 0.7 <= w / h <= 1.4:
            dots.append(((left + right) / 2, (y0 + y1) / 2))
            continue
        if h <= THIN and w > THIN:
            horizontal.append(((y0 + y1) / 2, left, right))
        elif w <= THIN and h > THIN:
            vertical.append(((left + right) / 2, y0, y1))
        elif w > THIN and h > THIN:
            if left <= 1 or top >= height - 1 or right >= width - 1 or bottom <= 1:
                continue  # a page background, not a cell
            if w > 0.95 * width and h > 0.5 * height:
                continue
            boxes.append((left, y0, right, y1))
    for left, y0, right, y1 in _tiling(boxes):
        horizontal += [(y0, left, right), (y1, left, right)]
        vertical += [(left, y0, y1), (right, y0, y1)]
    return Drawn(tuple(horizontal), tuple(vertical), tuple(dots))


def _tiling(boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """Boxes that can be table cells: cells meet at their edges or nest, while the
    shapes of a drawing or logo overlap each other part-way."""
    if len(boxes) > 300:
        return boxes  # a spreadsheet's cell backgrounds; checking pairs would cost too much
    keep = [True] * len(boxes)
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            w = min(a[2], b[2]) - max(a[0], b[0])
            h = min(a[3], b[3]) - max(a[1], b[1])
            if w <= 2 or h <= 2:
                continue
            inside = (a[0] >= b[0] - 1 and a[1] >= b[1] - 1 and a[2] <= b[2] + 1 and a[3] <= b[3] + 1) or (
                b[0] >= a[0] - 1 and b[1] >= a[1] - 1 and b[2] <= a[2] + 1 and b[3] <= a[3] + 1
            )
            if not inside:
                keep[i] = keep[j] = False
    return [box for box, kept in zip(boxes, keep, strict=False) if kept]


def find_grids(drawn: Drawn) -> list[Grid]:
    """Grids of meeting rules with at least two rows and two columns."""
    horizontal, vertical = drawn.horizontal, drawn.vertical
    if not horizontal or not vertical or len(horizontal) * len(vertical) > 400_000:
        return []
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    offset = len(horizontal)
    # Each horizontal rule is tried only against the vertical rules within its reach across, found by
    # bisection: tables drawn cell by cell have hundreds of each. The components are the same in any
    # order of joining, and each group's rules are listed below in the order of the page.
    by_x = sorted(range(len(vertical)), key=lambda j: vertical[j][0])
    xs_sorted = [vertical[j][0] for j in by_x]
    for i, (y, hx0, hx1) in enumerate(horizontal):
        for k in range(bisect_left(xs_sorted, hx0 - TOUCH), bisect_right(xs_sorted, hx1 + TOUCH)):
            j = by_x[k]
            _, vy0, vy1 = vertical[j]
            if vy0 - TOUCH <= y <= vy1 + TOUCH:
                a, b = find(i), find(offset + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[_Rule], list[_Rule]]] = {}
    for i, rule in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(rule)
    for j, rule in enumerate(vertical):
        groups.setdefault(find(offset + j), ([], []))[1].append(rule)
    grids: list[Grid] = []
    for hs, vs in groups.values():
        ys = _edges([y for y, _, _ in hs])
        xs = _edges([x for x, _, _ in vs])
        if len(xs) >= 3 and len(ys) >= 3 and _framed(hs, vs, xs, ys):
            grids.append(Grid(tuple(xs), tuple(ys), tuple(vs)))
    return sorted(grids, key=lambda g: (g.ys[0], g.xs[0]))


def _framed(hs: list[_Rule], vs: list[_Rule], xs: list[float], ys: list[float]) -> bool:
    """A table is framed: at least two rules (joined where a border is drawn cell by
    cell) run its whole width, and two its whole height. Overlapping boxes of a
    drawing touch each other too, but none spans them all."""
    width, height = xs[-1] - xs[0], ys[-1] - ys[0]
    across = [length for length in _joined_lengths(hs) if length >= 0.9 * width]
    down = [length for length in _joined_lengths(vs) if length >= 0.9 * height]
    return len(across) >= 2 and len(down) >= 2


def _joined_lengths(rules: Iterable[_Rule]) -> list[float]:
    """Lengths of rules after joining collinear pieces that meet."""
    lengths: list[float] = []
    current: list[float] | None = None
    for at, start, end in sorted(rules):
        if current is not None and abs(at - current[0]) <= 1.0 and start <= current[2] + TOUCH:
            current[2] = max(current[2], end)
            continue
        if current is not None:
            lengths.append(current[2] - current[1])
        current = [at, start, end]
    if current is not None:
        lengths.append(current[2] - current[1])
    return lengths


def _edges(values: list[float]) -> list[float]:
    """Positions of rules, near-duplicates (a cell's border drawn twice) merged."""
    edges: list[float] = []
    for value in sorted(values):
        if edges and value - edges[-1] <= 3.0:
            continue
        edges.append(value)
    return edges
