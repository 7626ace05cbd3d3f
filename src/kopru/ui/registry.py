"""The record types the UI, exports and API expose, each described once.

Generic list/detail/form/export views and API routes are driven from this table, so adding a record type
means one entry here (plus its form and a row in the permission-matrix test).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Model
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from kopru.core.models import Country, Document, Organisation, Person, Position, Sector
from kopru.engage.models import Action, Agreement, Claim, CooperationArea, Engagement
from kopru.ui import forms


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
    sortable: tuple[str, ...] = ()
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    searchable: bool = True
    has_visibility: bool = True
    detail_fields: tuple[str, ...] = field(default=())

    @property
    def verbose_name(self):
        return self.model._meta.verbose_name


def _c(path: str, label) -> Column:
    return Column(path, label)


RECORD_TYPES: dict[str, RecordType] = {
    record_type.slug: record_type
    for record_type in [
        RecordType(
            "engagements",
            Engagement,
            _("Engagements"),
            (
                _c("title", _("title")),
                _c("kind", _("kind")),
                _c("status", _("status")),
                _c("start_date", _("date")),
                _c("place", _("place")),
                _c("people", _("participants")),
            ),
            form=forms.EngagementForm,
            filters=("kind", "status", "country", "sectors", "visibility"),
            sortable=("title", "start_date", "status", "kind"),
            select_related=("country",),
            prefetch_related=("people", "organisations", "sectors"),
        ),
        RecordType(
            "agreements",
            Agreement,
            _("Agreements"),
            (
                _c("title", _("title")),
                _c("kind", _("kind")),
                _c("status", _("status")),
                _c("signed_date", _("signed")),
                _c("parties", _("parties")),
            ),
            form=forms.AgreementForm,
            filters=("kind", "status", "sectors", "visibility"),
            sortable=("title", "signed_date", "status"),
            prefetch_related=("parties", "sectors"),
        ),
        RecordType(
            "claims",
            Claim,
            _("Claims"),
            (
                _c("subject", _("subject")),
                _c("text", _("claim")),
                _c("sector", _("sector")),
                _c("metric", _("metric")),
                _c("value", _("value")),
                _c("unit", _("unit")),
                _c("scope", _("scope")),
            ),
            form=forms.ClaimForm,
            filters=("sector", "metric", "visibility"),
            sortable=("subject", "value"),
            select_related=("sector", "speaker"),
        ),
        RecordType(
            "areas",
            CooperationArea,
            _("Cooperation areas"),
            (
                _c("sector", _("sector")),
                _c("country_a", _("country A")),
                _c("country_b", _("country B")),
                _c("status", _("status")),
                _c("status_since", _("status since")),
            ),
            form=forms.CooperationAreaForm,
            filters=("status", "sector", "visibility"),
            sortable=("status", "status_since"),
            select_related=("sector", "country_a", "country_b"),
            searchable=False,
        ),
        RecordType(
            "actions",
            Action,
            _("Actions"),
            (
                _c("title", _("title")),
                _c("owner", _("owner")),
                _c("due_date", _("due")),
                _c("status", _("status")),
            ),
            form=forms.ActionForm,
            filters=("status", "owner", "visibility"),
            sortable=("title", "due_date", "status"),
            select_related=("owner", "engagement"),
        ),
        RecordType(
            "people",
            Person,
            _("People"),
            (_c("name", _("name")), _c("country", _("country")), _c("positions", _("positions"))),
            form=forms.PersonForm,
            filters=("country", "visibility"),
            sortable=("name",),
            select_related=("country",),
            prefetch_related=("positions__organisation",),
        ),
        RecordType(
            "positions",
            Position,
            _("Positions"),
            (
                _c("person", _("person")),
                _c("title", _("title")),
                _c("organisation", _("organisation")),
                _c("start_date", _("from")),
                _c("end_date", _("to")),
            ),
            form=forms.PositionForm,
            filters=("organisation", "visibility"),
            sortable=("title", "start_date"),
            select_related=("person", "organisation"),
            searchable=False,
        ),
        RecordType(
            "organisations",
            Organisation,
            _("Organisations"),
            (
                _c("name", _("name")),
                _c("kind", _("kind")),
                _c("country", _("country")),
                _c("sectors", _("sectors")),
            ),
            form=forms.OrganisationForm,
            filters=("kind", "country", "sectors", "visibility"),
            sortable=("name", "kind"),
            select_related=("country",),
            prefetch_related=("sectors",),
        ),
        RecordType(
            "documents",
            Document,
            _("Documents"),
            (
                _c("title", _("title")),
                _c("publisher", _("publisher")),
                _c("published_date", _("published")),
                _c("language", _("language")),
            ),
            form=forms.DocumentForm,
            filters=("language", "publisher", "visibility"),
            sortable=("title", "published_date", "publisher"),
        ),
        RecordType(
            "countries",
            Country,
            _("Countries"),
            (
                _c("code", _("code")),
                _c("name", _("name")),
                _c("name_tr", _("name (Turkish)")),
                _c("name_zh", _("name (Chinese)")),
            ),
            sortable=("code", "name"),
            searchable=False,
            has_visibility=False,
        ),
        RecordType(
            "sectors",
            Sector,
            _("Sectors"),
            (
                _c("code", _("code")),
                _c("name", _("name")),
                _c("parent", _("parent")),
                _c("nace_codes", _("NACE Rev.2")),
                _c("hs_codes", _("HS codes")),
            ),
            filters=("parent",),
            sortable=("code", "name"),
            select_related=("parent",),
            searchable=False,
            has_visibility=False,
        ),
    ]
}


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
