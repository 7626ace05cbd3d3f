"""Numbers, percentages, money, dates, lists and country names in the reader's language (Babel's CLDR data).

Every function reads the active Django language, so a page, its charts' data, the printable report and the
PDF all format alike: 1,234.5 and 27.0% in English, 1.234,5 and %27,0 in Turkish, 1,234.5 and 27.0% in
Chinese, with the dates and country names of that language.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, parse_pattern
from django.conf import settings
from django.utils.translation import get_language, gettext, to_locale


@lru_cache(maxsize=16)
def _locale_for(language: str) -> Locale:
    return Locale.parse(to_locale(language))


def current_locale() -> Locale:
    return _locale_for(get_language() or settings.LANGUAGE_CODE)


def is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value, digits: int = 0) -> str:
    """1234567.891 → "1,234,568" (en), "1.234.568" (tr); `digits` fixed decimals."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(float(value), format=pattern, locale=current_locale())


def number_format(digits: int = 0):
    """`number` with the locale and pattern looked up once: a function of the value alone, for a page that
    formats many (the board's 225 cards: Babel parsed the pattern and the locale each time, 1.5 ms)."""
    pattern = parse_pattern("#,##0" + ("." + "0" * digits if digits > 0 else ""))
    locale = current_locale()
    return lambda value: pattern.apply(float(value), locale)


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
