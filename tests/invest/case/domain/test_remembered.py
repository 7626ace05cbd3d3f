"""The calculator remembers its last evaluations per process: the same canonical inputs against the same
rule tables give the result evaluated first; anything else is evaluated afresh."""

from __future__ import annotations

import copy

import pytest

from kopru.invest.case.domain import remembered
from kopru.invest.case.domain.defaults import reference_inputs, scenario_document
from kopru.invest.case.domain.evaluate import evaluate_case
from kopru.invest.case.domain.inputs import parse_inputs
from kopru.invest.economics.rule_tables import load_rules

pytestmark = [pytest.mark.unit]

RULES = load_rules()


@pytest.fixture(autouse=True)
def _fresh():
    remembered.forget()
    yield
    remembered.forget()


def _inputs(**changes):
    return {**reference_inputs(), "draws": 200, **changes}


def _remembered(rules, inputs):
    return remembered.evaluate_remembered(rules, parse_inputs(inputs), inputs)


def test_the_same_inputs_give_the_first_result_and_equal_a_fresh_evaluation():
    first = _remembered(RULES, _inputs())
    again = _remembered(RULES, copy.deepcopy(_inputs()))
    assert again is first
    fresh = evaluate_case(RULES, parse_inputs(_inputs()))
    assert first.to_dict() == fresh.to_dict()


def test_other_inputs_or_other_rules_are_evaluated_afresh():
    first = _remembered(RULES, _inputs())
    other_seed = _remembered(RULES, _inputs(seed=2))
    assert other_seed is not first
    assert other_seed.monte_carlo.seed == 2
    other_rules = copy.copy(RULES)
    assert _remembered(other_rules, _inputs()) is not first


def test_only_the_last_few_are_kept():
    first = _remembered(RULES, _inputs(seed=0))
    for seed in range(1, remembered.REMEMBERED + 1):
        _remembered(RULES, _inputs(seed=seed, draws=1))
    assert _remembered(RULES, _inputs(seed=0)) is not first


def test_the_scenario_is_a_fresh_copy_each_time():
    document = scenario_document()
    document["plant"]["capex"] = -1
    assert scenario_document()["plant"]["capex"] != -1
