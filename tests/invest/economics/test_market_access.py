import datetime as dt

import pytest

from kopru.invest.economics.errors import InputError
from kopru.invest.economics.explanations import Explanation
from kopru.invest.economics.market_access import assess_market_access
from kopru.invest.economics.rule_tables import load_rules

pytestmark = pytest.mark.unit

RULES = load_rules()


def access(product, made_in, destination, date, producer=None, **kwargs):
    return assess_market_access(
        RULES, product, made_in, destination, dt.date.fromisoformat(date), producer, **kwargs
    )


@pytest.mark.parametrize(
    ("product", "made_in", "producer", "destination", "date", "share", "expected"),
    [
        ("bev", "CN", "BYD", "EU", "2025-01-01", None, 0.27),
        ("bev", "CN", "SAIC", "EU", "2025-01-01", None, 0.453),
        ("bev", "CN", "other-cooperating", "EU", "2025-01-01", None, 0.307),
        ("bev", "CN", "BYD", "EU", "2024-06-01", None, 0.10),
        ("li_ion_battery", "CN", None, "EU", "2025-01-01", None, 0.027),
        ("pv_module", "CN", None, "EU", "2025-01-01", None, 0.0),
        ("bev", "TR", "BYD", "EU", "2025-01-01", 0.7, 0.0),
    ],
)
def test_contract_examples_hold(product, made_in, producer, destination, date, share, expected):
    result = access(product, made_in, destination, date, producer, local_value_share=share)
    assert result.ad_valorem_total == expected
    assert result.to_dict()["ad_valorem_total"] == expected


def test_json_shape_matches_the_contract():
    data = access("bev", "CN", "EU", "2025-01-01", "BYD").to_dict()
    assert data["product"] == {"key": "bev", "hs": "870380"}
    assert data["origin"] == {
        "assessed": "CN",
        "basis": {"key": "origin.made_in", "params": {"country": "CN"}},
        "risk": None,
    }
    assert [d["kind"] for d in data["duties"]] == ["mfn", "countervailing"]
    countervailing = data["duties"][1]
    assert countervailing["rate"] == 0.17
    assert countervailing["reference"] == "Commission Implementing Regulation (EU) 2024/2754"
    assert countervailing["producer_group"] == "BYD"
    assert countervailing["from"] == "2024-10-30"
    assert countervailing["to"] == "2029-10-29"
    assert countervailing["source"] == "https://eur-lex.europa.eu/eli/reg_impl/2024/2754/oj"
    assert countervailing["row_id"] == "eu-cvd-bev-cn-definitive/BYD"
    assert data["duties"][0]["reference"] == "EU Common Customs Tariff"
    assert data["specific"] == []
    assert data["notes"] == []


def test_on_2024_08_01_the_provisional_byd_rate_applied():
    result = access("bev", "CN", "EU", "2024-08-01", "BYD")
    assert result.ad_valorem_total == 0.274
    assert result.duties[1].ref.row_id == "eu-cvd-bev-cn-provisional/BYD"
    assert result.duties[1].stage == "provisional"


def test_the_provisional_measure_ends_when_the_definitive_one_starts():
    assert access("bev", "CN", "EU", "2024-10-29", "BYD").ad_valorem_total == 0.274
    assert access("bev", "CN", "EU", "2024-10-30", "BYD").ad_valorem_total == 0.27


def test_tesla_has_an_individual_rate_only_in_the_definitive_measure():
    assert access("bev", "CN", "EU", "2025-01-01", "Tesla Shanghai").ad_valorem_total == 0.178
    provisional = access("bev", "CN", "EU", "2024-08-01", "Tesla")
    assert provisional.ad_valorem_total == 0.476
    assert provisional.notes == (
        Explanation(
            "access.producer_not_named",
            {"producer": "Tesla", "reference": "Commission Implementing Regulation (EU) 2024/1866"},
        ),
    )


def test_producer_aliases_are_case_and_punctuation_insensitive():
    result = access("bev", "CN", "EU", "2025-01-01", "byd auto co., ltd.")
    assert result.duties[1].producer_group == "BYD"


def test_unnamed_producer_is_non_cooperating_and_notes_say_so():
    result = access("bev", "CN", "EU", "2025-01-01", "Nio")
    assert result.ad_valorem_total == 0.453
    assert result.duties[1].producer_group == "non-cooperating"
    assert result.notes == (
        Explanation(
            "access.producer_not_named",
            {"producer": "Nio", "reference": "Commission Implementing Regulation (EU) 2024/2754"},
        ),
    )


def test_missing_producer_gets_the_residual_rate_never_zero():
    result = access("bev", "CN", "EU", "2025-01-01")
    assert result.ad_valorem_total == 0.453
    assert result.notes[0] == Explanation(
        "access.no_producer", {"reference": "Commission Implementing Regulation (EU) 2024/2754"}
    )


def test_a_member_state_destination_applies_the_common_tariff():
    result = access("bev", "CN", "DE", "2025-01-01", "BYD")
    assert result.ad_valorem_total == 0.27
    assert result.notes == (Explanation("access.member_state", {"country": "DE"}),)


def test_goods_made_in_the_eu_pay_nothing_in_the_eu():
    result = access("bev", "DE", "EU", "2025-01-01", "BYD")
    assert result.duties == ()
    assert result.ad_valorem_total == 0.0


def test_an_hs_code_is_accepted_and_mapped_to_its_product_key():
    result = access("8703 80", "CN", "EU", "2025-01-01", "SAIC")
    assert result.product.key == "bev"
    assert result.ad_valorem_total == 0.453


def test_a_broad_hs_code_does_not_silently_skip_the_narrower_measure():
    result = access("8703", "CN", "EU", "2025-01-01", "BYD")
    assert result.ad_valorem_total == 0.10
    assert (
        Explanation(
            "access.hs_broader",
            {"hs": "8703", "measure": "eu-cvd-bev-cn-definitive", "prefixes": ("870380",)},
        )
        in result.notes
    )


def test_other_products_carry_their_mfn_rates():
    assert access("wind_turbine_set", "CN", "EU", "2025-01-01").ad_valorem_total == 0.027
    assert access("electric_locomotive", "CN", "EU", "2025-01-01").ad_valorem_total == 0.017
    assert access("860210", "CN", "EU", "2025-01-01").ad_valorem_total == 0.017
    assert access("vaccine", "CN", "EU", "2025-01-01").ad_valorem_total == 0.0
    assert access("medical_device_9018", "CN", "EU", "2025-01-01").ad_valorem_total == 0.0
    assert access("phev", "CN", "EU", "2025-01-01", "BYD").ad_valorem_total == 0.10


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("999999", "CN", "EU", "2025-01-01"), "product"),
        (("8507", "CN", "EU", "2025-01-01"), "product"),
        (("123", "CN", "EU", "2025-01-01"), "product"),
        (("flux_capacitor", "CN", "EU", "2025-01-01"), "product"),
        (("bev", "XX", "EU", "2025-01-01"), "made_in"),
        (("bev", "CN", "ZZ", "2025-01-01"), "destination"),
        (("bev", "CN", "US", "2025-01-01"), "destination"),
        (("bev", "CN", "EU", "2021-12-31"), "date"),
        (("bev", "CN", "TR", "2023-01-01"), "date"),
    ],
)
def test_bad_input_names_the_field(args, field):
    with pytest.raises(InputError) as error:
        access(*args)
    assert error.value.field == field


@pytest.mark.parametrize("share", [-0.1, 1.01])
def test_local_value_share_outside_0_1_is_refused(share):
    with pytest.raises(InputError) as error:
        access("bev", "TR", "EU", "2025-01-01", "BYD", local_value_share=share)
    assert error.value.field == "local_value_share"
