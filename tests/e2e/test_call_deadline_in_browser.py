"""The deadline round trip in the browser: the edit form shows the call's own zone's wall clock, and saving
it unchanged, twice, leaves the stored UTC deadline where it was (it used to move 3 hours a save)."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from tests.e2e.test_calls_proposal_journey import log_in
from tests.factories import CallFactory

pytestmark = [pytest.mark.e2e]


@pytest.mark.parametrize(
    ("zone", "shown"), [("Europe/Istanbul", "2030-07-15T23:30"), ("Asia/Shanghai", "2030-07-16T04:30")]
)
def test_saving_the_edit_form_unchanged_keeps_the_deadline(
    live_server, page, reference_data, cast, zone, shown
):
    deadline = datetime.datetime(2030, 7, 15, 20, 30, tzinfo=datetime.UTC)
    call = CallFactory(title="Joint call on rail", deadline=deadline, deadline_zone=zone)
    log_in(page, live_server.url, cast.staff_a.username)
    for _save in range(2):
        page.goto(f"{live_server.url}/calls/{call.pk}/edit/")
        expect(page.locator("#id_deadline_local")).to_have_value(shown)
        page.click("form.record button[type=submit]")
        page.wait_for_url(f"{live_server.url}/calls/{call.pk}/")
        call.refresh_from_db()
        assert (call.deadline, call.deadline_zone) == (deadline, zone)
