"""Formatting for the investment case in the reader's locale: rates as percentages, money with its
currency, dates, country names, labels for engine codes, explanations rendered from the catalogue."""

from __future__ import annotations

import re

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kopru.invest import l10n
from kopru.invest.case.domain.rulebook import RATE_KEYS, VALUE_LABELS
from kopru.invest.explanations import render
from kopru.invest.labels import CODE_LABELS, code_label, cost_item_label, parameter_label, product_label

register = template.Library()
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_missing = l10n.is_missing


@register.filter
def pct(value, digits: int = 1):
    """0.27 → "27.0%" (en), "%27,0" (tr); None → "not known" (never a guess)."""
    if _missing(value):
        return _("not known")
    return l10n.percent(value, int(digits))


@register.filter
def percent_of_hundred(value):
    """A probability kept as a whole number of percent (20) in the reader's locale: 20%, %20."""
    if _missing(value):
        return _("not known")
    return l10n.percent(float(value) / 100, 0)


@register.filter
def amount(value, digits: int = 0):
    if _missing(value):
        return _("not known")
    return l10n.number(value, int(digits))


@register.simple_tag
def money(value, currency, digits: int = 0):
    if _missing(value):
        return _("not known")
    return l10n.money(value, currency, int(digits))


@register.filter
def local_date(value):
    return l10n.date(value) if value else ""


@register.filter
def country(code):
    return l10n.country(str(code)) if code else ""


@register.filter
def explain(explanation):
    return render(explanation)


@register.filter
def param(name):
    return parameter_label(str(name))


@register.filter
def product(key):
    return product_label(key) if key else ""


@register.filter
def cost_item(label):
    return cost_item_label(str(label))


@register.filter
def data_text(text):
    """A note from the rule data: `field` names written in backticks are shown as code, the rest escaped."""
    parts = str(text or "").split("`")
    return mark_safe(
        "".join(
            f"<code>{escape(part)}</code>" if index % 2 else escape(part) for index, part in enumerate(parts)
        )
    )


@register.simple_tag
def rule_url(row_id):
    return reverse("invest_case:rule-detail", args=[row_id]) if row_id else ""


@register.filter
def value_label(key):
    return VALUE_LABELS.get(key, key.replace("_", " "))


def _is_code(value) -> bool:
    """A code of the rule data (`large_scale`, `strategic`, `hit30`), shown by its name."""
    return isinstance(value, str) and ("_" in value or value in CODE_LABELS)


def _codes(items) -> str:
    return l10n.listing([code_label(item) if _is_code(item) else item for item in items])


@register.filter
def rule_value(value, key=""):
    """A rule row value for display: rates as %, null as "not known", codes as labels, lists joined."""
    if value is None:
        return _("not known")
    if key in RATE_KEYS and isinstance(value, int | float) and not isinstance(value, bool):
        return pct(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if key in ("specific", "minimum") and isinstance(value, dict):
        basis = _("at least") if value.get("basis") == "minimum" else _("plus")
        unit = value.get("unit", "unit")
        return f"{basis} {l10n.number(value['per_unit'])} {value['currency']} / {unit}"
    if key == "by_region" and isinstance(value, dict):
        return "; ".join(
            _("region %(region)s: %(rate)s") % {"region": region, "rate": pct(rate)}
            for region, rate in sorted(value.items())
        )
    if key == "per_capacity" and isinstance(value, dict):
        return _("%(amount)s per unit of %(unit)s") % {
            "amount": l10n.money(value.get("amount", 0), value.get("currency", "")),
            "unit": code_label(value.get("unit", "")),
        }
    if key == "min_investment" and isinstance(value, dict):
        return l10n.money(value.get("amount", 0), value.get("currency", ""))
    if key == "conflicting_values" and isinstance(value, dict):
        field = value_label(str(value.get("field", "")).split(".")[0])
        return f"{capfirst(field)}: {input_value(value.get('value'))} ({value.get('source', '')})"
    if isinstance(value, dict):
        return ", ".join(f"{value_label(k)} {input_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        if all(isinstance(item, dict) for item in value):
            return "; ".join(rule_value(item, key) for item in value) or "—"
        return _codes(value) if value else "—"
    if isinstance(value, int | float):
        return input_value(value)
    if _is_code(value):
        return code_label(value)
    return str(value)


@register.filter
def years(value):
    if _missing(value):
        return _("never within the horizon")
    return _("%(n)s years") % {"n": l10n.number(value, 1)}


@register.filter
def get(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def split(text, separator=","):
    return str(text).split(separator)


@register.filter
def input_value(value):
    """An input as typed, readable in the reader's locale: 1000000000.0 → 1,000,000,000; lists joined."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        if float(value).is_integer():
            return l10n.number(value)
        return format(value, "g") if abs(value) < 1e-4 else _trimmed(value)
    if isinstance(value, list | tuple):
        return ", ".join(input_value(item) for item in value) if value else "—"
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return l10n.date(value)
    return str(value)


def _trimmed(value: float) -> str:
    """A fraction with as many decimals as it has (up to 6), in the reader's locale: 0.35 → 0,35 (tr)."""
    text = f"{value:.6f}".rstrip("0")
    digits = len(text.split(".")[1]) if "." in text else 0
    return l10n.number(value, digits)


@register.filter
def label(code):
    """An engine code (risk level, number status, duty kind, scheme type) in the reader's language."""
    return code_label(code)
