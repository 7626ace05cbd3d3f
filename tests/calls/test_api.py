"""The calls API: submission refusals as 422 with every reason, eligibility reports, the panel, the CLI."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from kopru.calls.enums import CallStatus, ProposalStatus
from kopru.calls.models import Review, ReviewAssignment
from tests.factories import CallFactory, draft, move, organisation, past_deadline, reviewer, submitted

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def owner(cast):
    organisation_ = cast.company_organisation
    organisation_.country_id = "TR"
    organisation_.save()
    return organisation_


def test_submitting_an_ineligible_draft_answers_422_with_the_reasons(client, cast, owner):
    proposal = draft(CallFactory(), owner, with_file=False)
    client.force_login(cast.company)
    response = client.post(f"/api/calls/proposals/{proposal.pk}/submit", {}, content_type="application/json")
    assert response.status_code == 422
    assert [item["msg"] for item in response.json()["detail"]] == [
        "Not eligible: No partner from CN: the consortium has partners from TR only.",
        "Not eligible: Missing required documents: work plan.",
    ]
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT


def test_the_eligibility_report_lists_every_rule(client, cast, owner):
    proposal = draft(CallFactory(), owner, partners=[(organisation("CN Lab", "CN"), "100")])
    client.force_login(cast.company)
    report = client.get(f"/api/calls/proposals/{proposal.pk}/eligibility").json()
    assert report["eligible"] is True
    assert [r["rule"] for r in report["results"]] == [
        "partner_countries",
        "partners_in_call_countries",
        "organisation_kinds",
        "duration",
        "budget_TR",
        "budget_CN",
        "documents",
        "principal_investigators",
    ]


def test_submitting_through_the_api(client, cast, owner):
    proposal = draft(CallFactory(), owner, partners=[(organisation("CN Lab", "CN"), "100")])
    client.force_login(cast.company)
    response = client.post(f"/api/calls/proposals/{proposal.pk}/submit", {}, content_type="application/json")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["budget"]) == (
        "submitted",
        {"TR": 500000.0, "CN": 100.0},
    )


def test_the_panel_api_gives_ranking_and_reasons(client, cast, owner):
    call = CallFactory()
    proposal = submitted(call, owner, organisation("CN Lab", "CN"))
    assignment = ReviewAssignment.objects.create(
        proposal=proposal, reviewer=reviewer("ada", "TR"), source="manual"
    )
    Review.objects.create(
        assignment=assignment,
        scores={"excellence": 4, "impact": 4, "implementation": 4},
        submitted_at=proposal.submitted_at,
    )
    move(call, CallStatus.PANEL)
    client.force_login(cast.staff_b)
    panel = client.get(f"/api/calls/{call.pk}/panel").json()
    assert panel["status"] == "optimal"
    assert panel["ranking"] == [
        {
            "rank": 1,
            "proposal": proposal.code,
            "quality": 4.0,
            "funded": True,
            "decision": "funded",
            "reason": "Funded: quality 4.00 is part of the best set within the budgets",
        }
    ]


def test_the_call_assign_command(cast, owner):
    call = CallFactory()
    submitted(call, owner, organisation("CN Lab", "CN"))
    with pytest.raises(CommandError, match="Reviewers are assigned once the call is closed"):
        call_command("call_assign", call.pk)
    past_deadline(call)
    move(call, CallStatus.CLOSED)
    with pytest.raises(CommandError, match=r"infeasible: The reviewer pool is empty\."):
        call_command("call_assign", call.pk)
    reviewer("ada", "TR")
    reviewer("chen", "CN")
    call_command("call_assign", call.pk)
    assert ReviewAssignment.objects.count() == 2


def test_the_api_lists_the_statuses_a_call_may_move_to_with_the_reasons(client, cast):
    call = past_deadline(CallFactory(status=CallStatus.OPEN))
    client.force_login(cast.staff_b)
    options = client.get(f"/api/calls/{call.pk}/transitions").json()
    assert [(o["status"], o["allowed"]) for o in options] == [
        ("draft", False),
        ("closed", True),
        ("in_review", False),
        ("panel", False),
        ("decided", False),
        ("archived", False),
    ]
    assert options[1]["reason"] is None
    assert options[2]["reason"] == "A call in status “Open” can only move to “Closed”."


def test_a_refused_transition_through_the_api_is_a_422_with_the_reason(client, cast):
    call = CallFactory(status=CallStatus.OPEN)
    client.force_login(cast.staff_a)
    response = client.post(
        f"/api/calls/{call.pk}/transitions", {"to_status": "closed"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "payload", "to_status"],
                "msg": "The call closes at its deadline; applicants may submit until then.",
                "type": "value_error",
            }
        ]
    }
    call.refresh_from_db()
    assert call.status == CallStatus.OPEN


def test_an_allowed_transition_through_the_api_moves_the_call_and_is_signed(client, cast):
    call = past_deadline(CallFactory(status=CallStatus.OPEN))
    client.force_login(cast.staff_a)
    response = client.post(
        f"/api/calls/{call.pk}/transitions",
        {"to_status": "closed", "note": "Deadline passed"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "closed"
    transition = call.transitions.get()
    assert (transition.from_status, transition.to_status, transition.by, transition.note) == (
        "open",
        "closed",
        cast.staff_a,
        "Deadline passed",
    )
