"""A reading notes what it asked of the house style; a style that answers each of those questions as the
reading's own style did reads the paper the same, so its reading is not made again (a council's learned bodies
and venues, for a paper that prints none of them). Papers and styles are invented."""

from __future__ import annotations

import pytest

from minutes.papers import housestyle as hs
from minutes.papers import warm_start
from minutes.papers.convert import Conversion, _same_answers, convert_with_roles
from minutes.papers.readers import read_paper

COUNCIL = "Example Parish Council"

VENUE_PAPER = """\
BURTON PARISH COUNCIL

Minutes of the meeting held on Monday 3 March 2025 at 7pm in the Reading Room

Present: Cllr J Dent (Chair), Cllr S Sahin
Apologies: Cllr V Whitehead

1. Minutes
RESOLVED: That the minutes of 3 February 2025 be approved.

2. Footpaths
The clerk reported on the footpath at Mill Lane.
"""

# The body is named below the title's lines (which end at the meeting's day): only the name resolved asks of it.
PLANNING_PAPER = """\
MINUTES
Monday 3 March 2025 at 7pm
Meeting of the Planning Committee held in the Reading Room

Present: Cllr J Dent (Chair), Cllr S Sahin

1. Applications
RESOLVED: That the application be approved.
"""

# The body is printed in the title, on a line of its own, and read by no other rule: only the title's lines ask.
PERRY_PAPER = """\
State of Ohio
County of Lake
Town of Perry
BOARD OF TRUSTEES MEETING
Monday 3 March 2025 at 7pm

Present: Trustee J Dent (Chair), Trustee S Sahin

1. Applications
The application was approved. Motion carried.
"""

# A dated header above the attendance, whose lines read as items unless the style knows the header.
ELM_PAPER = """\
**Elm Township**

**Mill Road Hall**

**May 4, 2021 Minutes (Approved)**
The meeting was called to order at 7:00 pm.

Roll Call: Board Members Present
Ann Bell, Clerk

**New Business**
Road salt was bought.
"""

# An attendance label of the site's own, which only the style reads as one.
BOARD_PAPER = """\
ELM TOWNSHIP BOARD
Minutes of the meeting held on Monday 3 March 2025 at 7pm

Board Members Attending: Ann Bell, Tom Reed, Jo Lund

1. New Business
Road salt was bought.
"""

PAPERS = {
    "elm": ELM_PAPER,
    "board": BOARD_PAPER,
    "sample": warm_start.SAMPLE,
    "burton": VENUE_PAPER,
    "planning": PLANNING_PAPER,
    "perry": PERRY_PAPER,
}


def _pinned(**entries: tuple) -> hs.HouseStyle:
    """A style whose entries are all pinned: read as it is, with no trial against the paper's own reading."""
    return hs.HouseStyle(**entries)


STYLES = {
    "another body": _pinned(bodies=(hs.Body("Transport Committee", ("TRANSPORT COMMITTEE",), hs.PINNED),)),
    "another venue": _pinned(venues=(hs.Venue("Council Chamber, Town Hall", ("Town Hall",), hs.PINNED),)),
    "the sample's body in other words": _pinned(
        bodies=(hs.Body("The Parish Council", ("Example Parish Council",), hs.PINNED),)
    ),
    "the sample's hall": _pinned(venues=(hs.Venue("Example Village Hall", ("Village Hall",), hs.PINNED),)),
    "the reading room": _pinned(venues=(hs.Venue("Burton Reading Room", ("Reading Room",), hs.PINNED),)),
    "burton's body": _pinned(bodies=(hs.Body("Burton Council", ("BURTON PARISH COUNCIL",), hs.PINNED),)),
    "planning by another name": _pinned(
        bodies=(hs.Body("Development Control Committee", ("Planning Committee",), hs.PINNED),)
    ),
    "perry township": _pinned(bodies=(hs.Body("Perry Township", ("Town of Perry",), hs.PINNED),)),
    "roll call header": _pinned(header=hs.HeaderStyle("Roll Call", source=hs.PINNED)),
    "attendance label": _pinned(
        attendance=hs.AttendanceStyle({"present": ("Board Members Attending",)}, (), hs.PINNED)
    ),
    "titles of minutes' items": _pinned(
        items=(hs.ItemShape("minutes", titles=("Footpaths", "Minutes"), unnumbered=True, source=hs.PINNED),)
    ),
}

# Which styles answer a paper's reading as the empty style does (the rest may read it otherwise).
SAME = {
    ("sample", "another body"),
    ("sample", "another venue"),
    ("sample", "the reading room"),
    ("sample", "burton's body"),
    ("burton", "another body"),
    ("burton", "another venue"),
    ("burton", "the sample's body in other words"),
    ("burton", "the sample's hall"),
    ("burton", "planning by another name"),
    ("sample", "planning by another name"),
    ("planning", "another body"),
    ("planning", "another venue"),
    ("planning", "the sample's body in other words"),
    ("planning", "the sample's hall"),
    ("planning", "burton's body"),
    ("sample", "perry township"),
    ("burton", "perry township"),
    ("planning", "perry township"),
    ("perry", "another body"),
    ("perry", "another venue"),
    ("perry", "the sample's hall"),
    ("perry", "the reading room"),
    ("perry", "burton's body"),
    ("perry", "planning by another name"),
    ("board", "another body"),
    ("board", "another venue"),
    ("board", "burton's body"),
    ("board", "perry township"),
    ("board", "planning by another name"),
    ("board", "the reading room"),
    ("board", "the sample's hall"),
    ("elm", "another body"),
    ("elm", "another venue"),
    ("elm", "burton's body"),
    ("elm", "perry township"),
    ("elm", "planning by another name"),
    ("elm", "the reading room"),
    ("elm", "the sample's hall"),
    ("board", "the sample's body in other words"),
}


def _read(name: str, style: hs.HouseStyle) -> Conversion:
    text = PAPERS[name].encode("utf-8")
    return convert_with_roles(read_paper(text, f"{name}.txt"), f"{name}.txt", council=COUNCIL, style=style)


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("style", sorted(STYLES))
def test_a_style_that_answers_alike_reads_the_paper_the_same(paper: str, style: str) -> None:
    plain = _read(paper, hs.EMPTY)
    styled = _read(paper, STYLES[style])  # made in full: a pinned style is not tried, and nothing is reused
    assert plain.asked, "a reading notes what it asked"
    same = _same_answers(hs.EMPTY, STYLES[style], plain.asked, None, COUNCIL)
    assert same == ((paper, style) in SAME)
    if same:
        assert styled == plain
        assert styled.asked == plain.asked


@pytest.mark.parametrize(
    "paper, style, differs",
    [
        ("sample", "the sample's body in other words", "committee"),
        ("sample", "the sample's hall", "venue"),
        ("burton", "the reading room", "venue"),
        ("burton", "burton's body", "committee"),
        ("planning", "planning by another name", "committee"),
        ("perry", "perry township", "committee"),
        ("elm", "roll call header", "items"),
        ("board", "attendance label", "attendance"),
    ],
)
def test_a_style_that_answers_otherwise_here_reads_the_paper_otherwise(paper: str, style: str, differs: str) -> None:
    """The cases above whose answers differ are not all idle: these change a fact of the record."""
    plain = _read(paper, hs.EMPTY).documents[0].record
    styled = _read(paper, STYLES[style]).documents[0].record
    assert getattr(plain, differs) != getattr(styled, differs)


def test_a_learned_style_that_answers_alike_is_not_read_again() -> None:
    """The style trial reads a paper without the lessons, then with them: the second is the first when the
    lessons answer every question alike; else it is made."""
    learned_elsewhere = hs.HouseStyle(bodies=(hs.Body("Transport Committee", ("TRANSPORT COMMITTEE",)),))
    readings: list[tuple[hs.HouseStyle, Conversion]] = []
    text = VENUE_PAPER.encode("utf-8")
    paper = read_paper(text, "burton.txt")
    kept = convert_with_roles(paper, "burton.txt", council=COUNCIL, style=learned_elsewhere, readings=readings)
    assert [style for style, _ in readings] == [hs.EMPTY]
    assert kept.documents == _read("burton", hs.EMPTY).documents

    learned_here = hs.HouseStyle(venues=(hs.Venue("Burton Reading Room", ("Reading Room",)),))
    readings = []
    convert_with_roles(paper, "burton.txt", council=COUNCIL, style=learned_here, readings=readings)
    assert [style for style, _ in readings] == [hs.EMPTY, learned_here]


@pytest.mark.parametrize(
    "question, about, one, other, alike",
    [
        ("items", "minutes", hs.EMPTY, STYLES["titles of minutes' items"], False),
        ("items", "agenda", hs.EMPTY, STYLES["titles of minutes' items"], True),
        ("titles", "minutes", hs.EMPTY, STYLES["titles of minutes' items"], False),
        ("titles", "agenda", hs.EMPTY, STYLES["titles of minutes' items"], True),
        ("cues", "date", hs.EMPTY, hs.HouseStyle(cues=(hs.Cue("date", "held on"),)), False),
        ("cues", "time", hs.EMPTY, hs.HouseStyle(cues=(hs.Cue("date", "held on"),)), True),
        ("body", "MINUTES OF THE TRANSPORT COMMITTEE", hs.EMPTY, STYLES["another body"], False),
        ("body", "MINUTES OF THE PARISH COUNCIL", hs.EMPTY, STYLES["another body"], True),
        ("venue", "held in the Town Hall", hs.EMPTY, STYLES["another venue"], False),
        ("venue", "held in the Village Hall", hs.EMPTY, STYLES["another venue"], True),
        ("committee", "TRANSPORT COMMITTEE", hs.EMPTY, STYLES["another body"], True),  # the same slug and name
        ("committee", "Example Parish Council", hs.EMPTY, STYLES["the sample's body in other words"], False),
        ("header", "", hs.EMPTY, hs.HouseStyle(header=hs.HeaderStyle("Present:")), False),
        ("attendance", "", hs.EMPTY, hs.HouseStyle(attendance=hs.AttendanceStyle({}, ("opened by",))), False),
        ("style", "", hs.EMPTY, STYLES["another body"], False),
    ],
)
def test_each_question_is_answered_by_what_it_asks(
    question: str, about: str, one: hs.HouseStyle, other: hs.HouseStyle, alike: bool
) -> None:
    assert _same_answers(one, other, frozenset({(question, about)}), None, COUNCIL) == alike


def test_a_question_no_one_answers_is_refused() -> None:
    with pytest.raises(ValueError, match="no answer"):
        _same_answers(hs.EMPTY, STYLES["another body"], frozenset({("weather", "")}), None, COUNCIL)
