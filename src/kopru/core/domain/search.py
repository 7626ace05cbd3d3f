"""Global search across people, organisations, documents and engagements, diacritic-insensitive."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from kopru.core.access import visible_to
from kopru.core.models import Document, Organisation, Person
from kopru.core.text import fold
from kopru.engage.models import Engagement


@dataclass(frozen=True)
class SearchGroup:
    slug: str
    label: str
    results: list


def folded_terms_filter(query: str, field: str = "search_text") -> Q:
    """Every word of the query must occur in the folded search column."""
    condition = Q()
    for term in fold(query).split():
        condition &= Q(**{f"{field}__contains": term})
    return condition


def search_everything(user, query: str, limit: int = 20) -> list[SearchGroup]:
    from django.utils.translation import gettext as _

    if not fold(query):
        return []
    condition = folded_terms_filter(query)
    sources = [
        ("people", _("People"), Person.objects.select_related("country")),
        ("organisations", _("Organisations"), Organisation.objects.select_related("country")),
        ("engagements", _("Engagements"), Engagement.objects.all()),
        ("documents", _("Documents"), Document.objects.defer("text")),
    ]
    groups = []
    for slug, label, queryset in sources:
        results = list(visible_to(queryset.filter(condition), user)[:limit])
        groups.append(SearchGroup(slug, label, results))
    return groups
