"""Plant scenarios as YAML: sourced facts, plant inputs, an incentive request and Monte Carlo ranges."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kopru.invest.economics.errors import InputError, bad_input
from kopru.invest.economics.explanations import Explanation, explain
from kopru.invest.economics.fx import Money
from kopru.invest.economics.incentives import IncentiveEstimate, estimate_incentives
from kopru.invest.economics.montecarlo import Range, ranges_from_dict
from kopru.invest.economics.plant import PlantInputs, plant_inputs_from_dict
from kopru.invest.economics.rule_tables import Rules
from kopru.invest.economics.sources import parse_date

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    inputs: PlantInputs
    ranges: dict[str, Range]
    incentives: IncentiveEstimate | None
    facts: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    notes: tuple[Explanation, ...] = field(default_factory=tuple)


def _apply_incentives(
    raw_plant: dict[str, Any], estimate: IncentiveEstimate
) -> tuple[dict[str, Any], list[Explanation]]:
    """Fill tax reduction and contribution from the estimate unless the scenario sets them itself."""
    notes = []
    plant = dict(raw_plant)
    for instrument in ("tax_reduction_rate", "investment_contribution_rate"):
        if instrument in plant:
            notes.append(
                explain(
                    "plant.rate_set_in_scenario",
                    name=instrument,
                    rate=plant[instrument],
                    scheme=estimate.scheme_id,
                )
            )
            continue
        line = next((item for item in estimate.lines if item.instrument == instrument), None)
        if line is None:
            continue
        if line.rate is None:
            raise bad_input(
                f"incentives.{instrument}",
                "error.incentive_not_known",
                scheme=estimate.scheme_id,
                row=line.row_id,
                name=instrument,
            )
        plant[instrument] = line.rate
        notes.append(
            explain(
                "plant.rate_from_row", name=instrument, rate=line.rate, row=line.row_id, status=line.status
            )
        )
    return plant, notes


def load_scenario(path: Path | str, rules: Rules) -> Scenario:
    path = Path(path)
    if not path.is_file() and (SCENARIO_DIR / path.name).is_file():
        path = SCENARIO_DIR / path.name
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise InputError("scenario", f"file not found: {path}") from error
    except yaml.YAMLError as error:
        raise InputError("scenario", f"not valid YAML: {error}") from error
    if not isinstance(raw, dict) or not isinstance(raw.get("plant"), dict):
        raise InputError("scenario.plant", "missing: a scenario needs a `plant` mapping")
    plant_raw = dict(raw["plant"])
    estimate = None
    notes: list[Explanation] = []
    request = raw.get("incentives")
    if request:
        try:
            on = parse_date(request["date"], "incentives.date")
            estimate = estimate_incentives(
                rules,
                province=str(request["province"]),
                scheme_type=str(request.get("scheme_type", "large_scale")),
                on=on,
                in_oiz=bool(request.get("in_oiz", False)),
                eligible_investment=Money(
                    float(plant_raw.get("capex", 0.0)), str(plant_raw.get("currency", "USD"))
                ),
            )
        except KeyError as error:
            raise bad_input(f"incentives.{error.args[0]}", "error.missing") from error
        plant_raw, notes = _apply_incentives(plant_raw, estimate)
    inputs = plant_inputs_from_dict(plant_raw)
    return Scenario(
        id=str(raw.get("id", path.stem)),
        title=str(raw.get("title", path.stem)),
        inputs=inputs,
        ranges=ranges_from_dict(raw.get("ranges") or {}),
        incentives=estimate,
        facts=tuple(raw.get("facts") or ()),
        notes=tuple(notes),
    )


def with_inputs(scenario: Scenario, **changes: Any) -> Scenario:
    return dataclasses.replace(scenario, inputs=dataclasses.replace(scenario.inputs, **changes))
