"""A house style's lessons are tried on each paper before they are kept for it: a lesson the paper
contradicts is not applied and the record asks a person instead; one the paper bears out is applied; and a
lesson never takes away a fact the paper's own reading found. Papers and lessons are invented."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from minutes.papers import housestyle as hs
from minutes.papers import learn, style_trial
from minutes.papers.convert import convert_paper_text, convert_with_roles
from minutes.papers.readers import read_paper
from minutes.records.record import Item

TAUGHT = ("perry-township/2023-01-11/minutes.md",)

# A correction filed one paper under the Planning Commission; the converter had read the council's name.
PLANNING = hs.Body("Planning Commission", ("Perry Township",), hs.CORRECTED, taught_by=TAUGHT)
# A correction read each paragraph of business in one paper's minutes as an item.
PARAGRAPHS = hs.ItemShape("minutes", unnumbered=True, paragraphs=True, source=hs.CORRECTED, taught_by=TAUGHT)
# A correction named the chair after these words in one paper.
OPENED_BY = hs.AttendanceStyle({}, ("opened by Trustee",), hs.CORRECTED, TAUGHT)
# What most papers shared: items numbered "(23-101)".
LEARNED_NUMBERS = hs.ItemShape("minutes", r"\d{1,3}\-\d{3}", "23-101", papers=4)


def _paper(*lines: str) -> str:
    return "\n".join(lines) + "\n"


BOARD = _paper(
    "PERRY TOWNSHIP",
    "BOARD MEETING",
    "March 8, 2023",
    "",
    "Present: Ann Orr, Ben Pike (Chair), Cy Lund",
    "",
    "The meeting was opened by Trustee Ann Orr.",
    "",
    "1. Minutes",
    "Approved.",
    "",
    "2. Roads",
    "The grader was sold after a motion by Orr.",
    "",
)
COMMISSION = _paper(
    "PERRY TOWNSHIP",
    "PLANNING COMMISSION",
    "March 9, 2023",
    "",
    "Present: Ann Orr, Ben Pike",
    "",
    "The site plan was tabled after a motion by Orr.",
    "",
    "The rezoning was approved after a motion by Pike.",
    "",
)
OPENED = _paper(
    "PERRY TOWNSHIP",
    "BOARD MEETING",
    "March 8, 2023",
    "",
    "The meeting was opened by Trustee Ann Orr.",
    "",
    "Present: Ann Orr, Ben Pike, Cy Lund",
    "",
    "1. Minutes",
    "Approved.",
    "",
    "2. Roads",
    "The grader was sold after a motion by Orr.",
    "",
)
CHAIR_TAKEN = OPENED.replace(
    "Present: Ann Orr, Ben Pike, Cy Lund\n", "Present: Ann Orr, Ben Pike, Cy Lund\n\nBen Pike took the chair.\n"
)
NUMBERS_INSIDE = _paper(
    "PERRY TOWNSHIP",
    "BOARD MEETING",
    "March 8, 2023",
    "",
    "Present: Ann Orr, Ben Pike",
    "",
    "(23-101) The minutes were approved.",
    "",
    "(23-102) The grader was sold.",
    "",
    "(23-103) The mowing contract was renewed.",
    "",
)
TIME_IN_OPENING = _paper(
    "Perry Township Minutes",
    "7:00 PM at the Township Hall",
    "",
    "Present: Ann Orr, Ben Pike",
    "",
    "The site plan was tabled after a motion by Orr.",
    "",
    "The rezoning was approved after a motion by Pike.",
    "",
)


def _read(text: str, style: hs.HouseStyle):
    documents = convert_paper_text(text, "content/papers/paper.txt", council="Perry Township", style=style)
    assert len(documents) == 1
    return documents[0].record


def _withheld(record, fact: str) -> list[str]:
    """The review entries that say a lesson of the house style was not applied to this fact."""
    return [e.why for e in record.review if e.fact == fact and "house style" in e.why]


def _items(record) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in record.items]


CONTRADICTED = [
    pytest.param(
        BOARD,
        hs.HouseStyle(bodies=(PLANNING,)),
        "committee",
        lambda r: r.committee == "Perry Township",
        "Planning Commission",
        id="a body taught by the council's own name, on a paper that does not print the body",
    ),
    pytest.param(
        BOARD,
        hs.HouseStyle(items=(PARAGRAPHS,)),
        "item",
        lambda r: _items(r) == [("1", "Minutes"), ("2", "Roads")],
        "numbers its own items",
        id="paragraphs as items, on a paper that numbers its items",
    ),
    pytest.param(
        NUMBERS_INSIDE,
        hs.HouseStyle(items=(PARAGRAPHS,)),
        "item",
        lambda r: not any(i.title.startswith("(23-") for i in r.items),
        "start with a number",
        id="paragraphs as items, on a paper that prints a number at the head of each",
    ),
    pytest.param(
        CHAIR_TAKEN,
        hs.HouseStyle(attendance=OPENED_BY),
        "chair",
        lambda r: r.attendance.chair == "Ben Pike",
        "'Ann Orr'",
        id="a chair's cue, on a paper that marks its own chair",
    ),
]


@pytest.mark.parametrize(("paper", "style", "fact", "kept", "said"), CONTRADICTED)
def test_a_lesson_the_paper_contradicts_is_not_applied_and_asks_a_person(paper, style, fact, kept, said):
    record = _read(paper, style)
    assert kept(record), record
    asked = _withheld(record, fact)
    assert len(asked) == 1 and said in asked[0], record.review
    assert TAUGHT[0] in asked[0] or fact == "chair", "the review entry names the correction that taught it"


SUPPORTED = [
    pytest.param(
        COMMISSION,
        hs.HouseStyle(bodies=(PLANNING,)),
        lambda r: r.committee == "Planning Commission",
        id="a taught body, on a paper that prints its name as a heading",
    ),
    pytest.param(
        COMMISSION,
        hs.HouseStyle(items=(PARAGRAPHS,)),
        lambda r: (
            [t for _, t in _items(r)]
            == [
                "The site plan was tabled after a motion by Orr.",
                "The rezoning was approved after a motion by Pike.",
            ]
        ),
        id="paragraphs as items, on a paper with no headings or numbers",
    ),
    pytest.param(
        OPENED,
        hs.HouseStyle(attendance=OPENED_BY),
        lambda r: r.attendance.chair == "Ann Orr",
        id="a chair's cue, on a paper that names no chair otherwise",
    ),
    pytest.param(
        NUMBERS_INSIDE,
        hs.HouseStyle(items=(PARAGRAPHS, LEARNED_NUMBERS)),
        lambda r: (
            _items(r)
            == [
                ("23-101", "The minutes were approved"),
                ("23-102", "The grader was sold"),
                ("23-103", "The mowing contract was renewed"),
            ]
        ),
        id="the archive's numbering, where one correction's paragraphs do not fit",
    ),
    pytest.param(
        BOARD,
        hs.HouseStyle(bodies=(hs.Body("Planning Commission", ("Perry Township",), hs.PINNED),)),
        lambda r: r.committee == "Planning Commission",
        id="a pinned body holds whatever the paper prints",
    ),
]


@pytest.mark.parametrize(("paper", "style", "applied"), SUPPORTED)
def test_a_lesson_the_paper_bears_out_is_applied(paper, style, applied):
    record = _read(paper, style)
    assert applied(record), record
    assert not [e for e in record.review if "house style" in e.why], record.review


NEVER_LOWERED = [
    pytest.param(TIME_IN_OPENING, hs.HouseStyle(items=(PARAGRAPHS,)), "time", "19:00", id="time in the opening"),
    pytest.param(
        TIME_IN_OPENING, hs.HouseStyle(items=(PARAGRAPHS,)), "venue", "Township Hall", id="venue in the opening"
    ),
    pytest.param(CHAIR_TAKEN, hs.HouseStyle(attendance=OPENED_BY), "chair", "Ben Pike", id="chair named by the paper"),
    pytest.param(BOARD, hs.HouseStyle(bodies=(PLANNING,)), "committee", "Perry Township", id="committee printed"),
]


@pytest.mark.parametrize(("paper", "style", "fact", "printed"), NEVER_LOWERED)
def test_teaching_never_lowers_a_fact_the_paper_itself_supports(paper, style, fact, printed):
    def value(record):
        return getattr(record.attendance, fact) if fact == "chair" else getattr(record, fact)

    assert value(_read(paper, hs.EMPTY)) == printed, "the paper's own reading finds it"
    assert value(_read(paper, style)) == printed, "and the lesson does not take it away"


def test_what_most_papers_share_stays_beside_what_one_correction_taught():
    observed = [
        learn.Observed(numbers=(("minutes", r"\d{1,3}\-\d{3}"),), titles=(("minutes", "Minutes"),), meetings=1)
        for _ in range(3)
    ]
    style = learn.learn(observed, hs.HouseStyle(items=(PARAGRAPHS,)))
    shapes = [(s.kind, s.source, s.paragraphs, s.number) for s in style.items]
    assert shapes == [("minutes", hs.CORRECTED, True, ""), ("minutes", hs.LEARNED, False, r"\d{1,3}\-\d{3}")]

    # A second correction of minutes replaces the first correction, not what the papers share.
    taught = learn.Lesson(
        "perry-township/2023-02-08/minutes.md", items=hs.ItemShape("minutes", lines=True, source=hs.CORRECTED)
    )
    after = learn.with_lessons(style, [taught])
    assert [(s.source, s.lines, s.paragraphs) for s in after.items] == [
        (hs.CORRECTED, True, False),
        (hs.LEARNED, False, False),
    ]


def test_a_list_of_names_the_paper_reads_is_not_emptied_by_a_lesson():
    paper = read_paper(COMMISSION.encode(), "content/papers/paper.txt")
    plain = convert_with_roles(paper, "content/papers/paper.txt", council="Perry Township")
    (document,) = plain.documents
    assert document.record.attendance.present == ("Ann Orr", "Ben Pike")
    # As a lesson may read it: an item more, and the list of those present lost with the lines it took.
    lesson_read = replace(
        document.record,
        attendance=replace(document.record.attendance, present=()),
        items=(Item(number="", title="Present: Ann Orr, Ben Pike", anchor="item-present"),),
    )
    styled = replace(plain, documents=(replace(document, record=lesson_read),))
    settled = style_trial.settle(plain, styled, hs.HouseStyle(items=(PARAGRAPHS,)), "Perry Township")
    (record,) = (d.record for d in settled.documents)
    assert record.attendance.present == ("Ann Orr", "Ben Pike")
    assert [i.title for i in record.items] == ["Present: Ann Orr, Ben Pike"], "the rest of the lesson's reading stands"


LEARNED_PARAGRAPHS = hs.ItemShape("minutes", unnumbered=True, paragraphs=True, papers=3)
HEADED = _paper(
    "PERRY TOWNSHIP",
    "BOARD MEETING",
    "March 8, 2023",
    "",
    "Present: Ann Orr, Ben Pike",
    "",
    "**Old Business**",
    "",
    "The grader was sold after a motion by Orr.",
    "",
    "**New Business**",
    "",
    "The mowing contract was renewed after a motion by Pike.",
    "",
)


@pytest.mark.parametrize(
    ("observed", "learned"),
    [
        pytest.param([("minutes", True)] * 2 + [("minutes", False)], True, id="most minutes told in paragraphs"),
        pytest.param([("minutes", True)] + [("minutes", False)] * 2, False, id="one paper of three"),
        pytest.param([("agenda", True)] * 3, False, id="agendas are not paragraphs of business"),
    ],
)
def test_minutes_told_in_paragraphs_by_most_papers_are_learned(observed, learned):
    papers = [learn.Observed(meetings=1, kinds=(kind,), unheaded=(kind,) if told else ()) for kind, told in observed]
    style = learn.learn(papers, hs.EMPTY)
    assert any(s.paragraphs and s.source == hs.LEARNED for s in style.items) == learned, style.items


@pytest.mark.parametrize(
    ("paper", "titles"),
    [
        pytest.param(
            COMMISSION,
            ["The site plan was tabled after a motion by Orr.", "The rezoning was approved after a motion by Pike."],
            id="a paper that sets out no items of its own",
        ),
        pytest.param(HEADED, ["Old Business", "New Business"], id="a paper that heads its items"),
    ],
)
def test_learned_paragraphs_are_read_only_where_a_paper_sets_out_no_items(paper, titles):
    record = _read(paper, hs.HouseStyle(items=(LEARNED_PARAGRAPHS,)))
    assert [i.title for i in record.items] == titles


# A correction showed the header above the roll call, and the clerk among the members. (The title says the
# minutes were approved, so without the lesson it is not read as the paper's title block: items.title-block.)
HEADER_ABOVE = hs.HeaderStyle("Roll Call", ("{body} Minutes", "{date}"), hs.CORRECTED, TAUGHT)
CLERK_A_MEMBER = hs.AttendanceStyle(source=hs.CORRECTED, taught_by=TAUGHT, member_roles=("Clerk",))
HEADED = _paper(
    "**Perry Township**",
    "",
    "**March 8, 2023 Minutes (Approved)**",
    "",
    "The meeting was called to order at 7:00 pm.",
    "",
    "Present: Ann Orr, Clerk; Ben Pike, Trustee",
    "",
    "**New Business**",
    "The grader was sold after a motion by Orr.",
    "",
    "**Public Comment**",
    "None was heard.",
)


@pytest.mark.parametrize(
    ("style", "fact", "plain", "taught"),
    [
        (hs.HouseStyle(header=HEADER_ABOVE), "date", None, dt.date(2023, 3, 8)),
        (hs.HouseStyle(header=HEADER_ABOVE), "items", ["Perry Township"], []),
        (hs.HouseStyle(attendance=CLERK_A_MEMBER), "present", ("Ben Pike",), ("Ann Orr", "Ben Pike")),
        # The clerk moved to those present: the list the lesson emptied is not filled again from the plain reading.
        (hs.HouseStyle(attendance=CLERK_A_MEMBER), "in_attendance", ("Ann Orr",), ()),
    ],
)
def test_a_taught_header_and_members_roles_are_kept_where_the_paper_bears_them_out(style, fact, plain, taught):
    def value(record):
        if fact == "items":
            return [i.title for i in record.items if "Township" in i.title]
        return getattr(record.attendance, fact) if fact in ("present", "in_attendance") else getattr(record, fact)

    read = convert_paper_text(HEADED, "content/papers/paper.md", council="Perry Township", style=style)[0].record
    assert value(convert_paper_text(HEADED, "content/papers/paper.md", council="Perry Township")[0].record) == plain
    assert value(read) == taught
    assert not [e for e in read.review if "house style" in e.why], read.review


ELM_STYLE = hs.HouseStyle(
    bodies=(
        hs.Body("Elm Township", ("Elm Township Board",), papers=6),
        hs.Body("Elm Township Planning Commission", papers=2),
    )
)


@pytest.mark.parametrize(
    ("paper", "own_reading", "committee"),
    [
        pytest.param(
            _paper(
                "ELM",
                "TOWNSHIP-WOOD COUNTY",
                "",
                "Planning Commission",
                "",
                "May 3, 2005",
                "",
                "The meeting of the Elm Township Planning",
                "Commission was called to order by Ann Orr at 6:30 p.m.",
                "",
                "Present: Ann Orr, Ben Pike",
                "",
            ),
            "Elm Township Planning Commission",
            "Elm Township Planning Commission",
            id="the council's name only as the start of the commission's, run on to the next line",
        ),
        pytest.param(
            _paper(
                "ELM TOWNSHIP",
                "",
                "May 3, 2005",
                "",
                "The meeting of the Elm Township Board",
                "was called to order by Ann Orr at 6:30 p.m.",
                "",
                "Present: Ann Orr, Ben Pike",
                "",
            ),
            "Elm Township Planning Commission",
            "Elm Township",
            id="a paper that prints the council's name as its heading",
        ),
        pytest.param(
            _paper(
                "ELM TOWNSHIP ANNUAL MEETING",
                "",
                "May 3, 2005",
                "",
                "The meeting was called to order by Ann Orr at 6:30 p.m.",
                "",
                "Present: Ann Orr, Ben Pike",
                "",
            ),
            "Elm Township Annual Meeting",
            "Elm Township",
            id="the paper's own reading ran the council's name on to what the meeting is: no other body",
        ),
        pytest.param(
            _paper(
                "Minutes of the Elm Township",
                "Meeting held on May 3, 2005",
                "",
                "Present: Ann Orr, Ben Pike",
                "",
            ),
            "Elm Township Meeting",
            "Elm Township",
            id="the council's name run on to the next line's 'Meeting': no other body",
        ),
    ],
)
def test_a_body_printed_only_inside_a_longer_bodys_name_is_not_borne_out(paper, own_reading, committee):
    """The set reading must not file a commission's minutes under the council because the council's name is the
    start of the commission's: the paper's own reading of the longer name stands."""
    text = read_paper(paper.encode(), "content/papers/paper.txt")
    plain = convert_with_roles(text, "content/papers/paper.txt", council="Elm Township")
    (document,) = plain.documents
    own = replace(document.record, committee=own_reading)
    plain = replace(plain, documents=(replace(document, record=own),))
    # As the lesson's reading may file it: under the body most papers name.
    styled = replace(plain, documents=(replace(document, record=replace(own, committee="Elm Township")),))
    settled = style_trial.settle(plain, styled, ELM_STYLE, "Elm Township")
    (record,) = (d.record for d in settled.documents)
    assert record.committee == committee
