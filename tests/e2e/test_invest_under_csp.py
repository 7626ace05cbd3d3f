"""The investment pages under the strict Content-Security-Policy in Chromium: the desk's charts and the
calculator's charts draw from static scripts, the pipeline menu submits itself, and the browser reports no
blocked script."""

import pytest
from playwright.sync_api import expect

from tests.e2e.test_invest_board import _login
from tests.factories import DealFactory

pytestmark = [pytest.mark.e2e]


def _watch(page) -> list[str]:
    """Script errors, refused resources (a CSP block is logged as a console error) and missing files; the
    browser's own favicon request is not the page's (the base template has none yet)."""
    problems: list[str] = []

    def on_console(message):
        if message.type == "error" and "Failed to load resource" not in message.text:
            problems.append(message.text)

    def on_response(response):
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            problems.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_the_desk_charts_draw_and_the_pipeline_menu_submits(live_server, page, reference_data, cast):
    DealFactory(title="Ningtai – Manisa cell gigafactory")
    problems = _watch(page)
    _login(page, live_server, cast.staff_a)
    response = page.goto(f"{live_server.url}/invest/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_function(
        "() => window.Chart && Chart.getChart('funnel-chart') && Chart.getChart('value-chart')"
    )
    labels = page.evaluate("() => Chart.getChart('funnel-chart').data.datasets.map(d => d.label)")
    assert labels == ["reached", "deals now"]
    with page.expect_navigation():
        page.select_option("select[name=pipeline]", index=0)
    assert "pipeline=" in page.url
    assert problems == []


def test_the_calculator_charts_draw_in_turkish(live_server, page, reference_data):
    problems = _watch(page)
    page.context.add_cookies([{"name": "django_language", "value": "tr", "url": live_server.url}])
    page.goto(f"{live_server.url}/invest/case/")
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-cashflow')")
    words = page.evaluate(
        "() => { const c = Chart.getChart('chart-cashflow');"
        " return [c.data.datasets[0].label, c.options.scales.x.title.text, c.options.locale]; }"
    )
    assert words == ["serbest nakit akışı", "yıl", "tr"]
    expect(page.locator("#route-summary")).to_contain_text("%27,0")
    assert problems == []
