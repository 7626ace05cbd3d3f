"""The catalogue words every key the engine says, in the three languages, with locale formats inside."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import translation

from kopru.invest.economics.explanations import Explanation, data_note
from kopru.invest.explanations import TEMPLATES, render

pytestmark = pytest.mark.django_db

SRC = Path(__file__).resolve().parents[2] / "src" / "kopru" / "invest"


def in_languages(explanation):
    results = {}
    for language in ("en", "tr", "zh-hans"):
        with translation.override(language):
            results[language] = render(explanation)
    return results


def test_a_member_state_note_names_the_country_in_the_reader_language():
    assert in_languages(Explanation("access.member_state", {"country": "DE"})) == {
        "en": "Germany is an EU member state: the EU common tariff applies.",
        "tr": "Almanya bir AB üyesi devlettir: AB ortak gümrük tarifesi uygulanır.",
        "zh-hans": "德国是欧盟成员国：适用欧盟共同关税。",
    }


def test_the_origin_risk_paragraph_nests_its_consequence_with_local_percentages():
    risk = Explanation(
        "origin.risk.high",
        {
            "consequence": Explanation(
                "origin.if_found.measures",
                {"origin": "CN", "measures": ("Regulation (EU) 2024/2754",), "rate": 0.17},
            )
        },
    )
    words = in_languages(risk)
    assert words["en"].startswith(
        "Assembly in Türkiye likely does not confer origin; if the origin were found to be China,"
        " Regulation (EU) 2024/2754 would apply (17.0% ad valorem)"
    )
    assert words["tr"].startswith(
        "Türkiye'deki montaj büyük olasılıkla menşe kazandırmaz; menşein Çin olduğu tespit edilirse"
        " Regulation (EU) 2024/2754 uygulanır (%17,0 değer esaslı)"
    )
    assert words["zh-hans"].startswith(
        "在土耳其的组装很可能不能赋予原产地；如认定原产地为中国，"
        "将适用Regulation (EU) 2024/2754（从价税17.0%）"
    )


def test_plant_notes_name_the_parameter_and_the_status():
    note = Explanation(
        "plant.rate_from_row",
        {"name": "tax_reduction_rate", "rate": 0.6, "row": "3305-large-tax-reduction", "status": "verified"},
    )
    assert in_languages(note) == {
        "en": "tax reduction rate: 60% from 3305-large-tax-reduction (verified).",
        "tr": "vergi indirimi oranı: %60, kaynak 3305-large-tax-reduction (doğrulandı).",
        "zh-hans": "减税率：60%，来自3305-large-tax-reduction（已核实）。",
    }


def test_dates_and_amounts_inside_a_note_follow_the_locale():
    note = Explanation(
        "access.no_certificate_exemption", {"rule": "tr-add-bev-cn-2023", "date": dt.date(2024, 8, 1)}
    )
    assert in_languages(note)["tr"] == (
        "tr-add-bev-cn-2023: 1 Ağu 2024 tarihinde bu kural için teşvik belgesi muafiyeti kayıtlı değil."
    )
    threshold = Explanation(
        "incentives.below_threshold",
        {"scheme": "project-based-6745", "minimum": 100_000_000, "currency": "USD"},
    )
    assert in_languages(threshold)["zh-hans"] == "project-based-6745：投资额低于该计划100,000,000 USD的门槛。"


def test_notes_from_the_rule_data_are_kept_as_written():
    assert in_languages(data_note("As in the decree."))["tr"] == "As in the decree."


def test_every_key_the_engine_says_has_a_template_with_a_translation():
    said = set()
    for path in SRC.rglob("*.py"):
        said |= set(re.findall(r'explain\(\s*f?"([a-z_.{}]+)"', path.read_text(encoding="utf-8")))
    levels = {f"origin.risk.{level}" for level in ("unknown", "low", "medium", "high")}
    titles = {f"rule.title.{name}" for name in ("eu_members", "tr_fta_partners")}
    said = {key for key in said if "{" not in key} | levels | titles
    assert said - set(TEMPLATES) == set()
    for key, (template, _formats) in TEMPLATES.items():
        for language in ("tr", "zh-hans"):
            with translation.override(language):
                assert translation.gettext(template) != template or (
                    "%(" in template and template.startswith("%(")
                ), (key, language)
