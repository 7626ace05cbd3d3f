"""Filtering, search and sorting of record lists; shared by the list pages, the exports and the API."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial, reduce
from operator import or_

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, ManyToManyField, Q, QuerySet
from django.utils.translation import get_language

from kopru.core.access import company_organisation_id, is_admin, is_government_staff, side_of, visible_to
from kopru.core.domain.search import folded_terms_filter
from kopru.core.models.reference import LocalisedName
from kopru.ui.pagination import estimated_count
from kopru.ui.registry import RecordType


@dataclass(frozen=True)
class FilterOption:
    name: str
    label: str
    choices: list[tuple[str, str]]
    selected: str


def base_queryset(record_type: RecordType, user, *, columns_only: bool = False) -> QuerySet:
    """The rows `user` may read, with the record type's related rows loaded; `columns_only`: only those the
    list's columns show (a list page of engagements loaded every organisation and sector it never shows)."""
    queryset = record_type.model.objects.all()
    if record_type.select_related:
        queryset = queryset.select_related(*record_type.select_related)
    prefetch = record_type.prefetch_related
    if columns_only:
        shown = {column.path.split("__")[0] for column in record_type.columns}
        prefetch = tuple(
            lookup
            for lookup in prefetch
            if getattr(lookup, "prefetch_through", lookup).split("__")[0] in shown  # a name or a Prefetch
        )
    if prefetch:
        queryset = queryset.prefetch_related(*prefetch)
    if record_type.model.__name__ == "Document":
        queryset = queryset.defer("text")
    return visible_to(queryset, user) if record_type.has_visibility else queryset


def _filter_key(record_type: RecordType, name: str) -> str:
    field = record_type.model._meta.get_field(name)
    if isinstance(field, ManyToManyField | ForeignKey) and field.related_model.__name__ == "Sector":
        return f"{name}__code"
    return name


def apply_list_params(record_type: RecordType, queryset: QuerySet, params) -> QuerySet:
    """Apply ?q=, one ?<filter>= per filter field, and ?sort= (prefix '-' for descending)."""
    query = (params.get("q") or "").strip()
    if query:
        if record_type.searchable:
            queryset = queryset.filter(folded_terms_filter(query))
        elif issubclass(record_type.model, LocalisedName):  # reference data: code or a name in any language
            names = ("code", "name", "name_tr", "name_zh")
            queryset = queryset.filter(reduce(or_, (Q(**{f"{name}__icontains": query}) for name in names)))
        else:
            queryset = queryset.filter(**{f"{record_type.sortable[0]}__icontains": query})
    for name in record_type.filters:
        value = (params.get(name) or "").strip()
        if value:
            queryset = queryset.filter(**{_filter_key(record_type, name): value})
            if isinstance(record_type.model._meta.get_field(name), ManyToManyField):
                queryset = queryset.distinct()
    sort = (params.get("sort") or "").strip()
    if sort.lstrip("-") in record_type.sortable:
        if sort.lstrip("-") == "localised_name":  # the name in the reader's language, not a stored column
            name = record_type.model.localised_name_expression()
            queryset = queryset.order_by(name.desc() if sort.startswith("-") else name.asc(), "pk")
        else:
            queryset = queryset.order_by(sort, "pk")
    return queryset


def _distinct_values(rows: QuerySet, name: str, user) -> list[str]:
    """The column's distinct non-empty values among `rows`, sorted, at most 300.

    Ordered by the column itself: DISTINCT over the model's default ordering would return one row per record
    (100,000 publishers for 33)."""
    values = rows.exclude(**{name: ""}).order_by(name).values_list(name, flat=True).distinct()[:300]
    return _remembered_menu(rows, name, user, lambda: list(values))


def _choices(related: QuerySet, key: str) -> list[tuple[str, str]]:
    return [(str(getattr(obj, key)), str(obj)) for obj in related[:300]]


def _remembered_menu(rows: QuerySet, name: str, user, compute):
    """`compute()`, a filter menu drawn from `rows`. On a large PostgreSQL table that scan reads every row,
    so the menu is remembered for KOPRU_MENU_CACHE_SECONDS per reader scope (what visible_to lets them
    read); small tables, and SQLite, compute it each time."""
    estimate = estimated_count(rows)
    if estimate is None or estimate <= settings.KOPRU_EXACT_COUNT_LIMIT:
        return compute()
    key = f"kopru:menu:{rows.model._meta.label}:{name}:{_reader_scope(user)}:{get_language()}"
    return cache.get_or_set(key, compute, settings.KOPRU_MENU_CACHE_SECONDS)


def _reader_scope(user) -> str:
    if is_admin(user):
        return "admin"
    if is_government_staff(user):
        return f"staff-{side_of(user)}"
    organisation_id = company_organisation_id(user)
    return f"organisation-{organisation_id}" if organisation_id else "public"


# (model, field, language) → the field's choices as (value, label) strings: pure, the same for every reader
# (each label a lazy translation looked up again on every list page)
_FIELD_CHOICES: dict[tuple[type, str, str], list[tuple[str, str]]] = {}


def _field_choices(model: type, name: str) -> list[tuple[str, str]]:
    key = (model, name, get_language())
    if key not in _FIELD_CHOICES:
        field = model._meta.get_field(name)
        _FIELD_CHOICES[key] = [(str(value), str(label)) for value, label in field.choices]
    return list(_FIELD_CHOICES[key])


def filter_options(record_type: RecordType, params, user) -> list[FilterOption]:
    """The list's filters; choices come from rows `user` may read (a hidden record's publisher, language or
    owner is not offered)."""
    rows = record_type.model.objects.all()
    if record_type.has_visibility:
        rows = visible_to(rows, user)
    options = []
    for name in record_type.filters:
        try:
            field = record_type.model._meta.get_field(name)
        except FieldDoesNotExist:  # pragma: no cover - registry is validated by tests
            continue
        if field.choices:
            choices = _field_choices(record_type.model, name)
        elif isinstance(field, ForeignKey | ManyToManyField):
            related = field.related_model.objects.all()
            if hasattr(field.related_model, "visibility"):
                related = visible_to(related, user)
            key = "code" if field.related_model.__name__ in ("Sector",) else "pk"
            if field.related_model.__name__ == "Country":
                # the countries the readable rows name: a scan of every row, remembered like the menus below
                related = related.filter(code__in=rows.values(name)).order_by("name")
                choices = _remembered_menu(rows, name, user, partial(_choices, related, key))
            else:
                choices = _choices(related, key)
        else:
            labels = record_type.filter_labels.get(name, {})
            choices = [(value, str(labels.get(value, value))) for value in _distinct_values(rows, name, user)]
        options.append(FilterOption(name, str(field.verbose_name), choices, params.get(name, "")))
    return options
