"""What the deal page shows around the deal's own fields, read in as few statements as the page needs.

The page read eleven statements on every view, most of them for lists that are empty on most deals (the
audit log, evidence, activities, attachments, notes), and the pipeline's stages twice (the move form's
choices, then joined twice into the timeline). Here one statement of `EXISTS` subqueries says which of the
lists have any row at all and only those are read, through the reader's visibility filter as before; the
stages are read once and serve the move form and the timeline; a timeline entry reads its mover's user
name only; the small fixed statements are plain SQL (kopru.invest.domain.rows).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connections

from kopru.core import access
from kopru.core.domain.evidence import context_snippet, evidence_for
from kopru.core.domain.notes import notes_for
from kopru.core.models import Evidence, Note, Sector
from kopru.invest.domain.rows import converted, converters, quoted, read, stages_of
from kopru.invest.models import Deal, Stage, StageChange
from kopru.ui.history import history_pairs


@dataclass(frozen=True)
class TimelineEntry:
    """One stage change as the timeline shows it (`by`: the mover's user name, what the user reads as)."""

    at: object
    from_stage: Stage | None
    to_stage: Stage
    by: str | None
    note: str
    overridden: bool
    override_reason: str


# The statements below are plain SQL written from the models' tables and columns: each is a handful of rows
# by one key, and Django's building and compiling of the same queryset cost 0.3-0.5 ms of CPU a statement.


@functools.cache
def _sectors_sql() -> str:
    field = Deal._meta.get_field("sectors")
    through = field.remote_field.through
    quote = connections[Deal.objects.db].ops.quote_name
    columns = ", ".join(quoted(Sector, name) for name in ("id", "name", "name_tr", "name_zh"))
    return (
        f"SELECT {columns} FROM {quoted(Sector)}"
        f" INNER JOIN {quote(through._meta.db_table)} ON ({quoted(Sector, 'id')}"
        f" = {quote(through._meta.db_table)}.{quote(field.m2m_reverse_name())})"
        f" LEFT OUTER JOIN {quoted(Sector)} {quote('parent')} ON ({quoted(Sector, 'parent')}"
        f" = {quoted(Sector, 'id', alias='parent')})"
        f" WHERE {quote(through._meta.db_table)}.{quote(field.m2m_column_name())} = %s"
        f" ORDER BY {quoted(Sector, 'code', alias='parent')} ASC, {quoted(Sector, 'code')} ASC"
    )


def pipeline_stages(deal: Deal) -> list[Stage]:
    """The deal's pipeline's stages in board order (the move form's choices, the timeline's stages)."""
    return stages_of(deal.pipeline_id)


def deal_sectors(deal: Deal) -> list[Sector]:
    """The deal's sectors in their own order (parent's code, code), read with the fields their names need."""
    database = Deal.objects.db
    names = ["id", "name", "name_tr", "name_zh"]
    return [Sector.from_db(database, names, row) for row in read(_sectors_sql(), [deal.pk])]


@functools.cache
def _timeline_sql() -> str:
    user = StageChange._meta.get_field("by").related_model
    columns = ", ".join(
        [
            *(quoted(StageChange, name) for name in ("at", "from_stage", "to_stage")),
            quoted(user, "username"),
            *(quoted(StageChange, name) for name in ("note", "overridden", "override_reason")),
        ]
    )
    return (
        f"SELECT {columns} FROM {quoted(StageChange)}"
        f" LEFT OUTER JOIN {quoted(user)} ON ({quoted(StageChange, 'by')} = {quoted(user, 'id')})"
        f" WHERE {quoted(StageChange, 'deal')} = %s"
        f" ORDER BY {quoted(StageChange, 'at')} ASC, {quoted(StageChange, 'id')} ASC"
    )


@functools.cache
def _timeline_converters() -> list[tuple]:
    meta = StageChange._meta
    return converters(meta.get_field("at"), None, None, None, None, meta.get_field("overridden"), None)


def timeline(deal: Deal, stages: list[Stage]) -> list[TimelineEntry]:
    """The deal's stage changes, oldest first, their stages taken from `stages` (the pipeline's, already
    read); a stage of another pipeline (a deal moved between pipelines by an administrator) is read by its
    key."""
    rows = converted(read(_timeline_sql(), [deal.pk]), _timeline_converters())
    by_pk = {stage.pk: stage for stage in stages}
    missing = {pk for row in rows for pk in row[1:3] if pk is not None and pk not in by_pk}
    if missing:
        by_pk.update(Stage.objects.in_bulk(missing))
    return [
        TimelineEntry(at, None if from_pk is None else by_pk[from_pk], by_pk[to_pk], by, note, over, reason)
        for at, from_pk, to_pk, by, note, over, reason in rows
    ]


@functools.cache
def _any_rows_sql() -> str:
    """One SELECT of EXISTS subqueries: whether the deal has any activity, attachment, evidence, note and
    audit-log entry at all, whoever may read them (one parameter each: the deal's key, or the deal's content
    type and key). Plain SQL from the models' tables and columns: compiling the five querysets, each with the
    reader's visibility filter, cost Django about 2.5 ms on every page view for lists that are empty on most
    deals."""
    checks = []
    for name in ("engagements", "attachments"):
        field = Deal._meta.get_field(name)
        table = field.remote_field.through._meta.db_table
        checks.append(f'SELECT 1 FROM "{table}" WHERE "{field.m2m_column_name()}" = %s')
    for model in (Evidence, Note):
        meta = model._meta
        content_type = meta.get_field("content_type").column
        object_id = meta.get_field("object_id").column
        checks.append(f'SELECT 1 FROM "{meta.db_table}" WHERE "{content_type}" = %s AND "{object_id}" = %s')
    history = Deal.history.model._meta
    checks.append(f'SELECT 1 FROM "{history.db_table}" WHERE "{history.get_field("id").column}" = %s')
    return "SELECT " + ", ".join(f"EXISTS({check})" for check in checks)


def any_rows(deal: Deal) -> tuple[bool, bool, bool, bool, bool]:
    """Whether the deal has any activity, attachment, evidence, note and audit-log entry (any reader's)."""
    content_type = ContentType.objects.get_for_model(Deal).pk
    with connections[Deal.objects.db].cursor() as cursor:
        cursor.execute(
            _any_rows_sql(), [deal.pk, deal.pk, content_type, deal.pk, content_type, deal.pk, deal.pk]
        )
        return tuple(bool(found) for found in cursor.fetchone())


def related_lists(deal: Deal, user, *, staff: bool, history_shown: int) -> dict:
    """The page's lists that may be empty, each as the reader may read it: activities, attachments, evidence
    (with its snippet), notes and, for staff, up to `history_shown` audit-log pairs (record, previous). A
    list with no row at all (`any_rows`) is not read; one with rows is read through the reader's
    visibility filter, as before."""
    has_engagements, has_attachments, has_evidence, has_notes, has_history = any_rows(deal)
    lists = {"engagements": [], "attachments": [], "evidence": [], "notes": [], "history": []}
    if has_engagements:
        # only what the page shows: an activity's title (typed or generated) and date
        lists["engagements"] = list(
            access.visible_to(deal.engagements.only("title", "title_parts", "start_date"), user)
        )
    if has_attachments:
        lists["attachments"] = list(access.visible_to(deal.attachments.only("title"), user))
    if has_evidence:
        # an evidence's span and document (title and text)
        evidence = evidence_for(deal, user).only("start", "end", "document__title", "document__text")
        lists["evidence"] = [(item, context_snippet(item)) for item in evidence]
    if has_notes:
        lists["notes"] = list(notes_for(deal, user))
    if staff and has_history:
        lists["history"] = history_pairs(deal, history_shown)
    return lists
