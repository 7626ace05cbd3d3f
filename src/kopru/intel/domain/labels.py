"""Suggestion labels in the reader's language.

What the review queue calls an event or organisation suggestion ("Meeting (held) in Beijing on 2024-05-01:
Kacır, Yin Hejun", "Farasis Energy (Company, CN)") goes through gettext: an English label is stored with the
suggestion (search, API) and pages show it in the reader's language from the suggestion's data. Sector,
claim and resolution-note labels (`solar`, `capacity`, `new`) are rebuilt the same way at display time, with
the names of sectors and the labels of enum values. Names, places, dates and country codes are shown as
extracted."""

from __future__ import annotations

import re

from django.conf import settings
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from kopru.core.enums import OrganisationKind
from kopru.core.models import Sector
from kopru.engage.enums import CLAIM_METRIC_LABELS, CLAIM_UNIT_LABELS, EngagementKind

EVENT_TYPES = {
    "meeting": EngagementKind.MEETING.label,
    "visit": EngagementKind.VISIT.label,
    "call": EngagementKind.CALL.label,
    "agreement": gettext_lazy("Agreement"),
    "investment": gettext_lazy("Investment"),
}
EVENT_STATUSES = {
    "held": pgettext_lazy("event status", "held"),
    "planned": pgettext_lazy("event status", "planned"),
    "ongoing": pgettext_lazy("event status", "ongoing"),
}


def event_label(event: dict) -> str:
    """The label in the active language."""
    kind = event.get("type") or ""
    status = event.get("status") or ""
    name = str(EVENT_TYPES.get(kind, kind.capitalize()))
    if status:
        name = _("%(event)s (%(status)s)") % {
            "event": name,
            "status": str(EVENT_STATUSES.get(status, status)),
        }
    place, date = event.get("place") or "", event.get("date") or ""
    if place and date:
        head = _("%(event)s in %(place)s on %(date)s") % {"event": name, "place": place, "date": date}
    elif place:
        head = _("%(event)s in %(place)s") % {"event": name, "place": place}
    elif date:
        head = _("%(event)s on %(date)s") % {"event": name, "date": date}
    else:
        head = name
    who = pgettext("list separator", ", ").join(event.get("participants") or [])
    return _("%(head)s: %(who)s") % {"head": head, "who": who} if who else head


def organisation_label(organisation: dict) -> str:
    """ "Farasis Energy (Company, CN)": the kind by its label in the active language, never its code."""
    kind = organisation.get("kind") or OrganisationKind.OTHER
    details = [
        str(OrganisationKind(kind).label) if kind in OrganisationKind.values else kind,
        organisation.get("country") or "",
    ]
    return _("%(name)s (%(details)s)") % {
        "name": organisation.get("name") or "",
        "details": pgettext("list separator", ", ").join(part for part in details if part),
    }


def stored_event_label(event: dict) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return event_label(event)


_SIMILAR = re.compile(r"^similar name \((?P<score>\d+)%\)$")


def label_suggestions(suggestions, sector_names: dict[str, str] | None = None) -> None:
    """Set `shown_label` and `shown_note` on each suggestion (one query for the sectors of a page)."""
    suggestions = list(suggestions)
    if sector_names is None:
        codes = [
            s.payload.get("code") for s in suggestions if s.kind == "sector" and isinstance(s.payload, dict)
        ]
        sector_names = {sector.code: str(sector) for sector in Sector.objects.filter(code__in=codes)}
    for suggestion in suggestions:
        suggestion.shown_label = shown_label(suggestion, sector_names)
        suggestion.shown_note = match_note_label(suggestion.match_note)


def shown_label(suggestion, sector_names: dict[str, str]) -> str:
    # `suggestion` is an intel.models.Suggestion (not imported: the model imports this module)
    payload = suggestion.payload if isinstance(suggestion.payload, dict) else {}
    build = _BUILDERS.get(suggestion.kind)
    label = build(payload, sector_names) if build else None
    return label or suggestion.label


def match_note_label(note: str) -> str:
    """The entity resolution's note ("new", "same name or alias", "similar name (87%)") translated."""
    if note == "new":
        return _("new")
    if note == "same name or alias":
        return _("same name or alias")
    if note == "new (a similar name belongs to another country)":
        return _("new (a similar name belongs to another country)")
    similar = _SIMILAR.match(note or "")
    if similar:
        return _("similar name (%(score)s %%)") % {"score": similar["score"]}
    return note


def _sector(payload: dict, sector_names: dict[str, str]) -> str | None:
    code = payload.get("code")
    return sector_names.get(code) if isinstance(code, str) else None


def _organisation(payload: dict, _sectors) -> str | None:
    return organisation_label(payload) if payload.get("name") else None


def _event(payload: dict, _sectors) -> str | None:
    return event_label(payload) if payload.get("type") else None


def _claim(payload: dict, _sectors) -> str | None:
    metric, value = payload.get("metric"), payload.get("value")
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = number_format(value, use_l10n=True, force_grouping=True)
    details = ", ".join(
        str(part)
        for part in (
            CLAIM_METRIC_LABELS.get(metric, metric),
            value,
            CLAIM_UNIT_LABELS.get(payload.get("unit"), payload.get("unit")),
            payload.get("scope"),
        )
        if part not in (None, "")
    )
    text = f"{payload.get('subject') or '—'}: {payload.get('text', '')}"
    return f"{text} ({details})" if details else text


_BUILDERS = {
    "sector": _sector,
    "organisation": _organisation,
    "event": _event,
    "investment": _event,
    "claim": _claim,
}
