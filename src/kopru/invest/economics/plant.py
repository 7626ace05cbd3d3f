"""Plant cash flows over a horizon, vectorised over draws (numpy), with NPV, IRR and payback.

Conventions (also in docs/investment-case.md): year 0 is the first investment year; the cash flow of
year t is discounted t years (year 0 not at all), as in a spreadsheet NPV with an explicit t = 0;
money is in `currency`, nominal; escalation counts from the first production year. Corporate tax uses
an unlimited loss carry-forward (a simplification) and the 2012/3305-style incentive: the tax rate is
reduced by `tax_reduction_rate` until the tax saved reaches `investment_contribution_rate` x capex.
Grants arrive with the capex phasing and are not taxed.
"""

from __future__ import annotations

import math
from dataclasses import MISSING, asdict, dataclass, fields
from typing import Any

import numpy as np

from kopru.invest.economics.errors import bad_input
from kopru.invest.economics.fx import validate_currency

# the scalar inputs a Monte Carlo range or a tornado bar may vary
RANGEABLE = (
    "discount_rate",
    "capex",
    "capacity_units_per_year",
    "price_per_unit",
    "variable_cost_per_unit",
    "fixed_cost_per_year",
    "corporate_tax_rate",
    "working_capital_share",
    "tax_reduction_rate",
    "investment_contribution_rate",
    "grant",
    "price_escalation",
    "cost_escalation",
    "terminal_growth",
)
IRR_LOW, IRR_HIGH, IRR_ITERATIONS = -0.99, 10.0, 100
CHUNK_DRAWS = 8192


@dataclass(frozen=True)
class PlantInputs:
    currency: str
    horizon_years: int
    discount_rate: float
    capex: float
    capex_phasing: tuple[float, ...]
    first_production_year: int
    ramp_up: tuple[float, ...]
    capacity_units_per_year: float
    price_per_unit: float
    variable_cost_per_unit: float
    fixed_cost_per_year: float = 0.0
    corporate_tax_rate: float = 0.25
    depreciation_years: int = 10
    working_capital_share: float = 0.0
    tax_reduction_rate: float = 0.0
    investment_contribution_rate: float = 0.0
    grant: float = 0.0
    price_escalation: float = 0.0
    cost_escalation: float = 0.0
    terminal_growth: float | None = None

    def __post_init__(self) -> None:
        validate_currency(self.currency, "plant.currency")
        if not 1 <= self.horizon_years <= 100:
            raise bad_input(
                "plant.horizon_years", "error.within_got", low=1, high=100, value=f"{self.horizon_years}"
            )
        if not 0 <= self.first_production_year < self.horizon_years:
            raise bad_input("plant.first_production_year", "error.plant.first_year")
        if not self.capex_phasing or len(self.capex_phasing) > self.horizon_years:
            raise bad_input("plant.capex_phasing", "error.plant.phasing_count")
        if any(share < 0 for share in self.capex_phasing) or not math.isclose(
            sum(self.capex_phasing), 1.0, abs_tol=1e-6
        ):
            raise bad_input(
                "plant.capex_phasing", "error.plant.phasing_sum", value=f"{list(self.capex_phasing)}"
            )
        if not self.ramp_up or any(not 0 <= u <= 1.5 for u in self.ramp_up):
            raise bad_input("plant.ramp_up", "error.plant.ramp_up")
        if self.depreciation_years < 1:
            raise bad_input("plant.depreciation_years", "error.at_least", minimum=1)
        check_values(
            {name: getattr(self, name) for name in RANGEABLE if getattr(self, name) is not None}, "plant"
        )


def check_values(values: dict[str, Any], prefix: str) -> None:
    """Domain checks shared by base inputs and Monte Carlo ranges (arrays are checked element-wise)."""
    non_negative = (
        "capex",
        "capacity_units_per_year",
        "price_per_unit",
        "variable_cost_per_unit",
        "fixed_cost_per_year",
        "grant",
        "working_capital_share",
    )
    shares = ("corporate_tax_rate", "tax_reduction_rate")
    for name, value in values.items():
        array = np.asarray(value, dtype=float)
        if not np.all(np.isfinite(array)):
            raise bad_input(f"{prefix}.{name}", "error.not_finite")
        if name in non_negative and np.any(array < 0):
            raise bad_input(f"{prefix}.{name}", "error.not_negative", value=f"{array.min():g}")
        if name in shares and np.any((array < 0) | (array > 1)):
            raise bad_input(f"{prefix}.{name}", "error.within", low=0, high=1)
        if name == "investment_contribution_rate" and np.any((array < 0) | (array > 3)):
            raise bad_input(f"{prefix}.{name}", "error.within", low=0, high=3)
        if name == "discount_rate" and np.any(array <= -1):
            raise bad_input(f"{prefix}.{name}", "error.above", minimum=-1)


@dataclass(frozen=True)
class PlantResult:
    inputs: PlantInputs
    years: tuple[dict[str, float], ...]
    npv: float
    irr: float | None
    payback_years: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "inputs": asdict(self.inputs),
            "currency": self.inputs.currency,
            "npv": round(self.npv, 2),
            "irr": None if self.irr is None else round(self.irr, 6),
            "payback_years": None if self.payback_years is None else round(self.payback_years, 3),
            "years": [{k: round(v, 2) for k, v in year.items()} for year in self.years],
        }


def _depreciation_matrix(inputs: PlantInputs) -> np.ndarray:
    """M[s, t] = 1/D when capex spent in year s is depreciated in year t (from production start, D years)."""
    horizon = inputs.horizon_years
    matrix = np.zeros((horizon, horizon))
    for spend_year in range(len(inputs.capex_phasing)):
        start = max(spend_year, inputs.first_production_year)
        matrix[spend_year, start : min(start + inputs.depreciation_years, horizon)] = (
            1.0 / inputs.depreciation_years
        )
    return matrix


def _row(values: dict[str, Any], name: str, default: Any) -> np.ndarray:
    return np.asarray(values.get(name, default), dtype=float).reshape(1, -1)


def _components_by_year(
    inputs: PlantInputs, overrides: dict[str, np.ndarray] | None
) -> dict[str, np.ndarray]:
    """Every yearly line, year-major: shape (years, draws). Year-major keeps each year's draws
    contiguous, which the sequential tax loop and Horner's rule read one year at a time."""
    values = {name: getattr(inputs, name) for name in RANGEABLE}
    values.update(overrides or {})
    horizon = inputs.horizon_years
    years = np.arange(horizon)
    phasing = np.zeros(horizon)
    phasing[: len(inputs.capex_phasing)] = inputs.capex_phasing
    utilisation = np.zeros(horizon)
    production_years = years[inputs.first_production_year :] - inputs.first_production_year
    ramp = np.asarray(inputs.ramp_up, dtype=float)
    utilisation[inputs.first_production_year :] = ramp[np.minimum(production_years, len(ramp) - 1)]
    producing = (years >= inputs.first_production_year).astype(float)[:, None]
    escalation_years = np.maximum(years - inputs.first_production_year, 0)[:, None]
    phasing_col, utilisation_col = phasing[:, None], utilisation[:, None]

    capex = _row(values, "capex", 0.0)
    units = _row(values, "capacity_units_per_year", 0.0) * utilisation_col
    price = (
        _row(values, "price_per_unit", 0.0) * (1 + _row(values, "price_escalation", 0.0)) ** escalation_years
    )
    unit_cost = (
        _row(values, "variable_cost_per_unit", 0.0)
        * (1 + _row(values, "cost_escalation", 0.0)) ** escalation_years
    )
    revenue = units * price
    ebitda = revenue - units * unit_cost - _row(values, "fixed_cost_per_year", 0.0) * producing
    capex_flow = capex * phasing_col
    grant_flow = _row(values, "grant", 0.0) * phasing_col
    # phasing is fixed, so depreciation is rank one: (phasing @ M) x capex — no (years x draws) matmul
    depreciation = (phasing @ _depreciation_matrix(inputs))[:, None] * capex
    taxable = ebitda - depreciation

    draws = taxable.shape[1]
    tax_rate = np.broadcast_to(_row(values, "corporate_tax_rate", 0.0)[0], draws)
    reduction = np.broadcast_to(_row(values, "tax_reduction_rate", 0.0)[0], draws)
    contribution_left = np.broadcast_to((_row(values, "investment_contribution_rate", 0.0) * capex)[0], draws)
    loss_pool = np.zeros(draws)
    tax = np.empty_like(taxable)
    for year in range(horizon):  # sequential by nature (loss pool, contribution cap), vectorised over draws
        profit = taxable[year]
        used_losses = np.minimum(loss_pool, np.maximum(profit, 0.0))
        loss_pool = loss_pool - used_losses + np.maximum(-profit, 0.0)
        regular = np.maximum(profit - used_losses, 0.0) * tax_rate
        saving = np.minimum(regular * reduction, contribution_left)
        contribution_left = contribution_left - saving
        tax[year] = regular - saving

    working_capital = _row(values, "working_capital_share", 0.0) * revenue
    wc_change = np.diff(working_capital, axis=0, prepend=0.0)
    free_cash_flow = ebitda - tax - capex_flow + grant_flow - wc_change
    terminal = np.zeros_like(free_cash_flow)
    growth = values.get("terminal_growth")
    if growth is None:
        terminal[-1] = working_capital[-1]  # no going concern: working capital is released at the end
    else:
        growth_row = _row(values, "terminal_growth", 0.0)[0]
        rate = _row(values, "discount_rate", 0.0)[0]
        if np.any(rate <= growth_row):
            raise bad_input("terminal_growth", "error.plant.terminal_growth")
        terminal[-1] = free_cash_flow[-1] * (1 + growth_row) / (rate - growth_row)
    shape = free_cash_flow.shape
    return {
        "units": np.broadcast_to(units, shape),
        "revenue": np.broadcast_to(revenue, shape),
        "ebitda": np.broadcast_to(ebitda, shape),
        "depreciation": np.broadcast_to(depreciation, shape),
        "tax": tax,
        "capex": np.broadcast_to(capex_flow, shape),
        "grant": np.broadcast_to(grant_flow, shape),
        "working_capital_change": np.broadcast_to(wc_change, shape),
        "free_cash_flow": free_cash_flow,
        "terminal_value": terminal,
    }


def cash_flow_components(
    inputs: PlantInputs, overrides: dict[str, np.ndarray] | None = None
) -> dict[str, np.ndarray]:
    """Every yearly line, shape (draws, years); `overrides` replace scalar inputs by arrays of draws."""
    return {name: lines.T for name, lines in _components_by_year(inputs, overrides).items()}


def _horner(by_year: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Σ cf_t x^t for year-major flows (years, draws): H contiguous vector steps."""
    total = by_year[-1].copy()
    for year in range(by_year.shape[0] - 2, -1, -1):
        total *= x
        total += by_year[year]
    return total


def present_value_factor_sum(cash_flows: np.ndarray, rate: np.ndarray) -> np.ndarray:
    """Σ cf_t / (1+r)^t by Horner's rule: H vector steps instead of an (n, H) power table."""
    return _horner(np.ascontiguousarray(cash_flows.T), 1.0 / (1.0 + rate))


def npv(cash_flows: np.ndarray, rate: np.ndarray | float) -> np.ndarray:
    cash_flows = np.atleast_2d(np.asarray(cash_flows, dtype=float))
    return present_value_factor_sum(
        cash_flows, np.broadcast_to(np.asarray(rate, dtype=float), cash_flows.shape[:1])
    )


def _value_and_slope(by_year: np.ndarray, rate: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """NPV(r) and dNPV/dr by Horner's rule on x = 1/(1+r): p(x) = Σ cf_t x^t, dNPV/dr = -x² p'(x)."""
    x = 1.0 / (1.0 + rate)
    value = by_year[-1].copy()
    slope = np.zeros_like(value)
    for year in range(by_year.shape[0] - 2, -1, -1):
        slope *= x
        slope += value
        value *= x
        value += by_year[year]
    return value, -slope * x * x


def irr(cash_flows: np.ndarray, guess: float = 0.1) -> np.ndarray:
    """IRR per row on [-99%, 1000%]: Newton steps kept inside a bisection bracket (falls back to bisecting
    when a step leaves it), so it converges like Newton and never diverges. NaN where NPV does not change
    sign over the range; with several sign changes, one root inside the range is returned."""
    cash_flows = np.atleast_2d(np.asarray(cash_flows, dtype=float))
    return _irr_by_year(np.ascontiguousarray(cash_flows.T), guess)


def _irr_by_year(by_year: np.ndarray, guess: float) -> np.ndarray:
    rows = by_year.shape[1]
    low, high = np.full(rows, IRR_LOW), np.full(rows, IRR_HIGH)
    value_low = _horner(by_year, 1.0 / (1.0 + low))
    value_high = _horner(by_year, 1.0 / (1.0 + high))
    defined = (value_low > 0) != (value_high > 0)
    rate = np.full(rows, np.nan)
    # iterate on the rows still moving only: most converge in a few steps, a few (steep, loss-making
    # cases) take many, and carrying the converged ones along would multiply the work
    active = np.flatnonzero(defined)
    flows, current = by_year[:, active], np.full(active.size, guess)
    low, high, value_low = low[active], high[active], value_low[active]
    for _ in range(IRR_ITERATIONS):
        if active.size == 0:
            break
        value, slope = _value_and_slope(flows, current)
        same_side = (value > 0) == (value_low > 0)
        low = np.where(same_side, current, low)
        value_low = np.where(same_side, value, value_low)
        high = np.where(same_side, high, current)
        with np.errstate(divide="ignore", invalid="ignore"):
            newton = current - value / slope
        # at the root a Newton step may land an ulp outside the bracket: a tiny step means converged
        converged = np.abs(newton - current) <= 1e-12 * np.maximum(1.0, np.abs(current))
        rate[active[converged]] = current[converged]
        inside = (newton > low) & (newton < high)
        moving = ~converged
        current = np.where(inside, newton, 0.5 * (low + high))[moving]
        active, flows = active[moving], flows[:, moving]
        low, high, value_low = low[moving], high[moving], value_low[moving]
    rate[active] = current  # not converged within IRR_ITERATIONS: the best estimate so far
    return np.where(defined, rate, np.nan)


def payback_years(cash_flows: np.ndarray) -> np.ndarray:
    """Years from the start until cumulative cash turns non-negative for good, interpolated; NaN if never."""
    cash_flows = np.atleast_2d(np.asarray(cash_flows, dtype=float))
    cumulative = np.cumsum(cash_flows, axis=1)
    negative = cumulative < 0
    any_negative = negative.any(axis=1)
    last_negative = cash_flows.shape[1] - 1 - np.argmax(negative[:, ::-1], axis=1)
    recovered = any_negative & (last_negative < cash_flows.shape[1] - 1)
    next_year = np.minimum(last_negative + 1, cash_flows.shape[1] - 1)
    rows = np.arange(cash_flows.shape[0])
    shortfall = -cumulative[rows, last_negative]
    inflow = cash_flows[rows, next_year]
    with np.errstate(divide="ignore", invalid="ignore"):
        result = last_negative + shortfall / inflow
    # a project that never goes negative pays back at once
    return np.where(recovered, result, np.where(any_negative, np.nan, 0.0))


def _evaluate_chunk(inputs: PlantInputs, overrides: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    parts = _components_by_year(inputs, overrides)
    with_terminal = parts["free_cash_flow"] + parts["terminal_value"]
    rate = _row({"discount_rate": inputs.discount_rate, **overrides}, "discount_rate", 0.0)[0]
    return {
        "npv": _horner(with_terminal, 1.0 / (1.0 + np.broadcast_to(rate, with_terminal.shape[1]))),
        "irr": _irr_by_year(with_terminal, guess=float(inputs.discount_rate)),
        "payback_years": payback_years(parts["free_cash_flow"].T),
    }


def evaluate_arrays(
    inputs: PlantInputs, overrides: dict[str, np.ndarray] | None = None
) -> dict[str, np.ndarray]:
    """NPV, IRR and payback per draw. Draws are processed in chunks: small temporaries stay in cache and
    are reused by the allocator, where one pass over 100,000 x 20 arrays spends its time in page faults."""
    overrides = {
        name: np.asarray(values, dtype=float).reshape(-1) for name, values in (overrides or {}).items()
    }
    draws = max((values.shape[0] for values in overrides.values()), default=1)
    if draws <= CHUNK_DRAWS:
        return _evaluate_chunk(inputs, overrides)
    pieces = [
        _evaluate_chunk(
            inputs, {name: values[start : start + CHUNK_DRAWS] for name, values in overrides.items()}
        )
        for start in range(0, draws, CHUNK_DRAWS)
    ]
    return {key: np.concatenate([piece[key] for piece in pieces]) for key in pieces[0]}


def evaluate_plant(inputs: PlantInputs) -> PlantResult:
    parts = cash_flow_components(inputs)
    metrics = evaluate_arrays(inputs)
    years = tuple(
        {"year": float(year), **{name: float(values[0, year]) for name, values in parts.items()}}
        for year in range(inputs.horizon_years)
    )
    irr_value = float(metrics["irr"][0])
    payback = float(metrics["payback_years"][0])
    return PlantResult(
        inputs=inputs,
        years=years,
        npv=float(metrics["npv"][0]),
        irr=None if math.isnan(irr_value) else irr_value,
        payback_years=None if math.isnan(payback) else payback,
    )


def values_missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def plant_inputs_from_dict(raw: dict[str, Any], prefix: str = "plant") -> PlantInputs:
    known = {f.name for f in fields(PlantInputs)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise bad_input(f"{prefix}.{unknown[0]}", "error.unknown_field", known=", ".join(sorted(known)))
    missing = [
        f.name for f in fields(PlantInputs) if f.default is MISSING and values_missing(raw.get(f.name))
    ]
    if missing:
        raise bad_input(f"{prefix}.{missing[0]}", "error.required")
    values = {
        name: value for name, value in raw.items() if not (values_missing(value) and name != "currency")
    }
    for name, value in values.items():
        values[name] = _coerced(name, value, prefix)
    return PlantInputs(**values)


def _coerced(name: str, value: Any, prefix: str) -> Any:
    """One plant input in its type; a bad value names its own field (never a Python message)."""
    try:
        if name in ("capex_phasing", "ramp_up"):
            if isinstance(value, str) or not isinstance(value, list | tuple):
                raise ValueError
            return tuple(float(v) for v in value)
        if name in ("horizon_years", "first_production_year", "depreciation_years"):
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            return int(value)
        if name in RANGEABLE:
            if isinstance(value, bool):
                raise ValueError
            return float(value)
    except (TypeError, ValueError, OverflowError):
        raise bad_input(f"{prefix}.{name}", "error.not_a_number", value=repr(value)) from None
    return value
