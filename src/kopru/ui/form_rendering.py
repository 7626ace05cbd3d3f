"""A form renderer that writes Django's own form templates in Python, for the small forms of detail pages.

Django renders a form through a template per field, per label and per <option>: on the deal page the move
form alone took ~3.6 ms of the request's CPU. ``PythonRenderer`` produces the same characters as the
templates it stands for (django/forms/p.html, label.html and the select, option, textarea, text and hidden
widgets, tests/ui/test_form_rendering.py compares them) and hands every other template (errors, other
widgets, other layouts) to Django's renderer, so anything unusual still renders as before.
"""

from __future__ import annotations

from django.forms.renderers import get_default_renderer
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _attrs(attrs) -> str:
    """django/forms/widgets/attrs.html (and django/forms/attrs.html): `` name="value"`` for each attribute."""
    parts = []
    for name, value in (attrs or {}).items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


def _input(widget) -> str:
    value = widget["value"]
    shown = f' value="{conditional_escape(str(value))}"' if value is not None else ""
    return (
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


def _textarea(widget) -> str:
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    name = conditional_escape(widget["name"])
    return f'<textarea name="{name}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


class _Fallback(Exception):
    """A context this renderer does not write: Django's renderer does."""


def _select(widget) -> str:
    options = []
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            raise _Fallback
        for option in group_choices:
            if option["template_name"] != "django/forms/widgets/select_option.html":
                raise _Fallback
            options.append(
                f'\n  <option value="{conditional_escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>\n"
            )
    name = conditional_escape(widget["name"])
    return f'<select name="{name}"{_attrs(widget["attrs"])}>{"".join(options)}\n</select>'


def _label(context) -> str:
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = conditional_escape(context["tag"])
    return f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>"


def _p(context) -> str:
    errors, fields, hidden = context["errors"], context["fields"], context["hidden_fields"]
    if errors or not fields:
        raise _Fallback
    hidden_html = "".join(str(field) for field in hidden)
    out = ["\n"]
    for position, (field, field_errors) in enumerate(fields):
        classes = field.css_classes()
        out.append(f"\n  {field_errors if field_errors else ''}\n  <p")
        if classes:
            out.append(f' class="{conditional_escape(classes)}"')
        out.append(">\n    ")
        if field.label:
            out.append(str(field.label_tag()))
        out.append(f"\n    {field}\n    ")
        if field.help_text:
            helptext_id = f' id="{conditional_escape(field.auto_id)}_helptext"' if field.auto_id else ""
            out.append(f'\n      <span class="helptext"{helptext_id}>{field.help_text}</span>\n    ')
        out.append("\n    ")
        if position == len(fields) - 1:
            out.append(f"\n      {hidden_html}\n    ")
        out.append("\n  </p>\n")
    return "".join(out)


def _widget(write):
    return lambda context: write(context["widget"])


WRITERS = {
    "django/forms/p.html": _p,
    "django/forms/label.html": _label,
    "django/forms/widgets/select.html": _widget(_select),
    "django/forms/widgets/textarea.html": _widget(_textarea),
    "django/forms/widgets/text.html": _widget(_input),
    "django/forms/widgets/hidden.html": _widget(_input),
}


class PythonRenderer:
    """The project's form renderer for the templates in WRITERS, Django's for every other one."""

    def __init__(self):
        self.django = get_default_renderer()

    def __getattr__(self, name):  # form_template_name, field_template_name, bound_field_class, ...
        if name == "django":
            raise AttributeError(name)
        return getattr(self.django, name)

    def get_template(self, template_name):
        return self.django.get_template(template_name)

    def render(self, template_name, context, request=None):
        write = WRITERS.get(template_name)
        if write is not None and request is None:
            try:
                return mark_safe(write(context).strip())
            except _Fallback:
                pass
        return self.django.render(template_name, context, request=request)


python_renderer = PythonRenderer()
