"""What the Word readers share of Word's automatic list numbering: a counter printed in a list's number
format ("iv", "c", "12"), and a table cell whose paragraphs carry list labels set out as lines; and what a
row of minutes set as a table of item and action opens with, which the PDF reader's tables share.

Both Word formats (.docx and .doc) keep a list's numbers out of the text: Word works them out when it
prints, from the list's levels, formats and counters, and each reader does the same from its own format's
list tables. How a counter is printed is the same in both."""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_ROMAN = 3999
"""Past this Roman numerals need marks no font has; Word prints such a count in digits, as is done here."""
MAX_LETTERS = 780
"""A letter count past z doubles the letter ("aa", "bb"); past thirty letters it is printed in digits."""
_NUMERALS = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def number_text(value: int, fmt: str) -> str:
    """A list counter as a number format prints it: "decimal", "lowerRoman", "upperRoman", "lowerLetter",
    "upperLetter", "decimalZero" (01-09) or "ordinal" (1st); any other format prints digits. Counts past
    the formats' ranges (none below 1, hostile starts in the millions) print as digits, so a label is never
    longer than the count's digits or thirty letters."""
    if fmt in ("lowerLetter", "upperLetter") and 1 <= value <= MAX_LETTERS:
        letters = chr(97 + (value - 1) % 26) * ((value - 1) // 26 + 1)  # Word's a…z, aa…zz, aaa…
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman") and 1 <= value <= MAX_ROMAN:
        out, n = "", value
        for amount, numeral in _NUMERALS:
            count, n = divmod(n, amount)
            out += numeral * count
        return out if fmt == "lowerRoman" else out.upper()
    if fmt == "decimalZero" and 0 <= value < 10:
        return f"0{value}"
    if fmt == "ordinal" and value >= 0:
        suffix = "th" if value % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{suffix}"
    return str(value)


def labelled(label: str | None, text: str) -> str:
    """A paragraph's text after the label Word prints before it: "3. Planning", "- a bullet's text"."""
    return f"{label} {text}" if label else text


def cell_lines(
    paragraphs: list[tuple[str | None, str]], first: bool = False, row: Sequence[str] = ()
) -> tuple[list[str], list[str]]:
    """A table cell's paragraphs (each its list label or None, and its text) as the cells it gives its row
    and the lines that follow the row.

    A cell of plain paragraphs is one cell, its paragraphs joined, as a cell of a table of figures or
    names reads. A cell holding list paragraphs — minutes set as a table, a cell to an item: "4. RAF
    issues:", then "a) …", "b) …" — keeps its first paragraph in the row and sets each further paragraph
    on a line of its own after the row, as the same paragraphs outside a table are, so that the lettered
    points stay points and the item's title is not run into the text below it. The row's `first` cell
    sets its number apart, as Word prints it (a list's number is followed by a tab): "4.⇥RAF issues:⇥JE",
    a table numbering its items in a column of their own.

    So does a cell beside an item's number (`row`: the row's cells before this one, the first a minute's number
    alone, "P/24/031") whose first paragraph is a heading and whose further paragraphs tell the item: "P/24/031⇥
    APOLOGIES FOR ABSENCE", then its text on lines of their own, as the same minute outside a table reads."""
    kept = [(label, " ".join(text.split())) for label, text in paragraphs]
    kept = [(label, text) for label, text in kept if text]
    if len(kept) >= 2 and len(row) == 1 and _MINUTE_NUMBER.fullmatch(row[0].strip()) and _heading(kept[0][1]):
        return [labelled(*kept[0])], [labelled(label, text) for label, text in kept[1:]]
    if not any(label and label != "-" for label, _ in kept):  # bullets alone: a cell's list of names or notes
        if row and row[-1].rstrip().endswith(":") and all(len(text.split()) <= _NAME_WORDS for _, text in kept):
            # "DIRECTORS PRESENT:" beside a name a paragraph ("Director A. Kowalski, Electoral Area B"): each
            # name kept apart from the next, as the paragraphs part them
            return ["; ".join(text.rstrip(" ;,") for _, text in kept)], []
        return [" ".join(text for _, text in kept)], []
    lines = [labelled(label, text) for label, text in kept]
    label, text = kept[0]
    if first and label and label != "-":
        return [label, text], lines[1:]
    return lines[:1], lines[1:]


def item_row(cells: Sequence[Sequence[tuple[str | None, str]]]) -> list[str] | None:
    """A row of minutes set as a table of item and action, as lines: the first cell opens with an item's
    typed number and heading ("4.1⇥2023 Audited Financial Statements"), and the row tells the item in
    sentences, under the heading or in the next cell ("MOVED Director Gill, SECONDED …"). The heading is
    set on a line of its own and every further paragraph of the row on one after it, as the same minute
    outside a table reads, so that the heading is not run into the report's summary or the motion. None
    for any other row: a table of figures or names keeps its cells on one line."""
    if not cells or not cells[0]:
        return None
    label, heading = cells[0][0]
    heading = " ".join(heading.split())
    if label or not TYPED_ITEM.match(heading) or not _heading(heading):
        return None
    rest = [labelled(lab, " ".join(text.split())) for cell in cells for lab, text in cell][1:]
    rest = [text for text in rest if text]
    if not any(len(text.split()) >= TOLD_WORDS for text in rest):
        return None
    return [heading, *rest]


TYPED_ITEM = re.compile(r"(?:\d{1,3}(?:\.\d{1,3}){0,2}\.?|[A-Z]\.)\s+[^\W_]")
"""A typed item number and the first letter of its heading: "4.1 Bylaw No. 1287", "12. ADJOURNMENT", "B. Grants"
(a row of item and action opens with one, in a Word table as in a ruled PDF one)."""
_NAME_WORDS = 10
"""A cell's paragraph this short, beside a label, is a name with its role or place."""
TOLD_WORDS = 8
"""A paragraph this long tells an item; a table of figures or names has none."""
_MINUTE_NUMBER = re.compile(r"(?:[A-Za-z]{1,6}[/ .-]?)?\d{1,4}(?:[/.-]\d{1,4}){0,2}[.)]?")
"""A cell holding only an item's number: "12", "4.", "P/24/031", "C/23/045", "45/19", "7.2"."""
HEADING_WORDS = 15
"""A cell's first paragraph this short, not ending as a sentence does, is the heading of the item it tells."""


def _heading(text: str) -> bool:
    return len(text.split()) <= HEADING_WORDS and not text.rstrip().endswith((".", ",", ";"))
