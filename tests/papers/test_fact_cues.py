"""Where a site's papers print their meeting's date and time: the cue learned from the set or taught by a
correction, and the date or time read after it in the next paper.

All text is invented, in the shapes councils use."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.papers import fact_cues, learn
from minutes.papers import housestyle as hs
from minutes.papers.convert import convert_paper_text
from minutes.records.record import DocumentRecord


@pytest.mark.parametrize(
    "before, cue",
    [
        ("Minutes of the meeting held on Tuesday ", "held on"),
        ("Date: ", "date"),
        ("ELMFORD TOWNSHIP REGULAR MEETING ", "regular meeting"),
        ("Minutes of the meeting held on 4 May 2021 at ", "date at"),
        ("Meeting 12 at ", "# at"),
        ("", ""),
    ],
)
def test_a_cue_is_the_last_words_before_the_value_with_dates_and_weekdays_set_aside(before: str, cue: str) -> None:
    assert fact_cues.cue_of(before) == cue


OPENING = [
    "EXAMPLE PARISH COUNCIL",
    "Tuesday 2 March 2021",
    "Notice of the meeting to be held on 9 March 2021",
    "Time: 7.30pm",
]


def test_the_cue_of_a_value_is_read_where_the_opening_first_prints_it() -> None:
    assert fact_cues.cue_for("date", dt.date(2021, 3, 9), OPENING) == "held on"
    assert fact_cues.cue_for("date", dt.date(2021, 3, 2), OPENING) == ""
    assert fact_cues.cue_for("time", "19:30", OPENING) == "time"
    assert fact_cues.cued("date", dt.date(2021, 3, 9), OPENING, ("held on",))
    assert not fact_cues.cued("date", dt.date(2021, 3, 2), OPENING, ("held on",))


AGENDA = """\
EXAMPLE PARISH COUNCIL

Tuesday 2 March 2021

Notice of the meeting to be held on 9 March 2021

AGENDA

1. Apologies

2. Minutes of the last meeting
"""

HELD_ON = hs.HouseStyle(cues=(hs.Cue("date", "held on", papers=5),))


def _date(style: hs.HouseStyle) -> dt.date | None:
    return convert_paper_text(AGENDA, "a.txt", style=style)[0].record.date


def test_a_date_printed_after_the_sites_cue_is_the_meetings() -> None:
    assert _date(hs.EMPTY) == dt.date(2021, 3, 2)  # a date on its own line, with its weekday, first
    assert _date(HELD_ON) == dt.date(2021, 3, 9)
    assert _date(hs.HouseStyle(cues=(hs.Cue("date", "meeting of", papers=5),))) == dt.date(2021, 3, 2)


def _observed(*cues: tuple[str, str]) -> learn.Observed:
    return learn.Observed(meetings=1, kinds=("agenda",), cues=cues)


def test_a_cue_most_papers_print_is_learned_and_one_papers_is_not() -> None:
    style = learn.learn(
        [_observed(("date", "held on"), ("time", "time")), _observed(("date", "held on")), _observed(("date", "x"))],
        hs.EMPTY,
    )
    assert [(c.fact, c.before, c.papers) for c in style.cues] == [("date", "held on", 2)]


def test_a_corrected_date_teaches_its_cue_and_sets_aside_the_learned_one() -> None:
    generated = DocumentRecord(
        title="Agenda", kind="agenda", committee="Example Parish Council", date=dt.date(2021, 3, 2)
    )
    corrected = {"kind": "agenda", "committee": "Example Parish Council", "date": dt.date(2021, 3, 9)}
    lesson = learn.teach("a.md", corrected, generated, "", OPENING)
    assert [(c.fact, c.before, c.source) for c in lesson.cues] == [("date", "held on", hs.CORRECTED)]
    assert "the meeting's date is printed after 'held on'" in lesson.said()
    learned = hs.HouseStyle(cues=(hs.Cue("date", "regular meeting", papers=4), hs.Cue("time", "at", papers=4)))
    taught = learn.with_lessons(learned, [lesson])
    assert [(c.fact, c.before) for c in taught.cues] == [("time", "at"), ("date", "held on")]


def test_a_date_the_converter_read_right_teaches_no_cue() -> None:
    generated = DocumentRecord(
        title="Agenda", kind="agenda", committee="Example Parish Council", date=dt.date(2021, 3, 9)
    )
    corrected = {"kind": "agenda", "committee": "Example Parish Council", "date": dt.date(2021, 3, 9)}
    assert learn.teach("a.md", corrected, generated, "", OPENING).cues == []


def test_cues_read_back_from_the_file_and_a_bad_one_is_refused(tmp_path) -> None:
    style = hs.HouseStyle(cues=(hs.Cue("date", "held on", papers=3), hs.Cue("time", "time", hs.CORRECTED)))
    path = tmp_path / "house-style.yaml"
    assert hs.write(path, style)
    assert hs.read(path, "house-style.yaml") == (style, [])
    path.write_text("cues:\n- fact: venue\n  before: held at\n", encoding="utf-8")
    assert "cues[0].fact must be one of date, time" in hs.read(path, "s.yaml")[1][0].message
    path.write_text("cues:\n- fact: date\n", encoding="utf-8")
    assert "cues[0].before must be the words" in hs.read(path, "s.yaml")[1][0].message


def test_the_cues_are_part_of_what_reading_a_paper_depends_on() -> None:
    assert HELD_ON.reading_digest() != hs.HouseStyle(cues=(hs.Cue("date", "meeting of"),)).reading_digest()
    assert HELD_ON.reading_digest() == hs.HouseStyle(cues=(hs.Cue("date", "held on", hs.CORRECTED),)).reading_digest()
