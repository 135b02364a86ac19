"""A meeting as read: bodies cut at item headings, group headings, minutes matched to agenda items."""

import pytest
import yaml

from minutes.records.record import Item
from minutes.site.items import match_items, meeting_rows, minute_anchor, similarity, split_body

BODY = """Front sheet text.

## 1. Apologies {#item-1}

To receive apologies.

**For Decision:-**

## 2. Minutes of the previous meeting {#item-2}

*Pages 1–6*

### A sub-heading without an item anchor

More text.

**Items for Decision**

## 3. Budget {#item-3}
"""


def test_split_body_cuts_at_item_headings_and_moves_group_headings_forward():
    parts = split_body(BODY, {"item-1", "item-2", "item-3"})
    assert parts.preamble == "Front sheet text."
    assert parts.by_anchor["item-1"] == "\nTo receive apologies.".strip("\n")
    assert parts.groups["item-2"] == "**For Decision:-**"
    assert "### A sub-heading" in parts.by_anchor["item-2"] and "More text." in parts.by_anchor["item-2"]
    assert parts.groups["item-3"] == "**Items for Decision**"
    assert parts.by_anchor["item-3"] == ""
    assert "item-1" not in parts.groups


def test_every_line_of_the_body_lands_somewhere():
    parts = split_body(BODY, {"item-1", "item-2", "item-3"})
    kept = "\n".join([parts.preamble, *parts.by_anchor.values(), *parts.groups.values()])
    for line in BODY.splitlines():
        if line.strip() and "{#item-" not in line:
            assert line in kept


def items(*titles: str, prefix: str = "") -> tuple[Item, ...]:
    return tuple(Item(f"{prefix}{n}", t, f"item-{prefix.lower()}{n}") for n, t in enumerate(titles, start=1))


MATCHES = [
    # (agenda titles, minute titles, expected pairs as (agenda number or None, minute number or None))
    (
        ["Apologies for Absence", "Declarations of Interest", "Deprived Neighbourhoods - progress update"],
        ["DECLARATIONS OF INTEREST", "DEPRIVED NEIGHBOURHOODS - PROGRESS UPDATE"],
        [("1", None), ("2", "E1"), ("3", "E2")],
    ),
    (
        ["Declarations of Interest", "Budget"],
        ["Apologies for absence", "Declarations of interest", "Budget", "Date of next meeting"],
        [(None, "E1"), ("1", "E2"), ("2", "E3"), (None, "E4")],
    ),
    ([], ["Apologies"], [(None, "E1")]),
    (["Apologies"], [], [("1", None)]),
    (["Parks"], ["Parks", "Parks"], [("1", "E1"), (None, "E2")]),  # the first of equals
    (["Budget", "Parks"], ["Parks", "Budget"], [(None, "E1"), ("1", "E2"), ("2", None)]),  # never back in order
]


@pytest.mark.parametrize(("agenda", "minutes", "expected"), MATCHES)
def test_minutes_are_matched_to_agenda_items_by_title_in_order(agenda, minutes, expected):
    pairs = match_items(items(*agenda), items(*minutes, prefix="E"))
    got = [(a.number if a else None, m.number if m else None) for a, m in pairs]
    assert got == expected


def test_similarity_ignores_case_punctuation_and_filler_words():
    assert similarity("Minutes of the Previous Meeting", "MINUTES OF THE PREVIOUS MEETING.") == 1.0
    assert similarity("Budget", "Youth Cabinet") < 0.6


@pytest.mark.parametrize(
    ("number", "anchor"), [("E31", "minute-e31"), ("59", "minute-59"), ("8.1", "minute-8-1"), ("", "")]
)
def test_minute_anchor(number, anchor):
    assert minute_anchor(number) == anchor


@pytest.mark.parametrize(
    ("body", "groups", "by_anchor"),
    [
        (
            "## 1. A {#item-1}\n**For Decision:-**\n## 2. B {#item-2}\nb",
            {"item-2": "**For Decision:-**"},
            {"item-1": "", "item-2": "b"},
        ),
        (
            "## 1. A {#item-1}\na\n**For Information:**\n## 2. B {#item-2}",
            {"item-2": "**For Information:**"},
            {"item-1": "a", "item-2": ""},
        ),
        ("## 1. A {#item-1}\na\n## 2. B {#item-2}\nb\n", {}, {"item-1": "a", "item-2": "b"}),
        ("## 1. A {#item-1}\n   indented\nsee X\n", {}, {"item-1": "   indented\nsee X"}),
    ],
    ids=["group-first-line", "group-last-line", "no-group", "kept-as-written"],
)
def test_group_headings_are_found_on_any_line_of_the_item_before(body, groups, by_anchor):
    parts = split_body(body, {"item-1", "item-2"})
    assert (parts.groups, parts.by_anchor) == (groups, by_anchor)


def write(folder, name, front, body):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n{body}\n", "utf-8")


AGENDA_BODY = """Welcome.

## 1. Apologies {#item-1}

To receive apologies.

**For Decision:-**

## 2. Housing Strategy {#item-2}

The strategy.

## 3. Parks {#item-3}

Parks report."""

MINUTES_BODY = """Present: Councillor Read.

## E30. Apologies for absence {#item-e30}

None.

**Resolved:**

## E31. Housing Strategy {#item-e31}

Agreed.

## E32. Any other business {#item-e32}

   None raised. See Appendix X"""


def load_meeting(tmp_path, agenda: bool, minutes: bool):
    from minutes.core.config import load_config
    from minutes.site.load import load_site

    (tmp_path / "site.yaml").write_text("title: Minutes\n", "utf-8")
    folder = tmp_path / "content" / "meetings" / "cabinet" / "2013-11-18"
    common = {"committee": "Cabinet", "date": "2013-11-18"}
    if agenda:
        numbered = [("1", "Apologies"), ("2", "Housing Strategy"), ("3", "Parks"), ("4", "Close")]
        listed = [{"number": n, "title": t, "anchor": f"item-{n}"} for n, t in numbered]
        write(folder, "agenda.md", {"kind": "agenda", **common, "items": listed}, AGENDA_BODY)
    if minutes:
        numbered = [
            ("E30", "Apologies for absence"),
            ("E31", "Housing Strategy"),
            ("E32", "Any other business"),
            ("E33", "Exclusion of the press"),
        ]
        listed = [{"number": n, "title": t, "anchor": f"item-{n.lower()}"} for n, t in numbered]
        write(folder, "minutes.md", {"kind": "minutes", **common, "items": listed}, MINUTES_BODY)
    site = load_site(load_config(tmp_path))
    assert not site.problems, site.problems
    return site.meetings[("cabinet", "2013-11-18")]


def test_a_meeting_reads_as_agenda_items_each_with_its_minute_and_texts(tmp_path):
    rows, agenda, minutes = meeting_rows(load_meeting(tmp_path, agenda=True, minutes=True))
    got = [
        (
            r.agenda.number if r.agenda else None,
            r.minute.number if r.minute else None,
            r.agenda_text,
            r.minute_text,
            r.group_text,
        )
        for r in rows
    ]
    assert got == [
        ("1", "E30", "To receive apologies.", "None.\n\n**Resolved:**", ""),
        ("2", "E31", "The strategy.", "Agreed.", "**For Decision:-**"),
        ("3", None, "Parks report.", "", ""),
        ("4", None, "", "", ""),  # listed, with no heading of its own in the body
        (None, "E32", "", "   None raised. See Appendix X", ""),
        (None, "E33", "", "", ""),
    ]
    assert (agenda.preamble, minutes.preamble) == ("Welcome.", "Present: Councillor Read.")
    assert (minutes.groups, agenda.groups) == ({}, {"item-2": "**For Decision:-**"})


@pytest.mark.parametrize("which", ["agenda", "minutes"])
def test_a_meeting_with_one_document_has_rows_of_it_alone(tmp_path, which):
    rows, agenda, minutes = meeting_rows(load_meeting(tmp_path, agenda=which == "agenda", minutes=which == "minutes"))
    got = [(r.number, r.agenda_text, r.minute_text, r.group_text) for r in rows]
    if which == "agenda":
        assert got == [
            ("1", "To receive apologies.", "", ""),
            ("2", "The strategy.", "", "**For Decision:-**"),
            ("3", "Parks report.", "", ""),
            ("4", "", "", ""),
        ]
        assert (minutes.preamble, minutes.by_anchor, minutes.groups) == ("", {}, {})
    else:
        assert got == [
            ("E30", "", "None.\n\n**Resolved:**", ""),
            ("E31", "", "Agreed.", ""),
            ("E32", "", "   None raised. See Appendix X", ""),
            ("E33", "", "", ""),
        ]
        assert (agenda.preamble, agenda.by_anchor, agenda.groups) == ("", {}, {})
