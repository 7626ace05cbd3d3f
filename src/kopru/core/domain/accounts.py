"""Creating users with their programme role (used by the demo, the tests' cast and operators)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from kopru.core.enums import Role
from kopru.core.models import Profile


@transaction.atomic
def create_member(
    username: str,
    *,
    role: Role,
    password: str | None = None,
    side: str = "",
    organisation=None,
    email: str = "",
    update: bool = False,
):
    """Create (or with `update`, reset) a user and their profile; admins are Django superusers too."""
    users = get_user_model()
    user = users.objects.filter(username=username).first()
    if user is None:
        user = users(username=username)
    elif not update:
        raise ValueError(f"A user named {username!r} already exists")
    user.email = email
    user.is_superuser = user.is_staff = role == Role.ADMIN
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.role, profile.side, profile.organisation = role, side, organisation
    profile.full_clean()
    profile.save()
    return user
