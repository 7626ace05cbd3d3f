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


SCORES = {"excellence": 4, "impact": 3, "implementation": 5}


def _reviewed_call():
    """A call in review with one submitted proposal and one reviewer assigned to it."""
    from kopru.calls.enums import CallStatus
    from kopru.calls.models import ReviewAssignment
    from tests.factories import CallFactory, move, organisation, past_deadline, reviewer, submitted

    call = CallFactory()
    proposal = submitted(call, organisation("Anatolia", "TR"), organisation("Shenzhen", "CN"))
    past_deadline(call)
    move(call, CallStatus.IN_REVIEW)
    assignment = ReviewAssignment.objects.create(proposal=proposal, reviewer=reviewer("ada", "TR"))
    return proposal, assignment


def _calls_numbers(user):
    from kopru.insights.domain import callstats

    topic, _country, _institution, reviewers = callstats.call_tables(scope_from_params({}), user)
    return (
        [(row["proposals"], row["funded"], row["funding"]) for row in topic.rows],
        [(row["reviewer"], row["assigned"], row["submitted"]) for row in reviewers.rows],
    )


def test_calls_statistics_are_remembered_until_a_review_or_a_decision(cast, django_assert_num_queries):
    from decimal import Decimal

    from kopru.calls.domain import reviewing
    from kopru.calls.enums import ProposalStatus
    from kopru.calls.models import BudgetLine

    proposal, assignment = _reviewed_call()
    assert _calls_numbers(cast.staff_a) == ([(1, 0, 0)], [("ada", 1, 0)])
    with django_assert_num_queries(1):  # the data version only: the tables are remembered
        _calls_numbers(cast.staff_a)

    reviewing.save_review(assignment, scores=SCORES, submit=True)  # Review is not in the audit trail
    assert _calls_numbers(cast.staff_a) == ([(1, 0, 0)], [("ada", 1, 1)])

    proposal.status = ProposalStatus.FUNDED  # as the panel's decision does
    proposal.save(update_fields=["status", "updated_at"])
    funding = sum(BudgetLine.objects.filter(partner__proposal=proposal).values_list("amount", flat=True))
    assert _calls_numbers(cast.staff_a) == ([(1, 1, float(funding))], [("ada", 1, 1)])

    line = BudgetLine.objects.filter(partner__proposal=proposal).first()
    line.amount += Decimal("1000")  # budget lines are not audited either
    line.save()
    assert _calls_numbers(cast.staff_a)[0] == [(1, 1, float(funding + 1000))]


def test_each_write_moves_the_version_and_each_transaction_once_more_after_commit(cast):
    from django.db import connection

    from kopru.insights.domain import changes
    from tests.factories import EngagementFactory, PersonFactory

    start = memo.data_version()[0] or 0
    engagement = EngagementFactory()
    engagement.people.add(PersonFactory())  # a many-to-many change is a write too
    assert memo.data_version()[0] == start + 3  # seen at once inside the writing transaction
    after_commit = [func for _ids, func, _robust in connection.run_on_commit if func is changes._after_commit]
    assert after_commit == [changes._after_commit]  # one, however many writes the transaction made
    after_commit[0]()  # what the commit runs
    assert memo.data_version()[0] == start + 4


def test_writes_insights_never_reads_leave_the_version(cast):
    from kopru.core.models import ApiToken

    before = memo.data_version()
    token, _raw = ApiToken.issue(cast.staff_a, "a script")
    token.save()
    profile = cast.staff_b.profile
    profile.save()
    assert memo.data_version() == before


def test_a_repeated_page_renders_only_its_frame_and_a_write_shows_at_once(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person, _made = activity(1, code="battery")
    client.force_login(cast.staff_a)
    first = client.get("/insights/commitments/").content.decode()
    assert first.count("battery action") == 1
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/insights/commitments/").content.decode()
    main = slice(first.index("<main"), first.index("</main>"))
    assert again[again.index("<main") : again.index("</main>")] == first[main]
    assert 'name="csrfmiddlewaretoken"' in again  # the frame is rendered for this request
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "engage_action" not in read and "engage_engagement" not in read
    activity(1, code="battery", person=person)
    assert client.get("/insights/commitments/").content.decode().count("battery action") == 2
