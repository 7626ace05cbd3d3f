"""Pipeline figures: the funnel (deals that reached each stage) and value by stage.

Every figure is an SQL aggregate: the number of queries and the memory do not grow with the number of
deals or stage changes (the desk of 5,000 deals and their history used to be loaded into Python).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import connections
from django.db.models import Count, DecimalField, ExpressionWrapper, Max, Q, Sum, Value
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
    """Per stage: deals in it now, and the USD amounts (sum; weighted by the effective probability).

    One GROUP BY over the readable deals (`deals` is already narrowed to the pipeline): counting from the
    stages' side joined every deal and tested it against the readable set, 17 ms for 5,000 deals."""
    usd = Q(currency="USD")
    probability = Coalesce("probability", "stage__probability")
    amount = Coalesce("committed_amount", "announced_amount", Value(Decimal(0)))
    weighted = ExpressionWrapper(amount * probability, output_field=MONEY)
    rows = (
        deals.order_by()
        .values("stage")
        .annotate(
            current=Count("pk"),
            announced=Sum("announced_amount", filter=usd),
            committed=Sum("committed_amount", filter=usd),
            realised=Sum("realised_amount", filter=usd),
            weighted_percent=Sum(weighted, filter=usd),
        )
    )
    return {row["stage"]: row for row in rows}


def _furthest_histogram(pipeline: Pipeline, deals) -> dict[int, int]:
    """{stage order: number of deals whose furthest (not lost) stage of this pipeline had that order}.

    The furthest stage per deal is one GROUP BY over the stage changes, counted per order by the outer
    query (a subquery per deal took 34 ms for 5,000 deals)."""
    furthest = (
        StageChange.objects.filter(deal__in=deals.order_by().values("pk"), to_stage__pipeline=pipeline)
        .exclude(to_stage__phase=StagePhase.LOST)
        .order_by()
        .values("deal")
        .annotate(furthest=Max("to_stage__order"))
        .values("furthest")
    )
    sql, params = furthest.query.sql_with_params()
    with connections[furthest.db].cursor() as cursor:
        cursor.execute(
            f"SELECT per_deal.furthest, COUNT(*) FROM ({sql}) per_deal GROUP BY per_deal.furthest", params
        )
        return dict(cursor.fetchall())


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
