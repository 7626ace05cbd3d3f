"""Pipeline figures: the funnel (deals that reached each stage) and value by stage.

Every figure is an SQL aggregate over the deals: the number of queries and the memory do not grow with the
number of deals or stage changes (the desk of 5,000 deals and their history used to be loaded into Python).
The funnel reads each deal's furthest stage from `Deal.furthest_stage`, kept by kopru.invest.domain.funnel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, localcontext

from django.db import connections
from django.db.models import Count, DecimalField, ExpressionWrapper, Q, Sum, Value
from django.db.models.functions import Coalesce

from kopru.core import access, versions
from kopru.invest.domain.rows import plain_condition, stages_of
from kopru.invest.enums import StagePhase
from kopru.invest.models import Deal, Pipeline

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


def _value_by_stage(deals) -> dict[int, dict]:
    """Per stage: deals in it now, and the USD amounts (sum; weighted by the effective probability).

    One GROUP BY over the readable deals (`deals` is already narrowed to the pipeline): counting from the
    stages' side joined every deal and tested it against the readable set, 17 ms for 5,000 deals."""
    return {row["stage"]: row for row in _sums_grouped_by(deals, "stage")}


def _sums_grouped_by(deals, *fields):
    """The deals grouped by `fields`: how many, and their USD amounts (announced, committed, realised, and
    the amount weighted by the effective probability, in percent)."""
    usd = Q(currency="USD")
    probability = Coalesce("probability", "stage__probability")
    amount = Coalesce("committed_amount", "announced_amount", Value(Decimal(0)))
    weighted = ExpressionWrapper(amount * probability, output_field=MONEY)
    return (
        deals.order_by()
        .values(*fields)
        .annotate(
            current=Count("pk"),
            announced=Sum("announced_amount", filter=usd),
            committed=Sum("committed_amount", filter=usd),
            realised=Sum("realised_amount", filter=usd),
            weighted_percent=Sum(weighted, filter=usd),
        )
    )


def _furthest_histogram(deals) -> dict[int, int]:
    """{furthest stage id: number of deals whose furthest (not lost) stage is that one}: a GROUP BY on the
    deals' kept `furthest_stage` (kopru.invest.domain.funnel; grouping every stage change per deal on each
    request was two thirds of the page's statement)."""
    rows = (
        deals.order_by().values("furthest_stage").annotate(n=Count("pk")).values_list("furthest_stage", "n")
    )
    return {stage_id: n for stage_id, n in rows if stage_id is not None}


SUMS = ("announced", "committed", "realised", "weighted_percent")


# The readable deals' columns the sums need (when they are read as a subquery), in the table's names.
_SUMMED_COLUMNS = (
    "id",
    "stage_id",
    "furthest_stage_id",
    "currency",
    "announced_amount",
    "committed_amount",
    "realised_amount",
    "probability",
)


def _value_and_histogram_postgresql(
    deals, probabilities: dict[int, int]
) -> tuple[dict[int, dict], dict[int, int]]:
    """`_value_by_stage` and `_furthest_histogram` in one statement, one pass over the readable deals grouped
    by (stage now, furthest stage), then added up per stage and per furthest stage here (two statements read
    the deals twice). PostgreSQL only: its numeric sums are exact, so adding the groups' sums gives the same
    Decimal.

    The statement is `_sums_grouped_by(deals, "stage", "furthest_stage")` written out around the readable
    deals' own condition (`plain_condition`), or their columns as a subquery (which PostgreSQL folds into
    the grouping) for a company user's: building and compiling the five aggregates through the ORM cost
    about 2 ms of CPU on every home page.

    The weighted sum, SUM(amount × COALESCE(deal's probability, stage's)), is asked in two parts: the deals
    with a probability of their own (amount × theirs), and the amounts of the others, which the stage's
    probability (`probabilities`, by stage id: one value per group, since the group is one stage) then
    multiplies here. Σ amount × p = p × Σ amount exactly (Decimal arithmetic, no rounding at this
    precision), so the figure is the same Decimal, and the statement no longer joins every deal to its stage
    and multiplies it (2.0 → 1.4 ms of PostgreSQL's CPU for the bench's 4,750 readable deals)."""
    table = f'"{Deal._meta.db_table}"'
    readable = plain_condition(deals)
    if readable is not None:  # the deals' own condition on their table
        source, where, source_params = table, f" WHERE {readable[0]}", readable[1]
    else:
        # their columns as a subquery named like the table. A company user's deals come `.distinct()`;
        # grouped through the ORM the DISTINCT applied to the groups, which are distinct anyway (the deals'
        # link to the company's organisation is a chain of foreign keys, one row per deal), and kept here it
        # would stop PostgreSQL folding the subquery into the grouping.
        columns = deals.order_by().values(*_SUMMED_COLUMNS)
        columns.query.distinct = False
        inner, inner_params = columns.query.sql_with_params()
        names = ", ".join(f'"{Deal._meta.get_field(name).column}"' for name in _SUMMED_COLUMNS)
        source, where, source_params = f"({inner}) {table} ({names})", "", list(inner_params)

    def column(name):
        return f'{table}."{Deal._meta.get_field(name).column}"'

    usd = f"FILTER (WHERE {column('currency')} = %s)"
    amount = f"COALESCE({column('committed_amount')}, {column('announced_amount')}, %s)"
    own = f"{column('probability')} IS NOT NULL"
    sql = (
        f"SELECT {column('stage')}, {column('furthest_stage')}, COUNT({column('id')}),"
        f" SUM({column('announced_amount')}) {usd},"
        f" SUM({column('committed_amount')}) {usd},"
        f" SUM({column('realised_amount')}) {usd},"
        f" SUM({amount} * {column('probability')}) FILTER (WHERE {column('currency')} = %s AND {own}),"
        f" SUM({amount}) FILTER (WHERE {column('currency')} = %s AND NOT {own})"
        f" FROM {source}{where} GROUP BY {column('stage')}, {column('furthest_stage')}"
    )
    with connections[deals.db].cursor() as cursor:
        cursor.execute(sql, ["USD", "USD", "USD", Decimal(0), "USD", Decimal(0), "USD", *source_params])
        rows = cursor.fetchall()
    per_stage: dict[int, dict] = {}
    histogram: dict[int, int] = {}
    with localcontext() as exact:
        exact.prec = 100  # far beyond any sum of numeric(14, 2) amounts times a percentage: no rounding
        for stage_id, furthest, count, announced, committed, realised, weighted, by_stage in rows:
            if by_stage is not None:
                probability = probabilities.get(stage_id)
                # (a stage of another pipeline only if a deal's pipeline were changed by hand: its row is
                # not shown, `pipeline_figures` reads this pipeline's stages only)
                if probability is not None:
                    by_stage = by_stage * probability
                    weighted = by_stage if weighted is None else weighted + by_stage
            row = per_stage.get(stage_id)
            if row is None:
                row = per_stage[stage_id] = {"stage": stage_id, "current": 0, **dict.fromkeys(SUMS)}
            row["current"] += count
            for name, value in zip(SUMS, (announced, committed, realised, weighted), strict=True):
                if value is not None:
                    row[name] = value if row[name] is None else row[name] + value
            if furthest is not None:
                histogram[furthest] = histogram.get(furthest, 0) + count
    return per_stage, histogram


# The tables the home page's figures and counts read (kopru.core.versions): the deals, the companies that
# lead a company user to their deals, the stages (their probabilities weight the sums), the opportunities.
FIGURE_MODELS = ("invest.deal", "invest.companyprofile", "invest.stage", "invest.opportunity")


def _grouped(deals, stages) -> tuple[dict[int, dict], dict[int, int]]:
    """(per stage: deals in it now and the sums, {furthest stage id: deals}) of `deals` (one pipeline's)."""
    if connections[deals.db].vendor == "postgresql":
        return _value_and_histogram_postgresql(deals, {stage.pk: stage.probability for stage in stages})
    return _value_by_stage(deals), _furthest_histogram(deals)


def home_figures(pipeline: Pipeline | None, user, counted: Callable[[], list[int]]) -> tuple[list, list[int]]:
    """The home page's figures per stage of `pipeline` (None: no figures) for the deals `user` may read,
    and `counted()` (the page's cards' counts for `user`), kept per data version of FIGURE_MODELS and the
    reader's visibility scope (kopru.core.versions): the grouping of the ~4,750 readable deals with their
    sums and the three counts were about 3 ms of PostgreSQL's CPU on every view."""
    stages = stages_of(pipeline.pk) if pipeline else []

    def compute():
        deals = access.visible_to(Deal.objects.all(), user)
        grouped = _grouped(deals.filter(pipeline=pipeline), stages) if pipeline else ({}, {})
        return grouped, counted()

    key = (pipeline.pk if pipeline else None, access.reader_scope(user))
    (per_stage, furthest), counts = versions.remembered("invest-home", key, FIGURE_MODELS, compute)
    return (_figures(stages, per_stage, furthest) if pipeline else []), counts


def pipeline_figures(pipeline: Pipeline, deals) -> list[StageFigures]:
    """Figures per stage for `deals` (a queryset already narrowed to what the user may read), USD only."""
    stages = stages_of(pipeline.pk)
    return _figures(stages, *_grouped(deals.filter(pipeline=pipeline), stages))


def _figures(stages, per_stage: dict[int, dict], furthest: dict[int, int]) -> list[StageFigures]:
    # Funnel: a deal reached every open/signed/delivery stage up to the furthest one it has been in.
    orders = {stage.pk: stage.order for stage in stages}
    histogram: dict[int, int] = {}
    for stage_id, n in furthest.items():
        order = orders.get(stage_id)
        if order is not None:  # (a stage of another pipeline only if a deal's pipeline were changed by hand)
            histogram[order] = histogram.get(order, 0) + n
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
