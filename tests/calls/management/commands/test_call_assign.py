"""`kopru call_assign CALL_ID`: the solver now, from the command line, with the same guards as the task."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from kopru.calls.domain import reviewing
from kopru.calls.enums import CallStatus, RunStatus
from kopru.calls.models import AssignmentRun, Review, ReviewAssignment
from kopru.cli import main
from tests.factories import CallFactory, move, organisation, past_deadline, reviewer, submitted

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SCORES = {"excellence": 4, "impact": 3, "implementation": 5}


def _reviews():
    return sorted(
        Review.objects.values_list("pk", "assignment_id", "scores", "submitted_at", "comment_to_applicant")
    )


def _assignments():
    return sorted(ReviewAssignment.objects.values_list("pk", "proposal_id", "reviewer_id"))


def test_the_command_on_a_call_with_submitted_reviews_leaves_every_review_in_place(cast):
    call = CallFactory()
    for i in range(2):
        submitted(
            call, organisation(f"Anatolia {i}", "TR"), organisation(f"Shenzhen {i}", "CN"), title=f"P{i}"
        )
    past_deadline(call)
    move(call, CallStatus.CLOSED)
    for name, country in [("ada", "TR"), ("burak", "TR"), ("chen", "CN"), ("dong", "CN")]:
        reviewer(name, country)
    call_command("call_assign", call.pk)
    move(call, CallStatus.IN_REVIEW)
    assignments = list(ReviewAssignment.objects.filter(proposal__call=call).order_by("pk"))
    reviewing.save_review(assignments[0], scores=SCORES, comment_to_applicant="Strong.", submit=True)
    reviewing.save_review(assignments[1], scores=SCORES, submit=True)
    reviewing.save_review(assignments[2], scores={"excellence": 1}, comment_to_applicant="draft")
    reviews_before = _reviews()
    assignments_before = _assignments()

    with pytest.raises(CommandError) as refused:
        call_command("call_assign", call.pk)

    assert str(refused.value) == (
        "refused, no assignment or review was changed: 2 reviews have been submitted; "
        "re-running the solver would discard them. Adjust by hand."
    )
    assert _reviews() == reviews_before
    assert _assignments() == assignments_before
    latest = AssignmentRun.objects.filter(call=call).order_by("-pk").first()
    assert latest.status == RunStatus.REFUSED


def test_the_command_exits_non_zero_when_it_refuses(cast, capsys):
    """Through the console entry point as an operator types it: a non-zero exit and the reason on stderr."""
    call = CallFactory()  # open: not assignable yet
    with pytest.raises(SystemExit) as exit_:
        main(["call_assign", str(call.pk)])
    assert exit_.value.code == 1
    assert "Reviewers are assigned once the call is closed and before the panel." in capsys.readouterr().err
