"""The investment home's table of stage figures, drawn in Python: nine rows of seven cells through the
template language (a link, a translated stage name, four amounts) cost about 0.7 ms a page; here the list's
address is reversed once and each row is one format string, with what the template wrote, character for
character (`{{ value }}`: localised, escaped; `amount`: the calculator's filter)."""

from __future__ import annotations

from html import escape

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.safestring import mark_safe

from kopru.invest.case.templatetags.invest_case_tags import amount

register = template.Library()

_ROW = (
    '<tr><th scope="row">{stage}</th><td>{current}</td><td>{reached}</td><td>{announced}</td>'
    "<td>{committed}</td><td>{realised}</td><td>{weighted}</td></tr>"
)


def _written(value) -> str:
    """A value as `{{ value }}` writes it: localised, then escaped."""
    return escape(str(localize(value)))


@register.simple_tag
def stage_figure_rows(figures, pipeline, is_staff):
    """`<tbody>` and a row per stage of `figures` (kopru.invest.domain.reports.StageFigures); for staff the
    stage's name links to the deals list of that pipeline and stage."""
    deal_list = escape(reverse("invest:deal-list"))
    pipeline_pk = _written(pipeline.pk)
    rows = []
    for row in figures:
        label = _written(row.stage.label)
        if is_staff:
            code = _written(row.stage.code)
            stage = f'<a href="{deal_list}?pipeline={pipeline_pk}&amp;stage={code}">{label}</a>'
        else:
            stage = label
        rows.append(
            _ROW.format(
                stage=stage,
                current=_written(row.current),
                reached=_written(row.reached),
                announced=escape(str(amount(row.announced))),
                committed=escape(str(amount(row.committed))),
                realised=escape(str(amount(row.realised))),
                weighted=escape(str(amount(row.weighted))),
            )
        )
    # every value is escaped above
    return mark_safe(f"<tbody>{''.join(rows)}</tbody>")
