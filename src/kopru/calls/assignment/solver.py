"""Exact optimal reviewer assignment as a min-cost flow with lower bounds (OR-Tools).

Network (one unit of flow = one review):

    proposal p [supply k] ──► (p, country c) [lower bound 1 for each required country c; the
    "other countries" group has no lower bound] ──► reviewer r [capacity 1, cost −affinity] ──► sink [load]

The proposal side (total k, ≥ 1 per country on disjoint reviewer groups) and the reviewer side (load) are
both laminar families, so the constraint matrix is totally unimodular and the flow optimum is integral:
it is the exact optimum of the 0/1 problem. A lower bound l on arc u → v is removed the usual way:
capacity − l, supply of u − l, supply of v + l.

OR-Tools needs integer costs. Affinities are scaled by the smallest power of ten (10⁰ … 10⁹) that makes
every one an integer (JSON scores with ≤ 6 decimals and computed scores, rounded to 6 decimals, are
exact at 10⁶). Only if none does, 10⁹ is used and the result may trail the float optimum by at most
(number of reviews) × 10⁻⁹; `AssignmentResult.objective_tolerance` reports that bound.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from kopru.calls.assignment.affinity import affinity_matrix
from kopru.calls.assignment.conflicts import detect_conflicts
from kopru.calls.assignment.feasibility import explain_infeasible, load_limits, necessary_conditions
from kopru.calls.assignment.model import Assignment, AssignmentInstance, AssignmentResult, Conflicts

MAX_DECIMALS = 9
# OR-Tools' cost scaling multiplies costs by (nodes + 1); keep that product inside int64
_INT64_HEADROOM = 2**62


def integer_scale(values: np.ndarray, num_nodes: int) -> tuple[int, bool]:
    """(scale, exact): the smallest 10^d turning every value into an integer, within int64 headroom."""
    largest = float(np.abs(values).max()) if values.size else 0.0
    limit = _INT64_HEADROOM // (num_nodes + 2)
    chosen = 1
    for decimals in range(MAX_DECIMALS + 1):
        scale = 10**decimals
        if largest * scale > limit:
            return chosen, False
        chosen = scale
        scaled = values * scale
        if np.all(np.abs(scaled - np.round(scaled)) <= 1e-6):
            return scale, True
    return chosen, False


def _infeasible(conflicts: Conflicts, explanation: str) -> AssignmentResult:
    return AssignmentResult("infeasible", None, [], conflicts.count, explanation)


def solve_assignment(
    instance: AssignmentInstance,
    *,
    affinity: np.ndarray | None = None,
    conflicts: Conflicts | None = None,
) -> AssignmentResult:
    """Maximise the summed affinity; `affinity`/`conflicts` may be passed in when already computed."""
    conflicts = conflicts if conflicts is not None else detect_conflicts(instance)
    problems = necessary_conditions(instance, conflicts)
    if problems:
        return _infeasible(conflicts, "; ".join(problems))
    scores = affinity if affinity is not None else affinity_matrix(instance)
    if scores.shape[0] == 0:
        return AssignmentResult("optimal", 0.0, [], conflicts.count, None)
    network = _flow_network(instance, scores, conflicts)
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        network.tails, network.heads, network.capacities, network.costs
    )
    flow.set_nodes_supplies(np.arange(network.num_nodes), network.supplies)
    status = flow.solve()
    if status == flow.INFEASIBLE:
        return _infeasible(conflicts, explain_infeasible(instance, conflicts))
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow solver stopped with status {status!r}")
    pair_flows = flow.flows(arcs[network.first_pair_arc : network.first_pair_arc + len(network.p_rows)])
    return _result(instance, scores, conflicts, network, pair_flows)


@dataclass
class _Network:
    """The min-cost-flow network as OR-Tools' parallel arrays, and where the proposal–reviewer arcs sit."""

    tails: np.ndarray
    heads: np.ndarray
    capacities: np.ndarray
    costs: np.ndarray
    supplies: np.ndarray
    num_nodes: int
    p_rows: np.ndarray  # proposal index of each non-conflicted pair arc
    r_cols: np.ndarray  # reviewer index of each pair arc
    first_pair_arc: int
    scale: int
    exact: bool


def _flow_network(instance: AssignmentInstance, scores: np.ndarray, conflicts: Conflicts) -> _Network:
    """Nodes: proposals, (proposal, country group) when countries are required, reviewers, the sink."""
    n_p, n_r = scores.shape
    k = instance.reviews_per_proposal
    countries = list(instance.require_each_country)
    group_of_reviewer = np.array(
        [
            countries.index(r.country) if r.country in countries else len(countries)
            for r in instance.reviewers
        ],
        dtype=np.int64,
    )
    groups = len(countries) + 1 if countries else 0
    group_base = n_p
    reviewer_base = group_base + n_p * groups
    sink = reviewer_base + n_r
    num_nodes = sink + 1

    p_rows, r_cols = np.nonzero(~conflicts.mask)
    pair_scores = scores[p_rows, r_cols]
    scale, exact = integer_scale(pair_scores, num_nodes)
    pair_costs = -np.round(pair_scores * scale).astype(np.int64)

    tails, heads, capacities, costs = [], [], [], []
    supplies = np.zeros(num_nodes, dtype=np.int64)
    if groups:
        group_nodes = group_base + np.arange(n_p * groups)
        lower = np.tile(np.r_[np.ones(len(countries), np.int64), 0], n_p)
        tails.append(np.repeat(np.arange(n_p), groups))
        heads.append(group_nodes)
        capacities.append(k - lower)
        costs.append(np.zeros(n_p * groups, np.int64))
        supplies[:n_p] = k - len(countries)
        supplies[group_nodes] = lower
        pair_tails = group_base + p_rows * groups + group_of_reviewer[r_cols]
    else:
        supplies[:n_p] = k
        pair_tails = p_rows
    tails.append(pair_tails)
    heads.append(reviewer_base + r_cols)
    capacities.append(np.ones(len(p_rows), np.int64))
    costs.append(pair_costs)
    tails.append(reviewer_base + np.arange(n_r))
    heads.append(np.full(n_r, sink))
    capacities.append(load_limits(instance))
    costs.append(np.zeros(n_r, np.int64))
    supplies[sink] = -k * n_p
    return _Network(
        np.concatenate(tails),
        np.concatenate(heads),
        np.concatenate(capacities),
        np.concatenate(costs),
        supplies,
        num_nodes,
        p_rows,
        r_cols,
        first_pair_arc=n_p * groups,
        scale=scale,
        exact=exact,
    )


def _result(
    instance: AssignmentInstance,
    scores: np.ndarray,
    conflicts: Conflicts,
    network: _Network,
    pair_flows: np.ndarray,
) -> AssignmentResult:
    """The pairs carrying flow, with their float affinities and the objective's tolerance."""
    chosen = np.flatnonzero(pair_flows)
    assignments = [
        Assignment(instance.proposals[p].id, instance.reviewers[r].id, float(scores[p, r]))
        for p, r in zip(network.p_rows[chosen].tolist(), network.r_cols[chosen].tolist(), strict=True)
    ]
    objective = round(math.fsum(a.affinity for a in assignments), 9)
    tolerance = 0.0 if network.exact else len(assignments) / network.scale
    return AssignmentResult("optimal", objective, assignments, conflicts.count, None, tolerance)
