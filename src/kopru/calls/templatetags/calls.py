from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """{{ scores|get_item:criterion.key }}"""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""


@register.filter
def money(amount):
    try:
        value = float(amount)
    except (TypeError, ValueError):
        return amount
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"


@register.filter
def currency_for(call, side):
    return call.currency_of(side)


@register.filter
def fixed(value, digits=2):
    """Python's rounding (as in the optimiser's reasons), so "4.01" in a reason and the table agree."""
    try:
        return f"{float(value):.{int(digits)}f}"
    except (TypeError, ValueError):
        return value
