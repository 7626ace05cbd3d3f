import datetime as dt

import pytest

from kopru.invest.economics.explanations import Explanation
from kopru.invest.economics.fx import ExchangeRates, Money
from kopru.invest.economics.landed_cost import landed_cost
from kopru.invest.economics.market_access import assess_market_access
from kopru.invest.economics.rule_tables import load_rules

pytestmark = pytest.mark.unit

RULES = load_rules()


def into_tr(product, made_in, date, **kwargs):
    return assess_market_access(RULES, product, made_in, "TR", dt.date.fromisoformat(date), **kwargs)


def test_chinese_bev_into_turkiye_2024_pays_cet_plus_40_percent():
    result = into_tr("bev", "CN", "2024-08-01")
    assert result.ad_valorem_total == 0.5
    assert [d.ref.row_id for d in result.duties] == ["eu-mfn-8703", "tr-add-bev-cn-2023"]
    assert result.to_dict()["specific"] == []


def test_chinese_ice_car_2024_has_a_usd_7000_minimum():
    result = into_tr("ice_car", "CN", "2024-08-01")
    assert result.ad_valorem_total == 0.5
    assert result.to_dict()["specific"] == [
        {
            "currency": "USD",
            "per_unit": 7000.0,
            "unit": "unit",
            "basis": "minimum",
            "row_id": "tr-add-ice-hybrid-cn-2024",
        }
    ]


def test_incentive_certificate_exempts_the_2024_chinese_car_duty():
    result = into_tr("ice_car", "CN", "2024-08-01", incentive_certificate=True)
    assert result.ad_valorem_total == 0.1
    assert [e.ref.row_id for e in result.exemptions] == ["tr-add-ice-hybrid-cn-2024"]


def test_no_exemption_recorded_for_the_2023_bev_rule_is_said_not_hidden():
    result = into_tr("bev", "CN", "2024-08-01", incentive_certificate=True)
    assert result.ad_valorem_total == 0.5
    assert result.notes == (
        Explanation(
            "access.no_certificate_exemption", {"rule": "tr-add-bev-cn-2023", "date": dt.date(2024, 8, 1)}
        ),
    )


def test_from_november_2025_non_fta_bevs_pay_max_30_percent_or_usd_8500_and_the_conflict_is_flagged():
    result = into_tr("bev", "CN", "2025-12-01")
    assert result.ad_valorem_total == 0.4
    assert result.to_dict()["specific"][0]["per_unit"] == 8500.0
    conflict = result.notes[0]
    assert (conflict.key, conflict.params["rule"], conflict.params["field"], conflict.params["value"]) == (
        "access.sources_conflict",
        "tr-add-bev-nonfta-2025",
        "minimum.per_unit",
        8000,
    )
    assert into_tr("bev", "US", "2025-12-01").ad_valorem_total == 0.4
    assert into_tr("phev", "CN", "2025-12-01").ad_valorem_total == 0.4
    assert into_tr("ice_car", "JP", "2025-12-01").ad_valorem_total == 0.35


def test_eu_and_fta_origins_are_outside_the_2025_rule():
    eu = into_tr("bev", "DE", "2025-12-01")
    assert [d.kind for d in eu.duties] == ["customs_union"]
    assert eu.ad_valorem_total == 0.0
    korea = into_tr("bev", "KR", "2025-12-01")
    assert [d.kind for d in korea.duties] == ["fta"]
    assert korea.ad_valorem_total == 0.0


def test_the_minimum_decides_the_landed_cost_of_a_cheap_car():
    result = into_tr("bev", "CN", "2025-12-01")
    cost = landed_cost(result, Money(20000.0, "USD"), Money(1000.0, "USD"))
    # customs value 21,000: CET 10% = 2,100; 30% = 6,300 < USD 8,500 minimum
    assert cost.customs_value == 21000.0
    assert cost.duties_total == 10600.0
    assert cost.total == 31600.0


def test_the_minimum_converts_through_a_dated_exchange_rate():
    result = into_tr("bev", "CN", "2025-12-01")
    fx = ExchangeRates(base="EUR", as_of=dt.date(2025, 12, 1), rates={"USD": 1.25})
    cost = landed_cost(result, Money(20000.0, "EUR"), Money(0.0, "EUR"), fx=fx)
    # 10% of 20,000 = 2,000; 30% = 6,000 < 8,500 USD = 6,800 EUR
    assert round(cost.duties_total, 6) == 8800.0


def test_pv_modules_from_china_pay_a_specific_duty_per_square_metre():
    result = into_tr("pv_module", "CN", "2024-01-10")
    assert result.ad_valorem_total == 0.0
    assert result.to_dict()["specific"] == [
        {
            "currency": "USD",
            "per_unit": 25.0,
            "unit": "m2",
            "basis": "additional",
            "row_id": "tr-ad-pv-cn/non-cooperating",
        }
    ]
    cost = landed_cost(result, Money(100.0, "USD"), Money(0.0, "USD"), area_m2_per_unit=2.0)
    assert cost.duties_total == 50.0


def test_pv_circumvention_extension_and_named_exemption_by_date():
    assert into_tr("pv_module", "VN", "2024-05-01").to_dict()["specific"][0]["per_unit"] == 25.0
    before = into_tr("pv_module", "VN", "2024-05-01", producer="JA Solar Vietnam")
    assert before.duties[1].producer_group == "non-cooperating"
    after = into_tr("pv_module", "VN", "2024-10-01", producer="JA Solar Vietnam")
    assert after.duties[1].producer_group == "JA Solar Vietnam"
    assert after.to_dict()["specific"] == []


def test_made_in_turkiye_sold_in_turkiye_is_no_import():
    assert into_tr("bev", "TR", "2025-12-01").duties == ()
