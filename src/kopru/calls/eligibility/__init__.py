"""Eligibility rules for joint R&D calls as data, and `evaluate` giving a reason for every rule.

Framework-free: plain data in, plain data out.
"""

from kopru.calls.eligibility.criteria import evaluate
from kopru.calls.eligibility.loading import (
    EligibilityDataError,
    load_rules,
    proposal_from_dict,
    rules_from_dict,
)
from kopru.calls.eligibility.model import (
    ORGANISATION_KINDS,
    EligibilityReport,
    EligibilityRules,
    Partner,
    ProposalSubmission,
    RuleResult,
    SideBudget,
)

__all__ = [
    "ORGANISATION_KINDS",
    "EligibilityDataError",
    "EligibilityReport",
    "EligibilityRules",
    "Partner",
    "ProposalSubmission",
    "RuleResult",
    "SideBudget",
    "evaluate",
    "load_rules",
    "proposal_from_dict",
    "rules_from_dict",
]
