"""The record API: list/detail/create/update for every record type in the registry.

Writes go through the same Django forms as the UI, so validation, the visibility rules and the
"internal records belong to your side" rule cannot drift apart; form errors become 422 responses.
"""

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import connections, models, transaction
from django.db import router as db_router
from django.db.models import QuerySet
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.orm import create_schema
from ninja.pagination import paginate
from ninja.schema import DjangoGetter
from pydantic import model_validator

from kopru.core import access
from kopru.core.lru import Remembered
from kopru.core.statements import KeptValues
from kopru.ui.errors import from_form, out_of_range_error, out_of_range_locations, too_large
from kopru.ui.listing import apply_list_params, base_queryset
from kopru.ui.pagination import EstimatedLimitOffsetPagination
from kopru.ui.registry import RECORD_TYPES, RecordType
from kopru.ui.views.access import LoginRequired, access_object, access_record, require_perm


class ErrorOut(Schema):
    detail: str


def api_fetch(fetch, *args, forbidden: str = "You may not change this record", **kwargs):
    """`fetch(*args, **kwargs)`, a page's fetch-and-check helper, with what it raises turned into the API's
    answers: 401 (sign-in needed), 403 (`forbidden`), 404; 422 for an id no database can hold."""
    if args and any(too_large(arg) for arg in args[1:]):
        raise out_of_range_error(args[0])  # an id no database can hold: 422, not "not found"
    try:
        return fetch(*args, **kwargs)
    except LoginRequired:
        raise HttpError(401, "Authentication required") from None
    except PermissionDenied:
        raise HttpError(403, forbidden) from None
    except Http404:
        raise HttpError(404, "Not found") from None


def api_access(
    request,
    source,
    pk,
    *,
    view: str,
    perm: str | None = None,
    login_first: bool = False,
    forbidden: str = "You may not change this record",
):
    """The API's `access_object`: fetch and check through the one access path."""
    return api_fetch(
        access_object, request, source, pk, view=view, perm=perm, login_first=login_first, forbidden=forbidden
    )


def api_require(request, perm: str, obj=None, *, forbidden: str = "You may not do this") -> None:
    """The API's `require_perm`: 401 for anonymous callers, 403 (`forbidden`) without `perm`."""
    api_fetch(require_perm, request, perm, obj, forbidden=forbidden)


def _fetch(request, record_type: RecordType, pk: str, *, for_change: bool = False):
    return api_fetch(access_record, request, record_type, pk, for_change=for_change)


def _save(request, record_type: RecordType, payload: dict, instance=None):
    # Refuse numbers beyond 64 bits before any query: PostgreSQL's driver fails them inside the
    # transaction, which then refuses every later statement of the request.
    if out_of_range_locations(request):
        raise out_of_range_error(request)
    fields = list(record_type.form._meta.fields)
    if instance is not None:
        data = model_to_dict(instance, fields=fields)
    else:  # a field left out of a create payload takes the model's default, as it would in Python
        model_fields = (record_type.model._meta.get_field(name) for name in fields)
        data = {field.name: field.get_default() for field in model_fields if field.has_default()}
    for key, value in list(data.items()):
        if isinstance(value, list) and value and hasattr(value[0], "pk"):
            data[key] = [item.pk for item in value]
    for name in fields:  # the schema names a link by its column ("country_a_id"); the form by its field
        field = record_type.model._meta.get_field(name)
        if field.many_to_one and f"{field.attname}" in payload:
            payload[name] = payload.pop(field.attname)
    data.update(payload)
    form = record_type.form(data=data, instance=instance, user=request.user)
    if not form.is_valid():
        raise from_form(form)
    with transaction.atomic():
        obj = form.save()
        if instance is None and record_type.on_create is not None:
            record_type.on_create(obj, request.user)
    return obj


def _hiding_links(out_schema, model):
    """`out_schema` answering only the linked records the caller may read: a hidden many-to-many entry is
    left out (and kept by an edit that leaves it out, see RecordForm), a hidden optional link is null.
    These resolvers answer for one record (read, create, update); a list's rows are worked out by
    `_list_rows` with the same answers."""
    resolvers = {}
    for field in model._meta.get_fields():
        related = getattr(field, "related_model", None)
        in_schema = field.name in out_schema.model_fields
        if field.many_to_many and not field.auto_created and in_schema and not hasattr(related, "visibility"):
            # no check to make: every linked id

            def link_ids(obj, context, name=field.name):
                return [item.pk for item in getattr(obj, name).all()]

            resolvers[f"resolve_{field.name}"] = staticmethod(link_ids)
            continue
        if field.auto_created or related is None or not hasattr(related, "visibility"):
            continue
        if field.many_to_many and field.name in out_schema.model_fields:

            def visible_ids(obj, context, name=field.name):
                may_view = _viewer(context["request"])
                return [item.pk for item in getattr(obj, name).all() if may_view(item)]

            resolvers[f"resolve_{field.name}"] = staticmethod(visible_ids)
        elif field.many_to_one and field.null and field.name in out_schema.model_fields:

            def visible_id(obj, context, name=field.name, attname=field.attname):
                if getattr(obj, attname) is None:
                    return None
                return getattr(obj, attname) if _viewer(context["request"])(getattr(obj, name)) else None

            resolvers[f"resolve_{field.attname}"] = staticmethod(visible_id)  # read by its column

    def run_root_validator(cls, values, handler, info):
        """Ninja's own (every field read through a `DjangoGetter` and its resolvers), except for a list's
        row already worked out by `_list_rows`."""
        if isinstance(values, ResolvedRow):
            return handler(values)
        return handler(DjangoGetter(values, cls, info.context))

    resolvers["_run_root_validator"] = model_validator(mode="wrap")(classmethod(run_root_validator))
    return type(out_schema.__name__, (out_schema,), resolvers)


class ResolvedRow(dict):
    """A list row's values already worked out the way the out schema's resolvers do (`_list_rows`)."""


def _list_rows(model, out_schema, page, request) -> list[ResolvedRow]:
    """The page's records as the out schema's values, from plain rows: each column by `.values()`, each
    many-to-many link's ids from one query of (record, linked id[, visibility, owner side]) in the link's
    own order, and the same visibility answers as `_hiding_links`'s resolvers (asked once per linked
    record). 50 engagements as models, their prefetched links as models and ninja's getter per field were
    about 5 ms of a 9 ms request."""
    columns, links, hidable = [], [], []
    for name in out_schema.model_fields:
        field = model._meta.get_field(name)
        if field.many_to_many:
            links.append(field)
        else:
            columns.append(field.attname)
            if field.many_to_one and field.null and hasattr(field.related_model, "visibility"):
                hidable.append(field)
    rows = list(page.select_related(None).prefetch_related(None).values(*columns))
    if not rows:
        return []
    pk_name = model._meta.pk.attname
    ids = [row[pk_name] for row in rows]
    may_view = _viewer(request)
    answers: dict = {}

    def sees(related, pk, visibility, owner_side) -> bool:
        key = (related, pk, visibility, owner_side)
        if key not in answers:
            answers[key] = may_view.row(related, pk, visibility, owner_side)
        return answers[key]

    for field in hidable:  # a hidden optional link is null
        related = field.related_model
        linked = {row[field.attname] for row in rows if row[field.attname] is not None}
        found = related.objects.filter(pk__in=linked).values_list("pk", "visibility", "owner_side")
        visible = {pk for pk, visibility, side in found if sees(related, pk, visibility, side)}
        for row in rows:
            if row[field.attname] not in visible:
                row[field.attname] = None
    for field in links:  # the same statement as the list's prefetch, read as plain values
        related = field.related_model
        checked = hasattr(related, "visibility")
        by_record: dict = {pk: [] for pk in ids}
        for found in _links_of(model, field, checked, ids):
            if not checked or sees(related, *found[1:]):
                by_record[found[0]].append(found[1])
        for row in rows:
            row[field.name] = by_record[row[pk_name]]
    return [ResolvedRow(row) for row in rows]


# (model, many-to-many field, number of records, database) -> the statement of their links (KeptValues), or
# None where it cannot be kept
_LINK_STATEMENTS = Remembered(512)


def _links_of(model, field, checked: bool, ids: list) -> list[tuple]:
    """(record id, linked id[, visibility, owner side]) of each link of the records `ids`, in the link's
    own order: the statement written once per model, field and number of records (building and compiling
    it with 50 ids was about 0.4 ms a link, three links an engagements page, bench/load.py). On PostgreSQL,
    where the linked model's order is its own columns, the statement reads each link's record by its key
    (`_lateral_links`)."""
    using = db_router.db_for_read(field.related_model)
    lateral = _lateral_links(field, checked, using)
    if lateral is not None:
        with connections[using].cursor() as cursor:
            cursor.execute(lateral, [list(ids)])
            return cursor.fetchall()
    query_name = field.related_query_name()
    values = [query_name, "pk", *(("visibility", "owner_side") if checked else ())]

    def rows():
        return _link_ids(field).filter(**{f"{query_name}__in": ids}).values_list(*values)

    def build():
        try:
            return KeptValues(rows(), ids)
        except ValueError:
            return None

    key = (model, field.name, len(ids), using)
    statement = _LINK_STATEMENTS.get_or_compute(key, build)
    return list(rows()) if statement is None else statement.read(ids)


# (many-to-many field, checked, database) -> the lateral statement of its links, or None
_LATERAL_LINKS = Remembered(256)


def _lateral_links(field, checked: bool, using: str) -> str | None:
    """The links' statement of `_links_of` read from the link table, each linked record by its key:
    `SELECT link.record, r.id[, r.visibility, r.owner_side] FROM link CROSS JOIN LATERAL (SELECT ... FROM
    related WHERE related.id = link.related OFFSET 0) r WHERE link.record = ANY(%s) ORDER BY <related's
    order>`. The join the ORM writes returns the same rows in the same order, but PostgreSQL hashed every
    person (5,000) or organisation for the ~150 links of a page (1.2 ms against 0.45 per statement, pgbench
    on the bench database); `OFFSET 0` keeps the subquery a per-link index read. None (the ORM's statement)
    off PostgreSQL, or where the linked model is ordered by anything but its own columns or its default
    manager filters."""
    if connections[using].vendor != "postgresql":
        return None

    def build():
        related = field.related_model
        meta = related._meta
        base = related._default_manager.all().query
        if base.where or base.distinct:
            return None
        order = []
        for entry in meta.ordering:
            if not isinstance(entry, str) or entry.lstrip("-") in ("?", "pk") or "__" in entry:
                return None
            try:
                ordered = meta.get_field(entry.lstrip("-"))
            except FieldDoesNotExist:
                return None
            if not ordered.concrete or ordered.is_relation:
                return None
            order.append((ordered.column, "DESC" if entry.startswith("-") else "ASC"))
        quote = connections[using].ops.quote_name
        through = field.remote_field.through._meta
        names = ("visibility", "owner_side") if checked else ()
        columns = [meta.pk.column, *(meta.get_field(name).column for name in names)]
        table = quote(meta.db_table)
        inner = ", ".join(
            f"{table}.{quote(column)}" for column in dict.fromkeys([*columns, *(c for c, _d in order)])
        )
        record, linked = quote(field.m2m_column_name()), quote(field.m2m_reverse_name())
        sql = (
            f"SELECT t.{record}, {', '.join(f'r.{quote(column)}' for column in columns)}"
            f" FROM {quote(through.db_table)} t CROSS JOIN LATERAL"
            f" (SELECT {inner} FROM {table} WHERE {table}.{quote(meta.pk.column)} = t.{linked} OFFSET 0) r"
            f" WHERE t.{record} = ANY(%s)"
        )
        if order:
            sql += " ORDER BY " + ", ".join(f"r.{quote(column)} {direction}" for column, direction in order)
        return sql

    return _LATERAL_LINKS.get_or_compute((field, checked, using), build) or None


def _rows_pagination(model, out_schema):
    """EstimatedLimitOffsetPagination whose page is the records' resolved rows (`_list_rows`)."""

    class RowsPagination(EstimatedLimitOffsetPagination):
        def paginate_queryset(self, queryset, pagination, request, **params):
            page = super().paginate_queryset(queryset, pagination, request, **params)
            items = page[self.items_attribute]
            if isinstance(items, QuerySet):
                page[self.items_attribute] = _list_rows(model, out_schema, items, request)
            return page

    return RowsPagination


def _viewer(request):
    """The request's `access.viewer`, made once per request (the request is new each time, so a changed
    role applies from the next request on)."""
    if not hasattr(request, "kopru_viewer"):
        request.kopru_viewer = access.viewer(request.user)
    return request.kopru_viewer


def _link_ids(field) -> models.QuerySet:
    """A many-to-many link's rows with only what the API reads: the id, and what `can_view` checks."""
    related = field.related_model
    if hasattr(related, "visibility"):
        return related.objects.only("pk", "visibility", "owner_side")
    return related.objects.only("pk")


def _register(router: Router, record_type: RecordType) -> None:
    model = record_type.model
    slug = record_type.slug
    form_fields = list(record_type.form._meta.fields) if record_type.form else []
    pk_name = model._meta.pk.name
    write_only = set(getattr(record_type.form, "write_only_fields", ()))  # a document's text: not in lists
    out_fields = (
        [pk_name, *[f for f in form_fields if f != "owner_side" and f not in write_only], "owner_side"]
        if form_fields
        else None
    )
    if record_type.has_visibility:
        out_fields = [*out_fields, "created_at", "updated_at"]
    # JSON fields holding lists of strings (aliases, NACE and HS codes) are documented as lists, not objects
    json_lists = [
        field.name
        for field in model._meta.fields
        if isinstance(field, models.JSONField)
        and field.default is list
        and (out_fields is None or field.name in out_fields)
    ]
    out_schema = _hiding_links(
        create_schema(
            model,
            name=f"{model.__name__}Out",
            fields=out_fields,
            custom_fields=[(name, list[str], ...) for name in json_lists],
        ),
        model,
    )
    many_to_many = [field.name for field in model._meta.many_to_many if field.name in (out_fields or [])]
    label = str(record_type.label)

    @router.get(
        f"/{slug}/",
        response=list[out_schema],
        tags=[label],
        operation_id=f"list_{slug}",
        summary=f"List {slug}",
    )
    @paginate(_rows_pagination(model, out_schema))
    def list_records(request: HttpRequest, q: str = "", sort: str = ""):
        params = {**request.GET.dict(), "q": q, "sort": sort}
        # the page's rows and their links are read by the pagination (`_list_rows`), not the list pages'
        # prefetches (whole linked records, a person's biography, for their names)
        queryset = base_queryset(record_type, request.auth).prefetch_related(None)
        return apply_list_params(record_type, queryset, params)

    @router.get(
        f"/{slug}/{{pk}}",
        response={200: out_schema, 401: ErrorOut, 404: ErrorOut},
        tags=[label],
        operation_id=f"get_{slug}",
        summary=f"Read one of {slug}",
    )
    def get_record(request: HttpRequest, pk: str):
        return _fetch(request, record_type, pk)

    if record_type.form is None:
        return

    in_schema = create_schema(
        model,
        name=f"{model.__name__}In",
        fields=form_fields,
        optional_fields="__all__",
        custom_fields=[
            *((name, list[str] | None, None) for name in json_lists if name in form_fields),
            # links by id: `[null]` is a 422 like any other wrong id, not a server error in ninja's field
            *((name, list[int] | None, None) for name in many_to_many if name in form_fields),
        ],
    )

    @router.post(
        f"/{slug}/",
        response={201: out_schema, 401: ErrorOut, 403: ErrorOut},
        tags=[label],
        operation_id=f"create_{slug}",
        summary=f"Create one of {slug}",
    )
    def create_record(request: HttpRequest, payload: in_schema):
        api_require(request, "kopru.add_record", forbidden="You may not create records")
        return Status(201, _save(request, record_type, payload.dict(exclude_unset=True)))

    @router.patch(
        f"/{slug}/{{pk}}",
        response={200: out_schema, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
        tags=[label],
        operation_id=f"update_{slug}",
        summary=f"Update one of {slug}",
    )
    def update_record(request: HttpRequest, pk: str, payload: in_schema):
        instance = _fetch(request, record_type, pk, for_change=True)
        return _save(request, record_type, payload.dict(exclude_unset=True), instance)


def build_router() -> Router:
    router = Router()
    for record_type in RECORD_TYPES.values():
        _register(router, record_type)
    return router


def declare_access_responses(api) -> None:
    """Document, on every operation, the error answers that the API's shared machinery gives there (each
    `{"detail": "<reason>"}`), so that every status code a client can meet is in the schema: 401 everywhere
    (a wrong or expired bearer token is refused before any operation runs), 400 where a body is read (a body
    that is not JSON), 404 where the path names a record (none, or not one the caller may see). 403 depends on
    each operation's rule and is declared beside it."""
    from ninja.params.models import BodyModel, FileModel, FormModel, PathModel

    for _mount, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                sources = [model for model in operation.models if isinstance(model, type)]
                declared = operation.response_models
                errors = {401: True}
                errors[400] = any(issubclass(m, BodyModel | FormModel | FileModel) for m in sources)
                errors[404] = any(issubclass(m, PathModel) for m in sources)
                for status, applies in errors.items():
                    if applies and status not in declared:
                        declared[status] = operation._create_response_model(ErrorOut)


def declare_forbidden(router: Router, *operation_ids: str) -> None:
    """Document 403 on the operations (all of the router's when none is named) whose rule refuses callers
    without a permission: staff only, officers only, reviewers only, the applicant only."""
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            if not operation_ids or operation.operation_id in operation_ids:
                operation.response_models.setdefault(403, operation._create_response_model(ErrorOut))
