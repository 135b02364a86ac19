"""What a line's pure functions are remembered for, and that what is remembered is what they give."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.papers import memo
from minutes.papers.clean import clean_lines
from minutes.papers.dates import find_dates
from minutes.papers.shapes import is_caps, shapes
from minutes.papers.split import another_meeting


def test_short_texts_are_remembered_and_long_ones_worked_out_each_time():
    calls: list[str] = []

    @memo.remembered
    def words(text: str) -> tuple[str, ...]:
        calls.append(text)
        return tuple(text.split())

    short, long = "a b", "x " * memo.SHORT_CHARS
    assert [words(short), words(short)] == [("a", "b"), ("a", "b")]
    assert words(long) == words(long) == tuple(long.split())
    assert calls == [short, long, long]


def test_what_a_reading_remembered_since_a_mark_is_recalled_by_another_reading():
    """A paper's first reading sends on what it remembered (`memo.since`); its second reading, in another
    process, takes it (`memo.recall`) and works none of it out again."""
    calls: list[str] = []

    @memo.remembered
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    shout("before")
    at = memo.mark()
    assert [shout("a"), shout("b"), shout("a")] == ["A", "B", "A"]
    given = memo.since(at)
    name = f"{shout.__module__}.{shout.__qualname__}"
    assert given[name] == [("a", "A"), ("b", "B")]  # not what was remembered before the mark
    memo.table(name).clear()  # as in the second reading's process, which never worked them out
    memo.recall(given)
    assert [shout("a"), shout("b"), shout("before")] == ["A", "B", "BEFORE"]
    assert calls == ["before", "a", "b", "before"]


def test_two_functions_of_one_name_remember_apart():
    def make(suffix: str):
        @memo.remembered
        def tag(text: str) -> str:
            return text + suffix

        return tag

    first, second = make("!"), make("?")
    assert (first("x"), second("x"), first("x")) == ("x!", "x?", "x!")


def test_a_table_forgets_its_oldest_entry_past_its_size():
    entries: dict[str, int] = {}
    for n in range(memo.ENTRIES + 2):
        assert memo.keep(entries, str(n), n) == n
    assert len(entries) == memo.ENTRIES and "0" not in entries and "1" not in entries and "2" in entries


@pytest.mark.parametrize(
    "text, dates",
    [
        ("Dydd Llun 3 Ionawr 2022", [dt.date(2022, 1, 3)]),  # a Welsh month is a month's name
        ("12TH DAY OF JANUARY, 2011", [dt.date(2011, 1, 12)]),
        ("September 27, 2012", [dt.date(2012, 9, 27)]),
        ("held on 18/11/13 and 2024-05-01", [dt.date(2013, 11, 18), dt.date(2024, 5, 1)]),  # no month's name
        ("Item 12 of 2019", []),
    ],
)
def test_dates_are_found_with_or_without_a_month_name_and_again_the_same(text, dates):
    first = find_dates(text)
    assert [f.date for f in first] == dates
    first.clear()  # a caller's list is its own: what is remembered is not changed
    assert [f.date for f in find_dates(text)] == dates


@pytest.mark.parametrize(
    "text, caps",
    [("MINUTES OF THE MEETING", True), ("Minutes of the meeting", False), ("ABC", False), ("ÉTÉ ÀÇÜ x", True)],
)
def test_capitals_are_counted_among_letters(text, caps):
    assert is_caps(text) is caps


@pytest.mark.parametrize(
    "followed, expected",
    [
        ("followed by the Annual Meeting of the Parish Council on Tuesday 14th March 2017 at 7.45pm", True),
        ("followed by the AGM of the Parish Council on Tuesday 14th March 2017 at 7.45pm", True),
        ("followed by the Annual Assembly of the Parish Council on Tuesday 14th March 2017 at 7.45pm", False),
    ],
)
def test_another_meetings_heading_is_found_by_its_meeting_word(followed, expected):
    text = "\n".join(["1. Apologies", "2. Minutes", "3. Planning", "", followed, "", "AGENDA", "", "1. Chairman"])
    lines = clean_lines(text + "\n")
    at = next(i for i, line in enumerate(lines) if line.text.startswith("followed"))
    assert (another_meeting(lines, shapes(lines), at) is not None) is expected
