"""Funding selection for joint R&D calls: ranking, an exact budget-constrained optimiser, reasons.

Framework-free: plain data in, plain data out.
"""

from kopru.calls.selection.model import (
    Decision,
    FundingProposal,
    Override,
    RankedProposal,
    Rubric,
    SelectionResult,
    SelectionRules,
)
from kopru.calls.selection.optimizer import select_for_funding
from kopru.calls.selection.ranking import rank_proposals

__all__ = [
    "Decision",
    "FundingProposal",
    "Override",
    "RankedProposal",
    "Rubric",
    "SelectionResult",
    "SelectionRules",
    "rank_proposals",
    "select_for_funding",
]
