"""The core floor's record types (people, organisations, positions, documents, reference data) in the kit."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kopru.core.domain.evidence import Span, highlight
from kopru.core.models import Country, Document, Organisation, Person, Position, Sector
from kopru.ui import forms
from kopru.ui.display import HIDDEN_LABEL, linked_name, register_label
from kopru.ui.registry import RecordType, column, register_record_types
from kopru.ui.related import register_related


def _position_label(position, user) -> str:
    person = linked_name(position.person, user) or str(HIDDEN_LABEL)
    organisation = linked_name(position.organisation, user) if position.organisation_id else ""
    return f"{person}: {position.title}" + (f", {organisation}" if organisation else "")


def _document_context(document, user, can_change) -> dict:
    # the spans as plain values: whole evidence rows (each with its quote) were read to draw three numbers
    spans = [
        Span(start, end, f"ev-{pk}") for pk, start, end in document.evidence.values_list("pk", "start", "end")
    ]
    return {"highlighted_text": highlight(document.text, spans)}


CORE_RECORD_TYPES = (
    RecordType(
        "people",
        Person,
        _("People"),
        (column("name", _("name")), column("country", _("country")), column("positions", _("positions"))),
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
            column("person", _("person")),
            column("title", _("title")),
            column("organisation", _("organisation")),
            column("start_date", _("from")),
            column("end_date", _("to")),
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
            column("name", _("name")),
            column("kind", _("kind")),
            column("country", _("country")),
            column("sectors", _("sectors")),
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
            column("title", _("title")),
            column("publisher", _("publisher")),
            column("published_date", _("published")),
            column("language", _("language")),
        ),
        form=forms.DocumentForm,
        filters=("language", "publisher", "visibility"),
        sortable=("title", "published_date", "publisher"),
        detail_context=_document_context,
    ),
    RecordType(
        "countries",
        Country,
        _("Countries"),
        (
            column("code", _("code")),
            # The name in the reader's language (English where no translation is recorded).
            column("localised_name", _("name")),
        ),
        sortable=("code", "localised_name"),
        searchable=False,
        has_visibility=False,
    ),
    RecordType(
        "sectors",
        Sector,
        _("Sectors"),
        (
            # Names, not the taxonomy's codes (`cross_cutting`), in the reader's language.
            column("localised_name", _("name")),
            column("parent", _("parent")),
            column("nace_codes", _("NACE Rev.2")),
            column("hs_codes", _("HS codes")),
        ),
        filters=("parent",),
        sortable=("localised_name",),
        # The taxonomy's code is the extraction contract's key, not something a reader needs.
        detail_fields=(
            "name",
            "name_tr",
            "name_zh",
            "parent",
            "description",
            "nace_codes",
            "hs_codes",
            "source",
        ),
        select_related=("parent",),
        searchable=False,
        has_visibility=False,
    ),
)


def register() -> None:
    register_record_types(*CORE_RECORD_TYPES)
    register_label("core.position", _position_label)
    register_related("core.person", [(_("Positions"), "positions")])
    register_related("core.organisation", [(_("People in positions"), "positions")])
    register_related("core.document", [])
