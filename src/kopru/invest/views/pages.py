"""The investment desk's home (pipeline figures and charts) and the kanban board."""

from __future__ import annotations

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import get_script_prefix, get_urlconf
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kopru.core import access, versions
from kopru.invest.domain.board import board_columns, column_page
from kopru.invest.domain.reports import home_figures
from kopru.invest.domain.rows import all_pipelines, counts
from kopru.invest.models import CompanyProfile, Deal, Opportunity, Pipeline, Stage
from kopru.invest.templatetags.invest_board import kanban_html
from kopru.ui.views.access import has_perm, require_staff

MAX_OFFSET = 1_000_000


def _pipeline(request, pipelines: list[Pipeline]) -> Pipeline | None:
    """The pipeline asked for (?pipeline=), else the default one, else the first; taken from `pipelines`
    (all of them, in their order: the default first), which the page lists anyway (one query, not two)."""
    wanted = request.GET.get("pipeline")
    if wanted:
        if not wanted.isdigit():
            raise Http404("No such pipeline")
        pipeline = next((p for p in pipelines if p.pk == int(wanted)), None)
        if pipeline is None:
            raise Http404("No such pipeline")
        return pipeline
    return next((p for p in pipelines if p.is_default), None) or (pipelines[0] if pipelines else None)


def home(request):
    user = request.user
    staff = has_perm(user, "kopru.add_record")
    pipelines = all_pipelines()
    pipeline = _pipeline(request, pipelines)

    def counted():
        return counts(
            [
                access.visible_to(Opportunity.objects.all(), user),
                access.visible_to(CompanyProfile.objects.all(), user),
                access.visible_to(Deal.objects.all(), user),
            ]
        )

    figures, card_counts = home_figures(pipeline, user, counted)
    chart = {
        "labels": [str(row.stage.label) for row in figures],
        "reached": [row.reached for row in figures],
        "current": [row.current for row in figures],
        "announced": [float(row.announced) for row in figures],
        "committed": [float(row.committed) for row in figures],
        "realised": [float(row.realised) for row in figures],
    }
    return render(
        request,
        "invest/home.html",
        {
            "pipeline": pipeline,
            "pipelines": pipelines,
            "figures": figures,
            "chart": chart,
            "is_staff": staff,
            "counts": dict(zip(("opportunities", "companies", "deals"), card_counts, strict=True)),
        },
    )


# What the board's columns are drawn from (kopru.core.versions): the deals, their stages (names, order,
# phase), their companies and the companies' organisations (a card names its company as the reader may see it)
BOARD_MODELS = ("invest.deal", "invest.stage", "invest.companyprofile", "core.organisation")


def board(request):
    require_staff(request)
    pipelines = all_pipelines()
    pipeline = _pipeline(request, pipelines)
    if pipeline is None:
        raise Http404("No pipeline yet")
    user = request.user

    def columns():
        return board_columns(pipeline, access.visible_to(Deal.objects.all(), user))

    def drawn():
        found = columns()
        return kanban_html(found, user), [column.stage for column in found]

    # the drawn columns, kept per data version, pipeline, reader scope, language and address prefix: the
    # 225 cards were about 5 ms of the board's CPU on every view
    key = (pipeline.pk, access.reader_scope(user), get_language(), get_script_prefix(), get_urlconf())
    kanban, stages = versions.remembered("invest-board", key, BOARD_MODELS, drawn)
    return render(
        request,
        "invest/board.html",
        {
            "pipeline": pipeline,
            "pipelines": pipelines,
            "kanban": kanban,
            "stages": stages,
            # the columns themselves, read only if asked for (the page draws `kanban`)
            "columns": SimpleLazyObject(columns),
        },
    )


def board_column(request, stage_pk: int):
    """More cards of one column (htmx "show more"; without script, a page of its own)."""
    require_staff(request)
    stage = get_object_or_404(Stage.objects.select_related("pipeline"), pk=stage_pk)
    try:
        offset = int(request.GET.get("offset") or 0)
    except ValueError:
        offset = -1
    if not 0 <= offset <= MAX_OFFSET:
        return HttpResponseBadRequest(
            _("“offset” must be a whole number from 0 to %(max)s.") % {"max": MAX_OFFSET}
        )
    column = column_page(stage, access.visible_to(Deal.objects.all(), request.user), offset)
    template = "invest/_board_cards.html" if request.headers.get("HX-Request") else "invest/board_column.html"
    return render(request, template, {"column": column, "pipeline": stage.pipeline})
