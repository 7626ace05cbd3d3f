"""Background work of the calls app: keyword-only ids in, re-fetch, call the domain."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from kopru.calls.domain.panel import send_letters
from kopru.calls.domain.reviewing import run_assignment
from kopru.calls.enums import RunStatus
from kopru.calls.models import AssignmentRun, Call
from kopru.core.heartbeat import fault_point, heartbeat


@task()
def run_assignment_task(*, run_id: int) -> str:
    with heartbeat(AssignmentRun, run_id):
        try:
            # The run and its assignments commit together or not at all: a worker killed before the commit
            # leaves the run queued and the call's previous assignments as they were.
            with transaction.atomic():
                run = AssignmentRun.objects.select_related("call").filter(pk=run_id).first()
                if run is None or run.status != RunStatus.QUEUED:
                    return "skipped"
                status = run_assignment(run).status
                fault_point("assignment")  # the fault tests kill a worker here: nothing above is committed
                return status
        except (
            Exception
        ) as error:  # recorded on the run so officers see it, then re-raised for the worker log
            AssignmentRun.objects.filter(pk=run_id).update(
                status=RunStatus.FAILED, explanation=str(error)[:2000]
            )
            raise


@task()
def send_letters_task(*, call_id: int) -> int:
    call = Call.objects.filter(pk=call_id).first()
    return send_letters(call) if call is not None else 0
