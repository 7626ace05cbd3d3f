"""Heartbeats: a running task whose worker stopped beating for a minute is found and queued again."""

from __future__ import annotations

import datetime
import time

import pytest
from django.utils import timezone

from kopru.core.heartbeat import heartbeat, stale_after, sweep_stale
from kopru.intel.domain.heartbeat import stale_items
from kopru.intel.models import IngestBatch, IngestItem
from tests.factories import DocumentFactory

pytestmark = [pytest.mark.integration]


def _item(status: str, **fields) -> IngestItem:
    batch = IngestBatch.objects.create()
    return IngestItem.objects.create(
        batch=batch, name="x.txt", document=DocumentFactory(), status=status, **fields
    )


@pytest.mark.django_db
def test_a_running_item_is_stale_once_its_heartbeat_is_a_minute_old():
    now = timezone.now()
    assert stale_after() == datetime.timedelta(seconds=60)
    fresh = _item(
        "running",
        started_at=now - datetime.timedelta(minutes=30),
        heartbeat_at=now - datetime.timedelta(seconds=50),
    )
    dead = _item(
        "running",
        started_at=now - datetime.timedelta(minutes=2),
        heartbeat_at=now - datetime.timedelta(seconds=61),
    )
    claimed_then_died = _item("queued", heartbeat_at=now - datetime.timedelta(seconds=90))
    waiting = _item("queued")
    no_beat_yet = _item("running", started_at=now - datetime.timedelta(seconds=20))
    _item("done", heartbeat_at=now - datetime.timedelta(hours=1))

    assert set(stale_items(now)) == {dead, claimed_then_died}
    assert {fresh, waiting, no_beat_yet}.isdisjoint(stale_items(now))


@pytest.mark.django_db
def test_sweeping_requeues_stale_items_once_and_clears_their_heartbeat(django_capture_on_commit_callbacks):
    now = timezone.now()
    dead = _item(
        "running",
        attempts=1,
        started_at=now - datetime.timedelta(minutes=2),
        heartbeat_at=now - datetime.timedelta(seconds=70),
    )

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert sweep_stale(now) == {"assignment runs": [], "ingest items": [dead.pk]}
    dead.refresh_from_db()
    assert (dead.status, dead.heartbeat_at, len(callbacks)) == ("queued", None, 1)
    # Queued again and not yet picked up: the next sweep leaves it alone.
    assert sweep_stale(now + datetime.timedelta(minutes=5)) == {"assignment runs": [], "ingest items": []}


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_thread_touches_the_row_while_the_block_runs(monkeypatch):
    monkeypatch.setenv("KOPRU_HEARTBEAT_SECONDS", "1")
    item = _item("running")
    with heartbeat(IngestItem, item.pk):
        first = IngestItem.objects.get(pk=item.pk).heartbeat_at
        time.sleep(2.3)
        later = IngestItem.objects.get(pk=item.pk).heartbeat_at
    assert first is not None and later - first >= datetime.timedelta(seconds=1)
