"""Titles a site's meetings reuse: found however a paper dates, words or sets them, and read as items.

All text is invented, in the shapes councils use."""

from __future__ import annotations

import pytest

from minutes.papers import housestyle as hs
from minutes.papers import known_titles
from minutes.papers.convert import convert_paper_text


@pytest.mark.parametrize(
    "text, key",
    [
        ("Minutes of the previous meeting – 6th March 2017", "minutes of the previous meeting date"),
        ("Minutes of 4 September 2017", "minutes of date"),
        ("Approval of minutes of March 6, 2017", "approval of minutes of date"),
        ("Minutes of 04/09/2017", "minutes of date"),
        ("Budget for May 2018", "budget for date"),
        ("Finance Report", "finance report"),
        ("Item 12 of 2017", "item 12 of 2017"),
    ],
)
def test_a_title_is_compared_with_its_dates_as_one_word(text: str, key: str) -> None:
    assert known_titles.title_key(text) == key


TAUGHT = ("Minutes of previous meeting – 6th March 2017", "Action Plan/Emergency Plan Reports", "Finance Report")


@pytest.mark.parametrize(
    "text, known",
    [
        ("Minutes of the previous meeting - 4th September 2017", True),  # another date, one word more
        ("Action Plan/Emergency Planning Reports", True),  # the wording drifts a little
        ("FINANCE REPORT", True),
        ("Finance", False),
        ("Finance Reports and Budget", False),  # two words only are compared exactly
        ("Emergency Plan Reports", False),  # another first word
        ("Minutes of the Planning Committee", False),
    ],
)
def test_a_known_title_is_found_by_its_key_or_near_it(text: str, known: bool) -> None:
    assert known_titles.is_known(text, TAUGHT) == known


@pytest.mark.parametrize(
    "text, heads",
    [
        (
            "Minutes of the previous meeting - 4th May 2017: The minute was approved.",
            [
                ("Minutes of the previous meeting - 4th May 2017", "The minute was approved."),
                ("Minutes of the previous meeting", "4th May 2017: The minute was approved."),
            ],
        ),
        ("Finance Report: accounts paid.", [("Finance Report", "accounts paid.")]),
        ("Trash Day (8 am – 12) – bins out", [("Trash Day (8 am – 12)", "bins out")]),
        ("The meeting opened at 7:30 pm", []),
        ("Finance Report:", []),  # nothing after it: a title alone, not run in
    ],
)
def test_a_run_in_title_may_end_at_any_colon_or_dash_the_longest_first(text: str, heads: list) -> None:
    assert list(known_titles.run_in_heads(text)) == heads


MINUTES = """\
MINUTES OF THE MEETING OF EXAMPLE COMMUNITY COUNCIL HELD IN THE BURGH CHAMBERS ON MONDAY 2nd OCTOBER 2017 AT 7PM

Present: Mr A Black, Mrs B White, Mr C Green

Minutes of the previous meeting - 4th September 2017: The minute was approved.

Matters arising from previous minutes:

Nothing was raised.

**Planning Applications:**

Two applications were noted.

**Questions for the Council:**

Pot holes on Main Street.

Finance Report: accounts were paid to the printer.

**A.O.C.B.**

Raffle postponed.
"""

CORRECTED_TITLES = hs.HouseStyle(
    items=(
        hs.ItemShape(
            kind="minutes",
            titles=(
                "Minutes of previous meeting – 6th March 2017",
                "Matters Arising from previous minutes",
                "Planning Applications",
                "Finance Report",
                "A.O.C.B.",
            ),
            source=hs.CORRECTED,
        ),
    )
)


def _titles(style: hs.HouseStyle) -> list[str]:
    return [item.title for item in convert_paper_text(MINUTES, "m.txt", style=style)[0].record.items]


def test_titles_a_correction_taught_are_items_however_the_next_paper_sets_them() -> None:
    assert _titles(hs.EMPTY) == [
        "Matters arising from previous minutes",
        "Planning Applications",
        "Questions for the Council",
        "Finance Report",
    ]
    assert _titles(CORRECTED_TITLES) == [
        "Minutes of the previous meeting - 4th September 2017",
        "Matters arising from previous minutes",
        "Planning Applications",
        "Questions for the Council",
        "Finance Report",
        "A.O.C.B",
    ]


def test_titles_a_person_gave_an_agendas_items_are_known_in_minutes_and_learned_ones_are_not() -> None:
    agenda = CORRECTED_TITLES.items[0]
    taught = hs.HouseStyle(items=(hs.ItemShape(kind="agenda", titles=agenda.titles, source=hs.CORRECTED),))
    learned = hs.HouseStyle(items=(hs.ItemShape(kind="agenda", titles=agenda.titles, source=hs.LEARNED),))
    assert taught.item_titles("minutes") == agenda.titles
    assert learned.item_titles("minutes") == ()
    assert learned.item_titles("agenda") == agenda.titles
    assert _titles(taught) == _titles(CORRECTED_TITLES)
