"""Report section headings: which plain lines become headings."""

import pytest

from minutes.papers.clean import clean_lines
from minutes.papers.sections import cover_sheet_label, numbered_section, report_headings

LABELS = [
    ("Report Title", True),
    ("Ward(s) Affected", True),
    ("recommendations:", True),
    ("Is this a Key Decision and has it been included on the Forward Plan?", True),
    ("Recommendations were agreed.", False),
    ("Advice Services Review", False),
]


@pytest.mark.parametrize(("text", "is_label"), LABELS)
def test_cover_sheet_labels(text, is_label):
    assert cover_sheet_label(text) is is_label


SECTIONS = [
    ("2. Background", True),
    ("1. Recommendations", True),
    ("10 Accountable Officer(s)", True),
    ("1. That the outcomes of the review be noted.", False),
    ("2.11 The top six reasons for seeking advice", False),
    ("3. the report was noted", False),
    ("4. A very long line that carries on well beyond what any section title would be", False),
]


@pytest.mark.parametrize(("text", "is_section"), SECTIONS)
def test_numbered_sections(text, is_section):
    assert numbered_section(text) is is_section


def test_only_sections_in_order_count_and_text_is_kept():
    paper = (
        "Summary Sheet\n\nReport Title\n\nAdvice\n\n1. Recommendations\n\n3. Options\n\n2. Background\n\nText here.\n"
    )
    lines = clean_lines(paper)
    found = report_headings(lines, 0, len(lines), {})
    headings = sorted(found.values())
    assert headings == ["### 1. Recommendations", "### 2. Background", "### Report Title", "### Summary Sheet"]
