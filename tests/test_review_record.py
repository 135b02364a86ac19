"""The review list of a record: how it is written and read, which doubts are open, and what a page is told of them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minutes.core.config import SiteConfig
from minutes.core.yamlfile import entry_lines
from minutes.records.record import DocumentRecord, RecordError, ReviewEntry
from minutes.site.doubts import (
    Doubt,
    date_in_doubt,
    describe,
    importance,
    open_doubts,
    unconfirmed,
    written_lines,
)
from minutes.site.model import Document

BASE = {"kind": "minutes", "committee": "Planning Committee", "date": "2020-03-03"}


def record(**extra) -> DocumentRecord:
    return DocumentRecord.from_mapping({**BASE, **extra})


@pytest.mark.parametrize(
    ("review", "key", "said"),
    [
        ([{"fact": "weather", "why": "x"}], "review[0].fact", "'weather' is not one of kind, committee, date"),
        ([{"why": "no fact"}], "review[0].fact", "'' is not one of"),
        ([{"fact": "date", "colour": "red"}], "review[0].colour", "unknown key"),
        ([{"fact": "date", "lines": [5]}], "review[0].lines", "first and last line"),
        ([{"fact": "date", "lines": [7, 5]}], "review[0].lines", "first and last line"),
        ([{"fact": "date", "lines": [0, 5]}], "review[0].lines", "first and last line"),
        ([{"fact": "date", "lines": ["5", "6"]}], "review[0].lines", "first and last line"),
        ([{"fact": "date", "confidence": 1.5}], "review[0].confidence", "not a number from 0 to 1"),
        ([{"fact": "date", "confidence": True}], "review[0].confidence", "not a number from 0 to 1"),
        ([{"fact": "date", "confidence": "high"}], "review[0].confidence", "not a number from 0 to 1"),
        ([{"fact": "date", "why": ["a", "list"]}], "review[0].why", "must be text"),
        ([{"fact": "date"}, "date"], "review[1]", "must be a mapping"),
        ({"fact": "date"}, "review", "must be a list"),
    ],
)
def test_a_review_entry_that_does_not_fit_is_refused_by_its_key(review, key, said):
    with pytest.raises(RecordError) as caught:
        record(review=review)
    assert caught.value.key == key
    assert said in caught.value.message


def test_reviewed_must_be_true_or_false():
    with pytest.raises(RecordError) as caught:
        record(reviewed="yes")
    assert caught.value.key == "reviewed"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        (
            {"fact": "date", "value": dt.date(2014, 11, 26), "why": "typo?", "lines": [12, 12], "confidence": 0.35},
            ReviewEntry("date", "2014-11-26", "typo?", (12, 12), "", 0.35),
        ),
        ({"fact": "decision", "item": 7, "lines": 40}, ReviewEntry("decision", "", "", (40, 40), "7", 0.0)),
        ({"fact": "time", "value": 17, "confidence": 1}, ReviewEntry("time", "17", "", (0, 0), "", 1.0)),
        ({"fact": "present", "lines": []}, ReviewEntry("present", "", "", (0, 0), "", 0.0)),
    ],
)
def test_a_review_entry_is_read_as_a_person_would_write_it(written, read):
    assert record(review=[written]).review == (read,)


def test_the_review_list_is_written_back_as_it_was_read():
    written = {
        **BASE,
        "time": "",
        "venue": "",
        "title": "Minutes",
        "warnings": ["a note"],
        "review": [
            {"fact": "date", "value": "2014-11-26", "why": "typo?", "lines": [12, 12], "confidence": 0.35},
            {"fact": "citation", "why": "names another", "item": "2", "confidence": 0.5},
        ],
        "reviewed": False,
    }
    assert DocumentRecord.from_mapping(written).to_mapping() == written
    assert "review" not in record().to_mapping() and "reviewed" not in record().to_mapping()


def test_reviewed_clears_every_entry_and_every_note():
    entries = [{"fact": "date", "why": "typo?"}]
    assert [d.fact for d in open_doubts(record(review=entries, warnings=["a note"]))] == ["date", "note"]
    assert open_doubts(record(review=entries, warnings=["a note"], reviewed=True)) == ()
    assert record(review=entries, reviewed=True).open_review == ()


@pytest.mark.parametrize(
    ("doubts", "weightiest"),
    [
        # A doubtful date misleads more than a doubtful list of names held nearly as unsure.
        ({"a": [Doubt("date", confidence=0.35)], "b": [Doubt("present", confidence=0.1)]}, "a"),
        # The same fact: the less sure weighs more.
        ({"a": [Doubt("venue", confidence=0.9)], "b": [Doubt("venue", confidence=0.2)]}, "b"),
        # Many small doubts outweigh one.
        ({"a": [Doubt("item", confidence=0.5)], "b": [Doubt("chair", confidence=0.3)] * 3}, "b"),
    ],
)
def test_records_are_weighed_by_what_their_doubts_would_mislead(doubts, weightiest):
    assert max(doubts, key=lambda name: importance(doubts[name])) == weightiest


@pytest.mark.parametrize(
    ("doubt", "line"),
    [
        (
            Doubt("date", "2014-11-26", "printed in a 2014 pack", (12, 12), "", 0.35),
            "date '2014-11-26' — printed in a 2014 pack (paper line 12) (confidence 35 %)",
        ),
        (
            Doubt("decision", "", "maybe a recommendation", (40, 42), "7", 0.4),
            "decision of item 7 — maybe a recommendation (paper lines 40-42) (confidence 40 %)",
        ),
        (Doubt("note", why="the paper prints no date", key="warnings"), "note — the paper prints no date"),
    ],
)
def test_a_doubt_is_described_on_one_line(doubt, line):
    assert describe(doubt) == line


@pytest.mark.parametrize(
    ("text", "key", "lines"),
    [
        ("kind: minutes\nreview:\n- fact: date\n  why: x\n- fact: time\n", "review", (3, 5)),
        ("review:\n  - fact: date\n\n  - fact: venue\n    why: y\nwarnings: [a, b]\n", "review", (2, 4)),
        ("review:\n  - fact: date\nwarnings:\n- one\n- two\n", "warnings", (4, 5)),
        ("review: []\n", "review", ()),
        ("kind: minutes\n", "review", ()),
        ("review: [unclosed\n", "review", ()),
    ],
)
def test_each_entry_of_a_list_is_found_at_its_line(text, key, lines):
    assert entry_lines(text, key) == lines


def test_a_doubt_points_at_its_line_in_the_record_file(tmp_path):
    path = tmp_path / "minutes.md"
    path.write_text(
        "---\nkind: minutes\ncommittee: Planning\nwarnings:\n- a note\nreview:\n- fact: date\n  why: x\n"
        "- fact: venue\nreviewed: false\n---\n\nBody.\n",
        encoding="utf-8",
    )
    doubts = open_doubts(DocumentRecord.from_mapping({"kind": "minutes", "committee": "Planning", **_front(path)}))
    lines = path.read_text(encoding="utf-8").split("\n")
    found = written_lines(path, doubts)
    assert [lines[n - 1] for n in found] == ["- fact: date", "- fact: venue", "- a note"]


def _front(path: Path) -> dict:
    import yaml

    text = path.read_text(encoding="utf-8").split("---\n")[1]
    data = yaml.safe_load(text)
    return {k: v for k, v in data.items() if k in ("warnings", "review", "reviewed")}


ITEMS = [{"number": "2", "title": "Minutes", "anchor": "item-2"}, {"number": "3", "title": "Plans", "anchor": "item-3"}]


def doc(kind: str, review: list, warnings: tuple[str, ...] = ()) -> Document:
    rec = DocumentRecord.from_mapping(
        {**BASE, "kind": kind, "items": ITEMS, "review": review, "warnings": list(warnings)}
    )
    return Document(Path(f"{kind}.md"), rec, "", 1, kind, "planning/2020-03-03/")


def config(**settings) -> SiteConfig:
    return SiteConfig(root=Path("."), **settings)


@pytest.mark.parametrize(
    ("docs", "facts", "rows", "citations"),
    [
        ([doc("minutes", [{"fact": "date"}, {"fact": "chair"}])], {"date", "chair"}, set(), set()),
        # The meeting page shows the minutes' attendance: an agenda's doubtful chair marks nothing there.
        ([doc("agenda", [{"fact": "chair"}, {"fact": "venue"}])], {"venue"}, set(), set()),
        ([doc("minutes", [{"fact": "decision", "item": "3"}])], set(), {("minutes", "decision", "item-3")}, set()),
        # An item named by its anchor is the same item.
        ([doc("agenda", [{"fact": "item", "item": "item-2"}])], set(), {("agenda", "item", "item-2")}, set()),
        # A doubt on an item the record does not hold is a doubt on each of its items.
        (
            [doc("minutes", [{"fact": "decision", "item": "9"}])],
            set(),
            {("minutes", "decision", "item-2"), ("minutes", "decision", "item-3")},
            set(),
        ),
        ([doc("agenda", [{"fact": "citation", "value": "2020-02-04"}])], set(), set(), {"2020-02-04"}),
    ],
)
def test_a_page_is_told_which_facts_are_in_doubt(docs, facts, rows, citations):
    shown = unconfirmed(config(), docs)
    assert (set(shown.facts), set(shown.rows), set(shown.citations)) == (facts, rows, citations)


def test_a_page_marks_or_leaves_out_as_the_site_says():
    minutes = doc("minutes", [{"fact": "date", "value": "2020-03-03", "why": "typo?"}], warnings=("a note",))
    marked = unconfirmed(config(), [minutes])
    assert marked.marks("date") and not marked.omits("date")
    assert marked.reasons == ("The date (2020-03-03): typo?",) and marked.notes == ("a note",)
    for setting in ("omit", "refuse"):
        left_out = unconfirmed(config(unreviewed=setting), [minutes])
        assert left_out.omits("date") and not left_out.marks("date")
        assert left_out.reasons == ("The date",) and left_out.notes == ()
    # The site asked for every note, reviewed or not.
    reviewed = Document(
        minutes.source, DocumentRecord.from_mapping({**BASE, "warnings": ["a note"], "reviewed": True}), "", 1, "m", ""
    )
    assert unconfirmed(config(review_notes=True), [reviewed]).notes == ("a note",)
    assert not unconfirmed(config(), [reviewed])
    assert date_in_doubt(config(), [minutes]) == "mark"
    assert date_in_doubt(config(unreviewed="omit"), [minutes]) == "omit"
    assert date_in_doubt(config(), [doc("minutes", [{"fact": "venue"}])]) == ""


def test_an_item_without_a_doubt_is_not_marked():
    shown = unconfirmed(config(), [doc("minutes", [{"fact": "decision", "item": "3"}])])
    assert shown.of_item("minutes", "item-3") == {"decision"}
    assert shown.of_item("minutes", "item-2") == frozenset()
    assert shown.of_item("agenda", "item-3") == frozenset()
