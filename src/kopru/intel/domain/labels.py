"""A suggestion's title and its resolution note in the reader's language.

The stored label and note are English, built from the extraction's codes (`solar`, `agency`, `held`,
`capacity`, `new`): fine for the API and the logs, not for a Turkish or Chinese reader. These functions
rebuild them from the payload at display time, with the names of sectors and the labels of enum values.
"""

from __future__ import annotations

import re

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kopru.core.enums import OrganisationKind
from kopru.core.models import Sector
from kopru.engage.enums import CLAIM_METRIC_LABELS, CLAIM_UNIT_LABELS, EngagementKind, EngagementStatus
from kopru.intel.models import Suggestion

_SIMILAR = re.compile(r"^similar name \((?P<score>\d+)%\)$")
_EVENT_KINDS = {**dict(EngagementKind.choices), "investment": gettext_lazy("Investment")}


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


def shown_label(suggestion: Suggestion, sector_names: dict[str, str]) -> str:
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
    name = payload.get("name")
    if not name:
        return None
    kinds = dict(OrganisationKind.choices)
    kind = str(kinds.get(payload.get("kind") or "other", kinds["other"]))
    country = payload.get("country")
    return f"{name} ({kind}, {country})" if country else f"{name} ({kind})"


def _event(payload: dict, _sectors) -> str | None:
    kind, status = (
        _EVENT_KINDS.get(payload.get("type")),
        dict(EngagementStatus.choices).get(payload.get("status")),
    )
    if kind is None or status is None:
        return None
    label = _("%(kind)s (%(status)s)") % {"kind": kind, "status": str(status).lower()}
    if payload.get("place"):
        label = _("%(event)s in %(place)s") % {"event": label, "place": payload["place"]}
    if payload.get("date"):
        label = _("%(event)s on %(date)s") % {"event": label, "date": payload["date"]}
    who = ", ".join(str(name) for name in payload.get("participants") or [])
    return f"{label}: {who}" if who else label


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
