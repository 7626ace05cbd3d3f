"""The authentication backend every signed-in request goes through.

Each page asks the user's role and side (`kopru.core.access`), which live on the profile: Django's
ModelBackend loads the user, and the first role check then loads the profile — two queries, about 1 ms each
on the bench database, on every page. Reading the profile with the user makes it one, and writing that
statement once per database (`kopru.core.prepared`) spares the ORM's building and compiling of it on every
page (about 0.35 ms of CPU of a layout's 2.5, bench/load.py)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connections, router

from kopru.core.prepared import Columns
from kopru.core.statements import prepared_cursor

# database alias -> (the statement, the user's columns, the profile's columns)
_READS: dict[str, tuple[str, Columns, Columns]] = {}


def _user_read(using: str) -> tuple[str, Columns, Columns]:
    """What `select_related("profile").get(pk=…)` asks: the user's columns and the profile's, joined."""
    read = _READS.get(using)
    if read is None:
        from kopru.core.models import Profile

        user_model = get_user_model()
        quote = connections[using].ops.quote_name
        users, profiles = Columns(user_model, "u", using), Columns(Profile, "p", using)
        profile_user = Profile._meta.get_field("user")
        key = quote(user_model._meta.pk.column)
        sql = (
            f"SELECT {users.select}, {profiles.select} FROM {quote(user_model._meta.db_table)} u "
            f"LEFT OUTER JOIN {quote(Profile._meta.db_table)} p "
            f"ON (p.{quote(profile_user.column)} = u.{quote(profile_user.target_field.column)}) "
            f"WHERE u.{key} = %s"
        )
        read = _READS[using] = (sql, users, profiles)
    return read


def user_with_profile(user_id):
    """The user with primary key `user_id` and their profile, as `select_related("profile").get()` gives
    them (the profile, or its absence, cached on the user; the user on the profile); None if none."""
    from kopru.core.models import Profile

    user_model = get_user_model()
    using = router.db_for_read(user_model)
    connection = connections[using]
    sql, users, profiles = _user_read(using)
    key = user_model._meta.pk.get_db_prep_value(user_id, connection)  # the ORM's conversion and errors
    with prepared_cursor(using) as cursor:  # prepared on PostgreSQL: every signed-in page asks it
        cursor.execute(sql, [key])
        row = cursor.fetchone()
    if row is None:
        return None
    user = users.instance(row[: users.width], connection)
    has_profile = row[users.width] is not None  # the profile's primary key
    profile = profiles.instance(row[users.width :], connection) if has_profile else None
    # what select_related's populator does for a reverse one-to-one
    link = Profile._meta.get_field("user")
    link.remote_field.set_cached_value(user, profile)
    if profile is not None:
        link.set_cached_value(profile, user)
    return user


class ProfileModelBackend(ModelBackend):
    """ModelBackend that reads the user's profile in the same query as the user."""

    def get_user(self, user_id):
        user = user_with_profile(user_id)
        if user is None:
            return None
        return user if self.user_can_authenticate(user) else None
