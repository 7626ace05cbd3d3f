"""The investment pages' plain statements (kopru.invest.domain.rows) give what the querysets they stand for
give, on SQLite and PostgreSQL, for every kind of reader (issue 14)."""

from __future__ import annotations

import pytest

from kopru.core import access
from kopru.core.enums import Visibility
from kopru.core.models import Sector
from kopru.invest.domain.pipelines import ensure_default_pipeline
from kopru.invest.domain.rows import (
    DEAL_LIST_ORDER,
    all_pipelines,
    counts,
    deal_rows,
    plain_condition,
    sector_codes,
    stages_of,
)
from kopru.invest.models import CompanyProfile, Deal, Opportunity, Pipeline
from tests.factories import CompanyProfileFactory, DealFactory, OpportunityFactory, default_stage

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ROLES = ("admin", "staff_a", "staff_b", "company", "reviewer", "anonymous")


@pytest.fixture
def records(cast):
    own = CompanyProfileFactory(organisation=cast.company_organisation, visibility=Visibility.SHARED)
    made = [
        DealFactory(stage=default_stage("lead"), position=2, company=own),
        DealFactory(stage=default_stage("lead"), position=0, visibility=Visibility.PUBLIC, company=None),
        DealFactory(stage=default_stage("contacted"), visibility=Visibility.INTERNAL, owner_side="TR"),
        DealFactory(stage=default_stage("contacted"), visibility=Visibility.INTERNAL, owner_side="CN"),
        DealFactory(stage=default_stage("lost"), title="Lost one", announced_amount="12.50"),
    ]
    made[0].sectors.add(*Sector.objects.filter(code__in=["wind", "battery", "energy"]))
    made[4].sectors.add(Sector.objects.get(code="solar"))
    OpportunityFactory()
    OpportunityFactory(visibility=Visibility.INTERNAL, owner_side="CN")
    CompanyProfileFactory(visibility=Visibility.INTERNAL, owner_side="TR")
    return made


def _readers(cast):
    return [(role, cast.by_role()[role]) for role in ROLES]


def test_a_plain_condition_only_for_one_table_without_distinct(cast, records):
    for role, user in _readers(cast):
        deals = access.visible_to(Deal.objects.all(), user)
        found = plain_condition(deals)
        assert (found is None) == (role == "company"), role
    assert plain_condition(Deal.objects.filter(stage__code="lead")) is None  # joins the stages
    assert counts([Deal.objects.none(), Deal.objects.filter(pk__in=[])]) == [0, 0]  # (through the ORM)
    assert plain_condition(Deal.objects.all()) == ("1 = 1", [])


def test_counts_are_the_querysets_counts_for_every_reader(cast, records):
    for role, user in _readers(cast):
        querysets = [
            access.visible_to(Opportunity.objects.all(), user),
            access.visible_to(CompanyProfile.objects.all(), user),
            access.visible_to(Deal.objects.all(), user),
            access.visible_to(Deal.objects.filter(title="Lost one"), user),
        ]
        assert counts(querysets) == [queryset.count() for queryset in querysets], role


def test_stages_and_pipelines_are_the_orms(cast):
    ensure_default_pipeline()
    Pipeline.objects.create(name="A second pipeline")
    assert all_pipelines() == list(Pipeline.objects.all())
    assert [p.is_default for p in all_pipelines()] == [p.is_default for p in Pipeline.objects.all()]
    pipeline = Pipeline.objects.get(is_default=True)
    stages = stages_of(pipeline.pk)
    assert stages == list(pipeline.stages.order_by("order"))
    assert [(s.code, s.label, s.phase, s.probability) for s in stages] == [
        (s.code, s.label, s.phase, s.probability) for s in pipeline.stages.order_by("order")
    ]


@pytest.mark.parametrize("filters", [{}, {"title": "Lost one"}, {"stage__code": "lead"}])
def test_deal_rows_are_the_orms_page_rows_for_every_reader(cast, records, filters):
    columns = ("id", "title", "company_id", "stage_since", "announced_amount", "visibility")
    for role, user in _readers(cast):
        deals = access.visible_to(Deal.objects.filter(**filters), user).order_by(*DEAL_LIST_ORDER)
        for offset, limit in ((0, 50), (1, 2), (4, 10)):
            page_ids = deals.values("pk")[offset : offset + limit]
            expected = list(deals.filter(pk__in=page_ids).values(*columns, "stage__code"))
            assert deal_rows(deals, offset, limit, columns) == expected, (role, filters, offset)


def test_sector_codes_in_the_sectors_order(records):
    ids = [deal.pk for deal in records]
    expected = {
        deal.pk: [s.code for s in deal.sectors.order_by("parent__code", "code", "pk")] for deal in records
    }
    assert sector_codes(ids) == expected
    assert sector_codes([]) == {}
