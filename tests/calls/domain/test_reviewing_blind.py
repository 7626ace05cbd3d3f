"""Blind-review rules: reviewers see only assigned proposals, no applicant identities on blind calls, no other
review before theirs is submitted; applicants see anonymised reviews only after the decision."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kopru.calls.domain import reviewing
from kopru.calls.enums import CallStatus
from kopru.calls.models import AssignmentRun, ReviewAssignment
from tests.factories import CallFactory, move, organisation, past_deadline, reviewer, submitted

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SCORES = {"excellence": 4, "impact": 3, "implementation": 5}


@pytest.fixture
def in_review(cast):
    call = CallFactory(blind=True, reviews_per_proposal=2)
    owner = cast.company_organisation
    owner.country_id = "TR"
    owner.save()
    mine = submitted(call, owner, organisation("Shenzhen Battery Lab", "CN"), title="Solid cells")
    other = submitted(
        call, organisation("Ege Solar", "TR"), organisation("Hefei PV", "CN"), title="Tandem PV"
    )
    past_deadline(call)
    move(call, CallStatus.CLOSED)
    ada, chen = reviewer("ada", "TR"), reviewer("chen", "CN")
    ReviewAssignment.objects.create(proposal=mine, reviewer=ada, source="manual")
    ReviewAssignment.objects.create(proposal=mine, reviewer=chen, source="manual")
    ReviewAssignment.objects.create(proposal=other, reviewer=cast.reviewer, source="manual")
    move(call, CallStatus.IN_REVIEW)
    return call, mine, other, ada, chen


def test_a_reviewer_sees_only_assigned_proposals(client, cast, in_review):
    call, mine, other, ada, _chen = in_review
    client.force_login(ada)
    assert client.get(f"/calls/proposals/{mine.pk}/").status_code == 200
    assert client.get(f"/calls/proposals/{other.pk}/").status_code == 404
    assert client.get(f"/calls/proposals/{other.pk}/review/").status_code == 404
    assert [p["id"] for p in client.get(f"/api/calls/{call.pk}/proposals").json()] == [mine.pk]


def test_blind_calls_hide_applicant_identities_from_reviewers(client, cast, in_review):
    _call, mine, _other, ada, _chen = in_review
    client.force_login(ada)
    page = client.get(f"/calls/proposals/{mine.pk}/").content.decode()
    for secret in (
        "Anatolia Cell Works",
        "Shenzhen Battery Lab",
        "Dr. Ayşe Yılmaz",
        "Dr. Li Wei",
        "plan.pdf",
    ):
        assert secret not in page
    assert "Solid cells" in page
    api = client.get(f"/api/calls/proposals/{mine.pk}").json()
    assert (api["applicant"], {p["organisation"] for p in api["partners"]}) == (None, {None})
    printable = client.get(f"/calls/proposals/{mine.pk}/print/").content.decode()
    assert "Anatolia Cell Works" not in printable


def test_open_calls_show_identities_to_reviewers(client, in_review):
    call, mine, _other, ada, _chen = in_review
    call.blind = False
    call.save()
    client.force_login(ada)
    assert "Anatolia Cell Works" in client.get(f"/calls/proposals/{mine.pk}/").content.decode()


def test_other_reviews_stay_hidden_until_the_own_is_submitted(in_review):
    _call, mine, _other, ada, chen = in_review
    assignment_ada = ReviewAssignment.objects.get(proposal=mine, reviewer=ada)
    assignment_chen = ReviewAssignment.objects.get(proposal=mine, reviewer=chen)
    chens = reviewing.save_review(assignment_chen, scores=SCORES, comment_to_applicant="Solid.", submit=True)
    assert reviewing.visible_reviews(ada, mine) == []
    draft = reviewing.save_review(assignment_ada, scores={"excellence": 2}, comment_to_applicant="so far")
    assert reviewing.visible_reviews(ada, mine) == [draft]
    adas = reviewing.save_review(assignment_ada, scores=SCORES, submit=True)
    assert reviewing.visible_reviews(ada, mine) == [chens, adas]


def test_a_submitted_review_is_final_and_needs_every_score_on_the_scale(in_review):
    _call, mine, _other, ada, _chen = in_review
    assignment = ReviewAssignment.objects.get(proposal=mine, reviewer=ada)
    with pytest.raises(ValidationError) as error:
        reviewing.save_review(assignment, scores={"excellence": 7, "impact": 3}, submit=True)
    assert error.value.message_dict == {
        "excellence": ["Excellence is scored from 0 to 5."],
        "implementation": ["Give a score for Implementation."],
    }
    reviewing.save_review(assignment, scores=SCORES, submit=True)
    with pytest.raises(ValidationError):
        reviewing.save_review(assignment, scores=SCORES, submit=True)


def test_applicants_see_anonymised_reviews_only_after_the_decision(client, cast, in_review):
    call, mine, _other, _ada, chen = in_review
    assignment = ReviewAssignment.objects.get(proposal=mine, reviewer=chen)
    reviewing.save_review(
        assignment, scores=SCORES, comment_to_applicant="Good cells.", comment_to_panel="Fund it", submit=True
    )
    client.force_login(cast.company)
    assert client.get(f"/calls/proposals/{mine.pk}/").context["reviews"] == []
    move(call, CallStatus.DECIDED)
    page = client.get(f"/calls/proposals/{mine.pk}/")
    body = page.content.decode()
    assert [r.comment_to_applicant for r in page.context["reviews"]] == ["Good cells."]
    assert "Reviewer 1" in body
    assert "chen" not in body
    assert "Fund it" not in body


def test_reviewing_through_the_page(client, in_review):
    _call, mine, _other, ada, _chen = in_review
    client.force_login(ada)
    data = {f"score_{k}": v for k, v in SCORES.items()} | {"comment_to_applicant": "Nice", "submit": "1"}
    response = client.post(f"/calls/proposals/{mine.pk}/review/", data)
    assert response.status_code == 302
    review = ReviewAssignment.objects.get(proposal=mine, reviewer=ada).review
    assert (review.scores, review.comment_to_applicant) == (
        {"excellence": 4.0, "impact": 3.0, "implementation": 5.0},
        "Nice",
    )
    assert review.submitted_at is not None


def test_declaring_a_conflict_through_the_page_removes_the_proposal(client, in_review):
    _call, mine, _other, ada, _chen = in_review
    client.force_login(ada)
    response = client.post(f"/calls/proposals/{mine.pk}/conflict/", {"reason": "Former student of the PI"})
    assert response.status_code == 302
    assert client.get(f"/calls/proposals/{mine.pk}/").status_code == 404
    assert AssignmentRun.objects.count() == 0
