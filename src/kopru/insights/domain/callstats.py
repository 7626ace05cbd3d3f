"""Joint R&D call statistics: proposals, success rate and funding by topic, country and institution;
reviewer load and review turnaround (for officers only: who reviews what is not public)."""

from __future__ import annotations

import statistics
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from kopru.calls.enums import ProposalStatus
from kopru.calls.models import BudgetLine, Partner, ReviewAssignment
from kopru.calls.rules import is_officer_user
from kopru.insights.domain import sources
from kopru.insights.domain.memo import remembered
from kopru.insights.domain.scope import Scope
from kopru.insights.domain.tables import Table

DECIDED = (ProposalStatus.FUNDED, ProposalStatus.NOT_FUNDED)


def _rate(funded: int, decided: int):
    return round(100 * funded / decided) if decided else None


def _columns(first_key, first_label):
    return [
        (first_key, first_label),
        ("proposals", _("proposals")),
        ("decided", _("decided")),
        ("funded", _("funded")),
        ("rate", _("success rate (%)")),
        ("funding", _("funding asked by funded partners")),
    ]


def _counts() -> dict:
    return {
        "proposals": Count("pk", distinct=True),
        "decided": Count("pk", distinct=True, filter=Q(status__in=DECIDED)),
        "funded": Count("pk", distinct=True, filter=Q(status=ProposalStatus.FUNDED)),
    }


def call_tables(scope: Scope, user) -> list[Table]:
    """By topic, by partner country, by applicant institution, and reviewer load; remembered until the
    record changes (proposals, partners, budget lines, assignments, reviews and decisions are all watched:
    kopru.insights.domain.changes)."""
    return remembered("calls", user, (scope,), lambda: _call_tables(scope, user))


def _call_tables(scope: Scope, user) -> list[Table]:
    proposals = sources.proposals(scope, user).exclude(
        status__in=[ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN]
    )
    ids = proposals.values("pk")
    funding_by_proposal = _funding_by_proposal(ids)
    return [
        _topic_table(proposals, funding_by_proposal),
        _country_table(ids),
        _institution_table(proposals, funding_by_proposal),
        _reviewer_table(ids, user),
    ]


def _funding_by_proposal(ids) -> dict:
    return dict(
        BudgetLine.objects.filter(partner__proposal__in=ids, partner__proposal__status=ProposalStatus.FUNDED)
        .values("partner__proposal")
        .annotate(total=Sum("amount"))
        .values_list("partner__proposal", "total")
        .order_by()
    )


def _funding_by(proposals, funding_by_proposal: dict, field: str) -> defaultdict:
    """The funded proposals' funding summed per value of field."""
    funding = defaultdict(Decimal)
    for pid, key in proposals.filter(pk__in=set(funding_by_proposal)).values_list("pk", field).order_by():
        funding[key] += funding_by_proposal.get(pid, 0)
    return funding


def _stats_row(first_key: str, first_value, row, funding) -> dict:
    return {
        first_key: first_value,
        "proposals": row["proposals"],
        "decided": row["decided"],
        "funded": row["funded"],
        "rate": _rate(row["funded"], row["decided"]),
        "funding": funding,
    }


def _topic_table(proposals, funding_by_proposal: dict) -> Table:
    topic = Table("calls-topic", _("Proposals by topic"), _columns("topic", _("topic")))
    topic_funding = _funding_by(proposals, funding_by_proposal, "topic__code")
    for row in proposals.values("topic__code", "topic__name").annotate(**_counts()).order_by("topic__name"):
        funding = topic_funding.get(row["topic__code"], Decimal(0))
        topic.add(_stats_row("topic", row["topic__name"] or "—", row, funding))
    return topic


def _country_table(ids) -> Table:
    country = Table("calls-country", _("Proposals by partner country"), _columns("country", _("country")))
    partner_rows = (
        Partner.objects.filter(proposal__in=ids)
        .values("country_id", "country__name")
        .annotate(
            proposals=Count("proposal", distinct=True),
            decided=Count("proposal", distinct=True, filter=Q(proposal__status__in=DECIDED)),
            funded=Count("proposal", distinct=True, filter=Q(proposal__status=ProposalStatus.FUNDED)),
        )
        .order_by("country__name")
    )
    country_funding = dict(
        BudgetLine.objects.filter(partner__proposal__in=ids, partner__proposal__status=ProposalStatus.FUNDED)
        .values("partner__country_id")
        .annotate(total=Sum("amount"))
        .values_list("partner__country_id", "total")
        .order_by()
    )
    for row in partner_rows:
        funding = country_funding.get(row["country_id"], Decimal(0))
        country.add(_stats_row("country", row["country__name"], row, funding))
    return country


def _institution_table(proposals, funding_by_proposal: dict) -> Table:
    institution = Table(
        "calls-institution",
        _("Proposals by applicant institution"),
        _columns("institution", _("institution")),
    )
    inst_funding = _funding_by(proposals, funding_by_proposal, "organisation_id")
    rows = (
        proposals.values("organisation_id", "organisation__name")
        .annotate(**_counts())
        .order_by("-proposals", "organisation__name")[:50]
    )
    for row in rows:
        funding = inst_funding.get(row["organisation_id"], Decimal(0))
        institution.add(_stats_row("institution", row["organisation__name"], row, funding))
    return institution


def _reviewer_table(ids, user) -> Table:
    load = Table(
        "calls-reviewers",
        _("Reviewer load and turnaround"),
        [
            ("reviewer", _("reviewer")),
            ("assigned", _("assigned")),
            ("submitted", _("reviews submitted")),
            ("median_days", _("median days to review")),
        ],
    )
    if not is_officer_user(user):
        return load
    turnaround = defaultdict(list)
    assigned = defaultdict(int)
    names = {}
    for reviewer_id, username, created, submitted in (
        ReviewAssignment.objects.filter(proposal__in=ids)
        .values_list("reviewer_id", "reviewer__username", "created_at", "review__submitted_at")
        .order_by()
    ):
        names[reviewer_id] = username
        assigned[reviewer_id] += 1
        if submitted:
            turnaround[reviewer_id].append((submitted - created).total_seconds() / 86400)
    for reviewer_id in sorted(names, key=lambda r: (-assigned[r], names[r])):
        days = turnaround[reviewer_id]
        load.add(
            {
                "reviewer": names[reviewer_id],
                "assigned": assigned[reviewer_id],
                "submitted": len(days),
                "median_days": round(statistics.median(days), 1) if days else None,
            }
        )
    return load
