"""Which ingest items belong to a dead worker: their heartbeat (or, before the first beat, their start)
is older than `kopru.core.heartbeat.stale_after()`.

An item is "running" while a worker extracts it; an item still "queued" but with a heartbeat was picked
up by a worker that died before it could claim it. Queued items without a heartbeat are just waiting.
"""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from kopru.core.heartbeat import stale_after
from kopru.intel.enums import ItemStatus
from kopru.intel.models import IngestItem


def stale_items(now: datetime.datetime) -> QuerySet[IngestItem]:
    cutoff = now - stale_after()
    return IngestItem.objects.filter(
        Q(status=ItemStatus.RUNNING, heartbeat_at__lt=cutoff)
        | Q(status=ItemStatus.RUNNING, heartbeat_at__isnull=True, started_at__lt=cutoff)
        | Q(status=ItemStatus.QUEUED, heartbeat_at__lt=cutoff)
    )
