"""The decisions register: routine decisions told from real ones, resolutions grouped under their item."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from minutes.core.config import load_config
from minutes.pages.fingerprint import Fingerprints
from minutes.site.decisions_register import (
    RegisteredDecision,
    collect_decisions,
    group_decisions,
    is_routine,
)
from minutes.site.load import Loader
from minutes.site.model import Meeting

ROUTINE = [
    "That the report be noted.",
    "That the report be received.",
    "RESOLVED: That the report be received and noted.",
    "(1) That the report be noted.",
    "b) That the contents of the update be noted for information.",
    "Noted.",
    "The Board noted the report.",
    "The Committee received and noted the update.",
    "That the Minutes of the meeting of the Improving Lives Select Commission, held on 14 January 2020, be approved "
    "as a correct record of proceedings.",
    "The minutes of the meeting held on 3 March were confirmed as a true record and signed by the Chair.",
    "That the minutes of the previous meeting be approved as a true and accurate record.",
    # What is noted may itself hold "and that": it is still only noted.
    "That the proposal that CSE Support Services be re-commissioned by the Council and that new services commence "
    "from January 2020, be noted.",
    "(3) That the proposal that the service specification be developed based on findings of the full needs "
    "analysis, and that the commissioning timescale is aligned with the Trauma and Resilience Service, be noted",
]
DECIDED = [
    "That the recommendations be approved.",
    "That the report be noted, and that a further report be brought in May.",
    "That the report be noted; and the officers report back in six months.",
    "That the contents of the report be noted and the work programme be agreed.",
    "Members noted the update and agreed to set up a working group.",
    "That the report on the peer review be circulated to the members of the Commission.",
    "That the next meeting take place on Tuesday 16 June 2020 at 5:30pm.",
    "That Councillor Smith be appointed Chair.",
    "That the report be received and the recommendations adopted.",
    "The Committee noted the report and requested a briefing.",
    "",
]


@pytest.mark.parametrize("text", ROUTINE)
def test_routine(text):
    assert is_routine(text)


@pytest.mark.parametrize("text", DECIDED)
def test_not_routine(text):
    assert not is_routine(text)


def meeting(key: str) -> Meeting:
    return Meeting("cabinet", key, dt.date.fromisoformat(key), (), f"cabinet/{key}/")


def decision(m: Meeting, number: str, text: str) -> RegisteredDecision:
    return RegisteredDecision(m, number, f"Item {number}", f"item-{number}", text, routine=is_routine(text))


def test_resolutions_are_grouped_under_their_item_in_order():
    march, april = meeting("2024-03-04"), meeting("2024-04-01")
    decisions = [
        decision(april, "7", "That the report be noted."),
        decision(april, "7", "That a review be commissioned."),
        decision(april, "8", "That the report be noted."),
        decision(march, "7", "That the budget be approved."),  # the same number at another meeting: its own group
    ]
    groups = group_decisions(decisions)
    assert [(g.meeting.key, g.item_number, len(g.decisions)) for g in groups] == [
        ("2024-04-01", "7", 2),
        ("2024-04-01", "8", 1),
        ("2024-03-04", "7", 1),
    ]
    assert [(g.routine, g.has_routine) for g in groups] == [(False, True), (True, True), (False, False)]


MINUTES = """---
kind: minutes
committee: Cabinet
date: '2024-05-01'
title: Minutes
items:
- number: '1'
  title: Budget
  anchor: item-1
  resolutions:
  - 'That the budget be approved as follows:'
  - That the report be noted.
- number: '2'
  title: Update
  anchor: item-2
---

## 1. Budget {#item-1}

Resolved:

1. That the budget be approved as follows:

   Schools: £1,000
2. That the report be noted.

## 2. Update {#item-2}

The update was given.
"""


BUDGET = "<p>That the budget be approved as follows:</p>\n<p>{}: £1,000<span hidden> £1000</span></p>\n"


def test_the_loader_works_out_the_registers_resolutions_and_the_register_reads_no_body_again(tmp_path):
    (tmp_path / "site.yaml").write_text("title: Minutes\n", encoding="utf-8")
    record = tmp_path / "content" / "meetings" / "cabinet" / "2024-05-01" / "minutes.md"
    record.parent.mkdir(parents=True)
    record.write_text(MINUTES, encoding="utf-8")
    site = Loader().load(load_config(tmp_path))
    key = ("cabinet", "2024-05-01")
    minutes = site.meetings[key].minutes
    assert minutes is not None and not site.problems
    noted = "<p>That the report be noted.</p>\n"
    # Per item, per resolution: what the minutes print from it to the next one, and whether it is routine.
    assert minutes.resolutions_shown == (((BUDGET.format("Schools"), False), (noted, True)), ())
    shown = [(d.item_number, d.text, d.html, d.routine) for d in collect_decisions(site)]
    assert shown == [
        ("1", "That the budget be approved as follows:", BUDGET.format("Schools"), False),
        ("1", "That the report be noted.", noted, True),
    ]
    # The register is made from what the loader kept: the body is not read again...
    record.write_text(MINUTES.replace("Schools", "Libraries"), encoding="utf-8")
    assert [d.html for d in collect_decisions(site)] == [BUDGET.format("Schools"), noted]
    # ...but a document the loader did not make is read, to what the loader would have kept.
    made = replace(minutes, resolutions_shown=None)
    site.meetings[key] = replace(site.meetings[key], documents=(made,))
    assert [d.html for d in collect_decisions(site)] == [BUDGET.format("Libraries"), noted]


def test_a_page_listing_the_minutes_does_not_change_with_the_resolutions_its_body_shows(tmp_path):
    """The register's pages have the resolutions as their decisions; a page that lists the document does not."""
    (tmp_path / "site.yaml").write_text("title: Minutes\n", encoding="utf-8")
    record = tmp_path / "content" / "meetings" / "cabinet" / "2024-05-01" / "minutes.md"
    record.parent.mkdir(parents=True)
    record.write_text(MINUTES, encoding="utf-8")
    site = Loader().load(load_config(tmp_path))
    minutes = site.meetings[("cabinet", "2024-05-01")].minutes
    assert minutes is not None and minutes.resolutions_shown
    other = replace(minutes, resolutions_shown=((("<p>Other</p>\n", True),), ()))
    assert Fingerprints().of(other) == Fingerprints().of(minutes)
    assert Fingerprints().of(replace(minutes, name="agenda")) != Fingerprints().of(minutes)
