"""factory_boy factories for the investment records (real objects in the test database)."""

from __future__ import annotations

import factory
from django.utils import timezone

from kopru.core.enums import OrganisationKind, Visibility
from kopru.invest.domain.pipelines import ensure_default_pipeline
from kopru.invest.enums import OpportunityKind
from kopru.invest.models import CompanyProfile, Deal, Opportunity
from tests.factories.core import OrganisationFactory


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Battery cell plant site {n}")
    kind = OpportunityKind.GREENFIELD
    host_country_id = "TR"
    province = "Manisa"
    visibility = Visibility.SHARED

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)


class CompanyProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompanyProfile

    organisation = factory.SubFactory(
        OrganisationFactory, kind=OrganisationKind.COMPANY, country_id="CN", visibility=Visibility.SHARED
    )
    visibility = Visibility.SHARED


def default_stage(code: str):
    return ensure_default_pipeline().stages.get(code=code)


class DealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deal

    title = factory.Sequence(lambda n: f"Deal {n}")
    company = factory.SubFactory(CompanyProfileFactory)
    pipeline = factory.LazyFunction(ensure_default_pipeline)
    stage = factory.LazyAttribute(lambda deal: deal.pipeline.stages.get(code="lead"))
    stage_since = factory.LazyFunction(timezone.now)
    visibility = Visibility.SHARED
