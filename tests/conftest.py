"""The standard cast: one user per role, and reference data loaded once per test database."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from kopru.core.domain.accounts import create_member
from kopru.core.enums import OrganisationKind, Role, Visibility
from tests.factories import PASSWORD, OrganisationFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)


@dataclass
class Cast:
    admin: object
    staff_a: object
    staff_b: object
    company: object
    reviewer: object
    company_organisation: object

    def by_role(self):
        return {
            "admin": self.admin,
            "staff_a": self.staff_a,
            "staff_b": self.staff_b,
            "company": self.company,
            "reviewer": self.reviewer,
            "anonymous": None,
        }


@pytest.fixture
def cast(db) -> Cast:
    organisation = OrganisationFactory(
        name="Anatolia Cell Works", kind=OrganisationKind.COMPANY, visibility=Visibility.PUBLIC
    )
    return Cast(
        admin=create_member("admin", role=Role.ADMIN, password=PASSWORD),
        staff_a=create_member("officer.a", role=Role.STAFF, side=settings.KOPRU_SIDE_A, password=PASSWORD),
        staff_b=create_member("officer.b", role=Role.STAFF, side=settings.KOPRU_SIDE_B, password=PASSWORD),
        company=create_member("company", role=Role.COMPANY, organisation=organisation, password=PASSWORD),
        reviewer=create_member("reviewer", role=Role.REVIEWER, password=PASSWORD),
        company_organisation=organisation,
    )


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2's deliberate slowness would dominate the suite's run time; tests need no brute-force resistance.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # Remembered menus and table statistics (kopru.ui.listing, kopru.ui.pagination) live for a minute in the
    # process's cache: a test must not see what an earlier test left there (query counts changed with order).
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _language_of_the_next_test_is_the_default():
    # A request with a language cookie or Accept-Language activates that language for the rest of the
    # thread; without this reset a Chinese page walk leaves later tests of the same worker in Chinese.
    yield
    translation.activate(settings.LANGUAGE_CODE)
