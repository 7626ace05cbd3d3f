import secrets
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from kopru.core.domain.accounts import create_member
from kopru.core.domain.demo import DemoContext, ensure_demo_company, run_demo_steps
from kopru.core.enums import Role


class Command(BaseCommand):
    help = "Set up the demo: reference data, a demo admin and one user per role, and the seed article(s)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed",
            action="append",
            default=[],
            help="File or folder of seed documents (repeatable). Default: ../shared/seed",
        )
        parser.add_argument("--password", default="", help="Password for the demo users (default: random)")

    def handle(self, *args, seed, password, **options):
        call_command("load_reference", verbosity=0)
        password = password or secrets.token_urlsafe(9)
        side_a, side_b = settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B
        context = DemoContext(seed_paths=self._seed_paths(seed), company=ensure_demo_company())
        cast = [
            ("admin", Role.ADMIN, "", None),
            (f"officer.{side_a.lower()}", Role.STAFF, side_a, None),
            (f"officer.{side_b.lower()}", Role.STAFF, side_b, None),
            ("company", Role.COMPANY, "", context.company),
            ("reviewer", Role.REVIEWER, "", None),
        ]
        for username, role, side, organisation in cast:
            create_member(
                username, role=role, password=password, side=side, organisation=organisation, update=True
            )
        for line in run_demo_steps(context):
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("\nKöprü demo data is loaded."))
        self.stdout.write(f"  users: {', '.join(name for name, *_ in cast)}")
        self.stdout.write(self.style.WARNING(f"  password for all of them: {password}"))

    def _seed_paths(self, seeds: list[str]) -> list[Path]:
        roots = [Path(item) for item in seeds] or [settings.BASE_DIR.parent / "shared" / "seed"]
        paths = []
        for root in roots:
            if root.is_dir():
                paths.extend(sorted(p for p in root.rglob("*") if p.is_file()))
            elif root.is_file():
                paths.append(root)
        return paths
