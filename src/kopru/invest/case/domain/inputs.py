"""The calculator's inputs: one canonical JSON shape shared by the form, the API and saved cases.

`parse_inputs(raw)` turns that JSON into typed `CaseInputs` or raises `InputError` naming the field
(`product`, `fx.rates.USD`, `plant.capacity_units_per_year`, `ranges.capex`…) with the engine's own
messages, so the form, the API and the CLI say the same thing about the same mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kopru.invest.economics.errors import bad_input
from kopru.invest.economics.fx import ExchangeRates, validate_currency
from kopru.invest.economics.incentives import CAPACITY_UNITS, SCHEME_TYPES
from kopru.invest.economics.montecarlo import MAX_SEED, Range, ranges_from_dict
from kopru.invest.economics.sources import parse_date

# A web request or API call evaluates at most this many draws (the engine allows more, for the CLI).
MAX_DRAWS = 100_000
DEFAULT_DRAWS = 10_000
# The plant inputs that may be left out and then come from the incentive estimate.
FROM_INCENTIVES = ("tax_reduction_rate", "investment_contribution_rate")


@dataclass(frozen=True)
class Component:
    product: str
    made_in: str
    value: float


@dataclass(frozen=True)
class IncentiveRequest:
    province: str
    scheme_type: str
    date: dt.date
    in_oiz: bool = False
    capacity: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class CaseInputs:
    product: str
    made_in: str
    destinations: tuple[str, ...]
    date: dt.date
    producer: str | None = None
    model: str | None = None
    local_value_share: float | None = None
    incentive_certificate: bool = False
    currency: str = "EUR"
    ex_works: float | None = None
    ex_works_currency: str = "EUR"
    freight_origin: float = 0.0
    freight_tr: float = 0.0
    insurance_origin: float = 0.0
    insurance_tr: float = 0.0
    freight_by_destination: dict[str, tuple[float, float]] = field(default_factory=dict)
    area_m2_per_unit: float | None = None
    component: Component | None = None
    fx: ExchangeRates | None = None
    incentives: IncentiveRequest | None = None
    plant_raw: dict[str, Any] | None = None
    ranges: dict[str, Range] = field(default_factory=dict)
    draws: int = DEFAULT_DRAWS
    seed: int = 1


def _text(raw: dict[str, Any], name: str, required: bool = False) -> str | None:
    value = raw.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise bad_input(name, "error.required")
        return None
    if not isinstance(value, str | int | float):
        raise bad_input(name, "error.not_text", value=repr(value))
    return str(value).strip()


def _number(value: Any, name: str, *, required: bool = False, minimum: float | None = 0.0) -> float | None:
    if value is None or value == "":
        if required:
            raise bad_input(name, "error.required")
        return None
    if isinstance(value, bool):
        raise bad_input(name, "error.not_a_number", value=repr(value))
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise bad_input(name, "error.not_a_number", value=repr(value)) from error
    if number != number or number in (float("inf"), float("-inf")):
        raise bad_input(name, "error.not_finite")
    if minimum is not None and number < minimum:
        raise bad_input(name, "error.not_negative", value=f"{number:g}")
    return number


def _integer(value: Any, name: str, default: int) -> int:
    if value is None or value == "":
        return default
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise bad_input(name, "error.not_an_integer", value=repr(value))
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise bad_input(name, "error.not_an_integer", value=repr(value)) from error


def _bool(value: Any, name: str) -> bool:
    if value in (None, ""):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in (
        "true",
        "1",
        "yes",
        "on",
        "false",
        "0",
        "no",
        "off",
    ):
        return value.strip().lower() in ("true", "1", "yes", "on")
    raise bad_input(name, "error.not_true_false", value=repr(value))


def _country(value: Any, name: str) -> str:
    text = str(value or "").strip().upper()
    if not text:
        raise bad_input(name, "error.required")
    return text


def _destinations(raw: Any) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = [part for part in raw.replace(",", " ").split() if part]
    if not raw:
        raise bad_input("destinations", "error.choose_destination")
    if not isinstance(raw, list | tuple):
        raise bad_input("destinations", "error.not_country_list", value=repr(raw))
    return tuple(dict.fromkeys(_country(item, "destinations") for item in raw))


def _freight_table(raw: Any) -> dict[str, tuple[float, float]]:
    """{"DE": [from origin, from TR]} per destination, overriding the default freight."""
    table: dict[str, tuple[float, float]] = {}
    if not raw:
        return table
    if not isinstance(raw, dict):
        raise bad_input(
            "freight_by_destination", "error.expected_shape", shape="{destination: [from origin, from TR]}"
        )
    for code, pair in raw.items():
        name = f"freight_by_destination.{code}"
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise bad_input(name, "error.freight_pair")
        table[_country(code, name)] = (
            _number(pair[0], name, required=True),
            _number(pair[1], name, required=True),
        )
    return table


def parse_fx(raw: Any) -> ExchangeRates | None:
    """{base, as_of, rates, source} → ExchangeRates; no rates → None (a conversion then names `fx`)."""

    if not raw:
        return None
    if not isinstance(raw, dict):
        raise bad_input("fx", "error.expected_shape", shape="{base, as_of, rates}")
    rates_raw = raw.get("rates") or {}
    if not isinstance(rates_raw, dict):
        raise bad_input("fx.rates", "error.expected_shape", shape="{CURRENCY: rate}")
    if not rates_raw:
        return None
    base = validate_currency(str(raw.get("base") or ""), "fx.base")
    if not raw.get("as_of"):
        raise bad_input("fx.as_of", "error.fx_as_of")
    as_of = parse_date(raw.get("as_of"), "fx.as_of")
    rates = {}
    for code, rate in rates_raw.items():
        currency = validate_currency(str(code), f"fx.rates.{code}")
        rates[currency] = _number(rate, f"fx.rates.{currency}", required=True, minimum=None)
    return ExchangeRates(base=base, as_of=as_of, rates=rates, source=str(raw.get("source") or "input"))


def _incentives(raw: Any, default_date: dt.date) -> IncentiveRequest | None:
    if not raw:
        return None
    if not isinstance(raw, dict):
        raise bad_input(
            "incentives", "error.expected_shape", shape="{province, scheme_type, date, in_oiz, capacity}"
        )
    province = _text(raw, "province")
    if not province:
        return None
    scheme_type = str(raw.get("scheme_type") or "large_scale")
    if scheme_type not in SCHEME_TYPES:
        raise bad_input(
            "incentives.scheme_type",
            "error.use_one_of",
            value=repr(scheme_type),
            choices=", ".join(SCHEME_TYPES),
        )
    on = parse_date(raw["date"], "incentives.date") if raw.get("date") else default_date
    capacity = {}
    for unit, value in (raw.get("capacity") or {}).items():
        if unit not in CAPACITY_UNITS:
            raise bad_input(
                f"incentives.capacity.{unit}",
                "error.unknown_capacity_unit",
                choices=", ".join(CAPACITY_UNITS),
            )
        number = _number(value, f"incentives.capacity.{unit}")
        if number is not None:
            capacity[unit] = number
    return IncentiveRequest(
        province, scheme_type, on, _bool(raw.get("in_oiz"), "incentives.in_oiz"), capacity
    )


def _component(comp: Any) -> Component | None:
    """An imported component of the Turkish plant (e.g. Chinese cells), or None when none is given."""
    if not isinstance(comp, dict):
        raise bad_input("component", "error.expected_shape", shape="{product, made_in, value}")
    if not (comp.get("product") or comp.get("value") not in (None, "")):
        return None
    return Component(
        product=_text(comp, "product") or _missing("component.product"),
        made_in=_country(comp.get("made_in") or "CN", "component.made_in"),
        value=_number(comp.get("value"), "component.value", required=True),
    )


def _plant_raw(plant_raw: Any) -> dict[str, Any] | None:
    """The plant inputs as given, less the rates left for the incentive estimate. The plant section is
    checked when it is evaluated, on its own, so a plant mistake never hides the landed costs that do not
    depend on it."""
    if plant_raw is None:
        return None
    if not isinstance(plant_raw, dict):
        raise bad_input("plant", "error.not_plant_inputs")
    return {k: v for k, v in plant_raw.items() if not (k in FROM_INCENTIVES and v in (None, ""))}


def parse_inputs(raw: dict[str, Any]) -> CaseInputs:
    """Validate the canonical JSON; the first problem raises `InputError(field, message)`."""
    if not isinstance(raw, dict):
        raise bad_input("inputs", "error.not_an_object")
    on = parse_date(raw.get("date"), "date") if raw.get("date") else None
    if on is None:
        raise bad_input("date", "error.required_date")
    share = _number(raw.get("local_value_share"), "local_value_share")
    if share is not None and share > 1:
        raise bad_input("local_value_share", "error.share_outside", value=f"{share:g}")
    currency = validate_currency(str(raw.get("currency") or "EUR"), "currency")
    component = _component(raw.get("component") or {})
    plant_raw = _plant_raw(raw.get("plant") or None)
    incentives = _incentives(raw.get("incentives"), on)
    ranges = ranges_from_dict(raw.get("ranges") or {})
    destinations = _destinations(raw.get("destinations"))
    freight_table = _freight_table(raw.get("freight_by_destination"))
    draws = _integer(raw.get("draws"), "draws", DEFAULT_DRAWS)
    if not 0 <= draws <= MAX_DRAWS:
        raise bad_input("draws", "error.draws_here", maximum=MAX_DRAWS, value=f"{draws}")
    return CaseInputs(
        product=_text(raw, "product", required=True),
        made_in=_country(raw.get("made_in"), "made_in"),
        destinations=destinations,
        date=on,
        producer=_text(raw, "producer"),
        model=_text(raw, "model"),
        local_value_share=share,
        incentive_certificate=_bool(raw.get("incentive_certificate"), "incentive_certificate"),
        currency=currency,
        ex_works=_number(raw.get("ex_works"), "ex_works"),
        ex_works_currency=validate_currency(
            str(raw.get("ex_works_currency") or currency), "ex_works_currency"
        ),
        freight_origin=_number(raw.get("freight_origin"), "freight_origin") or 0.0,
        freight_tr=_number(raw.get("freight_tr"), "freight_tr") or 0.0,
        insurance_origin=_number(raw.get("insurance_origin"), "insurance_origin") or 0.0,
        insurance_tr=_number(raw.get("insurance_tr"), "insurance_tr") or 0.0,
        freight_by_destination=freight_table,
        area_m2_per_unit=_positive_or_none(raw.get("area_m2_per_unit")),
        component=component,
        fx=parse_fx(raw.get("fx")),
        incentives=incentives,
        plant_raw=plant_raw,
        ranges=ranges,
        draws=draws,
        seed=_seed(raw.get("seed")),
    )


def _seed(value: Any) -> int:
    seed = _integer(value, "seed", 1)
    if not 0 <= seed <= MAX_SEED:
        raise bad_input("seed", "error.seed", maximum=MAX_SEED, value=f"{seed}")
    return seed


def _missing(name: str) -> str:
    raise bad_input(name, "error.required")


def _positive_or_none(value: Any) -> float | None:
    number = _number(value, "area_m2_per_unit")
    if number is not None and number <= 0:
        raise bad_input("area_m2_per_unit", "error.not_positive")
    return number
