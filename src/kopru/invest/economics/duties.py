"""Result records shared by the market-access and landed-cost functions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kopru.invest.economics.explanations import Explanation
from kopru.invest.economics.rule_tables import SpecificDuty
from kopru.invest.economics.sources import SourceRef


@dataclass(frozen=True)
class DutyLine:
    """One duty that stacks with the others: an ad valorem `rate` and/or a per-unit `specific` part."""

    kind: str
    rate: float
    ref: SourceRef
    producer_group: str | None = None
    stage: str | None = None
    specific: SpecificDuty | None = None
    note: Explanation | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "rate": self.rate,
            "reference": self.ref.reference,
            "source": self.ref.source,
            "row_id": self.ref.row_id,
            "from": self.ref.effective_from.isoformat(),
            "to": self.ref.effective_to.isoformat() if self.ref.effective_to else None,
        }
        if self.producer_group:
            data["producer_group"] = self.producer_group
        if self.stage:
            data["stage"] = self.stage
        if self.specific:
            data["specific"] = self.specific.to_dict()
        if self.note:
            data["note"] = self.note.to_dict()
        return data


def ad_valorem_total(lines: tuple[DutyLine, ...] | list[DutyLine]) -> float:
    # rounded so that 0.1 + 0.17 prints as 0.27, as the rates are published with at most 4 decimals
    return round(sum(line.rate for line in lines), 6)


def specific_parts(lines: tuple[DutyLine, ...] | list[DutyLine]) -> list[dict[str, Any]]:
    return [
        {**line.specific.to_dict(), "row_id": line.ref.row_id} for line in lines if line.specific is not None
    ]
