"""Human reasons for every funding decision and for an impossible set of rules."""

from __future__ import annotations

from kopru.calls.selection.bounds import allowed_bounds
from kopru.calls.selection.model import Decision, FundingProposal, Rubric, SelectionRules


def money(amount: float) -> str:
    return f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"


def explain_decisions(
    proposals: list[FundingProposal],
    rubric: Rubric,
    rules: SelectionRules,
    funded: set[str],
    spent: dict[str, float],
    funded_without_minimums: set[str] | None,
) -> dict[str, Decision]:
    remaining = {side: rules.budgets[side] - spent[side] for side in rules.budgets}
    funded_quality = {p.id: rubric.quality(p) for p in proposals if p.id in funded}
    decisions: dict[str, Decision] = {}
    for proposal in proposals:
        quality = rubric.quality(proposal)
        override = rules.overrides.get(proposal.id)
        if proposal.id in funded:
            if override is not None:
                decisions[proposal.id] = Decision(
                    proposal.id, True, "override_funded", f"Funded by override: {override.reason}"
                )
            else:
                decisions[proposal.id] = Decision(
                    proposal.id,
                    True,
                    "funded",
                    f"Funded: quality {quality:.2f} is part of the best set within the budgets",
                )
            continue
        decisions[proposal.id] = _unfunded(
            proposal, quality, rules, remaining, funded_quality, funded_without_minimums
        )
    return decisions


def _unfunded(
    proposal: FundingProposal,
    quality: float,
    rules: SelectionRules,
    remaining: dict[str, float],
    funded_quality: dict[str, float],
    funded_without_minimums: set[str] | None,
) -> Decision:
    """Why a proposal is not funded: a rule refuses it, or the budgets ran short, or it adds nothing."""
    return (
        _refused_by_rules(proposal, quality, rules, funded_without_minimums)
        or _short_of_budget(proposal, quality, rules, remaining, funded_quality)
        or Decision(
            proposal.id,
            False,
            "no_gain",
            f"Fits the remaining budgets but adds no quality (quality {quality:.2f})",
        )
    )


def _refused_by_rules(
    proposal: FundingProposal,
    quality: float,
    rules: SelectionRules,
    funded_without_minimums: set[str] | None,
) -> Decision | None:
    """Stage 1: an override, the quality threshold, a cost over a whole budget, or the topic minimums."""
    pid = proposal.id
    override = rules.overrides.get(pid)
    if override is not None:
        return Decision(pid, False, "override_unfunded", f"Not funded by override: {override.reason}")
    if rules.quality_threshold is not None and quality < rules.quality_threshold:
        return Decision(
            pid,
            False,
            "below_threshold",
            f"Quality {quality:.2f} is below the threshold {rules.quality_threshold:.2f}",
        )
    too_big = [side for side in sorted(proposal.cost) if proposal.cost[side] > rules.budgets[side]]
    if too_big:
        side = too_big[0]
        return Decision(
            pid,
            False,
            "exceeds_budget",
            f"Asks {money(proposal.cost[side])} on the {side} side, more than the whole {side} budget of "
            f"{money(rules.budgets[side])}",
        )
    if funded_without_minimums is not None and pid in funded_without_minimums:
        topics = ", ".join(f"{t} ≥ {m}" for t, m in sorted(rules.min_funded_per_topic.items()))
        return Decision(
            pid,
            False,
            "topic_quota",
            f"Displaced by the topic minimums ({topics}): it would be funded without them",
        )
    return None


def _short_of_budget(
    proposal: FundingProposal,
    quality: float,
    rules: SelectionRules,
    remaining: dict[str, float],
    funded_quality: dict[str, float],
) -> Decision | None:
    """Stage 2: the remaining budgets do not cover it; displaced when weaker proposals were funded."""
    pid = proposal.id
    short = [side for side in sorted(proposal.cost) if proposal.cost[side] > remaining[side] + 1e-9]
    if not short:
        return None
    shortage = "; ".join(
        f"budget side {side} exhausted: {money(remaining[side])} left, needs {money(proposal.cost[side])}"
        for side in short
    )
    # proposals forced in by override did not win on merit, so they do not count as "displacing"
    weaker = sorted(
        other for other, q in funded_quality.items() if q < quality and other not in rules.overrides
    )
    if weaker:
        listed = ", ".join(weaker[:5]) + (f" and {len(weaker) - 5} more" if len(weaker) > 5 else "")
        return Decision(
            pid,
            False,
            "displaced",
            f"Displaced by higher-scoring combination: funded proposals {listed} score lower but "
            f"together give more total quality ({shortage})",
        )
    forced = sorted(other for other in funded_quality if other in rules.overrides)
    if forced:
        shortage += f" (after the proposals funded by override: {', '.join(forced)})"
    return Decision(pid, False, "budget", shortage[0].upper() + shortage[1:])


def explain_infeasible(proposals: list[FundingProposal], rubric: Rubric, rules: SelectionRules) -> str:
    lower, upper = allowed_bounds(proposals, rubric, rules)
    problems = []
    forced = [p for p, lo in zip(proposals, lower, strict=True) if lo == 1]
    for side in sorted(rules.budgets):
        need = sum(p.cost.get(side, 0.0) for p in forced)
        if need > rules.budgets[side]:
            problems.append(
                f"proposals forced in by override ({', '.join(p.id for p in forced)}) need {money(need)} "
                f"on the {side} side, budget {money(rules.budgets[side])}"
            )
    for topic, minimum in sorted(rules.min_funded_per_topic.items()):
        eligible = sum(1 for p, up in zip(proposals, upper, strict=True) if up == 1 and p.topic == topic)
        if eligible < minimum:
            problems.append(
                f"topic {topic} needs {minimum} funded proposals but only {eligible} are eligible "
                "(at or above the threshold and not excluded by override)"
            )
    if problems:
        return "; ".join(problems)
    topics = ", ".join(f"{t} ≥ {m}" for t, m in sorted(rules.min_funded_per_topic.items()))
    return f"the topic minimums ({topics}) cannot all be met within the budgets of every side"
