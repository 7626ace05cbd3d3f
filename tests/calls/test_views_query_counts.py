"""List pages run the same number of queries for 1 and 3 items (no N+1)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kopru.calls.enums import CallStatus
from kopru.calls.models import Review, ReviewAssignment
from tests.factories import CallFactory, move, organisation, reviewer, submitted

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def build(n: int, cast):
    call = CallFactory(title="Measured call")
    ada = reviewer(f"ada{n}", "TR")
    for i in range(n):
        CallFactory(title=f"Other call {i}")
        proposal = submitted(call, organisation(f"TR {n}-{i}", "TR"), organisation(f"CN {n}-{i}", "CN"))
        assignment = ReviewAssignment.objects.create(proposal=proposal, reviewer=ada, source="manual")
        ReviewAssignment.objects.create(proposal=proposal, reviewer=cast.reviewer, source="manual")
        Review.objects.create(
            assignment=assignment,
            scores={"excellence": 3, "impact": 3, "implementation": 3},
            submitted_at=proposal.submitted_at,
        )
    move(call, CallStatus.PANEL)
    return call


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "role,path",
    [
        ("staff_a", "/calls/"),
        ("staff_a", "/calls/{pk}/proposals/"),
        ("staff_a", "/calls/{pk}/panel/"),
        ("staff_a", "/calls/{pk}/assignments/"),
        ("staff_a", "/api/calls/{pk}/proposals"),
        ("reviewer", "/calls/reviews/"),
    ],
)
def test_queries_do_not_grow_with_items(client, cast, role, path):
    client.force_login(getattr(cast, role))
    one = build(1, cast)
    first = count(client, path.format(pk=one.pk))
    three = build(3, cast)
    assert count(client, path.format(pk=three.pk)) == first
