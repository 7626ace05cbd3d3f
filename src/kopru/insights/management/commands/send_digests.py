from django.core.management.base import BaseCommand

from kopru.insights.domain.digests import period_of, send_digests


class Command(BaseCommand):
    help = (
        "E-mail each user what changed last week in what they follow (run from cron; a second run in the "
        "same ISO week sends nothing again)."
    )

    def handle(self, *args, **options):
        from django.utils import timezone

        counts = send_digests()
        self.stdout.write(
            f"{period_of(timezone.localdate())}: sent {counts['sent']}, nothing new {counts['empty']}, "
            f"already sent {counts['already']}, no e-mail address {counts['no_address']}"
        )
