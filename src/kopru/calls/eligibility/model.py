"""Plain data for checking a joint-call proposal against the call's eligibility rules."""

from __future__ import annotations

from dataclasses import dataclass, field

ORGANISATION_KINDS = ("government", "company", "agency", "research", "media", "international", "other")


@dataclass(frozen=True)
class Partner:
    name: str
    country: str  # ISO 3166 alpha-2, e.g. "TR", "CN"
    kind: str  # one of ORGANISATION_KINDS
    principal_investigator: str | None = None
    budget: float = 0.0  # requested from this partner's own national agency
    currency: str | None = None


@dataclass(frozen=True)
class ProposalSubmission:
    id: str
    partners: tuple[Partner, ...]
    duration_months: int | None = None
    documents: tuple[str, ...] = ()  # kinds of the attached documents, e.g. "work_plan", "cv"


@dataclass(frozen=True)
class SideBudget:
    max_amount: float
    currency: str  # each agency funds its own partners in its own currency


@dataclass(frozen=True)
class EligibilityRules:
    countries: tuple[str, ...]  # the call's countries; each needs partners
    min_partners_per_country: int = 1
    only_call_countries: bool = True  # partners from other countries are not allowed
    allowed_kinds: tuple[str, ...] | None = None  # None: every kind
    max_duration_months: int | None = None
    max_budget_per_side: dict[str, SideBudget] = field(default_factory=dict)
    required_documents: tuple[str, ...] = ()
    principal_investigator_required: bool = True


@dataclass(frozen=True)
class RuleResult:
    rule: str
    passed: bool
    reason: str


@dataclass
class EligibilityReport:
    proposal_id: str
    results: list[RuleResult]

    @property
    def eligible(self) -> bool:
        return all(result.passed for result in self.results)

    @property
    def failures(self) -> list[RuleResult]:
        return [result for result in self.results if not result.passed]
