"""Field validators that check typed values against the engines' vocabularies (no copied tables)."""

from __future__ import annotations

import math

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kopru.invest.economics.errors import InputError
from kopru.invest.economics.incentives import find_province
from kopru.invest.matching.vocab import COUNTRY_REGION, KINDS, REGIONS, UNITS
from kopru.invest.rule_data import economic_rules


def province_rows(name: str):
    """The engine's rows for a province name or plate code ([] when unknown)."""
    try:
        return find_province(economic_rules(), name)
    except InputError:
        return []


def validate_province(value: str) -> None:
    if value and not province_rows(value):
        raise ValidationError(
            _("“%(value)s” is not one of Türkiye's 81 provinces (name or plate code)."),
            params={"value": value},
        )


def _as_list(value, what):
    if not isinstance(value, list):
        raise ValidationError(_("Expected a list of %(what)s."), params={"what": what})
    return value


def validate_country_codes(value) -> None:
    for code in _as_list(value, _("country codes")):
        if not isinstance(code, str) or len(code) != 2 or not code.isalpha() or not code.isupper():
            raise ValidationError(
                _("“%(code)s” is not an ISO 3166-1 alpha-2 country code such as CN."), params={"code": code}
            )


def validate_market_codes(value) -> None:
    for code in _as_list(value, _("markets")):
        if not isinstance(code, str) or (code not in REGIONS and code not in COUNTRY_REGION):
            raise ValidationError(
                _("Unknown market “%(code)s”: give a region (%(regions)s) or a country code."),
                params={"code": code, "regions": ", ".join(REGIONS)},
            )


def validate_investment_modes(value) -> None:
    for mode in _as_list(value, _("kinds")):
        if mode not in KINDS:
            raise ValidationError(
                _("Unknown kind “%(mode)s” (known: %(kinds)s)."),
                params={"mode": mode, "kinds": ", ".join(KINDS)},
            )


def validate_capacities(value) -> None:
    for item in _as_list(value, _("capacities")):
        ok = isinstance(item, dict) and set(item) == {"value", "unit"}
        number = item.get("value") if ok else None
        ok = ok and isinstance(number, int | float) and not isinstance(number, bool)
        ok = ok and math.isfinite(number) and number > 0 and str(item["unit"]).lower() in UNITS
        if not ok:
            raise ValidationError(
                _("“%(item)s” is not a capacity such as 40 GWh/yr (units: %(units)s)."),
                params={"item": item, "units": ", ".join(sorted(UNITS))},
            )
