"""Plain data for choosing which proposals of a joint call to fund."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FundingProposal:
    id: str
    scores: dict[str, float]  # rubric criterion -> panel score
    # side (country code) -> amount that side's agency pays for its own partners, in its own currency
    cost: dict[str, float]
    topic: str | None = None
    submitted_at: str | None = None  # ISO 8601; only used to break ties (earlier first)


@dataclass(frozen=True)
class Rubric:
    weights: dict[str, float]  # criterion -> weight

    def quality(self, proposal: FundingProposal) -> float:
        """Weighted mean of the criterion scores, so quality stays on the scoring scale (e.g. 0–10)."""
        missing = sorted(set(self.weights) - set(proposal.scores))
        if missing:
            raise ValueError(f"proposal {proposal.id}: scores: missing criterion {missing[0]!r}")
        total_weight = sum(self.weights.values())
        return sum(weight * proposal.scores[c] for c, weight in self.weights.items()) / total_weight


@dataclass(frozen=True)
class Override:
    fund: bool
    reason: str


@dataclass
class SelectionRules:
    budgets: dict[str, float]  # side -> budget, in that side's currency
    min_funded_per_topic: dict[str, int] = field(default_factory=dict)
    quality_threshold: float | None = None
    overrides: dict[str, Override] = field(default_factory=dict)  # proposal id -> forced decision


@dataclass(frozen=True)
class RankedProposal:
    rank: int
    proposal_id: str
    quality: float
    lowest_criterion: float
    submitted_at: str | None


@dataclass(frozen=True)
class Decision:
    proposal_id: str
    funded: bool
    # funded | override_funded | override_unfunded | below_threshold | exceeds_budget | budget |
    # displaced | topic_quota | no_gain
    kind: str
    reason: str


@dataclass
class SelectionResult:
    status: str  # optimal | infeasible
    funded: list[str]  # in ranking order
    total_quality: float
    spent: dict[str, float]
    decisions: dict[str, Decision]  # every proposal, funded or not
    explanation: str | None = None
