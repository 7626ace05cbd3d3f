"""An opportunity's offered incentives, read from the investment-case engine's rule data (not copied)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from kopru.invest.economics.errors import InputError
from kopru.invest.economics.fx import Money
from kopru.invest.economics.incentives import IncentiveEstimate, estimate_incentives
from kopru.invest.explanations import render
from kopru.invest.models import Opportunity
from kopru.invest.rule_data import economic_rules
from kopru.invest.validators import province_rows


@dataclass(frozen=True)
class OfferedIncentives:
    estimate: IncentiveEstimate | None
    problem: str = ""
    # When today's scheme has no recorded rates: the last scheme with regional rates, for comparison.
    previous: IncentiveEstimate | None = None


def region_of(province: str, on: dt.date | None = None) -> int | None:
    """Incentive region (I–VI of Decree 2012/3305) of a province on a date, when recorded."""
    on = on or timezone.localdate()
    rows = [row for row in province_rows(province) if row.ref.in_force(on)] if province else []
    if not rows:
        rows = province_rows(province) if province else []
    return rows[0].region if rows else None


def offered_incentives(opportunity: Opportunity, on: dt.date | None = None) -> OfferedIncentives:
    if not opportunity.scheme_type or not opportunity.province:
        return OfferedIncentives(None, "")
    eligible = (
        Money(float(opportunity.capex_musd) * 1e6, "USD") if opportunity.capex_musd is not None else None
    )
    try:
        estimate = estimate_incentives(
            economic_rules(),
            opportunity.province,
            opportunity.scheme_type,
            on or timezone.localdate(),
            in_oiz=opportunity.in_oiz,
            eligible_investment=eligible,
        )
    except InputError as error:
        return OfferedIncentives(None, f"{error.field}: {render(error.explanation)}")
    previous = None
    if all(line.status == "not_known" for line in estimate.lines if line.rate is None and line.value is None):
        previous = _last_regional_estimate(opportunity, estimate.date, eligible)
    return OfferedIncentives(estimate, previous=previous)


def _last_regional_estimate(opportunity, on: dt.date, eligible) -> IncentiveEstimate | None:
    """The estimate on the last day a scheme with a recorded region list was in force, before `on`."""
    ends = [
        scheme.ref.effective_to
        for scheme in economic_rules().schemes
        if scheme.regions_from and scheme.ref.effective_to and scheme.ref.effective_to < on
    ]
    if not ends:
        return None
    try:
        return estimate_incentives(
            economic_rules(),
            opportunity.province,
            opportunity.scheme_type,
            max(ends),
            in_oiz=opportunity.in_oiz,
            eligible_investment=eligible,
        )
    except InputError:
        return None
