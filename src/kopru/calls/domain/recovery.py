"""Assignment runs whose worker died: their heartbeat stopped, so they are queued again.

A run is written in one transaction with its assignments (`run_assignment` is atomic and the task holds
the run's row lock until commit), so a killed worker leaves the run "queued" with the call's previous
assignments untouched; queueing it again is all recovery takes.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from kopru.calls.enums import RunStatus
from kopru.calls.models import AssignmentRun
from kopru.core.heartbeat import stale_after
from kopru.core.jobs import enqueue_on_commit


def requeue_stale_runs(now: datetime.datetime) -> list[int]:
    with transaction.atomic():
        stale = list(
            AssignmentRun.objects.filter(
                status=RunStatus.QUEUED, heartbeat_at__lt=now - stale_after()
            ).values_list("pk", flat=True)
        )
        AssignmentRun.objects.filter(pk__in=stale).update(heartbeat_at=None)
        for pk in stale:
            enqueue_on_commit("calls.run_assignment", run_id=pk)
    return stale
