"""The calculator, its live results panel and the printable report, filled in like a browser would."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from kopru.invest.case.domain.defaults import reference_inputs
from kopru.invest.case.forms import form_data_from
from kopru.invest.economics.rule_tables import load_rules

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _data(**changes):
    data = form_data_from(reference_inputs(), load_rules())
    data.update(changes)
    return data


def test_the_calculator_opens_with_the_reference_example(client):
    response = client.get("/invest/case/")
    assert response.status_code == 200
    result = response.context["result"]
    china_de, turkiye_de = result.destinations[0].routes
    assert (china_de.made_in, china_de.access.ad_valorem_total) == ("CN", 0.27)
    assert (turkiye_de.made_in, turkiye_de.access.origin.risk.level) == ("TR", "high")
    assert response.context["form"].errors == {}
    html = response.content.decode()
    assert "27.0%" in html
    assert 'href="/invest/case/rules/eu-cvd-bev-cn-definitive/BYD/"' in html
    assert 'href="/invest/case/rules/eu-mfn-8703/"' in html


def test_results_panel_for_a_past_date_uses_the_provisional_duty(client):
    response = client.get("/invest/case/results/", _data(date="2024-08-01", destinations=["EU"]))
    assert response.status_code == 200
    china_eu = response.context["result"].destinations[0].routes[0]
    assert [line.ref.row_id for line in china_eu.access.duties] == [
        "eu-mfn-8703",
        "eu-cvd-bev-cn-provisional/BYD",
    ]
    assert china_eu.access.ad_valorem_total == 0.274


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"product": "9999"}, "product", "no tariff row for HS 9999"),
        ({"product": "spaceship"}, "product", "unknown product 'spaceship'"),
        ({"date": "2019-05-01"}, "date", "no tariff rule for HS 870380 in force on 2019-05-01"),
        ({"plant_capacity_units_per_year": "-5"}, "plant_capacity_units_per_year", "must not be negative"),
        ({"range_capex_min": "2000000000"}, "range_capex_min", "min 2e+09 > max 1.3e+09"),
        ({"fx_rates": "", "date": "2025-12-01"}, "fx_rates", "no exchange rates given; USD -> EUR"),
        ({"destinations": ["US"]}, "destinations", "US is not one of the available choices"),
        ({"destinations": []}, "destinations", "choose at least one destination"),
        ({"local_value_share": "1.5"}, "local_value_share", "1.5 is outside 0..1"),
        ({"province": "Atlantis"}, "province", "'Atlantis' is not one of Türkiye's 81 provinces"),
    ],
)
def test_bad_input_is_a_field_error_never_a_500_or_a_zero(client, changes, field, message):
    response = client.get("/invest/case/results/", _data(**changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert any(message in error for error in errors[field]), errors[field]
    assert f'data-field="{field}"' in response.content.decode()


def test_a_currency_without_a_rate_names_the_rate(client):
    response = client.get("/invest/case/results/", _data(fx_rates="CNY 7.6", date="2025-12-01"))
    assert response.context["form"].errors["fx_rates"] == [
        "no exchange rate EUR/USD given (needed for tr-add-bev-nonfta-2025 specific)"
    ]


def test_the_report_of_the_current_inputs_is_printable(client):
    response = client.get("/invest/case/report/", _data())
    assert response.status_code == 200
    html = response.content.decode()
    assert "invest_case/print.css" in html
    assert 'id="sources"' in html
    cited = [row.row_id for row in response.context["cited"]]
    assert cited[:2] == ["eu-mfn-8703", "eu-cvd-bev-cn-definitive/BYD"]


def test_rule_rows_show_source_dates_and_not_known(client):
    response = client.get("/invest/case/rules/eu-cvd-bev-cn-definitive/BYD/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Commission Implementing Regulation (EU) 2024/2754" in html
    assert "Oct 30, 2024" in html and "Oct 29, 2029" in html
    assert "17.0%" in html
    unknown = client.get("/invest/case/rules/9903-tax-reduction/")
    assert unknown.status_code == 200
    assert "not known" in unknown.content.decode()
    assert client.get("/invest/case/rules/").status_code == 200


def test_an_unknown_rule_row_is_404(client):
    assert client.get("/invest/case/rules/no-such-row/").status_code == 404


@pytest.mark.parametrize("language", ["tr", "zh-hans"])
def test_the_calculator_renders_in_every_language(client, language):
    client.cookies["django_language"] = language
    response = client.get("/invest/case/")
    assert response.status_code == 200
    assert response.context["result"].destinations[0].routes[0].access.ad_valorem_total == 0.27


def test_the_results_panel_keeps_the_address_shareable(client):
    data = _data(date="2024-08-01")
    response = client.get("/invest/case/results/", data)
    assert response["HX-Replace-Url"].startswith("/invest/case/?")
    again = client.get(response["HX-Replace-Url"])
    assert again.context["result"].inputs.date.isoformat() == "2024-08-01"


def test_the_report_as_pdf(client):
    response = client.get("/invest/case/report.pdf", _data(destinations=["EU"]))
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    text = " ".join(
        "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages).split()
    )
    assert "made in CN → EU" in text
    assert "27.0%" in text
    assert "Origin risk: high" in text
    assert "eu-cvd-bev-cn-definitive/BYD" in text


def test_a_pdf_of_bad_inputs_sends_to_the_report_that_names_the_error(client):
    data = _data(product="9999")
    response = client.get("/invest/case/report.pdf", data)
    assert response.status_code == 302
    assert response["Location"].startswith("/invest/case/report/?")
    report = client.get(response["Location"])
    assert report.context["form"].errors["product"] == [
        "no tariff row for HS 9999 (the tariff data covers 12 headings)"
    ]


def test_a_plain_get_submit_keeps_the_csrf_token_out_of_the_address(client):
    response = client.get("/invest/case/", {**_data(), "csrfmiddlewaretoken": "secret"})
    assert response.status_code == 302
    assert "csrfmiddlewaretoken" not in response["Location"]
    assert client.get(response["Location"]).context["result"].inputs.product == "bev"


def test_the_same_values_are_drawn_once_and_the_page_is_the_same_html(client):
    first = client.get("/invest/case/")
    second = client.get("/invest/case/")
    assert "result" in first.context and "result" not in second.context  # the second reused the panels
    assert _without_tokens(first) == _without_tokens(second)


def test_remembered_panels_follow_the_language_and_the_values(client):
    english = client.get("/invest/case/").content.decode()
    turkish = client.get("/invest/case/", HTTP_ACCEPT_LANGUAGE="tr").content.decode()
    changed = client.get("/invest/case/", _data(date="2024-08-01", destinations=["EU"])).content.decode()
    assert "27.0%" in english and "%27,0" in turkish
    assert changed != english and 'value="2024-08-01"' in changed


def _without_tokens(response) -> bytes:
    import re

    # the page chrome carries a freshly masked CSRF token on every response; the panels carry none
    return re.sub(rb'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+"', b"", response.content)
