"""Pages of the calls app: a submitted review reads as it was submitted and cannot be posted again; the
status form offers only what the lifecycle allows now and says why not the rest."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from kopru.calls.domain import reviewing
from kopru.calls.enums import CallStatus
from kopru.calls.forms import ReviewForm
from kopru.calls.models import Review, ReviewAssignment
from kopru.ui.errors import add_to_form
from tests.factories import CallFactory, move, organisation, past_deadline, reviewer, submitted

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SCORES = {"excellence": 4, "impact": 3.5, "implementation": 5}


@pytest.fixture
def in_review(cast):
    call = CallFactory(blind=True, reviews_per_proposal=1)
    proposal = submitted(call, organisation("Ege Cells", "TR"), organisation("Hefei Lab", "CN"))
    past_deadline(call)
    move(call, CallStatus.CLOSED)
    ada = reviewer("ada", "TR")
    assignment = ReviewAssignment.objects.create(proposal=proposal, reviewer=ada, source="manual")
    move(call, CallStatus.IN_REVIEW)
    return proposal, ada, assignment


def _submit(assignment):
    return reviewing.save_review(
        assignment,
        scores=SCORES,
        comment_to_applicant="Convincing plan.",
        comment_to_panel="Budget is tight.",
        submit=True,
    )


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_a_submitted_review_opens_read_only_with_its_scores_and_comments(client, in_review):
    proposal, ada, assignment = in_review
    _submit(assignment)
    client.force_login(ada)

    response = client.get(f"/calls/proposals/{proposal.pk}/review/")

    assert response.status_code == 200
    assert response.templates[0].name == "calls/review_submitted.html"
    assert "form" not in response.context
    assert [(criterion.key, score) for criterion, score in response.context["scores"]] == [
        ("excellence", 4.0),
        ("impact", 3.5),
        ("implementation", 5.0),
    ]
    body = response.content.decode()
    assert "<textarea" not in body and 'type="submit"' not in body.split("<main")[-1]
    assert '<th scope="row">Impact</th><td>3.5 / 5</td>' in body
    assert '<p id="comment-to-applicant">Convincing plan.</p>' in body
    assert '<p id="comment-to-panel">Budget is tight.</p>' in body
    # the applicant's identity stays hidden on a blind call
    assert "Ege Cells" not in body


def test_a_stale_form_posted_after_submitting_is_refused_with_one_message(client, in_review):
    proposal, ada, assignment = in_review
    review = _submit(assignment)
    client.force_login(ada)
    stale = {"score_excellence": 1, "score_impact": 1, "score_implementation": 1, "submit": "1"}

    response = client.post(f"/calls/proposals/{proposal.pk}/review/", stale, follow=True)

    assert response.redirect_chain == [(f"/calls/proposals/{proposal.pk}/review/", 302)]
    refusal = "This review has been submitted and can no longer be changed."
    assert _messages(response) == [refusal]
    assert response.content.decode().count(refusal) == 1
    assert Review.objects.get(pk=review.pk).scores == {
        "excellence": 4.0,
        "impact": 3.5,
        "implementation": 5.0,
    }


def test_a_refusal_on_the_review_form_is_shown_once(rf, in_review):
    """A refusal that names no field (the assignment replaced meanwhile) is printed once above the fields."""
    proposal, ada, _assignment = in_review
    form = ReviewForm({"submit": "1"}, call=proposal.call)
    assert form.is_valid()
    add_to_form(form, ValidationError("This assignment has been replaced; open your review list again."))
    request = rf.get("/")
    request.user = ada

    body = render_to_string(
        "calls/review_form.html", {"form": form, "proposal": proposal, "blind": True}, request=request
    )

    assert body.count("This assignment has been replaced; open your review list again.") == 1


def test_the_proposal_page_links_a_submitted_review_for_reading(client, in_review):
    proposal, ada, assignment = in_review
    client.force_login(ada)
    assert 'id="write-review"' in client.get(f"/calls/proposals/{proposal.pk}/").content.decode()
    _submit(assignment)
    body = client.get(f"/calls/proposals/{proposal.pk}/").content.decode()
    assert 'id="write-review"' not in body
    assert 'id="read-review"' in body


def _status_form(client, call):
    response = client.get(f"/calls/{call.pk}/")
    form = response.context["advance_form"]
    choices = list(form.fields["to_status"].choices) if form is not None else []
    refusals = {o.status: o.refusal for o in response.context["status_options"] if not o.allowed}
    return response, choices, refusals


def test_the_status_form_offers_only_the_next_allowed_status(client, cast):
    call = CallFactory(status=CallStatus.OPEN)
    past_deadline(call)
    client.force_login(cast.staff_a)

    response, choices, refusals = _status_form(client, call)

    assert choices == [("closed", "Closed")]
    assert set(refusals) == {"draft", "in_review", "panel", "decided", "archived"}
    assert refusals["in_review"] == "A call in status “Open” can only move to “Closed”."
    body = response.content.decode()
    assert '<option value="closed" selected>Closed</option>' in body
    assert '<option value="draft"' not in body and '<option value="in_review"' not in body


@pytest.mark.parametrize(
    ("language", "heading", "reason"),
    [
        ("en", "Not possible now", "The call closes at its deadline; applicants may submit until then."),
        (
            "tr",
            "Şimdi mümkün değil",
            "Çağrı son başvuru tarihinde kapanır; başvuru sahipleri o zamana kadar başvuru sunabilir.",
        ),
        ("zh-hans", "目前不可行", "征集在截止时间关闭；申请方可在此之前提交。"),
    ],
)
def test_before_the_deadline_nothing_is_offered_and_the_reason_is_shown(
    client, cast, language, heading, reason
):
    call = CallFactory(status=CallStatus.OPEN)
    client.force_login(cast.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response, choices, refusals = _status_form(client, call)
    body = response.content.decode()

    assert choices == []
    assert response.context["advance_form"] is None
    assert 'id="advance-form"' not in body
    assert refusals["closed"] == reason
    assert f"<h3>{heading}</h3>" in body
    assert reason in body


def test_a_closed_call_without_reviewers_says_to_assign_them_first(client, cast):
    call = move(past_deadline(CallFactory(status=CallStatus.OPEN)), CallStatus.CLOSED)
    client.force_login(cast.staff_a)
    _response, choices, refusals = _status_form(client, call)
    assert choices == []
    assert refusals["in_review"] == "Assign reviewers before the review starts."


def test_a_refused_status_posted_anyway_says_why_once(client, cast):
    call = move(past_deadline(CallFactory(status=CallStatus.OPEN)), CallStatus.CLOSED)
    client.force_login(cast.staff_a)
    response = client.post(f"/calls/{call.pk}/advance/", {"to_status": "archived"}, follow=True)
    assert _messages(response) == ["A call in status “Closed” can only move to “In review”."]
    call.refresh_from_db()
    assert call.status == CallStatus.CLOSED
