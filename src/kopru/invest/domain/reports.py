"""Pipeline figures: the funnel (deals that reached each stage) and value by stage.

Every figure is an SQL aggregate: the number of queries and the memory do not grow with the number of
deals or stage changes (the desk of 5,000 deals and their history used to be loaded into Python).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from kopru.invest.enums import StagePhase
from kopru.invest.models import Pipeline, StageChange

MONEY = DecimalField(max_digits=20, decimal_places=4)


@dataclass(frozen=True)
class StageFigures:
    stage: object
    current: int  # deals in the stage now
    reached: int  # deals that are in this stage or passed through it (funnel)
    announced: Decimal
    committed: Decimal
    realised: Decimal
    weighted: Decimal  # announced (or committed) × probability


def _value_by_stage(pipeline: Pipeline, deals) -> dict[int, dict]:
    """Per stage: deals in it now, and the USD amounts (sum; weighted by the effective probability)."""
    usd = Q(deals__currency="USD") & Q(deals__in=deals)
    probability = Coalesce("deals__probability", "probability")
    amount = Coalesce("deals__committed_amount", "deals__announced_amount", Value(Decimal(0)))
    weighted = ExpressionWrapper(amount * probability, output_field=MONEY)
    rows = pipeline.stages.annotate(
        current=Count("deals", filter=Q(deals__in=deals), distinct=True),
        announced=Sum("deals__announced_amount", filter=usd),
        committed=Sum("deals__committed_amount", filter=usd),
        realised=Sum("deals__realised_amount", filter=usd),
        weighted_percent=Sum(weighted, filter=usd),
    ).values("pk", "current", "announced", "committed", "realised", "weighted_percent")
    return {row["pk"]: row for row in rows}


def _furthest_histogram(pipeline: Pipeline, deals) -> dict[int, int]:
    """{stage order: number of deals whose furthest (not lost) stage of this pipeline had that order}."""
    furthest = (
        StageChange.objects.filter(deal=OuterRef("pk"), to_stage__pipeline=pipeline)
        .exclude(to_stage__phase=StagePhase.LOST)
        .order_by("-to_stage__order")
        .values("to_stage__order")[:1]
    )
    rows = (
        deals.order_by()
        .annotate(furthest=Subquery(furthest))
        .filter(furthest__isnull=False)
        .values("furthest")
        .annotate(n=Count("pk"))
        .values_list("furthest", "n")
    )
    return dict(rows)


def pipeline_figures(pipeline: Pipeline, deals) -> list[StageFigures]:
    """Figures per stage for `deals` (a queryset already narrowed to what the user may read), USD only."""
    deals = deals.filter(pipeline=pipeline)
    stages = list(pipeline.stages.order_by("order"))
    per_stage = _value_by_stage(pipeline, deals)
    # Funnel: a deal reached every open/signed/delivery stage up to the furthest one it has been in.
    histogram = _furthest_histogram(pipeline, deals)
    figures = []
    for stage in stages:
        row = per_stage.get(stage.pk, {})
        reached = (
            row.get("current", 0)
            if stage.phase == StagePhase.LOST
            else sum(n for order, n in histogram.items() if order >= stage.order)
        )
        weighted = (row.get("weighted_percent") or Decimal(0)) / 100
        figures.append(
            StageFigures(
                stage=stage,
                current=row.get("current", 0),
                reached=reached,
                announced=row.get("announced") or Decimal(0),
                committed=row.get("committed") or Decimal(0),
                realised=row.get("realised") or Decimal(0),
                weighted=Decimal(weighted).quantize(Decimal("0.01")),
            )
        )
    return figures
