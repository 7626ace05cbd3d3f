"""The investment desk's home (pipeline figures and charts) and the kanban board."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from kopru.core import access
from kopru.invest.domain.reports import pipeline_figures
from kopru.invest.models import CompanyProfile, Deal, Opportunity, Pipeline
from kopru.ui.views.access import has_perm, require_staff


def _pipeline(request) -> Pipeline | None:
    wanted = request.GET.get("pipeline")
    if wanted:
        if not wanted.isdigit():
            raise Http404("No such pipeline")
        pipeline = Pipeline.objects.filter(pk=wanted).first()
        if pipeline is None:
            raise Http404("No such pipeline")
        return pipeline
    return Pipeline.objects.filter(is_default=True).first() or Pipeline.objects.first()


def home(request):
    user = request.user
    staff = has_perm(user, "kopru.add_record")
    pipeline = _pipeline(request)
    deals = access.visible_to(Deal.objects.all(), user)
    figures = pipeline_figures(pipeline, deals) if pipeline else []
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
            "pipelines": Pipeline.objects.all(),
            "figures": figures,
            "chart": chart,
            "is_staff": staff,
            "counts": {
                "opportunities": access.visible_to(Opportunity.objects.all(), user).count(),
                "companies": access.visible_to(CompanyProfile.objects.all(), user).count(),
                "deals": deals.count(),
            },
        },
    )


def board(request):
    require_staff(request)
    pipeline = _pipeline(request)
    if pipeline is None:
        raise Http404("No pipeline yet")
    stages = list(pipeline.stages.order_by("order"))
    deals = access.visible_to(
        Deal.objects.filter(pipeline=pipeline).select_related("company__organisation", "stage"), request.user
    ).order_by("position", "pk")
    by_stage: dict[int, list] = {stage.pk: [] for stage in stages}
    for deal in deals:
        by_stage.setdefault(deal.stage_id, []).append(deal)
    columns = [(stage, by_stage[stage.pk]) for stage in stages]
    return render(
        request,
        "invest/board.html",
        {
            "pipeline": pipeline,
            "pipelines": Pipeline.objects.all(),
            "columns": columns,
            "stages": stages,
        },
    )
