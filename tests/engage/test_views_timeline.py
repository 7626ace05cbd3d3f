"""The timeline keeps held, ongoing and planned engagements apart, dated or not."""

import datetime

import pytest
from django.utils import timezone

from kopru.engage.enums import EngagementStatus
from tests.conftest import client_for
from tests.factories import EngagementFactory

pytestmark = pytest.mark.integration


def _sections(response):
    context = response.context
    return {
        "ongoing": [e.title for e in context["ongoing"] + context["undated_ongoing"]],
        "upcoming": [e.title for e in context["upcoming"]],
        "months": [e.title for _, items in context["months"] for e in items],
        "undated_planned": [e.title for e in context["undated_planned"]],
        "undated_held": [e.title for e in context["undated_held"]],
    }


def test_timeline_separates_held_ongoing_and_planned(client, cast):
    today = timezone.localdate()
    EngagementFactory(
        title="Held talks", status=EngagementStatus.HELD, start_date=today - datetime.timedelta(30)
    )
    EngagementFactory(title="Visit under way", status=EngagementStatus.ONGOING, start_date=today)
    EngagementFactory(
        title="Next forum", status=EngagementStatus.PLANNED, start_date=today + datetime.timedelta(9)
    )
    EngagementFactory(title="Undated plan", status=EngagementStatus.PLANNED, start_date=None)
    EngagementFactory(title="Undated meeting held", status=EngagementStatus.HELD, start_date=None)

    response = client_for(client, cast.staff_a).get("/engagements/timeline/")

    assert response.status_code == 200
    assert _sections(response) == {
        "ongoing": ["Visit under way"],
        "upcoming": ["Next forum"],
        "months": ["Held talks"],
        "undated_planned": ["Undated plan"],
        "undated_held": ["Undated meeting held"],
    }
    html = response.content.decode()
    assert html.index("Coming up") < html.index("Held talks") < html.index("Planned, not yet dated")
