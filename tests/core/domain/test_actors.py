"""Ensuring people and organisations: the caller chooses the record; these functions only write."""

import pytest

from kopru.core.domain.actors import (
    Ownership,
    ensure_organisation,
    ensure_person,
    ensure_position,
    government_kind,
)
from kopru.core.enums import OrganisationKind, Visibility
from kopru.core.models import Organisation, Person
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

INTERNAL_B = Ownership(Visibility.INTERNAL, "CN")


def test_a_new_person_takes_the_ownership_and_keeps_distinct_aliases():
    ensured = ensure_person(
        None, name=" Yin Hejun ", ownership=INTERNAL_B, aliases=["Yin", "yin hejun", "Yin"], country_code="CN"
    )
    person = ensured.record
    assert ensured.created == [person]
    assert (person.name, person.aliases, person.country_id, person.visibility, person.owner_side) == (
        "Yin Hejun",
        ["Yin"],
        "CN",
        Visibility.INTERNAL,
        "CN",
    )


def test_an_existing_person_gains_aliases_a_fuller_name_and_a_missing_country_but_keeps_its_ownership():
    existing = PersonFactory(name="Mehmet Fatih", aliases=[], country=None)
    ensured = ensure_person(
        existing, name="Mehmet Fatih Kacır", ownership=INTERNAL_B, aliases=["Kacır"], country_code="TR"
    )
    existing.refresh_from_db()
    assert ensured.created == []
    assert (existing.name, sorted(existing.aliases), existing.country_id, existing.visibility) == (
        "Mehmet Fatih Kacır",
        ["Kacır", "Mehmet Fatih"],
        "TR",
        Visibility.SHARED,
    )
    assert Person.objects.count() == 1


def test_organisations_keep_a_known_kind_and_positions_are_not_duplicated():
    company = OrganisationFactory(name="Farasis Energy", kind=OrganisationKind.COMPANY, aliases=[])
    ensure_organisation(company, name="Farasis", ownership=INTERNAL_B, kind=OrganisationKind.GOVERNMENT)
    company.refresh_from_db()
    assert (company.kind, company.aliases) == (OrganisationKind.COMPANY, ["Farasis"])
    ministry = ensure_organisation(
        None, name="Ministry of Industry", ownership=INTERNAL_B, kind=government_kind("Ministry of Industry")
    ).record
    assert ministry.kind == OrganisationKind.GOVERNMENT
    assert government_kind("Farasis Energy") == OrganisationKind.OTHER
    person = PersonFactory(name="Kacır")
    first = ensure_position(person, title="Minister", organisation=ministry, ownership=INTERNAL_B)
    assert ensure_position(person, title="Minister", organisation=ministry, ownership=INTERNAL_B) == first
    assert Organisation.objects.count() == 2
