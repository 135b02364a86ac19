"""Table-driven tests for decisions: how many an item's text records, and which rule saw each."""

from __future__ import annotations

import pytest

from minutes.papers.clean import clean_lines
from minutes.papers.decisions import read_decisions


def decisions(text: str, title: str = ""):
    lines = clean_lines(text)
    return read_decisions(lines, 0, len(lines), title)


@pytest.mark.parametrize(
    "text, rules",
    [
        pytest.param(
            "RESOLVED: That the minutes be approved as a correct record.\n",
            ["decisions.resolved"],
            id="RESOLVED-colon-That",
        ),
        pytest.param(
            "RESOLVED to approve the payments listed below:\nPayee\tAmount\nE Moss – salary\t£450.00\n",
            ["decisions.resolved"],
            id="RESOLVED-to-with-a-table-below",
        ),
        pytest.param(
            "RESOLVED to approve the following:\n(a) the payments of £450;\n(b) the budget for 2019/20.\n",
            ["decisions.resolution-listed"] * 2,
            id="RESOLVED-to-with-resolutions-listed-below",
        ),
        pytest.param(
            "Resolved:- (1) That the report be noted. (2) That a further report be submitted in March.\n",
            ["decisions.numbered-resolutions"] * 2,
            id="Resolved-numbered-inline",
        ),
        pytest.param(
            "Resolved:-\n(1) That the report be noted.\n(2) That a further report be submitted in March.\n(3) That the clerk write to the county.\n",
            ["decisions.resolution-listed"] * 3,
            id="Resolved-numbered-lines",
        ),
        pytest.param(
            "Resolved: (1) That the report be noted.\n(2) That a further report be submitted in March.\n",
            ["decisions.resolved", "decisions.resolution-listed"],
            id="Resolved-first-entry-on-its-line",
        ),
        pytest.param("RESOLVED –  that the accounts be approved.\n", ["decisions.resolved"], id="RESOLVED-dash-that"),
        pytest.param(
            "RESOLVED that:\n1. the budget be approved;\n2. the precept be set at £10,000;\n3. the clerk notify the district council.\n",
            ["decisions.resolution-listed"] * 3,
            id="RESOLVED-that-then-ordered-list",
        ),
        pytest.param(
            "RESOLVED:\na) That the report be noted.\nb) That the clerk obtain quotes.\n",
            ["decisions.resolution-listed"] * 2,
            id="RESOLVED-then-lettered-list",
        ),
        pytest.param(
            "After discussion it was RESOLVED to approve the grant of £500 to the village hall.\n",
            ["decisions.resolved"],
            id="RESOLVED-in-a-sentence",
        ),
        pytest.param(
            "And Resolved:\n\n“That the council adopts the new standing orders.”\n",
            ["decisions.resolution-listed"],
            id="And-Resolved-quoted",
        ),
        pytest.param(
            "RESOLVED:\n\nThat the report be noted.\n\nThat the clerk obtain three quotes.\n\nThat the matter be brought back in June.\n",
            ["decisions.resolution-listed"] * 3,
            id="RESOLVED-three-That-paragraphs",
        ),
        pytest.param(
            "It was resolved that the precept be set at £10,000.\n", ["decisions.resolved"], id="it-was-resolved"
        ),
        pytest.param(
            "It was unanimously resolved that the chairman sign the minutes.\n",
            ["decisions.resolved"],
            id="unanimously-resolved",
        ),
        pytest.param(
            "IT WAS RESOLVED that the clerk write to the police.\n", ["decisions.resolved"], id="IT-WAS-RESOLVED"
        ),
        pytest.param(
            "The council resolved to purchase a defibrillator.\n", ["decisions.resolved"], id="council-resolved-to"
        ),
        pytest.param(
            "The clerk reported on the quotes.\n\nAGREED: to accept the quote from Smith Ltd.\n",
            ["decisions.resolved"],
            id="AGREED-colon",
        ),
        pytest.param(
            "AGREED – that the clerk writes to the county council.\n", ["decisions.resolved"], id="AGREED-dash"
        ),
        pytest.param(
            "AGREED:\n(a) that the hedge be cut;\n(b) that the bench be repaired.\n",
            ["decisions.resolution-listed"] * 2,
            id="AGREED-then-list",
        ),
        pytest.param(
            "The clerk reported on the quotes.\nAGREED: to accept the quote from Smith Ltd.\n",
            ["decisions.resolved"],
            id="AGREED-on-the-next-line",
        ),
        pytest.param("It was agreed to repair the bus shelter.\n", ["decisions.agreed"], id="it-was-agreed"),
        pytest.param(
            "Members agreed that the clerk should write to the police.\n", ["decisions.agreed"], id="members-agreed"
        ),
        pytest.param(
            "The Council agreed to purchase a defibrillator.\n", ["decisions.agreed"], id="the-council-agreed"
        ),
        pytest.param(
            "After discussion agreement was reached to buy a new bench.\n",
            ["decisions.agreed"],
            id="agreement-was-reached",
        ),
        pytest.param("All present agreed to defer the item.\n", ["decisions.agreed"], id="all-present-agreed"),
        pytest.param(
            "The Committee notes the report and agrees the work programme.\n",
            ["decisions.present-tense"],
            id="present-tense",
        ),
        pytest.param(
            "This Council notes the rise in fuel poverty and believes action is needed.\n",
            [],
            id="a-motion-is-not-a-decision",
        ),
        pytest.param(
            "The Committee noted that it would discuss the programme later.\n", [], id="noted-that-is-narrative"
        ),
        pytest.param(
            "Decision:\n\nThat the report be approved.\n", ["decisions.resolution-listed"], id="Decision-label"
        ),
        pytest.param(
            "Motion by Smith, second by Jones to approve the bills. Motion carried.\n",
            ["decisions.outcome"],
            id="motion-carried-once",
        ),
        pytest.param(
            "Motion by Smith, second by Jones to approve the bills. Motion carried.\n\n"
            "Motion by Brown, second by Green to approve the minutes. Motion carried.\n",
            ["decisions.outcome"] * 2,
            id="two-motions-carried",
        ),
        pytest.param("Proposed by Cllr A, seconded by Cllr B.\n\nCarried\n", ["decisions.outcome"], id="Carried-alone"),
        pytest.param(
            "Proposed Cllr Green, seconded Cllr White, all in favour, to accept the quote.\n",
            ["decisions.outcome"],
            id="proposed-seconded-all-in-favour",
        ),
        pytest.param(
            "RESOLVED: That the bills be paid.\n\nMotion carried.\n",
            ["decisions.resolved"],
            id="carried-after-RESOLVED-not-again",
        ),
        pytest.param(
            "That the report of the clerk BE RECEIVED. Motion Passed.\n",
            ["decisions.clause-in-capitals"],
            id="BE-RECEIVED-then-passed",
        ),
        pytest.param(
            "That the report BE RECEIVED and the budget BE APPROVED and the clerk BE DIRECTED to write and the item BE DEFERRED.\n",
            ["decisions.clause-in-capitals"] * 4,
            id="four-clauses",
        ),
        pytest.param("Motion to approve the minutes. (Y-5)\n", ["decisions.roll-call-vote"], id="vote-Y"),
        pytest.param(
            "Motion to approve the minutes (Y-5, N-0). Motion to pay bills (Y-4, N-1).\n",
            ["decisions.roll-call-vote"] * 2,
            id="two-votes",
        ),
        pytest.param(
            "The application was REFERRED TO the planning committee.\n", ["decisions.referred"], id="REFERRED-TO"
        ),
        pytest.param(
            "Councillor Smith was declared elected as Chairman for the year.\n",
            ["decisions.declared-elected"],
            id="was-declared-elected",
        ),
        pytest.param(
            "The Cathaoirleach declared Councillor Stephen Keary elected.\n",
            ["decisions.declared-elected"],
            id="declared-X-elected",
        ),
        pytest.param(
            "The minutes of the meeting held on 3 March were confirmed as a true copy and signed.\n",
            ["decisions.minutes-confirmed"],
            id="true-copy",
        ),
        pytest.param(
            "The minutes of the last meeting were read, approved and signed.\n",
            ["decisions.minutes-approved"],
            id="read-approved-signed",
        ),
        pytest.param(
            "Motion by Mrs. Kline, second by Mr. Dresher. Roll call vote: 8 yes, 0 no. Motion carried.\n",
            ["decisions.outcome"],
            id="a-vote-then-motion-carried-is-one-decision",
        ),
        pytest.param(
            "Motion to buy a van. Motion carried. Motion to sell the trailer. Motion carried.\n",
            ["decisions.outcome", "decisions.outcome"],
            id="two-motions-each-carried",
        ),
        pytest.param(
            "Moved: Cr A Hale\nSeconded: Cr B Orr\n\nThat the minutes of the meeting held on 15 February 2023 be "
            "confirmed as a true and correct record.\n**CARRIED**\n",
            ["decisions.minutes-approved"],
            id="a-motions-that-clause-then-carried-is-one-decision",
        ),
        pytest.param(
            "It was proposed by Cllr. Hale, seconded by Cllr. Orr and agreed to adopt the plan.\n",
            ["decisions.agreed"],
            id="proposed-seconded-and-agreed",
        ),
    ],
)
def test_decisions_counted(text, rules):
    assert [d.rule for d in decisions(text)] == rules


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The report was noted.\n", id="noted"),
        pytest.param("NOTED: the report of the county councillor.\n", id="NOTED"),
        pytest.param(
            "It was proposed by Cllr Smith and seconded by Cllr Jones that the grass be cut.\n", id="proposed-seconded"
        ),
        pytest.param("Proposed: Cllr Smith\nSeconded: Cllr Jones\n", id="proposed-seconded-labels"),
        pytest.param("All in favour of the new hall spoke first.\n", id="all-in-favour-without-a-motion"),
        pytest.param("The budget will be agreed at the next meeting.\n", id="will-be-agreed"),
        pytest.param("It was not agreed to fund the event.\n", id="not-agreed"),
        pytest.param("Members agreed with the clerk's assessment of the problem.\n", id="agreed-with"),
        pytest.param("The clerk was asked to write to the highways department.\n", id="request"),
        pytest.param("The letter was placed on file.\n", id="placed-on-file"),
        pytest.param(
            "I certify that these minutes were confirmed by the Council at its meeting held on 19 April 2023.\n",
            id="a-clerks-certificate",
        ),
        pytest.param("Minutes approved: October 16, 2023\n", id="the-date-minutes-were-approved-later"),
        pytest.param(
            "Members were reminded that the resolved matters from last month are outstanding.\n",
            id="resolved-as-adjective",
        ),
    ],
)
def test_not_decisions(text):
    assert decisions(text) == []


def test_decision_text_and_marker():
    found = decisions("RESOLVED: That the minutes be approved as a correct record.\n")
    assert [(d.text, d.marker, d.whole_line, d.line) for d in found] == [
        ("That the minutes be approved as a correct record.", "RESOLVED:", True, 0)
    ]


def test_numbered_resolutions_lose_their_numbers():
    found = decisions("Resolved:- (1) That the report be noted. (2) That a further report be submitted in March.\n")
    assert [d.text for d in found] == ["That the report be noted.", "That a further report be submitted in March."]


def test_outcome_keeps_the_motion_it_closes():
    found = decisions(
        "The clerk read a letter. Motion by Smith, second by Jones to approve the bills. Motion carried.\n"
    )
    assert [d.text for d in found] == ["Motion by Smith, second by Jones to approve the bills. Motion carried."]


def test_clause_in_the_heading():
    found = decisions("The clerk presented the report.\n", title="REPORT OF THE CLERK BE RECEIVED")
    assert [d.rule for d in found] == ["decisions.clause-in-heading"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Decision:\n\nThat the report be noted.\n\nMinutes:\n\nThe Cabinet considered the report.\n\nResolved: That the report be noted.\n",
            id="decision-then-minutes",
        ),
        pytest.param(
            "Minutes:\n\nThe Cabinet considered the report.\n\nResolved: That the report be noted.\n\nDecision:\n\nThat the report be noted.\n",
            id="minutes-then-decision",
        ),
    ],
)
def test_moderngov_decision_and_minutes_counted_once(text):
    found = decisions(text)
    assert [(d.rule, d.text) for d in found] == [("decisions.resolved", "That the report be noted.")]


def test_a_point_of_minutes_kept_as_a_list_is_read_for_its_decision_and_named_by_its_first_words():
    from minutes.papers.convert import convert_paper_text

    text = (
        "Minutes of the Meeting of Ashby Green Community Council held in the Village Hall on Tuesday 9 March 2021\n"
        "Present: Ann Lee, Bob Hart, Cara Moss\n\n"
        "- The Convener welcomed everyone to the meeting.\n"
        "- It was agreed to buy a new bench for the green, at a cost of up to £400, from the amenity fund.\n"
        "- The treasurer reported a balance of £1,204.\n"
    )
    (doc,) = convert_paper_text(text, "ashby.txt")
    items = doc.record.items
    assert [len(i.resolutions) for i in items] == [0, 1, 0]
    assert (
        items[1].title
        == "It was agreed to buy a new bench for the green, at a cost of up to £400, from the amenity fund."
    )
    assert items[1].anchor == "item-it-was-agreed-to-buy-a-new-bench"
    assert "## It was agreed to buy a new bench for the green" in doc.body


@pytest.mark.parametrize(
    "text, count",
    [
        pytest.param("With these points noted, the Asset Register 2024 was approved.\n", 1, id="passive-approved"),
        pytest.param("The amended policy was approved.\n", 1, id="short-passive"),
        pytest.param("Invoices for March were approved as follows:\n", 1, id="were-approved-as-follows"),
        pytest.param("The accounts were approved and signed by the Chairman and Clerk.\n", 1, id="approved-and-signed"),
        pytest.param("The annual return was noted, approved, and signed.\n", 1, id="noted-approved-and-signed"),
        pytest.param(
            "The use of the green for the fete was approved subject to safety measures.\n", 1, id="subject-to"
        ),
        pytest.param("The scheme had been approved last year.\n", 0, id="had-been-approved"),
        pytest.param("The request was not approved.\n", 0, id="not-approved"),
        pytest.param("Was the lease approved?\n", 0, id="a-question"),
        pytest.param("The crossing was approved by HCC in May.\n", 0, id="another-bodys-decision"),
        pytest.param("300294\t£600.00\tVillage Trust\tGrant - newsletter\n", 0, id="a-payment-row-naming-a-grant"),
    ],
)
def test_a_thing_approved_in_the_passive_is_one_decision(text, count):
    assert len(decisions(text)) == count


def test_a_sub_minute_titled_by_its_passive_sentence_records_its_decision():
    assert [d.rule for d in decisions("", title="The following cheques were approved:")] == [
        "decisions.passive-approved"
    ]


@pytest.mark.parametrize(
    "title, text, count",
    [
        pytest.param(
            "New Business",
            "The board bought a mower. Motion carried.\n\nA motion to adjourn the meeting was made at 6:33PM by Orr, "
            "seconded by Hale. Motion carried.\n",
            1,
            id="the-closing-motion-run-on-under-the-last-item",
        ),
        pytest.param(
            "Adjournment",
            "Chris made a motion to adjourn. Brandon seconded. Motion carried 4-0.\n",
            1,
            id="under-its-own-heading-it-counts",
        ),
        pytest.param(
            "Planning",
            "It was moved to adjourn the item to the next meeting. Motion carried.\n",
            1,
            id="an-item-put-off-is-not-the-meeting-closing",
        ),
    ],
)
def test_the_meeting_closing(title, text, count):
    lines = clean_lines(text)
    assert len(read_decisions(lines, 0, len(lines), title)) == count


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Supervisor Orr moved to approve the audit. Supervisor Hale seconded. All present were in favor.\n",
            id="all-present-in-favor",
        ),
        pytest.param(
            "Motion/Second to adjourn the hearing by: Orr/Hale. Approved by Orr and Hale. Motion prevailed.\n",
            id="motion-prevailed",
        ),
    ],
)
def test_outcomes_told_otherwise(text):
    lines = clean_lines(text)
    assert len(read_decisions(lines, 0, len(lines), "Board of Audit")) == 1
