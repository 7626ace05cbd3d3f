"""factory_boy factories for the record; real objects, saved to the test database."""

import datetime

import factory
from django.contrib.auth import get_user_model

from kopru.core.enums import OrganisationKind, Role, Visibility
from kopru.core.models import Country, Document, Organisation, Person, Position, Profile, Sector
from kopru.engage.enums import AreaStatus, EngagementKind, EngagementStatus
from kopru.engage.models import Action, Agreement, Claim, CooperationArea, Engagement


def country(code: str) -> Country:
    return Country.objects.get(code=code)


def sector(code: str) -> Sector:
    return Sector.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    role = Role.STAFF
    side = "TR"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.COMPANY
    visibility = Visibility.SHARED


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    visibility = Visibility.SHARED


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    title = "Minister"
    visibility = Visibility.SHARED


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Press release {n}")
    text = "Minister Kacır met his counterpart in Beijing."
    checksum = factory.Sequence(lambda n: f"{n:064x}")
    visibility = Visibility.SHARED


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
