"""The calculator in Turkish and Chinese: numbers, percentages and dates in the reader's locale, the
engine's explanations and the charts' words in the reader's language, no English template left."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _page(client, language: str, path: str = "/invest/case/") -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def _chart(html: str, chart_id: str) -> dict:
    match = re.search(rf'<script id="{chart_id}" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "27.0%",
                "40,081 EUR",
                "Germany is an EU member state: the EU common tariff applies.",
                "Jan 1, 2025",
            ],
        ),
        (
            "tr",
            [
                "%27,0",
                "40.081 EUR",
                "Almanya bir AB üyesi devlettir: AB ortak gümrük tarifesi uygulanır.",
                "1 Oca 2025",
            ],
        ),
        ("zh-hans", ["27.0%", "40,081 EUR", "德国是欧盟成员国：适用欧盟共同关税。", "2025年1月1日"]),
    ],
)
def test_the_calculator_speaks_the_reader_language(client, language, expected):
    html = _page(client, language)
    for text in expected:
        assert text in html
    assert "27.0 %" not in html and "Manisa, large_scale" not in html
    if language != "en":
        assert "made in" not in html and "EU member state" not in html


def test_turkish_origin_risk_and_incentive_notes(client):
    html = _page(client, "tr")
    assert "menşe riski" in html.lower()
    assert "Türkiye&#x27;deki montaj büyük olasılıkla menşe kazandırmaz" in html
    assert "Manisa 3. bölgede" in html
    assert "büyük ölçekli yatırım" in html
    assert "İl (teşvikler)" in html and "Il (teşvikler)" not in html


def test_chart_words_and_labels_follow_the_language(client):
    html = _page(client, "zh-hans")
    waterfall = _chart(html, "waterfall-CN-DE-data")
    assert [step["label"] for step in waterfall["steps"]][:3] == ["出厂价", "运费", "保险"]
    assert waterfall["steps"][-1]["label"] == "到岸完税成本"
    cashflow = _chart(html, "chart-cashflow-data")
    assert (cashflow["words"]["free_cash_flow"], cashflow["words"]["year"]) == ("自由现金流", "年份")
    tornado = _chart(html, "chart-tornado-data")
    assert "单价" in [bar["label"] for bar in tornado["bars"]]


def test_the_report_in_turkish_lists_inputs_by_their_names(client):
    html = _page(client, "tr", "/invest/case/report/")
    assert "birim fiyat = 24.000" in html
    assert "iskonto oranı: düzgün 0,08 – 0,13" in html
    assert "price_per_unit =" not in html and "discount_rate:" not in html
