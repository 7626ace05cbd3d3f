"""Every chart of insights is drawn from a Table: the page shows it beside the chart, the exports write it
and the API returns it, so the three cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

MACHINE_COLUMNS = {"code"}


@dataclass
class Table:
    name: str
    title: str
    columns: list[tuple[str, str]]  # (key, label)
    rows: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)  # per row: key -> URL of the records behind the cell

    def add(self, row: dict, links: dict | None = None) -> None:
        self.rows.append({key: _plain(row.get(key)) for key, _label in self.columns})
        self.links.append(links or {})

    @property
    def keys(self) -> list[str]:
        return [key for key, _label in self.columns]

    @property
    def screen_keys(self) -> list[str]:
        """The columns a page shows: codes are for the exports and the API, not for people reading."""
        return [key for key in self.keys if key not in MACHINE_COLUMNS]

    def screen_header(self) -> list[str]:
        return [str(label) for key, label in self.columns if key not in MACHINE_COLUMNS]

    def header(self) -> list[str]:
        return [str(label) for _key, label in self.columns]

    def values(self) -> list[list]:
        return [[row[key] for key in self.keys] for row in self.rows]

    def cells(self) -> list[list[tuple]]:
        """(value, url) per cell, for templates."""
        return [
            [(row[key], links.get(key, "")) for key in self.keys]
            for row, links in zip(self.rows, self.links, strict=True)
        ]

    def as_data(self) -> dict:
        return {
            "name": self.name,
            "title": str(self.title),
            "columns": [{"key": key, "label": str(label)} for key, label in self.columns],
            "rows": self.rows,
        }


def _plain(value):
    """JSON-friendly numbers: Decimals become floats rounded to cents; lazy strings become str."""
    if isinstance(value, Decimal):
        return round(float(value), 2)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
