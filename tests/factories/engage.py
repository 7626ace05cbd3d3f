"""factory_boy factories for the engagements floor: engagements, agreements, claims, areas, actions."""

import datetime

import factory

from kopru.core.enums import Visibility
from kopru.engage.enums import AreaStatus, EngagementKind, EngagementStatus
from kopru.engage.models import Action, Agreement, Claim, CooperationArea, Engagement
from tests.factories.core import country, sector


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    kind = EngagementKind.MEETING
    title = factory.Sequence(lambda n: f"Meeting {n}")
    status = EngagementStatus.HELD
    start_date = datetime.date(2024, 5, 20)
    visibility = Visibility.SHARED


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    title = factory.Sequence(lambda n: f"Memorandum {n}")
    signed_date = datetime.date(2024, 7, 8)
    visibility = Visibility.SHARED


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    subject = "Türkiye"
    text = "ranks first in Europe in solar energy"
    metric = "rank"
    value = 1
    scope = "Europe"
    visibility = Visibility.SHARED


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationArea

    country_a = factory.LazyFunction(lambda: country("TR"))
    country_b = factory.LazyFunction(lambda: country("CN"))
    sector = factory.LazyFunction(lambda: sector("battery"))
    status = AreaStatus.PROPOSED
    visibility = Visibility.SHARED


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    title = factory.Sequence(lambda n: f"Send follow-up letter {n}")
    due_date = datetime.date(2024, 9, 1)
    visibility = Visibility.SHARED
