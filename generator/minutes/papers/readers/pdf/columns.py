"""Reading order: a page's runs cut into blocks, columns read one after another.

A recursive XY-cut: a region is first cut down a vertical gap that separates two
columns of prose; failing that, across horizontal gaps into bands, each tried again.
A vertical gap only counts as a column gutter when both sides read as prose (several
lines, most of them filling their column): hanging numbers, form labels and the columns
of a table also have clean vertical gaps, but they are read line by line.
"""

from __future__ import annotations

from statistics import median

from minutes.papers.readers.pdf.chars import Run

MIN_COLUMN_LINES = 3


def reading_blocks(runs: list[Run], page_width: float) -> list[list[Run]]:
    """The page's runs as blocks in reading order; each block is read line by line."""
    if not runs:
        return []
    size = median(r.size for r in runs)
    blocks: list[list[Run]] = []
    _cut(runs, page_width, size, blocks, depth=0)
    return blocks


def _cut(runs: list[Run], page_width: float, size: float, out: list[list[Run]], depth: int) -> None:
    if depth < 8 and len(runs) >= 2 * MIN_COLUMN_LINES:
        split = _column_split(runs, page_width, size)
        if split:
            for side in split:
                _cut(side, page_width, size, out, depth + 1)
            return
        bands = _bands(runs, size)
        if len(bands) > 1:
            pending: list[Run] = []
            for band in bands:
                inner: list[list[Run]] = []
                _cut(band, page_width, size, inner, depth + 1)
                if len(inner) == 1:
                    pending.extend(inner[0])
                else:
                    if pending:
                        out.append(pending)
                        pending = []
                    out.extend(inner)
            if pending:
                out.append(pending)
            return
    out.append(runs)


def _bands(runs: list[Run], size: float) -> list[list[Run]]:
    """Runs split where a horizontal strip of the region holds no text at all."""
    ordered = sorted(runs, key=lambda r: r.top)
    bands: list[list[Run]] = [[ordered[0]]]
    reach = ordered[0].bottom
    for run in ordered[1:]:
        if run.top - reach > 0.3 * size:
            bands.append([])
        bands[-1].append(run)
        reach = max(reach, run.bottom)
    return bands


def _column_split(runs: list[Run], page_width: float, size: float) -> list[list[Run]] | None:
    """Two or more columns of prose, left to right, or None."""
    spans = sorted((r.x0, r.x1) for r in runs)
    gaps: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= max(0.6 * size, 5.0):
            gaps.append((reach, x0))
        reach = max(reach, x1)
    if not gaps:
        return None
    cuts = [(a + b) / 2 for a, b in gaps]
    sides: list[list[Run]] = [[] for _ in range(len(cuts) + 1)]
    for run in runs:
        sides[sum(1 for c in cuts if run.mid > c)].append(run)
    # merge neighbours that are not prose columns on their own (a hanging number column,
    # a table's cells) into the column to their right
    merged: list[list[Run]] = []
    carry: list[Run] = []
    for side in sides:
        carry.extend(side)
        if _is_prose_column(carry, page_width, size):
            merged.append(carry)
            carry = []
    if carry:
        if merged:
            merged[-1].extend(carry)
        else:
            return None
    return merged if len(merged) > 1 else None


def _is_prose_column(runs: list[Run], page_width: float, size: float) -> bool:
    if not runs:
        return False
    x0 = min(r.x0 for r in runs)
    x1 = max(r.x1 for r in runs)
    width = x1 - x0
    if width < 0.12 * page_width or width < 8 * size:
        return False
    lines = _line_extents(runs)
    if len(lines) < MIN_COLUMN_LINES:
        return False
    full = sum(1 for a, b, _ in lines if b - a >= 0.6 * width)
    # prose is words: a column of figures fills its width too, line after line
    wordy = sum(1 for _, _, text in lines if sum(1 for w in text.split() if any(c.isalpha() for c in w)) >= 3)
    return full >= 0.5 * len(lines) and wordy >= 0.6 * len(lines)


def _line_extents(runs: list[Run]) -> list[tuple[float, float, str]]:
    """Per baseline: left edge, right edge and text."""
    rows: dict[int, tuple[float, float, str]] = {}
    for run in runs:
        key = round(run.baseline / 3)
        a, b, text = rows.get(key, (run.x0, run.x1, ""))
        rows[key] = (min(a, run.x0), max(b, run.x1), text + " " + run.text)
    return list(rows.values())
