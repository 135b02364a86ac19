"""The rule registry: every rule has examples, and every example holds."""

from __future__ import annotations

import pytest

import minutes.papers.convert  # noqa: F401  (loads every module that registers rules: all are collected)
from minutes.papers import evidence
from minutes.papers.clean import clean_lines
from minutes.papers.evidence import REGISTRY, RUNNERS
from minutes.papers.headings import find_items

RULES = sorted(REGISTRY)
CASES = [
    pytest.param(rule_id, n, id=f"{rule_id}[{n}]") for rule_id in RULES for n in range(len(REGISTRY[rule_id].examples))
]


@pytest.mark.parametrize("rule_id", RULES)
def test_every_rule_has_examples_a_summary_and_a_runner(rule_id):
    rule = REGISTRY[rule_id]
    assert rule.examples, f"{rule_id} has no examples: add some where it is registered"
    assert any(e.expect not in (None, []) for e in rule.examples), f"{rule_id}: no example where the rule fires"
    assert rule.summary.endswith((".", "…", ")", '"', "”")) and len(rule.summary) > 10
    assert rule.fact in RUNNERS, f"no runner for the examples of {rule.fact} rules"


@pytest.mark.parametrize("rule_id, n", [c.values for c in CASES], ids=[c.id for c in CASES])
def test_rule_examples(rule_id, n):
    rule = REGISTRY[rule_id]
    case = rule.examples[n]
    assert RUNNERS[rule.fact](rule, case) == case.expect, case.note or case.given


def test_a_disabled_rule_sees_nothing():
    lines = clean_lines("1. Apologies\nNone.\n\n2. Minutes\nApproved.\n\n3. Planning\nNone.\n")
    assert [h.number for h in find_items(lines, 0, len(lines))] == ["1", "2", "3"]
    with evidence.disabled(["items.numbered-line"]):
        assert find_items(lines, 0, len(lines)) == []
    assert [h.number for h in find_items(lines, 0, len(lines))] == ["1", "2", "3"]


def test_disabling_an_unknown_rule_is_refused():
    with pytest.raises(KeyError), evidence.disabled(["items.no-such-rule"]):
        pass


def test_rule_ids_are_namespaced_by_their_fact_family():
    for rule_id in RULES:
        family, _, name = rule_id.partition(".")
        assert family and name and rule_id == rule_id.lower() and " " not in rule_id
