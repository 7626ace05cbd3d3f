"""A list page's body rows, drawn in Python.

The template's nested loops (rows × columns, each cell through a tag, each first cell through `{% url %}`)
cost about half of a 50-row list page's time on the bench database (bench/load.py: engagements, documents).
The HTML is the same the template drew: every value escaped, the first cell linking to the record."""

from __future__ import annotations

from html import escape as escape_text
from urllib.parse import quote

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from kopru.ui.display import cell_text, choice_labels
from kopru.ui.registry import RecordType

_PK = "__pk__"


def escape(text) -> str:
    """`conditional_escape` without its lazy-string wrapper, which cost more than the escaping itself on a
    list page's few hundred cells: the same characters (a safe string stays as it is)."""
    if hasattr(text, "__html__"):
        return text.__html__()
    return escape_text(str(text))


def record_rows_html(record_type: RecordType, objects, user) -> SafeString:
    paths = [column.path for column in record_type.columns]
    # One reverse for the page: the detail address differs between rows only in the key.
    detail = reverse("record-detail", args=(record_type.slug, _PK))
    rows = []
    labels = None
    for obj in objects:
        # plain escaping and f-strings: format_html's parsing of the template per cell was a third of the
        # rows' time (bench/load.py, engagements: 50 rows 7.2 -> 4.4 ms in-process)
        first, *rest = [escape(cell_text(obj, path, user)) for path in paths]
        href = escape(detail.replace(_PK, quote(str(obj.pk), safe="")))
        cells = [f'<td><a href="{href}">{first or "—"}</a></td>', *(f"<td>{value}</td>" for value in rest)]
        if record_type.has_visibility:
            if labels is None:
                labels = choice_labels(type(obj), "visibility") or {}
            shown = labels.get(obj.visibility) or obj.get_visibility_display()
            side = f" · {escape(obj.owner_side)}" if obj.owner_side else ""
            cells.append(
                f'<td><span class="badge {escape(obj.visibility)}">{escape(shown)}{side}</span></td>'
            )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    if not rows:
        span = len(paths) + 1
        nothing = escape(gettext("Nothing found."))
        rows.append(f'<tr><td colspan="{span}" class="muted">{nothing}</td></tr>')
    return mark_safe("\n".join(rows))  # every value escaped above
