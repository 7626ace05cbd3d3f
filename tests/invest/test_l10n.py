"""Numbers, percentages, money, dates, lists and country names in each of the three languages."""

import datetime as dt

import pytest
from django.utils import translation

from kopru.invest import l10n

pytestmark = pytest.mark.unit

LANGUAGES = ["en", "tr", "zh-hans"]


def each_language(function, *args):
    results = {}
    for language in LANGUAGES:
        with translation.override(language):
            results[language] = function(*args)
    return results


def test_numbers_group_thousands_in_every_language():
    assert each_language(l10n.number, 1234567.891, 2) == {
        "en": "1,234,567.89",
        "tr": "1.234.567,89",
        "zh-hans": "1,234,567.89",
    }
    assert each_language(l10n.number, -418713121.4) == {
        "en": "-418,713,121",
        "tr": "-418.713.121",
        "zh-hans": "-418,713,121",
    }


def test_percentages_follow_each_language_pattern():
    assert each_language(l10n.percent, 0.27) == {"en": "27.0%", "tr": "%27,0", "zh-hans": "27.0%"}
    assert each_language(l10n.percent, 0.35, 0) == {"en": "35%", "tr": "%35", "zh-hans": "35%"}


def test_money_keeps_the_currency_code():
    assert each_language(l10n.money, 40081.4, "EUR") == {
        "en": "40,081 EUR",
        "tr": "40.081 EUR",
        "zh-hans": "40,081 EUR",
    }


def test_dates_and_iso_strings_are_shown_in_the_language():
    expected = {"en": "Jul 8, 2024", "tr": "8 Tem 2024", "zh-hans": "2024年7月8日"}
    assert each_language(l10n.date, dt.date(2024, 7, 8)) == expected
    assert each_language(l10n.date, "2024-07-08") == expected
    assert each_language(l10n.date, "soon") == {"en": "soon", "tr": "soon", "zh-hans": "soon"}


def test_country_names_and_lists():
    assert each_language(l10n.country, "DE") == {"en": "Germany", "tr": "Almanya", "zh-hans": "德国"}
    assert each_language(l10n.country, "EU") == {
        "en": "European Union",
        "tr": "Avrupa Birliği",
        "zh-hans": "欧盟",
    }
    assert each_language(l10n.listing, ["a", "b", "c"]) == {
        "en": "a, b, and c",
        "tr": "a, b ve c",
        "zh-hans": "a、b和c",
    }


def test_numbers_are_babels_own_output():
    """`number` writes the usual case itself (issue 14: Babel took about 20 µs a number); every value here,
    in every language and with 0 to 3 decimals, must come out as Babel's `format_decimal` writes it."""
    import random
    from decimal import Decimal

    from babel.numbers import format_decimal

    rng = random.Random(14)
    values = [0, 0.0, -0.0, 0.5, 1.5, 2.5, -0.4, -2.5, 999, 1000, 999.5, 999999.5, 1234567.891, 1e15, 1e16]
    values += [1.005, 2.675, 0.125, 0.0001, 1e-7, 123456789012.345, float("nan"), float("inf"), float("-inf")]
    values += [Decimal("1234.565"), Decimal("0.005"), "1234.5", 7, -7, 10**12]
    values += [round(rng.uniform(-1e7, 1e9), rng.randint(0, 6)) for _ in range(300)]
    values += [rng.randint(0, 10 ** rng.randint(1, 14)) / 10 ** rng.randint(0, 4) for _ in range(300)]
    for language in LANGUAGES:
        with translation.override(language):
            locale = l10n.current_locale()
            for digits in range(4):
                pattern = "#,##0" + ("." + "0" * digits if digits else "")
                formatter = l10n.number_format(digits)
                for value in values:
                    expected = format_decimal(float(value), format=pattern, locale=locale)
                    assert l10n.number(value, digits) == expected, (language, digits, value)
                    assert formatter(value) == expected, (language, digits, value)
