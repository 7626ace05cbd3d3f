import datetime as dt

import pytest

from kopru.invest.economics.explanations import Explanation
from kopru.invest.economics.market_access import assess_market_access
from kopru.invest.economics.rule_tables import load_rules

pytestmark = pytest.mark.unit

RULES = load_rules()
ON = dt.date(2025, 1, 1)


def tr_to_eu(share, producer="BYD", product="bev", on=ON):
    return assess_market_access(RULES, product, "TR", "EU", on, producer, local_value_share=share)


def test_high_local_value_share_is_turkish_origin_with_low_risk_naming_the_measure():
    result = tr_to_eu(0.7)
    assert result.origin.assessed == "TR"
    assert result.origin.risk.level == "low"
    risk = result.origin.risk.to_dict()
    assert risk["ad_valorem_total_if_origin_cn"] == 0.17
    assert [m["row_id"] for m in risk["measures_if_origin_cn"]] == ["eu-cvd-bev-cn-definitive/BYD"]
    assert [d.kind for d in result.duties] == ["customs_union"]


def test_threshold_0_45_is_inclusive():
    assert tr_to_eu(0.45).origin.risk.level == "low"
    assert tr_to_eu(0.4499).origin.risk.level == "medium"


def test_medium_share_stays_turkish_but_flags_medium_risk():
    result = tr_to_eu(0.40)
    assert result.origin.assessed == "TR"
    assert result.origin.risk.level == "medium"
    assert result.ad_valorem_total == 0.0


def test_low_share_is_assessed_chinese_and_pays_the_countervailing_duty():
    result = tr_to_eu(0.20, producer="SAIC")
    assert result.origin.assessed == "CN"
    assert result.origin.risk.level == "high"
    assert result.ad_valorem_total == 0.353
    assert [d.ref.row_id for d in result.duties] == ["eu-tr-customs-union", "eu-cvd-bev-cn-definitive/SAIC"]


def test_missing_share_is_not_a_silent_zero_the_risk_explains():
    result = tr_to_eu(None)
    assert result.ad_valorem_total == 0.0
    assert result.origin.risk.level == "unknown"
    assert result.origin.risk.explanation == Explanation(
        "origin.risk.unknown",
        {
            "consequence": Explanation(
                "origin.if_found.measures",
                {
                    "origin": "CN",
                    "measures": ("Commission Implementing Regulation (EU) 2024/2754",),
                    "rate": 0.17,
                },
            )
        },
    )


def test_no_risk_record_when_no_measure_exists_and_origin_is_turkish():
    result = tr_to_eu(0.7, product="li_ion_battery", producer=None)
    assert result.origin.risk is None
    assert result.ad_valorem_total == 0.0


def test_before_any_measure_a_low_share_costs_nothing_but_is_still_flagged():
    result = tr_to_eu(0.2, on=dt.date(2024, 6, 1))
    assert result.ad_valorem_total == 0.0
    assert result.origin.risk.level == "high"
    assert result.origin.risk.measures_if_alternative_origin == ()
