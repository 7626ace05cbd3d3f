"""Generic list, detail, create, edit and history pages for every record type in the registry."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import ManyToManyField
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kopru.core.domain.evidence import context_snippet, evidence_for
from kopru.core.domain.notes import add_note, notes_for
from kopru.ui.display import as_text, linked_text
from kopru.ui.forms import NoteForm, blank_form
from kopru.ui.history import history_pairs
from kopru.ui.listing import apply_list_params, base_queryset, filter_options
from kopru.ui.pagination import ListPaginator
from kopru.ui.registry import DETAIL_LINKS, record_type_for
from kopru.ui.related import (
    linked_rows,
    related_builders,
    related_sections_kept,
    rows_kept,
    which_have_rows_kept,
)
from kopru.ui.views.access import access_record, has_perm, require_creator


def record_list(request, slug):
    record_type = record_type_for(slug)
    rows = base_queryset(record_type, request.user, columns_only=True)
    queryset = apply_list_params(record_type, rows, request.GET)
    page = ListPaginator(queryset, settings.KOPRU_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "record_type": record_type,
        "page": page,
        "filters": filter_options(record_type, request.GET, request.user),
        "query": request.GET.get("q", ""),
        "sort": request.GET.get("sort", ""),
        "can_create": record_type.form is not None and has_perm(request.user, "kopru.add_record"),
        "can_export": has_perm(request.user, "kopru.add_record"),
    }
    template = "ui/record_rows.html" if request.headers.get("HX-Request") else "ui/record_list.html"
    return render(request, template, context)


def _detail_fields(obj, shown: tuple[str, ...] = ()):
    """The editable fields of `obj` (a record or its model) as (label, name); `shown`, when a record type
    names them, keeps only those (reference data hides its internal codes)."""
    rows = []
    for field in obj._meta.get_fields():
        if not getattr(field, "concrete", False) and not isinstance(field, ManyToManyField):
            continue
        if field.name in ("id", "search_text", "text", "checksum", "file") or not getattr(
            field, "editable", True
        ):
            continue
        if field.auto_created and not field.concrete:
            continue
        rows.append((field.verbose_name, field.name))
    if shown:
        rows = [row for row in rows if row[1] in shown]
    return rows


def _linked_fields(model, fields) -> tuple[str, ...]:
    """The forward foreign keys among a detail page's fields: read with the record, not a query each."""
    return tuple(
        name
        for _label, name in fields
        if getattr(model._meta.get_field(name), "many_to_one", False)
        or getattr(model._meta.get_field(name), "one_to_one", False)
    )


@cache
def _keeps_history(model) -> bool:
    """Whether `model` keeps a history (reference data does not). Asked of the model once: the template's
    `object.history` built simple-history's manager class anew on every page (`from_queryset`, ~0.4 ms)."""
    return hasattr(model, "history")


def _evidence(obj, user):
    # only what the page shows: an evidence's span and document (title and text)
    return evidence_for(obj, user).only("start", "end", "document__title", "document__text")


def _notes(obj, user):
    # only what the page shows: a note's author name
    return notes_for(obj, user).only("visibility", "owner_side", "created_at", "text", "author__username")


def _page_lists(record_type, user):
    """The detail page's lists of a record, each as a function giving its queryset: the related lists,
    then, for records with visibility, the evidence and the notes."""

    def lists(record):
        builders = [build for _label, build in related_builders(record, user)]
        if record_type.has_visibility:
            builders += [lambda: _evidence(record, user), lambda: _notes(record, user)]
        return builders

    return lists


def record_detail(request, slug, pk):
    record_type = record_type_for(slug)
    fields = _detail_fields(record_type.model, record_type.detail_fields)
    obj = access_record(request, record_type, pk, select_related=_linked_fields(record_type.model, fields))
    user = request.user
    listed = related_builders(obj, user)
    # one statement, written once per model and reader scope, says which of the page's lists have rows;
    # only those are built and read
    has_rows = which_have_rows_kept(f"record-detail:{slug}", obj, user, _page_lists(record_type, user))
    context = {
        "record_type": record_type,
        "object": obj,
        "fields": fields,
        # the many-to-many fields' linked records, read by statements written once (`detail_rows` shows them)
        "linked_rows": linked_rows(obj, {name for _label, name in fields}),
        "has_history": _keeps_history(type(obj)),
        "related": related_sections_kept(obj, user, has_rows[: len(listed)]),
        "can_change": record_type.form is not None
        and record_type.has_visibility
        and has_perm(user, "kopru.change_record", obj),
    }
    if record_type.has_visibility:
        has_evidence, has_notes = has_rows[len(listed) :]
        evidence = (
            rows_kept("record-evidence", obj, user, lambda r: _evidence(r, user)) if has_evidence else []
        )
        context["evidence"] = [(item, context_snippet(item)) for item in evidence]
        context["notes"] = (
            rows_kept("record-notes", obj, user, lambda r: _notes(r, user)) if has_notes else []
        )
        context["note_form"] = blank_form(NoteForm) if has_perm(user, "kopru.add_record") else None
    context["detail_links"] = [
        (link.label, reverse(link.url_name, args=[obj.pk]))
        for link in DETAIL_LINKS.get(slug, [])
        if link.allowed(user)
    ]
    if record_type.detail_context is not None:
        context.update(record_type.detail_context(obj, user, context["can_change"]))
    return render(request, "ui/record_detail.html", context)


def _save_form(request, record_type, instance=None):
    form_class = record_type.form
    form = form_class(request.POST or None, request.FILES or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save()
            if instance is None and record_type.on_create is not None:
                record_type.on_create(obj, request.user)
        messages.success(request, _("Saved “%(name)s”.") % {"name": obj})
        return None, obj
    return form, None


def _form_page(request, record_type, instance=None):
    """Save the posted form and go to the record, or show the form (400 with its errors after a POST)."""
    form, obj = _save_form(request, record_type, instance)
    if obj is not None:
        return redirect(obj.get_absolute_url())
    return render(
        request,
        "ui/record_form.html",
        {"record_type": record_type, "form": form, "object": instance},
        status=400 if request.method == "POST" else 200,
    )


def record_create(request, slug):
    record_type = record_type_for(slug)
    require_creator(request, record_type)
    return _form_page(request, record_type)


def record_edit(request, slug, pk):
    record_type = record_type_for(slug)
    return _form_page(request, record_type, access_record(request, record_type, pk, for_change=True))


def _readable_value(model, field, value, user) -> str:
    """One side of a history change as a person reads it: labels, names of linked records, "—"."""
    if value in (None, "", []):
        return "—"
    if isinstance(field, ManyToManyField):
        related = field.related_model
        ids = []
        for row in value if isinstance(value, list) else []:
            if isinstance(row, dict):
                ids.extend(v for k, v in row.items() if k != model._meta.model_name and k != "id")
        records = list(related._default_manager.filter(pk__in=ids))
        return linked_text(records, user) or "—"
    if getattr(field, "many_to_one", False) or getattr(field, "one_to_one", False):
        record = field.related_model._default_manager.filter(pk=value).first()
        return linked_text(record, user) or "—" if record is not None else "—"
    if getattr(field, "flatchoices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return as_text(value, user)


def readable_change(model, change, user) -> dict:
    try:
        field = model._meta.get_field(change.field)
    except FieldDoesNotExist:
        return {"field": change.field.replace("_", " "), "old": change.old, "new": change.new}
    return {
        "field": str(getattr(field, "verbose_name", change.field)),
        "old": _readable_value(model, field, change.old, user),
        "new": _readable_value(model, field, change.new, user),
    }


def record_history(request, slug, pk):
    record_type = record_type_for(slug)
    obj = access_record(request, record_type, pk)
    if not hasattr(obj, "history"):  # reference data keeps no history
        return redirect("record-detail", slug, obj.pk)
    entries = []
    for record, previous in history_pairs(obj, 100):
        changes = record.diff_against(previous).changes if previous else []
        shown_changes = [readable_change(type(obj), change, request.user) for change in changes]
        entries.append({"record": record, "changes": shown_changes})
    return render(
        request, "ui/record_history.html", {"record_type": record_type, "object": obj, "entries": entries}
    )


def post_note(request, record):
    """Add the POSTed note to `record` (already fetched through its access helper), then back to it."""
    require_creator(request)
    form = NoteForm(request.POST)
    if form.is_valid():
        add_note(
            record,
            author=request.user,
            text=form.cleaned_data["text"],
            visibility=form.cleaned_data["visibility"],
        )
        messages.success(request, _("Note added."))
    else:
        messages.error(request, _("The note is empty."))
    return redirect(record.get_absolute_url())


@require_POST
def record_add_note(request, slug, pk):
    record_type = record_type_for(slug)
    if not record_type.has_visibility:  # reference data carries no notes
        raise Http404("No notes here")
    return post_note(request, access_record(request, record_type, pk))
