"""The engine's field errors in the reader's language (issue 12 item 2): the calculator page and the case
API say what is wrong with a field in Turkish or Chinese, not in the engine's English."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.utils.html import escape

from kopru.invest.case.domain.defaults import reference_inputs
from kopru.invest.case.forms import form_data_from
from kopru.invest.rule_data import economic_rules as load_rules

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PHASING = {
    "en": "shares must be >= 0 and sum to 1, got [0.5, 0.2]",
    "tr": "paylar >= 0 olmalı ve toplamı 1 etmelidir, girilen: [0.5, 0.2]",
    "zh-hans": "各比例必须 >= 0 且总和为 1，收到的是 [0.5, 0.2]",
}


def _results(client, language: str, **changes):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    data = form_data_from(reference_inputs(), load_rules())
    data.update(changes)
    response = client.get("/invest/case/results/", data)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("language", ["en", "tr", "zh-hans"])
def test_a_calculator_field_error_is_in_the_page_language(client, language):
    response = _results(client, language, plant_capex_phasing="0.5, 0.2")
    assert response.context["form"].errors == {"plant_capex_phasing": [PHASING[language]]}
    assert escape(PHASING[language]) in response.content.decode()


def _plant_body(**changes):
    inputs = reference_inputs()
    plant = {**inputs["plant"], "tax_reduction_rate": 0.0, "investment_contribution_rate": 0.0}
    return {"plant": plant, **changes}


def _post_plant(client, language: str, body):
    return client.post(
        "/api/invest/case/plant",
        json.dumps(body),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.parametrize(
    ("language", "msg"),
    [
        ("en", "'Atlantis' is not one of Türkiye's 81 provinces (name or plate code)"),
        ("tr", "'Atlantis' Türkiye'nin 81 ilinden biri değil (il adı ya da plaka kodu)"),
        ("zh-hans", "'Atlantis' 不是土耳其 81 个省之一（省名或车牌代码）"),
    ],
)
def test_the_case_api_answers_a_bad_field_in_the_request_language(client, language, msg):
    response = _post_plant(
        client, language, _plant_body(incentives={"province": "Atlantis", "date": "2024-07-08"})
    )
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert (detail["loc"][2:], detail["msg"]) == (["incentives", "province"], msg)


@pytest.mark.parametrize(
    ("language", "msg"),
    [
        ("en", "must be 0..100,000 here (0 = no Monte Carlo), got 100001"),
        ("tr", "burada 0..100.000 olmalıdır (0 = Monte Carlo yok), girilen: 100001"),
        ("zh-hans", "此处必须为 0..100,000（0 = 不做蒙特卡洛模拟），收到的是 100001"),
    ],
)
def test_a_limit_inside_a_422_is_written_in_the_request_locale(client, language, msg):
    response = _post_plant(client, language, _plant_body(draws=100_001))
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert (detail["loc"][2:], detail["msg"]) == (["draws"], msg)
