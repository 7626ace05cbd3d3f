"""factory_boy factories for the core floor: reference data, users, organisations, people, documents."""

import factory
from django.contrib.auth import get_user_model

from kopru.core.enums import OrganisationKind, Role, Visibility
from kopru.core.models import Country, Document, Organisation, Person, Position, Profile, Sector

PASSWORD = "correct-horse-battery"  # every test user's password (the cast in conftest too)


def country(code: str) -> Country:
    return Country.objects.get(code=code)


def sector(code: str) -> Sector:
    return Sector.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)


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
