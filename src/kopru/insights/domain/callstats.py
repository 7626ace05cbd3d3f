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


def call_tables(scope: Scope, user) -> list[Table]:
    proposals = sources.proposals(scope, user).exclude(
        status__in=[ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN]
    )
    counts = {
        "proposals": Count("pk", distinct=True),
        "decided": Count("pk", distinct=True, filter=Q(status__in=DECIDED)),
        "funded": Count("pk", distinct=True, filter=Q(status=ProposalStatus.FUNDED)),
    }
    ids = proposals.values("pk")
    funding_by_proposal = dict(
        BudgetLine.objects.filter(partner__proposal__in=ids, partner__proposal__status=ProposalStatus.FUNDED)
        .values("partner__proposal")
        .annotate(total=Sum("amount"))
        .values_list("partner__proposal", "total")
        .order_by()
    )
    funded_ids = set(funding_by_proposal)

    topic = Table("calls-topic", _("Proposals by topic"), _columns("topic", _("topic")))
    topic_funding = defaultdict(Decimal)
    for pid, code in proposals.filter(pk__in=funded_ids).values_list("pk", "topic__code").order_by():
        topic_funding[code] += funding_by_proposal.get(pid, 0)
    for row in proposals.values("topic__code", "topic__name").annotate(**counts).order_by("topic__name"):
        topic.add(
            {
                "topic": row["topic__name"] or "—",
                "proposals": row["proposals"],
                "decided": row["decided"],
                "funded": row["funded"],
                "rate": _rate(row["funded"], row["decided"]),
                "funding": topic_funding.get(row["topic__code"], Decimal(0)),
            }
        )

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
        country.add(
            {
                "country": row["country__name"],
                "proposals": row["proposals"],
                "decided": row["decided"],
                "funded": row["funded"],
                "rate": _rate(row["funded"], row["decided"]),
                "funding": country_funding.get(row["country_id"], Decimal(0)),
            }
        )

    institution = Table(
        "calls-institution",
        _("Proposals by applicant institution"),
        _columns("institution", _("institution")),
    )
    inst_funding = defaultdict(Decimal)
    for pid, org in proposals.filter(pk__in=funded_ids).values_list("pk", "organisation_id").order_by():
        inst_funding[org] += funding_by_proposal.get(pid, 0)
    rows = (
        proposals.values("organisation_id", "organisation__name")
        .annotate(**counts)
        .order_by("-proposals", "organisation__name")[:50]
    )
    for row in rows:
        institution.add(
            {
                "institution": row["organisation__name"],
                "proposals": row["proposals"],
                "decided": row["decided"],
                "funded": row["funded"],
                "rate": _rate(row["funded"], row["decided"]),
                "funding": inst_funding.get(row["organisation_id"], Decimal(0)),
            }
        )

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
    if is_officer_user(user):
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
    return [topic, country, institution, load]
