"""What happened during a meeting: changes of chair, comings and goings, councillors named.

Each reader has a table of invented sentences; the position rule (a sentence at the end of an
item's text takes effect from the next item) is checked on small items of several lines.
"""

from __future__ import annotations

import pytest

from minutes.papers import convert_paper_text
from minutes.papers.item_text import ItemText
from minutes.papers.people_in_text import councillors_named, names_before
from minutes.papers.proceedings import read_proceedings
from minutes.records.record import ChairChange, Movement

DISCUSSION = "Members discussed the report and asked questions of the officers."
RESOLVED = "Resolved: - That the report be noted."


def _items(*items: tuple[str, list[str]]) -> list[ItemText]:
    """Items numbered as given, their lines indexed in order (item n's k-th line is n*100 + k)."""
    return [
        ItemText(number, tuple((n * 100 + k, text) for k, text in enumerate(lines)))
        for n, (number, lines) in enumerate(items)
    ]


def _minutes(*items: tuple[str, list[str]], chair: str = "Councillor Cusworth", opening=(), attendance=()):
    return read_proceedings(_items(*items), list(opening), list(attendance), chair, minutes=True)


# --- changes of chair ---------------------------------------------------------------------------

CHAIR_CHANGES = [
    # (items, expected (name, from_item, to_item))
    pytest.param(
        [
            (
                "60",
                [
                    DISCUSSION,
                    RESOLVED,
                    "Councillor Jarvis, the Vice-Chair took the Chair for the remainder of the meeting.",
                ],
            ),
            ("61", [DISCUSSION]),
        ],
        [("Councillor Jarvis", "61", "")],
        id="at the end of a minute: from the next",
    ),
    pytest.param(
        [
            ("60", [DISCUSSION, RESOLVED]),
            ("61", ["Councillor Jarvis, the Vice-Chair took the Chair for the remainder of the meeting.", DISCUSSION]),
        ],
        [("Councillor Jarvis", "61", "")],
        id="at the start of a minute: from that minute",
    ),
    pytest.param(
        [
            ("60", [DISCUSSION, "The Chair left the meeting at this point.", "Cr Jones took the chair.", RESOLVED]),
            ("61", [DISCUSSION]),
        ],
        [("Cr Jones", "60", "")],
        id="in the middle of a minute: from that minute",
    ),
    pytest.param(
        [
            ("4", [DISCUSSION, "The Chair left the meeting.", "Mayor Hale took the chair."]),
            ("5", [DISCUSSION]),
        ],
        [("Mayor Hale", "5", "")],
        id="comings and goings after it do not move it off the end",
    ),
    pytest.param(
        [("6", [DISCUSSION]), ("7", [DISCUSSION]), ("8", ["Cllr Brown took the chair for item 7 only.", DISCUSSION])],
        [("Cllr Brown", "7", "7")],
        id="for item 7 only",
    ),
    pytest.param(
        [("6", [DISCUSSION]), ("7", ["Cllr Brown took the chair for items 7 and 8.", DISCUSSION]), ("8", [DISCUSSION])],
        [("Cllr Brown", "7", "8")],
        id="for items 7 and 8",
    ),
    pytest.param(
        [("6", ["The Vice-Chair (Councillor Hale) took the chair for this item.", DISCUSSION]), ("7", [DISCUSSION])],
        [("Councillor Hale", "6", "6")],
        id="for this item",
    ),
    pytest.param(
        [("6", [DISCUSSION, "Councillor Hale assumed the chair for the following item."]), ("7", [DISCUSSION])],
        [("Councillor Hale", "7", "7")],
        id="for the following item",
    ),
    pytest.param(
        [("6", ["(Councillor Hale in the Chair)", DISCUSSION]), ("7", [DISCUSSION])],
        [("Councillor Hale", "6", "")],
        id="a note '(X in the Chair)' opening a minute",
    ),
    pytest.param(
        [
            ("3", [DISCUSSION, "Councillor Hale took the chair."]),
            ("4", [DISCUSSION, "The Chair resumed the chair."]),
            ("5", [DISCUSSION]),
        ],
        [("Councillor Hale", "4", ""), ("Councillor Cusworth", "5", "")],
        id="the chair resumes it",
    ),
    pytest.param(
        [("1", ["Councillor Cusworth took the chair.", DISCUSSION]), ("2", [DISCUSSION])],
        [],
        id="the chair the attendance names is no change",
    ),
    pytest.param(
        [("1", ["The Chair took the opportunity to welcome everyone.", "The Chair's ruling was noted."])],
        [],
        id="the chair doing other things",
    ),
    pytest.param(
        [("1", ["With Councillor Hale in the Chair, the Committee considered the report.", DISCUSSION])],
        [],
        id="'in the chair' inside a sentence",
    ),
]


@pytest.mark.parametrize(("items", "expected"), CHAIR_CHANGES)
def test_changes_of_chair(items, expected):
    changes = _minutes(*items).chair_changes
    assert [(c.name, c.from_item, c.to_item) for c in changes] == expected


def test_a_change_of_chair_keeps_its_sentence_and_line():
    read = _minutes(("60", [DISCUSSION, "Councillor Jarvis, the Vice-Chair took the\nChair."]), ("61", [DISCUSSION]))
    assert read.chair_changes == (
        ChairChange("Councillor Jarvis", "61", "", "Councillor Jarvis, the Vice-Chair took the Chair."),
    )
    assert read.roles == {1: "change of chair"}


def test_an_agenda_records_no_proceedings():
    items = _items(("6", [DISCUSSION, "Councillor Hale took the chair.", "Cllr Smith left the meeting."]))
    read = read_proceedings(items, [], [], "", minutes=False)
    assert (read.chair_changes, read.movements) == ((), ())
    assert read.mentions == {"6": ("Councillor Hale", "Cllr Smith")}


# --- comings and goings ------------------------------------------------------------------------

MOVEMENTS = [
    # (items, expected (name, change, item, time))
    pytest.param(
        [("5", [DISCUSSION, "Councillor Brown arrived at 7.15pm during minute 5.", RESOLVED]), ("6", [DISCUSSION])],
        [("Councillor Brown", "arrived", "5", "19:15")],
        id="arrived during a named minute, with the time",
    ),
    pytest.param(
        [("8", [DISCUSSION]), ("9", [DISCUSSION]), ("10", ["Cllr Young left the meeting after item 9.", DISCUSSION])],
        [("Cllr Young", "left", "9", "")],
        id="left after a named item",
    ),
    pytest.param(
        [("9", [DISCUSSION, "Cllr Young left the meeting at 8.40 pm.", RESOLVED]), ("10", [DISCUSSION])],
        [("Cllr Young", "left", "9", "20:40")],
        id="left in the middle of an item",
    ),
    pytest.param(
        [("9", [DISCUSSION]), ("10", ["Cllr Young left the meeting before this item.", DISCUSSION])],
        [("Cllr Young", "left", "9", "")],
        id="left before this item: the last item was the one before",
    ),
    pytest.param(
        [("3", [DISCUSSION, "Councillor Ann Lee joined the meeting at this point."]), ("4", [DISCUSSION])],
        [("Councillor Ann Lee", "arrived", "4", "")],
        id="arrived at the end of an item: there from the next",
    ),
    pytest.param(
        [("3", [DISCUSSION]), ("4", ["Councillor Ann Lee joined the meeting at this point.", DISCUSSION])],
        [("Councillor Ann Lee", "arrived", "4", "")],
        id="arrived at the start of an item: there from it",
    ),
    pytest.param(
        [("3", [DISCUSSION]), ("4", ["Cllr Young left the meeting.", DISCUSSION])],
        [("Cllr Young", "left", "3", "")],
        id="left at the start of an item: the last item was the one before",
    ),
    pytest.param(
        [
            (
                "58",
                [
                    DISCUSSION,
                    "Councillors Jarvis and Senior, who had declared an interest in the following item left the meeting at this point.",
                ],
            ),
            ("59", [DISCUSSION]),
        ],
        [("Councillor Jarvis", "left", "58", ""), ("Councillor Senior", "left", "58", "")],
        id="a list under a plural title, a clause between it and the verb",
    ),
    pytest.param(
        [("10", [DISCUSSION, "Tracey McErlain Baines, Zafar Saleem and Deborah Wildgoose left the meeting"])],
        [
            ("Tracey McErlain Baines", "left", "10", ""),
            ("Zafar Saleem", "left", "10", ""),
            ("Deborah Wildgoose", "left", "10", ""),
        ],
        id="names without titles, no full stop",
    ),
    pytest.param(
        [("60", [DISCUSSION, "The Chair, due to unforeseen circumstances left the meeting at this point."])],
        [("Councillor Cusworth", "left", "60", "")],
        id="the chair, by the name the attendance gives",
    ),
    pytest.param(
        [("7", ["Having declared an interest, Councillor Burton left the room.", DISCUSSION])],
        [("Councillor Burton", "left", "7", "")],
        id="a phrase before the name",
    ),
    pytest.param(
        [("7", ["Members asked how the figures had been arrived at.", "The Committee arrived at a decision."])],
        [],
        id="'arrived at' with no one arriving",
    ),
    pytest.param(
        [("7", ["He introduced Ms Morgan Harris, who had joined the meeting as an observer.", DISCUSSION])],
        [],
        id="a verb in a relative clause",
    ),
]


@pytest.mark.parametrize(("items", "expected"), MOVEMENTS)
def test_comings_and_goings(items, expected):
    movements = _minutes(*items).movements
    assert [(m.name, m.change, m.item, m.time) for m in movements] == expected


NOTED = [
    # (an attendance line, expected (name, change, item, time, text))
    (
        "Present: Cllr P Batty (Chairman), Cllr Hollick (arrived at 7.01pm), Cllr Jones",
        [("Cllr Hollick", "arrived", "", "19:01", "Cllr Hollick (arrived at 7.01pm)")],
    ),
    (
        "Present: Councillors Clayden, Jolly and Klimowicz (Councillor Clayden left the meeting after point 6)",
        [("Councillor Clayden", "left", "6", "", "Councillor Clayden left the meeting after point 6")],
    ),
    ("Present: Cllr P Batty (Chairman), Cllr Jones (Vice-Chairman)", []),
]


@pytest.mark.parametrize(("line", "expected"), NOTED)
def test_comings_and_goings_noted_in_an_attendance_list(line, expected):
    read = _minutes(("5", [DISCUSSION]), ("6", [DISCUSSION]), attendance=[(3, line)])
    assert [(m.name, m.change, m.item, m.time, m.text) for m in read.movements] == expected


def test_a_sentence_before_the_first_item_is_at_no_item():
    read = _minutes(("1", [DISCUSSION]), opening=[(2, "Commissioner Leonard arrived at 9:36 a.m.")])
    assert read.movements == (
        Movement("Commissioner Leonard", "arrived", "", "09:36", "Commissioner Leonard arrived at 9:36 a.m."),
    )


# --- councillors named -------------------------------------------------------------------------

MENTIONS = [
    ("Cllr Smith and Cr Jones spoke; Councillor Brown agreed.", ["Cllr Smith", "Cr Jones", "Councillor Brown"]),
    ("Mayor Hale took the chair.", ["Mayor Hale"]),
    ("The Deputy Mayor Cllr A. B. Smith welcomed Alderman Grey.", ["Deputy Mayor Cllr A. B. Smith", "Alderman Grey"]),
    ("Councillor V. Cusworth asked about placements.", ["Councillor V. Cusworth"]),
    ("Councillors Clark and Cusworth have been appointed.", ["Councillor Clark", "Councillor Cusworth"]),
    (
        "Membership:- Councillors Atkin, Cusworth (Chair) and Julie Turner",
        ["Councillor Atkin", "Councillor Cusworth", "Councillor Julie Turner"],
    ),
    ("Crs Collard & Smith moved the motion.", ["Cr Collard", "Cr Smith"]),
    ("Councillor Jarvis, the Vice-Chair took the Chair.", ["Councillor Jarvis"]),
    ("Moved Councillor Devenney Seconded Councillor Hussey", ["Councillor Devenney", "Councillor Hussey"]),
    ("COUNCILLOR SMITH declared an interest.", ["COUNCILLOR SMITH"]),
    ("The Council's councillors met; the mayor said I'm pleased.", []),
    ("Mr Davies, the Clerk, and Mrs Lee attended.", []),
    ("Councillor Role\nResponse Coordinator", []),
    ("Councillor Smith declared an interest. Councillor Smith left.", ["Councillor Smith"]),
]


@pytest.mark.parametrize(("text", "names"), MENTIONS)
def test_councillors_named(text, names):
    assert councillors_named(text) == names


SUBJECTS = [
    ("At this point, Councillors Jarvis and Senior", ["Councillor Jarvis", "Councillor Senior"]),
    ("Liz Thackray", ["Liz Thackray"]),
    ("Mrs. A. Clough", ["Mrs. A. Clough"]),
    ("The Chair", []),
    ("Members asked how the model had been", []),
    ("Everyone", []),
]


@pytest.mark.parametrize(("text", "names"), SUBJECTS)
def test_names_before_a_verb(text, names):
    assert names_before(text) == names


def test_each_item_of_converted_minutes_holds_the_councillors_it_names():
    text = (
        "Minutes of the Ordinary Meeting of Council held on 5 March 2019 at 7pm\n\n"
        "Present: Cr Smith (Chair), Cr Jones, Cr Brown\n\n"
        "1. Apologies\n\nCr White.\n\n"
        "2. Planning\n\nCr Jones asked about the application. Cr Brown left the meeting at 8.40pm.\n\n"
        "Cr Jones took the chair.\n\n"
        "3. Finance\n\nThe report was noted.\n"
    )
    (minutes,) = convert_paper_text(text, "content/papers/x.txt")
    record = minutes.record
    assert [(i.number, i.mentions) for i in record.items] == [
        ("1", ("Cr White",)),
        ("2", ("Cr Jones", "Cr Brown")),
        ("3", ()),
    ]
    assert [(c.name, c.from_item) for c in record.chair_changes] == [("Cr Jones", "3")]
    assert [(m.name, m.change, m.item, m.time) for m in record.movements] == [("Cr Brown", "left", "2", "20:40")]
