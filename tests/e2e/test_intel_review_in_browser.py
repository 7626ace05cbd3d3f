"""An officer uploads a press release, watches extraction finish and accepts a suggestion into the record."""

import pytest
from playwright.sync_api import expect

from kopru.engage.models import Engagement
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e]

RELEASE = (
    "Turkish Minister of Industry and Technology Mehmet Fatih Kacır met Chinese Minister of Science and "
    "Technology Yin Hejun in Beijing to discuss electric vehicles and batteries."
)


def test_upload_then_accept_a_meeting(live_server, page, reference_data, cast, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    release = tmp_path / "release.txt"
    release.write_text(RELEASE, encoding="utf-8")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", cast.staff_a.username)
    page.fill("#id_password", PASSWORD)
    page.click("form.record button[type=submit]")

    page.goto(f"{live_server.url}/documents/upload/")
    page.set_input_files("#id_files", str(release))
    page.click("form.record button[type=submit]")
    expect(page.locator("#progress")).to_contain_text("1 / 1 (100%)")
    expect(page.locator("#progress")).to_contain_text("Done")

    page.click("text=Open the review queue")
    page.click("input[type=checkbox] >> nth=0")  # select all on the page
    page.click("button[value=accept]")
    expect(page.locator(".messages")).to_contain_text("suggestions decided")
    meeting = Engagement.objects.get(kind="meeting")
    assert sorted(p.name for p in meeting.people.all()) == ["Mehmet Fatih Kacır", "Yin Hejun"]
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    expect(page.locator(".evidence").first).to_contain_text("met Chinese Minister")
