"""A desk officer logs in, records a meeting with two participants, switches to Turkish and finds it."""

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.factories import PersonFactory

pytestmark = [pytest.mark.e2e]


def test_create_an_engagement_then_find_it_in_turkish(live_server, page, reference_data, cast):
    PersonFactory(name="Mehmet Fatih Kacır")
    PersonFactory(name="Yin Hejun")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", cast.staff_a.username)
    page.fill("#id_password", PASSWORD)
    page.click("form.record button[type=submit]")
    expect(page.locator("header.top")).to_contain_text(cast.staff_a.username)

    page.goto(f"{live_server.url}/engagements/new/")
    page.select_option("#id_kind", "meeting")
    page.fill("#id_title", "Talks on battery investment")
    page.select_option("#id_status", "held")
    page.fill("#id_start_date", "2024-05-20")
    page.fill("#id_place", "Beijing")
    page.select_option("#id_people", label=["Mehmet Fatih Kacır", "Yin Hejun"])
    page.click("form.record button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Talks on battery investment")
    expect(page.locator("table.fields")).to_contain_text("Mehmet Fatih Kacır; Yin Hejun")

    page.select_option("#language-select", "tr")
    page.wait_for_load_state()
    expect(page.locator("nav.main")).to_contain_text("Görüşmeler")

    page.fill("header.top input[name=q]", "Kacir")
    page.press("header.top input[name=q]", "Enter")
    expect(page.locator("main")).to_contain_text("Talks on battery investment")
    expect(page.locator("main")).to_contain_text("Mehmet Fatih Kacır")
    expect(page.locator("h1")).to_have_text("Ara")
