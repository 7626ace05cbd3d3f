"""The PDF is the report page laid out for print, in the reader's language; bad inputs never reach it."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from kopru.invest.case.domain.defaults import reference_inputs
from kopru.invest.case.forms import form_data_from
from kopru.invest.rule_data import economic_rules as load_rules

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _data(**changes):
    data = form_data_from(reference_inputs(), load_rules())
    data.update(changes)
    return data


def _pdf_text(client, language: str) -> tuple[bytes, str]:
    client.cookies["django_language"] = language
    response = client.get("/invest/case/report.pdf", _data(destinations=["EU"], draws="0"))
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    pages = PdfReader(io.BytesIO(response.content)).pages
    return response.content, " ".join(" ".join(page.extract_text() for page in pages).split())


def test_the_pdf_is_in_the_readers_language(client):
    english, english_text = _pdf_text(client, "en")
    turkish, turkish_text = _pdf_text(client, "tr")
    chinese, chinese_text = _pdf_text(client, "zh-hans")
    assert english_text.startswith("Investment case report")
    assert turkish_text.startswith("Yatırım analizi raporu")
    assert "Menşe riski" in turkish_text
    assert "原产地风险" in chinese_text
    # numbers, percentages and explanations in the reader's locale inside the PDF too
    assert "%27,0" in turkish_text and "27.0 %" not in turkish_text
    assert "Türkiye'deki montaj büyük olasılıkla menşe kazandırmaz" in turkish_text
    assert "27.0%" in chinese_text and "2025年1月1日" in chinese_text
    assert len({english, turkish, chinese}) == 3


def test_the_pdf_carries_the_reports_sources_table(client):
    _content, text = _pdf_text(client, "en")
    unbroken = text.replace(" ", "")  # narrow table cells wrap long row ids
    report = client.get("/invest/case/report/", _data(destinations=["EU"], draws="0"))
    cited = [row.row_id for row in report.context["cited"]]
    assert len(cited) >= 5
    assert [row_id for row_id in cited if row_id not in unbroken] == []


@pytest.mark.parametrize("url", ["/invest/case/", "/invest/case/results/", "/invest/case/report/"])
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "Ensure this value is greater than or equal to 0."),
        ("99999999999999999999", "Ensure this value is less than or equal to 9223372036854775807."),
        ("x", "Enter a whole number."),
    ],
)
def test_a_bad_seed_is_a_field_error_on_every_page(client, url, value, message):
    response = client.get(url, _data(seed=value))
    assert response.status_code == 200
    assert response.context["form"].errors["seed"] == [message]


def test_a_pdf_with_a_bad_seed_sends_to_the_report_that_names_it(client):
    response = client.get("/invest/case/report.pdf", _data(seed="-1"))
    assert response.status_code == 302
    report = client.get(response["Location"])
    assert report.context["form"].errors["seed"] == ["Ensure this value is greater than or equal to 0."]
