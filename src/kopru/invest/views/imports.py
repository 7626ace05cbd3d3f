"""Import: upload → preview with per-row errors and a merge screen → confirm (all or nothing)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kopru.core import access
from kopru.invest.domain.imports import (
    BACKGROUND_ROWS,
    COLUMNS,
    PREVIEW_ROWS,
    ImportRefused,
    confirm_import,
    preview_import,
    queue_import,
)
from kopru.invest.forms import ImportForm
from kopru.invest.models import CompanyProfile, ImportBatch, Opportunity
from kopru.invest.views.common import form_status
from kopru.ui.views.access import require_staff


def import_upload(request):
    require_staff(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        batch = preview_import(form.cleaned_data["kind"], upload.name, upload.read(), user=request.user)
        return redirect("invest:import-preview", pk=batch.pk)
    return render(
        request,
        "invest/import_upload.html",
        {
            "form": form,
            "columns": COLUMNS,
            "recent": ImportBatch.objects.filter(created_by=request.user)[:10],
        },
        status=form_status(request),
    )


def _batch(request, pk) -> ImportBatch:
    require_staff(request)
    batch = ImportBatch.objects.filter(pk=pk).first() if str(pk).isdigit() else None
    if batch is None or (batch.created_by_id != request.user.pk and not access.is_admin(request.user)):
        raise Http404("No such import")
    return batch


def import_preview(request, pk):
    batch = _batch(request, pk)
    if request.method == "POST":
        if request.POST.get("action") == "cancel" and batch.status == ImportBatch.Status.PREVIEW:
            batch.status = ImportBatch.Status.CANCELLED
            batch.save(update_fields=["status"])
            messages.info(request, _("Import cancelled; nothing was written."))
            return redirect("invest:import-upload")
        decisions = {
            key.removeprefix("decision-"): value
            for key, value in request.POST.items()
            if key.startswith("decision-")
        }
        skip_errors = request.POST.get("skip_errors") == "on"
        try:
            if len(batch.rows) > BACKGROUND_ROWS:
                queue_import(batch, user=request.user, decisions=decisions, skip_errors=skip_errors)
                messages.info(
                    request, _("The import runs in the background; this page shows when it is done.")
                )
            else:
                counts = confirm_import(
                    batch, user=request.user, decisions=decisions, skip_errors=skip_errors
                )
                messages.success(
                    request,
                    _("Imported: %(created)d created, %(merged)d merged, %(skipped)d skipped.") % counts,
                )
        except ImportRefused as refusal:
            messages.error(request, str(refusal))
        else:
            return redirect("invest:import-preview", pk=batch.pk)
        batch.refresh_from_db()
    model = CompanyProfile if batch.kind == ImportBatch.Kind.COMPANIES else Opportunity
    duplicates = batch.duplicate_rows
    if batch.kind == ImportBatch.Kind.COMPANIES:
        from kopru.core.models import Organisation

        existing = {
            o.pk: o for o in Organisation.objects.filter(pk__in=[r["duplicate_of"] for r in duplicates])
        }
    else:
        existing = {o.pk: o for o in model.objects.filter(pk__in=[r["duplicate_of"] for r in duplicates])}
    return render(
        request,
        "invest/import_preview.html",
        {
            "batch": batch,
            "error_rows": batch.error_rows[:PREVIEW_ROWS],
            "duplicates": [(row, existing.get(row["duplicate_of"])) for row in duplicates[:PREVIEW_ROWS]],
            "sample": [row for row in batch.rows if not row["errors"]][:20],
            "preview_rows": PREVIEW_ROWS,
        },
        status=400 if request.method == "POST" else 200,
    )
