"""The grammar of printed names: token classes, a list's separators, a name's shape, and what notes say."""

from __future__ import annotations

import pytest

from minutes.core.name_grammar import (
    TitleKind,
    TokenClass,
    absence_after,
    list_tokens,
    name_like,
    read_entry,
    title_kind,
    tokens,
)

T, G, I, N, R, H, O, W = (
    TokenClass.TITLE,
    TokenClass.GROUP_TITLE,
    TokenClass.INITIALS,
    TokenClass.NAME,
    TokenClass.ROLE,
    TokenClass.HONOUR,
    TokenClass.NOTE,
    TokenClass.WORD,
)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            "Cllr Dr A. G. Ewart MBE (Chair)",
            [(T, "Cllr"), (T, "Dr"), (I, "A."), (I, "G."), (N, "Ewart"), (H, "MBE"), (O, "Chair")],
        ),
        ("Councillors Hale", [(G, "Councillors"), (N, "Hale")]),
        ("The Rt. Hon. Ann Hale JP, DL", [(T, "The Rt. Hon."), (N, "Ann"), (N, "Hale"), (H, "JP"), (H, "DL")]),
        ("Ann Head", [(N, "Ann"), (R, "Head")]),
        ("Trustee Bob Orme (Excused Absent)", [(T, "Trustee"), (N, "Bob"), (N, "Orme"), (O, "Excused Absent")]),
        ("Anna van der Berg", [(N, "Anna"), (N, "van"), (N, "der"), (N, "Berg")]),
        ("the Clerk 2", [(W, "the"), (R, "Clerk"), (W, "2")]),
    ],
)
def test_tokens_tag_each_part_of_an_entry(entry, expected):
    assert [(t.kind, t.text) for t in tokens(entry)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cllrs Hale (Chair, Planning), Orme and Pike", ["Cllrs Hale (Chair, Planning)", ",", "Orme", "and", "Pike"]),
        ("Hale; Orme & Pike", ["Hale", ";", "Orme", "&", "Pike"]),
        ("Marks and Spencer", ["Marks", "and", "Spencer"]),
        (", Hale ,", [",", "Hale", ","]),
    ],
)
def test_list_tokens_cut_at_separators_never_inside_brackets(text, expected):
    found = list_tokens(text)
    assert [t.text.strip() for t in found] == expected
    assert all((t.kind == TokenClass.SEPARATOR) == (t.text.strip() in (",", ";", "and", "&")) for t in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cllr A. Hale", True),
        ("Peter “Chap” Cleere", True),
        ("Anna van der Berg", True),
        ("Ann Hale MBE (Chair)", True),
        ("O'Brien", True),
        ("Ann Head", True),
        ("the meeting", False),
        ("Item 5", False),
        ("Apologies were received", False),
        ("Ann Bob Cy Di Ed Flo", False),
        ("Ann Hale 2", False),
    ],
)
def test_name_like_is_titles_then_one_to_five_words_of_a_name(text, expected):
    assert name_like(text) is expected


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("Trustee Hale Absent", ("Trustee Hale", "absent")),
        ("Cr Brown (Excused Absent)", ("Cr Brown", "excused")),
        ("Cllr Hale (apologies)", ("Cllr Hale", "excused")),
        ("Cllr Hale - absent", ("Cllr Hale", "absent")),
        ("Cllr Hale (absent - ill)", ("Cllr Hale", "absent")),
        ("Absent", ("Absent", "")),
        ("Cllr Hale (Chair)", ("Cllr Hale (Chair)", "")),
    ],
)
def test_absence_after_a_name(entry, expected):
    assert absence_after(entry) == expected


@pytest.mark.parametrize(
    ("printed", "titles", "initials", "given", "surname", "honours", "status", "chair"),
    [
        ("Deputy Mayor Cllr Dr A Smith", ("Deputy Mayor", "Cllr", "Dr"), "A", (), "Smith", (), "", False),
        ("Mayor Pro Tem Okonkwo", ("Mayor Pro Tem",), "", (), "Okonkwo", (), "", False),
        ("Councillor Paul Lakin (in the Chair)", ("Councillor",), "P", ("paul",), "Lakin", (), "", True),
        ("A. G. Ewart, MBE (Excused)", (), "AG", (), "Ewart", ("MBE",), "excused", False),
        ("Hale (Acting Chairman) (part)", (), "", (), "Hale", (), "", True),
    ],
)
def test_read_entry(printed, titles, initials, given, surname, honours, status, chair):
    entry = read_entry(printed)
    assert (entry.titles, entry.initials, entry.given, entry.surname, entry.honours) == (
        titles,
        initials,
        given,
        surname,
        honours,
    )
    assert (entry.status, entry.chair) == (status, chair)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Cllr.", TitleKind.MEMBER),
        ("Councillors", TitleKind.MEMBER),
        ("Deputy  Mayor", TitleKind.MEMBER),
        ("Trustees", TitleKind.BOARD),
        ("Vice-President", TitleKind.BOARD),
        ("Dr", TitleKind.PERSONAL),
        ("Chair", None),
    ],
)
def test_title_kind(title, kind):
    assert title_kind(title) == kind
