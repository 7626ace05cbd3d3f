"""Pipeline figures: the funnel (deals that reached each stage) and value by stage."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from kopru.invest.enums import StagePhase
from kopru.invest.models import Pipeline, StageChange


@dataclass(frozen=True)
class StageFigures:
    stage: object
    current: int  # deals in the stage now
    reached: int  # deals that are in this stage or passed through it (funnel)
    announced: Decimal
    committed: Decimal
    realised: Decimal
    weighted: Decimal  # announced (or committed) × probability


def pipeline_figures(pipeline: Pipeline, deals) -> list[StageFigures]:
    """Figures per stage for `deals` (a queryset already narrowed to what the user may read), USD only."""
    deals = deals.filter(pipeline=pipeline)
    stages = list(pipeline.stages.order_by("order"))
    usd = Q(deals__currency="USD") & Q(deals__in=deals)
    per_stage = {
        row["pk"]: row
        for row in pipeline.stages.annotate(
            current=Count("deals", filter=Q(deals__in=deals), distinct=True),
            announced=Sum("deals__announced_amount", filter=usd),
            committed=Sum("deals__committed_amount", filter=usd),
            realised=Sum("deals__realised_amount", filter=usd),
        ).values("pk", "current", "announced", "committed", "realised")
    }
    # Funnel: a deal reached every open/signed/delivery stage up to the furthest one it has been in.
    furthest: dict[int, int] = {}
    order_of = {stage.pk: stage.order for stage in stages}
    changes = StageChange.objects.filter(deal__in=deals).values_list("deal_id", "to_stage_id")
    for deal_id, stage_id in changes:
        order = order_of.get(stage_id)
        stage_phase = next((s.phase for s in stages if s.pk == stage_id), None)
        if order is not None and stage_phase != StagePhase.LOST:
            furthest[deal_id] = max(furthest.get(deal_id, 0), order)
    weighted_by_stage: dict[int, Decimal] = {}
    for deal in deals.filter(currency="USD").select_related("stage"):
        amount = deal.committed_amount or deal.announced_amount or Decimal(0)
        weighted_by_stage[deal.stage_id] = weighted_by_stage.get(deal.stage_id, Decimal(0)) + (
            amount * deal.effective_probability / 100
        )
    figures = []
    for stage in stages:
        row = per_stage.get(stage.pk, {})
        reached = (
            row.get("current", 0)
            if stage.phase == StagePhase.LOST
            else sum(1 for order in furthest.values() if order >= stage.order)
        )
        figures.append(
            StageFigures(
                stage=stage,
                current=row.get("current", 0),
                reached=reached,
                announced=row.get("announced") or Decimal(0),
                committed=row.get("committed") or Decimal(0),
                realised=row.get("realised") or Decimal(0),
                weighted=weighted_by_stage.get(stage.pk, Decimal(0)).quantize(Decimal("0.01")),
            )
        )
    return figures
