"""The funnel's input, kept on each deal: `Deal.furthest_stage`, the furthest stage of the deal's pipeline (by
order, lost stages left out) that the deal has been moved into, null when none.

The home page counted it by grouping every stage change per deal on each request (about 5 ms of PostgreSQL for
5,000 deals and 10,000 changes, two thirds of the statement); now it reads one column. What it summarises is
the deal's stage changes and its pipeline's stage orders and phases, so it is refreshed:

* for one deal, whenever one of its stage changes is saved or deleted (the `post_save`/`post_delete` signals
  connected below: `create_deal`, `move_deal`, the demo, the admin, tests);
* for a whole pipeline, when its stages are rewritten (`save_pipeline`, the admin's pipeline page);
* by whoever writes stage changes or stage orders without signals (`bulk_create`, `queryset.update()`): the
  bench builder calls `refresh_furthest_stage` itself.

`tests/invest/domain/test_funnel.py` compares the column with `furthest_stage_by_hand` after each write path.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save

from kopru.invest.enums import StagePhase
from kopru.invest.models import Deal, Pipeline, StageChange


def furthest_stage_subquery(deal_ref: str = "pk", pipeline_ref: str = "pipeline_id") -> Subquery:
    """The id of the furthest (not lost) stage of the deal's pipeline among its stage changes' targets."""
    return Subquery(
        StageChange.objects.filter(deal_id=OuterRef(deal_ref), to_stage__pipeline_id=OuterRef(pipeline_ref))
        .exclude(to_stage__phase=StagePhase.LOST)
        .order_by("-to_stage__order", "-to_stage_id")
        .values("to_stage_id")[:1]
    )


CHUNK = 500  # deals written by one UPDATE (a pipeline whose orders changed may change thousands)


@transaction.atomic(savepoint=False)  # inside move_deal's own: no savepoint round trips
def refresh_furthest_stage(deals) -> int:
    """Recompute `furthest_stage` for `deals` (a Deal queryset) and write it where it changed; the number of
    deals changed. The deals are locked first (PostgreSQL; a no-op on SQLite), and the value read by a later
    statement, so that a move committed meanwhile is seen and one that starts later waits for this one."""
    if not list(deals.order_by().select_for_update().values_list("pk", flat=True)):
        return 0
    rows = (
        deals.order_by().annotate(now=furthest_stage_subquery()).values_list("pk", "furthest_stage_id", "now")
    )
    changed: dict[int | None, list[int]] = defaultdict(list)
    for pk, kept, now in rows:
        if kept != now:
            changed[now].append(pk)
    for stage_id, pks in changed.items():
        for start in range(0, len(pks), CHUNK):
            # queryset.update(): neither the history nor updated_at moves (nothing the user changed)
            Deal.objects.filter(pk__in=pks[start : start + CHUNK]).update(furthest_stage_id=stage_id)
    return sum(len(pks) for pks in changed.values())


def refresh_pipeline(pipeline: Pipeline) -> int:
    """After a pipeline's stage orders or phases changed: every deal of it."""
    return refresh_furthest_stage(Deal.objects.filter(pipeline=pipeline))


def furthest_stage_by_hand(deal: Deal) -> int | None:
    """The same value counted in Python from the deal's stage changes (what the tests compare with)."""
    best = None
    for change in StageChange.objects.filter(deal_id=deal.pk).select_related("to_stage"):
        stage = change.to_stage
        if stage.pipeline_id != deal.pipeline_id or stage.phase == StagePhase.LOST:
            continue
        if best is None or stage.order > best.order:
            best = stage
    return best.pk if best else None


def _stage_change_written(sender, instance: StageChange, origin=None, update_fields=None, **kwargs) -> None:
    if update_fields is not None and not {"deal", "deal_id", "to_stage", "to_stage_id"} & set(update_fields):
        return  # e.g. the demo redating its changes
    if isinstance(origin, Deal) or (origin is not None and getattr(origin, "model", None) is Deal):
        return  # the deal itself is being deleted
    refresh_furthest_stage(Deal.objects.filter(pk=instance.deal_id))


def connect() -> None:
    post_save.connect(_stage_change_written, sender=StageChange, dispatch_uid="invest-furthest-stage-save")
    post_delete.connect(
        _stage_change_written, sender=StageChange, dispatch_uid="invest-furthest-stage-delete"
    )
