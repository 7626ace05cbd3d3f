"""The Monte Carlo NPV draws themselves (for a histogram), sampled exactly as `run_monte_carlo` does.

`run_monte_carlo` returns percentiles only; a chart of the distribution needs the draws. Same seed,
same ranges → the same draws as `run_monte_carlo`, so the histogram and the P10/P50/P90 agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from kopru.invest.economics.montecarlo import Range, sample_ranges
from kopru.invest.economics.plant import PlantInputs, evaluate_arrays


def npv_draws(inputs: PlantInputs, ranges: dict[str, Range], draws: int, seed: int) -> np.ndarray:
    return evaluate_arrays(inputs, sample_ranges(ranges, draws, seed))["npv"]


@dataclass(frozen=True)
class Histogram:
    edges: tuple[float, ...]
    counts: tuple[int, ...]
    currency: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "edges": [round(e, 2) for e in self.edges],
            "counts": list(self.counts),
            "currency": self.currency,
        }


def npv_histogram(values: np.ndarray, currency: str, bins: int = 30) -> Histogram:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return Histogram((), (), currency)
    counts, edges = np.histogram(finite, bins=bins)
    return Histogram(tuple(float(e) for e in edges), tuple(int(c) for c in counts), currency)
