"""Global search across the record, diacritic-insensitive.

Each app registers what it contributes (`register_search_source`) from its `AppConfig.ready`; the core
registers people, organisations and documents, the engagements app its engagements. Results are always
narrowed to what the searching user may read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kopru.core.access import visible_to
from kopru.core.models import Document, Organisation, Person
from kopru.core.text import fold


@dataclass(frozen=True)
class SearchGroup:
    slug: str
    label: str
    results: list


@dataclass(frozen=True)
class SearchSource:
    slug: str
    label: str
    # (query, user) -> the model's rows that match, before the rows' own visibility. A source that matches
    # through linked records (an engagement through its participants' names) must match only linked
    # records `user` may read, or the result would confirm a hidden name.
    matching: Callable[[str, object], QuerySet]
    order: int = 100


SEARCH_SOURCES: dict[str, SearchSource] = {}


def register_search_source(source: SearchSource) -> None:
    SEARCH_SOURCES.setdefault(source.slug, source)


# A query's words become one LIKE each, ANDed; SQLite refuses an expression tree deeper than 1,000 and
# no one searches with more than a dozen words, so only the first MAX_SEARCH_TERMS are used.
MAX_SEARCH_TERMS = 12


def search_terms(query: str) -> tuple[list[str], bool]:
    """The folded words of `query` that are searched for, and whether some were left out."""
    terms = fold(query).split()
    return terms[:MAX_SEARCH_TERMS], len(terms) > MAX_SEARCH_TERMS


# pg_trgm looks a LIKE up by the pattern's trigrams; a shorter word has none.
TRIGRAM = 3


def folded_terms_filter(query: str, field: str = "search_text", *, short_words_indexed: bool = True) -> Q:
    """Every word of the query (up to MAX_SEARCH_TERMS) must occur in the folded search column.

    `short_words_indexed=False` (the search page) asks words under three letters with `strpos` on PostgreSQL
    (kopru.core.fields.UnindexedContains), out of the trigram index's condition; the same rows. The list pages
    keep `LIKE` for every word: a large list shows the planner's estimate of its count, which the other form
    would change."""
    condition = Q()
    for term in search_terms(query)[0]:
        lookup = "contains" if short_words_indexed or len(term) >= TRIGRAM else "unindexed_contains"
        condition &= Q(**{f"{field}__{lookup}": term})
    return condition


def search_page_filter(query: str) -> Q:
    """The search page's condition on `search_text`: see folded_terms_filter."""
    return folded_terms_filter(query, short_words_indexed=False)


def search_everything(user, query: str, limit: int = 20) -> list[SearchGroup]:
    if not fold(query):
        return []
    query = " ".join(search_terms(query)[0])
    groups = []
    for source in sorted(SEARCH_SOURCES.values(), key=lambda s: s.order):
        results = list(visible_to(source.matching(query, user), user)[:limit])
        groups.append(SearchGroup(source.slug, str(source.label), results))
    return groups


def register_core_sources() -> None:
    register_search_source(
        SearchSource(
            "people",
            _("People"),
            lambda q, user: Person.objects.select_related("country").filter(search_page_filter(q)),
            order=10,
        )
    )
    register_search_source(
        SearchSource(
            "organisations",
            _("Organisations"),
            lambda q, user: Organisation.objects.select_related("country").filter(search_page_filter(q)),
            order=20,
        )
    )
    register_search_source(
        SearchSource(
            "documents",
            _("Documents"),
            lambda q, user: Document.objects.defer("text").filter(search_page_filter(q)),
            order=40,
        )
    )
