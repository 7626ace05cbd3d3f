"""The investment-case API under /api/invest/case/.

Evaluations (market access, plant case, a full case) are open to everyone, as the rule data is public;
saved cases follow the visibility rules. Bad input is a 422 whose `loc` names the field and whose `msg`
is the CLI's message (`kopru market-access` prints `error: FIELD: MESSAGE` for the same input).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Body, Field, Router, Schema, Status
from ninja.errors import ValidationError
from ninja.pagination import paginate

from kopru.core.access import visible_to
from kopru.invest.case.domain.cases import delete_case, save_case, update_case
from kopru.invest.case.domain.evaluate import evaluate_case
from kopru.invest.case.domain.inputs import MAX_DRAWS, parse_fx, parse_inputs
from kopru.invest.case.forms import CaseForm
from kopru.invest.case.models import InvestmentCase
from kopru.invest.case.views import access_case
from kopru.invest.economics.errors import InputError, bad_input
from kopru.invest.economics.fx import Money, validate_currency
from kopru.invest.economics.incentives import estimate_incentives
from kopru.invest.economics.landed_cost import landed_cost
from kopru.invest.economics.market_access import assess_market_access
from kopru.invest.economics.messages import with_text
from kopru.invest.economics.montecarlo import ranges_from_dict, run_monte_carlo
from kopru.invest.economics.plant import evaluate_plant, plant_inputs_from_dict
from kopru.invest.economics.scenario import _apply_incentives  # the CLI's rule for filling the rates
from kopru.invest.economics.sources import parse_date
from kopru.invest.explanations import render
from kopru.invest.rule_data import economic_rules
from kopru.ui.api import api_fetch, api_require
from kopru.ui.errors import ValidationErrorOut, field_error, from_form, unprocessable
from kopru.ui.pagination import EstimatedLimitOffsetPagination

router = Router()


class ErrorOut(Schema):
    detail: str


def _422(error: InputError, prefix: str = "") -> ValidationError:
    return unprocessable(
        field_error(["body", "payload", *f"{prefix}{error.field}".split(".")], render(error.explanation))
    )


class MarketAccessIn(Schema):
    product: str
    made_in: str
    destination: str
    date: str
    producer: str | None = None
    local_value_share: float | None = None
    incentive_certificate: bool = False
    model: str | None = None
    ex_works: float | None = Field(None, description="per unit; with it the answer includes a landed cost")
    currency: str = "EUR"
    freight: float = 0.0
    insurance: float = 0.0
    area_m2_per_unit: float | None = None
    fx: dict[str, Any] | None = Field(
        None, description='{"base": "EUR", "as_of": "2025-01-02", "rates": {"USD": 1.03}}'
    )


def _in_words(data: dict[str, Any]) -> dict[str, Any]:
    """The contract's sentence fields in plain English, exactly as the CLI prints them; the key and
    parameters beside each (`<field>_message`) let a client word it in its own language."""
    return with_text(data)


@router.post(
    "/market-access",
    response={200: dict, 422: ValidationErrorOut},
    operation_id="invest_case_market_access",
    summary="Duties (and optionally the landed cost) for a product, origin, destination and date",
)
def market_access(request: HttpRequest, payload: MarketAccessIn):
    """The `kopru market-access` contract as JSON (../shared/contracts/market-access.md)."""
    try:
        rules = economic_rules()
        result = assess_market_access(
            rules,
            product=payload.product,
            made_in=payload.made_in,
            destination=payload.destination,
            on=parse_date(payload.date, "date"),
            producer=payload.producer,
            local_value_share=payload.local_value_share,
            incentive_certificate=payload.incentive_certificate,
            model=payload.model,
        )
        data = result.to_dict()
        if payload.ex_works is not None:
            currency = validate_currency(payload.currency, "currency")
            fx = parse_fx(payload.fx)
            cost = landed_cost(
                result,
                Money(payload.ex_works, currency),
                Money(payload.freight, currency),
                Money(payload.insurance, currency),
                fx=fx,
                currency=currency,
                area_m2_per_unit=payload.area_m2_per_unit,
            )
            data["landed_cost"] = cost.to_dict()
    except InputError as error:
        raise _422(error) from None
    return _in_words(data)


class IncentiveRequestIn(Schema):
    province: str
    scheme_type: str = "large_scale"
    date: str
    in_oiz: bool = False
    capacity: dict[str, float] = {}


class PlantCaseIn(Schema):
    plant: dict[str, Any]
    ranges: dict[str, Any] = {}
    incentives: IncentiveRequestIn | None = None
    draws: int = Field(10_000, description=f"0..{MAX_DRAWS} (0 = deterministic only)")
    seed: int = 1


@router.post(
    "/plant",
    response={200: dict, 422: ValidationErrorOut},
    operation_id="invest_case_plant",
    summary="Plant cash flows, NPV/IRR/payback, Monte Carlo percentiles and tornado",
)
def plant_case(request: HttpRequest, payload: PlantCaseIn):
    """As `kopru plant-case --format json`, with the scenario given inline; at most 100,000 draws."""
    try:
        if not 0 <= payload.draws <= MAX_DRAWS:
            raise bad_input("draws", "error.draws_here", maximum=MAX_DRAWS, value=f"{payload.draws}")
        plant_raw = dict(payload.plant)
        estimate, notes = None, []
        if payload.incentives is not None:
            request_in = payload.incentives
            try:
                estimate = estimate_incentives(
                    economic_rules(),
                    province=request_in.province,
                    scheme_type=request_in.scheme_type,
                    on=parse_date(request_in.date, "date"),
                    in_oiz=request_in.in_oiz,
                    eligible_investment=Money(
                        float(plant_raw.get("capex") or 0.0), str(plant_raw.get("currency") or "USD")
                    ),
                    capacity=request_in.capacity,
                )
            except InputError as error:
                raise InputError(f"incentives.{error.field}", error.explanation) from error
            plant_raw, notes = _apply_incentives(plant_raw, estimate)
        inputs = plant_inputs_from_dict(plant_raw)
        ranges = ranges_from_dict(payload.ranges)
        deterministic = evaluate_plant(inputs)
        monte_carlo = (
            run_monte_carlo(inputs, ranges, payload.draws, payload.seed) if payload.draws and ranges else None
        )
    except InputError as error:
        raise _422(error) from None
    return _in_words(
        {
            "incentives": estimate.to_dict() if estimate else None,
            "notes": [note.to_dict() if hasattr(note, "to_dict") else note for note in notes],
            "deterministic": deterministic.to_dict(),
            "monte_carlo": monte_carlo.to_dict() if monte_carlo else None,
        }
    )


@router.post(
    "/evaluate",
    response={200: dict, 422: ValidationErrorOut},
    operation_id="invest_case_evaluate",
    summary="Evaluate a whole case (the calculator's inputs JSON)",
)
def evaluate(request: HttpRequest, payload: dict[str, Any] = Body(...)):
    try:
        result = evaluate_case(economic_rules(), parse_inputs(payload))
    except InputError as error:
        raise _422(error) from None
    if result.errors:
        raise _422(result.errors[0])
    return _in_words(result.to_dict())


class CaseIn(Schema):
    name: str | None = None
    description: str | None = None
    visibility: str | None = None
    owner_side: str | None = None
    inputs: dict[str, Any] | None = None


class CaseOut(Schema):
    id: int
    name: str
    description: str
    visibility: str
    owner_side: str
    owner: str | None
    inputs: dict[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_owner(obj):
        return obj.owner.get_username() if obj.owner_id else None


def _fetch(request, pk: int, perm: str = "invest_case.view_case") -> InvestmentCase:
    return api_fetch(access_case, request, pk, perm=perm, forbidden="You may not change this case")


def _write(request, payload: CaseIn, instance: InvestmentCase | None = None) -> InvestmentCase:
    data = {"name": "", "description": "", "visibility": "shared", "owner_side": ""}
    if instance is not None:
        data.update(
            name=instance.name,
            description=instance.description,
            visibility=instance.visibility,
            owner_side=instance.owner_side,
        )
    data.update(payload.dict(exclude_unset=True, exclude={"inputs"}))
    data = {k: ("" if v is None else v) for k, v in data.items()}
    form = CaseForm(data=data, instance=instance, user=request.user)
    if not form.is_valid():
        raise from_form(form)
    inputs = payload.inputs
    if instance is None and inputs is None:
        raise unprocessable(field_error(["body", "payload", "inputs"], "is required"))
    try:
        if instance is None:
            return save_case(form, inputs, owner=request.user)
        return update_case(instance, form, inputs)
    except InputError as error:
        raise _422(error, "inputs.") from None


@router.get(
    "/cases/",
    response=list[CaseOut],
    operation_id="invest_case_list_cases",
    summary="Saved cases you may see",
)
@paginate(EstimatedLimitOffsetPagination)
def list_cases(request: HttpRequest):
    return visible_to(InvestmentCase.objects.select_related("owner"), request.auth)


@router.post(
    "/cases/",
    response={201: CaseOut, 401: ErrorOut, 403: ErrorOut},
    operation_id="invest_case_create_case",
    summary="Save a case",
)
def create_case(request: HttpRequest, payload: CaseIn):
    api_require(request, "invest_case.add_case", forbidden="You may not create cases")
    return Status(201, _write(request, payload))


@router.get(
    "/cases/{pk}",
    response={200: CaseOut, 401: ErrorOut, 404: ErrorOut},
    operation_id="invest_case_get_case",
    summary="Read a saved case",
)
def get_case(request: HttpRequest, pk: int):
    return _fetch(request, pk)


@router.get(
    "/cases/{pk}/evaluation",
    response={200: dict, 401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="invest_case_evaluate_case",
    summary="Evaluate a saved case with today's rule data",
)
def evaluate_saved_case(request: HttpRequest, pk: int):
    case = _fetch(request, pk)
    try:
        result = evaluate_case(economic_rules(), parse_inputs(case.inputs))
    except InputError as error:
        raise _422(error, "inputs.") from None
    return _in_words(result.to_dict())


@router.patch(
    "/cases/{pk}",
    response={200: CaseOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    operation_id="invest_case_update_case",
    summary="Change a saved case",
)
def patch_case(request: HttpRequest, pk: int, payload: CaseIn):
    case = _fetch(request, pk, perm="invest_case.change_case")
    return _write(request, payload, case)


@router.delete(
    "/cases/{pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    operation_id="invest_case_delete_case",
    summary="Delete a saved case",
)
def remove_case(request: HttpRequest, pk: int):
    case = _fetch(request, pk, perm="invest_case.delete_case")
    delete_case(case)
    return Status(204, None)
