"""Table-driven tests for dates and times as council papers print them."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.papers import dates
from minutes.papers.dates import (
    FoundDate,
    find_dates,
    find_time,
    parse_date,
    parse_date_after,
    parse_time,
    time_range,
)

D = dt.date


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Monday, 16th December, 2013", D(2013, 12, 16), id="weekday-ordinal"),
        pytest.param("Wed 3rd Mar 2021", D(2021, 3, 3), id="short-names"),
        pytest.param("7 Dec 2015", D(2015, 12, 7), id="short-month"),
        pytest.param("Meeting on 25TH JUNE, 2024", D(2024, 6, 25), id="capitals"),
        pytest.param("Thursday, the 5th of March, 2020", D(2020, 3, 5), id="the-nth-of"),
        pytest.param("1st of January in the year 2020", D(2020, 1, 1), id="in-the-year"),
        pytest.param("THIS 12TH DAY OF JANUARY, 2011", D(2011, 1, 12), id="day-of"),
        pytest.param('Tuesday 20"" October 2015', D(2015, 10, 20), id="ocr-double-quotes"),
        pytest.param("11™ MAY 2016", D(2016, 5, 11), id="ocr-trademark"),
        pytest.param("1% June 2017", D(2017, 6, 1), id="ocr-percent"),
        pytest.param("21* March 2018", D(2018, 3, 21), id="ocr-star"),
        pytest.param("4” July 2019", D(2019, 7, 4), id="ocr-curly-quote"),
        pytest.param(
            "Minutes, November 16, 2017\nNovember 16, 2017",
            D(2017, 11, 16),
            id="a-years-last-digits-are-no-day-for-the-next-line",
        ),
        pytest.param("September 27, 2012", D(2012, 9, 27), id="month-first"),
        pytest.param("October 9th of 2024", D(2024, 10, 9), id="month-first-of-the-year"),
        pytest.param("Sept. 5, 2019", D(2019, 9, 5), id="month-first-abbrev"),
        pytest.param("May 14, 2018", D(2018, 5, 14), id="month-first-May"),
        pytest.param("March 3,2019 Minutes", D(2019, 3, 3), id="month-first-no-space-after-the-comma"),
        pytest.param("Board Meeting----------August 26. 2025", D(2025, 8, 26), id="month-first-a-stop-for-the-comma"),
        pytest.param("on August 26. 20 people came", None, id="a-stop-then-no-year"),
        pytest.param("2025-01-07", D(2025, 1, 7), id="iso"),
        pytest.param("on 3 June 1999", D(1999, 6, 3), id="last-century"),
        pytest.param("29 February 2024", D(2024, 2, 29), id="leap-day"),
        pytest.param("Tuesday 22 September", None, id="no-year"),
        pytest.param("31st February, 2014", None, id="impossible-day"),
        pytest.param("29 February 2023", None, id="not-a-leap-year"),
        pytest.param("32 January 2020", None, id="day-32"),
        pytest.param("we may see", None, id="may-the-verb"),
        pytest.param("they may 2 times", None, id="may-then-number"),
        pytest.param("18/11/13", None, id="numeric-left-to-short-date"),
        pytest.param("Standing Order 12", None, id="no-month"),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text, year, expected",
    [
        pytest.param("Tuesday 22 September", 2020, D(2020, 9, 22), id="year-supplied"),
        pytest.param("Tuesday 22 September 2019", 2020, D(2019, 9, 22), id="printed-year-wins"),
        pytest.param("29 February", 2023, None, id="impossible-in-that-year"),
        pytest.param("no date here", 2020, None, id="nothing"),
    ],
)
def test_parse_date_with_default_year(text, year, expected):
    assert parse_date(text, year) == expected


@pytest.mark.parametrize(
    "text, after, expected",
    [
        pytest.param("Tuesday 22 September at 5:30pm", D(2020, 7, 28), D(2020, 9, 22), id="later-same-year"),
        pytest.param("21st January", D(2013, 12, 16), D(2014, 1, 21), id="next-year"),
        pytest.param("21st May", D(2013, 1, 16), D(2013, 5, 21), id="same-year"),
        pytest.param("16 December", D(2013, 12, 16), D(2013, 12, 16), id="same-day"),
        pytest.param("1 March 2010", D(2013, 1, 16), D(2010, 3, 1), id="printed-year-kept"),
        pytest.param("18/11/13", D(2013, 1, 1), None, id="numeric-ignored"),
        pytest.param("nothing", D(2013, 1, 1), None, id="no-date"),
        pytest.param(
            "29 February",
            D(2023, 3, 1),
            D(2024, 2, 29),
            id="leap-day-next-year",
        ),
        pytest.param("29 February", D(2025, 3, 1), D(2028, 2, 29), id="leap-day-never-a-year-before"),
        pytest.param("29 February", D(2099, 3, 1), None, id="leap-day-not-within-four-years"),
    ],
)
def test_parse_date_after(text, after, expected):
    assert parse_date_after(text, after) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("18/11/13", D(2013, 11, 18), id="slashes"),
        pytest.param("13.09.13", D(2013, 9, 13), id="dots"),
        pytest.param("03/03/20", D(2020, 3, 3), id="leading-zeros"),
        pytest.param("25/12/2019", D(2019, 12, 25), id="four-digit-year"),
        pytest.param("1/2/24", D(2024, 2, 1), id="day-first"),
        pytest.param("31/02/20", None, id="impossible"),
        pytest.param("3.4.5", None, id="section-number"),
        pytest.param("version 1.2.3.4", None, id="version"),
        pytest.param("2025-01-07", None, id="iso-is-not-short"),
        pytest.param("16th December 2013 and 18/11/13", D(2013, 11, 18), id="skips-written-date"),
    ],
)
def test_numeric_dates_are_read_day_first(text, expected):
    assert next((f.date for f in find_dates(text) if f.form == "numeric"), None) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Tuesday 22 September", True, id="no-year"),
        pytest.param("22 Sept", True, id="abbrev"),
        pytest.param("1 May 2020 and 3 June", True, id="second-without-year"),
        pytest.param("22 September 2020", False, id="with-year"),
        pytest.param("no date", False, id="none"),
        pytest.param("18/11/13", False, id="numeric"),
        pytest.param("29 February", True, id="leap-day"),
    ],
)
def test_a_day_and_month_without_a_year_is_told_apart(text, expected):
    assert any(not f.year_printed for f in find_dates(text, 2000)) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Time: 1.00 p.m.", "13:00", id="p.m."),
        pytest.param("to start at 12.00 noon", "12:00", id="noon"),
        pytest.param("12 midday", "12:00", id="midday"),
        pytest.param("3pm", "15:00", id="3pm"),
        pytest.param("3 pm", "15:00", id="3-pm"),
        pytest.param("7 p. m.", "19:00", id="spaced-p.-m."),
        pytest.param("10:30a.m.", "10:30", id="10:30a.m."),
        pytest.param("10.00 a m", "10:00", id="a-m"),
        pytest.param("3:35 PM", "15:35", id="colon-PM"),
        pytest.param("8.00 PM", "20:00", id="dot-PM"),
        pytest.param("12.30 pm", "12:30", id="half-past-noon"),
        pytest.param("12.00 a.m.", "00:00", id="midnight"),
        pytest.param("7.00 - 8.45 pm", "19:00", id="range-evening"),
        pytest.param("7.00 to 8.45 pm", "19:00", id="range-to"),
        pytest.param("11.30 - 1.00 pm", "11:30", id="range-over-noon"),
        pytest.param("10.00 – 11.30 am", "10:00", id="range-morning"),
        pytest.param("7.00pm - 8.45pm", "19:00", id="range-both-marked"),
        pytest.param(
            "12.00 - 2.00 pm",
            "12:00",
            id="range-from-noon",
        ),
        pytest.param(
            "11.00 - 12.30 pm",
            "11:00",
            id="range-to-half-past-noon",
        ),
        pytest.param("14:30", "14:30", id="24-hour"),
        pytest.param("1400 hrs", "14:00", id="hrs"),
        pytest.param("19:30 hrs", "19:30", id="colon-hrs"),
        pytest.param("at 19.30", "19:30", id="at-24-hour"),
        pytest.param("at 09.30", "09:30", id="at-leading-zero"),
        pytest.param("2.30pm (or at the rising of Cabinet)", "14:30", id="then-words"),
        pytest.param("Meeting started at 7pm and closed at 9.15pm", "19:00", id="first-time"),
        pytest.param("2 hours", "", id="duration"),
        pytest.param("2 hrs", "", id="duration-hrs"),
        pytest.param("1.5 hours", "", id="decimal-duration"),
        pytest.param("5.520 pm", "", id="bad-minutes"),
        pytest.param("13.00 am", "", id="13-am"),
        pytest.param("25:00", "", id="hour-25"),
        pytest.param("£5 pm", "", id="money"),
        pytest.param("Standing Order 48.1", "", id="standing-order"),
        pytest.param("Item 5.30", "", id="item-number"),
        pytest.param("the year 2013", "", id="year"),
        pytest.param("ratio 3:2", "", id="ratio"),
        pytest.param("1 noon", "", id="noon-is-twelve"),
        pytest.param("3 midday", "", id="midday-is-twelve"),
        pytest.param("11pm", "23:00", id="11pm"),
        pytest.param("24 pm", "", id="hour-24-pm"),
        pytest.param("7.00 - 7.45 pm", "19:00", id="range-within-an-hour"),
        pytest.param("13.00 - 2.00 pm", "14:00", id="range-from-no-morning-hour"),
        pytest.param("7 - 9 pm", "19:00", id="range-without-minutes"),
        pytest.param("2 hours from 3pm", "15:00", id="duration-then-time"),
        pytest.param("19.30 hrs", "19:30", id="dot-hrs"),
        pytest.param("24.00 hrs", "", id="hour-24-hrs"),
    ],
)
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Time: 1.00 p.m.", (6, "13:00"), id="position-of-time"),
        pytest.param("closed at 9.30pm", (10, "21:30"), id="position-after-words"),
        pytest.param("no time here", None, id="none"),
        pytest.param("called to order at 2:00.", (19, "14:00"), id="a-small-hour-without-pm-is-the-afternoon"),
        pytest.param("called to order at 6:59.", (19, "18:59"), id="the-last-small-hour"),
        pytest.param("called to order at 7:05.", (19, "07:05"), id="morning-hours-stay"),
        pytest.param("Time: 02:00", (6, "02:00"), id="a-24-hour-clock-with-its-zero"),
        pytest.param("at 7:00 o'clock p.m. at the Town Office", (3, "19:00"), id="o-clock-before-pm"),
        pytest.param("at 8 o’clock pm", (3, "20:00"), id="o-clock-curly-and-no-minutes"),
    ],
)
def test_find_time(text, expected):
    assert find_time(text) == expected


def found(date, start, end, year=True, weekday=False, form="day-month"):
    return FoundDate(date, start, end, year, weekday, form)


@pytest.mark.parametrize(
    "text, year, expected",
    [
        pytest.param(
            "Monday, 16th December, 2013", None, [found(D(2013, 12, 16), 0, 27, weekday=True)], id="every-part-printed"
        ),
        pytest.param("Sept. 5", 2019, [found(D(2019, 9, 5), 0, 7, year=False, form="month-day")], id="month-first"),
        pytest.param("2025-01-07", None, [found(D(2025, 1, 7), 0, 10, form="iso")], id="iso"),
        pytest.param("on 18/11/13", None, [found(D(2013, 11, 18), 3, 11, form="numeric")], id="numeric"),
        pytest.param("1/2/0100", None, [found(D(100, 2, 1), 0, 8, form="numeric")], id="four-digit-year-kept"),
        pytest.param("on 5 may 2020", None, [found(D(2020, 5, 5), 3, 13)], id="may-after-a-day"),
        pytest.param("they may 2 times", 2020, [], id="may-the-verb"),
        pytest.param(
            "they may 2 and May 3", 2020, [found(D(2020, 5, 3), 15, 20, year=False, form="month-day")], id="then-May"
        ),
        pytest.param("22 September and 1 May 2020", None, [found(D(2020, 5, 1), 17, 27)], id="yearless-skipped"),
        pytest.param(
            "5 June.July 6",
            2020,
            [found(D(2020, 6, 5), 0, 7, year=False), found(D(2020, 7, 6), 7, 13, year=False, form="month-day")],
            id="side-by-side",
        ),
        pytest.param(
            "18/11/13Monday 5 June 2020",
            None,
            [found(D(2013, 11, 18), 0, 8, form="numeric"), found(D(2020, 6, 5), 8, 26, weekday=True)],
            id="numeric-then-weekday",
        ),
        pytest.param(
            "16 December 2013 (16/12/13)",
            None,
            [found(D(2013, 12, 16), 0, 16), found(D(2013, 12, 16), 18, 26, form="numeric")],
            id="both-forms",
        ),
    ],
)
def test_find_dates(text, year, expected):
    assert find_dates(text, year) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a line is looked in for a month's name quickly (each name's stem in the lowered line), other text
        # with the pattern; a line without a digit has no date
        pytest.param("MEETING OF 5 DECEMBER 2020", [found(D(2020, 12, 5), 11, 26)], id="capitals"),
        pytest.param("5 Mehefin 2020", [found(D(2020, 6, 5), 0, 14)], id="welsh"),
        pytest.param("Tachwedd 12, 2019", [found(D(2019, 11, 12), 0, 17, form="month-day")], id="welsh-month-first"),
        pytest.param("Café on 3 April 2021", [found(D(2021, 4, 3), 8, 20)], id="not-ascii"),
        pytest.param("\u0665 June", [found(D(2020, 6, 5), 0, 6, year=False)], id="another-scripts-digit"),
        pytest.param("adjourned in January, as in December", [], id="no-digit"),
    ],
)
def test_dates_of_lines_looked_in_quickly(text, expected):
    assert find_dates(text, 2020) == expected


# Each way a written-out date may open: a weekday (any case; ſ is an s ignoring case), a day's digits (another
# script's too), or, month first, a month's name. The patterns are tried only where a place opens so, and
# every one of these must still be found where it starts.
_OPENINGS = [
    ("monday 5 June 2024 and", 0, 18, True),
    ("Tuesday 5 June 2024", 0, 19, True),
    ("on TUE 5 June 2024", 3, 18, True),
    ("wednesday 5 June 2024", 0, 21, True),
    ("Wed. 5 June 2024", 0, 16, True),
    ("thursday 5 June 2024", 0, 20, True),
    ("Thu 5 June 2024", 0, 15, True),
    ("FRIDAY 5 June 2024", 0, 18, True),
    ("saturday 5 June 2024", 0, 20, True),
    ("Sat 5 June 2024", 0, 15, True),
    ("Sunday 5 June 2024", 0, 18, True),
    ("\u017funday 5 June 2024", 0, 18, True),
    ("Dydd Llun 5 Mehefin 2024", 0, 24, True),
    ("held 5 June 2024", 5, 16, False),
    ("\u0665 June 2024", 0, 11, False),
]


@pytest.mark.parametrize(("text", "start", "end", "weekday"), _OPENINGS)
def test_a_date_is_found_whatever_it_opens_with(text, start, end, weekday):
    assert find_dates(text) == [found(D(2024, 6, 5), start, end, weekday=weekday)]


_MONTHS_FIRST = {
    "January": 1, "jan": 1, "February": 2, "FEB": 2, "March": 3, "mar": 3, "April": 4, "apr": 4, "May": 5,
    "June": 6, "jun": 6, "July": 7, "jul": 7, "August": 8, "aug": 8, "September": 9, "sept": 9, "sep": 9,
    "October": 10, "oct": 10, "November": 11, "nov": 11, "December": 12, "dec": 12, "Ionawr": 1,
    "Chwefror": 2, "Mawrth": 3, "Ebrill": 4, "Mai": 5, "Mehefin": 6, "Gorffennaf": 7, "Awst": 8, "Medi": 9,
    "Hydref": 10, "Tachwedd": 11, "Rhagfyr": 12,
}  # fmt: skip


@pytest.mark.parametrize(("name", "month"), sorted(_MONTHS_FIRST.items()))
def test_a_date_printed_month_first_is_found_whatever_month_opens_it(name, month):
    text = f"on {name} 5, 2024"
    assert find_dates(text) == [found(D(2024, month, 5), 3, len(text), form="month-day")]


@pytest.mark.parametrize(
    "text",
    [
        "5 SEPT",
        "the sept",
        "Octavia",
        "a deceased member",
        "mai",
        "GORFFENNAF",
        "nothing of the kind",
        "Ebrill",
        "caf\u00e9 in march",
        "\u212aelvin",
        "\u017fep",
        "",
    ],
)
def test_a_month_is_looked_for_where_the_pattern_finds_one(text):
    assert bool(dates._written_forms(text)) == (dates._ANY_MONTH.search(text) is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the month-first pattern is tried on an ASCII line only where a name is followed by a day's digit
        pytest.param("Sept. 27, 2012", [found(D(2012, 9, 27), 0, 14, form="month-day")], id="dotted"),
        pytest.param("OCTOBER\t1,2024", [found(D(2024, 10, 1), 0, 14, form="month-day")], id="capitals-tab"),
        pytest.param("XJune 3, 2020", [found(D(2020, 6, 3), 1, 13, form="month-day")], id="name-inside-a-word"),
        pytest.param("in September, 27 members", [], id="comma-before-the-number"),
        pytest.param("Café: September 27, 2012", [found(D(2012, 9, 27), 6, 24, form="month-day")], id="not-ascii"),
    ],
)
def test_a_date_printed_month_first_is_looked_for_where_a_day_follows_a_name(text, expected):
    assert find_dates(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("5.30 - 7.30 p.m.", ("17:30", "19:30"), id="evening"),
        pytest.param("11.30 - 1.00 pm", ("11:30", "13:00"), id="over-noon"),
        pytest.param("12.00 - 2.00 pm", ("12:00", "14:00"), id="from-noon"),
        pytest.param("11.00 - 12.30 pm", ("11:00", "12:30"), id="to-half-past-noon"),
        pytest.param("7 to 9 pm", ("19:00", "21:00"), id="hours-only"),
        pytest.param("7.15 - 7.45 pm", ("19:15", "19:45"), id="within-an-hour"),
        pytest.param("13.00 - 2.00 pm", None, id="no-such-start"),
        pytest.param("10.00 am – 12.30 pm", ("10:00", "12:30"), id="two-times"),
        pytest.param("10 am to 12 noon", ("10:00", "12:00"), id="to-noon"),
        pytest.param("6pm until 8.30pm", ("18:00", "20:30"), id="until"),
        pytest.param("9.15am—11am", ("09:15", "11:00"), id="em-dash"),
        pytest.param("at 5pm, then 6pm - 7pm", ("18:00", "19:00"), id="first-span"),
        pytest.param("1 noon - 3pm, 4pm - 5pm", ("16:00", "17:00"), id="bad-first-span-skipped"),
        pytest.param("2 hours to 3 hours", None, id="durations"),
        pytest.param("2pm to 3 hours", None, id="time-to-duration"),
        pytest.param("at 5.30 p.m.", None, id="one-time"),
        pytest.param("5pm and 6pm", None, id="no-joiner"),
        pytest.param("5pm - 7 people", None, id="no-second-time"),
        pytest.param("", None, id="nothing"),
    ],
)
def test_time_range(text, expected):
    assert time_range(text) == expected


@pytest.mark.parametrize(
    "text, order",
    [
        pytest.param("Minutes of 12/25/2023", dates.MONTH_FIRST, id="a-month-over-twelve-second"),
        pytest.param("Held 25.12.2023", dates.DAY_FIRST, id="a-day-over-twelve-first"),
        pytest.param("Meeting of November 6, 2019; next 7/12/2023", dates.MONTH_FIRST, id="written-month-first"),
        pytest.param("Meeting of 6 November 2019; next 7/12/2023", dates.DAY_FIRST, id="written-day-first"),
        pytest.param("November 6, 2019 and 13.09.13", dates.DAY_FIRST, id="a-number-that-tells-outweighs-words"),
        pytest.param("7/12/2023", dates.DAY_FIRST, id="nothing-tells-day-first"),
    ],
)
def test_a_papers_numeric_dates_are_read_in_the_order_it_prints_them(text: str, order: str) -> None:
    assert dates.numeric_order(text) == order


def test_numeric_dates_read_month_first_only_while_a_paper_asks() -> None:
    line = "Meeting Minutes – 7/12/2023"
    assert [f.date for f in dates.find_dates(line)] == [dt.date(2023, 12, 7)]
    with dates.reading_numeric(dates.MONTH_FIRST):
        assert [f.date for f in dates.find_dates(line)] == [dt.date(2023, 7, 12)]
        assert [f.date for f in dates.find_dates("12/25/2023")] == [dt.date(2023, 12, 25)]
        assert dates.find_dates("25/12/2023") == []
    assert [f.date for f in dates.find_dates(line)] == [dt.date(2023, 12, 7)]


@pytest.mark.parametrize(
    "paper, expected",
    [
        pytest.param("Meeting of November 6, 2019\nNext meeting 7/12/2023", dt.date(2023, 7, 12), id="month-first"),
        pytest.param("Meeting of 6 November 2019\nNext meeting 7/12/2023", dt.date(2023, 12, 7), id="day-first"),
    ],
)
def test_numeric_dates_read_in_the_order_the_paper_being_read_prints_them(paper: str, expected: dt.date) -> None:
    with dates.reading_numeric_of(paper):
        # a line without a numeric date first, then one with: the order is the whole paper's
        assert [f.date for f in dates.find_dates("Meeting of 6 November 2019")] == [dt.date(2019, 11, 6)]
        assert [f.date for f in dates.find_dates("Next meeting 7/12/2023")] == [expected]
    assert [f.date for f in dates.find_dates("Next meeting 7/12/2023")] == [dt.date(2023, 12, 7)]
