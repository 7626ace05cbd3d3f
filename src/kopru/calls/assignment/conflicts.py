"""Which reviewer may not review which proposal, and why."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from kopru.calls.assignment.model import AssignmentInstance, Conflicts
from kopru.calls.assignment.names import normalize_name


def detect_conflicts(instance: AssignmentInstance) -> Conflicts:
    """Same organisation (case- and accent-insensitive), prior co-application, or declared.

    Looks organisations up in an index instead of comparing every pair, so 5,000 × 2,000 stays cheap.
    """
    proposals_by_org: dict[str, list[int]] = defaultdict(list)
    for p_index, proposal in enumerate(instance.proposals):
        for org in {normalize_name(o) for o in proposal.organizations}:
            if org:
                proposals_by_org[org].append(p_index)
    original_name = {normalize_name(o): o for proposal in instance.proposals for o in proposal.organizations}

    mask = np.zeros((len(instance.proposals), len(instance.reviewers)), dtype=bool)
    reasons: dict[tuple[int, int], str] = {}

    def mark(p_index: int, r_index: int, reason: str) -> None:
        if not mask[p_index, r_index]:
            mask[p_index, r_index] = True
            reasons[(p_index, r_index)] = reason

    for r_index, reviewer in enumerate(instance.reviewers):
        own = normalize_name(reviewer.organization)
        for p_index in proposals_by_org.get(own, []) if own else []:
            mark(p_index, r_index, f"same organisation ({original_name[own]})")
        for partner in reviewer.prior_coapplicants:
            key = normalize_name(partner)
            for p_index in proposals_by_org.get(key, []) if key else []:
                mark(p_index, r_index, f"prior co-application with {original_name[key]}")

    proposal_index = {p.id: i for i, p in enumerate(instance.proposals)}
    reviewer_index = {r.id: i for i, r in enumerate(instance.reviewers)}
    for reviewer_id, proposal_id in instance.declared_conflicts:
        mark(proposal_index[proposal_id], reviewer_index[reviewer_id], "declared conflict")
    return Conflicts(mask=mask, reasons=reasons)
