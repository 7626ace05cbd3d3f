"""Why an assignment problem has no solution, in words a programme officer can act on.

Cheap necessary conditions come first (each one alone proves infeasibility and names the proposals). When
they all hold but the solver still finds no assignment, a maximum flow finds a Hall-type bottleneck: a set
of proposals whose combined demand exceeds what the reviewers they may have can give them.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import breadth_first_order, maximum_flow

from kopru.calls.assignment.model import AssignmentInstance, Conflicts

MAX_NAMED = 10


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def name_list(ids: list[str]) -> str:
    if len(ids) <= MAX_NAMED:
        return ", ".join(ids)
    return f"{', '.join(ids[:MAX_NAMED])} and {len(ids) - MAX_NAMED} more"


def load_limits(instance: AssignmentInstance) -> np.ndarray:
    return np.array([instance.load_limit(r) for r in instance.reviewers], dtype=np.int64)


def country_columns(instance: AssignmentInstance, country: str) -> np.ndarray:
    return np.array([r.country == country for r in instance.reviewers], dtype=bool)


def necessary_conditions(instance: AssignmentInstance, conflicts: Conflicts) -> list[str]:
    """Each returned sentence is a proof of infeasibility on its own; empty list = nothing found."""
    k = instance.reviews_per_proposal
    countries = instance.require_each_country
    n_proposals = len(instance.proposals)
    problems: list[str] = []
    if k < len(countries):
        problems.append(
            f"reviews_per_proposal {k} is smaller than the {len(countries)} countries in "
            f"require_each_country ({', '.join(countries)})"
        )
    allowed = ~conflicts.mask
    available = allowed.sum(axis=1)
    for p_index in np.flatnonzero(available < k):
        problems.append(
            f"proposal {instance.proposals[p_index].id} has only "
            f"{plural(int(available[p_index]), 'non-conflicted reviewer')}, needs {k}"
        )
    for country in countries:
        in_country = country_columns(instance, country)
        for p_index in np.flatnonzero(~(allowed & in_country).any(axis=1)):
            problems.append(f"no non-conflicted reviewer from {country} for {instance.proposals[p_index].id}")
    # a reviewer can give at most one review per proposal, so loads above the proposal count are unusable
    limits = np.minimum(load_limits(instance), n_proposals)
    demand = k * n_proposals
    if limits.sum() < demand:
        problems.append(
            f"total capacity {limits.sum()} < demand {demand} "
            f"({plural(n_proposals, 'proposal')} × {plural(k, 'review')}; "
            "capacity = sum of reviewer load limits)"
        )
    for country in countries:
        capacity = limits[country_columns(instance, country)].sum()
        if capacity < n_proposals:
            problems.append(
                f"reviewers from {country} can take {capacity} reviews in total, but {n_proposals} "
                f"proposals each need one from {country}"
            )
    return problems


def _bottleneck(instance: AssignmentInstance, allowed: np.ndarray, demand_each: int, what: str) -> str | None:
    """Max flow source → proposal [demand] → reviewer [1] → sink [load]; a deficit yields a min cut."""
    n_p, n_r = allowed.shape
    source, sink = 0, n_p + n_r + 1
    p_rows, r_cols = np.nonzero(allowed)
    limits = load_limits(instance)
    tails = np.concatenate([np.zeros(n_p, np.int64), 1 + p_rows, 1 + n_p + np.arange(n_r)])
    heads = np.concatenate([1 + np.arange(n_p), 1 + n_p + r_cols, np.full(n_r, sink)])
    caps = np.concatenate([np.full(n_p, demand_each), np.ones(len(p_rows), np.int64), limits])
    graph = sparse.csr_matrix((caps.astype(np.int32), (tails, heads)), shape=(sink + 1, sink + 1))
    result = maximum_flow(graph, source, sink)
    needed = demand_each * n_p
    if result.flow_value >= needed:
        return None
    residual = graph - result.flow
    residual.data = (residual.data > 0).astype(np.int8)
    residual.eliminate_zeros()
    reachable = np.zeros(sink + 1, dtype=bool)
    reachable[breadth_first_order(residual, source, return_predecessors=False)] = True
    stuck = np.flatnonzero(reachable[1 : 1 + n_p])
    their_reviewers = np.flatnonzero(allowed[stuck].any(axis=0))
    # a reviewer gives these proposals at most its load, and at most one review to each of them
    per_reviewer = allowed[stuck].sum(axis=0)[their_reviewers]
    usable = int(np.minimum(limits[their_reviewers], per_reviewer).sum())
    proposal_ids = [instance.proposals[i].id for i in stuck]
    reviewer_ids = [instance.reviewers[i].id for i in their_reviewers]
    return (
        f"{what}: proposals {name_list(proposal_ids)} need {demand_each * len(stuck)} reviews together, "
        f"but the only reviewers they may have ({name_list(reviewer_ids)}) can give them at most "
        f"{usable} (load limits); at most {result.flow_value} of the {needed} required reviews can be placed"
    )


def explain_infeasible(instance: AssignmentInstance, conflicts: Conflicts) -> str:
    """Called after the solver proved infeasibility, so some explanation must exist."""
    problems = necessary_conditions(instance, conflicts)
    if problems:
        return "; ".join(problems)
    allowed = ~conflicts.mask
    found = _bottleneck(instance, allowed, instance.reviews_per_proposal, "load limits")
    if found:
        return found
    for country in instance.require_each_country:
        in_country = allowed & country_columns(instance, country)[np.newaxis, :]
        found = _bottleneck(instance, in_country, 1, f"country requirement {country}")
        if found:
            return found
    return (
        f"the load limits cannot give every proposal {instance.reviews_per_proposal} reviewers and at "
        f"least one from each of {', '.join(instance.require_each_country)} at the same time (each "
        "requirement can be met on its own; the solver proves they cannot all be met together)"
    )
