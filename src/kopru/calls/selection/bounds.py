"""Which proposals may be funded at all: overrides first, then the quality threshold (shared by the
optimiser and the explanations of its decisions)."""

from __future__ import annotations

import numpy as np

from kopru.calls.selection.model import FundingProposal, Rubric, SelectionRules


def allowed_bounds(proposals: list[FundingProposal], rubric: Rubric, rules: SelectionRules):
    """(lower, upper) per proposal: overrides first, then the quality threshold."""
    lower = np.zeros(len(proposals))
    upper = np.ones(len(proposals))
    for i, proposal in enumerate(proposals):
        override = rules.overrides.get(proposal.id)
        if override is not None:
            lower[i] = upper[i] = 1.0 if override.fund else 0.0
        elif rules.quality_threshold is not None and rubric.quality(proposal) < rules.quality_threshold:
            upper[i] = 0.0
    return lower, upper
