"""The converter's rules as one registry: each named, with the fact it reads, its examples and its weight.

Reading a paper written by one of hundreds of clerks is weighing evidence, not
firing triggers. Every rule is a small function registered here with

- an id (`items.numbered-line`), the name `--explain`, the weights file, the
  tests and `bench/fidelity.py --ablate` use — logic never compares the prose
  that explains a rule;
- the fact it reads (`Fact`);
- a one-line summary (its docstring's first line; the rest of the docstring
  says which shape of paper it was written for);
- its examples: lines of a paper and what the rule must make of them, run by
  the test suite through the runner its fact family registers (`runner`);
- its weight, fitted on the corpora (`weights.json`, written by
  `bench/fit_weights.py`) or, for a rule not fitted yet, the weight its module
  states.

A rule returns what it saw and changes no shared state; the decoder of its
fact (items: `headings.choose_items`; header facts: the votes of `header.py`)
weighs what every rule saw. `disabled` lets the fidelity benchmark measure
what each rule is worth by switching it off.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from minutes.core.errors import UserError


class Fact(StrEnum):
    """What a rule reads."""

    COMMITTEE = "committee"
    DATE = "date"
    TIME = "time"
    VENUE = "venue"
    ITEM = "item heading"
    ATTENDANCE = "attendance entry"
    DECISION = "decision"
    CITATION = "citation"


@dataclass(frozen=True, slots=True)
class Example:
    """Lines of a paper, and what the rule makes of them (`None`: the rule sees nothing there)."""

    given: tuple[str, ...]
    expect: Any
    note: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    fact: Fact
    func: Callable[..., Any]
    summary: str
    """The docstring's first sentence: what `--explain` says the rule saw."""
    examples: tuple[Example, ...]
    weight: float
    """The weight the module states; `weight_of` prefers a fitted one."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One thing a rule saw: the fact, the lines, the value, how much it weighs, and which rule."""

    fact: Fact
    span: tuple[int, int]
    """Indexes of the first line and of the line after the last."""
    value: Any
    weight: float
    rule_id: str


REGISTRY: dict[str, Rule] = {}
RUNNERS: dict[Fact, Callable[[Rule, Example], Any]] = {}
"""Per fact family, how an example is run: the family's module registers it next to its rules."""

F = TypeVar("F", bound=Callable[..., Any])


def rule(rule_id: str, fact: Fact, *examples: Example, weight: float = 1.0) -> Callable[[F], F]:
    """Register the decorated function as the rule `rule_id`."""

    def register(func: F) -> F:
        if rule_id in REGISTRY:
            raise ValueError(f"rule id {rule_id!r} is registered twice")
        doc = (func.__doc__ or "").strip()
        if not doc:
            raise ValueError(f"rule {rule_id!r} has no docstring")
        REGISTRY[rule_id] = Rule(rule_id, fact, func, _first_sentence(doc), tuple(examples), weight)
        return func

    return register


def example(*given: str, expect: Any = None, note: str = "") -> Example:
    return Example(tuple(given), expect, note)


def runner(fact: Fact) -> Callable[[Callable[[Rule, Example], Any]], Callable[[Rule, Example], Any]]:
    """Register how the examples of one fact family's rules are run."""

    def register(func: Callable[[Rule, Example], Any]) -> Callable[[Rule, Example], Any]:
        RUNNERS[fact] = func
        return func

    return register


def _first_sentence(doc: str) -> str:
    text = " ".join(doc.split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


# --- weights ------------------------------------------------------------------------------

WEIGHTS_FILE = Path(__file__).with_name("weights.json")


@dataclass(frozen=True, slots=True)
class Weights:
    """Fitted numbers: per rule, and per model (a logistic model's coefficients by feature).

    A rule or feature the file does not name keeps the weight its module states (its prior): a rule
    added after the last `make fit` works before it is fitted."""

    rules: Mapping[str, float] = field(default_factory=dict)
    models: Mapping[str, Mapping[str, float]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path = WEIGHTS_FILE) -> Weights:
        """The weights in `path` (none when there is no such file); a file that is not what
        `bench/fit_weights.py` writes is a `UserError` naming it."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls()
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise UserError(f"not JSON: {error.msg} — run `make fit` to write it again", path, error.lineno) from None
        if not isinstance(data, dict):
            raise UserError("not a JSON object — run `make fit` to write it again", path)
        rules = _numbers(data.get("rules", {}), "rules", path)
        models = data.get("models", {})
        if not isinstance(models, dict):
            raise UserError('"models" is not an object — run `make fit` to write it again', path)
        return cls(rules, {name: _numbers(v, f"models.{name}", path) for name, v in models.items()})


def _numbers(value: object, where: str, path: Path) -> dict[str, float]:
    """`value` as a mapping of names to finite numbers, or a `UserError` saying which entry is not one."""
    if not isinstance(value, dict):
        raise UserError(f'"{where}" is not an object of numbers — run `make fit` to write it again', path)
    out: dict[str, float] = {}
    for key, number in value.items():
        if isinstance(number, bool) or not isinstance(number, int | float) or not math.isfinite(number):
            raise UserError(f'"{where}.{key}" is {number!r}, not a number — run `make fit` to write it again', path)
        out[key] = float(number)
    return out


_WEIGHTS: Weights | None = None
"""The weights in use: read from `WEIGHTS_FILE` when first wanted (so a broken file is reported as the
error of the command that needs it), or those `using_weights` set."""


def _current() -> Weights:
    global _WEIGHTS
    if _WEIGHTS is None:
        _WEIGHTS = Weights.read()
    return _WEIGHTS


def weight_of(rule_id: str) -> float:
    """A rule's weight: the fitted one, else the one its module states."""
    fitted = _current().rules.get(rule_id)
    return fitted if fitted is not None else REGISTRY[rule_id].weight


def model(name: str) -> Mapping[str, float]:
    """A fitted model's coefficients by feature name ("bias" included); empty when none is fitted."""
    return _current().models.get(name, {})


@contextmanager
def using_weights(weights: Weights) -> Iterator[None]:
    """Convert with other weights for a while (the fitting script scores held-out councils so)."""
    global _WEIGHTS
    before = _WEIGHTS
    _WEIGHTS = weights
    try:
        yield
    finally:
        _WEIGHTS = before


# --- switching rules off, to measure them ------------------------------------------------------

_DISABLED: frozenset[str] = frozenset()


def enabled(rule_id: str) -> bool:
    return rule_id not in _DISABLED


@contextmanager
def disabled(rule_ids: Sequence[str]) -> Iterator[None]:
    """Convert with these rules switched off (`bench/fidelity.py --ablate`)."""
    global _DISABLED
    unknown = [r for r in rule_ids if r not in REGISTRY]
    if unknown:
        raise KeyError(f"no such rule: {', '.join(unknown)}")
    before = _DISABLED
    _DISABLED = before | frozenset(rule_ids)
    try:
        yield
    finally:
        _DISABLED = before


def rules_of(fact: Fact) -> list[Rule]:
    """The registered rules of one fact, in registration order."""
    return [r for r in REGISTRY.values() if r.fact == fact]


def describe(rule_id: str) -> str:
    """How `--explain` names a rule: its id, its weight and what it saw."""
    found = REGISTRY.get(rule_id)
    if found is None:
        return rule_id
    return f"{rule_id} ({weight_of(rule_id):.2f}): {found.summary}"
