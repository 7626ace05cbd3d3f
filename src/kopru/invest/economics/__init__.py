"""Investment-case engine: landed cost, origin risk, incentives and plant cash flows (framework-free).

Rules (tariffs, trade-defence measures, Türkiye's additional duties, incentives, regions) live as dated,
sourced YAML/CSV under `data/`; the functions here evaluate them for any date and return dataclasses
with `to_dict()`, every number carrying the row id, legal reference and source URL it came from.
"""

from kopru.invest.economics.errors import InputError
from kopru.invest.economics.incentives import estimate_incentives
from kopru.invest.economics.landed_cost import landed_cost
from kopru.invest.economics.market_access import assess_market_access
from kopru.invest.economics.montecarlo import run_monte_carlo
from kopru.invest.economics.plant import PlantInputs, evaluate_plant
from kopru.invest.economics.rule_tables import load_rules

__all__ = [
    "InputError",
    "PlantInputs",
    "assess_market_access",
    "estimate_incentives",
    "evaluate_plant",
    "landed_cost",
    "load_rules",
    "run_monte_carlo",
]
