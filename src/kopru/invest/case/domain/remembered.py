"""The last few evaluations, remembered per process: the calculator's opening page evaluates the same
reference inputs for every visitor, and its Monte Carlo (10,000 draws) was most of that page's time.

An evaluation depends only on the rule tables and the canonical inputs (the draws are seeded), so the same
inputs against the same rules give the same result; results are never changed after evaluation.
"""

from __future__ import annotations

import json
from typing import Any

from kopru.core.lru import Remembered
from kopru.invest.case.domain.evaluate import CaseResult, evaluate_case
from kopru.invest.case.domain.inputs import CaseInputs
from kopru.invest.economics.rule_tables import Rules

REMEMBERED = 32

_results = Remembered(REMEMBERED)


def inputs_key(inputs: dict[str, Any]) -> str:
    return json.dumps(inputs, sort_keys=True, default=str)


def evaluate_remembered(rules: Rules, parsed: CaseInputs, inputs: dict[str, Any]) -> CaseResult:
    """`evaluate_case(rules, parsed)` for `inputs` (the canonical inputs `parsed` was read from), reusing
    one of the last REMEMBERED results for the same inputs and the same rule tables."""
    return _results.get_or_compute(inputs_key(inputs), lambda: evaluate_case(rules, parsed), token=rules)


def forget() -> None:
    _results.clear()
