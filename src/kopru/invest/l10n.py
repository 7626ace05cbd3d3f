"""Numbers, percentages, money, dates, lists and country names in the reader's language (Babel's CLDR data).

Every function reads the active Django language, so a page, its charts' data, the printable report and the
PDF all format alike: 1,234.5 and 27.0% in English, 1.234,5 and %27,0 in Turkish, 1,234.5 and 27.0% in
Chinese, with the dates and country names of that language.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import get_decimal_symbol, get_group_symbol, parse_pattern
from django.conf import settings
from django.utils.translation import get_language, gettext, to_locale


@lru_cache(maxsize=16)
def _locale_for(language: str) -> Locale:
    return Locale.parse(to_locale(language))


def current_locale() -> Locale:
    return _locale_for(get_language() or settings.LANGUAGE_CODE)


def is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@lru_cache(maxsize=64)
def _number_formatter(language: str, digits: int):
    """Babel's `format_decimal(float(value), "#,##0[.00…]", locale)` for one language and number of
    decimals, with the pattern parsed and the symbols looked up once, and the usual case (a finite value
    that is not negative) written here: Babel's `NumberPattern.apply` took about 20 µs a number (the board's
    225 amounts, the home page's table), most of it looking up the same symbols again. The steps are
    Babel's own (the value through `str` into a Decimal, normalised, rounded half to even to `digits`
    places, the integer part grouped by threes); anything else goes to Babel (tests/invest/test_l10n.py
    compares the two)."""
    locale = _locale_for(language)
    pattern = parse_pattern("#,##0" + ("." + "0" * digits if digits > 0 else ""))
    if pattern.grouping != (3, 3) or pattern.int_prec[0] != 1 or pattern.frac_prec != (digits, digits):
        return lambda value: pattern.apply(float(value), locale)  # pragma: no cover - Babel changed
    group, point = get_group_symbol(locale), get_decimal_symbol(locale)
    quantum = Decimal(10) ** -digits

    def apply(value) -> str:
        number = float(value)
        exact = Decimal(str(number))
        if not exact.is_finite() or exact.is_signed():
            return pattern.apply(number, locale)
        whole, _dot, fraction = f"{exact.normalize().quantize(quantum):f}".partition(".")
        if len(whole) > 3:
            whole = f"{int(whole):,}".replace(",", group)
        return f"{whole}{point}{fraction}" if digits > 0 else whole

    return apply


def number(value, digits: int = 0) -> str:
    """1234567.891 → "1,234,568" (en), "1.234.568" (tr); `digits` fixed decimals."""
    return _number_formatter(get_language() or settings.LANGUAGE_CODE, digits)(value)


def number_format(digits: int = 0):
    """`number` with the locale and pattern looked up once: a function of the value alone, for a page that
    formats many (the board's 225 cards: Babel parsed the pattern and the locale each time, 1.5 ms)."""
    return _number_formatter(get_language() or settings.LANGUAGE_CODE, digits)


def percent(value, digits: int = 1) -> str:
    """0.27 → "27.0%" (en, zh), "%27,0" (tr): the language's own percent pattern with `digits` decimals."""
    locale = current_locale()
    pattern = copy.copy(locale.percent_formats[None])
    pattern.frac_prec = (digits, digits)
    return pattern.apply(float(value), locale)


def money(value, currency: str, digits: int = 0) -> str:
    return f"{number(value, digits)} {currency}"


def date(value: dt.date | str | None) -> str:
    """2024-07-08 → "Jul 8, 2024" (en), "8 Tem 2024" (tr), "2024年7月8日" (zh); an ISO string is read
    first (the calculator's inputs keep dates as typed), anything else is shown as it is."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        value = value.date()
    return format_date(value, "medium", locale=current_locale())


def listing(items) -> str:
    """["a", "b", "c"] → "a, b, and c" (en), "a, b ve c" (tr), "a、b和c" (zh)."""
    items = [str(item) for item in items]
    return format_list(items, locale=current_locale()) if items else "—"


def country(code: str) -> str:
    """An ISO 3166-1 alpha-2 code (or EU) as the country's name in the reader's language."""
    if code == "EU":
        return gettext("European Union")
    return current_locale().territories.get(code, code)
