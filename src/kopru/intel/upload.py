"""Uploading documents: each stored once by checksum, then extracted in the background."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kopru.core import access
from kopru.intel.domain.ingest import IncomingFile, ingest_files
from kopru.intel.forms import DocumentUploadForm
from kopru.ui.registry import record_type_for
from kopru.ui.views.access import require_creator


def _incoming(form) -> list[IncomingFile]:
    limit = settings.KOPRU_MAX_UPLOAD_BYTES
    files = []
    for upload in form.cleaned_data.get("files") or []:
        if upload.size > limit:
            files.append(
                IncomingFile(
                    upload.name,
                    error=_("The file is larger than the %(mb)d MB limit.") % {"mb": limit // (1024 * 1024)},
                )
            )
        else:
            files.append(IncomingFile(upload.name, upload.read()))
    text = (form.cleaned_data.get("text") or "").strip()
    if text:
        files.append(IncomingFile(_("pasted text") + ".txt", text.encode("utf-8")))
    return files


def document_upload(request):
    require_creator(request, record_type_for("documents"))
    form = DocumentUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        incoming = _incoming(form)
        metadata = {
            name: form.cleaned_data.get(name)
            for name in ("publisher", "published_date", "source_url")
            if form.cleaned_data.get(name)
        }
        if len(incoming) == 1 and form.cleaned_data.get("title"):
            metadata["title"] = form.cleaned_data["title"]
        with transaction.atomic():
            batch = ingest_files(
                incoming,
                user=request.user,
                visibility=form.cleaned_data["visibility"],
                owner_side=form.cleaned_data.get("owner_side") or access.side_of(request.user),
                label=form.cleaned_data.get("title") or "",
                metadata=metadata,
            )
            items = list(batch.items.select_related("document"))
            if len(items) == 1 and items[0].error:
                # A single refused file: the error is shown on the form and nothing is stored.
                transaction.set_rollback(True)
                form.add_error("files", items[0].error)
        if not form.errors:
            if len(items) == 1 and items[0].duplicate:
                messages.info(request, _("This document is already stored; here it is."))
                return redirect(items[0].document.get_absolute_url())
            messages.success(
                request, _("%(count)d file(s) received; extraction is running.") % {"count": len(items)}
            )
            return redirect(batch.get_absolute_url())
    return render(
        request, "intel/document_upload.html", {"form": form}, status=400 if request.method == "POST" else 200
    )
