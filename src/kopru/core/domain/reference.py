"""Loading reference data (countries, sectors) from data/; idempotent so it can run on every deploy."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml
from django.db import transaction

from kopru.core.models import Country, Sector


@transaction.atomic
def load_countries(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        Country.objects.update_or_create(
            code=row["code"],
            defaults={
                "alpha3": row["alpha3"],
                "name": row["name"],
                "name_tr": row["name_tr"],
                "name_zh": row["name_zh"],
            },
        )
    return len(rows)


@transaction.atomic
def load_sectors(path: Path) -> int:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    source = document.get("source", "")
    count = 0

    def visit(nodes, parent):
        nonlocal count
        for node in nodes:
            sector, _ = Sector.objects.update_or_create(
                code=node["code"],
                defaults={
                    "parent": parent,
                    "name": node["name"],
                    "name_tr": node.get("name_tr", ""),
                    "name_zh": node.get("name_zh", ""),
                    "description": node.get("description", ""),
                    "nace_codes": node.get("nace", []),
                    "hs_codes": node.get("hs", []),
                    "source": source,
                },
            )
            count += 1
            visit(node.get("children", []), sector)

    visit(document["sectors"], None)
    return count
