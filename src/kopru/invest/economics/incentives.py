"""What incentives a plant in a given province can expect under a scheme on a date.

The estimate is the rule table read for that date: rates by region where the decree gives them, `None`
with status `not_known` where it does not (never a guess), and "up to" capacity grants as ceilings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kopru.invest.economics.errors import bad_input
from kopru.invest.economics.explanations import Explanation, data_note, explain
from kopru.invest.economics.fx import Money
from kopru.invest.economics.rule_tables import Instrument, Province, Rules, Scheme

SCHEME_TYPES = ("large_scale", "regional", "strategic", "project_based", "hit30")
CAPACITY_UNITS = ("battery_mwh", "solar_cell_mw")
_TURKISH_FOLD = str.maketrans("İIıŞşĞğÜüÖöÇçÂâÎîÛû", "iiissgguuooccaaiiuu")


def fold_turkish(name: str) -> str:
    """`İzmir`, `izmir` and `IZMIR` all fold to `izmir` (Turkish dotted/dotless i and diacritics)."""
    return " ".join(name.translate(_TURKISH_FOLD).casefold().split())


@dataclass(frozen=True)
class IncentiveLine:
    instrument: str
    description: str
    rate: float | None
    value: bool | None
    amount: Money | None
    status: str
    notes: str
    row_id: str
    reference: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument,
            "description": self.description,
            "rate": self.rate,
            "value": self.value,
            "amount": self.amount.to_dict() if self.amount else None,
            "status": self.status,
            "notes": self.notes,
            "row_id": self.row_id,
            "reference": self.reference,
            "source": self.source,
        }


@dataclass(frozen=True)
class IncentiveEstimate:
    province: str
    region: int | None
    scheme_id: str
    scheme_type: str
    date: dt.date
    lines: tuple[IncentiveLine, ...]
    notes: tuple[Explanation, ...] = field(default_factory=tuple)

    def rate(self, instrument: str) -> float | None:
        return next((line.rate for line in self.lines if line.instrument == instrument), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "province": self.province,
            "region": self.region,
            "scheme": self.scheme_id,
            "scheme_type": self.scheme_type,
            "date": self.date.isoformat(),
            "lines": [line.to_dict() for line in self.lines],
            "notes": [note.to_dict() for note in self.notes],
        }


def find_province(rules: Rules, name: str) -> list[Province]:
    wanted = fold_turkish(name)
    found = [p for p in rules.provinces if fold_turkish(p.name) == wanted or p.plate == name.strip().zfill(2)]
    if not found:
        raise bad_input("province", "error.province", value=repr(name))
    return found


def _scheme_on(rules: Rules, scheme_type: str, on: dt.date) -> Scheme:
    candidates = [
        s
        for s in rules.schemes
        if s.ref.in_force(on) and any(scheme_type in i.scheme_types for i in s.instruments)
    ]
    if not candidates:
        raise bad_input("date", "error.no_scheme", scheme_type=scheme_type, date=f"{on}")
    return max(candidates, key=lambda s: s.ref.effective_from)


def _line(
    instrument: Instrument, rate: float | None, amount: Money | None, status: str, notes: str
) -> IncentiveLine:
    return IncentiveLine(
        instrument=instrument.instrument,
        description=instrument.description,
        rate=rate,
        value=instrument.value,
        amount=amount,
        status=status,
        notes=notes,
        row_id=instrument.id,
        reference=instrument.ref.reference,
        source=instrument.ref.source,
    )


def _check_request(scheme_type: str, capacity: dict[str, float], eligible_investment: Money | None) -> None:
    if scheme_type not in SCHEME_TYPES:
        raise bad_input(
            "scheme_type", "error.use_one_of", value=repr(scheme_type), choices=", ".join(SCHEME_TYPES)
        )
    for unit, value in capacity.items():
        if unit not in CAPACITY_UNITS:
            raise bad_input(
                f"capacity.{unit}", "error.unknown_capacity_unit", choices=", ".join(CAPACITY_UNITS)
            )
        if value < 0:
            raise bad_input(f"capacity.{unit}", "error.not_negative", value=f"{value}")
    if eligible_investment is not None and eligible_investment.amount < 0:
        raise bad_input("eligible_investment", "error.not_negative", value=f"{eligible_investment.amount}")


def _region(scheme, scheme_type: str, provinces, on: dt.date, notes: list[Explanation]) -> int | None:
    """The province's region under the scheme's classification (None where none is recorded)."""
    if scheme.regions_from:
        matching = [p for p in provinces if p.scheme == scheme.regions_from and p.ref.in_force(on)]
        if not matching:
            raise bad_input("date", "error.no_region_list", regions=f"{scheme.regions_from}", date=f"{on}")
        notes.append(
            explain(
                "incentives.region",
                province=matching[0].name,
                region=matching[0].region,
                row=matching[0].ref.row_id,
            )
        )
        return matching[0].region
    if scheme_type in ("large_scale", "regional"):
        notes.append(explain("incentives.regions_not_recorded", scheme=scheme.id))
    return None


def _instrument_line(instrument, region, eligible_investment: Money | None, capacity: dict) -> IncentiveLine:
    """One instrument's rate (by region where it varies) and amount (on the investment or the capacity)."""
    rate, amount, status = instrument.rate, None, instrument.status
    if instrument.by_region is not None:
        rate = instrument.by_region.get(region) if region is not None else None
        if rate is None:
            status = "not_known"
    if instrument.instrument == "investment_contribution_rate" and rate is not None and eligible_investment:
        amount = Money(rate * eligible_investment.amount, eligible_investment.currency)
    if instrument.per_capacity is not None:
        currency, per_unit = instrument.per_capacity
        installed = capacity.get(instrument.capacity_unit or "")
        amount = Money(per_unit * installed, currency) if installed is not None else None
    return _line(instrument, rate, amount, status, instrument.notes)


def estimate_incentives(
    rules: Rules,
    province: str,
    scheme_type: str,
    on: dt.date,
    in_oiz: bool = False,
    eligible_investment: Money | None = None,
    capacity: dict[str, float] | None = None,
) -> IncentiveEstimate:
    """Stages: check the request; find the province, the scheme in force and the region; a note on the
    programme threshold; one line per instrument that applies to the scheme type and the zone."""
    capacity = dict(capacity or {})
    _check_request(scheme_type, capacity, eligible_investment)
    provinces = find_province(rules, province)
    scheme = _scheme_on(rules, scheme_type, on)
    notes: list[Explanation] = [data_note(scheme.notes)] if scheme.notes else []
    region = _region(scheme, scheme_type, provinces, on, notes)
    if scheme.min_investment and eligible_investment is not None:
        currency, minimum = scheme.min_investment
        if eligible_investment.currency == currency and eligible_investment.amount < minimum:
            notes.append(
                explain("incentives.below_threshold", scheme=scheme.id, minimum=minimum, currency=currency)
            )
    lines = [
        _instrument_line(instrument, region, eligible_investment, capacity)
        for instrument in scheme.instruments
        if scheme_type in instrument.scheme_types
        and (instrument.in_oiz is None or instrument.in_oiz == in_oiz)
    ]
    return IncentiveEstimate(
        provinces[0].name, region, scheme.id, scheme_type, on, tuple(lines), tuple(notes)
    )
