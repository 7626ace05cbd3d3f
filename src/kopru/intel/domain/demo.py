"""Demo content: documents extracted as they would be in production; some accepted, some left for review."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model

from kopru.core.enums import Visibility
from kopru.core.models import Document
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


def load_demo() -> list[str]:
    admin = get_user_model().objects.filter(username="admin").first()
    gold = settings.DATA_DIR / "gold" / "extraction"
    accepted = sorted((settings.DATA_DIR / "demo" / "invest").glob("*.txt"))
    paths = [str(path) for path in [*accepted, *(gold / name for name in FOR_REVIEW)] if path.is_file()]
    batch = ingest_files(
        files_from_paths(paths), user=admin, label="demo", visibility=Visibility.SHARED, enqueue=False
    )
    # Documents stored earlier by the demo (the seed article) go through the same extraction.
    without_items = Document.objects.filter(ingest_items__isnull=True)
    IngestItem.objects.bulk_create(
        IngestItem(batch=batch, name=d.original_name or d.title, document=d) for d in without_items
    )
    for item in batch.items.filter(status=ItemStatus.QUEUED):
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
        f"  intelligence: {batch.items.count()} documents extracted, {sum(d.ok for d in decisions)} "
        "suggestions "
        f"accepted into the record, {pending} left in the review queue",
        *failed,
    ]
