from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kopru.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a `kopru backup` archive into this (empty) database and var directory, then check the row "
        "counts and document checksums against its manifest; exits non-zero on any difference."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, metavar="SRC")
        parser.add_argument("--force", action="store_true", help="replace a database that holds data")

    def handle(self, *args, source, force, **options):
        try:
            manifest, state = restore_backup(source, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"restored {source} ({manifest['created_at']}): {sum(state.counts.values())} rows, "
            f"{state.documents} documents and {state.files} files match the manifest"
        )
