"""Which sentences of a minute record a declaration of interest."""

import pytest

from minutes.papers.extract import _DECLARED

CASES = [
    ("Councillor Jarvis declared a non-pecuniary interest in agenda item 9, as she was a board member.", True),
    ("Councillor Senior declared an interest in the item.", True),
    ("The following interests were declared: Councillor Wallis (personal).", True),
    ("Councillors Jarvis and Senior, who had declared an interest in the following item left the meeting.", False),
    ("No Declarations of Interest were made.", False),
    ("There were no declarations of interest.", False),
    ("Having declared an interest, Councillor Burton left the room.", False),
]


@pytest.mark.parametrize(("sentence", "is_declaration"), CASES)
def test_declaration_sentences(sentence, is_declaration):
    assert bool(_DECLARED.search(sentence)) is is_declaration
