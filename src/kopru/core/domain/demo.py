"""Demo content: the seed documents, turned into records by the extraction pipeline when it is installed."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from kopru.core.domain.documents import store_document
from kopru.core.domain.reading import UnreadableDocument, read_upload
from kopru.core.enums import OrganisationKind, Visibility
from kopru.core.models import Country, Organisation


@dataclass
class DemoReport:
    company: Organisation | None = None
    lines: list[str] = field(default_factory=list)


@transaction.atomic
def load_demo_record(paths: list[Path]) -> DemoReport:
    report = DemoReport()
    # A fictional company so that the demo's company user has an organisation of its own.
    report.company, _ = Organisation.objects.get_or_create(
        name="Anatolia Cell Works",
        defaults={
            "kind": OrganisationKind.COMPANY,
            "country": Country.objects.filter(code="TR").first(),
            "visibility": Visibility.PUBLIC,
            "description": "Demo company (fictional) for the company-user role.",
        },
    )
    for path in paths:
        try:
            content = path.read_bytes()
            read = read_upload(path.name, content)
        except (OSError, UnreadableDocument) as error:
            report.lines.append(f"  skipped {path}: {error}")
            continue
        stored = store_document(
            content=content,
            text=read.text,
            title=read.title or path.stem,
            file_name="",
            publisher=read.publisher or "",
            published_date=read.published,
            visibility=Visibility.PUBLIC,
        )
        state = "stored" if stored.created else "already stored"
        report.lines.append(f"  document {state}: {stored.document.title} ({path.name})")
    return report


# Apps contribute demo content through `kopru.<app>.domain.demo.load_demo() -> list[str]` (idempotent).
DEMO_MODULES = [
    "kopru.intel.domain.demo",
    "kopru.invest.domain.demo",
    "kopru.invest.case.domain.demo",
    "kopru.calls.domain.demo",
]


def load_app_demos() -> list[str]:
    lines = []
    for module_name in DEMO_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name and module_name.startswith(error.name):
                continue  # the app has no demo content yet
            raise
        with transaction.atomic():
            lines.extend(module.load_demo())
    return lines
