"""A meeting date printed without its year, completed from the rest of the paper."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.papers.clean import clean_lines
from minutes.papers.convert import convert_paper_text
from minutes.papers.year_of_date import complete_year, year_misprinted


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


@pytest.mark.parametrize(
    "value, printed, paper, expected",
    [
        pytest.param(
            dt.date(2020, 2, 10),
            "Wednesday 10th February 2020",
            "Council meeting 10 February 2021",
            dt.date(2021, 2, 10),
            id="printed-in-full-elsewhere",
        ),
        pytest.param(
            dt.date(2020, 2, 10),
            "Wednesday 10th February 2020",
            "",
            dt.date(2021, 2, 10),
            id="the-old-year-in-february",
        ),
        pytest.param(
            dt.date(2020, 9, 10), "Friday 10th September 2020", "", dt.date(2020, 9, 10), id="late-in-the-year-kept"
        ),
        pytest.param(
            dt.date(2021, 2, 10), "Wednesday 10th February 2021", "", dt.date(2021, 2, 10), id="the-weekday-fits"
        ),
        pytest.param(
            dt.date(2020, 2, 10), "Tuesday 10th February 2020", "", dt.date(2020, 2, 10), id="no-year-near-fits"
        ),
    ],
)
def test_a_year_misprinted_is_put_right_by_the_weekday(value, printed, paper, expected):
    assert year_misprinted(value, printed, paper) == expected


def test_a_record_whose_year_the_weekday_put_right_says_so():
    text = (
        "ELM PARISH COUNCIL\n\nMembers are hereby summoned to a council meeting to be held via Zoom on Wednesday 10th "
        "February 2020 commencing 19:00.\n\nAGENDA\n\n1. Apologies for absence\n2. Declarations of interest\n"
    )
    (document,) = convert_paper_text(text, "p.txt")
    assert document.record.date == dt.date(2021, 2, 10)
    assert any("took 2021" in warning for warning in document.record.warnings)


def test_a_summons_day_without_its_year_says_which_year_it_took():
    text = (
        "Elm Town Council\n\nYou are summoned to the next meeting of the Council which will take place on Monday 30 "
        "June at 6.15pm in the Council Chamber.\n\nJoanna Abbott\nTown Clerk\n25 June 2025\n\nAGENDA\n\n"
        "1. Apologies\n2. Declarations of Interests\n"
    )
    (document,) = convert_paper_text(text, "p.txt")
    assert document.record.date == dt.date(2025, 6, 30)
    assert any("without a year; took 2025" in warning for warning in document.record.warnings)
