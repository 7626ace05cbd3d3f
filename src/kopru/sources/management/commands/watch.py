"""`kopru watch`: fetch the sources that are due (from cron or a systemd timer, every few minutes)."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kopru.sources.domain.watching import fetch_source, watch
from kopru.sources.models import Source


class Command(BaseCommand):
    help = "Fetch the watched sources that are due: new items are stored once and their extraction queued."

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, action="append", default=[], help="fetch this source now")
        parser.add_argument(
            "--queue", action="store_true", help="queue one fetch per due source for the task workers"
        )

    def handle(self, *args, source, queue, **options):
        if source:
            found = list(Source.objects.filter(pk__in=source))
            missing = set(source) - {s.pk for s in found}
            if missing:
                raise CommandError(f"No source with id {', '.join(map(str, sorted(missing)))}")
            logs = [fetch_source(s) for s in found]
        else:
            with transaction.atomic():
                logs = watch(queue=queue)
            if queue:
                self.stdout.write("Queued a fetch of every due source.")
                return
        for log in logs:
            self.stdout.write(
                f"{log.source.name}: {log.get_outcome_display()} ({log.new_items} new, "
                f"{log.duplicates} already seen, {log.item_errors} item errors)"
                + (f" — {log.message.splitlines()[0]}" if log.message else "")
            )
        if any(log.failed for log in logs):
            sys.exit(1)
