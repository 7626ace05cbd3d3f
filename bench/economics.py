"""Benchmark: Monte Carlo of a 20-year plant model, numpy (vectorised) vs a plain-Python loop.

    PYTHONPATH=src .venv/bin/python bench/economics.py [--draws 100000] [--python-draws 2000] [--seed 1]

Both implementations compute the same model (cash flows, tax with loss carry-forward and the incentive
cap, working capital, NPV, IRR by safeguarded Newton, payback) and are checked against each other on the
draws the Python loop runs. The Python loop runs a subset (it is slow); its time for the full draw count
is extrapolated linearly and marked as such. Claim: 100,000 draws <= 1 s. Two loop baselines: the same
algorithm (Horner + safeguarded Newton) and the textbook one (powers + bisection); both ratios are printed.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from kopru.invest.economics.montecarlo import Range
from kopru.invest.economics.plant import IRR_HIGH, IRR_ITERATIONS, IRR_LOW, PlantInputs, evaluate_arrays

INPUTS = PlantInputs(
    currency="USD",
    horizon_years=20,
    discount_rate=0.10,
    capex=1.0e9,
    capex_phasing=(0.20, 0.45, 0.35),
    first_production_year=3,
    ramp_up=(0.35, 0.65, 0.85, 1.0),
    capacity_units_per_year=150000.0,
    price_per_unit=24000.0,
    variable_cost_per_unit=20500.0,
    fixed_cost_per_year=1.2e8,
    corporate_tax_rate=0.25,
    depreciation_years=10,
    working_capital_share=0.10,
    tax_reduction_rate=0.60,
    investment_contribution_rate=0.35,
    price_escalation=0.02,
    cost_escalation=0.02,
)
RANGES = {
    "capacity_units_per_year": Range("triangular", 110000.0, 150000.0, 150000.0),
    "capex": Range("triangular", 0.9e9, 1.3e9, 1.0e9),
    "discount_rate": Range("uniform", 0.08, 0.13),
    "fixed_cost_per_year": Range("uniform", 0.9e8, 1.6e8),
    "price_per_unit": Range("triangular", 22000.0, 26000.0, 24000.0),
    "variable_cost_per_unit": Range("triangular", 19000.0, 22500.0, 20500.0),
}


def python_plant(p: PlantInputs, v: dict[str, float], bisection: bool = False) -> tuple[float, float, float]:
    """The same model, one draw at a time, with Python floats and lists only (the baseline)."""
    horizon, start = p.horizon_years, p.first_production_year
    phasing = list(p.capex_phasing) + [0.0] * (horizon - len(p.capex_phasing))
    depreciation = [0.0] * horizon
    for spend_year, share in enumerate(p.capex_phasing):
        first = max(spend_year, start)
        for year in range(first, min(first + p.depreciation_years, horizon)):
            depreciation[year] += v["capex"] * share / p.depreciation_years
    loss_pool, contribution_left, previous_wc = 0.0, v["investment_contribution_rate"] * v["capex"], 0.0
    flows, revenue_last, wc_last = [], 0.0, 0.0
    for year in range(horizon):
        utilisation = p.ramp_up[min(year - start, len(p.ramp_up) - 1)] if year >= start else 0.0
        units = v["capacity_units_per_year"] * utilisation
        grown = max(year - start, 0)
        revenue = units * v["price_per_unit"] * (1 + v["price_escalation"]) ** grown
        cost = units * v["variable_cost_per_unit"] * (1 + v["cost_escalation"]) ** grown
        ebitda = revenue - cost - (v["fixed_cost_per_year"] if year >= start else 0.0)
        profit = ebitda - depreciation[year]
        used = min(loss_pool, max(profit, 0.0))
        loss_pool = loss_pool - used + max(-profit, 0.0)
        regular = max(profit - used, 0.0) * v["corporate_tax_rate"]
        saving = min(regular * v["tax_reduction_rate"], contribution_left)
        contribution_left -= saving
        wc = v["working_capital_share"] * revenue
        flow = (
            ebitda
            - (regular - saving)
            - v["capex"] * phasing[year]
            + v["grant"] * phasing[year]
            - (wc - previous_wc)
        )
        previous_wc = wc
        flows.append(flow)
        revenue_last, wc_last = revenue, wc
    del revenue_last
    with_terminal = [*flows[:-1], flows[-1] + wc_last]

    def present_value(rate: float) -> float:
        return sum(cf / (1 + rate) ** t for t, cf in enumerate(with_terminal))

    npv = present_value(v["discount_rate"])
    irr = python_irr_bisection(with_terminal) if bisection else python_irr(with_terminal, p.discount_rate)
    cumulative, payback = 0.0, math.nan
    for t, cf in enumerate(flows):
        previous = cumulative
        cumulative += cf
        if previous < 0 <= cumulative:
            payback = t - 1 + (-previous / cf)
        elif cumulative < 0:
            payback = math.nan
    return npv, irr, payback


def python_irr(flows: list[float], guess: float) -> float:
    """Same safeguarded Newton as the numpy version, one draw at a time."""

    def value_and_slope(rate: float) -> tuple[float, float]:
        x = 1.0 / (1.0 + rate)
        value, slope = flows[-1], 0.0
        for cf in reversed(flows[:-1]):
            slope = slope * x + value
            value = value * x + cf
        return value, -slope * x * x

    low, high = IRR_LOW, IRR_HIGH
    value_low, value_high = value_and_slope(low)[0], value_and_slope(high)[0]
    if (value_low > 0) == (value_high > 0):
        return math.nan
    rate = guess
    for _ in range(IRR_ITERATIONS):
        value, slope = value_and_slope(rate)
        if (value > 0) == (value_low > 0):
            low, value_low = rate, value
        else:
            high = rate
        newton = rate - value / slope if slope else math.nan
        if abs(newton - rate) <= 1e-12 * max(1.0, abs(rate)):
            break
        rate = newton if low < newton < high else 0.5 * (low + high)
    return rate


def python_irr_bisection(flows: list[float], iterations: int = 64) -> float:
    """The textbook loop: bisection on NPV(r) with (1+r)^t powers (second, slower baseline)."""

    def present_value(rate: float) -> float:
        return sum(cf / (1 + rate) ** t for t, cf in enumerate(flows))

    low, high = IRR_LOW, IRR_HIGH
    value_low = present_value(low)
    if (value_low > 0) == (present_value(high) > 0):
        return math.nan
    for _ in range(iterations):
        middle = (low + high) / 2
        value_middle = present_value(middle)
        if (value_middle > 0) == (value_low > 0):
            low, value_low = middle, value_middle
        else:
            high = middle
    return (low + high) / 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--python-draws", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    rng = np.random.default_rng(args.seed)
    samples = {name: RANGES[name].sample(rng, args.draws) for name in sorted(RANGES)}

    numpy_times = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        metrics = evaluate_arrays(INPUTS, samples)
        numpy_times.append(time.perf_counter() - started)
    numpy_best = min(numpy_times)

    base = {
        name: float(getattr(INPUTS, name) or 0.0)
        for name in (
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
        )
    }
    count = min(args.python_draws, args.draws)

    def draw(i: int) -> dict[str, float]:
        return {**base, **{name: float(values[i]) for name, values in samples.items()}}

    started = time.perf_counter()
    python_results = [python_plant(INPUTS, draw(i)) for i in range(count)]
    python_time = time.perf_counter() - started
    python_full = python_time / count * args.draws
    bisection_count = max(count // 4, 1)
    started = time.perf_counter()
    bisection_results = [python_plant(INPUTS, draw(i), bisection=True) for i in range(bisection_count)]
    bisection_time = time.perf_counter() - started
    bisection_full = bisection_time / bisection_count * args.draws

    def worst(values: list[float]) -> float:
        return max((v for v in values if not math.isnan(v)), default=0.0)

    npv_error = worst(
        [abs(r[0] - metrics["npv"][i]) / max(abs(r[0]), 1.0) for i, r in enumerate(python_results)]
    )
    irr_error = worst([abs(r[1] - metrics["irr"][i]) for i, r in enumerate(python_results)])
    irr_error = max(
        irr_error, worst([abs(r[1] - metrics["irr"][i]) for i, r in enumerate(bisection_results)])
    )
    payback_error = worst([abs(r[2] - metrics["payback_years"][i]) for i, r in enumerate(python_results)])

    print(f"Monte Carlo of a {INPUTS.horizon_years}-year plant model, {args.draws:,} draws, seed {args.seed}")
    print(f"{'implementation':<46}{'draws run':>10}{'seconds':>10}{'s per 100k':>12}{'numpy is':>10}")
    rows = [
        (f"numpy vectorised, Newton IRR (best of {args.repeats})", args.draws, numpy_best, numpy_best),
        ("plain-Python loop, same algorithm (extrap.)", count, python_time, python_full),
        ("plain-Python loop, bisection IRR (extrap.)", bisection_count, bisection_time, bisection_full),
    ]
    for label, run, seconds, full in rows:
        print(
            f"{label:<46}{run:>10,}{seconds:>10.3f}{full / args.draws * 1e5:>12.3f}{full / numpy_best:>9.0f}x"
        )
    print(
        f"agreement on {count:,} draws: max rel. NPV diff {npv_error:.2e}, max IRR diff {irr_error:.2e},"
        f" max payback diff {payback_error:.2e}"
    )
    within = numpy_best <= args.draws / 100_000
    print(
        f"claim <= 1 s per 100k draws: {'holds' if within else 'DOES NOT HOLD'};"
        f" speed-up vs same-algorithm loop {python_full / numpy_best:.0f}x (target 50x:"
        f" {'met' if python_full / numpy_best >= 50 else 'not met'}),"
        f" vs bisection loop {bisection_full / numpy_best:.0f}x"
    )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
