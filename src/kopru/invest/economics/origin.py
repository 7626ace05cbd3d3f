"""Origin-risk screening for goods made in Türkiye from imported parts (documented threshold model).

A.TR proves free circulation in the Customs Union, not origin; EU trade-defence duties follow
non-preferential origin (last substantial transformation). The model uses the Turkish share of the
ex-works value as a proxy: >= 0.45 Turkish origin (low risk), 0.35-0.45 arguable (medium risk),
below 0.35 the origin of the imported parts (high risk). It is a screening rule, not a ruling.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kopru.invest.economics.duties import DutyLine, ad_valorem_total
from kopru.invest.economics.explanations import Explanation, explain
from kopru.invest.economics.rule_tables import OriginModel


@dataclass(frozen=True)
class OriginRisk:
    level: str
    explanation: Explanation
    local_value_share: float | None
    alternative_origin: str
    model: OriginModel
    measures_if_alternative_origin: tuple[DutyLine, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "explanation": self.explanation.to_dict(),
            "local_value_share": self.local_value_share,
            "alternative_origin": self.alternative_origin,
            "model": {
                "row_id": self.model.ref.row_id,
                "reference": self.model.ref.reference,
                "source": self.model.ref.source,
                "turkish_origin_min_share": self.model.turkish_origin_min_share,
                "medium_risk_min_share": self.model.medium_risk_min_share,
            },
            "measures_if_origin_" + self.alternative_origin.lower(): [
                line.to_dict() for line in self.measures_if_alternative_origin
            ],
            "ad_valorem_total_if_origin_" + self.alternative_origin.lower(): ad_valorem_total(
                self.measures_if_alternative_origin
            ),
        }


@dataclass(frozen=True)
class OriginAssessment:
    assessed: str
    basis: Explanation
    risk: OriginRisk | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "assessed": self.assessed,
            "basis": self.basis.to_dict(),
            "risk": self.risk.to_dict() if self.risk else None,
        }


def screen_turkish_origin(
    local_value_share: float | None,
    model: OriginModel,
    measures_if_alternative: tuple[DutyLine, ...],
    alternative_origin: str,
) -> OriginAssessment:
    """Assess origin of goods made in TR; `measures_if_alternative`: duties a non-TR origin would face."""
    consequence = (
        explain(
            "origin.if_found.measures",
            origin=alternative_origin,
            measures=tuple(sorted({line.ref.reference for line in measures_if_alternative})),
            rate=ad_valorem_total(measures_if_alternative),
        )
        if measures_if_alternative
        else explain("origin.if_found.nothing", origin=alternative_origin)
    )
    if local_value_share is None:
        level, assessed = "unknown", "TR"
        basis = explain("origin.share_not_given")
    elif local_value_share >= model.turkish_origin_min_share:
        level, assessed = "low", "TR"
        basis = explain(
            "origin.share_at_least", share=local_value_share, threshold=model.turkish_origin_min_share
        )
    elif local_value_share >= model.medium_risk_min_share:
        level, assessed = "medium", "TR"
        basis = explain(
            "origin.share_between",
            share=local_value_share,
            low=model.medium_risk_min_share,
            high=model.turkish_origin_min_share,
        )
    else:
        level, assessed = "high", alternative_origin
        basis = explain(
            "origin.share_below",
            share=local_value_share,
            threshold=model.medium_risk_min_share,
            origin=alternative_origin,
        )
    explanation = explain(f"origin.risk.{level}", consequence=consequence)
    risk = (
        OriginRisk(level, explanation, local_value_share, alternative_origin, model, measures_if_alternative)
        if measures_if_alternative or level in ("high", "unknown")
        else None
    )
    return OriginAssessment(assessed=assessed, basis=basis, risk=risk)
