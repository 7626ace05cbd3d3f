"""Deals: creating them and moving them across a pipeline's stages, with the rules that guard the moves."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kopru.core import access
from kopru.invest.enums import LostReason, StagePhase
from kopru.invest.models import Deal, Stage, StageChange


class StageMoveRefused(Exception):
    """A move the rules do not allow; `reason` says why, `overridable` whether an admin may force it."""

    def __init__(self, reason: str, *, overridable: bool = True):
        super().__init__(reason)
        self.reason = reason
        self.overridable = overridable


def _next_position(stage: Stage) -> int:
    last = Deal.objects.filter(stage=stage).aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


@transaction.atomic
def create_deal(deal: Deal, *, user, sectors=(), note: str = "") -> Deal:
    """Save a new (unsaved, validated) deal and record its entry into its first stage."""
    now = timezone.now()
    deal.stage_since = now
    deal.position = _next_position(deal.stage)
    if deal.stage.phase == StagePhase.SIGNED and deal.agreement_signed_on is None:
        deal.agreement_signed_on = timezone.localdate()
    deal.full_clean()
    deal.save()
    if sectors:
        deal.sectors.set(sectors)
    StageChange.objects.create(deal=deal, from_stage=None, to_stage=deal.stage, at=now, by=user, note=note)
    return deal


def check_move(deal: Deal, to_stage: Stage, *, lost_reason: str = "") -> None:
    """Raise StageMoveRefused when the move breaks a rule of the pipeline."""
    if to_stage.pipeline_id != deal.pipeline_id:
        raise StageMoveRefused(_("That stage belongs to another pipeline."), overridable=False)
    if to_stage.phase == StagePhase.LOST and not lost_reason:
        raise StageMoveRefused(_("Say why the deal was lost."), overridable=False)
    if lost_reason and lost_reason not in LostReason.values:
        raise StageMoveRefused(_("Unknown reason “%(reason)s”.") % {"reason": lost_reason}, overridable=False)
    if to_stage.phase in (StagePhase.SIGNED, StagePhase.DELIVERY) and deal.company_id is None:
        raise StageMoveRefused(_("An agreement needs a company: set the deal's company first."))
    if to_stage.phase == StagePhase.DELIVERY and deal.agreement_signed_on is None:
        raise StageMoveRefused(
            _("“%(stage)s” needs a signed agreement: move the deal to the agreement stage first.")
            % {"stage": to_stage.label}
        )


@transaction.atomic
def move_deal(
    deal: Deal,
    to_stage: Stage,
    *,
    user,
    note: str = "",
    lost_reason: str = "",
    position: int | None = None,
    override_reason: str = "",
) -> StageChange | None:
    """Move a deal to another stage (or, within its stage, to another position on the board).

    Illegal moves raise StageMoveRefused; an administrator may override an overridable refusal by giving a
    reason, which is logged on the stage change. Returns the StageChange (None for a reorder only).
    """
    deal = Deal.objects.select_for_update().select_related("stage").get(pk=deal.pk)
    if to_stage.pk == deal.stage_id:
        if position is not None:
            _place(deal, to_stage, position)
        return None
    overridden = False
    try:
        check_move(deal, to_stage, lost_reason=lost_reason)
    except StageMoveRefused as refusal:
        if not (refusal.overridable and access.is_admin(user) and override_reason.strip()):
            raise
        overridden = True
    now = timezone.now()
    change = StageChange.objects.create(
        deal=deal,
        from_stage=deal.stage,
        to_stage=to_stage,
        at=now,
        by=user,
        note=note.strip(),
        overridden=overridden,
        override_reason=override_reason.strip() if overridden else "",
    )
    deal.stage = to_stage
    deal.stage_since = now
    deal.lost_reason = lost_reason if to_stage.phase == StagePhase.LOST else ""
    if to_stage.phase == StagePhase.SIGNED and deal.agreement_signed_on is None:
        deal.agreement_signed_on = timezone.localdate()
    deal._change_reason = _("moved to %(stage)s") % {"stage": to_stage.label}
    deal.save()
    at_end = Deal.objects.filter(stage=to_stage).exclude(pk=deal.pk).count()
    _place(deal, to_stage, position if position is not None else at_end)
    return change


def _place(deal: Deal, stage: Stage, position: int) -> None:
    """Put `deal` at `position` in its column, shifting the others down (positions stay 0..n-1)."""
    others = list(Deal.objects.filter(stage=stage).exclude(pk=deal.pk).order_by("position", "pk"))
    position = max(0, min(position, len(others)))
    others.insert(position, deal)
    for index, item in enumerate(others):
        if item.position != index:
            Deal.objects.filter(pk=item.pk).update(position=index)
    deal.position = position


def stage_history(deal: Deal):
    return deal.stage_changes.select_related("from_stage", "to_stage", "by").order_by("at", "pk")


@transaction.atomic
def save_new_deal(form, *, user) -> Deal:
    """A valid DealForm as a new deal (its first stage change logged), from the page or the API."""
    deal = form.save(commit=False)
    create_deal(deal, user=user, sectors=form.cleaned_data.get("sectors") or [])
    deal.engagements.set(form.cleaned_data.get("engagements") or [])
    deal.attachments.set(form.cleaned_data.get("attachments") or [])
    return deal


@transaction.atomic
def save_deal_changes(form) -> Deal:
    """A valid DealForm bound to an existing deal (stage moves go through move_deal, not here)."""
    return form.save()
