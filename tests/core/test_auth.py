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


def test_the_user_and_profile_equal_the_orms_read(db, django_assert_num_queries):
    # the statement is written once (kopru.core.prepared): every field as select_related reads it, the
    # dates and booleans converted on SQLite too, the profile cached on the user and the user on it
    from django.contrib.auth import get_user_model

    profile = ProfileFactory(role=Role.COMPANY, side="")
    expected = get_user_model().objects.select_related("profile").get(pk=profile.user.pk)
    with django_assert_num_queries(1):
        loaded = ProfileModelBackend().get_user(profile.user.pk)
        assert loaded.profile.user is loaded
    for field in get_user_model()._meta.concrete_fields:
        assert getattr(loaded, field.attname) == getattr(expected, field.attname), field.name
    for field in type(profile)._meta.concrete_fields:
        assert getattr(loaded.profile, field.attname) == getattr(expected.profile, field.attname), field.name
    assert loaded._state.db == expected._state.db and not loaded._state.adding


def test_a_user_id_that_is_no_number_fails_as_the_orms_read_does(db):
    import pytest
    from django.contrib.auth import get_user_model

    with pytest.raises(ValueError):
        get_user_model().objects.get(pk="x")
    with pytest.raises(ValueError):
        ProfileModelBackend().get_user("x")
