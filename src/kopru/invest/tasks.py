"""Background work of the investment app: keyword-only ids in, re-fetch, call the domain."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django_tasks import task

from kopru.invest.domain.imports import confirm_import
from kopru.invest.models import ImportBatch


@task()
def confirm_import_task(*, batch_id: int) -> str:
    """Write a queued import (all rows or none); a failure is recorded on the batch for the officer."""
    batch = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.QUEUED).first()
    if batch is None:
        return "skipped"
    plan = batch.decisions or {}
    user = get_user_model().objects.filter(pk=plan.get("user_id")).first()
    try:
        confirm_import(
            batch, user=user, decisions=plan.get("choices") or {}, skip_errors=bool(plan.get("skip_errors"))
        )
    except Exception as error:  # recorded for the officer, then re-raised for the worker log
        summary = {**batch.summary, "failure": str(error)[:2000]}
        ImportBatch.objects.filter(pk=batch_id).update(status=ImportBatch.Status.FAILED, summary=summary)
        raise
    return "imported"
