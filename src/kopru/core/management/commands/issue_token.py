from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from kopru.core.models import ApiToken


class Command(BaseCommand):
    help = "Issue an API token for a user; the token is printed once and only its hash is stored."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="cli")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}")
        _, raw = ApiToken.issue(user, name)
        self.stdout.write(raw)
