"""The guard lives in the function that writes: `run_assignment` refuses, under the call's row lock, when a
review has been submitted, whoever calls it and however long ago the run was queued; `Review` is protected
from cascading deletes."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.db.models import ProtectedError
from django.utils import timezone

from kopru.calls.domain import reviewing
from kopru.calls.domain.proposals import withdraw_proposal
from kopru.calls.enums import CallStatus, RunStatus
from kopru.calls.models import AssignmentRun, Review, ReviewAssignment
from kopru.calls.tasks import run_assignment_task
from kopru.core.heartbeat import stale_after
from tests.factories import CallFactory, move, organisation, past_deadline, reviewer, submitted

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SCORES = {"excellence": 4, "impact": 3, "implementation": 5}


def closed_call_with_reviewers():
    """A closed call with two submitted binational proposals and four reviewers, two per side."""
    call = CallFactory()
    for i in range(2):
        submitted(
            call, organisation(f"Anatolia {i}", "TR"), organisation(f"Shenzhen {i}", "CN"), title=f"P{i}"
        )
    past_deadline(call)
    move(call, CallStatus.CLOSED)
    for name, country in [("ada", "TR"), ("burak", "TR"), ("chen", "CN"), ("dong", "CN")]:
        reviewer(name, country)
    return call


@pytest.fixture
def assigned_call(cast):
    """A closed call, two submitted proposals, four reviewers and a solver assignment (2 per proposal)."""
    call = closed_call_with_reviewers()
    run = reviewing.run_assignment(AssignmentRun.objects.create(call=call))
    assert run.status == RunStatus.OPTIMAL
    return call


def _snapshot(call):
    return sorted(
        ReviewAssignment.objects.filter(proposal__call=call).values_list("pk", "proposal_id", "reviewer_id")
    )


def test_a_run_queued_before_a_review_is_submitted_refuses_when_it_runs(
    assigned_call, django_capture_on_commit_callbacks
):
    call = assigned_call
    with django_capture_on_commit_callbacks(execute=False):
        queued = reviewing.request_assignment_run(call)  # accepted: nothing submitted yet
    assert AssignmentRun.objects.get(pk=queued.pk).status == RunStatus.QUEUED
    move(call, CallStatus.IN_REVIEW)
    first = ReviewAssignment.objects.filter(proposal__call=call).order_by("pk").first()
    review = reviewing.save_review(first, scores=SCORES, comment_to_applicant="Convincing.", submit=True)
    before = _snapshot(call)

    assert run_assignment_task.call(run_id=queued.pk) == RunStatus.REFUSED

    queued.refresh_from_db()
    assert queued.status == RunStatus.REFUSED
    assert queued.explanation == (
        "1 review has been submitted; re-running the solver would discard it. Adjust by hand."
    )
    assert queued.finished_at is not None
    assert queued.assignments_made is None
    assert Review.objects.get(pk=review.pk).scores == {
        "excellence": 4.0,
        "impact": 3.0,
        "implementation": 5.0,
    }
    assert _snapshot(call) == before


def test_a_run_without_submitted_reviews_replaces_assignments_and_their_drafts(assigned_call):
    call = assigned_call
    move(call, CallStatus.IN_REVIEW)
    first = ReviewAssignment.objects.filter(proposal__call=call).order_by("pk").first()
    reviewing.save_review(first, scores={"excellence": 2}, comment_to_applicant="so far")
    old = {pk for pk, *_ in _snapshot(call)}

    run = reviewing.run_assignment(AssignmentRun.objects.create(call=call))

    assert run.status == RunStatus.OPTIMAL
    assert Review.objects.count() == 0
    assert ReviewAssignment.objects.filter(pk__in=old).count() == 0
    assert ReviewAssignment.objects.filter(proposal__call=call).count() == 4


def test_a_run_on_a_call_past_review_refuses_with_the_reason(assigned_call):
    call = assigned_call
    move(call, CallStatus.PANEL)
    before = _snapshot(call)
    run = reviewing.run_assignment(AssignmentRun.objects.create(call=call))
    assert (run.status, run.explanation) == (
        RunStatus.REFUSED,
        "Reviewers are assigned once the call is closed and before the panel.",
    )
    assert _snapshot(call) == before


def test_a_submitted_review_is_protected_from_deleting_its_assignment(assigned_call):
    call = assigned_call
    move(call, CallStatus.IN_REVIEW)
    first = ReviewAssignment.objects.filter(proposal__call=call).order_by("pk").first()
    reviewing.save_review(first, scores=SCORES, submit=True)
    with pytest.raises(ProtectedError):
        ReviewAssignment.objects.filter(pk=first.pk).delete()
    assert Review.objects.filter(assignment=first).count() == 1


def test_a_declared_conflict_still_removes_a_draft_review_with_its_assignment(assigned_call):
    call = assigned_call
    move(call, CallStatus.IN_REVIEW)
    first = ReviewAssignment.objects.filter(proposal__call=call).order_by("pk").first()
    reviewing.save_review(first, scores={"excellence": 2})
    reviewing.declare_conflict(first.proposal, reviewer=first.reviewer, reason="Former student of the PI")
    assert ReviewAssignment.objects.filter(pk=first.pk).count() == 0
    assert Review.objects.count() == 0


def test_a_review_for_a_replaced_assignment_is_refused_not_saved(assigned_call):
    call = assigned_call
    stale = ReviewAssignment.objects.filter(proposal__call=call).order_by("pk").first()
    reviewing.run_assignment(AssignmentRun.objects.create(call=call))  # replaces every assignment
    move(call, CallStatus.IN_REVIEW)
    with pytest.raises(Exception, match="This assignment has been replaced"):
        reviewing.save_review(stale, scores=SCORES, submit=True)
    assert Review.objects.count() == 0


def test_withdrawing_a_reviewed_proposal_keeps_its_submitted_review(assigned_call):
    call = assigned_call
    move(call, CallStatus.IN_REVIEW)
    proposal = call.proposals.order_by("pk").first()
    first, second = ReviewAssignment.objects.filter(proposal=proposal).order_by("pk")
    submitted_review = reviewing.save_review(first, scores=SCORES, submit=True)
    reviewing.save_review(second, scores={"excellence": 1})  # a draft
    withdraw_proposal(first.proposal)
    assert list(Review.objects.values_list("pk", flat=True)) == [submitted_review.pk]
    assert ReviewAssignment.objects.filter(proposal=first.proposal).count() == 1


# --- two runs of one call: only one replaces the assignments --------------------------------------------


def test_a_run_stands_down_while_another_run_of_the_call_is_being_solved(assigned_call):
    call = assigned_call
    running = AssignmentRun.objects.create(call=call)
    # A worker is solving `running`: the task's heartbeat marks it, outside the solving transaction.
    AssignmentRun.objects.filter(pk=running.pk).update(heartbeat_at=timezone.now())
    second = AssignmentRun.objects.create(call=call)
    before = _snapshot(call)

    assert run_assignment_task.call(run_id=second.pk) == RunStatus.SUPERSEDED

    second.refresh_from_db()
    assert second.explanation == (
        f"Run #{running.pk} of this call was being solved at the same time; this run changed nothing."
    )
    assert second.finished_at is not None
    assert second.assignments_made is None
    assert _snapshot(call) == before
    assert AssignmentRun.objects.get(pk=running.pk).status == RunStatus.QUEUED  # left to its own worker


def test_of_two_runs_queued_at_once_the_second_does_not_write_again(assigned_call):
    call = assigned_call
    first, second = AssignmentRun.objects.create(call=call), AssignmentRun.objects.create(call=call)

    assert run_assignment_task.call(run_id=first.pk) == RunStatus.OPTIMAL
    after_first = _snapshot(call)
    assert run_assignment_task.call(run_id=second.pk) == RunStatus.SUPERSEDED

    second.refresh_from_db()
    assert second.explanation == (
        f"Run #{first.pk} replaced the assignments after this run was requested; this run changed nothing."
    )
    assert _snapshot(call) == after_first


def test_a_dead_workers_run_does_not_block_a_new_one(assigned_call):
    call = assigned_call
    dead = AssignmentRun.objects.create(call=call)
    AssignmentRun.objects.filter(pk=dead.pk).update(
        heartbeat_at=timezone.now() - stale_after() - datetime.timedelta(seconds=1)
    )
    fresh = AssignmentRun.objects.create(call=call)
    assert run_assignment_task.call(run_id=fresh.pk) == RunStatus.OPTIMAL


def test_a_run_delivered_twice_is_decided_once(assigned_call):
    call = assigned_call
    run = AssignmentRun.objects.create(call=call)
    stale_copy = AssignmentRun.objects.get(pk=run.pk)  # what a second delivery read before the first ended
    assert reviewing.run_assignment(run).status == RunStatus.OPTIMAL
    after = _snapshot(call)
    assert reviewing.run_assignment(stale_copy).status == RunStatus.OPTIMAL
    assert _snapshot(call) == after


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between two connections")
def test_two_runs_in_two_threads_write_once_on_postgresql(transactional_db):
    call_command("load_reference", verbosity=0)  # a transactional test starts from a flushed database
    call = closed_call_with_reviewers()
    runs = [AssignmentRun.objects.create(call=call) for _ in range(2)]
    start = threading.Barrier(2)
    outcomes = {}

    def work(run_id):
        try:
            start.wait()
            outcomes[run_id] = run_assignment_task.call(run_id=run_id)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(run.pk,)) for run in runs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(outcomes.values()) == [RunStatus.OPTIMAL, RunStatus.SUPERSEDED]
    assert sorted(AssignmentRun.objects.values_list("status", flat=True)) == ["optimal", "superseded"]
    assert ReviewAssignment.objects.filter(proposal__call=call).count() == 4
