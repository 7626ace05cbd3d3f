"""Evaluate a case: per destination, "made in <origin>" against "made in Türkiye", duty by duty; the
incentive estimate for the province; the plant's cash flows, NPV/IRR/payback, Monte Carlo and tornado.

Each section is evaluated on its own so that a mistake in the plant inputs does not hide the duties;
every problem is kept as an `InputError` naming its field, never turned into a zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kopru.invest.case.domain.inputs import FROM_INCENTIVES, CaseInputs
from kopru.invest.economics.distribution import Histogram, npv_histogram
from kopru.invest.economics.errors import InputError, bad_input
from kopru.invest.economics.explanations import Explanation, explain
from kopru.invest.economics.fx import Money
from kopru.invest.economics.incentives import IncentiveEstimate, estimate_incentives
from kopru.invest.economics.landed_cost import LandedCost, landed_cost
from kopru.invest.economics.market_access import MarketAccessResult, assess_market_access
from kopru.invest.economics.montecarlo import MonteCarloResult, monte_carlo_with_npvs
from kopru.invest.economics.plant import PlantInputs, PlantResult, evaluate_plant, plant_inputs_from_dict
from kopru.invest.economics.rule_tables import Rules

TURKIYE = "TR"


@dataclass(frozen=True)
class Route:
    made_in: str
    destination: str
    access: MarketAccessResult
    cost: LandedCost | None

    @property
    def key(self) -> str:
        return f"{self.made_in}-{self.destination}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "made_in": self.made_in,
            "destination": self.destination,
            "market_access": self.access.to_dict(),
            "landed_cost": self.cost.to_dict() if self.cost else None,
        }


@dataclass(frozen=True)
class Destination:
    code: str
    name: str
    routes: tuple[Route, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"destination": self.code, "name": self.name, "routes": [r.to_dict() for r in self.routes]}


@dataclass
class CaseResult:
    inputs: CaseInputs
    destinations: list[Destination] = field(default_factory=list)
    incentives: IncentiveEstimate | None = None
    plant_inputs: PlantInputs | None = None
    plant: PlantResult | None = None
    plant_sources: dict[str, str] = field(default_factory=dict)
    monte_carlo: MonteCarloResult | None = None
    histogram: Histogram | None = None
    notes: list[Explanation] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {
            "destinations": [d.to_dict() for d in self.destinations],
            "incentives": self.incentives.to_dict() if self.incentives else None,
            "plant": self.plant.to_dict() if self.plant else None,
            "plant_sources": dict(self.plant_sources),
            "monte_carlo": self.monte_carlo.to_dict() if self.monte_carlo else None,
            "histogram": self.histogram.to_dict() if self.histogram else None,
            "notes": [note.to_dict() for note in self.notes],
            "errors": [{"field": e.field, "message": e.message} for e in self.errors],
        }


def _prefixed(error: InputError, prefix: str) -> InputError:
    return (
        error if error.field.startswith(prefix) else InputError(f"{prefix}{error.field}", error.explanation)
    )


def _route(rules: Rules, inputs: CaseInputs, made_in: str, destination: str) -> Route:
    turkish = made_in == TURKIYE
    access = assess_market_access(
        rules,
        inputs.product,
        made_in,
        destination,
        inputs.date,
        producer=inputs.producer,
        local_value_share=inputs.local_value_share if turkish else None,
        incentive_certificate=inputs.incentive_certificate if destination == TURKIYE else False,
        model=inputs.model,
    )
    cost = None
    if inputs.ex_works is not None:
        from_origin, from_tr = inputs.freight_by_destination.get(
            destination, (inputs.freight_origin, inputs.freight_tr)
        )
        freight = from_tr if turkish else from_origin
        insurance = inputs.insurance_tr if turkish else inputs.insurance_origin
        components = (_component(rules, inputs),) if turkish and inputs.component is not None else ()
        cost = landed_cost(
            access,
            Money(inputs.ex_works, inputs.ex_works_currency),
            Money(freight, inputs.ex_works_currency),
            Money(insurance, inputs.ex_works_currency),
            fx=inputs.fx,
            currency=inputs.currency,
            area_m2_per_unit=inputs.area_m2_per_unit,
            component_duties=components,
        )
    return Route(made_in, destination, access, cost)


def _component(rules: Rules, inputs: CaseInputs) -> tuple[MarketAccessResult, Money]:
    """Türkiye's duties on a part imported for the Turkish plant (e.g. Chinese cells)."""
    component = inputs.component
    try:
        access = assess_market_access(
            rules,
            component.product,
            component.made_in,
            TURKIYE,
            inputs.date,
            incentive_certificate=inputs.incentive_certificate,
        )
    except InputError as error:
        raise _prefixed(error, "component.") from error
    return access, Money(component.value, inputs.ex_works_currency)


def evaluate_market(rules: Rules, inputs: CaseInputs) -> list[Destination]:
    destinations = []
    for code in inputs.destinations:
        origins = [inputs.made_in] if inputs.made_in == TURKIYE else [inputs.made_in, TURKIYE]
        routes = tuple(_route(rules, inputs, made_in, code) for made_in in origins)
        name = "European Union" if code == "EU" else rules.countries.get(code, code)
        destinations.append(Destination(code, name, routes))
    return destinations


def evaluate_incentives(rules: Rules, inputs: CaseInputs) -> IncentiveEstimate | None:
    request = inputs.incentives
    if request is None:
        return None
    investment = None
    capex = (inputs.plant_raw or {}).get("capex")
    if capex not in (None, "") and not isinstance(capex, bool):
        try:
            investment = Money(float(capex), str(inputs.plant_raw.get("currency") or "USD"))
        except (TypeError, ValueError):
            investment = None  # the plant section names the bad capex on its own field
    try:
        return estimate_incentives(
            rules,
            province=request.province,
            scheme_type=request.scheme_type,
            on=request.date,
            in_oiz=request.in_oiz,
            eligible_investment=investment,
            capacity=request.capacity,
        )
    except InputError as error:
        raise _prefixed(error, "incentives.") from error


def complete_plant_inputs(
    inputs: CaseInputs, estimate: IncentiveEstimate | None
) -> tuple[PlantInputs, dict[str, str], list[Explanation]]:
    """Fill the tax reduction and contribution rates left blank from the incentive estimate's rows."""
    raw = dict(inputs.plant_raw or {})
    sources: dict[str, str] = {}
    notes: list[Explanation] = []
    for name in FROM_INCENTIVES:
        if raw.get(name) not in (None, ""):
            continue
        if estimate is None:
            raw[name] = 0.0
            notes.append(explain("plant.rate_zero_no_scheme", name=name))
            continue
        line = next((item for item in estimate.lines if item.instrument == name), None)
        if line is None:
            raw[name] = 0.0
            notes.append(explain("plant.rate_zero_no_instrument", name=name, scheme=estimate.scheme_id))
            continue
        if line.rate is None:
            raise bad_input(
                f"plant.{name}",
                "error.incentive_not_known",
                scheme=estimate.scheme_id,
                row=line.row_id,
                name=name,
            )
        raw[name] = line.rate
        sources[name] = line.row_id
        notes.append(
            explain("plant.rate_from_row", name=name, rate=line.rate, row=line.row_id, status=line.status)
        )
    return plant_inputs_from_dict(raw), sources, notes


def evaluate_case(rules: Rules, inputs: CaseInputs) -> CaseResult:
    result = CaseResult(inputs=inputs)
    try:
        result.destinations = evaluate_market(rules, inputs)
    except InputError as error:
        result.errors.append(error)
    try:
        result.incentives = evaluate_incentives(rules, inputs)
    except InputError as error:
        result.errors.append(error)
    if inputs.plant_raw:
        try:
            plant_inputs, result.plant_sources, notes = complete_plant_inputs(inputs, result.incentives)
            result.notes.extend(notes)
            result.plant_inputs = plant_inputs
            result.plant = evaluate_plant(plant_inputs)
            if inputs.draws and inputs.ranges:
                result.monte_carlo, values = monte_carlo_with_npvs(
                    plant_inputs, inputs.ranges, inputs.draws, inputs.seed
                )
                result.histogram = npv_histogram(values, plant_inputs.currency)
            elif inputs.draws:
                result.notes.append(explain("plant.no_ranges"))
        except InputError as error:
            result.errors.append(error)
    return result
