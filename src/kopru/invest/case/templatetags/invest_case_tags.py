"""Formatting for the investment case: rates as percentages, money with its currency, links to rule rows."""

from __future__ import annotations

import math

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from kopru.invest.case.domain.rulebook import CODE_LABELS, RATE_KEYS, VALUE_LABELS

register = template.Library()


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


@register.filter
def pct(value, digits: int = 1):
    """0.27 → "27.0 %"; None → "not known" (never a guess)."""
    if _missing(value):
        return _("not known")
    return f"{float(value) * 100:,.{int(digits)}f} %"


@register.filter
def amount(value, digits: int = 0):
    if _missing(value):
        return _("not known")
    return f"{float(value):,.{int(digits)}f}"


@register.simple_tag
def money(value, currency, digits: int = 0):
    if _missing(value):
        return _("not known")
    return f"{float(value):,.{int(digits)}f} {currency}"


@register.simple_tag
def rule_url(row_id):
    return reverse("invest_case:rule-detail", args=[row_id]) if row_id else ""


@register.filter
def value_label(key):
    return VALUE_LABELS.get(key, key.replace("_", " "))


@register.filter
def rule_value(value, key=""):
    """A rule row value for display: rates as %, null as "not known", lists joined."""
    if value is None:
        return _("not known")
    if key in RATE_KEYS and isinstance(value, int | float) and not isinstance(value, bool):
        return pct(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if key in ("specific", "minimum") and isinstance(value, dict):
        basis = _("at least") if value.get("basis") == "minimum" else _("plus")
        return f"{basis} {value['per_unit']:,.0f} {value['currency']} / {value.get('unit', 'unit')}"
    if key == "by_region" and isinstance(value, dict):
        return "; ".join(f"{region}: {pct(rate)}" for region, rate in sorted(value.items()))
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    if isinstance(value, list):
        return (
            ", ".join(str(item) if not isinstance(item, dict) else rule_value(item) for item in value) or "—"
        )
    return str(value)


@register.filter
def years(value):
    if _missing(value):
        return _("never within the horizon")
    return _("%(n)s years") % {"n": f"{float(value):.1f}"}


@register.filter
def get(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def split(text, separator=","):
    return str(text).split(separator)


@register.filter
def input_value(value):
    """An input as typed, readable: 1000000000.0 → 1,000,000,000; lists joined; blank → "—"."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float):
        return f"{value:,.0f}" if float(value).is_integer() and abs(value) >= 1000 else f"{value:g}"
    if isinstance(value, list | tuple):
        return ", ".join(input_value(item) for item in value)
    return str(value)


@register.filter
def label(code):
    """An engine code (risk level, number status, duty kind) in the reader's language."""
    return CODE_LABELS.get(code, code)
