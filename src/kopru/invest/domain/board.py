"""The kanban board's columns: a count per stage and the first cards of each, one short query a column
whatever the number of deals (a column of 3,000 cards made the page 3.8 MB and 3.5 s)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, connections
from django.db.models import Count, OuterRef

from kopru.invest.domain.rows import plain_condition
from kopru.invest.models import CompanyProfile, Deal, Pipeline, Stage

CARDS_PER_COLUMN = 25


@dataclass(frozen=True, slots=True)
class Card:
    """What a card shows, read as plain values: building 225 `Deal` models (deferred fields, the joined
    company) was about 5 ms of the board. `company` is the company profile with its organisation, for
    naming it as the reader may see it (read only when some card has one)."""

    pk: int
    title: str
    stage_id: int
    position: int
    currency: str
    announced_amount: Decimal | None
    company_id: int | None
    company: CompanyProfile | None = None


@dataclass(frozen=True)
class Column:
    stage: Stage
    total: int
    deals: list[Card]
    offset: int = 0

    @property
    def next_offset(self) -> int:
        return self.offset + len(self.deals)

    @property
    def more(self) -> int:
        return max(self.total - self.next_offset, 0)


CARD_COLUMNS = ("pk", "title", "stage_id", "position", "currency", "announced_amount", "company_id")
_CARD_FIELDS = ("id", "title", "stage", "position", "currency", "announced_amount", "company")  # their fields
# What naming a card's company reads: its visibility, its organisation's name and visibility
COMPANY_FIELDS = (
    "visibility",
    "owner_side",
    "organisation__name",
    "organisation__visibility",
    "organisation__owner_side",
)


def _card_queryset(deals):
    return deals.order_by("position", "pk")


def _cards(*groups) -> list[list[Card]]:
    """The cards of each queryset of `groups` (already narrowed, ordered and sliced), their companies read
    in one more query for all of them when some card has one."""
    return _cards_of_rows([list(deals.values_list(*CARD_COLUMNS)) for deals in groups])


def _cards_of_rows(rows: list[list[tuple]]) -> list[list[Card]]:
    """Cards from groups of rows of CARD_COLUMNS, their companies read in one more query for all of them
    when some card has one."""
    company_ids = {row[-1] for group in rows for row in group if row[-1] is not None}
    if not company_ids:
        return [[Card(*row) for row in group] for group in rows]
    companies = (
        CompanyProfile.objects.select_related("organisation").only(*COMPANY_FIELDS).in_bulk(company_ids)
    )
    return [[Card(*row, company=companies.get(row[-1])) for row in group] for group in rows]


def board_columns(pipeline: Pipeline, deals, per_column: int = CARDS_PER_COLUMN) -> list[Column]:
    """`deals`: a queryset already narrowed to what the reader may see."""
    deals = deals.filter(pipeline=pipeline)
    if connection.vendor == "postgresql":
        return _columns_postgresql(pipeline, deals, per_column)
    totals = dict(deals.order_by().values_list("stage_id").annotate(n=Count("pk")))
    stages = list(pipeline.stages.order_by("order"))
    # One short query per column along the (stage, position, id) index: a window over all of a pipeline's
    # deals sorted 5,000 rows to keep 25 of each stage.
    cards = _card_queryset(deals)
    by_stage = dict(
        zip(
            [stage.pk for stage in stages],
            _cards(*(cards.filter(stage=stage)[:per_column] for stage in stages)),
            strict=True,
        )
    )
    return [Column(stage, totals.get(stage.pk, 0), by_stage[stage.pk]) for stage in stages]


def _columns_postgresql(pipeline: Pipeline, deals, per_column: int) -> list[Column]:
    """The columns in two statements written around the readable deals' own condition, when the reader's
    deals are those of one table filtered (every reader but a company user, whose deals join their company
    and organisation); `_columns_postgresql_orm` otherwise. The same statements as the ORM's below: building
    and compiling the stages' two subqueries and the cards' query cost Django about 2.5 ms a board."""
    readable = plain_condition(deals)
    if readable is None:
        return _columns_postgresql_orm(pipeline, deals, per_column)
    condition, params = readable
    connection = connections[deals.db]
    quote = connection.ops.quote_name
    deal, stage = Deal._meta, Stage._meta
    table = quote(deal.db_table)

    def column(name):
        return f"{table}.{quote(deal.get_field(name).column)}"

    stage_columns = ", ".join(f"s.{quote(field.column)}" for field in stage.concrete_fields)
    in_stage = f"{table} WHERE {column('stage')} = s.{quote(stage.pk.column)} AND ({condition})"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {stage_columns},"
            f" ARRAY(SELECT {column('id')} FROM {in_stage}"
            f" ORDER BY {column('position')} ASC, {column('id')} ASC LIMIT %s),"
            f" (SELECT COUNT(*) FROM {in_stage})"
            f" FROM {quote(stage.db_table)} s WHERE s.{quote(stage.get_field('pipeline').column)} = %s"
            f" ORDER BY s.{quote(stage.get_field('order').column)} ASC",
            [*params, per_column, *params, pipeline.pk],
        )
        rows = cursor.fetchall()
        names = [field.attname for field in stage.concrete_fields]
        stages = [(Stage.from_db(deals.db, names, row[:-2]), row[-2], row[-1]) for row in rows]
        wanted = [pk for _stage, card_ids, _total in stages for pk in card_ids]
        cards = {}
        if wanted:
            card_columns = ", ".join(column(name) for name in _CARD_FIELDS)
            cursor.execute(
                f"SELECT {card_columns} FROM {table} WHERE {column('id')} = ANY(%s) AND ({condition})",
                [wanted, *params],
            )
            cards = {card.pk: card for card in _cards_of_rows([cursor.fetchall()])[0]}
    return [
        Column(stage, total, [cards[pk] for pk in card_ids if pk in cards])
        for stage, card_ids, total in stages
    ]


def _columns_postgresql_orm(pipeline: Pipeline, deals, per_column: int) -> list[Column]:
    """Two queries whatever the number of stages: the stages, each with the ids of its first cards (an
    array subquery per stage along the (stage, position, id) index, 0.2 ms on 5,000 deals) and its count;
    then those cards. A query per column cost about 1.4 ms of Django's CPU each (compiling it, the
    select_related rows), 9 columns 13 ms of the board's 40."""
    from django.contrib.postgres.expressions import ArraySubquery
    from django.db.models import BooleanField, IntegerField, Subquery
    from django.db.models.expressions import RawSQL
    from django.db.models.functions import Coalesce

    in_stage = deals.filter(stage=OuterRef("pk")).order_by()
    stages = list(
        pipeline.stages.order_by("order").annotate(
            card_ids=ArraySubquery(in_stage.order_by("position", "pk").values("pk")[:per_column]),
            total=Coalesce(
                Subquery(
                    in_stage.values("stage").annotate(n=Count("pk")).values("n"), output_field=IntegerField()
                ),
                0,
            ),
        )
    )
    wanted = [pk for stage in stages for pk in stage.card_ids]
    # the ids as one array parameter (`id = ANY(%s)`): `pk__in` wrote 225 placeholders, which Django
    # compiled one by one and psycopg parsed again on every request (too long for its statement cache)
    in_wanted = RawSQL(f'"{Deal._meta.db_table}"."id" = ANY(%s)', (wanted,), output_field=BooleanField())
    cards = {card.pk: card for card in _cards(deals.filter(in_wanted).order_by())[0]} if wanted else {}
    return [
        Column(stage, stage.total, [cards[pk] for pk in stage.card_ids if pk in cards]) for stage in stages
    ]


def column_page(stage: Stage, deals, offset: int, per_column: int = CARDS_PER_COLUMN) -> Column:
    """The next cards of one column ("show more")."""
    queryset = _card_queryset(deals.filter(pipeline_id=stage.pipeline_id, stage=stage))
    total = queryset.count()
    return Column(stage, total, _cards(queryset[offset : offset + per_column])[0], offset)
