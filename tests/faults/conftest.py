import sqlite3

import pytest
from django.db import connection

from tests.faults.stack import Stack, redis_url_for, require_redis


@pytest.fixture
def stack(tmp_path, transactional_db, worker_id):
    if connection.vendor != "sqlite":
        pytest.skip(
            "the worker fault tests share a SQLite copy of the test database; they run in the SQLite pass"
        )
    redis_url = redis_url_for(worker_id)
    redis = require_redis(redis_url)
    redis.flushdb()
    running = Stack(tmp_path, redis_url)
    connection.ensure_connection()
    target = sqlite3.connect(running.database)
    connection.connection.backup(target)
    target.execute("PRAGMA journal_mode=WAL")
    target.close()
    try:
        yield running
    finally:
        running.stop()
        redis.flushdb()
