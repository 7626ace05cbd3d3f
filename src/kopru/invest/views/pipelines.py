"""The pipeline editor for officers: pipelines and their stages (order, probability, phase, names in
three languages), instead of only the Django admin."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kopru.invest.domain.pipelines import save_pipeline
from kopru.invest.forms import PipelineForm, StageFormSet
from kopru.invest.models import Pipeline
from kopru.invest.views.common import form_status
from kopru.ui.errors import add_to_form
from kopru.ui.views.access import require_staff


def pipeline_list(request):
    require_staff(request)
    pipelines = Pipeline.objects.prefetch_related("stages").select_related("sector")
    return render(request, "invest/pipeline_list.html", {"pipelines": pipelines})


def pipeline_create(request):
    require_staff(request)
    return _editor(request, None)


def pipeline_edit(request, pk):
    require_staff(request)
    return _editor(request, get_object_or_404(Pipeline, pk=pk))


def _editor(request, pipeline: Pipeline | None):
    form = PipelineForm(request.POST or None, instance=pipeline)
    stages = StageFormSet(request.POST or None, instance=pipeline or Pipeline(), prefix="stages")
    if request.method == "POST" and form.is_valid() and stages.is_valid():
        try:
            saved = save_pipeline(form, stages)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Saved “%(name)s”.") % {"name": saved})
            return redirect("invest:pipeline-list")
    title = _("Edit %(name)s") % {"name": pipeline} if pipeline else _("New pipeline")
    return render(
        request,
        "invest/pipeline_form.html",
        {"form": form, "stages": stages, "pipeline": pipeline, "title": title},
        status=form_status(request),
    )
