"""The linked records shown on a detail page, each list filtered by what the viewer may read.

Apps say which related lists a model's page shows with `register_related` from `AppConfig.ready`, so an
organisation's page lists engagements without the kit naming the engagements app.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections, router

from kopru.core import access
from kopru.core.lru import Remembered
from kopru.core.statements import STAND_IN_ID, KeptRows, prepared_cursor


@dataclass(frozen=True)
class RelatedSection:
    label: str
    items: list


# model label -> [(section label, attribute giving a queryset of related records)], in registration order
RELATED: dict[str, list[tuple]] = {}


def register_related(model_label: str, sections: list[tuple]) -> None:
    known = RELATED.setdefault(model_label, [])
    for section in sections:
        if section not in known:
            known.append(section)


def which_have_rows(querysets) -> list[bool]:
    """Whether each queryset has a row, asked in one SELECT of EXISTS subqueries (each queryset's own SQL,
    unordered, by key only): a detail page read every list it may show, most of them empty, at about half
    a millisecond of Django's compiling and a statement of PostgreSQL each (bench/load.py)."""
    querysets = list(querysets)
    selects, params = {}, []
    for index, queryset in enumerate(querysets):
        try:
            sql, subquery_params = queryset.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # a queryset that can have no row (`.none()`, `pk__in=[]`)
            continue
        selects[index] = f"EXISTS({sql})"
        params.extend(subquery_params)
    if not selects:
        return [False] * len(querysets)
    with connections[querysets[0].db].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(selects.values())}", params)
        found = dict(zip(selects, cursor.fetchone(), strict=True))
    return [bool(found.get(index)) for index in range(len(querysets))]


# (purpose, model, content type id, database, reader scope) -> (SQL, parameters), or None where the
# statement cannot be kept
_WHICH_STATEMENTS = Remembered(512)


def which_have_rows_kept(purpose: str, obj, user, lists) -> list[bool]:
    """`which_have_rows([build(obj) for build in lists(obj)])`, its statement written once per purpose,
    model, database and reader scope (`lists(record)`: the page's list builders for a record, depending
    on the record only through its id and type, and on `user` only through `visible_to`). Building and
    compiling the page's six querysets for the statement was about 1.5 ms of an engagement page
    (bench/load.py); the lists that have rows are still built to be read."""
    from django.contrib.contenttypes.models import ContentType

    model = type(obj)
    using = router.db_for_read(model, instance=obj)
    content_type = ContentType.objects.db_manager(using).get_for_model(model).pk
    key = (purpose, model, content_type, using, access.reader_scope(user))

    def build():
        stand_in = model(pk=STAND_IN_ID)
        selects, params = [], []
        for make in lists(stand_in):
            try:
                sql, subquery_params = make().order_by().values("pk").query.sql_with_params()
            except EmptyResultSet:  # whether the real record's would be empty too is not known here
                return None
            selects.append(f"EXISTS({sql})")
            params.extend(subquery_params)
        if STAND_IN_ID not in params or obj.pk == STAND_IN_ID:
            return None
        return (f"SELECT {', '.join(selects)}", tuple(params)) if selects else None

    kept = _WHICH_STATEMENTS.get_or_compute(key, build)
    if kept is None:
        return which_have_rows([make() for make in lists(obj)])
    sql, params = kept
    with prepared_cursor(using) as cursor:
        cursor.execute(sql, [obj.pk if param == STAND_IN_ID else param for param in params])
        return [bool(found) for found in cursor.fetchone()]


# (purpose, model, content type id, database, reader scope) -> a record's rows (KeptRows for a stand-in
# record), or None where the statement cannot be kept
_RECORD_ROWS = Remembered(512)


def rows_kept(purpose: str, obj, user, make) -> list:
    """`list(make(obj))`, its statement written once per purpose, model, database and reader scope for a
    stand-in record (`make(record)`: a queryset depending on the record only through its id and type, on
    `user` only through `visible_to`), so that a detail page's lists cost their query and their rows only
    (building and compiling the evidence's queryset, with the readable documents' subquery, was about a
    millisecond of an engagement page, bench/load.py)."""
    from django.contrib.contenttypes.models import ContentType

    model = type(obj)
    using = router.db_for_read(model, instance=obj)
    content_type = ContentType.objects.db_manager(using).get_for_model(model).pk
    key = (purpose, model, content_type, using, access.reader_scope(user))

    def build():
        try:
            return KeptRows(make(model(pk=STAND_IN_ID)), key=STAND_IN_ID, prepared=True)
        except (ValueError, EmptyResultSet):
            return None

    kept = _RECORD_ROWS.get_or_compute(key, build)
    if kept is None or obj.pk == STAND_IN_ID:
        return list(make(obj))
    return kept.read(obj.pk, known=obj)


def related_sections_kept(obj, user, has_rows) -> list[RelatedSection]:
    """`related_sections(obj, user, …, has_rows)`: the lists with rows read by statements kept per model,
    list and reader scope (`rows_kept`)."""
    sections = []
    registered = RELATED.get(obj._meta.label_lower, [])
    for (label, attribute), found in zip(registered, has_rows, strict=True):
        if not found:
            sections.append(RelatedSection(label, []))
            continue

        def make(record, attribute=attribute):
            queryset = getattr(record, attribute).all()
            if hasattr(queryset.model, "visibility"):
                queryset = access.visible_to(queryset, user)
            return queryset[:50]

        sections.append(RelatedSection(label, rows_kept(f"related:{attribute}", obj, user, make)))
    return sections


def related_builders(obj, user) -> list[tuple]:
    """(section label, a function giving the queryset of linked records `user` may read) for each list
    registered for `obj` (`related_querysets`, each built only when called)."""
    builders = []
    for label, attribute in RELATED.get(obj._meta.label_lower, []):

        def build(attribute=attribute):
            queryset = getattr(obj, attribute).all()
            if hasattr(queryset.model, "visibility"):
                queryset = access.visible_to(queryset, user)
            return queryset

        builders.append((label, build))
    return builders


def related_querysets(obj, user) -> list[tuple]:
    """(section label, queryset of the linked records `user` may read) for each list registered for `obj`."""
    listed = []
    for label, attribute in RELATED.get(obj._meta.label_lower, []):
        queryset = getattr(obj, attribute).all()
        if hasattr(queryset.model, "visibility"):
            queryset = access.visible_to(queryset, user)
        listed.append((label, queryset))
    return listed


def related_sections(obj, user, listed=None, has_rows=None) -> list[RelatedSection]:
    """Each registered list of `obj`'s linked records that `user` may read, 50 at most. `listed` and
    `has_rows`: `related_querysets` (or `related_builders`) and, from `which_have_rows`, whether each has
    rows (an empty one is not read); without them every list is read."""
    if listed is None:
        listed = related_querysets(obj, user)
    if has_rows is None:
        has_rows = [True] * len(listed)
    return [
        RelatedSection(label, list((queryset() if callable(queryset) else queryset)[:50]) if found else [])
        for (label, queryset), found in zip(listed, has_rows, strict=True)
    ]


# (model, many-to-many field, database) -> the statement of a record's linked rows (KeptRows, keyed by the
# record's id), or None where it cannot be kept (then the ORM reads them)
_LINKED_ROWS = Remembered(256)


def linked_rows(obj, names) -> dict[str, list]:
    """`list(getattr(obj, name).all())` for each many-to-many field among `names` (others are skipped):
    the same statement and rows, written once per model and field (a detail page read its participants,
    organisations and sectors through three managers, about 0.3 ms of Django's building and compiling
    each, bench/load.py, engagement detail)."""
    model = type(obj)
    found = {}
    for field in model._meta.many_to_many:
        if field.name not in names:
            continue
        using = router.db_for_read(field.related_model, instance=obj)
        key = (model, field.name, using)

        def build(field=field):
            try:
                return KeptRows(
                    getattr(model(pk=STAND_IN_ID), field.name).all(), key=STAND_IN_ID, prepared=True
                )
            except (ValueError, EmptyResultSet):
                return None

        kept = _LINKED_ROWS.get_or_compute(key, build)
        unkept = kept is None or obj.pk is None or obj.pk == STAND_IN_ID
        found[field.name] = list(getattr(obj, field.name).all()) if unkept else kept.read(obj.pk)
    return found
