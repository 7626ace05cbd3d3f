"""The record types the UI, exports and API expose, each described once.

Generic list/detail/form/export views and API routes are driven from this table. Apps register their
record types from `AppConfig.ready` (`register_record_types`), so the kit never names a model of a higher
floor; adding a record type means one entry in its app (plus its form and a row in the permission matrix).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model
from django.http import Http404


@dataclass(frozen=True)
class Column:
    path: str  # attribute path on the object, "__" separated
    label: str


@dataclass(frozen=True)
class RecordType:
    slug: str
    model: type[Model]
    label: str
    columns: tuple[Column, ...]
    form: type | None = None  # None: reference data, read-only outside the admin
    filters: tuple[str, ...] = ()  # model fields offered as list filters
    # names for the stored codes of a text field offered as a filter: field → {code: label}
    filter_labels: dict = field(default_factory=dict, hash=False, compare=False)
    sortable: tuple[str, ...] = ()
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple = ()  # lookups: names, or Prefetch objects that narrow what is loaded
    searchable: bool = True
    has_visibility: bool = True
    detail_fields: tuple[str, ...] = field(default=())
    # Hooks a record type's app may set: run after a create in the same transaction (UI and API alike),
    # add to the detail page's context, and render an extra section on it.
    on_create: Callable | None = None  # (obj, user) -> None
    detail_context: Callable | None = None  # (obj, user, can_change) -> dict
    detail_template: str = ""

    @property
    def verbose_name(self):
        return self.model._meta.verbose_name


def column(path: str, label) -> Column:
    return Column(path, label)


RECORD_TYPES: dict[str, RecordType] = {}


def register_record_types(*record_types: RecordType) -> None:
    """Add record types to the registry (idempotent: a re-registered slug keeps its first entry)."""
    for record_type in record_types:
        RECORD_TYPES.setdefault(record_type.slug, record_type)


def record_type_for(slug: str) -> RecordType:
    try:
        return RECORD_TYPES[slug]
    except KeyError:
        raise Http404(f"Unknown record type {slug!r}") from None


def record_type_of_model(model) -> RecordType | None:
    for record_type in RECORD_TYPES.values():
        if record_type.model is model:
            return record_type
    return None


@dataclass(frozen=True)
class DetailLink:
    """A button on a record type's detail page that a higher app adds (e.g. a document's extracted facts)."""

    label: str
    url_name: str  # reversed with the record's pk
    allowed: Callable  # (user) -> bool


DETAIL_LINKS: dict[str, list[DetailLink]] = {}


def register_detail_link(slug: str, link: DetailLink) -> None:
    links = DETAIL_LINKS.setdefault(slug, [])
    if link not in links:
        links.append(link)
