"""Plain data for one reviewer-assignment problem and its answer."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Proposal:
    id: str
    text: str = ""
    organizations: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reviewer:
    id: str
    text: str = ""
    organization: str = ""
    country: str = ""
    max_load: int | None = None  # None: the instance's default limit applies
    sectors: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    # organisations the reviewer applied with in earlier calls: a co-application is a conflict
    prior_coapplicants: tuple[str, ...] = ()


@dataclass
class AssignmentInstance:
    proposals: list[Proposal]
    reviewers: list[Reviewer]
    reviews_per_proposal: int
    max_load: int | None = None
    require_each_country: tuple[str, ...] = ()
    declared_conflicts: list[tuple[str, str]] = field(default_factory=list)  # (reviewer id, proposal id)
    # reviewer id -> proposal id -> score; None means "compute from the texts"
    affinity: dict[str, dict[str, float]] | None = None

    def load_limit(self, reviewer: Reviewer) -> int:
        if reviewer.max_load is not None:
            return reviewer.max_load
        if self.max_load is None:
            raise ValueError(f"reviewer {reviewer.id} has no max_load and the instance has no default")
        return self.max_load


@dataclass
class Conflicts:
    """Conflicted (proposal index, reviewer index) pairs with the reason for each (first reason wins)."""

    mask: np.ndarray  # bool, shape (proposals, reviewers); True = may not review
    reasons: dict[tuple[int, int], str]

    @property
    def count(self) -> int:
        return int(self.mask.sum())


@dataclass(frozen=True)
class Assignment:
    proposal: str
    reviewer: str
    affinity: float


@dataclass
class AssignmentResult:
    status: str  # "optimal" | "infeasible"
    objective: float | None
    assignments: list[Assignment]
    conflicts_detected: int
    explanation: str | None
    # how far the reported objective can be from the true float optimum because the solver works on
    # affinities scaled to integers; 0.0 when every affinity is an exact multiple of the scale step
    objective_tolerance: float = 0.0

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "objective": self.objective,
            "assignments": [
                {"proposal": a.proposal, "reviewer": a.reviewer, "affinity": a.affinity}
                for a in self.assignments
            ],
            "conflicts_detected": self.conflicts_detected,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Violation:
    kind: str  # unknown | duplicate | conflict | overload | count | country
    reason: str
    proposal: str | None = None
    reviewer: str | None = None
