"""The authentication backend every signed-in request goes through.

Each page asks the user's role and side (`kopru.core.access`), which live on the profile: Django's
ModelBackend loads the user, and the first role check then loads the profile — two queries, about 1 ms each
on the bench database, on every page. Reading the profile with the user makes it one."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class ProfileModelBackend(ModelBackend):
    """ModelBackend that reads the user's profile in the same query as the user."""

    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("profile").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
