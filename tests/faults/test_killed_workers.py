"""A worker killed with SIGKILL mid-task: after a restart every item is done exactly once.

Real processes: `kopru rqworker` on Redis and a SQLite file database; the heartbeat beats every second
and goes stale after three (production: 10 s and 60 s), and `kopru requeue_stale` puts the dead worker's
task back in the queue.
"""

from __future__ import annotations

import time

import pytest

from tests.faults.stack import ROOT, wait_until

pytestmark = [pytest.mark.fault]

GOLD = ROOT / "data" / "gold" / "extraction"


def test_an_extraction_killed_midway_is_done_exactly_once_after_requeue(stack):
    files = [
        GOLD / "seed_trt_kacir_china.txt",
        GOLD / "press_rail_mou_turasas_crrc.txt",
        GOLD / "press_zhengyuan_ev_plant_eskisehir.txt",
    ]
    stack.kopru("ingest", *map(str, files), "--workers", "0", "--no-wait")
    assert stack.value("SELECT COUNT(*) FROM intel_ingestitem WHERE status = 'queued'") == 3

    doomed = stack.start_worker("doomed", KOPRU_FAULT_DELAY_EXTRACT="120")
    wait_until(
        "the worker to start extracting", lambda: "fault point extract reached" in stack.log_of("doomed")
    )
    [(victim, attempts)] = stack.rows("SELECT id, attempts FROM intel_ingestitem WHERE status = 'running'")
    assert attempts == 1
    stack.kill(doomed)

    stack.start_worker("survivor")
    wait_until(
        "the other two items",
        lambda: stack.value("SELECT COUNT(*) FROM intel_ingestitem WHERE status = 'done'") == 2,
    )
    # The dead worker's item is still "running", with a heartbeat that stopped when the worker died.
    assert stack.value("SELECT status FROM intel_ingestitem WHERE id = ?", victim) == "running"
    time.sleep(3.5)
    assert stack.kopru("requeue_stale") == "assignment runs: 0 queued again\ningest items: 1 queued again\n"

    wait_until(
        "the requeued item",
        lambda: stack.value("SELECT status FROM intel_ingestitem WHERE id = ?", victim) == "done",
    )
    items = stack.rows("SELECT id, status, attempts, document_id, suggestions_created FROM intel_ingestitem")
    assert sorted((status, attempts) for _id, status, attempts, _d, _s in items) == [
        ("done", 1),
        ("done", 1),
        ("done", 2),
    ]
    for _id, _status, _attempts, document, created in items:
        suggestions = stack.value("SELECT COUNT(*) FROM intel_suggestion WHERE document_id = ?", document)
        distinct = stack.value(
            "SELECT COUNT(DISTINCT fingerprint) FROM intel_suggestion WHERE document_id = ?", document
        )
        assert suggestions == distinct == created > 0


def test_an_assignment_run_killed_before_commit_leaves_nothing_and_finishes_once(stack):
    stack.kopru(
        "shell",
        "--no-imports",
        "-c",
        (ROOT / "ops" / "smoke_setup.py").read_text(),
        SMOKE_USER="fault.officer",
        SMOKE_PASSWORD="fault-officer-password",
    )
    stack.kopru(
        "shell",
        "--no-imports",
        "-c",
        "from django.db import transaction\n"
        "from kopru.calls.domain.reviewing import request_assignment_run\n"
        "from kopru.calls.models import Call\n"
        "with transaction.atomic():\n"
        "    request_assignment_run(Call.objects.get(title='Smoke test call'))\n",
    )
    [(run, call)] = stack.rows("SELECT id, call_id FROM calls_assignmentrun")

    doomed = stack.start_worker("doomed", KOPRU_FAULT_DELAY_ASSIGNMENT="120")
    # The solver has run and the new assignments are written, but not committed, when the worker dies.
    wait_until("the solver to finish", lambda: "fault point assignment reached" in stack.log_of("doomed"))
    stack.kill(doomed)

    assert stack.rows("SELECT status, finished_at, assignments_made FROM calls_assignmentrun") == [
        ("queued", None, None)
    ]
    assert stack.value("SELECT COUNT(*) FROM calls_reviewassignment") == 0

    stack.start_worker("survivor")
    time.sleep(3.5)
    assert stack.kopru("requeue_stale") == "assignment runs: 1 queued again\ningest items: 0 queued again\n"
    wait_until(
        "the requeued run",
        lambda: stack.value("SELECT status FROM calls_assignmentrun WHERE id = ?", run) != "queued",
    )

    [(status, made)] = stack.rows("SELECT status, assignments_made FROM calls_assignmentrun")
    assignments = stack.value(
        "SELECT COUNT(*) FROM calls_reviewassignment a JOIN calls_proposal p ON p.id = a.proposal_id "
        "WHERE p.call_id = ?",
        call,
    )
    pairs = stack.value(
        "SELECT COUNT(DISTINCT proposal_id || '-' || reviewer_id) FROM calls_reviewassignment"
    )
    assert (status, made, assignments, pairs) == ("optimal", 10, 10, 10)
