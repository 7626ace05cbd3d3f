"""Demo content. The core creates the demo company; every app adds its own content through a step it
registers from `AppConfig.ready` (`register_demo_step`), run in the order given, each in a transaction.
The core names no app above it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from kopru.core.enums import OrganisationKind, Visibility
from kopru.core.models import Country, Organisation


@dataclass
class DemoContext:
    seed_paths: list[Path] = field(default_factory=list)  # the seed documents given to `kopru demo`
    company: Organisation | None = None


@dataclass(frozen=True)
class DemoStep:
    name: str
    load: Callable[[DemoContext], list[str]]  # idempotent; returns lines to print
    order: int = 100


DEMO_STEPS: dict[str, DemoStep] = {}


def register_demo_step(step: DemoStep) -> None:
    DEMO_STEPS.setdefault(step.name, step)


@transaction.atomic
def ensure_demo_company() -> Organisation:
    # A fictional company so that the demo's company user has an organisation of its own.
    company, _ = Organisation.objects.get_or_create(
        name="Anatolia Cell Works",
        defaults={
            "kind": OrganisationKind.COMPANY,
            "country": Country.objects.filter(code="TR").first(),
            "visibility": Visibility.PUBLIC,
            "description": "Demo company (fictional) for the company-user role.",
        },
    )
    return company


def run_demo_steps(context: DemoContext) -> list[str]:
    lines = []
    for step in sorted(DEMO_STEPS.values(), key=lambda s: s.order):
        with transaction.atomic():
            lines.extend(step.load(context))
    return lines
