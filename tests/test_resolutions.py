"""A minute's resolutions are cut from its text once, each with what the minutes print after it."""

import pytest

from minutes.pages.resolution_spans import is_label, set_apart

CASES = [
    # (text, resolutions, expected text before, expected passages, expected label)
    (
        "Discussion.\n\nResolved: -\n\n1. That the report be noted.\n\n2. That a report follow.",
        ("That the report be noted.", "That a report follow."),
        "Discussion.",
        ("That the report be noted.", "That a report follow."),
        "Resolved",
    ),
    (
        "Text.\n\n**RESOLVED:**\n\n(1) That X be appointed to the panels below: -\n\n- Panel A: Councillor Smith\n\n"
        "(2) That Y be noted.",
        ("That X be appointed to the panels below: -", "That Y be noted."),
        "Text.",
        ("(1) That X be appointed to the panels below: -\n\n- Panel A: Councillor Smith", "(2) That Y be noted."),
        "Resolved",
    ),
    (
        "Agreed – that the date be fixed.",
        ("that the date be fixed.",),
        "",
        ("that the date be fixed.",),
        "Agreed",
    ),
    (
        "Nothing printed about it.",
        ("That the minutes be approved.",),
        "Nothing printed about it.",
        ("That the minutes be approved.",),
        "Resolved",
    ),
    (
        "Agreed: -\n\n1. That the plan be adopted.\n\n### Exempt items\n\nMore text.",
        ("That the plan be adopted.",),
        "",
        ("That the plan be adopted.",),
        "Agreed",
    ),
]


@pytest.mark.parametrize(("text", "resolutions", "before", "passages", "label"), CASES)
def test_set_apart(text, resolutions, before, passages, label):
    cut = set_apart(text, resolutions)
    assert cut.text == before
    assert cut.passages == passages
    assert cut.label == label


def test_text_after_a_heading_stays_after_the_resolutions():
    cut = set_apart(
        "Agreed: -\n\n1. That the plan be adopted.\n\n### Exempt items\n\nMore text.", ("That the plan be adopted.",)
    )
    assert cut.after == "### Exempt items\n\nMore text."


def test_no_resolutions_leaves_the_text_alone():
    assert set_apart("Some text.", ()).text == "Some text."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Resolved: -", True),
        ("**RESOLVED:**", True),
        ("Agreed –", True),
        ("It was resolved:", True),
        ("Resolved: that it be noted", False),
        ("The resolved issue", False),
        ("", False),
    ],
)
def test_is_label(line, expected):
    assert is_label(line) is expected


def test_printed_numbers_are_kept_and_not_numbered_again():
    printed = set_apart("Resolved: -\n\n- (1) That A.\n\n- (2) That B.", ("That A.", "That B."))
    assert printed.passages == ("(1) That A.", "(2) That B.") and not printed.numbered
    listed = set_apart("Resolved: -\n\n1. That A.\n\n2. That B.", ("That A.", "That B."))
    assert listed.passages == ("That A.", "That B.") and listed.numbered


def test_a_paragraph_after_the_last_resolution_is_not_part_of_it():
    cut = set_apart("Resolved: -\n\n(1) That A.\n\n(2) That B.\n\nThe Chair left the meeting.", ("That A.", "That B."))
    assert cut.passages == ("(1) That A.", "(2) That B.")
    assert cut.after == "The Chair left the meeting."
    announced = set_apart(
        "Resolved: -\n\n1. That X be noted: -\n\nCouncillor Clark and Councillor Cusworth.", ("That X be noted: -",)
    )
    assert announced.passages == ("That X be noted: -\n\nCouncillor Clark and Councillor Cusworth.",)


@pytest.mark.parametrize(
    "text, resolutions",
    [
        ("# That the report be noted", ("# That the report be noted",)),
        ("Text\n\n## RESOLVED that A.\n\nMore text", ("## RESOLVED that A.",)),
        ("RESOLVED that A.\n\n# Heading\n\nRESOLVED that B.", ("RESOLVED that A.", "RESOLVED that B.")),
    ],
)
def test_a_resolution_set_as_a_heading_or_after_one_keeps_its_words(text, resolutions):
    cut = set_apart(text, resolutions)
    words = " ".join([cut.text, *cut.passages, cut.after])
    for resolution in resolutions:
        assert resolution.lstrip("# ").split()[-1] in words
    assert all(cut.passages)
