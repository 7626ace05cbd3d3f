"""The sources permissions: the one access path asks these, for pages and API alike."""

import pytest

from kopru.core.enums import Visibility
from kopru.core.rules import has_perm
from kopru.sources.models import Source

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def sources(cast):
    shared = Source.objects.create(name="Ministry feed", url="http://127.0.0.1:9/rss.xml")
    internal = Source.objects.create(
        name="Embassy notes",
        url="http://127.0.0.1:9/embassy",
        visibility=Visibility.INTERNAL,
        owner_side="TR",
    )
    return shared, internal


def test_only_government_staff_and_admins_watch_sources(cast, sources):
    shared, internal = sources
    table = {
        role: (
            has_perm(user, "sources.watch"),
            has_perm(user, "sources.view_source", shared),
            has_perm(user, "sources.change_source", shared),
            has_perm(user, "sources.view_source", internal),
            has_perm(user, "sources.change_source", internal),
        )
        for role, user in cast.by_role().items()
        if user is not None
    }
    assert table == {
        "admin": (True, True, True, True, True),
        "staff_a": (True, True, True, True, True),
        "staff_b": (True, True, True, False, False),
        "company": (False, False, False, False, False),
        "reviewer": (False, False, False, False, False),
    }


def test_a_public_source_is_still_not_shown_to_company_users(client, cast):
    public = Source.objects.create(
        name="Press office", url="http://127.0.0.1:9/press.xml", visibility=Visibility.PUBLIC
    )
    client.force_login(cast.company)
    assert client.get(f"/sources/{public.pk}/").status_code == 403
    assert client.get(f"/api/sources/{public.pk}").status_code == 403
    client.force_login(cast.staff_b)
    assert client.get(f"/sources/{public.pk}/").status_code == 200
    assert client.get(f"/api/sources/{public.pk}").status_code == 200
