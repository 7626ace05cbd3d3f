"""The last few evaluations, remembered per process: the calculator's opening page evaluates the same
reference inputs for every visitor, and its Monte Carlo (10,000 draws) was most of that page's time.

An evaluation depends only on the rule tables and the canonical inputs (the draws are seeded), so the same
inputs against the same rules give the same result; results are never changed after evaluation.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Any

from kopru.invest.case.domain.evaluate import CaseResult, evaluate_case
from kopru.invest.case.domain.inputs import CaseInputs
from kopru.invest.economics.rule_tables import Rules

REMEMBERED = 32

_results: OrderedDict[str, tuple[Rules, CaseResult]] = OrderedDict()
_lock = threading.Lock()  # gunicorn's gthread workers share a process


def inputs_key(inputs: dict[str, Any]) -> str:
    return json.dumps(inputs, sort_keys=True, default=str)


def evaluate_remembered(rules: Rules, parsed: CaseInputs, inputs: dict[str, Any]) -> CaseResult:
    """`evaluate_case(rules, parsed)` for `inputs` (the canonical inputs `parsed` was read from), reusing
    one of the last REMEMBERED results for the same inputs and the same rule tables."""
    key = inputs_key(inputs)
    with _lock:
        remembered = _results.get(key)
        if remembered is not None and remembered[0] is rules:
            _results.move_to_end(key)
            return remembered[1]
    result = evaluate_case(rules, parsed)
    with _lock:
        _results[key] = (rules, result)
        _results.move_to_end(key)
        while len(_results) > REMEMBERED:
            _results.popitem(last=False)
    return result


def forget() -> None:
    with _lock:
        _results.clear()
