"""What the review queue calls an event or organisation suggestion ("Meeting (held) in Beijing on 2024-05-01:
Kacır, Yin Hejun", "Farasis Energy (Company, CN)"), through gettext: an English label is stored with the
suggestion (search, API) and pages show it in the reader's language from the suggestion's data. Names,
places, dates and country codes are shown as extracted."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from kopru.core.enums import OrganisationKind
from kopru.engage.enums import EngagementKind

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
