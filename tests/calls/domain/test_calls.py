"""Calls: creation with rubric and eligibility as validated data, deadlines in two time zones, and the
dated state machine draft → open → closed → in review → panel → decided → archived."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kopru.calls.domain.calls import advance_call, deadline_in_zones, status_options
from kopru.calls.enums import CallStatus
from kopru.calls.models import Call, CallTransition
from tests.factories import CallFactory, organisation, past_deadline
from tests.factories import call_form_data as form_data

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_an_officer_creates_a_call_with_a_deadline_in_beijing_time(client, cast):
    client.force_login(cast.staff_b)
    response = client.post("/calls/new/", form_data())
    call = Call.objects.get()
    assert response["Location"] == f"/calls/{call.pk}/"
    assert call.deadline == datetime.datetime(2030, 3, 1, 9, 0, tzinfo=datetime.UTC)
    assert call.status == CallStatus.DRAFT
    shown = {label: moment.strftime("%Y-%m-%d %H:%M") for label, moment in deadline_in_zones(call.deadline)}
    assert shown == {"Istanbul": "2030-03-01 12:00", "Beijing": "2030-03-01 17:00", "UTC": "2030-03-01 09:00"}
    page = client.get(f"/calls/{call.pk}/").content.decode()
    assert "2030-03-01 12:00" in page and "2030-03-01 17:00" in page


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("rubric", "[]", "The rubric needs at least one criterion (a JSON list)."),
        ("rubric", '[{"key": "a", "weight": 0}]', "criterion 1: the weight must be above 0."),
        ("rubric", "not json", "Enter a valid JSON."),
        ("eligibility", '{"allowed_kinds": ["firm"]}', "allowed_kinds[0]: unknown kind 'firm'"),
        (
            "eligibility",
            '{"countries": ["TR", "DE"]}',
            "countries: a joint call has exactly the two sides TR, CN.",
        ),
        (
            "eligibility",
            '{"max_budget_per_side": {"TR": {"max_amount": 1, "currency": "EUR"}}}',
            "max_budget_per_side.TR: the currency EUR differs from the agency's TRY.",
        ),
        (
            "topic_minimums",
            '{"battery": -1}',
            'Give a JSON object of topic code → whole number, e.g. {"battery": 1}.',
        ),
    ],
)
def test_bad_call_data_is_refused_field_by_field(client, cast, field, value, message):
    client.force_login(cast.staff_a)
    response = client.post("/calls/new/", form_data(**{field: value}))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors
    assert Call.objects.count() == 0


def test_an_agency_must_belong_to_its_side(client, cast):
    client.force_login(cast.staff_a)
    cn = organisation("Other CN agency", "CN")
    response = client.post("/calls/new/", form_data(agency_a=cn.pk))
    assert "agency_a" in response.context["form"].errors
    assert Call.objects.count() == 0


def test_the_lifecycle_is_dated_and_goes_one_step_at_a_time(cast):
    call = CallFactory(status=CallStatus.DRAFT)
    advance_call(call, to_status=CallStatus.OPEN, by=cast.staff_a)
    with pytest.raises(ValidationError) as error:
        advance_call(call, to_status=CallStatus.CLOSED, by=cast.staff_a)
    assert error.value.message_dict == {
        "to_status": ["The call closes at its deadline; applicants may submit until then."]
    }
    past_deadline(call)
    advance_call(call, to_status=CallStatus.CLOSED, by=cast.staff_b)
    with pytest.raises(ValidationError) as error:
        advance_call(call, to_status=CallStatus.IN_REVIEW)
    assert error.value.message_dict == {"to_status": ["Assign reviewers before the review starts."]}
    with pytest.raises(ValidationError) as error:
        advance_call(call, to_status=CallStatus.PANEL)
    assert error.value.message_dict == {
        "to_status": ["A call in status “Closed” can only move to “In review”."]
    }
    transitions = list(CallTransition.objects.filter(call=call).values_list("from_status", "to_status", "by"))
    assert transitions == [
        ("draft", "open", cast.staff_a.pk),
        ("open", "closed", cast.staff_b.pk),
    ]
    assert all(t.at <= timezone.now() for t in call.transitions.all())


def test_a_call_opens_only_with_topics_and_a_future_deadline(cast):
    call = CallFactory(status=CallStatus.DRAFT, topics=["nonexistent"])
    with pytest.raises(ValidationError) as error:
        advance_call(call, to_status=CallStatus.OPEN)
    assert error.value.message_dict == {"to_status": ["Choose the call's topics before opening it."]}
    assert Call.objects.get(pk=call.pk).status == CallStatus.DRAFT


def test_the_advance_page_reports_refusals(client, cast):
    call = CallFactory()
    client.force_login(cast.staff_a)
    response = client.post(f"/calls/{call.pk}/advance/", {"to_status": "closed"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "The call closes at its deadline; applicants may submit until then."
    ]


def test_deadline_zones_follow_daylight_rules():
    moment = datetime.datetime(2030, 7, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo("UTC"))
    shown = dict(deadline_in_zones(moment))
    assert (shown["Istanbul"].hour, shown["Beijing"].hour) == (15, 20)


def test_status_options_allow_only_the_next_status_when_its_condition_holds(cast):
    call = CallFactory(status=CallStatus.DRAFT)
    assert [(o.status, o.allowed) for o in status_options(call)] == [
        ("open", True),
        ("closed", False),
        ("in_review", False),
        ("panel", False),
        ("decided", False),
        ("archived", False),
    ]
    call.topics.clear()
    assert status_options(call)[0].refusal == "Choose the call's topics before opening it."
    panel = CallFactory(status=CallStatus.PANEL)
    assert {o.status: o.refusal for o in status_options(panel)}["decided"] == (
        "Decide the call from the panel page."
    )
    assert not any(o.allowed for o in status_options(panel))
