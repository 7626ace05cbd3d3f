"""The data version of the record that insights reads: every create, change, delete and many-to-many
change of a watched model writes a DataChange row in the same transaction (so the writer's own next read
sees it), and each transaction writes one more after it commits: a transaction that started earlier can
commit after a later one, its rows would then hide below a version already read, and results computed
without its changes would stay remembered until the next write. What bypasses model signals
(bulk_create, queryset.update(), raw SQL) is not seen until the next watched write.

Watched: every model of the record apps (core, engage, invest, calls) except those insights never reads
and that change on every request or run (API tokens' last use, profiles, import batches, assignment runs).
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

RECORD_APPS = ("core", "engage", "invest", "calls")
NOT_READ = {"core.ApiToken", "core.Profile", "invest.ImportBatch", "calls.AssignmentRun"}
PRUNE_EVERY = 1000  # keep the table small: older rows are never read (only the highest id is)

_watched: set = set()


def watched_models() -> set:
    return {
        model
        for model in apps.get_models()
        if model._meta.app_label in RECORD_APPS
        and not model.__name__.startswith("Historical")
        and model._meta.label not in NOT_READ
    }


def watch() -> None:
    """Connect the signals (from InsightsConfig.ready)."""
    _watched.clear()
    _watched.update(watched_models())
    _watched.update(
        field.remote_field.through for model in list(_watched) for field in model._meta.local_many_to_many
    )
    post_save.connect(_changed, dispatch_uid="insights-data-change-save")
    post_delete.connect(_changed, dispatch_uid="insights-data-change-delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="insights-data-change-m2m")


def _changed(sender, **kwargs) -> None:
    if sender in _watched:
        record_change()


def _m2m_changed(sender, action, **kwargs) -> None:
    if sender in _watched and action in ("post_add", "post_remove", "post_clear"):
        record_change()


def record_change() -> None:
    from kopru.insights.models import DataChange

    DataChange.objects.create()
    if connection.in_atomic_block and not _bump_pending():
        transaction.on_commit(_after_commit, robust=True)  # once per transaction


def _bump_pending() -> bool:
    return any(func is _after_commit for _savepoints, func, _robust in connection.run_on_commit)


def _after_commit() -> None:
    from kopru.insights.models import DataChange

    change = DataChange.objects.create()
    if change.pk % PRUNE_EVERY == 0:
        DataChange.objects.filter(pk__lt=change.pk - PRUNE_EVERY).delete()
