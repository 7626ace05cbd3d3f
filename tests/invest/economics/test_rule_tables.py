import shutil

import pytest

from kopru.invest.economics.errors import InputError
from kopru.invest.economics.rule_tables import default_data_dir, load_rules

pytestmark = pytest.mark.unit

RULES = load_rules()


def test_every_rule_row_carries_source_reference_and_start_date():
    refs = (
        [row.ref for row in RULES.mfn]
        + [m.ref for m in RULES.measures]
        + [r.ref for r in RULES.tr_additional]
    )
    refs += [p.ref for p in RULES.provinces] + [s.ref for s in RULES.schemes]
    refs += [i.ref for s in RULES.schemes for i in s.instruments]
    assert [r.row_id for r in refs if not (r.source and r.reference and r.effective_from)] == []
    assert len({r.row_id for r in refs if not r.row_id.startswith("3305-region")}) == len(
        [r for r in refs if not r.row_id.startswith("3305-region")]
    )


def test_eu_has_27_members_and_turkiye_is_not_one():
    assert len(RULES.eu_members.codes) == 27
    assert "TR" not in RULES.eu_members.codes


def test_every_measure_has_a_non_cooperating_group():
    assert [m.id for m in RULES.measures if "non-cooperating" not in {g.name for g in m.groups}] == []


def test_a_row_without_a_source_is_refused_by_the_loader(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    mfn = data / "trade" / "eu_mfn.csv"
    text = mfn.read_text(encoding="utf-8").replace(
        "https://eur-lex.europa.eu/eli/reg_impl/2021/1832/oj", "", 1
    )
    mfn.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_rules(data)
    assert error.value.field == "eu_mfn.csv:eu-mfn-8703.source"


def test_an_undertaking_in_the_data_exempts_the_named_model(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    measures = data / "trade" / "trade_defence.yaml"
    text = measures.read_text(encoding="utf-8")
    undertaking = (
        "    undertakings:\n"
        "      - {id: test-undertaking, producer: BYD, models: [Example EV], reference: test undertaking,"
        " source: https://example.org, effective_from: 2025-06-01}\n"
        "  - id: tr-ad-pv-cn\n"
    )
    text = text.replace("    undertakings: []\n  - id: tr-ad-pv-cn\n", undertaking, 1)
    measures.write_text(text, encoding="utf-8")
    import datetime as dt

    from kopru.invest.economics.market_access import assess_market_access

    rules = load_rules(data)
    covered = assess_market_access(rules, "bev", "CN", "EU", dt.date(2025, 7, 1), "BYD", model="example ev")
    assert covered.ad_valorem_total == 0.10
    assert [e.ref.row_id for e in covered.exemptions] == ["eu-cvd-bev-cn-definitive/BYD"]
    other_model = assess_market_access(rules, "bev", "CN", "EU", dt.date(2025, 7, 1), "BYD", model="Seal")
    assert other_model.ad_valorem_total == 0.27
    before = assess_market_access(rules, "bev", "CN", "EU", dt.date(2025, 5, 1), "BYD", model="Example EV")
    assert before.ad_valorem_total == 0.27
