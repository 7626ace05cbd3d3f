"""Monte Carlo over input ranges (seeded, vectorised) → P10/P50/P90, and a one-at-a-time tornado."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from kopru.invest.economics.errors import bad_input
from kopru.invest.economics.plant import RANGEABLE, PlantInputs, check_values, evaluate_arrays

DISTRIBUTIONS = ("triangular", "uniform")
MAX_DRAWS = 2_000_000


@dataclass(frozen=True)
class Range:
    """min/mode/max for a triangular distribution; uniform ignores `mode`."""

    distribution: str
    low: float
    high: float
    mode: float | None = None

    def validate(self, name: str) -> None:
        field = f"ranges.{name}"
        if name not in RANGEABLE:
            raise bad_input(field, "error.range.not_rangeable", choices=", ".join(RANGEABLE))
        if self.distribution not in DISTRIBUTIONS:
            raise bad_input(
                f"{field}.distribution",
                "error.use_one_of",
                value=repr(self.distribution),
                choices=", ".join(DISTRIBUTIONS),
            )
        if self.low > self.high:
            raise bad_input(field, "error.range.min_above_max", low=f"{self.low:g}", high=f"{self.high:g}")
        if self.distribution == "triangular":
            if self.mode is None:
                raise bad_input(f"{field}.mode", "error.range.needs_mode")
            if not self.low <= self.mode <= self.high:
                raise bad_input(
                    f"{field}.mode",
                    "error.range.mode_outside",
                    mode=f"{self.mode:g}",
                    low=f"{self.low:g}",
                    high=f"{self.high:g}",
                )
        check_values({name: [self.low, self.high]}, "ranges")

    def sample(self, rng: np.random.Generator, draws: int) -> np.ndarray:
        if self.low == self.high:
            return np.full(draws, self.low)
        if self.distribution == "uniform":
            return rng.uniform(self.low, self.high, draws)
        return rng.triangular(self.low, self.mode, self.high, draws)

    def to_dict(self) -> dict[str, Any]:
        return {"distribution": self.distribution, "min": self.low, "mode": self.mode, "max": self.high}


@dataclass(frozen=True)
class TornadoBar:
    parameter: str
    low_value: float
    high_value: float
    npv_at_low: float
    npv_at_high: float

    @property
    def swing(self) -> float:
        return abs(self.npv_at_high - self.npv_at_low)

    def to_dict(self) -> dict[str, Any]:
        return {
            "parameter": self.parameter,
            "low_value": self.low_value,
            "high_value": self.high_value,
            "npv_at_low": round(self.npv_at_low, 2),
            "npv_at_high": round(self.npv_at_high, 2),
            "swing": round(self.swing, 2),
        }


@dataclass(frozen=True)
class MonteCarloResult:
    draws: int
    seed: int
    currency: str
    percentiles: dict[str, dict[str, float | None]]
    probability_npv_negative: float
    irr_undefined_share: float
    tornado: tuple[TornadoBar, ...]
    base_npv: float
    ranges: dict[str, Range]

    def to_dict(self) -> dict[str, Any]:
        return {
            "draws": self.draws,
            "seed": self.seed,
            "currency": self.currency,
            "base_npv": round(self.base_npv, 2),
            "percentiles": self.percentiles,
            "probability_npv_negative": round(self.probability_npv_negative, 6),
            "irr_undefined_share": round(self.irr_undefined_share, 6),
            "tornado": [bar.to_dict() for bar in self.tornado],
            "ranges": {name: r.to_dict() for name, r in self.ranges.items()},
        }


def _percentiles(values: np.ndarray, digits: int) -> dict[str, float | None]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return {"p10": None, "p50": None, "p90": None}
    p10, p50, p90 = np.percentile(finite, [10, 50, 90])
    return {
        "p10": round(float(p10), digits),
        "p50": round(float(p50), digits),
        "p90": round(float(p90), digits),
    }


def tornado(inputs: PlantInputs, ranges: dict[str, Range]) -> tuple[TornadoBar, ...]:
    """NPV with one input at its min, then its max, all others at the base case; widest swing first."""
    names = list(ranges)
    if not names:
        return ()
    # both ends of every bar in one vectorised call: row 2k = parameter k at min, row 2k+1 at max
    overrides: dict[str, np.ndarray] = {}
    for index, name in enumerate(names):
        base_value = getattr(inputs, name)
        if base_value is None:
            raise bad_input(f"ranges.{name}", "error.range.no_base")
        column = np.full(2 * len(names), float(base_value))
        column[2 * index] = ranges[name].low
        column[2 * index + 1] = ranges[name].high
        overrides[name] = column
    npvs = evaluate_arrays(inputs, overrides)["npv"]
    bars = [
        TornadoBar(name, ranges[name].low, ranges[name].high, float(npvs[2 * i]), float(npvs[2 * i + 1]))
        for i, name in enumerate(names)
    ]
    return tuple(sorted(bars, key=lambda bar: (-bar.swing, bar.parameter)))


# numpy seeds are non-negative; 2**63 - 1 keeps a seed inside every integer column and JSON number
MAX_SEED = 2**63 - 1


def sample_ranges(ranges: dict[str, Range], draws: int, seed: int) -> dict[str, np.ndarray]:
    """`draws` values of each range, after checking the ranges and the number of draws."""
    if not 1 <= draws <= MAX_DRAWS:
        raise bad_input("draws", "error.within_got", low=1, high=MAX_DRAWS, value=f"{draws}")
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise bad_input("seed", "error.seed", maximum=MAX_SEED, value=repr(seed))
    for name, value_range in ranges.items():
        value_range.validate(name)
    rng = np.random.default_rng(seed)
    # sample in a fixed (sorted) order so that the same seed gives the same draws whatever the YAML order
    return {name: ranges[name].sample(rng, draws) for name in sorted(ranges)}


def run_monte_carlo(inputs: PlantInputs, ranges: dict[str, Range], draws: int, seed: int) -> MonteCarloResult:
    return monte_carlo_with_npvs(inputs, ranges, draws, seed)[0]


def monte_carlo_with_npvs(
    inputs: PlantInputs, ranges: dict[str, Range], draws: int, seed: int
) -> tuple[MonteCarloResult, np.ndarray]:
    """`run_monte_carlo` and the NPV of every draw, from one evaluation of the draws (a histogram needs
    them; evaluating the draws twice was half of the calculator page's time)."""
    metrics = evaluate_arrays(inputs, sample_ranges(ranges, draws, seed))
    base = evaluate_arrays(inputs)
    irr_values = metrics["irr"]
    summary = MonteCarloResult(
        draws=draws,
        seed=seed,
        currency=inputs.currency,
        percentiles={
            "npv": _percentiles(metrics["npv"], 2),
            "irr": _percentiles(irr_values, 6),
            "payback_years": _percentiles(metrics["payback_years"], 3),
        },
        probability_npv_negative=float(np.mean(metrics["npv"] < 0)),
        irr_undefined_share=float(np.mean(~np.isfinite(irr_values))),
        tornado=tornado(inputs, ranges),
        base_npv=float(base["npv"][0]),
        ranges=dict(ranges),
    )
    return summary, metrics["npv"]


def ranges_from_dict(raw: dict[str, Any]) -> dict[str, Range]:
    ranges = {}
    for name, spec in (raw or {}).items():
        if not isinstance(spec, dict):
            raise bad_input(f"ranges.{name}", "error.expected_shape", shape="{distribution, min, mode, max}")
        try:
            value_range = Range(
                distribution=str(spec.get("distribution", "triangular")),
                low=float(spec["min"]),
                high=float(spec["max"]),
                mode=None if spec.get("mode") is None else float(spec["mode"]),
            )
        except KeyError as error:
            raise bad_input(f"ranges.{name}.{error.args[0]}", "error.missing") from error
        except (TypeError, ValueError) as error:
            raise bad_input(f"ranges.{name}", "error.range.bad_number", text=f"{error}") from error
        value_range.validate(name)
        ranges[name] = value_range
    return ranges
