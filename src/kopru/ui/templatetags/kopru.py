from urllib.parse import quote

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from kopru.core.text import capfirst_localised
from kopru.ui.display import as_text, cell_text, linked_text, record_label, shown_list
from kopru.ui.rows import escape, record_rows_html

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.simple_tag(takes_context=True)
def cell(context, obj, path):
    """`obj`'s attribute at `path` as text, with linked records the viewer may not read hidden."""
    return cell_text(obj, path, _user(context))


@register.simple_tag(takes_context=True)
def detail_rows(context, obj, fields):
    """A detail page's field rows, drawn in Python (the template's loop with a `cell` tag per field was
    a fifth of the engagement page): ``<tr><th>Label</th><td>value or —</td></tr>`` per (label, name)."""
    user, language = _user(context), get_language()
    # many-to-many fields read ahead by the view (`kopru.ui.related.linked_rows`): the text `cell_text`
    # gives for their managers' records
    linked = context.get("linked_rows") or {}

    def text(name):
        if name in linked:
            return as_text(shown_list(linked[name], user), user)
        return cell_text(obj, name, user)

    # `escape`: conditional_escape's characters without its lazy wrapper (kopru.ui.rows)
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{escape(capfirst_localised(str(label), language))}</th>'
            f"<td>{escape(text(name) or '—')}</td></tr>"
            for label, name in fields
        )
    )


@register.simple_tag
def evidence_rows(evidence):
    """A detail page's evidence, drawn in Python: for each (evidence, snippet) the characters the template's
    loop wrote (a `{% url %}` and five variables an item), the whitespace around each item included."""
    # one reverse for the page: the documents' addresses differ only in the key
    address = reverse("record-detail", args=("documents", "__pk__"))
    items = []
    for item, snippet in evidence:
        href = escape(address.replace("__pk__", quote(str(item.document_id), safe="")))
        span = f"[{escape(item.start)}–{escape(item.end)}]"
        items.append(
            f'\n  <div class="evidence"><a href="{href}#ev-{escape(item.pk)}">{escape(item.document)}</a> '
            f'<span class="muted">{span}</span><br>{escape(snippet)}</div>\n'
        )
    return mark_safe("".join(items))  # every value escaped above


@register.simple_tag(takes_context=True)
def record_rows(context, record_type, objects):
    """A list page's body rows (kopru.ui.rows: drawn in Python, the template's loops were half the page)."""
    return record_rows_html(record_type, objects, _user(context))


@register.simple_tag(takes_context=True)
def linked(context, value, separator=", "):
    """Linked records (one, a list or a manager) named as the viewer may see them."""
    return linked_text(value, _user(context), separator)


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


@register.simple_tag(takes_context=True)
def label(context, record):
    """A record's name as the viewer may see it (a position's hidden person or organisation left out)."""
    return record_label(record, _user(context))


class PerLanguageNode(template.Node):
    """`{% per_language %}…{% endper_language %}`: the enclosed template drawn once per language, URLconf
    and script prefix, then reused.

    The enclosed part is rendered in a context of its own that holds nothing but LANGUAGE_CODE (the active
    language), so what is kept is a function of the language, the addresses (`{% url %}` with literal
    names), the static files (`{% static %}`) and the translations (`{% translate %}`) only: nothing of the
    request, the reader or the data can enter it (a variable of the page's context renders as empty). The
    layout's head links, brand, menu button, search box and language choice were about half a millisecond
    of every page's CPU (bench/load.py, the layout row)."""

    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.drawn: dict[tuple, str] = {}

    def render(self, context):
        language = get_language()
        key = (language, get_urlconf(), get_script_prefix())
        drawn = self.drawn.get(key)
        if drawn is None:
            own = template.Context({"LANGUAGE_CODE": language}, autoescape=context.autoescape)
            with own.bind_template(context.template):
                drawn = self.drawn[key] = self.nodelist.render(own)
        return drawn


@register.tag
def per_language(parser, token):
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("per_language takes no arguments")
    nodelist = parser.parse(("endper_language",))
    parser.delete_first_token()
    return PerLanguageNode(nodelist)
