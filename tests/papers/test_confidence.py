"""The converter's confidence in each fact, and the doubts it lists for review (texts written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.papers import confidence
from minutes.papers.convert import convert_paper_text
from minutes.papers.header import Proposal

COUNCIL = "Ashby Parish Council"

CLEAN = """ASHBY PARISH COUNCIL

Minutes of the Meeting of Ashby Parish Council held at the Village Hall, Ashby on Tuesday 4 May 2021 at 7.30pm

Present: Cllr A Hale (Chairman), Cllr B Orme, Cllr C Pike, Cllr D Quill

Apologies: Cllr E Rowe

1. Apologies for absence

Apologies were accepted.

2. Declarations of interest

None.

3. Minutes of the last meeting

RESOLVED: That the minutes of the meeting held on 6 April 2021 be approved as a correct record.

4. Planning

RESOLVED: That no objection be raised to application 21/0042.
"""


def _with(old: str, new: str) -> str:
    assert old in CLEAN
    return CLEAN.replace(old, new)


def doubts_of(text: str, council: str = COUNCIL) -> list[tuple[str, str]]:
    """(fact, item) of each doubt of the paper's meeting records."""
    documents = convert_paper_text(text, "content/papers/ashby.txt", council=council)
    return [(d.fact, d.item) for doc in documents for d in doc.record.review]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(CLEAN, [], id="a-clean-paper-has-no-doubts"),
        pytest.param(
            _with("Cllr C Pike, Cllr D Quill", "Translator Bob Smith, Cllr C Pike"),
            [("present", "")],
            id="a-role-in-the-list-of-those-present",
        ),
        pytest.param(
            _with("Cllr C Pike, Cllr D Quill", "Mrs Pat Jones John Hedley Jones"),
            [("present", "")],
            id="two-names-run-together",
        ),
        pytest.param(
            _with("Apologies: Cllr E Rowe", "Apologies: County Cllr F Green"),
            [("apologies", "")],
            id="a-councillor-of-another-authority-among-the-apologies",
        ),
        pytest.param(
            _with("Apologies: Cllr E Rowe\n", ""),
            [],
            id="no-apologies-and-none-spoken-of",
        ),
        pytest.param(
            _with("4. Planning", "5. Planning"),
            [("item", ""), ("decision", "")],
            id="a-gap-in-the-numbering",
        ),
        pytest.param(
            _with("4. Planning", "4. Mr K E Johnson"),
            [("item", "4"), ("decision", "4")],
            id="a-person-s-name-as-a-title",
        ),
        pytest.param(
            _with(
                "4. Planning",
                "4. Planning Applications and the Village Plan for the Year The Chairman Read Out the List Received",
            ),
            [("item", "4"), ("decision", "4")],
            id="a-title-that-runs-on",
        ),
        pytest.param(
            _with(
                "RESOLVED: That no objection be raised to application 21/0042.",
                "The application was discussed and it was agreed in principle.",
            ),
            [],  # judged WEAK_DECISION, which the corpora show is right often enough not to list
            id="a-decision-read-from-a-weak-phrase",
        ),
        pytest.param(
            _with(
                "RESOLVED: That no objection be raised to application 21/0042.",
                "The Clerk reported the application was carried forward and seconded.",
            ),
            [("decision", "4")],
            id="decision-words-where-no-decision-was-read",
        ),
        pytest.param(
            _with(" on Tuesday 4 May 2021 at 7.30pm", ""),
            [("date", "")],
            id="no-date-read",
        ),
        pytest.param(
            "ASHBY PARISH COUNCIL\n\nMinutes of the meeting held on Tuesday 4 May 2021\n\n"
            + "The meeting discussed the village hall roof, the bench by the pond and the hedge on Main Street. " * 12,
            [("item", ""), ("decision", "")],
            id="minutes-of-some-length-without-items",
        ),
    ],
)
def test_doubts_listed_for_a_paper(text, expected):
    assert doubts_of(text) == expected


@pytest.mark.parametrize(
    "kind, item_confidence, expected",
    [
        pytest.param("minutes", 0.4, [("decision", 0.4)], id="minutes-whose-items-are-in-doubt"),
        pytest.param("minutes", 0.95, [], id="minutes-whose-items-are-not"),
        pytest.param("agenda", 0.4, [], id="an-agenda-has-no-decisions-to-doubt"),
    ],
)
def test_decisions_are_in_doubt_with_the_items_they_are_read_under(kind, item_confidence, expected):
    item = confidence.ItemRead(key="4", number="4", title="Planning", head=None, lines=(9, 9), decisions=(), text="")
    judged = [confidence.Judged("item", item_confidence, "number 4 comes after 2", "", (9, 9), "4")]
    got = confidence.judge_decisions([item], kind, 40, judged)
    assert [(j.fact, j.confidence) for j in got] == expected
    assert all((j.item, j.lines) == ("4", (9, 9)) for j in got), "on the doubted item's decision, at its lines"
    assert all("number 4 comes after 2" in j.why for j in got), "the doubt says which item is in doubt"


PACK = """## ASHBY PARISH COUNCIL

**Venue:** Village Hall, Ashby

**Date:** Wednesday, 15th January, 2014

**Time:** 2.00 p.m.

### A G E N D A

1. Apologies for Absence.
2. Minutes of the Previous Meeting held on 20th November, 2013 (Pages 1 - 2)
3. Youth Forum (Pages 3 - 4)
  - Minutes of meeting held on 26th September, 2013

## Page 1

**MINUTES OF A MEETING OF ASHBY PARISH COUNCIL
Wednesday, 20th November, 2013**

Present: Cllr A Hale (in the Chair), Cllr B Orme and Cllr C Pike.

1. APOLOGIES

Apologies were received from Cllr D Quill.

2. FOOTPATHS

RESOLVED: That the footpath be repaired.

## Page 3

**ASHBY YOUTH FORUM MEETING
26 November 2014**

**Minutes**

Present: Ann Hale (Chair), Bob Orme, Cy Pike, Di Quill.

**Skate Park**

The forum discussed the skate park.

**Christmas Meal**

The meal will be on 20 December.
"""


def test_minutes_dated_after_their_pack_are_filed_by_the_pack_and_flagged():
    documents = convert_paper_text(PACK, "content/papers/pack.txt", council=COUNCIL)
    forum = next(d for d in documents if d.record.committee == "Ashby Youth Forum")
    assert forum.record.date == dt.date(2014, 1, 15)
    assert forum.relpath.as_posix() == "ashby-youth-forum/2014-01-15/minutes.md"
    (doubt,) = [d for d in forum.record.review if d.fact == "date"]
    assert doubt.value == "2014-11-26" and doubt.confidence < confidence.review_below("date")
    assert "26 November 2014" in doubt.why and "filed under 2014-01-15" in doubt.why
    assert doubt.lines == (33, 34), "the heading that prints the date, over its two lines"
    assert not any("filed under" in w for w in forum.record.warnings), "said once: by the review entry"
    agenda = documents[0]
    (cited,) = [d for d in agenda.record.review if d.fact == "citation"]
    assert (cited.item, cited.value) == ("3", "2013-09-26")
    assert "26 November 2014" in cited.why, "the date the minutes print, not the one they were filed under"
    own = next(d for d in documents if d.record.kind == "minutes" and d.record.committee == "Ashby Parish Council")
    assert own.record.date == dt.date(2013, 11, 20) and not [d for d in own.record.review if d.fact == "date"]


def test_a_pack_whose_own_date_is_adrift_keeps_the_minutes_date():
    """ "15th January, 2013" on a pack whose other dates are of late 2013 and 2014: the pack's date is the
    misprint, so the minutes keep theirs and the agenda's date is the one doubted. (Printed without its weekday:
    "Wednesday, 15th January, 2013" is put right to 2014 by the weekday, see test_year_of_date.)"""
    pack = PACK.replace("Wednesday, 15th January, 2014", "15th January, 2013").replace(
        "### A G E N D A", "Issued 8th January 2014\n\n### A G E N D A"
    )
    documents = convert_paper_text(pack, "content/papers/pack.txt", council=COUNCIL)
    forum = next(d for d in documents if d.record.committee == "Ashby Youth Forum")
    assert forum.record.date == dt.date(2014, 11, 26)
    assert ("date", "") in [(d.fact, d.item) for d in documents[0].record.review]


def test_a_sidecar_fact_is_sure_and_a_fallback_is_less_so():
    assert confidence.judge_fallback("committee", "Cabinet", "sidecar").confidence == 1.0
    fallbacks = [
        confidence.judge_fallback("committee", "Cabinet", source).confidence
        for source in ("council", "cover", "text", "unsorted")
    ]
    assert fallbacks == sorted(fallbacks, reverse=True) and fallbacks[0] < 1.0


def _p(value, weight, rule="header.date-in-opening", detail=""):
    return Proposal(value, weight, rule, (), detail)


MAY4, MAY11 = dt.date(2021, 5, 4), dt.date(2021, 5, 11)


@pytest.mark.parametrize(
    "proposals, flagged",
    [
        pytest.param([_p(MAY4, 4.0)], False, id="heavy-and-unopposed"),
        pytest.param([_p(MAY4, 4.0), _p(MAY4, 2.0, "header.key-lines")], False, id="two-rules-agree"),
        pytest.param([_p(MAY4, 4.0), _p(MAY11, 1.0)], False, id="a-light-rival"),
        pytest.param([_p(MAY4, 4.0), _p(MAY11, 3.9)], True, id="a-rival-nearly-as-heavy"),
        pytest.param([_p(MAY4, 0.3)], True, id="light-and-unopposed"),
    ],
)
def test_a_voted_fact_is_doubted_when_its_margin_is_thin(proposals, flagged):
    judged = confidence.judge_vote("date", MAY4, proposals, [(3, "Tuesday 4 May 2021")])
    assert (judged.confidence < confidence.review_below("date")) is flagged
    if len(proposals) > 1 and proposals[1].value != MAY4:
        assert "2021-05-11" in judged.why, "the rival is named"


def test_a_rival_that_is_the_same_name_in_fewer_words_is_no_rival():
    proposals = [_p("Planning Committee", 3.0, "header.meeting-of"), _p("Committee", 3.0, "header.title-line")]
    judged = confidence.judge_vote("committee", "Planning Committee", proposals, [], same=confidence.same_or_within)
    assert judged.confidence >= confidence.review_below("committee")


@pytest.mark.parametrize(
    "name, problem",
    [
        ("Cllr A Hale", ""),
        ("Councillor Mrs F Kemp", ""),
        ("Vice President Hom", ""),
        ("Marianne deHaan", ""),
        ("Seán O'Donoghue", ""),
        ("Translator Lynda Kirkham-Jones", "not part of a name"),
        ("Mrs G Wright Also", "not part of a name"),
        ("Pat Jones John Hedley Jones", "two names"),
        ("Cllr M Thomas. M Lazarowicz", "full stop"),
        ("Cllr", "no name"),
        ("SB", "single word"),
        ("the clerk", "not part of a name"),
    ],
)
def test_names_that_do_not_parse(name, problem):
    found = confidence.name_problem(name)
    assert (problem in found) if problem else found == ""


def test_doubts_keep_only_what_is_below_the_threshold_in_the_order_of_the_record(monkeypatch):
    judged = [
        confidence.Judged("item", 0.4, "a title of 20 words", "Long title", (30, 30), "7"),
        confidence.Judged("date", 0.2, "misprinted", "2014-11-26", (3, 3)),
        confidence.Judged("venue", 0.9, "held at"),
    ]
    listed = confidence.doubts(judged)
    assert [(d.fact, d.item) for d in listed] == [("date", ""), ("item", "7")]
    assert (listed[0].value, listed[0].lines, listed[0].confidence) == ("2014-11-26", (3, 3), 0.2)
    monkeypatch.setitem(confidence.REVIEW_BELOW, "venue", 0.95)
    assert [d.fact for d in confidence.doubts(judged)] == ["date", "venue", "item"], "each fact its own threshold"
    assert confidence.doubts(judged)[1].lines == (0, 0), "no lines known: (0, 0), as the record writes it"


def test_every_fact_a_record_may_doubt_has_a_threshold():
    from minutes.records.record import REVIEW_FACTS

    assert set(confidence.REVIEW_BELOW) == set(REVIEW_FACTS)
    assert all(0.0 < below <= 1.0 for below in confidence.REVIEW_BELOW.values())


def test_ocr_makes_every_fact_less_sure_and_says_so():
    (judged,) = confidence.with_ocr([confidence.Judged("venue", 0.9, "held at", "Village Hall")])
    assert judged.confidence == pytest.approx(0.9 * confidence.OCR_FACTOR) and "OCR" in judged.why
