"""Patterns tried only where a word they need is in the text: each word is needed, and no match is lost.

Each case below holds exactly one of its pattern's words, so a word left out of a pattern's list loses the
case's match; every word of every pattern has a case."""

from __future__ import annotations

import re
import sys
from collections import defaultdict

import pytest

from minutes.papers import broadcasts, confidence, decisions, extract
from minutes.papers.worded import Worded, lowered

CASES: list[tuple[str, Worded, str]] = [
    ("resolved", decisions._RESOLVED, "RESOLVED: That the minutes be approved."),
    ("resolved", decisions._RESOLVED, "Resolved that the report be noted."),
    ("resolved", decisions._RESOLVED, "The Council resolved to set the precept."),
    ("resolved", decisions._RESOLVED, "The panel discussed and resolved to support it."),
    ("resolved", decisions._RESOLVED, "PENDERFYNWYD: derbyn yr adroddiad."),
    ("resolved", decisions._RESOLVED, "Penderfynwyd: derbyn yr adroddiad."),
    ("agreed", decisions._AGREED, "It was agreed to repair the bus shelter."),
    ("agreed", decisions._AGREED, "Agreement was reached on the lease."),
    ("agreed", decisions._AGREED, "IT WAS AGREED TO PAY THE INVOICE."),
    ("outcome", decisions._OUTCOME, "Motion passes."),
    ("outcome", decisions._OUTCOME, "Members voted to approve the budget."),
    ("outcome", decisions._OUTCOME, "The resolution passed."),
    ("outcome", decisions._OUTCOME, "Carried."),
    ("outcome", decisions._OUTCOME, "The recommendation was adopted."),
    ("outcome", decisions._OUTCOME, "Proposed Cllr A, seconded Cllr B, all in favour."),
    ("outcome", decisions._OUTCOME, "2nd Mary. 5 yay 0 nay."),
    ("outcome", decisions._OUTCOME, "2nd Mary. 5 yea 0 nay."),
    ("outcome", decisions._OUTCOME, "2nd Mary. 5 aye 0 nay."),
    ("outcome", decisions._OUTCOME, "2nd Mary. 4 yes 1 no."),
    ("outcome", decisions._OUTCOME, "Unanimous acceptance."),
    ("outcome", decisions._OUTCOME, "Unanimous."),
    ("outcome", decisions._OUTCOME, "These were received, considered and agreed following the vote."),
    ("outcome", decisions._OUTCOME, "M/S/C (Teague/Orr) to approve the bills."),
    # Ignoring case, a pattern takes İ and ı for i, ſ for s and the Kelvin sign for k.
    ("outcome", decisions._OUTCOME, "MOTİON PASSES – £450."),
    ("outcome", decisions._OUTCOME, "Motıon passes."),
    ("outcome", decisions._OUTCOME, "The resolution paſſed."),
    ("and agreed", decisions._AND_AGREED, 'Proposed by Cllr Hale AND AGREED "To confirm the minutes".'),
    ("elected", decisions._ELECTED, "Cllr Keary was declared elected."),
    ("confirmed", decisions._CONFIRMED, "They were confirmed as a true copy."),
    ("confirmed", decisions._CONFIRMED, "They were approved as a correct record."),
    ("minutes approved", decisions._MINUTES_APPROVED, "The minutes were read and approved."),
    ("clause", decisions._CLAUSE, "That the report BE RECEIVED."),
    ("referred", decisions._REFERRED, "The application was REFERRED TO the planning committee."),
    ("declared", extract._DECLARED, "Cllr Hale declared an interest in item 5."),
    ("exempt", extract._EXEMPT, "Land at Mill Lane (exempt)"),
    ("exempt", extract._EXEMPT, "That the press and public be excluded."),
    ("told", extract._TOLD, "The meeting was called to order at 7pm."),
    ("told", extract._TOLD, "Roll call was taken."),
    ("told", extract._TOLD, "Motion by Smith to pay the bills."),
    ("took, with the Kelvin sign", extract._REPORTED, "The Chair too\u212a the opportunity to thank them."),
    ("speaks of chair", confidence._SPEAKS_OF_CHAIR, "Cllr Hale took the Chair."),
    ("speaks of chair", confidence._SPEAKS_OF_CHAIR, "Cllr Hale presided."),
    ("speaks of chair", confidence._SPEAKS_OF_CHAIR, "Mr Hale PRESİDİNG."),
    ("speaks of chair", confidence._SPEAKS_OF_CHAIR, "Hale called the regular meeting to order."),
    ("speaks of chair", confidence._SPEAKS_OF_CHAIR, "Cathaoirleach: Cllr Ó Sé"),
    ("recording", broadcasts._RECORDING, "A recording of the meeting is available."),
    ("recording", broadcasts._RECORDING, "The meeting was recorded."),
    ("recording", broadcasts._RECORDING, "Watch again at the link."),
    ("recording", broadcasts._RECORDING, "Available on-demand."),
    ("recording", broadcasts._RECORDING, "Catch up on YT."),
    ("webcast", broadcasts._WEBCAST, "This meeting will be webcast live."),
    ("webcast", broadcasts._WEBCAST, "The meeting is Live-Streamed."),
    ("webcast", broadcasts._WEBCAST, "It was ſtreamed live."),
    ("webcast", broadcasts._WEBCAST, "It will be BROADCAST."),
    ("webcast", broadcasts._WEBCAST, "Watch it on YouTube."),
    *(
        ("reported", extract._REPORTED, f"The clerk {verb} the matter.")
        for verb in (
            "took",
            "noted",
            "reported",
            "welcomed",
            "thanked",
            "asked",
            "explained",
            "confirmed",
            "advised",
            "informed",
            "considered",
            "discussed",
            "received",
        )
    ),
]


def _words_in(worded: Worded, text: str) -> list[str]:
    seen = lowered(text) if worded.pattern.flags & re.IGNORECASE else text
    return [w for w in worded.words if w in seen]


@pytest.mark.parametrize("worded, text", [(w, t) for _, w, t in CASES], ids=[f"{n}: {t}" for n, _, t in CASES])
def test_a_case_matches_as_the_pattern_does_and_holds_one_word(worded: Worded, text: str) -> None:
    expected = worded.pattern.search(text)
    assert expected is not None, "the case is one the pattern matches"
    assert len(_words_in(worded, text)) == 1, "a case holds exactly one of its pattern's words"
    found = worded.search(text)
    assert found is not None and found.span() == expected.span()
    assert worded.findall(text) == worded.pattern.findall(text)


def test_every_word_of_every_pattern_has_a_case() -> None:
    pinned: dict[int, set[str]] = defaultdict(set)
    for _, worded, text in CASES:
        pinned[id(worded)].update(_words_in(worded, text))
    for _, worded, _ in CASES:
        assert pinned[id(worded)] == set(worded.words)


@pytest.mark.parametrize(
    "worded, text",
    [
        (decisions._OUTCOME, "The item was deferred to the next meeting."),
        (decisions._AGREED, "Members discussed the lease."),
        (decisions._CLAUSE, "That the report be received."),
        (extract._REPORTED, "Cllr Hale raised the bus shelter."),
    ],
)
def test_text_without_the_words_is_not_searched(worded: Worded, text: str) -> None:
    assert worded.pattern.search(text) is None
    assert worded.search(text) is None
    assert worded.findall(text) == []


def test_lowered_gives_the_ascii_letter_for_each_character_a_pattern_ignoring_case_takes_for_one() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    taken = [chr(c) for c in range(sys.maxunicode + 1) if letter.fullmatch(chr(c))]
    assert len(taken) == 52 + 4  # A-Z, a-z, and İ ı ſ K
    for char in taken:
        assert re.fullmatch(re.escape(lowered(char)), char, re.IGNORECASE), repr(char)
        assert lowered(char).isascii() and lowered(char).islower(), repr(char)


def test_a_pattern_ignoring_case_takes_lower_case_ascii_words() -> None:
    with pytest.raises(ValueError, match="lower-case ASCII"):
        Worded(re.compile("motion", re.IGNORECASE), ("Motion",))
    Worded(re.compile("RESOLVED"), ("RESOLVED",))  # a pattern minding case takes its words as printed
