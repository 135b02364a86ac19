"""The record contract: front-matter read into a record and written back, key by key, and each refusal.

Every expected value is written out here by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from minutes.records import characters
from minutes.records.record import DocumentRecord, RecordError, anchor_for, is_web_address

FULL = {
    "kind": "minutes",
    "committee": "Cabinet",
    "date": "2013-11-18",
    "time": "10:00",
    "venue": "Town Hall",
    "title": "Minutes of the Cabinet",
    "attendance": {
        "chair": "Councillor Hussain",
        "present": ["Councillor Hussain", "Councillor Wallis"],
        "apologies": ["Councillor Burton"],
        "in_attendance": ["Mr. Smith"],
        "membership": [{"name": "Councillor Hussain", "role": "Chair"}, {"name": "Councillor Wallis"}],
    },
    "chair_changes": [{"name": "Councillor Wallis", "from_item": "E31", "to_item": "E32", "text": "took the chair"}],
    "movements": [
        {"name": "Councillor Burton", "change": "arrived", "item": "E31", "time": "10:15", "text": "arrived late"},
        {"name": "Councillor Wallis", "change": "left", "item": "E32", "text": "left"},
    ],
    "items": [
        {
            "number": "E31",
            "title": "Deprived Neighbourhoods",
            "anchor": "item-e31",
            "pages": "1 - 4",
            "resolutions": ["That the report be received."],
            "declarations": ["Councillor Wallis: a personal interest"],
            "exempt": True,
            "truncated": True,
            "mentions": ["Councillor Burton"],
        },
        {"number": "E32", "title": "Any other business", "anchor": "item-e32"},
    ],
    "mentions": ["Councillor Read"],
    "citations": [
        {"text": "Minute No. C25", "committee": "Cabinet", "date": "2012-06-20", "minute": "C25"},
        {"text": "the minutes of the previous meeting", "date": "2013-10-21", "relation": "approves"},
    ],
    "next_meeting": {"date": "2013-12-16", "time": "13:00", "venue": "Town Hall", "text": "16th December"},
    "agenda_item": "5",
    "body_of": "Youth Cabinet",
    "source": {"paper": "content/papers/a.txt", "sha256": "abc", "lines": [25, 115], "ocr": True},
    "warnings": ["no time printed"],
}


def test_every_key_is_read_and_written_back_as_it_was():
    record = DocumentRecord.from_mapping(FULL)
    assert record.to_mapping() == FULL
    assert record.date == dt.date(2013, 11, 18)
    assert record.items[0].exempt and record.items[0].truncated and not record.items[1].exempt
    assert record.attendance.membership[0].role == "Chair"
    assert record.citations[0].relation == "cites" and record.citations[1].relation == "approves"
    assert record.next_meeting.date == dt.date(2013, 12, 16)
    assert record.source.lines == (25, 115) and record.source.ocr is True


def test_a_bare_record_is_written_with_its_required_keys_only():
    record = DocumentRecord.from_mapping({"kind": "report", "committee": " Cabinet "})
    assert record.to_mapping() == {
        "kind": "report",
        "committee": "Cabinet",
        "date": "",
        "time": "",
        "venue": "",
        "title": "Cabinet",
        "warnings": [],
    }


@pytest.mark.parametrize(
    ("data", "read"),
    [
        ({"date": dt.date(2013, 11, 18)}, {"date": dt.date(2013, 11, 18)}),
        ({"date": dt.datetime(2013, 11, 18, 10, 0)}, {"date": dt.date(2013, 11, 18)}),
        ({"date": " 2013-11-18 "}, {"date": dt.date(2013, 11, 18)}),
        ({"date": ""}, {"date": None}),
        ({"date": "1800-01-01"}, {"date": dt.date(1800, 1, 1)}),
        ({"date": "2200-12-31"}, {"date": dt.date(2200, 12, 31)}),
        ({"time": "00:00"}, {"time": "00:00"}),
        ({"time": "23:59"}, {"time": "23:59"}),
        ({"title": 2013}, {"title": "2013"}),
        ({"items": [{"number": "8.1", "title": "Sub-item"}]}, {"items_anchor": "item-8-1"}),
        ({"items": [{"title": "Call to Order"}]}, {"items_anchor": "item-call-to-order"}),
        ({"attendance": {"present": ["A", " ", "B "]}}, {"present": ("A", "B")}),
        ({"attendance": {"membership": ["Councillor A "]}}, {"membership": "Councillor A"}),
        ({"source": {"paper": "p.txt"}}, {"lines": (0, 0)}),
        ({"next_meeting": {"date": ""}}, {"next_date": None}),
        ({"attendance": None, "source": None, "next_meeting": None}, {"empty": True}),
        ({"items": [{"number": "1", "exempt": None}]}, {"exempt": False}),
    ],
)
def test_values_are_read_as_the_contract_says(data, read):
    record = DocumentRecord.from_mapping({"kind": "minutes", "committee": "Cabinet", **data})
    got = {
        "date": record.date,
        "time": record.time,
        "title": record.title,
        "items_anchor": record.items[0].anchor if record.items else None,
        "present": record.attendance.present,
        "membership": record.attendance.membership[0].name if record.attendance.membership else None,
        "lines": record.source.lines if record.source else None,
        "next_date": record.next_meeting.date if record.next_meeting else "none",
        "empty": record.attendance.is_empty() and record.source is None and record.next_meeting is None,
        "exempt": record.items[0].exempt if record.items else None,
    }
    assert {k: got[k] for k in read} == read


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        ([], "front-matter", "must be a mapping of keys to values"),
        (
            {"kind": "minutes", "committee": "C", "colour": "red"},
            "colour",
            "unknown key; expected one of agenda_item, attendance, body_of, chair_changes, citations, committee, date, "
            "end_time, items, kind, mentions, movements, next_meeting, recording, review, reviewed, source, time, "
            "title, venue, warnings, webcast",
        ),
        ({"kind": "notes", "committee": "C"}, "kind", "'notes' is not one of agenda, minutes, report, document"),
        ({"committee": "C"}, "kind", "'' is not one of agenda, minutes, report, document"),
        ({"kind": "minutes"}, "committee", "is required"),
        ({"kind": "minutes", "committee": " "}, "committee", "is required"),
        ({"kind": "minutes", "committee": "C", "time": "24:00"}, "time", "'24:00' is not a 24-hour HH:MM time"),
        ({"kind": "minutes", "committee": "C", "time": "9:30"}, "time", "'9:30' is not a 24-hour HH:MM time"),
        ({"kind": "minutes", "committee": "C", "time": "10:60"}, "time", "'10:60' is not a 24-hour HH:MM time"),
        ({"kind": "minutes", "committee": ["C"]}, "committee", "must be text, not a list or mapping"),
        ({"kind": "minutes", "committee": {"a": 1}}, "committee", "must be text, not a list or mapping"),
        ({"kind": "minutes", "committee": True}, "committee", "must be text, not true/false"),
        (
            {"kind": "minutes", "committee": "C", "date": "18/11/2013"},
            "date",
            "'18/11/2013' is not a date; write it as YYYY-MM-DD",
        ),
        (
            {"kind": "minutes", "committee": "C", "date": "1066-10-14"},
            "date",
            "1066-10-14 is not a plausible date for a council's papers (years 1800 to 2200); correct the year",
        ),
        (
            {"kind": "minutes", "committee": "C", "date": "2201-01-01"},
            "date",
            "2201-01-01 is not a plausible date for a council's papers (years 1800 to 2200); correct the year",
        ),
        ({"kind": "minutes", "committee": "C", "items": "E31"}, "items", "must be a list (lines starting with '- ')"),
        ({"kind": "minutes", "committee": "C", "items": ["E31"]}, "items[0]", "must be a mapping of keys to values"),
        (
            {"kind": "minutes", "committee": "C", "items": [{"pages": "1"}]},
            "items[0].number",
            "an item needs a number or a title",
        ),
        (
            {"kind": "minutes", "committee": "C", "items": [{"number": "1", "exempt": "yes"}]},
            "items[0].exempt",
            "must be true or false",
        ),
        (
            {"kind": "minutes", "committee": "C", "attendance": ["A"]},
            "attendance",
            "must be a mapping of keys to values",
        ),
        (
            {"kind": "minutes", "committee": "C", "attendance": {"present": [["A"]]}},
            "attendance.present",
            "must be a list of names",
        ),
        (
            {"kind": "minutes", "committee": "C", "attendance": {"present": [None]}},
            "attendance.present",
            "must be a list of names",
        ),
        (
            {"kind": "minutes", "committee": "C", "attendance": {"membership": [{"role": "Chair"}]}},
            "attendance.membership[0].name",
            "a member needs a name",
        ),
        (
            {"kind": "minutes", "committee": "C", "chair_changes": [{"name": "A", "at": "1"}]},
            "chair_changes[0].at",
            "unknown key; expected one of name, from_item, to_item, text",
        ),
        (
            {"kind": "minutes", "committee": "C", "chair_changes": [{"text": "x"}]},
            "chair_changes[0].name",
            "a change of chair needs the name of who took the chair",
        ),
        (
            {
                "kind": "minutes",
                "committee": "C",
                "items": [{"number": "1"}],
                "chair_changes": [{"name": "A", "from_item": "2"}],
            },
            "chair_changes[0].from_item",
            "'2' is not an item of this record (1); write the item's number as `items` gives it",
        ),
        (
            {"kind": "minutes", "committee": "C", "movements": [{"name": "A", "change": "left", "item": "9"}]},
            "movements[0].item",
            "'9' is not an item of this record (it has none); write the item's number as `items` gives it",
        ),
        (
            {"kind": "minutes", "committee": "C", "movements": [{"name": "A", "change": "came"}]},
            "movements[0].change",
            "'came' is not one of arrived, left",
        ),
        (
            {"kind": "minutes", "committee": "C", "movements": [{"change": "left"}]},
            "movements[0].name",
            "a movement needs the name of who arrived or left",
        ),
        (
            {"kind": "minutes", "committee": "C", "movements": [{"name": "A", "change": "left", "time": "7pm"}]},
            "movements[0].time",
            "'7pm' is not a 24-hour HH:MM time",
        ),
        (
            {"kind": "minutes", "committee": "C", "movements": [{"name": "A", "change": "left", "x": 1}]},
            "movements[0].x",
            "unknown key; expected one of name, change, item, time, text",
        ),
        (
            {"kind": "minutes", "committee": "C", "citations": [{"text": "t", "relation": "quotes"}]},
            "citations[0].relation",
            "'quotes' is not one of cites, approves, next",
        ),
        (
            {"kind": "minutes", "committee": "C", "citations": [{"text": "t", "date": "soon"}]},
            "citations[0].date",
            "'soon' is not a date; write it as YYYY-MM-DD",
        ),
        (
            {"kind": "minutes", "committee": "C", "next_meeting": "soon"},
            "next_meeting",
            "must be a mapping of keys to values",
        ),
        (
            {"kind": "minutes", "committee": "C", "next_meeting": {"date": "x"}},
            "next_meeting.date",
            "'x' is not a date; write it as YYYY-MM-DD",
        ),
        (
            {"kind": "minutes", "committee": "C", "source": {"lines": [1]}},
            "source.lines",
            "must be two line numbers, e.g. [12, 80]",
        ),
        (
            {"kind": "minutes", "committee": "C", "source": {"lines": [1, "2"]}},
            "source.lines",
            "must be two line numbers, e.g. [12, 80]",
        ),
        (
            {"kind": "minutes", "committee": "C", "source": {"lines": "1-2"}},
            "source.lines",
            "must be two line numbers, e.g. [12, 80]",
        ),
        ({"kind": "minutes", "committee": "C", "source": {"ocr": "yes"}}, "source.ocr", "must be true or false"),
    ],
)
def test_a_value_outside_the_contract_is_refused_naming_its_key(data, key, message):
    with pytest.raises(RecordError) as refused:
        DocumentRecord.from_mapping(data)
    assert (refused.value.key, refused.value.message) == (key, message)
    assert str(refused.value) == f"{key}: {message}"


def test_more_than_twelve_items_are_listed_with_an_ellipsis():
    items = [{"number": str(n)} for n in range(1, 15)]
    with pytest.raises(RecordError) as refused:
        DocumentRecord.from_mapping(
            {
                "kind": "minutes",
                "committee": "C",
                "items": items,
                "movements": [{"name": "A", "change": "left", "item": "99"}],
            }
        )
    assert "(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 …)" in refused.value.message


@pytest.mark.parametrize(
    ("number", "anchor"),
    [("E31", "item-e31"), ("8.1", "item-8-1"), ("  Item 5. ", "item-item-5"), ("---", "item"), ("", "item")],
)
def test_anchor_for(number, anchor):
    assert anchor_for(number) == anchor


def read(**data):
    return DocumentRecord.from_mapping({"kind": "minutes", "committee": "Cabinet", **data})


@pytest.mark.parametrize(
    ("attendance", "empty"),
    [
        ({}, True),
        ({"chair": "A"}, False),
        ({"present": ["A"]}, False),
        ({"apologies": ["A"]}, False),
        ({"in_attendance": ["A"]}, False),
        ({"membership": ["A"]}, False),
    ],
)
def test_attendance_is_empty_only_when_it_names_nobody(attendance, empty):
    assert read(attendance=attendance).attendance.is_empty() is empty


@pytest.mark.parametrize(
    ("entry", "read_as"),
    [
        ({"value": dt.date(2014, 11, 26)}, {"value": "2014-11-26"}),
        ({"value": dt.datetime(2014, 11, 26, 10, 30)}, {"value": "2014-11-26T10:30:00"}),
        ({"value": 17}, {"value": "17"}),
        ({"value": 0.5}, {"value": "0.5"}),
        ({"value": " as printed "}, {"value": "as printed"}),
        ({}, {"value": "", "lines": (0, 0), "item": "", "confidence": 0.0}),
        ({"lines": None, "confidence": None}, {"lines": (0, 0), "confidence": 0.0}),
        ({"lines": []}, {"lines": (0, 0)}),
        ({"lines": 12}, {"lines": (12, 12)}),
        ({"lines": [12, 14]}, {"lines": (12, 14)}),
        ({"lines": [1, 1]}, {"lines": (1, 1)}),
        ({"item": 17}, {"item": "17"}),
        ({"item": 8.1}, {"item": "8.1"}),
        ({"item": " E31 "}, {"item": "E31"}),
        ({"confidence": 0}, {"confidence": 0.0}),
        ({"confidence": 1}, {"confidence": 1.0}),
        ({"confidence": 0.35}, {"confidence": 0.35}),
    ],
)
def test_a_review_entry_is_read_as_the_contract_says(entry, read_as):
    (got,) = read(review=[{"fact": "date", "why": "two dates printed", **entry}]).review
    values = {"value": got.value, "lines": got.lines, "item": got.item, "confidence": got.confidence}
    assert {k: values[k] for k in read_as} == read_as
    assert type(got.confidence) is float


@pytest.mark.parametrize(
    ("entry", "key", "message"),
    [
        ({"value": True}, "value", "must be text, not true/false"),
        ({"value": ["a"]}, "value", "must be text, not a list or mapping"),
        ({"item": False}, "item", "must be text, not true/false"),
        ({"item": {"number": 1}}, "item", "must be text, not a list or mapping"),
        *(
            ({"lines": lines}, "lines", "must be the first and last line of the paper (1-based), e.g. [12, 14]")
            for lines in ([0, 1], [3, 2], [1, 2, 3], [5], "1-2", [True, 2], [1, False], True, 0, [1.0, 2])
        ),
        *(
            ({"confidence": value}, "confidence", f"{value!r} is not a number from 0 to 1, e.g. 0.35")
            for value in (1.5, 2, -0.1, True, "high", [0.5])
        ),
    ],
)
def test_a_review_entry_outside_the_contract_is_refused_naming_its_key(entry, key, message):
    with pytest.raises(RecordError) as refused:
        read(review=[{"fact": "date", **entry}])
    assert (refused.value.key, refused.value.message) == (f"review[0].{key}", message)


@pytest.mark.parametrize(
    ("data", "written"),
    [
        ({}, {}),
        ({"reviewed": True}, {"reviewed": True}),
        ({"review": [{"fact": "time", "why": "no time printed"}]}, {"reviewed": False}),
    ],
    ids=["neither", "reviewed-only", "review-only"],
)
def test_reviewed_is_written_once_anything_was_in_doubt_or_checked(data, written):
    mapping = read(**data).to_mapping()
    assert {k: mapping[k] for k in ("reviewed",) if k in mapping} == written


@pytest.mark.parametrize(
    ("page", "read_as"),
    [(None, 0), (0, 0), (1, 1), (7, 7), (100_000, 100_000)],
)
def test_an_items_paper_page_is_a_page_number(page, read_as):
    assert read(items=[{"number": "1", "paper_page": page}]).items[0].paper_page == read_as


@pytest.mark.parametrize("page", [-1, 100_001, True, "5", 2.0])
def test_an_items_paper_page_outside_the_paper_is_refused(page):
    with pytest.raises(RecordError) as refused:
        read(items=[{"number": "1", "paper_page": page}])
    assert (refused.value.key, refused.value.message) == (
        "items[0].paper_page",
        f"{page!r} is not a page number; write the page as a PDF viewer counts it, e.g. 5",
    )


@pytest.mark.parametrize(
    ("pages", "read_as"),
    [(None, (0, 0)), ([0, 0], (0, 0)), ([3, 22], (3, 22)), ([5, 5], (5, 5)), ([1, 100_000], (1, 100_000))],
)
def test_a_sources_pages_are_first_and_last(pages, read_as):
    assert read(source={"paper": "p.pdf", "pages": pages}).source.pages == read_as


@pytest.mark.parametrize("pages", [[3, 2], [0, 5], [1, 100_001], [1], [1, 2, 3], [True, 2], "3-22"])
def test_a_sources_pages_outside_the_paper_are_refused(pages):
    with pytest.raises(RecordError) as refused:
        read(source={"paper": "p.pdf", "pages": pages})
    assert (refused.value.key, refused.value.message) == (
        "source.pages",
        "must be the first and last page of the paper, e.g. [3, 22]",
    )


LONGEST = "https://example.org/" + "a" * 1980
"""2,000 characters: the longest address taken."""


@pytest.mark.parametrize(
    ("address", "taken"),
    [
        ("https://example.org/live", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/X", True),
        ("https://example.org/X", True),
        (LONGEST, True),
        (LONGEST + "a", False),
        ("ftp://example.org/file", False),
        ("javascript:alert(1)", False),
        ("/cabinet/", False),
        ("https://", False),
        ("https://example.org/a b", False),
        ("https://example.org/\x07", False),
        ('https://example.org/"', False),
        ("https://example.org/<", False),
        ("https://example.org/>", False),
        ("https://example.org/\\", False),
        ("https://example.org/`", False),
        ("http://[::1", False),
    ],
)
def test_is_web_address(address, taken):
    assert is_web_address(address) is taken


def test_a_webcast_that_is_no_address_is_refused_quoting_its_start():
    with pytest.raises(RecordError) as refused:
        read(webcast=LONGEST + "a")
    assert (refused.value.key, refused.value.message) == (
        "webcast",
        "'https://example.org/" + "a" * 60 + "' is not a web address; write it in full, starting https://",
    )


@pytest.mark.parametrize(
    ("count", "listed"),
    [(12, "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12"), (13, "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 …")],
)
def test_the_items_a_movement_may_name_are_listed_up_to_twelve(count, listed):
    with pytest.raises(RecordError) as refused:
        read(
            items=[{"number": str(n)} for n in range(1, count + 1)],
            movements=[{"name": "A", "change": "left", "item": "99"}],
        )
    assert (
        refused.value.message
        == f"'99' is not an item of this record ({listed}); write the item's number as `items` gives it"
    )


def test_unshowable_characters_are_found_by_the_quick_look_as_by_the_whole_set():
    """Every character of every plane: the quick look (`_MAY_BE_UNSHOWABLE`) never says "none" where the set
    of unshowable characters finds one, and what is found and removed is what the whole set finds."""
    whole = characters._UNSHOWABLE
    for code in range(0x110000):
        char = chr(code)
        assert characters.unshowable(char) == whole.findall(char), hex(code)
    text = "Minute 12 – £1,200 agreed\t\n\x07 é \ud800 \ufdd0 \ufffe \U0001fffe \U0001f600 \U0010ffff end"
    assert characters.unshowable(text) == whole.findall(text)
    assert characters.showable(text) == whole.sub("", text)
    assert characters.showable("plain words") == "plain words"
