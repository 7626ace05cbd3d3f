"""Re-check a given (manual or partial) assignment against the rules, reason by reason."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kopru.calls.assignment.conflicts import detect_conflicts
from kopru.calls.assignment.model import AssignmentInstance, Conflicts, Violation


def check_assignment(
    instance: AssignmentInstance,
    assignments: Iterable[tuple[str, str]],
    *,
    complete: bool = True,
    conflicts: Conflicts | None = None,
) -> list[Violation]:
    """(proposal id, reviewer id) pairs in; every broken rule out, in a stable order.

    With ``complete=False`` (a partial assignment being built by hand) a proposal with too few
    reviewers or no reviewer yet from a required country is not reported; too many always is.
    """
    conflicts = conflicts if conflicts is not None else detect_conflicts(instance)
    pairs = _check_pairs(instance, assignments, conflicts)
    return [
        *pairs.violations,
        *_load_violations(instance, pairs.load),
        *_coverage_violations(instance, pairs.reviewers_of, complete=complete),
    ]


@dataclass
class _CheckedPairs:
    violations: list[Violation] = field(default_factory=list)
    reviewers_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    load: Counter[str] = field(default_factory=Counter)


def _check_pairs(
    instance: AssignmentInstance, assignments: Iterable[tuple[str, str]], conflicts: Conflicts
) -> _CheckedPairs:
    """Stage 1, pair by pair: unknown ids, duplicates and conflicts; counts reviews per proposal and load."""
    proposal_index = {p.id: i for i, p in enumerate(instance.proposals)}
    reviewer_index = {r.id: i for i, r in enumerate(instance.reviewers)}
    checked = _CheckedPairs()
    seen: set[tuple[str, str]] = set()
    for proposal_id, reviewer_id in assignments:
        if proposal_id not in proposal_index:
            checked.violations.append(
                Violation("unknown", f"unknown proposal {proposal_id}", proposal_id, reviewer_id)
            )
            continue
        if reviewer_id not in reviewer_index:
            checked.violations.append(
                Violation("unknown", f"unknown reviewer {reviewer_id}", proposal_id, reviewer_id)
            )
            continue
        if (proposal_id, reviewer_id) in seen:
            checked.violations.append(
                Violation(
                    "duplicate",
                    f"reviewer {reviewer_id} is assigned to proposal {proposal_id} more than once",
                    proposal_id,
                    reviewer_id,
                )
            )
            continue
        seen.add((proposal_id, reviewer_id))
        checked.reviewers_of[proposal_id].append(reviewer_id)
        checked.load[reviewer_id] += 1
        reason = conflicts.reasons.get((proposal_index[proposal_id], reviewer_index[reviewer_id]))
        if reason:
            checked.violations.append(
                Violation(
                    "conflict",
                    f"reviewer {reviewer_id} has a conflict with proposal {proposal_id}: {reason}",
                    proposal_id,
                    reviewer_id,
                )
            )
    return checked


def _load_violations(instance: AssignmentInstance, load: Counter[str]) -> list[Violation]:
    """Stage 2, per reviewer: more reviews than their limit."""
    violations = []
    for reviewer in instance.reviewers:
        limit = instance.load_limit(reviewer)
        if load[reviewer.id] > limit:
            violations.append(
                Violation(
                    "overload",
                    f"reviewer {reviewer.id} has {load[reviewer.id]} reviews, limit {limit}",
                    reviewer=reviewer.id,
                )
            )
    return violations


def _coverage_violations(
    instance: AssignmentInstance, reviewers_of: dict[str, list[str]], *, complete: bool
) -> list[Violation]:
    """Stage 3, per proposal: the number of reviewers and (when complete) one from each required country."""
    k = instance.reviews_per_proposal
    country_of = {r.id: r.country for r in instance.reviewers}
    violations = []
    for proposal in instance.proposals:
        count = len(reviewers_of[proposal.id])
        if count > k or (complete and count < k):
            violations.append(
                Violation("count", f"proposal {proposal.id} has {count} reviewers, needs {k}", proposal.id)
            )
        if complete:
            present = {country_of[r] for r in reviewers_of[proposal.id]}
            for country in instance.require_each_country:
                if country not in present:
                    violations.append(
                        Violation(
                            "country", f"proposal {proposal.id} has no reviewer from {country}", proposal.id
                        )
                    )
    return violations
