"""Figures kept per data version (kopru.core.versions): the investment home's grouped figures and counts,
the board's drawn columns and the deals API's sorted ids. After every kind of write the pages answer what
they answer computed afresh (KOPRU_DATA_VERSIONS off), for every kind of reader one after the other in one
process (a kept value is never shared between visibility scopes), in English (once in all three languages).

These tests commit (transaction=True), as requests do in production."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from kopru.core.enums import Visibility
from kopru.core.models import Country, Organisation, Sector
from kopru.invest.domain.deals import move_deal
from kopru.invest.domain.funnel import refresh_furthest_stage
from kopru.invest.models import CompanyProfile, Deal, Opportunity, Stage
from tests.factories import (
    CompanyProfileFactory,
    DealFactory,
    OpportunityFactory,
    OrganisationFactory,
    default_stage,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

PAGES = (
    "/invest/",
    "/invest/board/",
    "/api/invest/deals/?limit=50",
    "/api/invest/deals/?limit=2&offset=1",
    "/api/invest/deals/?limit=50&stage=contacted",
    "/api/invest/deals/?limit=50&sector=battery",
    "/api/invest/deals/?limit=50&q=deal",
)
LANGUAGES = ("en", "tr", "zh-hans")
ONE_TIME = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": "|nonce=")[^"]+')


@pytest.fixture(autouse=True)
def _reference():
    # an earlier committing test's flush empties the reference tables the session loaded
    if not Country.objects.exists():
        call_command("load_reference", verbosity=0)


@pytest.fixture
def deals(cast):
    own = CompanyProfileFactory(organisation=cast.company_organisation, visibility=Visibility.SHARED)
    other = CompanyProfileFactory()
    made = [
        DealFactory(title="Deal public", visibility=Visibility.PUBLIC, announced_amount=Decimal("10")),
        DealFactory(title="Deal shared", company=own, announced_amount=Decimal("20.5"), probability=30),
        DealFactory(
            title="Deal internal A",
            visibility=Visibility.INTERNAL,
            owner_side=settings.KOPRU_SIDE_A,
            company=own,
            committed_amount=Decimal("7"),
        ),
        DealFactory(
            title="Deal internal B",
            visibility=Visibility.INTERNAL,
            owner_side=settings.KOPRU_SIDE_B,
            company=other,
            announced_amount=Decimal("3"),
        ),
        DealFactory(title="Deal euro", currency="EUR", announced_amount=Decimal("99"), company=other),
    ]
    made[1].sectors.set([Sector.objects.get(code="battery")])
    OpportunityFactory(visibility=Visibility.SHARED)
    OpportunityFactory(visibility=Visibility.PUBLIC)
    refresh_furthest_stage(Deal.objects.all())
    return made


def _clients(cast) -> dict:
    clients = {}
    for role, user in cast.by_role().items():
        client = Client()
        if user is not None:
            client.force_login(user)
        clients[role] = client
    return clients


def _answers(clients, languages) -> dict:
    found = {}
    for role, client in clients.items():
        for language in languages:
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            for page in PAGES:
                response = client.get(page)
                body = response.content.decode()
                if page.startswith("/api/") and response.status_code == 200:
                    body = json.loads(body)
                else:  # the CSRF token and the script nonce differ from one response to the next
                    body = ONE_TIME.sub(r"\1", body)
                found[role, language, page] = (response.status_code, body)
    return found


def _assert_kept_equal_fresh(clients, languages=("en",)):
    kept = _answers(clients, languages)
    assert _answers(clients, languages) == kept  # the second time from what was kept
    with override_settings(KOPRU_DATA_VERSIONS=False):
        fresh = _answers(clients, languages)
    assert kept == fresh


def _stage(code: str) -> Stage:
    return default_stage(code)


def _raw_visibility(deal):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Deal._meta.db_table} SET visibility = %s, owner_side = %s WHERE id = %s",
            [Visibility.INTERNAL, settings.KOPRU_SIDE_B, deal.pk],
        )


def _reorder_stages():
    contacted, lead = _stage("contacted"), _stage("lead")
    Stage.objects.filter(pk=contacted.pk).update(order=contacted.order + 1000)
    Stage.objects.filter(pk=lead.pk).update(order=contacted.order)
    Stage.objects.filter(pk=contacted.pk).update(order=lead.order)


WRITES = {
    "a deal moved (move_deal)": lambda cast, deals: move_deal(
        deals[0], _stage("contacted"), user=cast.staff_a
    ),
    "a deal saved": lambda cast, deals: (
        setattr(deals[1], "announced_amount", Decimal("1000")),
        deals[1].save(),
    ),
    "a new deal": lambda cast, deals: DealFactory(
        title="Deal new", visibility=Visibility.PUBLIC, announced_amount=Decimal("5")
    ),
    "a deal deleted": lambda cast, deals: deals[0].delete(),
    "deals updated in bulk": lambda cast, deals: Deal.objects.filter(currency="USD").update(
        committed_amount=Decimal("1")
    ),
    "deals deleted in bulk": lambda cast, deals: Deal.objects.filter(title__endswith="B").delete(),
    "deals created in bulk": lambda cast, deals: Deal.objects.bulk_create(
        [
            Deal(
                title="Deal bulk",
                pipeline=deals[0].pipeline,
                stage=_stage("contacted"),
                stage_since=deals[0].stage_since,
                visibility=Visibility.PUBLIC,
                announced_amount=Decimal("8"),
            )
        ]
    ),
    "deals bulk_update": lambda cast, deals: Deal.objects.bulk_update(
        [Deal(pk=deals[2].pk, title="Deal internal A", position=5)], ["position"]
    ),
    "a visibility changed by raw SQL": lambda cast, deals: _raw_visibility(deals[1]),
    "a sector linked": lambda cast, deals: deals[0].sectors.add(Sector.objects.get(code="battery")),
    "sectors cleared": lambda cast, deals: deals[1].sectors.clear(),
    "a stage's probability": lambda cast, deals: Stage.objects.filter(code="lead").update(probability=55),
    "stages reordered": lambda cast, deals: _reorder_stages(),
    "a company given to another organisation": lambda cast, deals: CompanyProfile.objects.filter(
        pk=deals[1].company_id
    ).update(organisation=OrganisationFactory()),
    "a deal given to the company user's company": lambda cast, deals: Deal.objects.filter(
        pk=deals[4].pk
    ).update(company=deals[1].company),
    "an organisation renamed and hidden": lambda cast, deals: Organisation.objects.filter(
        pk=deals[1].company.organisation_id
    ).update(name="Renamed Works", visibility=Visibility.INTERNAL, owner_side=settings.KOPRU_SIDE_B),
    "a stage renamed": lambda cast, deals: Stage.objects.filter(code="lead").update(name="First talk"),
    "an opportunity hidden": lambda cast, deals: Opportunity.objects.filter(
        visibility=Visibility.PUBLIC
    ).update(visibility=Visibility.INTERNAL, owner_side=settings.KOPRU_SIDE_A),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_kept_pages_equal_fresh_ones_after_each_kind_of_write(cast, deals, write):
    clients = _clients(cast)
    _assert_kept_equal_fresh(clients)
    with transaction.atomic():
        WRITES[write](cast, deals)
    _assert_kept_equal_fresh(clients)


def test_each_language_has_its_own_pages(cast, deals):
    # the board's columns are drawn in the reader's language: kept per language
    clients = _clients(cast)
    _assert_kept_equal_fresh(clients, LANGUAGES)
    move_deal(deals[1], _stage("contacted"), user=cast.staff_a)
    _assert_kept_equal_fresh(clients, LANGUAGES)


def test_a_write_rolled_back_changes_nothing_kept(cast, deals):
    clients = _clients(cast)
    _assert_kept_equal_fresh(clients)
    with pytest.raises(RuntimeError), transaction.atomic():
        Deal.objects.update(announced_amount=Decimal("1"))
        raise RuntimeError
    _assert_kept_equal_fresh(clients)


def test_the_home_page_reads_its_figures_once_per_version_and_scope(cast, deals):
    clients = _clients(cast)
    for role in ("staff_a", "staff_b", "company"):
        clients[role].get("/invest/")
        with CaptureQueriesContext(connection) as queries:
            clients[role].get("/invest/")
        statements = " ".join(query["sql"] for query in queries.captured_queries)
        assert "GROUP BY" not in statements and "COUNT(" not in statements, role
    # each reader's own figures: side A sees its internal deal, side B its own, the company its company's
    shown = {role: clients[role].get("/api/invest/deals/?limit=50").json() for role in clients}
    titles = {role: {item["title"] for item in page["items"]} for role, page in shown.items()}
    assert "Deal internal A" in titles["staff_a"] and "Deal internal A" not in titles["staff_b"]
    assert "Deal internal B" in titles["staff_b"] and "Deal internal B" not in titles["staff_a"]
    assert "Deal shared" in titles["company"] and "Deal euro" not in titles["company"]
    assert titles["anonymous"] == titles["reviewer"] == {"Deal public"}
    assert (
        shown["staff_a"]["count"] == 4 and shown["admin"]["count"] == 5 and shown["anonymous"]["count"] == 1
    )
