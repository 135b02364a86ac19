"""Runs to lines: runs that share a baseline become one line, read left to right.

A line keeps its runs grouped into cells: phrases separated by a gap wider than a word
space (a tab stop, a table column, a hanging number). Tables and columns are found from
cells; ordinary text joins them with a space.

Raised small text on a line ("16th", a footnote mark) joins the word before it without a
space: the ordinal is recognised from its size and position, not its letters.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutes.papers.readers.pdf.chars import Run

CELL_GAP = 1.0
"""A gap wider than this many font sizes separates cells (a word space is about 0.3)."""


@dataclass(slots=True)
class Cell:
    text: str
    x0: float
    x1: float
    bold: bool
    hyphen: bool = False


@dataclass(slots=True)
class PdfLine:
    """Runs on one baseline, left to right. Mutable while a page is laid out, never after."""

    runs: list[Run]
    cells: list[Cell]
    x0: float
    x1: float
    baseline: float
    size: float
    bold: bool
    """Every letter is bold, apart from a leading number ("5. Apologies")."""

    @property
    def text(self) -> str:
        return " ".join(cell.text for cell in self.cells)

    @property
    def top(self) -> float:
        return self.baseline - self.size * 0.8

    @property
    def bottom(self) -> float:
        return self.baseline + self.size * 0.25


def build_lines(runs: list[Run]) -> list[PdfLine]:
    """Upright runs grouped by baseline, top to bottom."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (r.baseline, r.x0)):
        placed = False
        # a run joins one of the last few lines if it sits on the same baseline
        # (superscripts sit a little higher) and does not overlap what is there
        for group in reversed(lines[-3:]):
            ref = max(group, key=lambda r: r.size)
            if abs(run.baseline - ref.baseline) <= 0.45 * max(ref.size, run.size) and not _overlaps(group, run):
                group.append(run)
                placed = True
                break
        if not placed:
            lines.append([run])
    return [_make_line(group) for group in lines]


def _overlaps(group: list[Run], run: Run) -> bool:
    for other in group:
        overlap = min(other.x1, run.x1) - max(other.x0, run.x0)
        if overlap > 0.5 * min(other.x1 - other.x0, run.x1 - run.x0, run.size):
            return True
    return False


def _make_line(group: list[Run]) -> PdfLine:
    group.sort(key=lambda r: r.x0)
    main = max(group, key=lambda r: len(r.text) * r.size)
    size = _line_size(group)
    cells: list[Cell] = []
    for run in group:
        raised = run.size < 0.85 * size and run.baseline < main.baseline - 0.12 * size
        if cells:
            cell = cells[-1]
            gap = run.x0 - cell.x1
            if gap <= CELL_GAP * max(size, run.size) or raised:
                joiner = "" if raised or gap <= 0.12 * size or cell.hyphen else " "
                cell.text += joiner + run.text
                cell.x1 = max(cell.x1, run.x1)
                cell.bold = cell.bold and (run.bold or not _has_letters(run.text))
                cell.hyphen = run.hyphen
                continue
        cells.append(Cell(run.text, run.x0, run.x1, run.bold or not _has_letters(run.text), run.hyphen))
    bold = all(cell.bold for cell in cells[1:]) and (cells[0].bold or _is_enumerator(cells[0].text))
    bold = bold and any(_has_letters(r.text) and r.bold for r in group)
    return PdfLine(group, cells, group[0].x0, max(r.x1 for r in group), main.baseline, size, bold)


def _line_size(group: list[Run]) -> float:
    """The size most of the line's letters are set in."""
    weights: dict[float, int] = {}
    for run in group:
        weights[round(run.size, 1)] = weights.get(round(run.size, 1), 0) + len(run.text)
    return max(weights.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def is_enumerator(text: str) -> bool:
    """'5.', '(a)', '2.1', 'iv)': the number of a list item or a minute."""
    return _is_enumerator(text)


def _is_enumerator(text: str) -> bool:
    stripped = text.strip().rstrip(".):")
    stripped = stripped.lstrip("(")
    return bool(stripped) and (stripped.replace(".", "").isdigit() or (len(stripped) <= 3 and stripped.isalnum()))
