"""The dashboard's exact counts kept per data version (kopru.core.versions, `_exact_counts`): after every
kind of write each reader's counts are the ones counted afresh, for every kind of reader one after the other
in one process (never shared between visibility scopes); the engagements and documents cards, when counted
exactly, are never kept.

These tests commit (transaction=True), as requests do in production. The engagements and documents are made
to look large (the planner's estimate shown, as on the bench's 20,000 and 100,000 rows), so that the cards
counted exactly are the kept ones."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from kopru.core.enums import Visibility
from kopru.core.models import Country, Document, Organisation, Person
from kopru.engage.domain import dashboard
from kopru.engage.models import Agreement, Claim, CooperationArea, Engagement
from tests.factories import (
    AgreementFactory,
    AreaFactory,
    ClaimFactory,
    OrganisationFactory,
    PersonFactory,
    PositionFactory,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

ESTIMATE = 123_456


@pytest.fixture(autouse=True)
def _reference():
    # an earlier committing test's flush empties the reference tables the session loaded
    if not Country.objects.exists():
        call_command("load_reference", verbosity=0)


@pytest.fixture
def large_engagements_and_documents(monkeypatch):
    large = (Engagement, Document)
    monkeypatch.setattr(dashboard, "model_table_rows", lambda using, model: 10**6 if model in large else 0)
    monkeypatch.setattr(dashboard, "statement_estimate", lambda using, sql, params: ESTIMATE)


@pytest.fixture
def records(cast, large_engagements_and_documents):
    company = cast.company_organisation
    made = {
        "agreement": AgreementFactory(),
        "internal agreement": AgreementFactory(
            visibility=Visibility.INTERNAL, owner_side=settings.KOPRU_SIDE_A
        ),
        "party agreement": AgreementFactory(visibility=Visibility.SHARED),
        "claim": ClaimFactory(subject_organisation=company),
        "area": AreaFactory(visibility=Visibility.PUBLIC),
        "person": PersonFactory(visibility=Visibility.PUBLIC),
        "internal person": PersonFactory(visibility=Visibility.INTERNAL, owner_side=settings.KOPRU_SIDE_B),
        "organisation": OrganisationFactory(visibility=Visibility.PUBLIC),
    }
    made["party agreement"].parties.add(company)
    PositionFactory(person=made["person"], organisation=company)
    return made


def _counts(cast) -> dict:
    return {role: dashboard.card_counts(user) for role, user in cast.by_role().items()}


def _assert_kept_equal_fresh(cast):
    kept = _counts(cast)
    with CaptureQueriesContext(connection) as queries:
        assert _counts(cast) == kept  # the second time from what was kept
    assert not any("COUNT(" in query["sql"] for query in queries.captured_queries)
    with override_settings(KOPRU_DATA_VERSIONS=False):
        assert _counts(cast) == kept
    for counts in kept.values():
        assert dict(counts)["engagements"] == dict(counts)["documents"] == ESTIMATE


def _raw_area_hidden():
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {CooperationArea._meta.db_table} SET visibility = %s, owner_side = %s",
            [Visibility.INTERNAL, settings.KOPRU_SIDE_B],
        )


WRITES = {
    "an agreement created": lambda cast, made: AgreementFactory(visibility=Visibility.PUBLIC),
    "an agreement deleted": lambda cast, made: made["agreement"].delete(),
    "a party added to an agreement": lambda cast, made: made["agreement"].parties.add(
        cast.company_organisation
    ),
    "an agreement's parties cleared": lambda cast, made: made["party agreement"].parties.clear(),
    "agreements hidden in bulk": lambda cast, made: Agreement.objects.update(
        visibility=Visibility.INTERNAL, owner_side=settings.KOPRU_SIDE_B
    ),
    "a claim's organisation changed": lambda cast, made: Claim.objects.update(
        subject_organisation=made["organisation"]
    ),
    "an area hidden by raw SQL": lambda cast, made: _raw_area_hidden(),
    "people created in bulk": lambda cast, made: Person.objects.bulk_create(
        [Person(name="Bulk one", visibility=Visibility.PUBLIC), Person(name="Bulk two")]
    ),
    "a person saved as internal": lambda cast, made: (
        setattr(made["person"], "visibility", Visibility.INTERNAL),
        setattr(made["person"], "owner_side", settings.KOPRU_SIDE_A),
        made["person"].save(),
    ),
    "a position at the company": lambda cast, made: PositionFactory(
        person=made["internal person"], organisation=cast.company_organisation
    ),
    "positions deleted": lambda cast, made: made["person"].positions.all().delete(),
    "an organisation deleted": lambda cast, made: Organisation.objects.filter(
        pk=made["organisation"].pk
    ).delete(),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_kept_counts_equal_fresh_ones_after_each_kind_of_write(cast, records, write):
    _assert_kept_equal_fresh(cast)
    with transaction.atomic():
        WRITES[write](cast, records)
    _assert_kept_equal_fresh(cast)


def test_a_rolled_back_write_changes_no_kept_count(cast, records):
    _assert_kept_equal_fresh(cast)
    with pytest.raises(RuntimeError), transaction.atomic():
        AgreementFactory(visibility=Visibility.PUBLIC)
        raise RuntimeError
    _assert_kept_equal_fresh(cast)


def test_each_scope_counts_what_it_may_read(cast, records):
    counts = {role: dict(found) for role, found in _counts(cast).items()}
    assert counts["staff_a"]["agreements"] == 3 and counts["staff_b"]["agreements"] == 2
    assert counts["company"]["agreements"] == 0 + 1  # the agreement its organisation is a party to
    assert counts["staff_b"]["people"] == counts["staff_a"]["people"] + 1
    assert counts["anonymous"]["agreements"] == counts["reviewer"]["agreements"] == 0


def test_engagements_counted_exactly_are_never_kept(cast):
    # small engagements and documents tables: every card counted exactly, on every view
    dashboard.card_counts(cast.staff_a)
    with CaptureQueriesContext(connection) as queries:
        dashboard.card_counts(cast.staff_a)
    assert any("COUNT(" in query["sql"] for query in queries.captured_queries)
