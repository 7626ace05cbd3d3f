"""Global search across the record."""

from __future__ import annotations

from django.shortcuts import render

from kopru.core.domain.search import MAX_SEARCH_TERMS, search_everything, search_terms


def search(request):
    query = request.GET.get("q", "").strip()
    groups = search_everything(request.user, query) if query else []
    truncated = search_terms(query)[1]
    return render(
        request,
        "ui/search.html",
        {"query": query, "groups": groups, "truncated": truncated, "max_terms": MAX_SEARCH_TERMS},
    )
