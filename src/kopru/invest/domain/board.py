"""The kanban board's columns: a count per stage and the first cards of each, in two queries whatever
the number of deals (a column of 3,000 cards made the page 3.8 MB and 3.5 s)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber

from kopru.invest.models import Deal, Pipeline, Stage

CARDS_PER_COLUMN = 25


@dataclass(frozen=True)
class Column:
    stage: Stage
    total: int
    deals: list[Deal]
    offset: int = 0

    @property
    def next_offset(self) -> int:
        return self.offset + len(self.deals)

    @property
    def more(self) -> int:
        return max(self.total - self.next_offset, 0)


def _card_queryset(deals):
    return deals.select_related("company__organisation").order_by("position", "pk")


def board_columns(pipeline: Pipeline, deals, per_column: int = CARDS_PER_COLUMN) -> list[Column]:
    """`deals`: a queryset already narrowed to what the reader may see."""
    deals = deals.filter(pipeline=pipeline)
    stages = list(pipeline.stages.annotate(total=Count("deals", filter=Q(deals__in=deals))).order_by("order"))
    first = (
        _card_queryset(deals)
        .annotate(rank=Window(RowNumber(), partition_by=[F("stage_id")], order_by=[F("position"), F("pk")]))
        .filter(rank__lte=per_column)
    )
    by_stage: dict[int, list[Deal]] = {stage.pk: [] for stage in stages}
    for deal in first:
        by_stage.setdefault(deal.stage_id, []).append(deal)
    return [Column(stage, stage.total, by_stage[stage.pk]) for stage in stages]


def column_page(stage: Stage, deals, offset: int, per_column: int = CARDS_PER_COLUMN) -> Column:
    """The next cards of one column ("show more")."""
    queryset = _card_queryset(deals.filter(pipeline_id=stage.pipeline_id, stage=stage))
    total = queryset.count()
    return Column(stage, total, list(queryset[offset : offset + per_column]), offset)
