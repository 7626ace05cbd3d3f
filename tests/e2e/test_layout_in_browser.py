"""The main screens fit a 1,280 px screen in every language, the menu's labels never wrap inside
themselves, and the menu works with the keyboard and behind its button on a phone.

Runs on the demo data (`kopru demo`), whose real titles and names are what overflowed before.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from kopru.calls.models import Call
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e]

LANGUAGES = ["en", "tr", "zh-hans"]
PAGES = ["/", "/intel/queue/", "/invest/board/", "/invest/case/", "call"]

# Every menu label (pillar, single link, each drop-down entry) and header button whose text runs over more
# than one line.
WRAPPED_LABELS = """() => {
  const wrapped = [];
  let checked = 0;
  document.querySelectorAll("nav.main details").forEach(menu => { menu.open = true; });
  const labels = ["nav.main summary", "nav.main .pillar-link", "nav.main details li a",
                  "header.top .tools .button", "header.top .user"].join(", ");
  document.querySelectorAll(labels).forEach(label => {
    const range = document.createRange();
    range.selectNodeContents(label);
    checked += 1;
    const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
    if (lines.size > 1) { wrapped.push(label.textContent.trim()); }
  });
  document.querySelectorAll("nav.main details").forEach(menu => { menu.open = false; });
  return checked >= 20 ? wrapped : ["only " + checked + " menu labels found"];
}"""


@pytest.fixture
def demo(reference_data):
    call_command("demo", password=PASSWORD, verbosity=0, stdout=io.StringIO())


def _log_in(page, base, username="officer.tr"):
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.record button[type=submit]")
    expect(page.locator("header.top")).to_contain_text(username)


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_main_screens_fit_1280_pixels_in_three_languages(live_server, page, demo):
    base = live_server.url
    call = Call.objects.order_by("pk").first()
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, base)
    problems = []
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
        for path in PAGES:
            path = f"/calls/{call.pk}/" if path == "call" else path
            response = page.goto(base + path)
            assert response.status == 200, (language, path)
            if (excess := _overflow(page)) > 0:
                problems.append(f"{language} {path}: {excess} px wider than the window")
            if wrapped := page.evaluate(WRAPPED_LABELS):
                problems.append(f"{language} {path}: menu labels wrap: {wrapped}")
    assert problems == []


@pytest.mark.parametrize("width", [1280, 1366])
def test_menu_labels_stay_on_one_line(live_server, page, demo, width):
    page.set_viewport_size({"width": width, "height": 800})
    _log_in(page, live_server.url, "admin")  # the longest menu
    for language in LANGUAGES:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(live_server.url + "/")
        assert page.evaluate(WRAPPED_LABELS) == [], language
        assert _overflow(page) <= 0, language


def test_the_menu_works_with_the_keyboard(live_server, page, demo):
    page.set_viewport_size({"width": 1280, "height": 800})
    _log_in(page, live_server.url)
    investment = page.locator("nav.main details", has=page.locator("summary", has_text="Investment"))
    investment.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(investment.get_by_role("link", name="Board")).to_be_visible()
    page.keyboard.press("Tab")
    expect(investment.get_by_role("link", name="Overview")).to_be_focused()
    page.keyboard.press("Escape")
    expect(investment.get_by_role("link", name="Board")).to_be_hidden()
    expect(investment.locator("summary")).to_be_focused()
    # one drop-down at a time
    investment.locator("summary").click()
    record = page.locator("nav.main details", has=page.locator("summary", has_text="Record"))
    record.locator("summary").click()
    expect(record.get_by_role("link", name="Timeline")).to_be_visible()
    expect(investment.get_by_role("link", name="Board")).to_be_hidden()
    record.get_by_role("link", name="Timeline").click()
    expect(page).to_have_url(f"{live_server.url}/engagements/timeline/")


def test_on_a_phone_the_menu_folds_behind_its_button(live_server, page, demo):
    page.set_viewport_size({"width": 390, "height": 800})
    _log_in(page, live_server.url)
    toggle = page.locator("[data-nav-toggle]")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("nav.main")).to_be_hidden()
    assert _overflow(page) <= 0
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.locator("nav.main summary", has_text="Calls").click()
    page.get_by_role("link", name="R&D calls").click()
    expect(page).to_have_url(f"{live_server.url}/calls/")
    assert _overflow(page) <= 0
