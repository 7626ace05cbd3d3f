"""Pipelines and their stages."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, ProtectedError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kopru.invest.domain.funnel import refresh_pipeline
from kopru.invest.enums import DEFAULT_STAGES, StagePhase
from kopru.invest.models import Pipeline, Stage

DEFAULT_PIPELINE_NAME = "Investment pipeline"


@transaction.atomic
def create_pipeline(
    name: str, *, stages=DEFAULT_STAGES, sector=None, team: str = "", is_default: bool = False
) -> Pipeline:
    """A pipeline with its stages: (code, name, phase, probability) in board order."""
    pipeline = Pipeline(name=name, sector=sector, team=team, is_default=is_default)
    pipeline.name_tr, pipeline.name_zh = _in_language(name, "tr"), _in_language(name, "zh-hans")
    pipeline.full_clean()
    pipeline.save()
    phases = [phase for _code, _name, phase, _p in stages]
    if StagePhase.LOST not in phases:
        raise ValueError(_("A pipeline needs a stage for lost deals."))
    for order, (code, stage_name, phase, probability) in enumerate(stages, start=1):
        stage = Stage(
            pipeline=pipeline,
            code=code,
            name=str(stage_name),
            order=order,
            phase=phase,
            probability=probability,
            name_tr=_in_language(str(stage_name), "tr"),
            name_zh=_in_language(str(stage_name), "zh-hans"),
        )
        stage.full_clean()
        stage.save()
    return pipeline


def ensure_default_pipeline() -> Pipeline:
    """The default pipeline (lead → … → operating, and lost), created on first use."""
    pipeline = Pipeline.objects.filter(is_default=True).first()
    if pipeline is None:
        pipeline = create_pipeline(DEFAULT_PIPELINE_NAME, is_default=True)
    return pipeline


def stages_of(pipeline: Pipeline) -> list[Stage]:
    return list(pipeline.stages.order_by("order"))


def _in_language(name: str, language: str) -> str:
    """The catalogue's translation of a default name ("" when there is none)."""
    with translation.override(language):
        translated = str(_(name))
    return translated if translated != name else ""


# Stage orders are unique per pipeline: while a pipeline's stages are rewritten they are first moved out of
# the way by this much, so that swapping two stages' orders never collides.
ORDER_SHIFT = 10_000


@transaction.atomic
def save_pipeline(form, stage_forms) -> Pipeline:
    """A valid PipelineForm with its valid stage formset (orders, probabilities, phases; stages added,
    changed or deleted). A pipeline keeps a stage for lost deals; a stage that still holds deals stays."""
    pipeline = form.save()
    stage_forms.instance = pipeline
    kept = [f for f in stage_forms.forms if f.has_changed() or f.instance.pk]
    kept = [f for f in kept if not (stage_forms.can_delete and stage_forms._should_delete_form(f))]
    phases = [f.cleaned_data.get("phase") for f in kept if f.cleaned_data]
    if StagePhase.LOST not in phases:
        raise ValidationError(_("A pipeline needs a stage for lost deals."))
    pipeline.stages.update(order=F("order") + ORDER_SHIFT)
    try:
        stage_forms.save()
    except ProtectedError:
        raise ValidationError(
            _("A stage that still holds deals cannot be deleted; move its deals first.")
        ) from None
    # The formset saves only the stages whose form changed: the others get their order back (the formset's
    # clean() has checked that every stage's order is its own, so none collides).
    pipeline.stages.filter(order__gte=ORDER_SHIFT).update(order=F("order") - ORDER_SHIFT)
    if pipeline.is_default:
        Pipeline.objects.exclude(pk=pipeline.pk).filter(is_default=True).update(is_default=False)
    refresh_pipeline(pipeline)  # the stages' orders and phases decide each deal's furthest stage
    return pipeline
