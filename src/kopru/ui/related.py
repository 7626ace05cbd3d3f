"""The linked records shown on a detail page, each list filtered by what the viewer may read.

Apps say which related lists a model's page shows with `register_related` from `AppConfig.ready`, so an
organisation's page lists engagements without the kit naming the engagements app.
"""

from __future__ import annotations

from dataclasses import dataclass

from kopru.core import access


@dataclass(frozen=True)
class RelatedSection:
    label: str
    items: list


# model label -> [(section label, attribute giving a queryset of related records)], in registration order
RELATED: dict[str, list[tuple]] = {}


def register_related(model_label: str, sections: list[tuple]) -> None:
    known = RELATED.setdefault(model_label, [])
    for section in sections:
        if section not in known:
            known.append(section)


def related_sections(obj, user) -> list[RelatedSection]:
    sections = []
    for label, attribute in RELATED.get(obj._meta.label_lower, []):
        queryset = getattr(obj, attribute).all()
        if hasattr(queryset.model, "visibility"):
            queryset = access.visible_to(queryset, user)
        sections.append(RelatedSection(label, list(queryset[:50])))
    return sections
