"""Assignment: the solver runs as a background task queued on commit, writes an assignment that passes
check_assignment, explains infeasibility; manual pairs are re-checked; declared conflicts remove pairs."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kopru.calls.assignment import check_assignment, solve_assignment
from kopru.calls.domain import reviewing
from kopru.calls.enums import AssignmentSource, CallStatus, RunStatus
from kopru.calls.models import AssignmentRun, ConflictDeclaration, ReviewAssignment
from tests.factories import CallFactory, move, organisation, past_deadline, reviewer, submitted

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

IMMEDIATE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}
}


@pytest.fixture
def closed_call(cast):
    call = CallFactory()
    owners = [organisation(f"Anatolia {i}", "TR") for i in range(3)]
    partners = [organisation(f"Shenzhen {i}", "CN") for i in range(3)]
    proposals = [
        submitted(call, owner, partner, title=f"Proposal {i}")
        for i, (owner, partner) in enumerate(zip(owners, partners, strict=True))
    ]
    past_deadline(call)
    move(call, CallStatus.CLOSED)
    return call, proposals, owners, partners


def test_the_solver_runs_after_commit_and_its_result_passes_the_checker(
    closed_call, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    call, _proposals, _owners, _partners = closed_call
    for name, country in [("ada", "TR"), ("burak", "TR"), ("chen", "CN"), ("dong", "CN")]:
        reviewer(name, country)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = reviewing.request_assignment_run(call)
    assert AssignmentRun.objects.get(pk=run.pk).status == RunStatus.QUEUED
    assert ReviewAssignment.objects.count() == 0
    for callback in callbacks:
        callback()
    run.refresh_from_db()
    assert run.status == RunStatus.OPTIMAL
    built = reviewing.build_instance(call)
    expected = solve_assignment(built.instance)
    assert run.objective == pytest.approx(expected.objective)
    pairs = reviewing.current_pairs(call)
    assert len(pairs) == 3 * call.reviews_per_proposal
    assert check_assignment(built.instance, pairs, complete=True) == []
    assert set(ReviewAssignment.objects.values_list("source", flat=True)) == {AssignmentSource.SOLVER}


def test_same_organisation_and_prior_coapplication_are_conflicts(closed_call, settings):
    settings.TASKS = IMMEDIATE
    call, proposals, owners, _partners = closed_call
    insider = reviewer("insider", "TR", organisation=owners[0])
    reviewer("other.tr", "TR")
    reviewer("chen", "CN")
    reviewer("dong", "CN")
    built = reviewing.build_instance(call)
    violations = check_assignment(built.instance, [(proposals[0].code, "insider")], complete=False)
    assert [v.kind for v in violations] == ["conflict"]
    assert "same organisation (Anatolia 0)" in violations[0].reason
    del insider


def test_an_impossible_call_is_explained_and_keeps_nothing(
    closed_call, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    call, _proposals, *_ = closed_call
    reviewer("ada", "TR")
    reviewer("burak", "TR")
    with django_capture_on_commit_callbacks(execute=True):
        run = reviewing.request_assignment_run(call)
    run.refresh_from_db()
    assert run.status == RunStatus.INFEASIBLE
    assert "no non-conflicted reviewer from CN" in run.explanation
    assert ReviewAssignment.objects.count() == 0


def test_a_manual_assignment_to_a_conflicted_reviewer_is_refused(closed_call):
    call, proposals, _owners, partners = closed_call
    insider = reviewer("insider", "CN", organisation=partners[1])
    with pytest.raises(ValidationError) as error:
        reviewing.assign_manually(call, proposal=proposals[1], reviewer=insider)
    assert error.value.message_dict == {
        "reviewer": [
            f"Refused: reviewer insider has a conflict with proposal {proposals[1].code}: "
            "same organisation (Shenzhen 1)."
        ]
    }
    assert ReviewAssignment.objects.count() == 0
    fine = reviewing.assign_manually(call, proposal=proposals[0], reviewer=insider)
    assert (fine.source, fine.reviewer) == (AssignmentSource.MANUAL, insider)


def test_manual_assignments_respect_the_reviewers_load(closed_call):
    call, proposals, *_ = closed_call
    call.max_reviewer_load = 1
    call.save()
    ada = reviewer("ada", "TR")
    reviewing.assign_manually(call, proposal=proposals[0], reviewer=ada)
    with pytest.raises(ValidationError) as error:
        reviewing.assign_manually(call, proposal=proposals[1], reviewer=ada)
    assert error.value.message_dict == {"reviewer": ["Refused: reviewer ada has 2 reviews, limit 1."]}


def test_a_declared_conflict_removes_the_assignment_and_binds_the_next_run(closed_call, settings):
    settings.TASKS = IMMEDIATE
    call, proposals, *_ = closed_call
    ada = reviewer("ada", "TR")
    assignment = reviewing.assign_manually(call, proposal=proposals[0], reviewer=ada)
    move(call, CallStatus.IN_REVIEW)
    with pytest.raises(ValidationError):
        reviewing.declare_conflict(proposals[0], reviewer=ada, reason="  ")
    reviewing.declare_conflict(proposals[0], reviewer=ada, reason="I co-authored with the PI")
    assert not ReviewAssignment.objects.filter(pk=assignment.pk).exists()
    assert ConflictDeclaration.objects.get().reason == "I co-authored with the PI"
    built = reviewing.build_instance(call)
    assert built.instance.declared_conflicts == [("ada", proposals[0].code)]


def test_the_assignment_page_shows_an_infeasible_run(
    client, cast, closed_call, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    call, *_ = closed_call
    client.force_login(cast.staff_b)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/calls/{call.pk}/assignments/run/")
    response = client.get(f"/calls/{call.pk}/assignments/")
    assert response.status_code == 200
    assert response.context["runs"][0].explanation == "The reviewer pool is empty."
    assert "The reviewer pool is empty." in response.content.decode()
