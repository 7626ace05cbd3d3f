"""What the engagements app adds to the kit and the core: its record types, related lists, search source
and the links that let company users read their organisation's engagements. Registered from
`EngageConfig.ready`, so no lower floor names an engagement model."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from kopru.core.access import register_organisation_link, visible_to
from kopru.core.domain.search import SearchSource, register_search_source, search_page_filter
from kopru.core.models import Organisation, Person
from kopru.engage import forms
from kopru.engage.domain.areas import record_initial_status
from kopru.engage.enums import CLAIM_METRIC_LABELS
from kopru.engage.models import Action, Agreement, Claim, CooperationArea, Engagement
from kopru.ui.registry import RecordType, column, register_record_types
from kopru.ui.related import register_related


def _area_context(area, user, can_change) -> dict:
    return {
        "transitions": area.transitions.select_related("by"),
        "transition_form": forms.AreaTransitionForm() if can_change else None,
    }


ENGAGE_RECORD_TYPES = (
    RecordType(
        "engagements",
        Engagement,
        _("Engagements"),
        (
            column("title", _("title")),
            column("kind", _("kind")),
            column("status", _("status")),
            column("start_date", _("date")),
            column("place", _("place")),
            column("people", _("participants")),
        ),
        form=forms.EngagementForm,
        filters=("kind", "status", "country", "sectors", "visibility"),
        sortable=("title", "start_date", "status", "kind"),
        # participants by name only: the list, its exports and feeds show their names (and check their
        # visibility); the whole rows carried each biography (bench/load.py, engagements)
        prefetch_related=(
            Prefetch("people", queryset=Person.objects.only("pk", "name", "visibility", "owner_side")),
            "organisations",
            "sectors",
        ),
    ),
    RecordType(
        "agreements",
        Agreement,
        _("Agreements"),
        (
            column("title", _("title")),
            column("kind", _("kind")),
            column("status", _("status")),
            column("signed_date", _("signed")),
            column("parties", _("parties")),
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
            column("subject", _("subject")),
            column("text", _("claim")),
            column("sector", _("sector")),
            column("metric_label", _("metric")),
            column("value", _("value")),
            column("unit_label", _("unit")),
            column("scope", _("scope")),
        ),
        form=forms.ClaimForm,
        filters=("sector", "metric", "visibility"),
        filter_labels={"metric": CLAIM_METRIC_LABELS},
        sortable=("subject", "value"),
        select_related=("sector", "speaker"),
    ),
    RecordType(
        "areas",
        CooperationArea,
        _("Cooperation areas"),
        (
            column("sector", _("sector")),
            column("country_a", _("country A")),
            column("country_b", _("country B")),
            column("status", _("status")),
            column("status_since", _("status since")),
        ),
        form=forms.CooperationAreaForm,
        filters=("status", "sector", "visibility"),
        sortable=("status", "status_since"),
        select_related=("sector", "country_a", "country_b"),
        searchable=False,
        on_create=lambda area, user: record_initial_status(area, by=user),
        detail_context=_area_context,
        detail_template="engage/area_transitions.html",
    ),
    RecordType(
        "actions",
        Action,
        _("Actions"),
        (
            column("title", _("title")),
            column("owner", _("owner")),
            column("due_date", _("due")),
            column("status", _("status")),
        ),
        form=forms.ActionForm,
        filters=("status", "owner", "visibility"),
        sortable=("title", "due_date", "status"),
        select_related=("owner", "engagement"),
    ),
)


def _engagements_matching(query: str, user):
    # An engagement is found by its participants' names too ("Kacir" finds the meetings Kacır attended) —
    # only through participants the user may read, so a hidden participant's name finds nothing.
    people = visible_to(Person.objects.filter(search_page_filter(query)), user).values("pk")
    organisations = visible_to(Organisation.objects.filter(search_page_filter(query)), user).values("pk")
    # Through-table subqueries rather than joins: joining both many-to-many tables multiplied the rows and
    # needed a DISTINCT over every column (90 ms on 20,000 engagements); each subquery is one hashed lookup.
    attended = Engagement.people.through.objects.filter(person__in=people).values("engagement_id")
    involved = Engagement.organisations.through.objects.filter(organisation__in=organisations).values(
        "engagement_id"
    )
    # One id list, the union of the three ways to match, rather than three conditions ORed: with the OR
    # PostgreSQL walked every engagement in listing order and tried the LIKE and both subqueries on each
    # (25 ms for 20,000 on bench/load.py's database, /search/?q=battery); the union is read first and
    # only its engagements are fetched (9 ms).
    own = Engagement.objects.filter(search_page_filter(query)).order_by().values("pk")
    return Engagement.objects.filter(pk__in=own.union(attended, involved))


def register() -> None:
    register_record_types(*ENGAGE_RECORD_TYPES)
    register_related(
        "core.person",
        [
            (_("Engagements"), "engagements"),
            (_("Agreements signed"), "agreements_signed"),
            (_("Claims"), "claims"),
        ],
    )
    register_related(
        "core.organisation",
        [(_("Engagements"), "engagements"), (_("Agreements"), "agreements")],
    )
    register_related(
        "engage.engagement",
        [
            (_("Agreements signed here"), "agreements"),
            (_("Claims made here"), "claims"),
            (_("Cooperation areas"), "areas"),
            (_("Follow-up actions"), "actions"),
        ],
    )
    register_related(
        "engage.agreement", [(_("Cooperation areas"), "areas"), (_("Follow-up actions"), "actions")]
    )
    register_related("engage.claim", [(_("Cooperation areas"), "areas")])
    register_related(
        "engage.cooperationarea",
        [
            (_("Engagements"), "engagements"),
            (_("Agreements"), "agreements"),
            (_("Claims"), "claims"),
            (_("Follow-up actions"), "actions"),
        ],
    )
    register_search_source(SearchSource("engagements", _("Engagements"), _engagements_matching, order=30))
    register_organisation_link("engage.engagement", "organisations")
    register_organisation_link("engage.agreement", "parties")
    register_organisation_link("engage.claim", "subject_organisation")
