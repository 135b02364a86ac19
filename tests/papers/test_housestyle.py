"""The house style: its file, learning it from a set of papers and from corrections, and reading with it.

All text is invented, in the shapes councils use."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import yaml

from minutes.papers import housestyle, learn
from minutes.papers.convert import convert_paper_text
from minutes.papers.housestyle import AttendanceStyle, Body, HeaderStyle, HouseStyle, ItemShape, Venue
from minutes.records.record import Attendance, DocumentRecord

# --- the file ---------------------------------------------------------------------------------------


def test_the_file_reads_back_as_written(tmp_path):
    style = HouseStyle(
        bodies=(Body("Perry Township", ("BOARD OF TRUSTEES",), housestyle.CORRECTED, 3, ("a/2021-01-01/minutes.md",)),),
        venues=(Venue("Perry Township Hall", papers=4),),
        items=(ItemShape(kind="minutes", number=r"\d{1,3}/\d{2}", example="41/19", titles=("Public Comment",)),),
        attendance=housestyle.AttendanceStyle({"present": ("Board Members Present",)}, ("called to order by",)),
    )
    path = tmp_path / "house-style.yaml"
    assert housestyle.write(path, style)
    assert path.read_text(encoding="utf-8").startswith("# The house style")
    again, problems = housestyle.read(path, "house-style.yaml")
    assert problems == [] and again == style
    assert not housestyle.write(path, again), "an unchanged style is not written again"


def test_a_pinned_entry_says_so_and_reads_back_pinned(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("bodies:\n- name: Perry Township\n  forms: [Board of Trustees]\n  pinned: true\n")
    style, problems = housestyle.read(path, "s.yaml")
    assert problems == [] and style.bodies[0].source == housestyle.PINNED
    assert "pinned: true" in housestyle.dump(style)


@pytest.mark.parametrize(
    "text, message",
    [
        ("bodies: [", "not valid YAML"),
        ("bodies: 3\n", "bodies must be a list"),
        ("colours: [red]\n", "unknown key 'colours'"),
        ("items:\n- number: '(['\n", "items[0].number is not a pattern"),
        ("items:\n- kind: report\n", "items[0].kind must be agenda or minutes"),
    ],
)
def test_a_bad_file_is_a_warning_naming_it_and_reads_as_no_style(tmp_path, text, message):
    path = tmp_path / "s.yaml"
    path.write_text(text)
    style, problems = housestyle.read(path, "content/house-style.yaml")
    assert style.is_empty()
    assert len(problems) == 1 and problems[0].path == "content/house-style.yaml" and message in problems[0].message


def test_counts_and_evidence_do_not_change_how_papers_are_read():
    a = HouseStyle(bodies=(Body("Perry Township", ("BOARD",), papers=2),))
    b = HouseStyle(bodies=(Body("Perry Township", ("BOARD",), papers=9, taught_by=("x.md",)),))
    c = HouseStyle(bodies=(Body("Perry Township", ("BOARD", "TOWN OF PERRY")),))
    assert a.reading_digest() == b.reading_digest() != c.reading_digest()


# --- numbers as patterns ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number, pattern",
    [
        ("41/19", r"\d{1,3}/\d{1,3}"),
        ("06-600", r"\d{1,3}\-\d{3}"),
        ("C12", r"C\d{1,3}"),
        ("7", ""),
        ("", ""),
        ("A", ""),
    ],
)
def test_number_pattern(number, pattern):
    assert learn.number_pattern(number) == pattern


# --- learning from the set -------------------------------------------------------------------------


def _observed(body_form="", body="", venue="", numbers=(), titles=(), meetings=1):
    return learn.Observed(
        ((body_form, body),) if body else (),
        (venue,) if venue else (),
        tuple(("minutes", n) for n in numbers),
        tuple(("minutes", t) for t in titles),
        meetings,
    )


def test_what_two_papers_share_is_learned_and_what_one_shows_is_not():
    style = learn.learn(
        [
            _observed("BOARD OF TRUSTEES", "Perry Township", "Township Hall", [r"\d{1,3}/\d{2}"], ["Public Comment"]),
            _observed(
                "Perry Township Board", "Perry Township", "Township Hall", [r"\d{1,3}/\d{2}"], ["Public Comment"]
            ),
            _observed("Planning Commission", "Planning Commission", "Library", [], ["Site Plans"]),
        ],
        housestyle.EMPTY,
    )
    assert [b.name for b in style.bodies] == ["Perry Township"]
    assert set(style.bodies[0].forms) == {"BOARD OF TRUSTEES", "Perry Township Board"}
    assert [v.name for v in style.venues] == ["Township Hall"]
    minutes = style.item_shape("minutes")
    assert minutes is not None and minutes.number == r"\d{1,3}/\d{2}" and minutes.titles == ("Public Comment",)


@pytest.mark.parametrize(
    ("titles", "learned"),
    [
        pytest.param(["Oak Township", "Public Comment"], ("Public Comment",), id="the body's name read as an item"),
        pytest.param(["OAK TOWNSHIP BOARD", "Public Comment"], ("Public Comment",), id="a form of the body's name"),
        pytest.param(["Oak Park", "Public Comment"], ("Oak Park", "Public Comment"), id="a title that names no body"),
    ],
)
def test_a_body_named_at_the_head_of_most_papers_is_not_learned_as_an_item_title(titles, learned):
    style = learn.learn(
        [_observed(form, "Oak Township", "", [], titles) for form in ("OAK TOWNSHIP BOARD", "Oak Township Board")],
        housestyle.EMPTY,
    )
    minutes = style.item_shape("minutes")
    assert minutes is not None and minutes.titles == learned


def test_what_a_person_taught_or_pinned_survives_learning():
    kept = HouseStyle(
        bodies=(Body("Board of Trustees", ("TOWN OF PERRY",), housestyle.CORRECTED),),
        items=(ItemShape(kind="minutes", paragraphs=True, source=housestyle.PINNED),),
    )
    style = learn.learn([_observed("X", "Perry Township"), _observed("X", "Perry Township")], kept)
    assert style.bodies[0] == kept.bodies[0] and {b.name for b in style.bodies} == {
        "Board of Trustees",
        "Perry Township",
    }
    assert style.items == kept.items


# --- learning from a correction ----------------------------------------------------------------------

PAPER = [
    "State of Ohio",
    "County of Lake",
    "Town of Perry",
    "BOARD OF TRUSTEES MEETING",
    "January 11, 2023",
    "The meeting was called to order by Supervisor Vane at 7:00 PM.",
    "Board Members Present: Ann Orr, Ben Pike, Cy Lund",
    "Public comment was heard and the agenda was approved after motion by Orr and second by Pike.",
    "The treasurer's report was given and the bills were paid after motion by Lund and second by Orr.",
    "Meeting adjourned at 8:10 pm.",
]


def _generated(**changes) -> DocumentRecord:
    values = {"kind": "minutes", "committee": "Town of Perry", "title": "Minutes"}
    values.update(changes)
    return DocumentRecord(**values)


def test_a_corrected_committee_teaches_the_form_the_paper_printed():
    lesson = learn.teach(
        "town-of-perry/2023-01-11/minutes.md", {"committee": "Perry Township"}, _generated(), "Town of Perry", PAPER
    )
    assert [(b.name, b.forms, b.source) for b in lesson.bodies] == [
        ("Perry Township", ("Town of Perry",), housestyle.CORRECTED)
    ]
    assert "the body 'Perry Township' is printed 'Town of Perry'" in lesson.said()


def test_corrected_paragraph_items_teach_that_each_paragraph_is_an_item():
    items = [{"number": "", "title": PAPER[7]}, {"number": "", "title": PAPER[8]}]
    lesson = learn.teach("m.md", {"kind": "minutes", "items": items}, _generated(), "", PAPER)
    assert lesson.items is not None and lesson.items.paragraphs and lesson.items.kind == "minutes"


def test_corrected_numbered_items_teach_their_numbering():
    items = [{"number": "41/19", "title": "Apologies"}, {"number": "42/19", "title": "Minutes"}]
    lesson = learn.teach(
        "m.md", {"kind": "minutes", "items": items}, _generated(), "", ["41/19 Apologies", "42/19 Minutes"]
    )
    assert lesson.items is not None and (lesson.items.number, lesson.items.example) == (r"\d{1,3}/\d{1,3}", "41/19")


def test_a_corrected_agenda_of_lines_teaches_lines_and_the_labels_that_group_them():
    lines = ["PERRY TOWNSHIP", "AGENDA", "May 4, 2021", "CALL TO ORDER:", "REPORTS:", "• Road Report", "ADJOURNMENT:"]
    items = [{"title": "CALL TO ORDER"}, {"title": "Road Report"}, {"title": "ADJOURNMENT"}]
    lesson = learn.teach("a.md", {"kind": "agenda", "items": items}, _generated(kind="agenda"), "", lines)
    assert lesson.items is not None and lesson.items.lines and lesson.items.not_items == ("REPORTS",)


RUN_IN_PAPER = [
    "ELM TOWNSHIP",
    "March 4, 2024 Minutes",
    "Meeting was called to order by Ann Orr, Supervisor at 7:00 pm",
    "Board Members Present: Ann Orr, Ben Pike, Cy Lund",
    "Motion made by Pike to pay the bills, seconded by Lund. Carried.",
    "**New Business:**",
    "Road Salt – two loads were bought for the winter.",
    "Hall Roof (east side – porch) – the board will seek quotes.",
    "**Old Business:**",
    "Cemetery Fence: the sexton reported it mended.",
    "Meeting adjourned at 8:10 pm.",
]


@pytest.mark.parametrize(
    ("text", "title", "rest"),
    [
        ("Road Salt – two loads were bought.", "Road Salt", "two loads were bought."),
        ("Cemetery Fence: the sexton reported it mended.", "Cemetery Fence", "the sexton reported it mended."),
        ("Hall Roof (east side – porch) – quotes sought.", "Hall Roof (east side – porch)", "quotes sought."),
        ("Public Comment: (14 in attendance)", "Public Comment", "(14 in attendance)"),
        (
            "Motion made by Pike to accept the agenda. Carried – 5, 0",
            "",
            "Motion made by Pike to accept the agenda. Carried – 5, 0",
        ),
        ("Motion by Pike, second by Lund – carried", "", "Motion by Pike, second by Lund – carried"),
        ("The meeting opened at 7:00 pm", "", "The meeting opened at 7:00 pm"),
        ("New Business:", "", "New Business:"),
        ("road salt – bought", "", "road salt – bought"),
        ("Well-known local roads were gritted", "", "Well-known local roads were gritted"),
        (
            "One two three four five six seven eight nine – too long a title",
            "",
            "One two three four five six seven eight nine – too long a title",
        ),
    ],
)
def test_the_words_a_paragraph_opens_with_before_a_dash_or_colon(text, title, rest):
    assert housestyle.run_in_title(text) == (title, rest)


def test_corrected_run_in_titles_teach_paragraphs_titled_by_their_opening_words():
    items = [
        {"title": PAPER_RUN_IN_MOTION},
        {"title": "Road Salt"},
        {"title": "Hall Roof (east side – porch)"},
        {"title": "Cemetery Fence"},
    ]
    lesson = learn.teach("m.md", {"kind": "minutes", "items": items}, _generated(), "", RUN_IN_PAPER)
    assert lesson.items is not None
    assert (lesson.items.paragraphs, lesson.items.run_in) == (True, True)
    assert lesson.items.not_items == ("New Business", "Old Business")
    assert "an item is titled by the words it opens with, before a dash or colon" in lesson.said()


def test_corrected_whole_paragraph_titles_teach_no_run_in_titles():
    items = [{"number": "", "title": PAPER[7]}, {"number": "", "title": PAPER[8]}]
    lesson = learn.teach("m.md", {"kind": "minutes", "items": items}, _generated(), "", PAPER)
    assert lesson.items is not None and lesson.items.paragraphs and not lesson.items.run_in


PAPER_RUN_IN_MOTION = RUN_IN_PAPER[4]


def test_corrected_attendance_teaches_its_label_and_the_chair_cue():
    attendance = {"chair": "Supervisor Vane", "present": ["Ann Orr", "Ben Pike", "Cy Lund"]}
    lesson = learn.teach("m.md", {"attendance": attendance}, _generated(attendance=Attendance()), "", PAPER)
    assert lesson.labels == {"present": ["Board Members Present:"]}
    assert lesson.chair_cues == ["called to order by"]


def test_a_name_in_a_sentence_is_not_taken_for_a_label():
    attendance = {"present": ["Supervisor Vane"]}
    lesson = learn.teach("m.md", {"attendance": attendance}, _generated(), "", PAPER)
    assert lesson.labels == {}


# --- reading with the style ---------------------------------------------------------------------------

MINUTES = "\n".join(PAPER) + "\n"


def test_a_known_body_outweighs_a_preamble_of_jurisdictions():
    plain = convert_paper_text(MINUTES, "p.txt")[0].record
    style = HouseStyle(bodies=(Body("Perry Township", ("BOARD OF TRUSTEES",)),))
    taught = convert_paper_text(MINUTES, "p.txt", style=style)[0].record
    assert plain.committee != "Perry Township" and taught.committee == "Perry Township"


def test_a_known_body_is_not_read_into_a_longer_name_that_holds_it():
    text = "PERRY TOWNSHIP PLANNING COMMISSION\nMinutes\nJanuary 11, 2023\n1. Apologies\nNone.\n2. Plans\nNoted.\n"
    style = HouseStyle(bodies=(Body("Perry Township", ()),))
    assert convert_paper_text(text, "p.txt", style=style)[0].record.committee == "Perry Township Planning Commission"


def test_paragraph_minutes_read_with_the_style_have_an_item_per_paragraph():
    style = HouseStyle(items=(ItemShape(kind="minutes", unnumbered=True, paragraphs=True),))
    record = convert_paper_text(MINUTES, "p.txt", style=style)[0].record
    assert [i.title for i in record.items] == [PAPER[7], PAPER[8]]
    assert convert_paper_text(MINUTES, "p.txt")[0].record.items != record.items


@pytest.mark.parametrize(
    ("run_in", "not_items", "titles"),
    [
        (
            True,
            ("New Business", "Old Business"),
            [RUN_IN_PAPER[4], "Road Salt", "Hall Roof (east side – porch)", "Cemetery Fence"],
        ),
        (
            True,
            (),
            [RUN_IN_PAPER[4], "Road Salt", "Hall Roof (east side – porch)", "Cemetery Fence"],
        ),
        # A paragraph to an item, titled whole, where the paper sets out labelled headings of its own (bold labels,
        # and paragraphs opening with a title in capitals): the paper's headings stand, and the record asks.
        (False, (), ["New Business", "Road Salt", "Old Business", "Cemetery Fence"]),
        (False, ("New Business", "Old Business"), [RUN_IN_PAPER[4], *RUN_IN_PAPER[6:8], RUN_IN_PAPER[9]]),
    ],
)
def test_paragraphs_read_with_run_in_titles_are_titled_by_their_opening_words(run_in, not_items, titles):
    shape = ItemShape("minutes", unnumbered=True, paragraphs=True, not_items=not_items, run_in=run_in)
    # as a correction taught it: a shape learned from papers gives way to the headings this paper sets out
    style = HouseStyle(items=(replace(shape, source=housestyle.CORRECTED, taught_by=("m.md",)),))
    document = convert_paper_text("\n".join(RUN_IN_PAPER) + "\n", "p.txt", style=style)[0]
    assert [i.title for i in document.record.items] == titles
    # the words after a run-in title stay the item's text: nothing of the paper is lost
    assert "two loads were bought for the winter." in document.body
    assert "the board will seek quotes." in document.body


def test_a_numbered_agenda_keeps_its_numbers_whatever_the_minutes_style():
    text = "PERRY TOWNSHIP BOARD\nAGENDA\nMay 4, 2021\n1. Call to order\n2. Minutes\n3. Roads\n4. Adjournment\n"
    style = HouseStyle(items=(ItemShape(kind="minutes", unnumbered=True, paragraphs=True),))
    assert [i.number for i in convert_paper_text(text, "p.txt", style=style)[0].record.items] == ["1", "2", "3", "4"]


def test_a_known_venue_is_read_where_it_is_printed():
    text = "PERRY TOWNSHIP BOARD\nMinutes\nJanuary 11, 2023 at the Township Hall, 12 Main St\n1. Apologies\nNone.\n"
    style = HouseStyle(venues=(Venue("Perry Township Hall", ("Township Hall, 12 Main St",)),))
    assert convert_paper_text(text, "p.txt", style=style)[0].record.venue == "Perry Township Hall"


def test_learned_labels_and_chair_cues_are_read():
    text = (
        "PERRY TOWNSHIP BOARD\nMinutes\nJanuary 11, 2023\nThe meeting opened, presided over by Ann Orr.\n"
        "Sitting Trustees - Ann Orr, Ben Pike\n\n1. Apologies\nNone.\n"
    )
    style = HouseStyle(attendance=housestyle.AttendanceStyle({"present": ("Sitting Trustees",)}, ("presided over by",)))
    plain = convert_paper_text(text, "p.txt")[0].record.attendance
    taught = convert_paper_text(text, "p.txt", style=style)[0].record.attendance
    assert (taught.chair, taught.present) == ("Ann Orr", ("Ann Orr", "Ben Pike"))
    assert (plain.chair, plain.present) != (taught.chair, taught.present)


# --- the header and the members' roles: taught by a correction, read in the next paper --------------------

TAUGHT_PAPER = [
    "Elm Township Minutes",
    "May 4, 2021",
    "",
    "The meeting was called to order by Ann Bell at 7:00 pm.",
    "Roll Call\tBoard Members\tPresent",
    "\tAnn Bell, Clerk\tX",
    "\tTom Reed, Trustee\tX",
    "Road Salt - the salt was bought.",
    "Public Comment - none was heard.",
]
CORRECTED = {
    "committee": "Elm Township",
    "date": dt.date(2021, 5, 4),
    "attendance": {"chair": "Ann Bell", "present": ["Ann Bell", "Tom Reed"]},
    "items": [{"title": "Road Salt"}, {"title": "Public Comment"}],
}


@pytest.mark.parametrize(
    ("lines", "changes", "header"),
    [
        (TAUGHT_PAPER, {}, HeaderStyle("Roll Call", ("{body} Minutes", "{date}"), housestyle.CORRECTED, ("m.md",))),
        # The roll call is an item of its own: the first item stands above the attendance.
        (
            ["Elm Township Minutes", "May 4, 2021", "Road Salt", *TAUGHT_PAPER[4:7], "Public Comment"],
            {},
            None,
        ),
        # The date is printed below the list of names: no header stands above it.
        ([TAUGHT_PAPER[0], *TAUGHT_PAPER[4:7], "May 4, 2021", *TAUGHT_PAPER[7:]], {}, None),
        # A record with no date or no one present shows no header to learn.
        (TAUGHT_PAPER, {"date": None}, None),
        (TAUGHT_PAPER, {"attendance": {"present": []}}, None),
    ],
)
def test_a_corrected_record_teaches_the_header_above_the_attendance(lines, changes, header):
    corrected = {**CORRECTED, **changes}
    lesson = learn.teach("m.md", corrected, _generated(committee="Elm Township"), "", lines)
    assert lesson.header == header
    if header:
        assert "the header ('{body} Minutes', '{date}') stands above 'Roll Call'" in " ".join(lesson.said())


@pytest.mark.parametrize(
    ("generated_in_attendance", "roles"),
    [
        (("Ann Bell",), ["Clerk"]),  # the converter took the clerk for an officer; the person made her a member
        ((), []),  # nobody moved: nothing to learn
        (("Sam Hale",), []),  # an officer the person left in attendance teaches nothing
    ],
)
def test_a_name_moved_to_those_present_teaches_its_printed_role(generated_in_attendance, roles):
    generated = _generated(attendance=Attendance(present=("Tom Reed",), in_attendance=generated_in_attendance))
    lesson = learn.teach("m.md", CORRECTED, generated, "", TAUGHT_PAPER)
    assert lesson.member_roles == roles


def test_the_header_and_member_roles_join_the_style_and_its_file_keeps_them():
    lesson = learn.teach(
        "m.md", CORRECTED, _generated(attendance=Attendance(in_attendance=("Ann Bell",))), "", TAUGHT_PAPER
    )
    style = learn.with_lessons(HouseStyle(), [lesson])
    assert style.header == lesson.header
    assert style.attendance is not None and style.attendance.member_roles == ("Clerk",)
    assert style.attendance.taught_by == ("m.md",)
    assert housestyle.parse(yaml.safe_load(housestyle.dump(style))) == style
    # Learning from the papers again keeps what the correction taught.
    assert learn.learn([], style).header == style.header
    # A pinned header stays whatever a later correction shows.
    pinned = replace(style, header=HeaderStyle("Present", (), housestyle.PINNED))
    assert learn.with_lessons(pinned, [lesson]).header == pinned.header


def _md(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# A second paper in the shape the correction showed, and one of another shape.
SAME_SHAPE = _md(
    "**Elm Township**",
    "",
    "**Mill Road Hall**",
    "",
    "**June 1, 2021 Minutes (Approved)**",
    "",
    "The meeting was called to order at 7:00 pm.",
    "",
    "Roll Call: Board Members Present",
    "Ann Bell, Clerk",
    "Tom Reed, Trustee",
    "",
    "**New Business**",
    "Road salt was bought.",
    "",
    "**Public Comment**",
    "None was heard.",
)
OTHER_SHAPE = _md(
    "**Elm Township**",
    "",
    "**June 1, 2021**",
    "",
    "**Call to Order**",
    "The meeting opened at 7 pm.",
    "",
    "Present: Ann Bell, Clerk; Tom Reed, Trustee",
    "",
    "**New Business**",
    "Road salt was bought.",
)
OFFICERS_APART = _md(
    "**Elm Township**",
    "",
    "**June 1, 2021**",
    "",
    "Present: Tom Reed, Joe Dunn",
    "In attendance: Ann Bell, Clerk",
    "",
    "**New Business**",
    "Road salt was bought.",
)
HEADER = HouseStyle(header=HeaderStyle("Roll Call", source=housestyle.CORRECTED))
MEMBERS = HouseStyle(attendance=AttendanceStyle(member_roles=("Clerk",), source=housestyle.CORRECTED))


@pytest.mark.parametrize(
    ("text", "style", "fact", "plain", "taught"),
    [
        # The header's lines are no items: the date under them is read, and only the business is itemised.
        (
            SAME_SHAPE,
            HEADER,
            "items",
            ["Elm Township", "Mill Road Hall", "June 1, 2021 Minutes (Approved)", "New Business", "Public Comment"],
            ["New Business", "Public Comment"],
        ),
        (SAME_SHAPE, HEADER, "date", None, dt.date(2021, 6, 1)),
        # A heading with business under it is an item, though it stands above the attendance.
        (OTHER_SHAPE, HEADER, "items", ["Call to Order", "New Business"], ["Call to Order", "New Business"]),
        # A clerk listed among those present is a member where the house style says so.
        (OTHER_SHAPE, MEMBERS, "present", ("Tom Reed",), ("Ann Bell", "Tom Reed")),
        # A clerk listed as in attendance stays there.
        (OFFICERS_APART, MEMBERS, "in_attendance", ("Ann Bell",), ("Ann Bell",)),
    ],
)
def test_the_next_paper_is_read_with_the_lesson_and_another_shape_as_before(text, style, fact, plain, taught):
    def fact_of(record: DocumentRecord) -> object:
        if fact == "items":
            return [i.title for i in record.items]
        if fact in ("present", "in_attendance"):
            return getattr(record.attendance, fact)
        return getattr(record, fact)

    assert fact_of(convert_paper_text(text, "p.md")[0].record) == plain
    assert fact_of(convert_paper_text(text, "p.md", style=style)[0].record) == taught


@pytest.mark.parametrize(
    ("attendance", "members", "attending"),
    [
        # Those the person listed in attendance are known to attend; the members guard them.
        (
            {"present": ["Ann Bell", "Tom Reed"], "apologies": ["Joe Dunn"], "in_attendance": ["Sue Pike"]},
            ("Ann Bell", "Tom Reed", "Joe Dunn"),
            ("Sue Pike",),
        ),
        # Nobody in attendance: no roster is kept.
        ({"present": ["Ann Bell", "Tom Reed"]}, (), ()),
        # Listed both ways in one record: a member.
        ({"present": ["Ann Bell"], "in_attendance": ["Ann Bell", "Sue Pike"]}, ("Ann Bell",), ("Sue Pike",)),
    ],
)
def test_a_corrected_record_teaches_who_attends_without_being_a_member(attendance, members, attending):
    lesson = learn.teach("m.md", {**CORRECTED, "attendance": attendance}, _generated(), "", TAUGHT_PAPER)
    style = learn.with_lessons(HouseStyle(), [lesson])
    got = style.attendance or AttendanceStyle()
    assert (got.members, got.attending) == (members, attending)
    assert housestyle.parse(yaml.safe_load(housestyle.dump(style))) == style
    if attending:
        assert f"{', '.join(repr(n) for n in attending)} attend and are not members" in lesson.said()
        assert got.taught_by == ("m.md",)


def test_a_later_correction_listing_an_attender_among_the_members_makes_them_one():
    first = learn.teach(
        "a.md",
        {**CORRECTED, "attendance": {"present": ["Tom Reed"], "in_attendance": ["Sue Pike"]}},
        _generated(),
        "",
        [],
    )
    second = learn.teach("b.md", {**CORRECTED, "attendance": {"present": ["Sue Pike"]}}, _generated(), "", [])
    style = learn.with_lessons(HouseStyle(), [first, second])
    assert style.attendance is None or not style.attendance.attending


MIXED_LIST = _md(
    "**Elm Selectboard**",
    "",
    "**June 1, 2021**",
    "",
    "Present: Tom Reed, Sue Pike, Joe Dunn, Bill Nye, Ann Orr.",
    "",
    "**New Business**",
    "Road salt was bought.",
)
ROSTER = AttendanceStyle(
    members=("Tom Reed", "Joe Dunn"),
    attending=("Sue Pike", "B Nye", "Orr"),
    source=housestyle.CORRECTED,
    taught_by=("m.md",),
)


@pytest.mark.parametrize(
    ("style", "present", "in_attendance"),
    [
        # Without the lesson, everyone listed is present.
        (None, ("Tom Reed", "Sue Pike", "Joe Dunn", "Bill Nye", "Ann Orr"), ()),
        # Those the correction listed in attendance attend here too, an initial matching a given name; a surname
        # alone matches only a surname alone, since people share surnames.
        (ROSTER, ("Tom Reed", "Joe Dunn", "Ann Orr"), ("Sue Pike", "Bill Nye")),
        # Someone both a member and an attender is left a member.
        (
            replace(ROSTER, members=("Tom Reed", "Sue Pike")),
            ("Tom Reed", "Sue Pike", "Joe Dunn", "Ann Orr"),
            ("Bill Nye",),
        ),
    ],
)
def test_those_a_correction_lists_in_attendance_attend_in_the_next_paper(style, present, in_attendance):
    record = convert_paper_text(MIXED_LIST, "p.md", style=HouseStyle(attendance=style))[0].record
    assert (record.attendance.present, record.attendance.in_attendance) == (present, in_attendance)


def test_explain_says_who_the_house_style_moved_to_those_attending():
    from minutes.papers.convert import convert_with_roles
    from minutes.papers.readers import read_paper

    paper = read_paper(MIXED_LIST.encode(), "p.md")
    conversion = convert_with_roles(paper, "p.md", style=HouseStyle(attendance=ROSTER))
    evidence = "\n".join(line for doc in conversion.evidence for line in doc)
    assert "attendance: house style: Sue Pike, Bill Nye attend, not members: the correction of m.md" in evidence


# --- the header learned from the set --------------------------------------------------------------------


def _header_minutes(day: int, *, header: bool = True) -> str:
    """Minutes of Oak Township's template: its name, address and date in bold above the roll call (a title that
    says the minutes were approved, which items.title-block does not take for the paper's title)."""
    top = f"**Oak Township**\n\n**Mill Road Hall**\n\n**May {day}, 2022 Minutes (Approved)**\n\n" if header else ""
    return (
        f"{top}Roll Call: Board Members\nAnn Bell, Clerk\nTom Reed, Trustee\n\n"
        + ("" if header else f"The meeting of May {day}, 2022 opened.\n\n")
        + "**Road Report**\nThe salt was bought.\n\n**Park Report**\nThe benches were painted.\n"
    )


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        pytest.param(_header_minutes(3), [("Roll Call", True)], id="header above the roll call, read as items"),
        pytest.param(_header_minutes(3, header=False), [], id="no dated line above the roll call"),
        pytest.param(
            _header_minutes(3).replace(
                "Roll Call: Board Members\nAnn Bell, Clerk\nTom Reed, Trustee",
                "Board members present were Trustee Reed, Trustee Dunn and Supervisor Bell.",
            ),
            [("Board members present were", True)],
            id="a label that runs on into the names",
        ),
        pytest.param(
            "OAK TOWNSHIP\nMinutes of the meeting held on 3 May 2022\n\nPresent: Ann Bell, Tom Reed\n\n"
            "1. Apologies\nNone.\n\n2. Roads\nThe salt was bought.\n",
            [("Present", False)],
            id="a dated title above the list, not read as an item",
        ),
    ],
)
def test_a_paper_shows_whether_its_dated_header_stands_above_the_attendance_and_was_read_as_items(text, seen):
    from minutes.papers.convert import convert_with_roles
    from minutes.papers.readers import read_paper

    paper = read_paper(text.encode(), "content/papers/paper.md")
    conversion = convert_with_roles(paper, "content/papers/paper.md", council="Oak Township")
    assert list(learn.dated_headers(conversion.documents, conversion.lines)) == seen


def _seen(header: tuple[tuple[str, bool], ...]) -> learn.Observed:
    return learn.Observed(meetings=1, kinds=("minutes",), header=header)


SHOWN, TAKEN, NONE = (("Roll Call", False),), (("Roll Call", True),), ()


@pytest.mark.parametrize(
    ("papers", "learned"),
    [
        pytest.param([TAKEN, TAKEN, SHOWN], True, id="all print it, two read it as items"),
        pytest.param([TAKEN, SHOWN, SHOWN], False, id="only one read it as items: nothing to gain"),
        pytest.param([TAKEN, TAKEN, NONE, NONE], False, id="half the minutes print no header there"),
        pytest.param([TAKEN], False, id="one paper"),
    ],
)
def test_the_header_is_learned_where_most_minutes_print_it_and_two_read_it_as_items(papers, learned):
    style = learn.learn([_seen(p) for p in papers], HouseStyle())
    assert (style.header is not None) == learned, style.header
    if learned:
        assert style.header == HeaderStyle("Roll Call", (), housestyle.LEARNED, (), len(papers))


def test_a_learned_header_gives_way_to_a_corrected_one_and_reads_back_from_the_file(tmp_path):
    corrected = HeaderStyle("Present", ("{date}",), housestyle.CORRECTED, ("a/2022-05-03/minutes.md",))
    style = learn.learn([_seen(TAKEN)] * 3, HouseStyle(header=corrected))
    assert style.header == corrected
    learned = learn.learn([_seen(TAKEN)] * 3, HouseStyle())
    path = tmp_path / "house-style.yaml"
    housestyle.write(path, learned)
    assert housestyle.read(path, "house-style.yaml") == (learned, [])
    assert learn.Observed.from_mapping(_seen(TAKEN).to_mapping()) == _seen(TAKEN)


def test_a_taught_label_over_those_present_keeps_the_clerk_on_its_line_in_attendance():
    # Correcting one record teaches "Present" as the label over those present; the clerk printed at the end of the
    # members' line was in attendance in that correction, so the next paper must not make the clerk a member.
    text = (
        "Elm Parish Council - 3rd March 2020\n\nPresent\n"
        "Councillors D Hale (Chair), S Linn, R Orme & P Marsh Clerk J Cole\n\n20.3.1 Apologies\nCouncillor M Pike\n"
    )
    style = HouseStyle(attendance=AttendanceStyle({"present": ("Present",)}, source=housestyle.CORRECTED))
    for taught in (convert_paper_text(text, "p.txt")[0], convert_paper_text(text, "p.txt", style=style)[0]):
        attendance = taught.record.attendance
        assert "J Cole" in attendance.in_attendance
        assert not any("Cole" in name for name in attendance.present)


def test_a_label_learned_from_a_numbered_item_heading_is_its_words_without_the_number():
    lines = ["Elm Parish Council - 3rd March 2020", "", "15.11.1 Apologies", "Councillors M Pike and T Vane", ""]
    lesson = learn.teach("m.md", {"attendance": {"apologies": ["M Pike", "T Vane"]}}, _generated(), "", lines)
    assert lesson.labels == {"apologies": ["Apologies"]}


# --- a lesson applied only where the paper fits it ------------------------------------------------------------

TAUGHT_PARAGRAPHS = ItemShape(
    "minutes", unnumbered=True, paragraphs=True, source=housestyle.CORRECTED, taught_by=("elm/2024-01-09/minutes.md",)
)
HEADED_MINUTES = [
    "ELM TOWNSHIP",
    "BOARD OF TRUSTEES MEETING",
    "November 26, 2024",
    "",
    "CALL TO ORDER",
    "Supervisor Orr called the meeting to order at 6:00pm.",
    "",
    "APPROVAL OF MINUTES",
    "The clerk emailed the October minutes before the meeting.",
    "A motion to approve the minutes was made by Pike, seconded by Lund. Motion carried.",
    "",
    "SUPERVISOR'S REPORT",
    "The supervisor met with the county about the bridge.",
    "The park depot was cleaned.",
    "",
    "HIGHWAY COMMISSIONER'S REPORT",
    "Snow removal equipment is ready to go.",
    "",
    "NEW BUSINESS",
    "A motion to buy road salt was made by Lund, seconded by Pike. Motion carried.",
    "",
]
ONE_HEADING_MINUTES = [
    "ELM PARISH COUNCIL",
    "Minutes of the extraordinary meeting held on 16th January 2008",
    "",
    "**APOLOGIES**",
    "",
    "Cllr Caunce had apologised as he had another commitment.",
    "",
    "**ALLEVIATION OF POTENTIAL FLOOD RISK**",
    "",
    "Following the heavy rainfall the culvert was blocked.",
    "",
    "The bank had to be cleared at once by a contractor.",
    "",
    "It was proposed by Cllr Stuart and seconded by Cllr Harris that the work be paid. All were in favour.",
    "",
]
PARAGRAPH_MINUTES = [
    "ELM TOWNSHIP",
    "Annual Town Meeting",
    "April 9, 2024",
    "",
    "It was moved and seconded that Ann Orr be elected moderator. Motion carried.",
    "",
    "A motion to approve the minutes of last year's meeting was made and carried.",
    "",
    "The supervisor reported on the budget for the coming year.",
    "",
]


@pytest.mark.parametrize(
    ("lines", "taught", "why"),
    [
        # Headings over a paragraph or two each: the paragraphs are the headings' text, not items.
        (HEADED_MINUTES, False, "heads its own business"),
        # A heading the paper's own reading takes for an item, dropped by a paragraph-an-item reading.
        (ONE_HEADING_MINUTES, False, "drops the heading"),
        # Business told in paragraphs, no heading of its own: the lesson fits.
        (PARAGRAPH_MINUTES, True, ""),
    ],
)
def test_a_taught_paragraph_an_item_is_read_only_where_the_paper_sets_out_no_headings_of_its_own(lines, taught, why):
    text = "\n".join(lines) + "\n"
    plain = convert_paper_text(text, "p.txt")[0].record
    record = convert_paper_text(text, "p.txt", style=HouseStyle(items=(TAUGHT_PARAGRAPHS,)))[0].record
    assert (record.items != plain.items) is taught
    said = [entry.why for entry in record.review if entry.fact == "item"]
    assert any(why in w for w in said) if why else not any("house style" in w for w in said)


ALSEA_LINES = [
    "January 16, 2020 Minutes",
    "Port of Elm Regular Commission Meeting",
    "",
    "Board President Bishop called the meeting to order at 2:00.",
    "",
    "Commissioners Present:  President Rob Bishop, Vice-President Jan Power, Secretary / Treasurer Buster Pankey, "
    "Chuck Pavlik, and Joe Rohleder were present.",
    "",
    "Management and Staff:  Roxie Cuellar, Port Manager",
    "",
]


@pytest.mark.parametrize(
    ("role", "names", "others", "label"),
    [
        # The words after the label's colon are the first name's title, not the label.
        ("present", ["Rob Bishop", "Jan Power", "Buster Pankey"], ["Roxie Cuellar"], "Commissioners Present:"),
        # A line that lists more of another list's names is no label of this one.
        # ("Sam Bishop" and "Ann Power" attend; the members' line names Bishop and Power too).
        (
            "in_attendance",
            ["Sam Bishop", "Ann Power"],
            ["Rob Bishop", "Jan Power", "Buster Pankey", "Chuck Pavlik", "Joe Rohleder"],
            None,
        ),
    ],
)
def test_a_taught_label_ends_at_its_colon_and_is_never_another_lists(role, names, others, label):
    attendance = {role: names} | ({"present": others} if role != "present" else {"in_attendance": others})
    lesson = learn.teach("m.md", {"attendance": attendance}, _generated(), "", ALSEA_LINES)
    assert lesson.labels.get(role, [None]) == [label]


@pytest.mark.parametrize(
    "labels",
    [{"present": ("Commissioners Present: President",)}, {"present": ("Commissioners Present:",)}],
)
def test_a_lesson_does_not_make_attenders_of_those_a_correction_listed_as_members(labels):
    members = ("Rob Bishop", "Jan Power", "Buster Pankey", "Joe Rohleder", "Chuck Pavlik")
    style = HouseStyle(
        attendance=AttendanceStyle(labels, (), housestyle.CORRECTED, ("m.md",), (), members, ("Roxie Cuellar",))
    )
    text = "\n".join(ALSEA_LINES) + "\n1. CALL TO ORDER\nDone.\n2. OLD BUSINESS\nNone.\n"
    record = convert_paper_text(text, "p.txt", style=style)[0].record
    assert not any("Power" in n or "Pankey" in n for n in record.attendance.in_attendance)
    assert sum(1 for n in record.attendance.present if "Power" in n or "Pankey" in n) == 2


_TIED_PATTERNS = """
from minutes.papers import learn
from minutes.papers.housestyle import EMPTY
papers = [
    learn.Observed(numbers=(("minutes", r"\\d{1,3}/\\d{2}"), ("minutes", r"\\d{1,3}/\\d{2}\\([a-z]\\)")), meetings=1, kinds=("minutes",))
    for _ in range(3)
]
print([shape.number for shape in learn.learn(papers, EMPTY).items])
"""


def test_two_numberings_as_common_give_the_same_style_whatever_the_hash_seed():
    """A paper's patterns were counted from a set, so of two as common the style took one by the strings' hashes."""
    import os
    import subprocess
    import sys

    said = {
        subprocess.run(
            [sys.executable, "-c", _TIED_PATTERNS],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(8)
    }
    assert len(said) == 1, said
