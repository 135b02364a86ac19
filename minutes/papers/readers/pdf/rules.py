"""Ruled tables: the grids that a page's drawn lines and rectangles make.

Word, Excel and Aspose draw table borders as thin filled rectangles, stroked lines or
cell rectangles. Each becomes horizontal and vertical rules; rules that touch form a
grid, and a grid with at least two rows and two columns is a table. A lone box around a
paragraph, or lines under headings, make no grid.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

THIN = 2.5
"""A drawn shape thinner than this (points) is a rule."""
TOUCH = 2.5
"""Rules this close are taken to meet."""


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table: column edges left to right, row edges top to bottom (points from
    the page's top-left)."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def holds(self, x: float, y: float) -> bool:
        return self.xs[0] - 1 <= x <= self.xs[-1] + 1 and self.ys[0] - 1 <= y <= self.ys[-1] + 1

    def cell_of(self, x: float, y: float) -> tuple[int, int]:
        row = max(0, min(len(self.ys) - 2, sum(1 for edge in self.ys[1:-1] if y > edge)))
        col = max(0, min(len(self.xs) - 2, sum(1 for edge in self.xs[1:-1] if x > edge)))
        return row, col


def page_rules(page, width: float, height: float) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """(horizontal rules as (y, x0, x1), vertical rules as (x, y0, y1)), y from the top."""
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1):
        try:
            left, bottom, right, top = obj.get_bounds()
        except Exception:  # a path pdfium cannot measure draws nothing we need
            continue
        w, h = right - left, top - bottom
        y0, y1 = height - top, height - bottom
        if w < 1 and h < 1:
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
            horizontal += [(y0, left, right), (y1, left, right)]
            vertical += [(left, y0, y1), (right, y0, y1)]
    return horizontal, vertical


def find_grids(horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]]) -> list[Grid]:
    """Grids of meeting rules with at least two rows and two columns."""
    if not horizontal or not vertical or len(horizontal) * len(vertical) > 400_000:
        return []
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    offset = len(horizontal)
    for i, (y, hx0, hx1) in enumerate(horizontal):
        for j, (x, vy0, vy1) in enumerate(vertical):
            if hx0 - TOUCH <= x <= hx1 + TOUCH and vy0 - TOUCH <= y <= vy1 + TOUCH:
                a, b = find(i), find(offset + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list, list]] = {}
    for i, rule in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(rule)
    for j, rule in enumerate(vertical):
        groups.setdefault(find(offset + j), ([], []))[1].append(rule)
    grids: list[Grid] = []
    for hs, vs in groups.values():
        ys = _edges([y for y, _, _ in hs])
        xs = _edges([x for x, _, _ in vs])
        if len(xs) >= 3 and len(ys) >= 3:
            grids.append(Grid(tuple(xs), tuple(ys)))
    return sorted(grids, key=lambda g: (g.ys[0], g.xs[0]))


def _edges(values: list[float]) -> list[float]:
    """Positions of rules, near-duplicates (a cell's border drawn twice) merged."""
    edges: list[float] = []
    for value in sorted(values):
        if edges and value - edges[-1] <= 3.0:
            continue
        edges.append(value)
    return edges
