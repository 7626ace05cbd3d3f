"""Small helpers shared by the investment views."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kopru.ui.display import record_label


def form_status(request) -> int:
    """400 for a re-rendered form after a failed POST, 200 otherwise."""
    return 400 if request.method == "POST" else 200


def form_page(request, form, save, *, instance=None, title: str = "", cancel: str = ""):
    """The create page (no `instance`; `title` and the `cancel` URL name) or the edit page of a record.

    A valid POST goes through `save(form)`, which writes and returns the record; the user is told and sent
    to it. Otherwise the form is drawn again (400 after a failed POST)."""
    if request.method == "POST" and form.is_valid():
        obj = save(form)
        messages.success(request, _("Saved “%(name)s”.") % {"name": record_label(obj, request.user)})
        return redirect(obj.get_absolute_url())
    if instance is None:
        context = {"form": form, "title": title, "cancel": cancel}
    else:
        context = {
            "form": form,
            "title": _("Edit %(name)s") % {"name": record_label(instance, request.user)},
            "object": instance,
        }
    return render(request, "invest/form.html", context, status=form_status(request))
