"""Turning a record's attribute into display text; the list pages, detail pages, exports, the timeline and
the dashboard share it, and so share one visibility rule for linked records.

A linked record (a participant, a party, a speaker, a position's organisation …) that the viewer may not
read is never named: government staff, who know the other side keeps records of its own, see "a record
you cannot see"; everyone else does not see it at all.
"""

from __future__ import annotations

import datetime
import inspect
from functools import cache, partialmethod

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kopru.core import access

HIDDEN_LABEL = _("a record you cannot see")


class Hidden:
    """Stands in for a linked record the viewer may not read."""

    def __str__(self) -> str:
        return str(HIDDEN_LABEL)

    def __eq__(self, other) -> bool:
        return isinstance(other, Hidden)

    def __hash__(self) -> int:
        return hash(Hidden)


HIDDEN = Hidden()


# model label -> (record, user) -> its name as `user` may see it, for records whose name is made of linked
# records (a position names its person and organisation). Apps register theirs from AppConfig.ready.
LABELS: dict = {}


def register_label(model_label: str, label) -> None:
    LABELS.setdefault(model_label, label)


def record_label(record, user) -> str:
    """`str(record)`, unless its name shows linked records: then only those `user` may read."""
    label = LABELS.get(record._meta.label_lower) if isinstance(record, models.Model) else None
    return label(record, user) if label else str(record)


def linked_name(record, user) -> str:
    """The name of a linked record as `user` may see it ("" when they may not know it)."""
    visible = shown(record, user)
    if isinstance(visible, Hidden):
        return str(HIDDEN_LABEL)
    return "" if visible is None else record_label(visible, user)


def may_know_hidden(user) -> bool:
    """Who is told that a linked record exists without being shown it: government staff (and admins)."""
    return access.is_admin(user) or access.is_government_staff(user)


def shown(record, user):
    """`record` itself when `user` may read it (or it has no visibility), else HIDDEN or None."""
    if record is None or not isinstance(record, models.Model) or not hasattr(record, "visibility"):
        return record
    if access.can_view(user, record):
        return record
    return HIDDEN if may_know_hidden(user) else None


def shown_list(records, user) -> list:
    """The linked records `user` may read; those they may not become one HIDDEN entry for staff."""
    items, hidden = [], False
    for record in records:
        visible = shown(record, user)
        if isinstance(visible, Hidden):
            hidden = True
        elif visible is not None:
            items.append(visible)
    return [*items, HIDDEN] if hidden else items


# (model, field, language) → {stored value: label}, or None where the field has no choices or the model
# draws the label itself. Django's get_<field>_display builds the choices' dict on every call: on a list
# page, twice per row, about a tenth of the page's time (bench/load.py, engagements).
_CHOICE_LABELS: dict[tuple[type, str, str], dict | None] = {}


# (model, field) pairs with no choice labels in any language (a title, a date, a link): known without asking
# for the language, which goes through asgiref's Local on every call (a fifth of a list page's cells).
_NO_CHOICES: set[tuple[type, str]] = set()


def choice_labels(model: type, name: str) -> dict | None:
    if (model, name) in _NO_CHOICES:
        return None
    key = (model, name, get_language())
    if key not in _CHOICE_LABELS:
        display = inspect.getattr_static(model, f"get_{name}_display", None)
        drawn_by_django = isinstance(display, partialmethod)
        field = next((f for f in model._meta.concrete_fields if f.name == name), None)
        _CHOICE_LABELS[key] = (
            {stored: str(label) for stored, label in field.flatchoices}
            if drawn_by_django and field is not None and field.choices
            else None
        )
        if _CHOICE_LABELS[key] is None:
            _NO_CHOICES.add((model, name))
    return _CHOICE_LABELS[key]


@cache
def _many_to_many_names(model: type) -> frozenset[str]:
    """The model's own many-to-many fields: their prefetched lists are kept under the field's name."""
    return frozenset(field.name for field in model._meta.many_to_many)


def raw_value(obj, path: str, user):
    """The value at `path` ("__" separated) as `user` may see it: linked records they may not read are
    hidden (and nothing is read through them)."""
    value = obj
    for part in path.split("__"):
        if value is None or isinstance(value, Hidden):
            return value
        if isinstance(value, models.Model):
            labels = choice_labels(type(value), part)
            if labels is not None:
                stored = getattr(value, part)
                value = labels.get(stored, stored)
                continue
            # a prefetched many-to-many list, read without building its manager and queryset per row
            prefetched = getattr(value, "_prefetched_objects_cache", None)
            if prefetched and part in prefetched and part in _many_to_many_names(type(value)):
                return shown_list(prefetched[part], user)
        display = getattr(value, f"get_{part}_display", None)
        value = display() if callable(display) else getattr(value, part)
        if isinstance(value, models.Manager):
            return shown_list(value.all(), user)
        value = shown(value, user)
    return value


def as_text(value, user=None) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(as_text(item, user) for item in value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return record_label(value, user)
    return str(value)


def cell_text(obj, path: str, user) -> str:
    return as_text(raw_value(obj, path, user), user)


def linked_text(value, user, separator: str = ", ") -> str:
    """A linked record, a list or a manager of them, as `user` may see it."""
    if isinstance(value, models.Manager):
        value = value.all()
    if isinstance(value, models.QuerySet | list | tuple):
        return separator.join(as_text(item, user) for item in shown_list(value, user))
    return as_text(shown(value, user), user)
