"""Every stored time is UTC and the call form shows and reads the deadline in the zone the call declares:
opening the edit page and saving it unchanged keeps the deadline, whatever the zone."""

from __future__ import annotations

import datetime
import re

import pytest
from django import forms

from kopru.calls.models import Call
from tests.factories import call_form_data as form_data

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def resubmitted(form) -> dict:
    """What the browser posts back for an untouched form: every field's shown value."""
    data = {}
    for name in form.fields:
        bound = form[name]
        value, widget = bound.value(), bound.field.widget
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        else:
            shown = widget.format_value(value) if value is not None else ""
            data[name] = shown if not isinstance(shown, list) else shown[0] if shown else ""
    return data


@pytest.mark.parametrize(
    ("zone", "typed", "utc"),
    [
        ("Europe/Istanbul", "2030-03-01T17:00", datetime.datetime(2030, 3, 1, 14, 0, tzinfo=datetime.UTC)),
        ("Asia/Shanghai", "2030-03-01T17:00", datetime.datetime(2030, 3, 1, 9, 0, tzinfo=datetime.UTC)),
        ("UTC", "2030-03-01T17:00", datetime.datetime(2030, 3, 1, 17, 0, tzinfo=datetime.UTC)),
        # summer time: Istanbul has none since 2016, so still UTC+3; a July deadline in Beijing is UTC+8
        ("Europe/Istanbul", "2030-07-15T23:30", datetime.datetime(2030, 7, 15, 20, 30, tzinfo=datetime.UTC)),
    ],
)
def test_the_edit_page_shows_the_deadline_in_the_calls_zone_and_saving_unchanged_keeps_it(
    client, cast, zone, typed, utc
):
    client.force_login(cast.staff_a)
    client.post("/calls/new/", form_data(deadline_local=typed, deadline_zone=zone))
    call = Call.objects.get()
    assert (call.deadline, call.deadline_zone) == (utc, zone)

    for _save in range(3):
        page = client.get(f"/calls/{call.pk}/edit/")
        html = page.content.decode()
        assert re.search(rf'name="deadline_local"[^>]*value="{typed}"', html)
        assert re.search(rf'<option value="{re.escape(zone)}" selected>', html)
        response = client.post(f"/calls/{call.pk}/edit/", resubmitted(page.context["form"]))
        assert response.status_code == 302
        call.refresh_from_db()
        assert (call.deadline, call.deadline_zone) == (utc, zone)


def test_changing_the_zone_keeps_the_typed_wall_clock_and_stores_utc(client, cast):
    client.force_login(cast.staff_a)
    client.post("/calls/new/", form_data(deadline_local="2030-03-01T17:00", deadline_zone="Europe/Istanbul"))
    call = Call.objects.get()
    data = resubmitted(client.get(f"/calls/{call.pk}/edit/").context["form"])
    client.post(f"/calls/{call.pk}/edit/", data | {"deadline_zone": "Asia/Shanghai"})
    call.refresh_from_db()
    assert (call.deadline, call.deadline_zone) == (
        datetime.datetime(2030, 3, 1, 9, 0, tzinfo=datetime.UTC),
        "Asia/Shanghai",
    )
    assert client.get(f"/api/calls/{call.pk}").json()["deadline_zone"] == "Asia/Shanghai"
