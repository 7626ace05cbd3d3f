"""Fetching watched sources through the one access path (`kopru.ui.views.access`), with the permissions in
`kopru.sources.rules`: government staff and admins only; internal sources only to their side."""

from __future__ import annotations

from kopru.core import access
from kopru.sources.models import Source
from kopru.ui.views.access import access_object, require_perm


def sources_for(user):
    return access.visible_to(Source.objects.all(), user)


def access_source(request, pk, perm: str = "sources.view_source") -> Source:
    """Sign-in for anonymous visitors and 403 for users who do not watch sources, before anything is looked
    up; then 404 for a source this user may not see, and 403 without `perm` on it."""
    require_perm(request, "sources.watch")
    return access_object(request, Source, pk, view="sources.view_source", perm=perm)
