"""Section headings of officer reports that the export left as plain lines.

A report's cover sheet prints its labels ("Report Title", "Recommendations",
"Ward(s) Affected") and its sections ("1. Recommendations", "2. Background")
as ordinary lines. Marking them as headings gives the report a structure a
reader can scan and a screen reader can jump through; no word changes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from minutes.papers.clean import Line

# The labels of the summary sheet councils put in front of a report (Rotherham's, and
# the common forms of other councils'). Matched whole-line, ignoring case and a trailing colon.
COVER_SHEET_LABELS = frozenset(
    label.lower()
    for label in (
        "Summary Sheet",
        "Committee Name and Date of Committee Meeting",
        "Report Title",
        "Is this a Key Decision and has it been included on the Forward Plan?",
        "Strategic Director Approving Submission of the Report",
        "Report Author(s)",
        "Ward(s) Affected",
        "Executive Summary",
        "Summary",
        "Recommendations",
        "List of Appendices Included",
        "Background Papers",
        "Consideration by any other Council Committee, Scrutiny or Advisory Panel",
        "Council Approval Required",
        "Exempt from the Press and Public",
        "Purpose of Report",
        "Contact Officer",
    )
)

# "2. Background", "5 Consultation", "10. Accountable Officer(s)": a short numbered title,
# capitalised, with no sentence punctuation at its end.
_NUMBERED_SECTION = re.compile(r"^(?P<number>\d{1,2})\.?\s+(?P<title>[A-Z][^.!?;:]{1,70})$")
_MAX_TITLE_WORDS = 8


def cover_sheet_label(text: str) -> bool:
    return text.strip().rstrip(":").strip().lower() in COVER_SHEET_LABELS


def numbered_section(text: str) -> bool:
    match = _NUMBERED_SECTION.match(text.strip())
    return match is not None and len(match.group("title").split()) <= _MAX_TITLE_WORDS


def report_headings(lines: Sequence[Line], start: int, end: int, taken: Mapping[int, str]) -> dict[int, str]:
    """Replacements turning a report's labels and numbered sections into Markdown headings.

    Numbered sections count only when they climb in order (1, 2, 3 ...), so a numbered
    list of recommendations is never mistaken for the report's outline.
    """
    out: dict[int, str] = {}
    expected = 1
    for i in range(start, end):
        line = lines[i]
        if i in taken or not line.is_content or "\t" in line.text or line.text.lstrip().startswith(("#", "-", "|")):
            continue
        text = line.text.strip()
        if cover_sheet_label(text):
            out[i] = f"### {text}"
        elif numbered_section(text) and (match := _NUMBERED_SECTION.match(text)):
            number = int(match.group("number"))
            if number == expected:
                out[i] = f"### {text}"
                expected = number + 1
    return out
