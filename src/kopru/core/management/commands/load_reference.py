from django.conf import settings
from django.core.management.base import BaseCommand

from kopru.core.domain.reference import load_countries, load_sectors


class Command(BaseCommand):
    help = "Load countries (ISO 3166-1) and the sector taxonomy from data/ (idempotent)."

    def handle(self, *args, **options):
        countries = load_countries(settings.DATA_DIR / "countries.csv")
        sectors = load_sectors(settings.DATA_DIR / "sectors.yaml")
        self.stdout.write(self.style.SUCCESS(f"Loaded {countries} countries and {sectors} sectors."))
