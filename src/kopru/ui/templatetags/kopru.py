from django import template
from django.utils.http import urlencode
from django.utils.translation import get_language

from kopru.core.text import capfirst_localised
from kopru.ui.display import cell_text, raw_value

register = template.Library()


@register.filter
def cell(obj, path):
    return cell_text(obj, path)


@register.filter
def value_of(obj, path):
    return raw_value(obj, path)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (pagination and sort links keep filters)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(sorted(params.lists()), doseq=True)


@register.filter
def capfirst_local(value):
    """Like `capfirst`, but Turkish "iş birliği" becomes "İş birliği"."""
    return capfirst_localised(str(value), get_language())
