from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kopru.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump for PostgreSQL, SQLite's backup API) and the uploaded files into "
        "one archive with a manifest of row counts and document checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", type=Path, metavar="DEST", help="the archive to write (.tar)")

    def handle(self, *args, destination, **options):
        try:
            manifest = create_backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{destination}: {sum(manifest['counts'].values())} rows in {len(manifest['counts'])} tables, "
            f"{manifest['documents']} documents (checksum {manifest['documents_checksum'][:12]}), "
            f"{manifest['files']} uploaded files"
        )
