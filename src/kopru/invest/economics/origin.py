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
from kopru.invest.economics.rule_tables import OriginModel


@dataclass(frozen=True)
class OriginRisk:
    level: str
    explanation: str
    local_value_share: float | None
    alternative_origin: str
    model: OriginModel
    measures_if_alternative_origin: tuple[DutyLine, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "explanation": self.explanation,
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
    basis: str
    risk: OriginRisk | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "assessed": self.assessed,
            "basis": self.basis,
            "risk": self.risk.to_dict() if self.risk else None,
        }


def screen_turkish_origin(
    local_value_share: float | None,
    model: OriginModel,
    measures_if_alternative: tuple[DutyLine, ...],
    alternative_origin: str,
) -> OriginAssessment:
    """Assess origin of goods made in TR; `measures_if_alternative`: duties a non-TR origin would face."""
    names = "; ".join(sorted({line.ref.reference for line in measures_if_alternative}))
    consequence = (
        f"if the origin were found to be {alternative_origin}, {names} would apply"
        f" ({ad_valorem_total(measures_if_alternative):.1%} ad valorem)"
        if measures_if_alternative
        else f"no trade-defence measure on {alternative_origin} origin applies to this product on this date"
    )
    if local_value_share is None:
        level, assessed = "unknown", "TR"
        basis = "made in TR; local value share not given, so Turkish origin is not established"
        explanation = f"Give --local-value-share to screen origin; {consequence}."
    elif local_value_share >= model.turkish_origin_min_share:
        level, assessed = "low", "TR"
        basis = (
            f"made in TR; local value share {local_value_share:.2f} >= {model.turkish_origin_min_share:.2f}"
            " (last substantial transformation in TR, proxy)"
        )
        explanation = f"Turkish origin likely; {consequence}."
    elif local_value_share >= model.medium_risk_min_share:
        level, assessed = "medium", "TR"
        basis = (
            f"made in TR; local value share {local_value_share:.2f} between {model.medium_risk_min_share:.2f}"
            f" and {model.turkish_origin_min_share:.2f}: Turkish origin arguable"
        )
        explanation = f"Processing in TR may not confer origin; {consequence}."
    else:
        level, assessed = "high", alternative_origin
        basis = (
            f"made in TR from imported parts; local value share {local_value_share:.2f} <"
            f" {model.medium_risk_min_share:.2f}: origin taken as {alternative_origin} (parts' origin)"
        )
        explanation = (
            f"Assembly in TR likely does not confer origin; {consequence} (free circulation under the Customs"
            " Union does not prevent trade-defence duties, cf. Reg. (EU) 2022/1478)."
        )
    risk = (
        OriginRisk(level, explanation, local_value_share, alternative_origin, model, measures_if_alternative)
        if measures_if_alternative or level in ("high", "unknown")
        else None
    )
    return OriginAssessment(assessed=assessed, basis=basis, risk=risk)
