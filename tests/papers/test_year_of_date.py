"""A meeting date printed without its year, completed from the rest of the paper."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.papers.clean import clean_lines
from minutes.papers.convert import convert_paper_text
from minutes.papers.year_of_date import complete_year


@pytest.mark.parametrize(
    "undated, paper, expected",
    [
        pytest.param(
            "Tuesday, 8th December",
            "Elm Parish Council – Minutes – 8.12.2020\nThe budget for 2021 was set.",
            dt.date(2020, 12, 8),
            id="the-same-day-and-month-printed-in-full-elsewhere",
        ),
        pytest.param(
            "Tuesday, 8th December",
            "Budget 2020 and 2020/21 precept; the 2020 accounts.\nThe audit of 2019 was received.",
            dt.date(2020, 12, 8),
            id="the-weekday-in-the-year-the-paper-names-most",
        ),
        pytest.param(
            "Wednesday, 8th December",
            "Budget 2020 and 2020/21 precept; the 2020 accounts.",
            dt.date(2021, 12, 8),
            id="the-weekday-in-the-year-after-the-one-named",
        ),
        pytest.param("Tuesday, 8th December", "Nothing here names a year.", None, id="no-year-anywhere"),
        pytest.param("8th December", "Budget 2020 and the 2020 accounts.", None, id="no-weekday-no-full-date"),
        pytest.param(
            "Friday, 8th December",
            "Budget 2020 and the 2020 accounts.",
            None,
            id="the-weekday-fits-no-year-near-those-named",
        ),
    ],
)
def test_complete_year(undated, paper, expected):
    completed = complete_year(undated, clean_lines(paper))
    assert (completed.date if completed else None) == expected


def test_a_record_dated_from_its_running_head():
    text = (
        "ELM PARISH COUNCIL\n\nMinutes of the Parish Council Meeting held on Tuesday, 8th December at 7.30 p.m.\n\n"
        "Present: Cllrs. Ron Dark (in the Chair), Alan Bidd\n\n20/100 Minutes – The Minutes were approved.\n"
        "20/101 Planning – Discussed.\n\nElm Parish Council – Minutes of Parish Council Meeting – 8.12.2020\n"
    )
    (document,) = convert_paper_text(text, "p.txt")
    assert document.record.date == dt.date(2020, 12, 8)
    assert any("took 2020 from '8.12.2020'" in warning for warning in document.record.warnings)
