"""The linked records shown on a detail page, each list filtered by what the viewer may read."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from kopru.core import access


@dataclass(frozen=True)
class RelatedSection:
    label: str
    items: list


# model label -> (section label, attribute giving a queryset of related records)
RELATED: dict[str, list[tuple]] = {
    "core.person": [
        (_("Positions"), "positions"),
        (_("Engagements"), "engagements"),
        (_("Agreements signed"), "agreements_signed"),
        (_("Claims"), "claims"),
    ],
    "core.organisation": [
        (_("People in positions"), "positions"),
        (_("Engagements"), "engagements"),
        (_("Agreements"), "agreements"),
        (_("Sub-organisations"), "children"),
    ],
    "engage.engagement": [
        (_("Agreements signed here"), "agreements"),
        (_("Claims made here"), "claims"),
        (_("Cooperation areas"), "areas"),
        (_("Follow-up actions"), "actions"),
    ],
    "engage.agreement": [(_("Cooperation areas"), "areas"), (_("Follow-up actions"), "actions")],
    "engage.claim": [(_("Cooperation areas"), "areas")],
    "engage.cooperationarea": [
        (_("Engagements"), "engagements"),
        (_("Agreements"), "agreements"),
        (_("Claims"), "claims"),
        (_("Follow-up actions"), "actions"),
    ],
    "core.document": [],
}


def related_sections(obj, user) -> list[RelatedSection]:
    sections = []
    for label, attribute in RELATED.get(obj._meta.label_lower, []):
        queryset = getattr(obj, attribute).all()
        if hasattr(queryset.model, "visibility"):
            queryset = access.visible_to(queryset, user)
        sections.append(RelatedSection(label, list(queryset[:50])))
    return sections
