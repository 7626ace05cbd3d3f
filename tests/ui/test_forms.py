"""Every date-time field of every form in the project reads and shows the zone its record declares."""

from __future__ import annotations

import datetime
import importlib
import pkgutil

import pytest
from django import forms

import kopru
from kopru.ui.forms import LocalDateTimeField, in_zone, wall_clock


def _all_forms() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(kopru.__path__, "kopru."):
        if module.name.rsplit(".", 1)[-1] in {"forms", "views", "api", "admin"}:
            importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("kopru."):
            found.append(cls)
    return found


def _fields(form_class):
    if issubclass(form_class, forms.BaseModelForm) and getattr(form_class._meta, "model", None) is None:
        return {}
    return dict(getattr(form_class, "base_fields", {}))


@pytest.mark.django_db
def test_every_date_time_form_field_is_zone_aware():
    classes = _all_forms()
    assert len(classes) > 20  # the walk found the project's forms
    naive = [
        f"{cls.__module__}.{cls.__qualname__}.{name}"
        for cls in classes
        for name, field in _fields(cls).items()
        if isinstance(field, forms.DateTimeField) and not isinstance(field, LocalDateTimeField)
    ]
    assert naive == []
    zoned = sorted(
        f"{cls.__module__}.{cls.__qualname__}.{name}"
        for cls in classes
        for name, field in _fields(cls).items()
        if isinstance(field, LocalDateTimeField)
    )
    assert zoned == ["kopru.calls.forms.CallForm.deadline_local"]


@pytest.mark.parametrize(
    ("zone", "local", "utc"),
    [
        ("Europe/Istanbul", datetime.datetime(2030, 1, 2, 9, 30), datetime.datetime(2030, 1, 2, 6, 30)),
        ("Asia/Shanghai", datetime.datetime(2030, 1, 2, 9, 30), datetime.datetime(2030, 1, 2, 1, 30)),
        ("UTC", datetime.datetime(2030, 1, 2, 9, 30), datetime.datetime(2030, 1, 2, 9, 30)),
    ],
)
def test_a_local_date_time_round_trips_through_the_field(zone, local, utc):
    field = LocalDateTimeField()
    stored = in_zone(field.clean(local.strftime("%Y-%m-%dT%H:%M")), zone)
    assert stored == utc.replace(tzinfo=datetime.UTC)
    shown = field.widget.format_value(field.prepare_value(wall_clock(stored, zone)))
    assert shown == local.strftime("%Y-%m-%dT%H:%M")


def test_an_aware_value_is_refused_rather_than_shown_in_the_servers_zone():
    with pytest.raises(TypeError, match="wall_clock"):
        LocalDateTimeField().prepare_value(datetime.datetime(2030, 1, 2, 9, 30, tzinfo=datetime.UTC))
