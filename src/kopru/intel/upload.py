"""Uploading documents: each stored once by checksum, then extracted in the background."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
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
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        visibility = form.cleaned_data["visibility"]
        batch = ingest_files(
            _incoming(form),
            user=request.user,
            visibility=visibility,
            owner_side=access.side_of(request.user),
            label=form.cleaned_data.get("title") or "",
        )
        items = list(batch.items.select_related("document"))
        if len(items) == 1 and items[0].error:
            form.add_error("files", items[0].error)
        elif len(items) == 1 and items[0].duplicate:
            messages.info(request, _("This document is already stored; here it is."))
            return redirect(items[0].document.get_absolute_url())
        else:
            messages.success(
                request, _("%(count)d file(s) received; extraction is running.") % {"count": len(items)}
            )
            return redirect(batch.get_absolute_url())
    return render(
        request, "intel/document_upload.html", {"form": form}, status=400 if request.method == "POST" else 200
    )
