"""`kopru ingest PATH...`: store documents once, extract them in background workers, show progress."""

from __future__ import annotations

import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from kopru.core.enums import Visibility
from kopru.intel.domain.analysis import run_item
from kopru.intel.domain.ingest import files_from_paths, ingest_files, requeue_stale_items
from kopru.intel.enums import FINISHED_ITEM_STATUSES, ItemStatus
from kopru.intel.models import IngestItem


class Command(BaseCommand):
    help = (
        "Ingest documents (.txt .md .html .pdf, or folders): store each once, extract facts as suggestions."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--visibility", choices=Visibility.values, default=Visibility.SHARED)
        parser.add_argument("--side", default="", help="owner side (ISO code) for --visibility internal")
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="task workers to start for this run (0: rely on workers already running)",
        )
        parser.add_argument(
            "--sync", action="store_true", help="extract in this process, without the task queue"
        )
        parser.add_argument("--no-wait", action="store_true", help="queue the work and return at once")

    def handle(self, *args, paths, visibility, side, workers, sync, no_wait, **options):
        if visibility == Visibility.INTERNAL and side not in (settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B):
            raise CommandError(
                f"--side must be {settings.KOPRU_SIDE_A} or {settings.KOPRU_SIDE_B} for internal documents"
            )
        if workers < 0:
            raise CommandError("--workers cannot be negative")
        requeue_stale_items()
        files = files_from_paths(paths)
        if not files:
            raise CommandError("No supported documents found in the given paths")
        batch = ingest_files(
            files,
            label=f"kopru ingest ({len(files)} files)",
            visibility=visibility,
            owner_side=side,
            enqueue=not sync,
        )
        items = IngestItem.objects.filter(batch=batch)
        if sync:
            for item in tqdm(list(items.filter(status=ItemStatus.QUEUED)), desc="extracting", unit="doc"):
                run_item(item.pk)
        elif not no_wait:
            self._wait(items, workers)
        self._report(batch, items)
        if items.filter(status=ItemStatus.FAILED).exists():
            sys.exit(1)

    def _wait(self, items, workers: int) -> None:
        processes = (
            [
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "kopru.cli",
                        "db_worker",
                        "--batch",
                        "--no-startup-delay",
                        "--interval",
                        "0.2",
                    ],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for _ in range(workers)
            ]
            if "django_tasks_db" in settings.TASKS["default"]["BACKEND"]
            else []
        )
        total = items.count()
        try:
            with tqdm(total=total, desc="extracting", unit="doc") as progress:
                finished = 0
                while finished < total:
                    time.sleep(0.5)
                    now = items.filter(status__in=FINISHED_ITEM_STATUSES).count()
                    progress.update(now - finished)
                    finished = now
                    if processes and all(p.poll() is not None for p in processes) and finished < total:
                        now = items.filter(status__in=FINISHED_ITEM_STATUSES).count()
                        if now < total:
                            raise CommandError("The workers stopped before every document was extracted")
        finally:
            for process in processes:
                process.wait(timeout=60)

    def _report(self, batch, items) -> None:
        counts = {status: items.filter(status=status).count() for status in ItemStatus.values}
        duplicates = items.filter(duplicate=True).count()
        for item in items.filter(status=ItemStatus.FAILED):
            self.stderr.write(f"  {item.name}: {item.error}")
        self.stdout.write(
            f"batch {batch.pk}: {counts['done']} extracted, {counts['failed']} failed, "
            f"{counts['queued'] + counts['running']} still queued; {duplicates} already stored before"
        )
