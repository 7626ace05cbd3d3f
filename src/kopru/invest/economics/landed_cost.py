"""Landed cost per unit: ex-works + freight + insurance + every duty, each amount linked to its rule.

Duties are levied on the customs value (CIF at the border: ex-works + freight + insurance). A `minimum`
specific part is a floor (max of the ad valorem amount and N per unit); an `additional` one is added,
per unit or per m² (then `area_m2_per_unit` is required). Türkiye's duties on imported components of a
product made in Türkiye are added as their own lines (`component_duties`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kopru.invest.economics.errors import bad_input
from kopru.invest.economics.explanations import Explanation, explain
from kopru.invest.economics.fx import ExchangeRates, Money
from kopru.invest.economics.market_access import MarketAccessResult


@dataclass(frozen=True)
class CostLine:
    label: str
    amount: Money
    row_id: str | None = None
    reference: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            **self.amount.to_dict(),
            "row_id": self.row_id,
            "reference": self.reference,
            "source": self.source,
        }


@dataclass(frozen=True)
class LandedCost:
    currency: str
    customs_value: float
    lines: tuple[CostLine, ...]
    fx: ExchangeRates | None = None
    notes: tuple[Explanation, ...] = field(default_factory=tuple)

    @property
    def total(self) -> float:
        return sum(line.amount.amount for line in self.lines)

    @property
    def duties_total(self) -> float:
        return sum(line.amount.amount for line in self.lines if line.row_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "currency": self.currency,
            "customs_value": round(self.customs_value, 2),
            "duties_total": round(self.duties_total, 2),
            "landed_cost": round(self.total, 2),
            "lines": [line.to_dict() for line in self.lines],
            "fx": self.fx.to_dict() if self.fx else None,
            "notes": [note.to_dict() for note in self.notes],
        }


def _non_negative(money: Money, field_name: str) -> None:
    if money.amount < 0:
        raise bad_input(field_name, "error.not_negative", value=f"{money.amount}")


def _converter(fx: ExchangeRates | None, currency: str):
    """money → money in `currency`, naming what the conversion was for when a rate is missing."""

    def to_ccy(money: Money, purpose: str) -> Money:
        if money.currency == currency:
            return money
        if fx is None:
            raise bad_input(
                "fx", "error.no_fx_rates", source=money.currency, target=currency, purpose=purpose
            )
        return fx.convert(money, currency, purpose)

    return to_ccy


def _duty_amount(duty, customs_value: float, to_ccy, area_m2_per_unit, notes: list[Explanation]) -> float:
    """One duty line per unit: the ad valorem part, plus (or at least) its specific part."""
    amount = duty.rate * customs_value
    if duty.specific is None:
        return amount
    per_unit = to_ccy(Money(duty.specific.per_unit, duty.specific.currency), f"{duty.ref.row_id} specific")
    quantity = 1.0
    if duty.specific.unit == "m2":
        if area_m2_per_unit is None or area_m2_per_unit <= 0:
            raise bad_input("area_m2_per_unit", "error.levied_per_m2", row=duty.ref.row_id)
        quantity = area_m2_per_unit
    specific_amount = per_unit.amount * quantity
    if duty.specific.basis != "minimum":
        return amount + specific_amount
    if specific_amount > amount:
        notes.append(
            explain(
                "cost.minimum_applies",
                row=duty.ref.row_id,
                per_unit=duty.specific.per_unit,
                currency=duty.specific.currency,
            )
        )
    return max(amount, specific_amount)


def _component_lines(component_duties, fx, currency: str) -> list[CostLine]:
    """The duties on imported components (e.g. Chinese cells in a Turkish plant), labelled by component."""
    lines = []
    for component, value in component_duties:
        component_cost = landed_cost(component, value, Money(0.0, value.currency), fx=fx, currency=currency)
        for line in component_cost.lines:
            if line.row_id:
                label = f"component:{component.product.key or component.product.hs}:{line.label}"
                lines.append(CostLine(label, line.amount, line.row_id, line.reference, line.source))
    return lines


def landed_cost(
    access: MarketAccessResult,
    ex_works: Money,
    freight: Money,
    insurance: Money | None = None,
    fx: ExchangeRates | None = None,
    currency: str | None = None,
    area_m2_per_unit: float | None = None,
    component_duties: tuple[tuple[MarketAccessResult, Money], ...] = (),
) -> LandedCost:
    """Landed cost of one unit in `currency` (default: the ex-works currency).

    Stages: the customs value (CIF) in the result currency; each duty on it; the components' duties."""
    currency = currency or ex_works.currency
    for money, name in ((ex_works, "ex_works"), (freight, "freight")):
        _non_negative(money, name)
    insurance = insurance or Money(0.0, currency)
    _non_negative(insurance, "insurance")
    to_ccy = _converter(fx, currency)
    lines = [
        CostLine("ex_works", to_ccy(ex_works, "ex_works")),
        CostLine("freight", to_ccy(freight, "freight")),
        CostLine("insurance", to_ccy(insurance, "insurance")),
    ]
    customs_value = sum(line.amount.amount for line in lines)
    notes: list[Explanation] = []
    for duty in access.duties:
        amount = _duty_amount(duty, customs_value, to_ccy, area_m2_per_unit, notes)
        lines.append(
            CostLine(
                f"duty:{duty.kind}",
                Money(amount, currency),
                duty.ref.row_id,
                duty.ref.reference,
                duty.ref.source,
            )
        )
    lines.extend(_component_lines(component_duties, fx, currency))
    return LandedCost(currency, customs_value, tuple(lines), fx, tuple(notes))
