from django.core.management.base import BaseCommand

from kopru.intel.domain.ingest import STALE_AFTER, requeue_stale_items


class Command(BaseCommand):
    help = (
        f"Queue again the documents whose extraction worker died (running for more than {STALE_AFTER}); "
        "run it from cron or a systemd timer every few minutes on worker machines."
    )

    def handle(self, *args, **options):
        requeued = requeue_stale_items()
        self.stdout.write(f"{len(requeued)} item(s) queued again")
