"""An officer report's cover: the labelled fields at its top, and the sections that mark it a report.

Reports open with a few labelled fields, printed as lines ("COMMITTEE: Transport
Committee", "Date: 12 September 2024"), as a two-column table whose label cell may
wrap over two rows ("REPORT" / "TITLE:"), or as a label alone on its line with the
value below ("Report title" / "Budget Outturn"). Councils choose the labels, so a
cover is known by how many labels it shows and whether any is one only reports use
("Report title", "Purpose", "Key decision", "Wards affected", "Report author"):
an agenda's front sheet has "Date:", "Time:" and "Venue:" too, never those.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from minutes.papers.clean import Line
from minutes.papers.names import plain
from minutes.papers.shapes import row_cells

_LABEL = (
    r"report\s+to|to|from|by|subject|title|report\s+title|name\s+of\s+report|purpose(?:\s+of\s+(?:the\s+)?report)?|"
    r"report\s+purpose|committee(?:\s+name(?:\s+and\s+date(?:\s+of\s+(?:committee\s+)?meeting)?)?)?|name\s+of\s+committee|meeting|date(?:\s+of\s+meeting)?|meeting\s+date|"
    r"decision\s+no\.?|(?:key\s+or\s+non[- ]key\s+)?key\s+decision|key\s+or\s+non[- ]key\s+decision|classification|"
    r"status|report\s+(?:of|by|author)|author|contact\s+officer|lead\s+officer|responsible\s+officer|"
    r"officer\s+presenting(?:\s+the\s+report)?|cabinet\s+member|portfolio(?:\s+holder)?|"
    r"electoral\s+divisions?|wards?(?:\s*\(s\))?(?:\s+affected)?|exempt(?:\s+information)?"
)
_FIELD = re.compile(rf"^(?P<label>{_LABEL})\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_BARE_LABEL = re.compile(rf"^(?P<label>{_LABEL})\s*:?$", re.IGNORECASE)

_REPORT_ONLY = re.compile(
    r"^(?:report\s+to|from|subject|report\s+title|title|name\s+of\s+report|purpose.*|report\s+purpose|decision\s+no.*|"
    r".*key\s+decision|classification|report\s+(?:of|by|author)|author|lead\s+officer|"
    r"responsible\s+officer|officer\s+presenting.*|cabinet\s+member|portfolio.*|electoral\s+divisions?|wards?.*)$"
)
_TITLE_LABELS = ("report title", "title", "name of report", "subject")
_PURPOSE_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:purpose\s+of\s+(?:the\s+|this\s+)?report|report\s+purpose|purpose)\s*:?$",
    re.IGNORECASE,
)

COVER_LINES = 40
"""How far into a paper its cover fields may run, in content lines."""
GAP = 8
"""Content lines without a field that end a cover."""
LEAD = 3
"""Content lines (a title, "Summary Sheet") that may stand above a cover's first field."""


@dataclass(slots=True)
class Cover:
    """The labelled fields of a report's cover, labels folded to lower case and single spaces."""

    fields: dict[str, str] = field(default_factory=dict)
    purpose_heading: bool = False
    """A "Purpose of report" heading among the first lines."""
    last: int = -1
    """Index of the last line holding a field (-1 when none)."""

    def get(self, *labels: str) -> str:
        return next((self.fields[label] for label in labels if self.fields.get(label)), "")

    @property
    def is_report(self) -> bool:
        # An agenda's front sheet has "Date:", "Meeting:" and "Contact officer:" too: a cover
        # needs two labels only reports use, or a report's title among three labels.
        report_only = [label for label in self.fields if _REPORT_ONLY.match(label)]
        titled = any(label in self.fields for label in _TITLE_LABELS)
        return len(report_only) >= 2 or (titled and len(self.fields) >= 3)


def _label(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().rstrip(":")).lower()


def _cells(line: Line) -> list[str]:
    """A line's table cells (one for a plain line), a numbered label's number dropped ("1. Title")."""
    text = line.text.strip()
    # Only whole rows: a tab-separated line, or a Markdown row between pipes (a cover's "a | b" prose stays text).
    row = "\t" in text or (len(text) > 1 and text.startswith("|") and text.endswith("|"))
    cells = [plain(cell).strip() for cell in (row_cells(text) if row else [text])]
    return [re.sub(r"^\d+\.?\s+(?=[A-Za-z])", "", cells[0]), *cells[1:]] if len(cells) > 1 else cells


def read_cover(lines: Sequence[Line], start: int = 0, end: int | None = None) -> Cover:
    """The labelled fields in a paper's first content lines (from `start`)."""
    cover = Cover()
    where = [
        i for i in range(start, len(lines) if end is None else end) if lines[i].is_content and not lines[i].artefact
    ]
    content = [lines[i] for i in where[:COVER_LINES]]
    reader = _CoverReader(cover, content)
    last_n = 0
    for n in range(len(content)):
        if n - last_n > GAP or (not cover.fields and n > LEAD):
            break  # the cover has ended (or never began): what follows is the paper itself
        count = len(cover.fields)
        used = reader.read(n)
        if len(cover.fields) > count:
            cover.last, last_n = where[n + used - 1], n + used - 1
    cover.fields = {key: value for key, value in cover.fields.items() if not key.startswith("?")}
    return cover


@dataclass(slots=True)
class _CoverReader:
    cover: Cover
    content: list[Line]
    pending: str = ""
    """A label cell wrapped over two table rows: "REPORT" then "TITLE:"."""

    def read(self, n: int) -> int:
        """Read line `n`; how many lines the field found there takes (1, or 2 for a wrapped one)."""
        cells = _cells(self.content[n])
        if len(cells) >= 2 and cells[0]:
            self._row(cells)
            return 1
        self.pending = ""
        fields, text = self.cover.fields, cells[0]
        if _PURPOSE_HEADING.match(text) and n <= GAP:
            self.cover.purpose_heading = True
        following = _cells(self.content[n + 1]) if n + 1 < len(self.content) else [""]
        matched = _FIELD.match(text)
        if matched and matched.group("value"):
            label = _label(matched.group("label"))
            value = matched.group("value").strip()
            if (
                n + 1 < len(self.content)
                and self.content[n + 1].number == self.content[n].number + 1
                and len(following) == 1
                and not _FIELD.match(following[0])
                and not _BARE_LABEL.match(following[0])
                and not following[0].isupper()
            ):
                # The value wrapped onto the next line: "Subject: Transfer the 18-25 section of the" / "Service …".
                fields.setdefault(label, f"{value} {following[0]}")
                return 2
            fields.setdefault(label, value)
            if (
                label == "report to"
                and len(following) == 1
                and ":" not in following[0]
                and following[0].isupper()
                and len(following[0].split()) <= 3
            ):
                # A heading wrapped over two lines: "REPORT TO: WEST OF ENGLAND … AUTHORITY" / "COMMITTEE".
                fields[label] += " " + following[0]
                return 2
        elif _BARE_LABEL.match(text) and ":" not in text[:-1]:
            # A label alone on its line, the value on the next: "Report Title" / "Advice Services Review".
            if (
                len(following) == 1
                and following[0]
                and not _BARE_LABEL.match(following[0])
                and not _FIELD.match(following[0])
            ):
                fields.setdefault(_label(text), following[0])
                return 2
        return 1

    def _row(self, cells: list[str]) -> None:
        fields = self.cover.fields
        label, value = cells[0], " ".join(c for c in cells[1:] if c)
        joined = f"{self.pending} {label}".strip()
        if self.pending and _BARE_LABEL.match(joined):
            fields[_label(joined)] = f"{fields.pop('?' + self.pending.lower(), '')} {value}".strip()
            self.pending = ""
            return
        self.pending = ""
        pairs = [
            (cells[c], cells[c + 1]) for c in range(1, len(cells) - 1) if _BARE_LABEL.match(cells[c]) and cells[c + 1]
        ]
        for later_label, later_value in pairs:  # "Meeting:\tCabinet\tDate:\t5 May 2024"
            fields.setdefault(_label(later_label), later_value)
        if _BARE_LABEL.match(label):
            key = _label(label)
            if pairs:
                value = cells[1]
            if key in fields and not label.endswith(":"):
                fields[key] = f"{fields[key]} {value}".strip()  # the label's cell left empty on a wrapped row
            else:
                fields.setdefault(key, value)
            return
        if not pairs and not label.endswith(":") and len(label.split()) <= 2:
            # Possibly the first half of a wrapped label: keep the value until the next row says.
            self.pending = label
            fields["?" + label.lower()] = value


def starts_report(lines: Sequence[Line], start: int) -> str:
    """Why the paper's first content line (at `start`) opens an officer report, or ""."""
    cover = read_cover(lines, start)
    if cover.is_report:
        return "a report's cover fields (" + ", ".join(list(cover.fields)[:4]) + ")"
    if cover.purpose_heading:
        return "a 'Purpose of report' section near the top"
    return ""


def opens_cover(lines: Sequence[Line], i: int) -> str:
    """Why line `i`, inside a paper, opens a report's cover: it is the first of three or more
    fields only reports carry ("From:", "To: Cabinet – 30 January 2025", "Subject:"), or ""."""
    matched = _FIELD.match(plain(lines[i].text).strip())
    if not matched or not _REPORT_ONLY.match(_label(matched.group("label"))):
        return ""
    cover = read_cover(lines, i)
    report_only = [label for label in cover.fields if _REPORT_ONLY.match(label)]
    return "a report's cover fields (" + ", ".join(report_only[:4]) + ")" if len(report_only) >= 3 else ""
