from django.core.management.base import BaseCommand

from kopru.core.heartbeat import stale_after, sweep_stale


class Command(BaseCommand):
    help = (
        "Queue again the background work whose worker died (no heartbeat for "
        f"{int(stale_after().total_seconds())} s): ingest items and assignment runs. Run it every minute "
        "from cron or a systemd timer on worker machines."
    )

    def handle(self, *args, **options):
        for name, requeued in sweep_stale().items():
            self.stdout.write(f"{name}: {len(requeued)} queued again")
