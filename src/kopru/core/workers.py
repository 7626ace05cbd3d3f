"""The RQ worker class for `kopru rqworker` (KOPRU_TASKS_BACKEND=django_tasks_rq.RQBackend).

RQ's default worker forks a fresh process per job, so every extraction would load the language model
again (about a second each). This worker runs jobs in its own long-lived process instead, like the
database-queue worker, and treats database connections as a request would: closed when stale or broken
before and after each job, so a PostgreSQL restart costs one failed job at most, not every later one.
A worker killed mid-job loses that job only; its item's heartbeat stops and `kopru requeue_stale` (or the
next ingest) queues it again within a minute.
"""

from __future__ import annotations

from django.db import close_old_connections
from rq.worker import SimpleWorker


class RQWorker(SimpleWorker):
    def execute_job(self, job, queue):
        close_old_connections()
        try:
            return super().execute_job(job, queue)
        finally:
            close_old_connections()
