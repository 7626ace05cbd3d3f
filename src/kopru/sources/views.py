"""The status page of watched sources: what each yielded, when, and what went wrong."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kopru.core.jobs import enqueue_on_commit
from kopru.sources.access import access_source, sources_for
from kopru.sources.domain.status import with_last_fetch
from kopru.sources.domain.watching import save_source
from kopru.sources.forms import SourceForm
from kopru.sources.models import FetchLog
from kopru.ui.views.access import require_perm


def source_list(request):
    require_perm(request, "sources.watch")
    sources = list(with_last_fetch(sources_for(request.user)).order_by("name", "pk"))
    outcomes = dict(FetchLog._meta.get_field("outcome").choices)
    for source in sources:
        source.last_outcome_label = outcomes.get(source.last_outcome, "")
    return render(request, "sources/list.html", {"sources": sources})


def source_detail(request, pk):
    source = access_source(request, pk)
    context = {
        "source": source,
        "fetches": source.fetches.all()[:30],
        "items": source.items.select_related("document", "ingest_item")[:50],
    }
    return render(request, "sources/detail.html", context)


def _edit(request, source=None):
    form = SourceForm(request.POST or None, instance=source, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_source(source, form.cleaned_data, user=request.user)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Source saved."))
            return redirect(saved)
    return render(request, "sources/form.html", {"form": form, "source": source})


def source_create(request):
    require_perm(request, "sources.watch")
    return _edit(request)


def source_edit(request, pk):
    return _edit(request, access_source(request, pk, "sources.change_source"))


@require_POST
def source_fetch(request, pk):
    source = access_source(request, pk, "sources.change_source")
    enqueue_on_commit("sources.fetch_source", source_id=source.pk)
    messages.success(request, _("A fetch of this source is queued; refresh in a moment."))
    return redirect(source)
