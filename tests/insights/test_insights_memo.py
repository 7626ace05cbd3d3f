"""Remembered results follow the record: an audited write moves the data version and the next read sees it."""

from __future__ import annotations

import pytest

from kopru.insights.domain import commitments, memo, overview
from kopru.insights.domain.scope import scope_from_params
from tests.insights.builders import activity

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_a_change_through_the_application_is_seen_at_once(cast):
    scope = scope_from_params({})
    person, made = activity(1, code="battery")
    before = memo.data_version()
    assert [row["engagements"] for row in overview.sector_table(scope, cast.staff_a).rows] == [1]
    activity(1, code="battery", person=person)
    assert memo.data_version() != before
    assert [row["engagements"] for row in overview.sector_table(scope, cast.staff_a).rows] == [2]
    action = made[0][3]
    action.title = "renamed"
    action.save()
    assert "renamed" in {item.title for item in commitments.commitments(scope, cast.staff_a)}


def test_readers_of_different_sides_never_share_a_result(cast):
    from kopru.core.enums import Visibility

    activity(1, code="battery", visibility=Visibility.INTERNAL, owner_side="TR")
    scope = scope_from_params({})
    assert len(commitments.commitments(scope, cast.staff_a)) == 1
    assert commitments.commitments(scope, cast.staff_b) == []
    assert memo.reader_key(cast.staff_a) != memo.reader_key(cast.staff_b)
