"""Who may use the review queue: government staff and admins, for documents they may read."""

from __future__ import annotations

from django.http import Http404

from kopru.core import access
from kopru.core.models import Document
from kopru.intel.domain.ingest import batches_for
from kopru.intel.models import IngestBatch, Suggestion
from kopru.ui.views.access import require_perm


def require_reviewer_of_documents(request) -> None:
    require_perm(request, "intel.review_documents")


def suggestions_for(user):
    documents = access.visible_to(Document.objects.all(), user)
    return Suggestion.objects.filter(document__in=documents.values("pk"))


def access_suggestion(request, pk) -> Suggestion:
    require_reviewer_of_documents(request)
    suggestion = suggestions_for(request.user).select_related("document").filter(pk=pk).first()
    if suggestion is None:
        raise Http404("No such suggestion")
    return suggestion


def access_batch(request, pk) -> IngestBatch:
    require_reviewer_of_documents(request)
    batch = batches_for(request.user).filter(pk=pk).first()
    if batch is None:
        raise Http404("No such batch")
    return batch
