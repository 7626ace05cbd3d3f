"""Global search across the record."""

from __future__ import annotations

from django.shortcuts import render

from kopru.core.domain.search import search_everything


def search(request):
    query = request.GET.get("q", "").strip()
    groups = search_everything(request.user, query) if query else []
    return render(request, "ui/search.html", {"query": query, "groups": groups})
