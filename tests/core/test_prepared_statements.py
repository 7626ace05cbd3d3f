"""`kopru.core.statements.prepared_cursor`: a statement run again and again is prepared on the PostgreSQL
server once per connection, goes through Django's cursor wrapper (counted and logged as a plain cursor logs
it) and gives the rows a plain cursor gives; SQLite, or `KOPRU_DB_PREPARED=0`, gets a plain cursor."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from kopru.core.statements import prepared_cursor
from tests.factories import EngagementFactory

pytestmark = pytest.mark.django_db

SQL = (
    'SELECT "id", "visibility", "created_at" FROM "engage_engagement" '
    'WHERE "id" = %s AND ("visibility" = %s OR "owner_side" = %s) AND "created_at" < %s AND "title" LIKE %s'
)


def _rows(cursor_of, params):
    with cursor_of() as cursor:
        cursor.execute(SQL, params)
        return cursor.fetchall()


def _prepared_here() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
        return [row[0] for row in cursor.fetchall()]


def test_the_rows_and_the_query_log_are_a_plain_cursors():
    engagement = EngagementFactory(title="100% Meeting")
    later = datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC)
    for visibility, side, title in (("shared", "TR", "100%"), ("public", "", "1%")):
        params = [engagement.pk, visibility, side, later, title]
        with CaptureQueriesContext(connection) as plain:
            expected = _rows(connection.cursor, params)
        with CaptureQueriesContext(connection) as prepared:
            found = _rows(lambda: prepared_cursor("default"), params)
        assert found == expected
        assert [q["sql"] for q in prepared] == [q["sql"] for q in plain]
    assert _rows(lambda: prepared_cursor("default"), [engagement.pk, "x", "x", later, "%"]) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_on_postgresql_the_statement_is_prepared_once_and_kept_across_a_rollback():
    params = [1, "shared", "TR", datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC), "%"]
    for _ in range(3):
        _rows(lambda: prepared_cursor("default"), params)
    prepared = [text for text in _prepared_here() if '"engage_engagement"' in text and "LIKE $5" in text]
    assert len(prepared) == 1
    try:
        with transaction.atomic():
            _rows(lambda: prepared_cursor("default"), params)
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    assert _rows(lambda: prepared_cursor("default"), params) == _rows(connection.cursor, params)
    # plain cursors prepare nothing
    before = set(_prepared_here())
    _rows(connection.cursor, [2, "public", "", params[3], "%"])
    assert set(_prepared_here()) == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_turned_off_nothing_is_prepared(settings):
    settings.KOPRU_DB_PREPARED = False
    before = set(_prepared_here())
    _rows(lambda: prepared_cursor("default"), [3, "public", "", datetime.datetime.now(datetime.UTC), "%"])
    assert set(_prepared_here()) == before
