"""The converter's fitted weights: the fits recover the obvious from tiny invented evidence, the weights
file may leave anything out (its prior stays), and a broken weights file is one line naming it."""

from __future__ import annotations

import sys

import pytest

from helpers import REPO

sys.path.insert(0, str(REPO / "bench"))
import fit_weights
from minutes.core.errors import UserError
from minutes.papers import evidence, headings
from minutes.papers.attendance import AttendanceFound
from minutes.papers.clean import clean_lines
from minutes.papers.decisions import AGREED, RESOLVED, Decision, strong
from minutes.papers.evidence import Weights
from minutes.papers.extract import Found
from weight_models import Group, Tally, decided_right, fit_choice, fit_precisions, loco_choice, rule_fits


def _groups(council: str, *choices: tuple[str, str]) -> list[Group]:
    """One group per (right feature, wrong feature): two options, one feature each, the wrong one first (so
    equal weights, which take the first of equals, choose wrong)."""
    return [Group(council, "c", "f", (({wrong: 1.0}, False), ({right: 1.0}, True))) for right, wrong in choices]


@pytest.mark.parametrize(
    ("prior", "choices", "heavier", "lighter"),
    [
        # equal priors: the feature the truth always takes ends up heavier
        ({"a": 1.0, "b": 1.0}, [("a", "b")] * 6, "a", "b"),
        ({"a": 1.0, "b": 1.0}, [("b", "a")] * 6, "b", "a"),
        # a prior set the wrong way round is overturned by enough evidence
        ({"bold": 1.0, "plain": 1.5}, [("bold", "plain")] * 12, "bold", "plain"),
        # mixed evidence, mostly one way
        ({"x": 0.5, "y": 0.5}, [("x", "y")] * 5 + [("y", "x")], "x", "y"),
    ],
)
def test_the_choice_fit_puts_the_right_feature_first(prior, choices, heavier, lighter):
    groups = _groups("one", *choices)
    theta = fit_choice(groups, prior)
    assert theta[heavier] > theta[lighter]
    assert decided_right(groups, theta)[0] >= decided_right(groups, prior)[0]


def test_a_feature_without_evidence_keeps_its_prior():
    theta = fit_choice(_groups("one", ("a", "b")), {"a": 1.0, "b": 1.0, "unseen": 0.7})
    assert theta["unseen"] == 0.7


def test_leave_one_council_out_decides_each_council_by_the_others():
    groups = _groups("one", *[("a", "b")] * 5) + _groups("two", *[("a", "b")] * 5) + _groups("odd", ("b", "a"))
    (right, total), held_out = loco_choice(groups, {"a": 1.0, "b": 1.0})
    assert total == 11
    assert right == 10  # "odd" is decided by what the others taught: a over b, wrong for it
    assert held_out["odd"]["a"] > held_out["odd"]["b"]


@pytest.mark.parametrize(
    ("tallies", "priors", "order"),
    [
        # the same prior; the rule the truth bears out more weighs more
        (
            [Tally("c", "r.good", 19, 20), Tally("c", "r.poor", 8, 20)],
            {"r.good": 0.5, "r.poor": 0.5},
            ["r.good", "r.poor"],
        ),
        # a strong prior loses to a poor record, a weak one gains from a good one
        (
            [Tally("c", "r.strong", 2, 30), Tally("c", "r.weak", 30, 30)],
            {"r.strong": 1.0, "r.weak": 0.5},
            ["r.weak", "r.strong"],
        ),
    ],
)
def test_a_rules_precision_orders_rules_by_their_record(tallies, priors, order):
    fitted = fit_precisions(tallies, priors)
    assert [r for r, _ in sorted(fitted.items(), key=lambda kv: -kv[1])] == order
    for rule_id, weight in fitted.items():
        record = sum(t.right for t in tallies if t.rule == rule_id) / sum(t.total for t in tallies if t.rule == rule_id)
        assert min(record, priors[rule_id]) <= weight <= max(record, priors[rule_id])  # smoothed towards the prior


def test_a_rules_precision_is_the_beta_posteriors_mean():
    # 8 of 10 right, prior 0.5 counted as 10 facts: (10 x 0.5 + 8) / (10 + 10)
    assert fit_precisions([Tally("c", "r", 8, 10)], {"r": 0.5}) == {"r": 0.65}


def test_a_rule_never_seen_is_not_fitted_and_one_council_keeps_its_prior():
    priors = {"r.seen": 1.0, "r.unseen": 0.5, "r.local": 1.0}
    tallies = [Tally("a", "r.seen", 5, 10), Tally("b", "r.seen", 5, 10), Tally("a", "r.local", 1, 10)]
    assert "r.unseen" not in fit_precisions(tallies, priors)
    fits = {f.rule: f for f in rule_fits(tallies, priors)}
    assert fits["r.seen"].accepted  # half right in two councils: 1.0 was worse held out
    assert not fits["r.local"].accepted  # no council to hold out that it was not fitted on


@pytest.mark.parametrize(
    ("count", "resolutions", "expect"),
    [
        (1, 1, {RESOLVED: (1.0, 1.0)}),
        (2, 1, {RESOLVED: (0.5, 1.0), AGREED: (0.5, 1.0)}),  # one too many: the blame is shared
        (2, 3, {RESOLVED: (1.0, 1.0), AGREED: (1.0, 1.0)}),  # fewer than the truth: all right (recall is not this)
    ],
)
def test_decisions_are_tallied_against_the_truths_count(count, resolutions, expect):
    found = Found()
    found.item_decisions["3"] = tuple(Decision("x", [RESOLVED, AGREED][n], 0) for n in range(count))
    record = {"kind": "minutes", "items": [{"number": "3", "title": "Finance"}]}
    truth = {"items": [{"number": "3", "title": "Finance", "resolutions": resolutions}]}
    tallies = fit_weights._decision_tallies(found, truth, record, "c")
    assert {t.rule: (t.right, t.total) for t in tallies} == expect


def test_attendance_rules_share_the_names_of_the_lists_they_read():
    found = Found()
    found.attendance_read = AttendanceFound(rules=["attendance.list", "attendance.list", "attendance.table"])
    record = {"attendance": {"present": ["Cllr A Hale", "Cllr B Orme", "Cllr C Wrong"], "chair": "A Hale"}}
    truth = {"present": ["A Hale", "B Orme"], "chair": "A Hale"}
    tallies = {t.rule: (t.right, t.total) for t in fit_weights._attendance_tallies(found, truth, record, "c")}
    assert tallies == {"attendance.list": (2.0, 8 / 3), "attendance.table": (1.0, 4 / 3)}


# --- the weights file ----------------------------------------------------------------------------------


def test_a_weights_file_missing_a_key_falls_back_to_the_prior(tmp_path):
    path = tmp_path / "weights.json"
    path.write_text('{"models": {"items.chain": {"bold": 4.5}}, "rules": {"decisions.agreed": 0.9}}', encoding="utf-8")
    with evidence.using_weights(Weights.read(path)):
        assert headings.style_weight("bold") == 4.5
        assert headings.style_weight("heading") == headings.STYLE_PRIORS["heading"]
        assert evidence.weight_of(AGREED) == 0.9
        assert evidence.weight_of(RESOLVED) == evidence.REGISTRY[RESOLVED].weight
        assert strong(Decision("It was agreed.", AGREED, 0))  # the fitted weight decides what is checked
    with evidence.using_weights(Weights.read(tmp_path / "absent.json")):
        assert headings.style_weight("bold") == headings.STYLE_PRIORS["bold"]
        assert not strong(Decision("It was agreed.", AGREED, 0))


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ('{"rules": {\n"x": 1,\n}', 3, "not JSON"),
        ("[1, 2]", 0, "not a JSON object"),
        ('{"rules": {"decisions.agreed": "high"}}', 0, "\"rules.decisions.agreed\" is 'high', not a number"),
        ('{"rules": {"decisions.agreed": NaN}}', 0, "not a number"),
        ('{"models": {"date": 3}}', 0, '"models.date" is not an object of numbers'),
        ('{"models": []}', 0, '"models" is not an object'),
    ],
)
def test_a_malformed_weights_file_is_one_line_naming_it(tmp_path, text, line, says):
    path = tmp_path / "weights.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as raised:
        Weights.read(path)
    shown = str(raised.value)
    assert "\n" not in shown
    assert shown.startswith(f"{path}:{line}: error: " if line else f"{path}: error: ")
    assert says in shown
    assert "make fit" in shown


def test_the_shipped_weights_file_reads():
    weights = Weights.read()
    assert set(weights.models) <= set(fit_weights.CHOICE_PRIORS)
    assert all(r in evidence.REGISTRY for r in weights.rules)


_TWO_SCHEMES = """**20/01 Apologies**
None were received.

**20/02 Minutes**
The minutes were approved.

1. The clerk will write.
2. The chair will call.

**20/03 Finance**
The accounts were noted.
"""


@pytest.mark.parametrize(
    ("truth_items", "right"),
    [
        ([("20/01", "Apologies"), ("20/02", "Minutes"), ("20/03", "Finance")], {"bold": 3.0, "starts-at-one": 1.0}),
        ([("1", "The clerk will write."), ("2", "The chair will call.")], {"plain": 2.0, "starts-at-one": 1.0}),
        ([("7", "Something else")], None),  # no reading matches the truth: nothing to learn
    ],
)
def test_the_item_chain_choice_is_the_scheme_the_truths_items_follow(truth_items, right):
    lines = clean_lines(_TWO_SCHEMES)
    found = Found()
    found.item_candidates = headings.candidates(lines, 0, len(lines))
    truth = {"items": [{"number": n, "title": t} for n, t in truth_items]}
    group = fit_weights._chain_group(found, truth, "c", "corpus")
    if right is None:
        assert group is None
        return
    assert group.fact == headings.CHAIN_MODEL
    assert [features for features, is_right in group.options if is_right] == [right]
    assert len(group.options) == 2
