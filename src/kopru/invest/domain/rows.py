"""Plain SQL reads of a few small, fixed statements the investment pages run on every view.

Each is a handful of rows by one key (a pipeline's stages, a deal's sectors or stage changes) or the few
pipelines, and Django's building and compiling of the same queryset cost 0.3-0.5 ms of CPU a statement,
more than PostgreSQL's work. The statements are written from the models' tables and columns; values pass
through the same converters Django's compiler applies (none on PostgreSQL for these columns; SQLite gives
dates as text and booleans as integers), and models are built with `Model.from_db` as the ORM builds them.
"""

from __future__ import annotations

import functools

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections

from kopru.core import access, versions
from kopru.core.models import Sector
from kopru.core.statements import for_reader
from kopru.invest.models import Deal, Pipeline, Stage


def _connection():
    return connections[Deal.objects.db]


def read(sql: str, params: list) -> list[tuple]:
    with _connection().cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def quoted(model, field_name: str | None = None, alias: str | None = None) -> str:
    """A model's table (or `alias`), or its column `field_name` qualified by either, quoted."""
    quote = _connection().ops.quote_name
    table = quote(alias or model._meta.db_table)
    if field_name is None:
        return table
    return f"{table}.{quote(model._meta.get_field(field_name).column)}"


def converters(*fields) -> list[tuple]:
    """Per column (a field, or None for a column that needs none): the column and the database backend's and
    the field's converters of a value as the cursor gives it (none on PostgreSQL for the columns read here;
    SQLite gives dates as text and booleans as integers)."""
    connection = _connection()
    found = []
    for field in fields:
        if field is None:
            found.append((None, []))
            continue
        column = field.get_col(field.model._meta.db_table)
        found.append(
            (column, [*connection.ops.get_db_converters(column), *field.get_db_converters(connection)])
        )
    return found


def converted(rows: list[tuple], converters: list[tuple]) -> list[tuple]:
    """`rows` with each column's converters applied, as Django's compiler does before building models."""
    if not any(column_converters for _column, column_converters in converters):
        return rows
    connection = _connection()
    converted = []
    for row in rows:
        values = list(row)
        for index, (column, column_converters) in enumerate(converters):
            for convert in column_converters:
                values[index] = convert(values[index], column, connection)
        converted.append(tuple(values))
    return converted


def plain_condition(queryset) -> tuple[str, list] | None:
    """The WHERE condition of `queryset` (a filtered table: the reader's visibility and the page's filters)
    compiled on its own, for a statement written around it that names the table by its own name; None when
    the queryset joins another table or is `.distinct()` (a company user's records, read through their
    company's organisation), which such a statement could not reproduce."""
    query = queryset.query
    if query.distinct:
        return None
    used = [alias for alias, count in query.alias_refcount.items() if count]
    if not used and not query.where:  # the whole table (an administrator's records)
        return "1 = 1", []
    if used != [queryset.model._meta.db_table]:
        return None
    try:
        condition, params = query.get_compiler(queryset.db).compile(query.where)
    except EmptyResultSet:
        return "1 = 0", []
    except FullResultSet:
        return "1 = 1", []
    return condition or "1 = 1", list(params)


def counts(querysets) -> list[int]:
    """`queryset.count()` of each queryset in one SELECT: `COUNT(*)` of each table under its own condition
    (`plain_condition`), or of the queryset's ids as a subquery where it joins (kopru.ui.pagination's
    `counts_in_one_statement`, which compiles every queryset's SELECT)."""
    selects, params = [], []
    for index, queryset in enumerate(querysets):
        readable = plain_condition(queryset)
        if readable is not None:
            selects.append(f"(SELECT COUNT(*) FROM {quoted(queryset.model)} WHERE {readable[0]})")
            params.extend(readable[1])
        else:
            try:
                sql, subquery_params = queryset.order_by().values("pk").query.sql_with_params()
            except EmptyResultSet:  # a queryset that can have no row (`.none()`, `pk__in=[]`)
                selects.append("0")
                continue
            selects.append(f"(SELECT COUNT(*) FROM ({sql}) counted_{index})")
            params.extend(subquery_params)
    if not selects:
        return []
    return [int(n) for n in read(f"SELECT {', '.join(selects)}", params)[0]]


def models_from(model, sql: str, params: list) -> list:
    """`model` instances of every concrete field, from a statement that selects them in their order."""
    fields = model._meta.concrete_fields
    names = [field.attname for field in fields]
    database = Deal.objects.db
    return [
        model.from_db(database, names, row) for row in converted(read(sql, params), _all_converters(model))
    ]


@functools.cache
def _all_converters(model) -> list[tuple]:
    return converters(*model._meta.concrete_fields)


def _columns(model) -> str:
    return ", ".join(quoted(model, field.name) for field in model._meta.concrete_fields)


@functools.cache
def _stages_sql() -> str:
    return (
        f"SELECT {_columns(Stage)} FROM {quoted(Stage)} WHERE {quoted(Stage, 'pipeline')} = %s"
        f" ORDER BY {quoted(Stage, 'order')} ASC"
    )


def stages_of(pipeline_id: int) -> list[Stage]:
    """A pipeline's stages in board order: `pipeline.stages.order_by("order")`."""
    return models_from(Stage, _stages_sql(), [pipeline_id])


@functools.cache
def _pipelines_sql() -> str:
    return (
        f"SELECT {_columns(Pipeline)} FROM {quoted(Pipeline)}"
        f" ORDER BY {quoted(Pipeline, 'is_default')} DESC, {quoted(Pipeline, 'name')} ASC"
    )


def all_pipelines() -> list[Pipeline]:
    """Every pipeline in the pipelines' order (the default first, then by name): `Pipeline.objects.all()`."""
    return models_from(Pipeline, _pipelines_sql(), [])


# The deals' list order (the list pages' and the API's): pipeline, stage order, position on the board, id.
DEAL_LIST_ORDER = ("pipeline_id", "stage__order", "position", "pk")


@functools.cache
def _deal_rows_sql(columns: tuple[str, ...]) -> tuple[str, list[tuple]]:
    deal = quoted(Deal)
    stage = quoted(Stage)
    selected = ", ".join([*(quoted(Deal, name) for name in columns), quoted(Stage, "code")])
    sql = (
        f"SELECT {selected} FROM {deal}"
        f" INNER JOIN {stage} ON ({quoted(Deal, 'stage')} = {quoted(Stage, 'id')})"
        f" WHERE {quoted(Deal, 'id')} IN ({{ids}}){{condition}}"
        f" ORDER BY {quoted(Deal, 'pipeline')} ASC, {quoted(Stage, 'order')} ASC,"
        f" {quoted(Deal, 'position')} ASC, {quoted(Deal, 'id')} ASC"
    )
    fields = [Deal._meta.get_field(name) for name in columns]
    return sql, converters(*fields, Stage._meta.get_field("code"))


def deal_rows(deals, offset: int, limit: int, columns: tuple[str, ...]) -> list[dict]:
    """The page `offset`, `limit` of `deals` (the readable, filtered deals in DEAL_LIST_ORDER) as dicts of
    `columns` (field names) and "stage__code": `deals.filter(pk__in=<the page's ids>).values(...)`, the
    ids sorted first (sorting whole rows cost PostgreSQL 7-15 ms for 5,000 deals, their ids 2.5 ms). The
    rows are read by a plain statement around the ids' own SQL (the filters are in it), which Django
    otherwise built and compiled a second time; a company user's deals (`.distinct()`, joined to their
    company) go through the ORM."""
    page_ids = deals.values("pk")[offset : offset + limit]
    if deals.query.distinct:
        return list(deals.filter(pk__in=page_ids).values(*columns, "stage__code"))
    ids_sql, params = page_ids.query.sql_with_params()
    sql, column_converters = _deal_rows_sql(columns)
    names = [*columns, "stage__code"]
    rows = converted(read(sql.format(ids=ids_sql, condition=""), list(params)), column_converters)
    return [dict(zip(names, row, strict=True)) for row in rows]


# What the deals' list order and its filters read (kopru.core.versions): the deals, their stages (the order,
# the stage filter), their companies (a company user's deals), their sectors (the sector filter).
LIST_MODELS = ("invest.deal", "invest.stage", "invest.companyprofile", "invest.deal_sectors", "core.sector")
# a list of more readable deals than this has its ids sorted on every page instead of kept
KEPT_IDS_LIMIT = 20_000


def ordered_ids(deals) -> list[int] | None:
    """Every id of `deals` (the readable, filtered deals in DEAL_LIST_ORDER) in that order, kept per data
    version of LIST_MODELS and the statement itself (whose SQL holds the reader's visibility filter and the
    page's filters) by kopru.core.versions; None above KEPT_IDS_LIMIT. The list's order (pipeline, stage
    order, position) has no index: PostgreSQL sorted every readable deal's id on each page (2.4 ms) and
    counted them (0.7 ms)."""
    sql, params = deals.values_list("pk", flat=True).query.sql_with_params()

    def compute():
        found = [row[0] for row in read(sql, list(params))]
        return found if len(found) <= KEPT_IDS_LIMIT else None

    return versions.remembered("deal-list-ids", (sql, tuple(params)), LIST_MODELS, compute, using=deals.db)


def _readable_condition(user, using: str):
    return plain_condition(access.visible_to(Deal.objects.using(using).all(), user))


def deal_rows_by_ids(ids: list[int], user, columns: tuple[str, ...]) -> list[dict]:
    """`deal_rows` for the page of ids `ids` (from `ordered_ids`), read again through `user`'s visibility
    (a deal hidden since the ids were kept is left out, never shown)."""
    if not ids:
        return []
    names = [*columns, "stage__code"]
    readable = for_reader("deal-readable", user, Deal.objects.db, _readable_condition)
    if readable is None:  # a company user's deals (joined to their company): the ORM's statement
        found = access.visible_to(Deal.objects.filter(pk__in=ids), user).order_by(*DEAL_LIST_ORDER)
        return list(found.values(*names))
    sql, column_converters = _deal_rows_sql(columns)
    condition, params = readable
    sql = sql.format(ids=", ".join(["%s"] * len(ids)), condition=f" AND ({condition})")
    rows = converted(read(sql, [*ids, *params]), column_converters)
    return [dict(zip(names, row, strict=True)) for row in rows]


@functools.cache
def _sector_codes_sql(count: int) -> str:
    field = Deal._meta.get_field("sectors")
    quote = _connection().ops.quote_name
    link = quote(field.remote_field.through._meta.db_table)
    deal_id = f"{link}.{quote(field.m2m_column_name())}"
    sector_id = f"{link}.{quote(field.m2m_reverse_name())}"
    return (
        f"SELECT {deal_id}, {quoted(Sector, 'code')} FROM {link}"
        f" INNER JOIN {quoted(Sector)} ON ({sector_id} = {quoted(Sector, 'id')})"
        f" LEFT OUTER JOIN {quoted(Sector)} {quote('parent')}"
        f" ON ({quoted(Sector, 'parent')} = {quoted(Sector, 'id', alias='parent')})"
        f" WHERE {deal_id} IN ({', '.join(['%s'] * count)})"
        f" ORDER BY {quoted(Sector, 'code', alias='parent')} ASC, {quoted(Sector, 'code')} ASC,"
        f" {sector_id} ASC"
    )


def sector_codes(deal_ids: list[int]) -> dict[int, list[str]]:
    """Each deal's sectors' codes in the sectors' order (parent's code, code), one statement for all."""
    codes: dict[int, list[str]] = {pk: [] for pk in deal_ids}
    if deal_ids:
        for deal_id, code in read(_sector_codes_sql(len(deal_ids)), list(deal_ids)):
            codes[deal_id].append(code)
    return codes
