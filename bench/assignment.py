"""Benchmark: exact reviewer assignment (min-cost flow) and funding selection (MILP).

    PYTHONPATH=src .venv/bin/python bench/assignment.py            # full size: 5,000 × 2,000
    PYTHONPATH=src .venv/bin/python bench/assignment.py --quick    # 1,000 × 400, for a smoke run

Assignment: each proposal gets 3 reviewers, at least one from TR and one from CN, load ≤ 8, about 1 % of
the pairs conflicted (same organisation or declared). Affinities are synthetic (topic-vector dot products,
3 decimals) and passed to the solver as a matrix, so the timing is the solver's (conflict detection,
feasibility checks, flow build and solve), not JSON parsing. The baseline is a generic LP on the plain
formulation x[p, r] (scipy.optimize.linprog with HiGHS; integral because the matrix is totally unimodular)
on the same instance; it is too slow and too big (10 M columns) at full size, so both run at smaller
sizes and only the flow solver runs at full size.

Selection: 2,000 proposals, TR and CN budgets, 5 topics with minimums, a quality threshold; exact MILP
versus the greedy "fund in ranking order while it fits" baseline.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

from kopru.calls.assignment import AssignmentInstance, Proposal, Reviewer, detect_conflicts, solve_assignment
from kopru.calls.selection import FundingProposal, Rubric, SelectionRules, rank_proposals, select_for_funding

REVIEWS, LOAD = 3, 8


def make_assignment_instance(n_p: int, n_r: int, seed: int = 42) -> tuple[AssignmentInstance, np.ndarray]:
    rng = np.random.default_rng(seed)
    n_orgs = 150  # ~1.5 organisations per proposal out of 150 → ~1 % of pairs share an organisation
    proposals = [
        Proposal(f"p{i}", organizations=tuple(f"Org {o}" for o in rng.choice(n_orgs, rng.integers(1, 3))))
        for i in range(n_p)
    ]
    reviewers = [
        Reviewer(f"r{j}", organization=f"ORG {rng.integers(n_orgs)}", country=("TR", "CN")[j % 2])
        for j in range(n_r)
    ]
    declared = [(f"r{rng.integers(n_r)}", f"p{rng.integers(n_p)}") for _ in range(n_p // 10)]
    topics_p = rng.dirichlet(np.full(20, 0.3), n_p)
    topics_r = rng.dirichlet(np.full(20, 0.3), n_r)
    affinity = np.round(topics_p @ topics_r.T / np.sqrt((topics_p**2).sum(1))[:, None], 3)
    instance = AssignmentInstance(
        proposals, reviewers, REVIEWS, LOAD, require_each_country=("TR", "CN"), declared_conflicts=declared
    )
    return instance, affinity


def solve_with_generic_lp(instance: AssignmentInstance, affinity: np.ndarray) -> float:
    """Baseline: x[p, r] ∈ [0, 1], Σ_r x = k, Σ_{r in TR} x ≥ 1, Σ_{r in CN} x ≥ 1, Σ_p x ≤ load."""
    n_p, n_r = affinity.shape
    allowed = ~detect_conflicts(instance).mask
    p_idx, r_idx = np.nonzero(allowed)
    columns = np.arange(len(p_idx))
    is_tr = np.array([r.country == "TR" for r in instance.reviewers])[r_idx]
    a_eq = sparse.csr_matrix((np.ones(len(p_idx)), (p_idx, columns)), shape=(n_p, len(p_idx)))
    country_rows = np.where(is_tr, p_idx, n_p + p_idx)  # ≥ 1 rows written as −Σ x ≤ −1
    a_country = sparse.csr_matrix(
        (-np.ones(len(p_idx)), (country_rows, columns)), shape=(2 * n_p, len(p_idx))
    )
    a_load = sparse.csr_matrix((np.ones(len(p_idx)), (r_idx, columns)), shape=(n_r, len(p_idx)))
    result = linprog(
        -affinity[p_idx, r_idx],
        A_ub=sparse.vstack([a_country, a_load]).tocsr(),
        b_ub=np.r_[-np.ones(2 * n_p), np.full(n_r, LOAD)],
        A_eq=a_eq,
        b_eq=np.full(n_p, REVIEWS),
        bounds=(0, 1),
        method="highs",
    )
    assert result.status == 0, result.message
    return -result.fun


def bench_assignment(sizes: list[tuple[int, int]], baseline_sizes: set[tuple[int, int]]) -> None:
    print("Reviewer assignment (3 reviews, load ≤ 8, ≥1 TR and ≥1 CN reviewer per proposal, ~1 % conflicts)")
    print(
        f"{'proposals × reviewers':>22} {'conflicts':>10} {'flow (s)':>9} {'objective':>14} "
        f"{'generic LP (s)':>15} {'LP objective':>14}"
    )
    for n_p, n_r in sizes:
        instance, affinity = make_assignment_instance(n_p, n_r)
        start = time.perf_counter()
        result = solve_assignment(instance, affinity=affinity)
        flow_seconds = time.perf_counter() - start
        assert result.status == "optimal", result.explanation
        lp_seconds = lp_objective = "—"
        if (n_p, n_r) in baseline_sizes:
            start = time.perf_counter()
            value = solve_with_generic_lp(instance, affinity)
            lp_seconds = f"{time.perf_counter() - start:.2f}"
            lp_objective = f"{value:.3f}"
            assert abs(value - result.objective) < 1e-6, (value, result.objective)
        print(
            f"{f'{n_p:,} × {n_r:,}':>22} {result.conflicts_detected:>10,} {flow_seconds:>9.2f} "
            f"{result.objective:>14.3f} {lp_seconds:>15} {lp_objective:>14}"
        )


def make_selection(n: int, seed: int = 7) -> tuple[list[FundingProposal], Rubric, SelectionRules]:
    rng = np.random.default_rng(seed)
    topics = ["energy", "rail", "health", "ev_batteries", "nuclear"]
    proposals = [
        FundingProposal(
            f"p{i}",
            {
                "excellence": float(rng.integers(0, 11)),
                "impact": float(rng.integers(0, 11)),
                "implementation": float(rng.integers(0, 11)),
            },
            {"TR": float(rng.integers(5, 40) * 50_000), "CN": float(rng.integers(5, 40) * 20_000)},
            topic=str(rng.choice(topics)),
        )
        for i in range(n)
    ]
    rules = SelectionRules(
        budgets={"TR": n * 250_000.0, "CN": n * 80_000.0},
        min_funded_per_topic={"nuclear": n // 20, "rail": n // 20},
        quality_threshold=4.0,
    )
    return proposals, Rubric({"excellence": 0.5, "impact": 0.3, "implementation": 0.2}), rules


def greedy_by_rank(proposals, rubric, rules) -> float:
    by_id = {p.id: p for p in proposals}
    left = dict(rules.budgets)
    total = 0.0
    for ranked in rank_proposals(proposals, rubric):
        proposal = by_id[ranked.proposal_id]
        if ranked.quality < rules.quality_threshold:
            break
        if all(proposal.cost[s] <= left[s] for s in left):
            for side in left:
                left[side] -= proposal.cost[side]
            total += ranked.quality
    return total


def bench_selection(n: int) -> None:
    proposals, rubric, rules = make_selection(n)
    start = time.perf_counter()
    result = select_for_funding(proposals, rubric, rules)
    milp_seconds = time.perf_counter() - start
    start = time.perf_counter()
    greedy = greedy_by_rank(proposals, rubric, rules)
    greedy_seconds = time.perf_counter() - start
    print(f"\nFunding selection, {n:,} proposals, 2 budgets, 2 topic minimums, threshold 4.0")
    print(f"{'method':>36} {'seconds':>8} {'total quality':>14} {'funded':>7}")
    print(
        f"{'exact MILP + reasons (2 solves)':>36} {milp_seconds:>8.2f} {result.total_quality:>14.3f} "
        f"{len(result.funded):>7}"
    )
    print(f"{'greedy in rank order (no quotas)':>36} {greedy_seconds:>8.2f} {greedy:>14.3f} {'':>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    quick = parser.parse_args().quick
    baseline_sizes = {(500, 200), (1000, 400)}
    sizes = [(500, 200), (1000, 400)] + ([] if quick else [(2000, 800), (5000, 2000)])
    bench_assignment(sizes, baseline_sizes if quick else baseline_sizes | {(2000, 800)})
    bench_selection(500 if quick else 2000)


if __name__ == "__main__":
    main()
