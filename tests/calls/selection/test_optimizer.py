import itertools

import numpy as np
import pytest

from kopru.calls.selection import (
    Decision,
    FundingProposal,
    Override,
    Rubric,
    SelectionRules,
    rank_proposals,
    select_for_funding,
)

pytestmark = pytest.mark.unit

RUBRIC = Rubric({"excellence": 2.0, "impact": 1.0})


def _proposal(pid, excellence, impact, tr, cn, topic=None, submitted_at=None):
    return FundingProposal(
        pid, {"excellence": excellence, "impact": impact}, {"TR": tr, "CN": cn}, topic, submitted_at
    )


def _brute_force(proposals, rules) -> float | None:
    best = None
    for mask in itertools.product([0, 1], repeat=len(proposals)):
        chosen = [p for p, x in zip(proposals, mask, strict=True) if x]
        if any(sum(p.cost[s] for p in chosen) > rules.budgets[s] for s in rules.budgets):
            continue
        if rules.quality_threshold is not None and any(
            RUBRIC.quality(p) < rules.quality_threshold for p in chosen
        ):
            continue
        if any(sum(p.topic == t for p in chosen) < m for t, m in rules.min_funded_per_topic.items()):
            continue
        total = sum(RUBRIC.quality(p) for p in chosen)
        best = total if best is None else max(best, total)
    return best


def test_optimum_matches_brute_force_on_random_small_calls():
    rng = np.random.default_rng(7)
    feasible = infeasible = 0
    for _ in range(60):
        proposals = [
            _proposal(
                f"p{i}",
                int(rng.integers(0, 11)),
                int(rng.integers(0, 11)),
                int(rng.integers(1, 10)) * 1000,
                int(rng.integers(0, 10)) * 5000,
                topic=str(rng.choice(["energy", "rail", "health"])),
            )
            for i in range(int(rng.integers(1, 11)))
        ]
        rules = SelectionRules(
            budgets={"TR": int(rng.integers(5, 30)) * 1000, "CN": int(rng.integers(5, 30)) * 5000},
            min_funded_per_topic={"rail": int(rng.integers(0, 3))},
            quality_threshold=float(rng.choice([0.0, 4.0, 6.0])),
        )
        result = select_for_funding(proposals, RUBRIC, rules)
        expected = _brute_force(proposals, rules)
        if expected is None:
            assert result.status == "infeasible"
            assert result.explanation
            infeasible += 1
            continue
        feasible += 1
        assert result.status == "optimal"
        assert result.total_quality == pytest.approx(expected, abs=1e-9)
        assert all(result.spent[s] <= rules.budgets[s] for s in rules.budgets)
        assert set(result.decisions) == {p.id for p in proposals}
    assert feasible >= 30
    assert infeasible >= 3


def test_ranking_tie_rules_lowest_criterion_then_submission_then_id():
    proposals = [
        _proposal("b", 6, 6, 1, 1, submitted_at="2026-03-01T10:00:00+03:00"),
        _proposal("a", 6, 6, 1, 1, submitted_at="2026-03-01T10:00:00+03:00"),
        _proposal("c", 6, 6, 1, 1, submitted_at="2026-03-01T06:00:00"),  # 06:00 UTC = 09:00 +03:00
        _proposal("d", 7, 4, 1, 1),  # same mean 6.0 but a weaker criterion
        _proposal("e", 9, 0, 1, 1),
    ]
    ranked = rank_proposals(proposals, RUBRIC)
    assert [(r.rank, r.proposal_id, r.quality) for r in ranked] == [
        (1, "c", 6.0),
        (2, "a", 6.0),
        (3, "b", 6.0),
        (4, "d", 6.0),
        (5, "e", 6.0),
    ]


def test_each_unfunded_proposal_gets_its_reason():
    proposals = [
        _proposal("star", 10, 10, 6000, 30000, topic="energy"),
        _proposal("pricey", 9, 9, 9000, 10000, topic="energy"),  # fits alone on TR but not beside star
        _proposal("cheap1", 7, 7, 2000, 5000, topic="energy"),
        _proposal("cheap2", 7, 7, 2000, 5000, topic="energy"),
        _proposal("weak", 3, 3, 100, 100, topic="energy"),
        _proposal("huge", 9, 9, 1000, 99000, topic="energy"),
        _proposal("vetoed", 10, 10, 100, 100, topic="energy"),
    ]
    rules = SelectionRules(
        budgets={"TR": 10000, "CN": 50000},
        quality_threshold=5.0,
        overrides={"vetoed": Override(fund=False, reason="ethics review not passed")},
    )
    result = select_for_funding(proposals, RUBRIC, rules)
    assert result.status == "optimal"
    assert result.funded == ["star", "cheap1", "cheap2"]
    assert result.spent == {"TR": 10000.0, "CN": 40000.0}
    assert result.total_quality == 24.0
    assert result.decisions["pricey"] == Decision(
        "pricey",
        False,
        "displaced",
        "Displaced by higher-scoring combination: funded proposals cheap1, cheap2 score lower but together "
        "give more total quality (budget side TR exhausted: 0 left, needs 9,000)",
    )
    assert result.decisions["weak"] == Decision(
        "weak", False, "below_threshold", "Quality 3.00 is below the threshold 5.00"
    )
    assert result.decisions["huge"] == Decision(
        "huge", False, "exceeds_budget", "Asks 99,000 on the CN side, more than the whole CN budget of 50,000"
    )
    assert result.decisions["vetoed"] == Decision(
        "vetoed", False, "override_unfunded", "Not funded by override: ethics review not passed"
    )
    assert result.decisions["star"].kind == "funded"


def test_topic_minimum_displaces_and_is_named():
    proposals = [
        _proposal("e1", 9, 9, 5000, 5000, topic="energy"),
        _proposal("e2", 8, 8, 5000, 5000, topic="energy"),
        _proposal("r1", 5, 5, 5000, 5000, topic="rail"),
    ]
    rules = SelectionRules(budgets={"TR": 10000, "CN": 10000}, min_funded_per_topic={"rail": 1})
    result = select_for_funding(proposals, RUBRIC, rules)
    assert result.funded == ["e1", "r1"]
    assert result.decisions["e2"] == Decision(
        "e2",
        False,
        "topic_quota",
        "Displaced by the topic minimums (rail ≥ 1): it would be funded without them",
    )


def test_override_forces_funding_and_re_solves():
    proposals = [
        _proposal("top", 9, 9, 5000, 5000),
        _proposal("second", 8, 8, 5000, 5000),
        _proposal("strategic", 4, 4, 5000, 5000),
    ]
    rules = SelectionRules(budgets={"TR": 10000, "CN": 10000})
    assert select_for_funding(proposals, RUBRIC, rules).funded == ["top", "second"]
    rules.overrides["strategic"] = Override(fund=True, reason="ministerial priority: rail safety")
    result = select_for_funding(proposals, RUBRIC, rules)
    assert result.funded == ["top", "strategic"]
    assert result.decisions["strategic"] == Decision(
        "strategic", True, "override_funded", "Funded by override: ministerial priority: rail safety"
    )
    assert result.decisions["second"] == Decision(
        "second",
        False,
        "budget",
        "Budget side CN exhausted: 0 left, needs 5,000; budget side TR exhausted: 0 left, needs 5,000 "
        "(after the proposals funded by override: strategic)",
    )


def test_infeasible_rules_are_explained():
    proposals = [
        _proposal("a", 9, 9, 8000, 1000, topic="rail"),
        _proposal("b", 9, 9, 8000, 1000, topic="rail"),
    ]
    forced = {pid: Override(True, "political commitment") for pid in ("a", "b")}
    result = select_for_funding(
        proposals, RUBRIC, SelectionRules(budgets={"TR": 10000, "CN": 10000}, overrides=forced)
    )
    assert result.status == "infeasible"
    assert result.explanation == (
        "proposals forced in by override (a, b) need 16,000 on the TR side, budget 10,000"
    )
    result = select_for_funding(
        proposals,
        RUBRIC,
        SelectionRules(budgets={"TR": 10000, "CN": 10000}, min_funded_per_topic={"energy": 1}),
    )
    assert result.explanation == (
        "topic energy needs 1 funded proposals but only 0 are eligible (at or above the threshold and not "
        "excluded by override)"
    )
    result = select_for_funding(
        proposals,
        RUBRIC,
        SelectionRules(budgets={"TR": 10000, "CN": 10000}, min_funded_per_topic={"rail": 2}),
    )
    assert (
        result.explanation
        == "the topic minimums (rail ≥ 2) cannot all be met within the budgets of every side"
    )


def test_cost_on_a_side_without_budget_is_rejected_naming_the_field():
    proposal = FundingProposal("x", {"excellence": 5, "impact": 5}, {"DE": 10})
    with pytest.raises(ValueError, match=r"^proposal x: cost: side 'DE' has no budget in rules.budgets$"):
        select_for_funding([proposal], RUBRIC, SelectionRules(budgets={"TR": 1}))
