from django import template
from django.utils.formats import number_format

from kopru.calls.enums import AttachmentKind
from kopru.core.enums import OrganisationKind

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
    return number_format(
        value, decimal_pos=0 if value.is_integer() else 2, use_l10n=True, force_grouping=True
    )


def _labels(codes, choices) -> str:
    labels = dict(choices)
    return ", ".join(str(labels.get(code, str(code).replace("_", " "))) for code in codes or ())


@register.filter
def kind_labels(codes):
    """Organisation kinds as their names: ["company", "research"] → "Company, Research"."""
    return _labels(codes, OrganisationKind.choices)


@register.filter
def document_labels(codes):
    """Attachment kinds as their names: ["work_plan"] → "Work plan"."""
    return _labels(codes, AttachmentKind.choices)


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
