"""The demo gives every insights view something to show, and a second run changes nothing."""

from __future__ import annotations

import pytest

from kopru.core.domain.demo import DEMO_STEPS
from kopru.engage.models import Engagement
from kopru.insights.domain import commitments, graph
from kopru.insights.domain.demo import load_demo
from kopru.insights.domain.scope import scope_from_params

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_demo_history_covers_the_views(cast):
    assert DEMO_STEPS["insights"].order == 50
    load_demo()
    count = Engagement.objects.count()
    assert load_demo() == ["Insights: demo history already loaded"]
    assert Engagement.objects.count() == count
    items = commitments.commitments(scope_from_params({}), cast.staff_a)
    statuses = {item.status for item in items}
    assert {"kept", "kept_late", "overdue", "slipping", "not_held", "pending", "due_soon"} <= statuses
    held = Engagement.objects.filter(status="held").order_by("start_date")
    assert (held.last().start_date - held.first().start_date).days >= 600
    data = graph.graph(scope_from_params({}, default_days=365), cast.staff_a)
    assert len(data["edges"]) >= 5
    # Side B's staff do not see side A's internal preparatory meeting nor its actions.
    b_items = commitments.commitments(scope_from_params({}), cast.staff_b)
    assert not any("(internal)" in item.title for item in b_items)
    assert any("(internal)" in item.title for item in items)
