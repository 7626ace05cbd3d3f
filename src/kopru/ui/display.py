"""Turning a record's attribute into display text; the list pages and the exports share it."""

from __future__ import annotations

import datetime

from django.db import models


def raw_value(obj, path: str):
    value = obj
    for part in path.split("__"):
        if value is None:
            return None
        display = getattr(value, f"get_{part}_display", None)
        value = display() if callable(display) else getattr(value, part)
    if isinstance(value, models.Manager):
        return list(value.all())
    return value


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(as_text(item) for item in value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value)


def cell_text(obj, path: str) -> str:
    return as_text(raw_value(obj, path))
