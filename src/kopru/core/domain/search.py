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
    by_name = folded_terms_filter(query)
    # An engagement is found by its participants' names too ("Kacir" finds the meetings Kacır attended).
    engagement_match = (
        by_name
        | folded_terms_filter(query, "people__search_text")
        | folded_terms_filter(query, "organisations__search_text")
    )
    sources = [
        ("people", _("People"), Person.objects.select_related("country").filter(by_name)),
        ("organisations", _("Organisations"), Organisation.objects.select_related("country").filter(by_name)),
        ("engagements", _("Engagements"), Engagement.objects.filter(engagement_match).distinct()),
        ("documents", _("Documents"), Document.objects.defer("text").filter(by_name)),
    ]
    groups = []
    for slug, label, queryset in sources:
        results = list(visible_to(queryset, user)[:limit])
        groups.append(SearchGroup(slug, label, results))
    return groups
