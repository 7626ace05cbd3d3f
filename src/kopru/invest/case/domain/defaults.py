"""Starting inputs: the reference scenario (BYD's Manisa plant) with an illustrative per-vehicle price.

Plant figures come from the engine's scenario YAML (facts sourced there, assumptions marked there). The
per-unit prices, freight and the exchange rate below are EXAMPLE INPUTS for the calculator, labelled as
such on screen; a user replaces them with their own.
"""

from __future__ import annotations

import datetime as dt
from copy import deepcopy
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kopru.invest.economics.scenario import SCENARIO_DIR

REFERENCE_SCENARIO = "byd_manisa.yaml"

EXAMPLE_MARKET: dict[str, Any] = {
    "product": "bev",
    "producer": "BYD",
    "model": "",
    "made_in": "CN",
    "destinations": ["DE", "FR", "IT", "TR"],
    "date": "2025-01-01",
    "local_value_share": 0.3,
    "incentive_certificate": False,
    "currency": "EUR",
    "ex_works": 30000,
    "ex_works_currency": "EUR",
    "freight_origin": 1500,
    "freight_tr": 450,
    "insurance_origin": 60,
    "insurance_tr": 30,
    "freight_by_destination": {"FR": [1600, 650], "IT": [1450, 400]},
    "area_m2_per_unit": None,
    "component": {"product": "li_ion_battery", "made_in": "CN", "value": 8000},
    "fx": {
        "base": "EUR",
        "as_of": "2025-01-02",
        "rates": {"USD": 1.0321},
        "source": "example input: check against the ECB euro reference rate of the date",
    },
    "draws": 10000,
    "seed": 1,
}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def scenario_document(name: str = REFERENCE_SCENARIO) -> dict[str, Any]:
    path = SCENARIO_DIR / name
    # a fresh copy each time: callers may change it; parsing the YAML cost 13 ms per calculator page
    return deepcopy(_parsed_scenario(str(path), path.stat().st_mtime_ns))


@lru_cache(maxsize=16)
def _parsed_scenario(path: str, modified_ns: int) -> dict[str, Any]:
    """The parsed scenario file, remembered until the file changes (its modification time is in the key)."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def reference_inputs(name: str = REFERENCE_SCENARIO) -> dict[str, Any]:
    """Canonical inputs: the example market inputs plus the scenario's plant, ranges and incentive request."""
    document = scenario_document(name)
    inputs = deepcopy(EXAMPLE_MARKET)
    inputs["plant"] = _jsonable(document["plant"])
    inputs["ranges"] = _jsonable(document.get("ranges") or {})
    request = document.get("incentives") or {}
    inputs["incentives"] = _jsonable(
        {
            "province": request.get("province", ""),
            "scheme_type": request.get("scheme_type", "large_scale"),
            "date": request.get("date"),
            "in_oiz": bool(request.get("in_oiz", False)),
            "capacity": {},
        }
    )
    return inputs
