"""Figures kept per data version: an aggregate computed once and reused until a table it reads is written.

Every tracked table has a row in `core_dataversion` whose `version` a database trigger changes in the same
transaction as any write to the table — the ORM's saves and deletes, `.update()`, `.delete()`,
`bulk_create`, raw SQL, migrations, the admin, psql — so a write cannot forget to say so, and the new
version becomes visible exactly when the write does (at commit, together).

- PostgreSQL: a deferred constraint trigger per row sets the version to the writing transaction's id
  (`txid_current()`, unique for ever in the cluster: a rolled-back write's version is never seen, and a
  flushed or restored table never repeats one), at most once per transaction and table (`version <>` the
  id: the later rows find it set and write nothing); a TRUNCATE trigger does the same. Deferred, the row
  lock on the version row is taken at commit only, so writers of one table do not wait for each other's
  whole transaction; one advisory lock taken first (`_LOCK`) orders the committing writers, so that two of
  them cannot lock the version rows in opposite orders.
- SQLite: AFTER INSERT/UPDATE/DELETE triggers add one (one writer at a time; a rolled-back number may come
  again, which is harmless because only committed data is ever kept, below).

A page asks `remembered(name, key, models, compute)`: the versions of the tables `models` are read from the
database (one small statement), and the value is kept in Django's cache under the name, the database, those
versions and `key` — which must hold everything else the value depends on: the reader's visibility scope
(`access.reader_scope`), the pipeline, the filters, the language if it is formatted. The value is computed
and kept only outside a transaction (autocommit: every statement reads committed data only): inside one, a
request could see its own uncommitted writes under the old version, so it computes and keeps nothing.

Reading the version before computing means a kept value is never older than its version: a write that
commits between the two makes the value newer than the key says, and every later request reads the new
version anyway. Tables are tracked by the apps that read them (`track`, from `AppConfig.ready`); the
triggers are installed after every `migrate` (post_migrate, `install`), idempotently.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.db.models import Model

VERSIONS_TABLE = "core_dataversion"
_TRIGGER = "kopru_data_version"
_FUNCTION = "kopru_data_version_bump"
# One transaction-level advisory lock, taken before a committing transaction sets any version: two
# transactions that wrote the same tracked tables in opposite orders would otherwise lock the version rows
# in opposite orders at commit and deadlock. Held from the first version set to the commit's end.
_LOCK = 7_214_001_012

# model labels ("invest.deal", "engage.engagement_people" for a link table), in the order they were tracked
_TRACKED: dict[str, None] = {}
_MISSING = object()


def track(*labels: str) -> None:
    """Keep versions of these models' tables (call from `AppConfig.ready`)."""
    for label in labels:
        _TRACKED.setdefault(label.lower(), None)


def tracked_tables() -> list[str]:
    return [_model(label)._meta.db_table for label in _TRACKED]


def _model(label: str) -> type[Model]:
    app_label, name = label.split(".")
    return apps.get_model(app_label, name)


def table_of(model: type[Model] | str) -> str:
    """`model`'s table, refusing a model whose table is not tracked (a value kept on it would go stale)."""
    label = model.lower() if isinstance(model, str) else model._meta.label_lower
    if label not in _TRACKED:
        raise ValueError(f"{label} is not tracked by kopru.core.versions: track() it before keeping figures")
    return _model(label)._meta.db_table


def _postgresql_sql(table: str, quote) -> list[str]:
    name = quote(table)
    return [
        f"DROP TRIGGER IF EXISTS {_TRIGGER} ON {name}",
        f"CREATE CONSTRAINT TRIGGER {_TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {name}"
        f" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}()",
        f"DROP TRIGGER IF EXISTS {_TRIGGER}_truncate ON {name}",
        f"CREATE TRIGGER {_TRIGGER}_truncate AFTER TRUNCATE ON {name}"
        f" FOR EACH STATEMENT EXECUTE FUNCTION {_FUNCTION}()",
    ]


def _sqlite_sql(table: str, quote) -> list[str]:
    bump = f"UPDATE {VERSIONS_TABLE} SET version = version + 1 WHERE name = '{table}';"
    statements = []
    for event in ("INSERT", "UPDATE", "DELETE"):
        trigger = quote(f"{_TRIGGER}_{table}_{event.lower()}")
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS {trigger} AFTER {event} ON {quote(table)} BEGIN {bump} END"
        )
    return statements


def install(using: str = "default") -> None:
    """The version rows and triggers of every tracked table (idempotent; after every `migrate`)."""
    connection = connections[using]
    tables = tracked_tables()
    existing = set(connection.introspection.table_names())
    if VERSIONS_TABLE not in existing:
        return
    tables = [table for table in tables if table in existing]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                f" PERFORM pg_advisory_xact_lock({_LOCK});"
                f" UPDATE {VERSIONS_TABLE} SET version = txid_current()"
                f" WHERE name = TG_TABLE_NAME AND version <> txid_current(); RETURN NULL; END $$"
            )
            # only the missing triggers: creating one locks its table, and this runs after every migrate
            cursor.execute(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                " WHERE t.tgname IN (%s, %s)",
                [_TRIGGER, f"{_TRIGGER}_truncate"],
            )
            present: dict[str, int] = {}
            for table, _name in cursor.fetchall():
                present[table] = present.get(table, 0) + 1
            for table in tables:
                if present.get(table) != 2:
                    for statement in _postgresql_sql(table, quote):
                        cursor.execute(statement)
                cursor.execute(
                    f"INSERT INTO {VERSIONS_TABLE} (name, version) VALUES (%s, txid_current())"
                    " ON CONFLICT (name) DO NOTHING",
                    [table],
                )
        elif connection.vendor == "sqlite":
            for table in tables:
                for statement in _sqlite_sql(table, quote):
                    cursor.execute(statement)
                # a random start: a table flushed and filled again (tests) never repeats a version a
                # process may still keep figures under
                cursor.execute(
                    f"INSERT OR IGNORE INTO {VERSIONS_TABLE} (name, version) VALUES (%s, %s)",
                    [table, secrets.randbits(62)],
                )


def installed(sender, using: str = "default", **kwargs) -> None:
    """post_migrate receiver (kopru.core.apps)."""
    install(using)


def versions(using: str, tables: Iterable[str]) -> tuple | None:
    """The current version of each table, in the order given; None if one has no version row."""
    tables = tuple(tables)
    marks = ", ".join(["%s"] * len(tables))
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT name, version FROM {VERSIONS_TABLE} WHERE name IN ({marks})", tables)
        found = dict(cursor.fetchall())
    if len(found) != len(tables):
        return None
    return tuple(found[table] for table in tables)


def remembered(name: str, key: Hashable, models: Iterable, compute: Callable[[], Any], *, using=None) -> Any:
    """`compute()`, kept per data version of `models`' tables and `key` (see the module's docstring: `key`
    holds everything but the data the value depends on). Kept values are copies (Django's cache): change
    what this returns freely."""
    models = list(models)
    tables = [table_of(model) for model in models]
    if using is None:
        first = models[0]
        using = router.db_for_read(_model(first.lower()) if isinstance(first, str) else first)
    connection = connections[using]
    if not settings.KOPRU_DATA_VERSIONS or connection.in_atomic_block or not connection.get_autocommit():
        return compute()
    current = versions(using, tables)
    if current is None:
        return compute()
    digest = hashlib.sha256(
        repr((name, using, connection.settings_dict["NAME"], tables, current, key)).encode()
    ).hexdigest()
    cache_key = f"kopru:kept:{name}:{digest}"
    value = cache.get(cache_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(cache_key, value, settings.KOPRU_DATA_VERSIONS_SECONDS)
    return value
