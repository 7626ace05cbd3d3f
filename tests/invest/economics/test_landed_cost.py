import datetime as dt

import pytest

from kopru.invest.economics.errors import InputError
from kopru.invest.economics.fx import ExchangeRates, Money
from kopru.invest.economics.landed_cost import landed_cost
from kopru.invest.economics.market_access import assess_market_access
from kopru.invest.economics.rule_tables import load_rules

pytestmark = pytest.mark.unit

RULES = load_rules()
ON = dt.date(2025, 1, 1)


def test_duties_are_levied_on_the_cif_value_and_each_line_keeps_its_source():
    access = assess_market_access(RULES, "bev", "CN", "EU", ON, "BYD")
    cost = landed_cost(access, Money(30000.0, "EUR"), Money(1500.0, "EUR"), Money(500.0, "EUR"))
    assert cost.customs_value == 32000.0
    assert cost.duties_total == 8640.0
    assert cost.total == 40640.0
    assert [(line.label, line.row_id) for line in cost.lines[3:]] == [
        ("duty:mfn", "eu-mfn-8703"),
        ("duty:countervailing", "eu-cvd-bev-cn-definitive/BYD"),
    ]


def test_turkish_duties_on_imported_chinese_components_are_added():
    car = assess_market_access(RULES, "bev", "TR", "EU", ON, "BYD", local_value_share=0.6)
    battery = assess_market_access(RULES, "li_ion_battery", "CN", "TR", ON)
    cost = landed_cost(
        car, Money(30000.0, "EUR"), Money(600.0, "EUR"), component_duties=((battery, Money(8000.0, "EUR")),)
    )
    assert round(cost.duties_total, 6) == 216.0
    assert cost.lines[-1].label == "component:li_ion_battery:duty:mfn"


def test_a_currency_without_a_rate_is_an_error_not_a_silent_conversion():
    access = assess_market_access(RULES, "bev", "CN", "EU", ON, "BYD")
    fx = ExchangeRates(base="EUR", as_of=ON, rates={"CNY": 7.6})
    with pytest.raises(InputError) as error:
        landed_cost(access, Money(200000.0, "USD"), Money(0.0, "EUR"), fx=fx, currency="EUR")
    assert error.value.field == "fx"
    assert error.value.message == "no exchange rate EUR/USD given (needed for ex_works)"


def test_conversion_uses_the_given_rate():
    access = assess_market_access(RULES, "bev", "CN", "EU", ON, "BYD")
    fx = ExchangeRates(base="EUR", as_of=ON, rates={"CNY": 8.0})
    cost = landed_cost(access, Money(240000.0, "CNY"), Money(0.0, "EUR"), fx=fx, currency="EUR")
    assert cost.customs_value == 30000.0
    assert round(cost.total, 6) == 38100.0


def test_negative_amounts_and_missing_module_area_are_refused():
    access = assess_market_access(RULES, "bev", "CN", "EU", ON, "BYD")
    with pytest.raises(InputError) as error:
        landed_cost(access, Money(-1.0, "EUR"), Money(0.0, "EUR"))
    assert error.value.field == "ex_works"
    pv = assess_market_access(RULES, "pv_module", "CN", "TR", ON)
    with pytest.raises(InputError) as error:
        landed_cost(pv, Money(100.0, "USD"), Money(0.0, "USD"))
    assert error.value.field == "area_m2_per_unit"
