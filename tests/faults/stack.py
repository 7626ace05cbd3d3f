"""A small worker stack for the fault tests: a SQLite file database, Redis, `kopru rqworker` processes.

The database is a copy of the migrated test database (SQLite's backup API: milliseconds instead of a
fresh `migrate`), so workers in other processes can share it with the test.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def redis_url_for(worker_id: str) -> str:
    """Each xdist worker gets its own Redis database (6, 7, ...) so parallel tests never share a queue."""
    base = os.environ.get("KOPRU_FAULT_REDIS_URL", "redis://127.0.0.1:6379/6")
    number = int(base.rsplit("/", 1)[1]) + (int(worker_id[2:]) if worker_id.startswith("gw") else 0)
    return f"{base.rsplit('/', 1)[0]}/{number}"


def require_redis(url: str):
    import redis

    try:
        connection = redis.Redis.from_url(url, socket_connect_timeout=2)
        connection.ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis is not reachable at {url} (CI requires it)")
    return connection


class Stack:
    def __init__(self, folder: Path, redis_url: str):
        self.folder = folder
        self.database = folder / "kopru.sqlite3"
        self.redis_url = redis_url
        self.workers: list[subprocess.Popen] = []
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
            "DJANGO_SETTINGS_MODULE": "kopru.settings",
            "KOPRU_DATABASE_URL": f"sqlite:///{self.database}",
            "KOPRU_VAR_DIR": str(folder),
            "KOPRU_TASKS_BACKEND": "django_tasks_rq.RQBackend",
            "KOPRU_REDIS_URL": redis_url,
            "KOPRU_HEARTBEAT_SECONDS": "1",
            "KOPRU_STALE_AFTER_SECONDS": "3",
        }

    def kopru(self, *args: str, **env: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "kopru.cli", *args],
            env={**self.env, **env},
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def start_worker(self, name: str, **env: str) -> subprocess.Popen:
        log = (self.folder / f"{name}.log").open("w")
        process = subprocess.Popen(
            [sys.executable, "-m", "kopru.cli", "rqworker", "default", "--name", f"{name}-{os.getpid()}"],
            env={**self.env, **env},
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.workers.append(process)
        return process

    def log_of(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(errors="replace")

    def kill(self, process: subprocess.Popen) -> None:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def rows(self, sql: str, *params) -> list[tuple]:
        with sqlite3.connect(self.database, timeout=30) as connection:
            return connection.execute(sql, params).fetchall()

    def value(self, sql: str, *params):
        return self.rows(sql, *params)[0][0]

    def stop(self) -> None:
        for process in self.workers:
            if process.poll() is None:
                process.terminate()
        for process in self.workers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_until(what: str, check, timeout: float = 90.0, every: float = 0.3):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"{what} did not happen within {timeout:g} s")
