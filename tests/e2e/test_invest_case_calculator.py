"""An investor opens the calculator, picks BEV / BYD / 2025-01-01 and sees the EU duties for "made in
China" against "made in Türkiye", the origin risk of a low local value share, then opens the report."""

import re

import pytest
from playwright.sync_api import expect

from kopru.invest.case.domain.demo import load_demo

pytestmark = [pytest.mark.e2e]


def test_compare_china_and_turkiye_for_a_byd_bev_then_open_the_report(live_server, page, reference_data):
    load_demo()
    page.goto(f"{live_server.url}/invest/case/")
    expect(page.locator("h1")).to_contain_text("Investment case")

    page.fill("#id_product", "bev")
    page.fill("#id_producer", "BYD")
    page.fill("#id_date", "2025-01-01")
    page.fill("#id_local_value_share", "0.2")
    page.locator("#id_local_value_share").dispatch_event("change")

    summary = page.locator("#route-summary")
    china = summary.locator("tr[data-route='CN-DE']")
    expect(china).to_contain_text("27.0%")
    turkiye = page.locator("#route-TR-DE")
    expect(turkiye.locator(".origin-risk")).to_have_attribute("data-level", "high")
    risk = turkiye.locator(".origin-risk")
    expect(risk).to_contain_text("Assembly in Türkiye likely does not confer origin")
    expect(turkiye.locator(".origin-risk")).to_contain_text("20%")

    # a date before the definitive duty: the live panel switches to the provisional rate
    page.fill("#id_date", "2024-08-01")
    page.locator("#id_date").dispatch_event("change")
    expect(china).to_contain_text("27.4%")
    page.fill("#id_date", "2025-01-01")
    page.locator("#id_date").dispatch_event("change")
    expect(china).to_contain_text("27.0%")

    # bad input: the field is named and marked, nothing is silently zero
    page.fill("#id_product", "9999")
    page.locator("#id_product").dispatch_event("change")
    expect(page.locator(".case-errors")).to_contain_text("no tariff row for HS 9999")
    expect(page.locator("#id_product")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#route-summary")).to_have_count(0)
    page.fill("#id_product", "bev")
    page.locator("#id_product").dispatch_event("change")
    expect(china).to_contain_text("27.0%")
    expect(page.locator("#id_product")).not_to_have_attribute("aria-invalid", "true")

    # every rate links to its source row
    page.locator("#route-CN-DE a", has_text="17.0%").first.click()
    expect(page.locator("h1")).to_contain_text("BYD")
    expect(page.locator("#rule-row")).to_contain_text("Commission Implementing Regulation (EU) 2024/2754")
    expect(page.locator("#rule-row")).to_contain_text("2024-10-30")
    page.go_back()

    page.fill("#id_local_value_share", "0.2")
    page.locator("#id_local_value_share").dispatch_event("change")
    # htmx swaps the results (and the report link) in after the change: click the link of the new inputs
    expect(page.locator("#report-link")).to_have_attribute("href", re.compile(r"local_value_share=0\.2(&|$)"))
    # follow the link by its address: a late htmx swap may replace the element under a click
    page.goto(live_server.url + page.locator("#report-link").get_attribute("href"))
    expect(page.locator("h1")).to_have_text("Investment case report")
    expect(page.locator("#route-summary tr[data-route='CN-DE']")).to_contain_text("27.0%")
    expect(page.locator("#sources")).to_be_visible()
    expect(page.locator("canvas#chart-cashflow")).to_be_visible()

    # the reference case of the demo, with its report
    page.goto(f"{live_server.url}/invest/case/")
    page.get_by_role("link", name="report").first.click()
    expect(page.locator("h1")).to_have_text("BYD Manisa plant")
    expect(page.locator("#percentiles")).to_contain_text("P50")
