"""Uploading a document: stored once by checksum; a duplicate points to the document already there."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kopru.core import access
from kopru.core.domain.documents import store_document
from kopru.core.domain.reading import UnreadableDocument, read_upload
from kopru.web.forms import DocumentUploadForm
from kopru.web.registry import record_type_for
from kopru.web.views.access import require_creator


def document_upload(request):
    require_creator(request, record_type_for("documents"))
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.get("file")
        try:
            if upload:
                if upload.size > settings.KOPRU_MAX_UPLOAD_BYTES:
                    raise UnreadableDocument(
                        _("The file is larger than the %(mb)d MB limit.")
                        % {"mb": settings.KOPRU_MAX_UPLOAD_BYTES // (1024 * 1024)}
                    )
                content = upload.read()
                read = read_upload(upload.name, content)
                file_name = upload.name
            else:
                content = data["text"].encode("utf-8")
                read = read_upload("pasted.txt", content)
                file_name = ""
        except UnreadableDocument as error:
            form.add_error("file", str(error))
        else:
            visibility = data["visibility"]
            stored = store_document(
                content=content,
                text=read.text,
                title=data["title"] or read.title or file_name or _("Untitled"),
                file_name=file_name,
                publisher=data["publisher"] or read.publisher or "",
                published_date=data["published_date"] or read.published,
                source_url=data["source_url"],
                visibility=visibility,
                owner_side=access.side_of(request.user) if visibility == "internal" else "",
            )
            if stored.created:
                messages.success(request, _("Document stored."))
            else:
                messages.info(request, _("This document is already stored; here it is."))
            return redirect(stored.document.get_absolute_url())
    return render(
        request, "web/document_upload.html", {"form": form}, status=400 if request.method == "POST" else 200
    )
