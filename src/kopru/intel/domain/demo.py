"""Demo content: documents extracted as they would be in production; some accepted, some left for review."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model

from kopru.core.enums import Visibility
from kopru.intel.domain.analysis import run_item
from kopru.intel.domain.ingest import files_from_paths, ingest_files
from kopru.intel.domain.review import decide_many
from kopru.intel.enums import ItemStatus, SuggestionStatus
from kopru.intel.models import IngestItem, Suggestion

DECISION_ORDER = {"person": 0, "organisation": 1, "event": 2, "investment": 3, "sector": 4, "claim": 5}


# Documents of the extraction gold set left pending in the review queue, for a visitor to decide.
FOR_REVIEW = [
    "press_embassy_cn_trade_talks.txt",
    "press_rail_mou_turasas_crrc.txt",
    "portal_tianhe_solar_izmir.html",
]


def load_demo(seed_paths=()) -> list[str]:
    """Extract the seed documents (public) and the demo set (shared); accept all but a few suggestions."""
    admin = get_user_model().objects.filter(username="admin").first()
    seed_batch = ingest_files(
        files_from_paths([str(path) for path in seed_paths]),
        user=admin,
        label="seed",
        visibility=Visibility.PUBLIC,
        enqueue=False,
    )
    gold = settings.DATA_DIR / "gold" / "extraction"
    accepted = sorted((settings.DATA_DIR / "demo" / "invest").glob("*.txt"))
    paths = [str(path) for path in [*accepted, *(gold / name for name in FOR_REVIEW)] if path.is_file()]
    batch = ingest_files(
        files_from_paths(paths), user=admin, label="demo", visibility=Visibility.SHARED, enqueue=False
    )
    for item in IngestItem.objects.filter(batch__in=[seed_batch, batch], status=ItemStatus.QUEUED):
        run_item(item.pk)
    to_accept = Suggestion.objects.filter(status=SuggestionStatus.PENDING).exclude(
        document__original_name__in=FOR_REVIEW
    )
    decisions = decide_many(
        sorted(to_accept, key=lambda s: (DECISION_ORDER[s.kind], s.pk)), user=admin, accept=True
    )
    failed = [f"    could not accept {d.suggestion.label}: {d.message}" for d in decisions if not d.ok]
    pending = Suggestion.objects.filter(status=SuggestionStatus.PENDING).count()
    return [
        f"  intelligence: {seed_batch.items.count() + batch.items.count()} documents extracted, "
        f"{sum(d.ok for d in decisions)} suggestions accepted into the record, "
        f"{pending} left in the review queue",
        *failed,
    ]
