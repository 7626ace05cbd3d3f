"""Provenance of a number: which data row it came from, under which legal text, valid when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kopru.invest.economics.errors import InputError, bad_input


@dataclass(frozen=True)
class SourceRef:
    row_id: str
    reference: str
    source: str
    effective_from: dt.date
    effective_to: dt.date | None

    def in_force(self, on: dt.date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def to_dict(self) -> dict[str, Any]:
        return {
            "row_id": self.row_id,
            "reference": self.reference,
            "source": self.source,
            "from": self.effective_from.isoformat(),
            "to": self.effective_to.isoformat() if self.effective_to else None,
        }


def parse_date(value: Any, field: str) -> dt.date:
    """Accept a `date` (YAML parses ISO dates itself) or an ISO string; anything else names the field."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise bad_input(field, "error.not_a_date", value=repr(value))


def optional_date(value: Any, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    return parse_date(value, field)


def source_from_row(row: dict[str, Any], row_id: str, where: str) -> SourceRef:
    """Every rule row must say where it comes from and when it applies; a row that does not is a data bug."""
    for key in ("reference", "source", "effective_from"):
        if not row.get(key):
            raise InputError(
                f"{where}:{row_id}.{key}", "missing (every rule row needs source, reference, dates)"
            )
    return SourceRef(
        row_id=row_id,
        reference=" ".join(str(row["reference"]).split()),
        source=str(row["source"]),
        effective_from=parse_date(row["effective_from"], f"{where}:{row_id}.effective_from"),
        effective_to=optional_date(row.get("effective_to"), f"{where}:{row_id}.effective_to"),
    )
