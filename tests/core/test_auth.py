"""The authentication backend reads the profile with the user: one query, where role checks need both."""

from django.test import Client

from kopru.core import access
from kopru.core.auth import ProfileModelBackend
from kopru.core.enums import Role
from tests.factories.core import ProfileFactory, UserFactory


def test_the_user_comes_with_the_profile_in_one_query(db, django_assert_num_queries):
    profile = ProfileFactory(role=Role.STAFF, side="TR")
    with django_assert_num_queries(1):
        user = ProfileModelBackend().get_user(profile.user.pk)
        assert (access.role_of(user), access.side_of(user)) == (Role.STAFF, "TR")


def test_a_user_without_a_profile_has_no_role(db, django_assert_num_queries):
    user = UserFactory()
    with django_assert_num_queries(1):
        loaded = ProfileModelBackend().get_user(user.pk)
        assert (loaded, access.role_of(loaded)) == (user, None)


def test_inactive_or_unknown_users_are_not_signed_in(db):
    profile = ProfileFactory(user__is_active=False)
    assert ProfileModelBackend().get_user(profile.user.pk) is None
    assert ProfileModelBackend().get_user(profile.user.pk + 1000) is None


def test_a_signed_in_page_reads_the_profile_with_the_user(cast, django_assert_max_num_queries):
    client = Client()
    client.force_login(cast.staff_a)
    client.get("/intel/queue/")  # warm: reference data remembered per process
    with django_assert_max_num_queries(100) as captured:
        assert client.get("/intel/queue/").status_code == 200
    profile_reads = [q["sql"] for q in captured.captured_queries if 'FROM "core_profile"' in q["sql"]]
    assert profile_reads == []
