"""The two models `fit_weights.py` fits, apart from the corpora they are fitted on.

- A choice among rivals (a conditional logit): each decision the converter makes offers options
  (a header fact's proposals, a numbering scheme's chain of item headings), each with features
  (name -> value); an option's score is the sum of its features' values times their coefficients,
  the heaviest option wins. The fit makes the true options the likeliest, pulled towards the
  coefficients a person set (a Gaussian prior), so a feature the corpora say nothing about keeps
  its prior.
- A rule's precision (a Beta prior): of the facts a rule read, the share the truth bears out,
  smoothed towards the weight its module states, so a rule the corpora hardly use keeps its
  prior. The weight says how far a fact read by the rule can be trusted.

Both are judged leave one council out: each council's decisions made with numbers fitted on
every other council's.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

PRIOR_STRENGTH = 2.0
"""How hard the choice model is pulled back to the prior: the weight of the Gaussian prior's penalty."""
STEPS = 400
RATE = 0.05
PRIOR_COUNT = 10.0
"""How many facts the prior weight of a rule counts as: a rule must be seen on about as many before
its precision on the corpora outweighs the weight a person gave it."""


# --- a choice among rivals -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Group:
    """One decision: the rival options' features, and which of them are right. The converter takes the
    heaviest, the first of equals."""

    council: str
    corpus: str
    fact: str
    options: tuple[tuple[Mapping[str, float], bool], ...]


def score(theta: Mapping[str, float], features: Mapping[str, float]) -> float:
    return sum(theta.get(name, 0.0) * value for name, value in features.items())


def fit_choice(groups: Sequence[Group], prior: Mapping[str, float]) -> dict[str, float]:
    """Coefficients that make the right options the heaviest: gradient ascent on the conditional
    log-likelihood of the right options, with a Gaussian prior around `prior`. Only the coefficients
    `prior` names are fitted."""
    theta = dict(prior)
    for _ in range(STEPS):
        grad = {f: -PRIOR_STRENGTH * (theta[f] - prior[f]) for f in theta}
        for group in groups:
            scores = [score(theta, feats) for feats, _ in group.options]
            top = max(scores)
            weights = [math.exp(s - top) for s in scores]
            total = sum(weights)
            right_total = sum(w for w, (_, right) in zip(weights, group.options, strict=True) if right)
            if not right_total:
                continue
            for w, (feats, right) in zip(weights, group.options, strict=True):
                # d log(sum_right / sum_all) / d score_i, times d score_i / d theta_f = the feature's value
                g = (w / right_total if right else 0.0) - w / total
                for f, value in feats.items():
                    if f in grad:
                        grad[f] += g * value
        for f in theta:
            theta[f] += RATE * grad[f]
    return {f: round(v, 3) for f, v in sorted(theta.items())}


def decided_right(groups: Iterable[Group], theta: Mapping[str, float]) -> tuple[int, int]:
    """How many groups' heaviest option (the first of equals, as the converter breaks ties) is right."""
    right = total = 0
    for group in groups:
        scores = [score(theta, feats) for feats, _ in group.options]
        best = max(range(len(scores)), key=lambda n: (scores[n], -n))
        right += group.options[best][1]
        total += 1
    return right, total


def loco_choice(groups: Sequence[Group], prior: Mapping[str, float]) -> tuple[tuple[int, int], dict[str, dict]]:
    """Leave one council out: each council's groups decided by coefficients fitted on the others';
    (right, total) over all of them, and the coefficients each council was decided by."""
    held_out = {}
    right = total = 0
    for council in sorted({g.council for g in groups}):
        theta = fit_choice([g for g in groups if g.council != council], prior)
        held_out[council] = theta
        r, t = decided_right([g for g in groups if g.council == council], theta)
        right, total = right + r, total + t
    return (right, total), held_out


# --- a rule's precision ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tally:
    """Facts one rule read in one council's papers, and how many of them the truth bears out (a share
    of a fact where a fact's credit is shared between rules)."""

    council: str
    rule: str
    right: float
    total: float


def precision(tallies: Iterable[Tally], prior: float) -> float:
    """The rule's share of right facts, smoothed towards its prior weight: the mean of the Beta
    posterior whose prior counts `PRIOR_COUNT` facts at the prior's rate."""
    right = total = 0.0
    for tally in tallies:
        right += tally.right
        total += tally.total
    return round((PRIOR_COUNT * prior + right) / (PRIOR_COUNT + total), 3)


def fit_precisions(tallies: Sequence[Tally], priors: Mapping[str, float]) -> dict[str, float]:
    """Per rule with any tally, its smoothed precision; a rule the tallies never saw is left out (it keeps
    its prior)."""
    by_rule: dict[str, list[Tally]] = defaultdict(list)
    for tally in tallies:
        by_rule[tally.rule].append(tally)
    return {rule: precision(mine, priors[rule]) for rule, mine in sorted(by_rule.items()) if rule in priors}


def brier(tallies: Iterable[Tally], weight_for: Callable[[Tally], float]) -> tuple[float, float]:
    """(sum of squared errors, facts) of reading each rule's weight as the chance its fact is right:
    lower is better. A weight above 1 counts as 1."""
    error = count = 0.0
    for tally in tallies:
        p = min(max(weight_for(tally), 0.0), 1.0)
        error += tally.right * (1.0 - p) ** 2 + (tally.total - tally.right) * p**2
        count += tally.total
    return error, count


def loco_precisions(tallies: Sequence[Tally], priors: Mapping[str, float]) -> dict[str, dict[str, float]]:
    """Per council, the rules' precisions fitted on every other council's tallies."""
    return {
        council: fit_precisions([t for t in tallies if t.council != council], priors)
        for council in sorted({t.council for t in tallies})
    }


@dataclass(frozen=True, slots=True)
class RuleFit:
    """One rule's weight: prior, fitted on everything, and the Brier error of each way on its facts."""

    rule: str
    prior: float
    fitted: float
    facts: float
    prior_error: float
    fitted_error: float
    held_out_error: float
    councils: int
    """How many councils' papers the rule read facts in."""

    @property
    def accepted(self) -> bool:
        """Whether the fitted weight judged the facts of held-out councils at least as well as the prior. A rule
        seen in one council's papers only is never judged on a council it was not fitted on: it keeps its prior."""
        return self.councils >= 2 and self.held_out_error <= self.prior_error + 1e-12


def rule_fits(tallies: Sequence[Tally], priors: Mapping[str, float]) -> list[RuleFit]:
    """Each rule seen in the tallies: its prior, fitted and held-out weights' errors."""
    fitted = fit_precisions(tallies, priors)
    held_out = loco_precisions(tallies, priors)
    out = []
    for rule in fitted:
        mine = [t for t in tallies if t.rule == rule]
        prior_error, facts = brier(mine, lambda t: priors[t.rule])
        fitted_error, _ = brier(mine, lambda t: fitted[t.rule])
        held_error, _ = brier(mine, lambda t: held_out[t.council].get(t.rule, priors[t.rule]))
        councils = len({t.council for t in mine})
        out.append(RuleFit(rule, priors[rule], fitted[rule], facts, prior_error, fitted_error, held_error, councils))
    return out
