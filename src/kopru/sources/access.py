"""Who sees and edits watched sources: government staff and admins; internal ones only their side."""

from __future__ import annotations

from django.http import Http404

from kopru.core import access
from kopru.sources.models import Source
from kopru.ui.views.access import require_staff


def sources_for(user):
    return access.visible_to(Source.objects.all(), user)


def access_source(request, pk: int) -> Source:
    require_staff(request)
    source = sources_for(request.user).filter(pk=pk).first()
    if source is None:
        raise Http404("No such source")
    return source
