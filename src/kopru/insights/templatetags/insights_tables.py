"""Table bodies drawn in Python: a tracker page has thousands of cells, and the template engine's loops
cost more than everything else on a remembered page."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


def _cell(value, url: str) -> str:
    text = "–" if value is None else escape(value)
    return f'<a href="{escape(url)}">{text}</a>' if url else text


@register.filter
def table_body(table) -> str:
    """The <tbody> rows of an insights Table: the first cell is the row header; links where a cell has one."""
    keys = table.screen_keys
    if not table.rows:
        message = escape(_("Nothing recorded for this selection."))
        return mark_safe(f'<tr><td colspan="{len(keys)}" class="muted">{message}</td></tr>')
    parts = []
    for row, links in zip(table.rows, table.links, strict=True):
        first, *rest = keys
        cells = [f'<th scope="row">{_cell(row[first], links.get(first, ""))}</th>']
        cells += [f"<td>{_cell(row[key], links.get(key, ''))}</td>" for key in rest]
        parts.append("<tr>" + "".join(cells) + "</tr>")
    return mark_safe("\n".join(parts))
