"""Demo content: the reference case "BYD Manisa plant" from the engine's scenario, public, owned by admin."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from kopru.core.enums import Visibility
from kopru.invest.case.domain.cases import check_inputs
from kopru.invest.case.domain.defaults import reference_inputs, scenario_document
from kopru.invest.case.models import InvestmentCase

REFERENCE_NAME = "BYD Manisa plant"


def load_demo() -> list[str]:
    inputs = reference_inputs()
    check_inputs(inputs)
    document = scenario_document()
    owner = get_user_model().objects.filter(username="admin").first()
    values = {
        "description": f"{document.get('title', '')}. Plant inputs from the engine's reference scenario "
        "(facts sourced there, other figures marked as assumptions); per-vehicle prices, freight and "
        "the exchange rate are example inputs.",
        "inputs": inputs,
        "visibility": Visibility.PUBLIC,
        "owner_side": "",
    }
    case = InvestmentCase.objects.filter(name=REFERENCE_NAME).order_by("pk").first()
    if case is None:
        case = InvestmentCase.objects.create(name=REFERENCE_NAME, owner=owner, **values)
        state = "created"
    elif any(getattr(case, key) != value for key, value in values.items()):
        for key, value in values.items():
            setattr(case, key, value)
        case.save()
        state = "updated"
    else:
        state = "unchanged"
    return [f"  investment case {state}: {case.name} (/invest/case/cases/{case.pk}/report/)"]
