"""Background work of the sources app: keyword-only ids in, re-fetch, call the domain."""

from __future__ import annotations

from django_tasks import task

from kopru.sources.domain.watching import fetch_source, watch
from kopru.sources.models import Source


@task()
def fetch_source_task(*, source_id: int) -> str:
    source = Source.objects.filter(pk=source_id).first()
    return fetch_source(source).outcome if source is not None else "skipped"


@task()
def watch_task() -> int:
    """Queue a fetch of every due source (for an RQ scheduler or cron: `kopru watch --queue`)."""
    watch(queue=True)
    return 0
