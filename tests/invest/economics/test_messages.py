"""The contract's sentence fields stay sentences; the message key travels beside each one."""

import io
import json
import pickle
import re
from pathlib import Path

import pytest

from kopru.invest.economics.cli import main
from kopru.invest.economics.errors import InputError, bad_input
from kopru.invest.economics.explanations import explain
from kopru.invest.economics.messages import TEMPLATES, english, from_dict, with_text

pytestmark = pytest.mark.unit

SRC = Path(__file__).resolve().parents[3] / "src" / "kopru" / "invest"


def test_english_words_a_message_with_codes_and_plain_percentages():
    assert english(explain("origin.made_in", country="CN")) == "made in CN"
    assert english(explain("origin.share_below", share=0.3, threshold=0.35, origin="CN")) == (
        "made in Türkiye from imported parts; local value share 30%, below 35%: origin taken as CN"
        " (the parts' origin)"
    )


def test_a_nested_message_is_worded_inside_its_parent_and_a_data_note_is_kept_as_written():
    inner = explain("origin.if_found.nothing", origin="CN")
    outer = explain("origin.risk.low", consequence=inner)
    assert english(outer) == f"Turkish origin is likely; {english(inner)}."
    assert english(from_dict(outer.to_dict())) == english(outer)
    assert english(explain("data.note", text="as the regulation says")) == "as the regulation says"


def test_with_text_keeps_each_message_beside_its_sentence_and_leaves_other_values_alone():
    note = explain("access.origin_assessed", origin="CN")
    data = {
        "product": {"key": "bev", "hs": "870380"},
        "origin": {"basis": explain("origin.made_in", country="CN").to_dict()},
        "notes": [note.to_dict()],
        "specific": [],
    }
    assert with_text(data) == {
        "product": {"key": "bev", "hs": "870380"},
        "origin": {
            "basis": "made in CN",
            "basis_message": {"key": "origin.made_in", "params": {"country": "CN"}},
        },
        "notes": ["Origin assessed as CN: the trade-defence duties on that origin apply."],
        "notes_messages": [{"key": "access.origin_assessed", "params": {"origin": "CN"}}],
        "specific": [],
    }


def test_every_template_words_with_its_own_parameters():
    # each template's placeholders are the parameters it is given; a typo would raise KeyError here
    for key, (template, _formats) in TEMPLATES.items():
        names = {part.split(")")[0] for part in template.split("%(")[1:]}
        assert english(explain(key, **dict.fromkeys(names, 0.5))), key


def test_the_market_access_json_keeps_the_contracts_string_fields():
    out = io.StringIO()
    argv = ["--product", "bev", "--made-in", "CN", "--destination", "EU", "--date", "2025-01-01"]
    assert main([*argv, "--producer", "BYD", "--format", "json"], out=out) == 0
    result = json.loads(out.getvalue())
    assert result["origin"]["basis"] == "made in CN"
    assert result["origin"]["basis_message"] == {"key": "origin.made_in", "params": {"country": "CN"}}
    assert all(isinstance(note, str) for note in result["notes"])
    assert result["ad_valorem_total"] == 0.27


def test_an_input_error_carries_its_key_and_stays_the_english_sentence():
    error = bad_input("plant.capex", "error.not_negative", value="-3")
    assert (error.field, error.explanation) == ("plant.capex", explain("error.not_negative", value="-3"))
    assert (error.message, str(error)) == (
        "must not be negative, got -3",
        "plant.capex: must not be negative, got -3",
    )


def test_an_input_error_in_a_parser_s_own_words_is_kept_as_written():
    error = InputError("scenario", "not valid YAML: mapping values are not allowed here")
    assert error.explanation == explain(
        "error.text", text="not valid YAML: mapping values are not allowed here"
    )
    assert str(error) == "scenario: not valid YAML: mapping values are not allowed here"


def test_an_input_error_survives_pickling_with_its_key():
    error = pickle.loads(pickle.dumps(bad_input("seed", "error.seed", maximum=10, value="-1")))
    assert (error.field, error.explanation.key, str(error)) == (
        "seed",
        "error.seed",
        "seed: must be a whole number 0..10, got -1",
    )


def test_every_error_key_the_engine_raises_has_a_template_and_every_template_is_raised():
    raised = set()
    for path in SRC.rglob("*.py"):
        raised |= set(
            re.findall(r'bad_input\(\s*[^,()]+,\s*"(error\.[a-z0-9_.]+)"', path.read_text(encoding="utf-8"))
        )
    assert raised - set(TEMPLATES) == set()
    assert {key for key in TEMPLATES if key.startswith("error.")} - raised == {"error.text"}
