"""Money with an explicit currency, and exchange rates given as dated inputs (never fetched)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from kopru.invest.economics.errors import bad_input

_CURRENCY = re.compile(r"^[A-Z]{3}$")


def validate_currency(code: str, field_name: str) -> str:
    value = (code or "").strip().upper()
    if not _CURRENCY.match(value):
        raise bad_input(field_name, "error.currency_code", value=repr(code))
    return value


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str

    def to_dict(self) -> dict[str, Any]:
        return {"amount": round(self.amount, 2), "currency": self.currency}


@dataclass(frozen=True)
class ExchangeRates:
    """`rates[X]` = units of currency X for one unit of `base`, as published on `as_of`."""

    base: str
    as_of: dt.date
    rates: dict[str, float] = field(default_factory=dict)
    source: str = "input"

    def __post_init__(self) -> None:
        validate_currency(self.base, "fx.base")
        for code, rate in self.rates.items():
            validate_currency(code, f"fx.rates.{code}")
            if not rate > 0:
                raise bad_input(f"fx.rates.{code}", "error.rate_not_positive", value=f"{rate}")

    def convert(self, money: Money, to: str, purpose: str = "") -> Money:
        """Convert via the base currency; a currency without a rate is an error, never a silent 1.0."""
        if money.currency == to:
            return money
        in_base = (
            money.amount
            if money.currency == self.base
            else money.amount / self._rate(money.currency, purpose)
        )
        amount = in_base if to == self.base else in_base * self._rate(to, purpose)
        return Money(amount, to)

    def _rate(self, currency: str, purpose: str) -> float:
        if currency not in self.rates:
            if purpose:
                raise bad_input(
                    "fx", "error.no_fx_rate_for", base=self.base, currency=currency, purpose=purpose
                )
            raise bad_input("fx", "error.no_fx_rate", base=self.base, currency=currency)
        return self.rates[currency]

    def to_dict(self) -> dict[str, Any]:
        return {
            "base": self.base,
            "as_of": self.as_of.isoformat(),
            "rates": dict(self.rates),
            "source": self.source,
        }
