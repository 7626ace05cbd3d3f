"""The records behind every number: one function per kind gives the visible, scoped queryset that both the
counts and the drill-down list read, so a cell and the list it opens always agree."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kopru.calls.models import Proposal
from kopru.calls.rules import visible_proposals
from kopru.core.access import visible_to
from kopru.engage.models import Agreement, CooperationArea, Engagement
from kopru.insights.domain.scope import Scope
from kopru.invest.models import Deal, StageChange

KIND_LABELS = {
    "areas": _("Cooperation areas"),
    "engagements": _("Engagements"),
    "agreements": _("Agreements"),
    "deals": _("Deals"),
    "proposals": _("Call proposals"),
}


def _in_sectors(queryset: QuerySet, scope: Scope, lookup: str) -> QuerySet:
    if not scope.sector:
        return queryset
    ids = queryset.model.objects.filter(**{f"{lookup}__in": scope.sector_codes}).values("pk")
    return queryset.filter(pk__in=ids)


def areas(scope: Scope, user, *, status: str = "") -> QuerySet:
    a, b = scope.pair
    queryset = visible_to(CooperationArea.objects.all(), user).filter(
        Q(country_a=a, country_b=b) | Q(country_a=b, country_b=a)
    )
    queryset = queryset.filter(scope.sector_q("sector__code"))
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def engagements(scope: Scope, user) -> QuerySet:
    """Engagements held in one of the pair's countries (or with no country recorded)."""
    queryset = visible_to(Engagement.objects.all(), user).filter(
        Q(country__in=scope.pair) | Q(country__isnull=True)
    )
    return _in_sectors(queryset.filter(scope.date_q("start_date")), scope, "sectors__code")


def agreements(scope: Scope, user) -> QuerySet:
    queryset = visible_to(Agreement.objects.all(), user).filter(scope.date_q("signed_date"))
    return _in_sectors(queryset, scope, "sectors__code")


def deals(scope: Scope, user) -> QuerySet:
    """Deals; with a period, those that moved (entered a stage) within it."""
    queryset = visible_to(Deal.objects.all(), user)
    if scope.start or scope.end:
        moved = StageChange.objects.filter(scope.date_q("at__date")).values("deal_id")
        queryset = queryset.filter(pk__in=moved)
    return _in_sectors(queryset, scope, "sectors__code")


def proposals(scope: Scope, user) -> QuerySet:
    queryset = visible_proposals(Proposal.objects.all(), user).filter(scope.date_q("submitted_at__date"))
    return queryset.filter(scope.sector_q("topic__code"))


SOURCES = {
    "areas": areas,
    "engagements": engagements,
    "agreements": agreements,
    "deals": deals,
    "proposals": proposals,
}
