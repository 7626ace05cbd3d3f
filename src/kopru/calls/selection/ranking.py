"""Ranking by weighted rubric score with fixed, documented tie rules.

Order: higher quality (weighted mean), then the higher lowest-criterion score (a proposal with no weak
criterion beats an uneven one with the same mean), then earlier submission (a missing date sorts last),
then proposal id. Qualities are compared after rounding to 9 decimals so float noise in the weighted
mean never decides a tie.
"""

from __future__ import annotations

from datetime import UTC, datetime

from kopru.calls.selection.model import FundingProposal, RankedProposal, Rubric

_QUALITY_DECIMALS = 9


def submission_time(value: str | None) -> datetime | None:
    """ISO 8601; a time without a zone is taken as UTC so mixed inputs still compare."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _sort_key(proposal: FundingProposal, rubric: Rubric) -> tuple:
    lowest = min(proposal.scores[c] for c in rubric.weights) if rubric.weights else 0.0
    return (
        -round(rubric.quality(proposal), _QUALITY_DECIMALS),
        -lowest,
        proposal.submitted_at is None,
        submission_time(proposal.submitted_at) or datetime.min.replace(tzinfo=UTC),
        proposal.id,
    )


def rank_proposals(proposals: list[FundingProposal], rubric: Rubric) -> list[RankedProposal]:
    ordered = sorted(proposals, key=lambda p: _sort_key(p, rubric))
    return [
        RankedProposal(
            rank=position,
            proposal_id=p.id,
            quality=rubric.quality(p),
            lowest_criterion=min((p.scores[c] for c in rubric.weights), default=0.0),
            submitted_at=p.submitted_at,
        )
        for position, p in enumerate(ordered, start=1)
    ]
