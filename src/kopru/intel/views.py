"""The review queue, suggestion decisions, and live progress of ingestion batches."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Value, When
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kopru.core import access
from kopru.core.domain.evidence import Span, highlight
from kopru.core.models import Document
from kopru.intel.access import access_batch, access_suggestion, require_reviewer_of_documents, suggestions_for
from kopru.intel.domain.labels import label_suggestions
from kopru.intel.domain.review import accept_suggestion, decide_many, reject_suggestion
from kopru.intel.domain.suggestions import linked_record, shown_payload, visible_match_keys
from kopru.intel.enums import SuggestionKind, SuggestionStatus
from kopru.intel.forms import EDIT_FORMS, edits_from
from kopru.ui.errors import add_messages, attempt
from kopru.ui.registry import record_type_for
from kopru.ui.views.access import access_record

QUEUE_PAGE_SIZE = 50
# A reviewer reads a document's events first, then who took part, then the rest.
KIND_ORDER = Case(
    *(
        When(kind=kind, then=Value(rank))
        for rank, kind in enumerate(["event", "investment", "person", "organisation", "sector", "claim"])
    ),
    default=Value(9),
)


def queue(request):
    require_reviewer_of_documents(request)
    status = request.GET.get("status") or SuggestionStatus.PENDING
    suggestions = suggestions_for(request.user).filter(status=status).select_related("document")
    kind = request.GET.get("kind")
    if kind in SuggestionKind.values:
        suggestions = suggestions.filter(kind=kind)
    document_id = request.GET.get("document")
    if document_id and document_id.isdigit():
        suggestions = suggestions.filter(document_id=int(document_id))
    min_confidence = request.GET.get("min_confidence")
    try:
        if min_confidence:
            suggestions = suggestions.filter(confidence__gte=float(min_confidence))
    except ValueError:
        messages.error(request, _("The minimum confidence must be a number between 0 and 1."))
    page = Paginator(
        suggestions.order_by("-document__created_at", "document_id", KIND_ORDER, "-confidence", "pk"),
        QUEUE_PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    visible = visible_match_keys(page.object_list, request.user)
    for suggestion in page.object_list:
        suggestion.match_visible = (suggestion.match_type_id, suggestion.match_id) in visible
    label_suggestions(page.object_list)
    rows = [(suggestion, _snippet(suggestion)) for suggestion in page.object_list]
    return render(
        request,
        "intel/queue.html",
        {
            "page": page,
            "rows": rows,
            "status": status,
            "kind": kind or "",
            "kinds": SuggestionKind.choices,
            "statuses": SuggestionStatus.choices,
            "document_id": document_id or "",
            "min_confidence": min_confidence or "",
        },
    )


def _snippet(suggestion, width: int = 120):
    if suggestion.evidence_start is None:
        return ""
    text = suggestion.document.text
    begin, end = max(0, suggestion.evidence_start - width), min(len(text), suggestion.evidence_end + width)
    return highlight(
        text[begin:end], [Span(suggestion.evidence_start - begin, suggestion.evidence_end - begin)]
    )


def suggestion_detail(request, pk):
    suggestion = access_suggestion(request, pk)
    form_class = EDIT_FORMS.get(suggestion.kind)
    if hasattr(form_class, "initial_from"):  # a form whose fields flatten nested payload values
        initial = form_class.initial_from(suggestion.payload)
    else:
        initial = {key: suggestion.payload.get(key) for key in (form_class.base_fields if form_class else [])}
    form = form_class(request.POST or None, initial=initial) if form_class else None
    if request.method == "POST":
        if form is not None and not form.is_valid():
            return _detail_page(request, suggestion, form, status=400)
        try:
            record = accept_suggestion(
                suggestion, user=request.user, edits=edits_from(form) if form else None
            )
        except ValidationError as error:
            add_messages(request, error)
            return _detail_page(request, suggestion, form, status=400)
        messages.success(request, _("Accepted: %(record)s") % {"record": record})
        return redirect(_next_url(request, suggestion))
    return _detail_page(request, suggestion, form)


def _detail_page(request, suggestion, form, status: int = 200):
    return render(request, "intel/suggestion.html", _detail_context(request, suggestion, form), status=status)


def _detail_context(request, suggestion, form):
    label_suggestions([suggestion])
    spans = (
        [Span(suggestion.evidence_start, suggestion.evidence_end, "evidence")]
        if suggestion.evidence_start is not None
        else []
    )
    return {
        "suggestion": suggestion,
        "match": linked_record(suggestion, request.user, "match"),
        "result": linked_record(suggestion, request.user, "result"),
        "payload_rows": shown_payload(suggestion),
        "form": form,
        "document_html": highlight(suggestion.document.text, spans),
    }


def _next_url(request, suggestion):
    following = (
        suggestions_for(request.user)
        .filter(status=SuggestionStatus.PENDING, document=suggestion.document)
        .order_by(KIND_ORDER, "-confidence", "pk")
        .first()
    )
    return following.get_absolute_url() if following else f"{_queue_url()}?document={suggestion.document_id}"


def _queue_url():
    from django.urls import reverse

    return reverse("intel:queue")


@require_POST
def suggestion_reject(request, pk):
    suggestion = access_suggestion(request, pk)
    attempt(
        request,
        lambda: reject_suggestion(suggestion, user=request.user),
        _("Rejected: it will not be suggested again for this document."),
    )
    return redirect(_next_url(request, suggestion))


@require_POST
def bulk_decide(request):
    require_reviewer_of_documents(request)
    action = request.POST.get("action")
    if action not in ("accept", "reject"):
        messages.error(request, _("Choose accept or reject."))
        return redirect(_queue_url())
    ids = [int(value) for value in request.POST.getlist("ids") if value.isdigit()]
    chosen = suggestions_for(request.user).filter(pk__in=ids).select_related("document")
    # People and organisations first, so that events and deals accepted in the same batch find them.
    order = {"person": 0, "organisation": 1, "event": 2, "investment": 3, "sector": 4, "claim": 5}
    decisions = decide_many(
        sorted(chosen, key=lambda s: (order[s.kind], s.pk)), user=request.user, accept=action == "accept"
    )
    done = sum(decision.ok for decision in decisions)
    messages.success(request, _("%(count)d suggestions decided.") % {"count": done})
    for decision in decisions:
        if not decision.ok:
            messages.error(request, f"{decision.suggestion.label}: {decision.message}")
    return redirect(_safe_next(request) or _queue_url())


def _safe_next(request) -> str:
    """The posted `next` if it stays on this site (never an open redirect to another host)."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return target if target and allowed else ""


def batch_detail(request, pk):
    batch = access_batch(request, pk)
    items = list(batch.items.select_related("document"))
    visible = set(
        access.visible_to(
            Document.objects.filter(pk__in=[i.document_id for i in items if i.document_id]), request.user
        ).values_list("pk", flat=True)
    )
    finished = sum(item.finished for item in items)
    context = {
        "batch": batch,
        "items": items,
        "visible_documents": visible,
        "finished": finished,
        "total": len(items),
        "percent": round(100 * finished / len(items)) if items else 100,
    }
    template = "intel/batch_progress.html" if request.headers.get("HX-Request") else "intel/batch.html"
    return render(request, template, context)


def document_analysis(request, pk):
    document = access_record(request, record_type_for("documents"), pk)
    require_reviewer_of_documents(request)
    suggestions = list(document.suggestions.order_by(KIND_ORDER, "-confidence", "pk"))
    label_suggestions(suggestions)
    spans = [
        Span(s.evidence_start, s.evidence_end, f"s-{s.pk}")
        for s in suggestions
        if s.evidence_start is not None
    ]
    return render(
        request,
        "intel/document.html",
        {
            "document": document,
            "suggestions": suggestions,
            "document_html": highlight(document.text, spans),
        },
    )
