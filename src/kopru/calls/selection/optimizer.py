"""Exact choice of the proposals to fund: a 0/1 MILP solved by HiGHS (scipy.optimize.milp).

    maximise  Σ quality_i · x_i
    subject to  Σ cost_i,side · x_i ≤ budget_side          for every side (each agency funds its partners)
                Σ_{i in topic t} x_i ≥ min_funded_t         for every topic with a minimum
                x_i = 0 below the quality threshold or when forced out; x_i = 1 when forced in

A proposal is funded only as a whole: its cost on every side counts at once. The MILP gap is set to 0,
so the optimum is exact, not within HiGHS' default 0.01 % gap. Among several sets with the same total
quality the solver's pick is kept.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from kopru.calls.selection.bounds import allowed_bounds
from kopru.calls.selection.explain import explain_decisions, explain_infeasible
from kopru.calls.selection.model import FundingProposal, Rubric, SelectionResult, SelectionRules
from kopru.calls.selection.ranking import rank_proposals


def _validate(proposals: list[FundingProposal], rubric: Rubric, rules: SelectionRules) -> None:
    ids = [p.id for p in proposals]
    if len(set(ids)) != len(ids):
        duplicate = next(i for i in ids if ids.count(i) > 1)
        raise ValueError(f"proposals: duplicate id {duplicate!r}")
    if not rubric.weights or any(w <= 0 for w in rubric.weights.values()):
        raise ValueError("rubric.weights: needs at least one criterion, every weight > 0")
    for proposal in proposals:
        unknown = sorted(set(proposal.cost) - set(rules.budgets))
        if unknown:
            raise ValueError(
                f"proposal {proposal.id}: cost: side {unknown[0]!r} has no budget in rules.budgets"
            )
        if any(amount < 0 for amount in proposal.cost.values()):
            raise ValueError(f"proposal {proposal.id}: cost: amounts must be ≥ 0")
    for proposal_id in rules.overrides:
        if proposal_id not in ids:
            raise ValueError(f"rules.overrides: unknown proposal {proposal_id!r}")


def solve_selection(
    proposals: list[FundingProposal],
    rubric: Rubric,
    rules: SelectionRules,
    *,
    with_topic_minimums: bool = True,
) -> np.ndarray | None:
    """0/1 vector of the optimal funded set, or None when no set meets every rule."""
    n = len(proposals)
    if n == 0:
        return np.zeros(0)
    quality = np.array([rubric.quality(p) for p in proposals])
    sides = sorted(rules.budgets)
    rows = [np.array([p.cost.get(side, 0.0) for p in proposals]) for side in sides]
    lower_rows = [-np.inf] * len(sides)
    upper_rows = [rules.budgets[side] for side in sides]
    if with_topic_minimums:
        for topic, minimum in sorted(rules.min_funded_per_topic.items()):
            rows.append(np.array([1.0 if p.topic == topic else 0.0 for p in proposals]))
            lower_rows.append(minimum)
            upper_rows.append(np.inf)
    lower, upper = allowed_bounds(proposals, rubric, rules)
    result = milp(
        -quality,
        constraints=LinearConstraint(np.vstack(rows), lower_rows, upper_rows) if rows else None,
        integrality=np.ones(n),
        bounds=Bounds(lower, upper),
        options={"mip_rel_gap": 0.0},
    )
    if result.status != 0 or result.x is None:
        return None
    return np.round(result.x).astype(int)


def select_for_funding(
    proposals: list[FundingProposal], rubric: Rubric, rules: SelectionRules
) -> SelectionResult:
    """Optimal funded set plus a reason for every decision. Overrides live in `rules.overrides`;
    changing them and calling again re-solves."""
    _validate(proposals, rubric, rules)
    chosen = solve_selection(proposals, rubric, rules)
    if chosen is None:
        return SelectionResult(
            "infeasible",
            [],
            0.0,
            dict.fromkeys(rules.budgets, 0.0),
            {},
            explain_infeasible(proposals, rubric, rules),
        )
    funded_ids = {p.id for p, x in zip(proposals, chosen, strict=True) if x}
    order = [r.proposal_id for r in rank_proposals(proposals, rubric)]
    spent = {
        side: float(sum(p.cost.get(side, 0.0) for p in proposals if p.id in funded_ids))
        for side in rules.budgets
    }
    without_minimums = None
    if rules.min_funded_per_topic:
        unconstrained = solve_selection(proposals, rubric, rules, with_topic_minimums=False)
        if unconstrained is not None:
            without_minimums = {p.id for p, x in zip(proposals, unconstrained, strict=True) if x}
    decisions = explain_decisions(proposals, rubric, rules, funded_ids, spent, without_minimums)
    return SelectionResult(
        status="optimal",
        funded=[pid for pid in order if pid in funded_ids],
        total_quality=round(sum(rubric.quality(p) for p in proposals if p.id in funded_ids), 9),
        spent=spent,
        decisions=decisions,
    )
