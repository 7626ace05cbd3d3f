"""Pipelines and their stages."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kopru.invest.enums import DEFAULT_STAGES, StagePhase
from kopru.invest.models import Pipeline, Stage

DEFAULT_PIPELINE_NAME = "Investment pipeline"


@transaction.atomic
def create_pipeline(
    name: str, *, stages=DEFAULT_STAGES, sector=None, team: str = "", is_default: bool = False
) -> Pipeline:
    """A pipeline with its stages: (code, name, phase, probability) in board order."""
    pipeline = Pipeline(name=name, sector=sector, team=team, is_default=is_default)
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
