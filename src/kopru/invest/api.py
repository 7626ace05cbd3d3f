"""/api/invest/: opportunities, company profiles and deals (read, create, change), ranked matches, and
stage moves.

Same rules as the web pages: lists are narrowed by kopru.core.access.visible_to, a record the caller may
not read is 404, anonymous callers see public records only (401 where a login is needed).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from ninja import Body, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.schema import DjangoGetter
from pydantic import model_validator

from kopru.core import access
from kopru.core.models import Sector
from kopru.core.text import fold
from kopru.invest.domain.companies import save_company_profile
from kopru.invest.domain.deals import StageMoveRefused, move_deal, save_deal_changes, save_new_deal
from kopru.invest.domain.filters import filter_companies, filter_opportunities
from kopru.invest.domain.matchmaking import companies_for_opportunity, opportunities_for_company
from kopru.invest.domain.opportunities import save_opportunity
from kopru.invest.domain.pipelines import save_pipeline
from kopru.invest.domain.rows import DEAL_LIST_ORDER, deal_rows, deal_rows_by_ids, ordered_ids, sector_codes
from kopru.invest.explanations import render
from kopru.invest.forms import CompanyProfileForm, DealForm, OpportunityForm, PipelineForm, StageFormSet
from kopru.invest.models import CompanyProfile, Deal, Opportunity, Pipeline, Stage
from kopru.invest.views.access import access_company, access_deal, access_opportunity
from kopru.ui.api import api_fetch, api_require
from kopru.ui.display import linked_name, record_label
from kopru.ui.errors import (
    ValidationErrorOut,
    field_error,
    from_form,
    from_validation_error,
    unprocessable,
)
from kopru.ui.pagination import EstimatedLimitOffsetPagination, cheap_count

router = Router()


class LateRowPagination(EstimatedLimitOffsetPagination):
    """?limit=&offset= pages that sort the readable rows' ids first and read the page's rows by id.

    The list's order (pipeline, stage order, position) has no index of its own, so PostgreSQL sorts every
    readable deal; sorting whole rows (the summary, the search text, the joined company) took 7 to 15 ms
    for 5,000 deals, sorting their ids 2.5 ms. The page's rows come from the same queryset (same filters,
    order, select_related and prefetch), so what a caller sees does not change."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        if not isinstance(queryset, QuerySet):
            return super().paginate_queryset(queryset, pagination, request, **params)
        offset = pagination.offset
        limit = min(pagination.limit, self.max_limit)
        page_ids = queryset.values("pk")[offset : offset + limit]
        return {
            self.items_attribute: queryset.filter(pk__in=page_ids),
            "count": self._items_count(queryset),
        }


class ResolvedRow(dict):
    """A DealOut's values already worked out (the list's rows, `_deal_rows`): validated as they are."""


# DealOut's fields that are the deal's own columns, as they are
DEAL_COLUMNS = (
    "id",
    "title",
    "company_id",
    "opportunity_id",
    "pipeline_id",
    "stage_since",
    "lost_reason",
    "province",
    "currency",
    "announced_amount",
    "committed_amount",
    "realised_amount",
    "expected_capex",
    "capacity_value",
    "capacity_unit",
    "jobs",
    "announced_on",
    "agreement_signed_on",
    "production_expected",
    "visibility",
)


def _deal_rows(deals, offset: int, limit: int, user) -> list[ResolvedRow]:
    """A page of `deals` (the readable, filtered deals in the list's order) as DealOut's
    values, worked out here the way DealOut's resolvers do (the stage's code, the company as `user` may see
    it, the sectors' codes in the sectors' order), from plain rows: 50 deal and stage models, their
    prefetched sectors and ninja's getter per field were about 12 ms; the rows and the sectors' codes are
    read by plain statements (`kopru.invest.domain.rows`), which Django compiled in about 1.5 ms."""
    return _resolved_deal_rows(deal_rows(deals, offset, limit, DEAL_COLUMNS), user)


def _resolved_deal_rows(rows: list[dict], user) -> list[ResolvedRow]:
    if not rows:
        return []
    sectors = sector_codes([row["id"] for row in rows])
    company_ids = {row["company_id"] for row in rows if row["company_id"]}
    companies = (
        CompanyProfile.objects.select_related("organisation").in_bulk(company_ids) if company_ids else {}
    )
    resolved = []
    for row in rows:
        row["stage"] = row.pop("stage__code")
        company = companies.get(row["company_id"]) if row["company_id"] else None
        row["company"] = (linked_name(company, user) or None) if company is not None else None
        row["sectors"] = sectors[row["id"]]
        resolved.append(ResolvedRow(row))
    return resolved


class DealPagination(EstimatedLimitOffsetPagination):
    """?limit=&offset= pages of the deals' list (LateRowPagination's way: the readable deals' ids sorted
    first, then the page's rows by id) whose page is the deals' resolved rows (`_deal_rows`)."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        if not isinstance(queryset, QuerySet):
            return super().paginate_queryset(queryset, pagination, request, **params)
        offset = pagination.offset
        limit = min(pagination.limit, self.max_limit)
        ids = ordered_ids(queryset)
        if ids is None:
            return {
                self.items_attribute: _deal_rows(queryset, offset, limit, request.auth),
                "count": self._items_count(queryset),
            }
        # the readable deals' ids in the list's order, kept per data version (`ordered_ids`)
        rows = deal_rows_by_ids(ids[offset : offset + limit], request.auth, DEAL_COLUMNS)
        return {
            self.items_attribute: _resolved_deal_rows(rows, request.auth),
            "count": cheap_count(queryset, exact=len(ids)),
        }


class ErrorOut(Schema):
    detail: str


class OpportunityOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    sectors: list[str]
    description: str
    tags: list[str]
    host_country: str
    province: str
    in_oiz: bool
    capex_musd: Decimal | None
    capacity_value: float | None
    capacity_unit: str
    jobs: int | None
    scheme_type: str
    target_markets: list[str]
    visibility: str

    @staticmethod
    def resolve_sectors(obj):
        return [sector.code for sector in obj.sectors.all()]

    @staticmethod
    def resolve_host_country(obj):
        return obj.host_country_id


def _sees(record, context) -> bool:
    return access.can_view(context["request"].user, record)


class CompanyOut(Schema):
    id: int
    organisation_id: int
    name: str
    hq_country: str | None
    sectors: list[str]
    capabilities: str
    tags: list[str]
    size: str
    employees: int | None
    revenue_musd: Decimal | None
    capacities: list[dict]
    plants: list[str]
    export_markets: list[str]
    investment_modes: list[str]
    visibility: str

    # The organisation may be a record the caller may not read: then it is not named or described.
    @staticmethod
    def resolve_name(obj, context):
        return record_label(obj, context["request"].user)

    @staticmethod
    def resolve_hq_country(obj, context):
        return obj.organisation.country_id if _sees(obj.organisation, context) else None

    @staticmethod
    def resolve_sectors(obj, context):
        if not _sees(obj.organisation, context):
            return []
        return [sector.code for sector in obj.organisation.sectors.all()]


class StageChangeOut(Schema):
    at: dt.datetime
    from_stage: str | None
    to_stage: str
    overridden: bool

    @staticmethod
    def resolve_from_stage(obj):
        return obj.from_stage.code if obj.from_stage_id else None

    @staticmethod
    def resolve_to_stage(obj):
        return obj.to_stage.code


class DealOut(Schema):
    id: int
    title: str
    company_id: int | None
    company: str | None
    opportunity_id: int | None
    pipeline_id: int
    stage: str
    stage_since: dt.datetime
    lost_reason: str
    sectors: list[str]
    province: str
    currency: str
    announced_amount: Decimal | None
    committed_amount: Decimal | None
    realised_amount: Decimal | None
    expected_capex: Decimal | None
    capacity_value: float | None
    capacity_unit: str
    jobs: int | None
    announced_on: dt.date | None
    agreement_signed_on: dt.date | None
    production_expected: dt.date | None
    visibility: str

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(cls, values, handler, info):
        """Ninja's own (every field read through a `DjangoGetter` and its resolvers), except for a row the
        list has already resolved: 23 fields × 50 deals through the getter took about 7 ms a page."""
        if isinstance(values, ResolvedRow):
            return handler(values)
        return handler(DjangoGetter(values, cls, info.context))

    @staticmethod
    def resolve_company(obj, context):
        return linked_name(obj.company, context["request"].user) or None if obj.company_id else None

    @staticmethod
    def resolve_stage(obj):
        return obj.stage.code

    @staticmethod
    def resolve_sectors(obj):
        return [sector.code for sector in obj.sectors.all()]


class DealDetailOut(DealOut):
    history: list[StageChangeOut]

    @staticmethod
    def resolve_history(obj):
        return list(obj.stage_changes.select_related("from_stage", "to_stage"))


class MatchOut(Schema):
    id: int
    name: str
    score: float
    reasons: list[str]


class MoveIn(Schema):
    stage: str  # stage code in the deal's pipeline
    note: str = ""
    lost_reason: str = ""
    override_reason: str = ""


def _fetch(fetch, request, pk, *, for_change=False):
    return api_fetch(fetch, request, pk, for_change=for_change)


def _require_staff(request):
    api_require(request, "kopru.add_record", forbidden="Government staff only")


def _check_k(k: int) -> None:
    if not 1 <= k <= 100:
        raise unprocessable(field_error(["query", "k"], "k must be between 1 and 100"))


def _match_rows(matches) -> list[dict]:
    return [
        {
            "id": m.record.pk,
            "name": str(m.record),
            "score": m.score,
            "reasons": [render(message) for message in m.messages],
        }
        for m in matches
    ]


@router.get("/opportunities/", response=list[OpportunityOut], operation_id="invest_list_opportunities")
@paginate(EstimatedLimitOffsetPagination)
def list_opportunities(request, q: str = "", kind: str = "", sector: str = "", status: str = ""):
    queryset = access.visible_to(Opportunity.objects.prefetch_related("sectors"), request.auth)
    return filter_opportunities(queryset, q=q, kind=kind, status=status, sector=sector)


@router.get(
    "/opportunities/{pk}",
    response={200: OpportunityOut, 401: ErrorOut, 404: ErrorOut},
    operation_id="invest_get_opportunity",
)
def get_opportunity(request, pk: int):
    return _fetch(access_opportunity, request, pk)


@router.get(
    "/opportunities/{pk}/matches",
    response={200: list[MatchOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    operation_id="invest_opportunity_matches",
)
def opportunity_matches(request, pk: int, k: int = 10):
    opportunity = _fetch(access_opportunity, request, pk)
    _require_staff(request)
    _check_k(k)
    matches, _note = companies_for_opportunity(opportunity, request.auth, k=k)
    return _match_rows(matches)


@router.get("/companies/", response=list[CompanyOut], operation_id="invest_list_companies")
@paginate(EstimatedLimitOffsetPagination)
def list_companies(request, q: str = "", sector: str = "", country: str = ""):
    queryset = access.visible_to(
        CompanyProfile.objects.select_related("organisation").prefetch_related("organisation__sectors"),
        request.auth,
    )
    return filter_companies(queryset, q=q, country=country, sector=sector)


@router.get(
    "/companies/{pk}",
    response={200: CompanyOut, 401: ErrorOut, 404: ErrorOut},
    operation_id="invest_get_company",
)
def get_company(request, pk: int):
    return _fetch(access_company, request, pk)


@router.get(
    "/companies/{pk}/matches",
    response={200: list[MatchOut], 401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="invest_company_matches",
)
def company_matches(request, pk: int, k: int = 10):
    profile = _fetch(access_company, request, pk)
    _check_k(k)
    matches, _note = opportunities_for_company(profile, request.auth, k=k)
    return _match_rows(matches)


@router.get("/deals/", response=list[DealOut], operation_id="invest_list_deals")
@paginate(DealPagination)
def list_deals(request, q: str = "", stage: str = "", pipeline: int | None = None, sector: str = ""):
    # the page's rows are read by DealPagination (`_deal_rows`)
    queryset = access.visible_to(Deal.objects.all(), request.auth)
    if q:
        queryset = queryset.filter(search_text__contains=fold(q))
    if stage:
        queryset = queryset.filter(stage__code=stage)
    if pipeline is not None:
        queryset = queryset.filter(pipeline_id=pipeline)
    if sector:
        queryset = queryset.filter(sectors__code=sector)
    return queryset.order_by(*DEAL_LIST_ORDER)


@router.get(
    "/deals/{pk}", response={200: DealDetailOut, 401: ErrorOut, 404: ErrorOut}, operation_id="invest_get_deal"
)
def get_deal(request, pk: int):
    return _fetch(access_deal, request, pk)


@router.post(
    "/deals/{pk}/move",
    response={
        200: DealDetailOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ValidationErrorOut,
    },
    operation_id="invest_move_deal",
)
def move_deal_endpoint(request, pk: int, payload: MoveIn):
    deal = _fetch(access_deal, request, pk, for_change=True)
    stage = Stage.objects.filter(pipeline_id=deal.pipeline_id, code=payload.stage).first()
    if stage is None:
        raise unprocessable(
            field_error(["body", "payload", "stage"], f"No stage {payload.stage!r} in this deal's pipeline")
        )
    try:
        move_deal(
            deal,
            stage,
            user=request.auth,
            note=payload.note,
            lost_reason=payload.lost_reason,
            override_reason=payload.override_reason,
        )
    except StageMoveRefused as refusal:
        return Status(409, {"detail": refusal.reason})
    return Deal.objects.get(pk=deal.pk)


# -- writing: the same forms and domain functions as the pages ---------------------------------------------


def _form_data(form_class, payload: dict, *, instance, user) -> dict:
    """Form data for `form_class` from a JSON payload: the record's current values (for a new record, the
    form's defaults, as the page offers them) with the payload's on top; sector codes stand for sectors;
    null leaves a field empty."""
    blank = form_class(instance=instance, user=user)
    unknown = sorted(set(payload) - set(blank.fields))
    if unknown:
        raise unprocessable(*(field_error(["body", "payload", name], "Unknown field.") for name in unknown))
    data = {bound.name: bound.value() for bound in blank}  # the record's values, or the form's defaults
    data.update(payload)
    for name, field in blank.fields.items():
        value = data.get(name)
        if value is None or value is False or value == []:
            data.pop(name, None)
        elif isinstance(field, forms.ModelMultipleChoiceField) and isinstance(value, list):
            data[name] = _sector_ids(value) if field.queryset.model is Sector else value
    return data


def _sector_ids(values: list) -> list:
    codes = [value for value in values if isinstance(value, str) and not value.isdigit()]
    by_code = dict(Sector.objects.filter(code__in=codes).values_list("code", "pk"))
    return [by_code.get(value, value) if value in codes else value for value in values]


def _write(form_class, save, request, payload: dict, instance=None):
    form = form_class(
        data=_form_data(form_class, payload, instance=instance, user=request.auth),
        instance=instance,
        user=request.auth,
    )
    if not form.is_valid():
        raise from_form(form)
    try:
        return save(form)
    except ValidationError as error:
        raise from_validation_error(error) from None


WRITE_RESPONSES = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}
FORM_FIELDS = "The fields of the page's form (sectors as codes or ids); see the record's read operation."


@router.post(
    "/deals/",
    response={201: DealDetailOut, **WRITE_RESPONSES},
    operation_id="invest_create_deal",
    summary="Record a deal (the same form and rules as /invest/deals/new/)",
    description=FORM_FIELDS,
)
def create_deal_endpoint(request, payload: dict[str, Any] = Body(...)):
    _require_staff(request)
    deal = _write(DealForm, lambda form: save_new_deal(form, user=request.auth), request, payload)
    return Status(201, Deal.objects.get(pk=deal.pk))


@router.patch(
    "/deals/{pk}",
    response={200: DealDetailOut, **WRITE_RESPONSES},
    operation_id="invest_update_deal",
    summary="Change a deal (the fields given; stages move with /move)",
    description=FORM_FIELDS,
)
def update_deal_endpoint(request, pk: int, payload: dict[str, Any] = Body(...)):
    deal = _fetch(access_deal, request, pk, for_change=True)
    if "stage" in payload or "pipeline" in payload:
        raise unprocessable(
            field_error(["body", "payload", "stage"], "Move a deal with POST /deals/{pk}/move.")
        )
    _write(DealForm, save_deal_changes, request, payload, instance=deal)
    return Deal.objects.get(pk=deal.pk)


@router.post(
    "/opportunities/",
    response={201: OpportunityOut, **WRITE_RESPONSES},
    operation_id="invest_create_opportunity",
    summary="Offer an opportunity (the same form and rules as /invest/opportunities/new/)",
    description=FORM_FIELDS,
)
def create_opportunity_endpoint(request, payload: dict[str, Any] = Body(...)):
    _require_staff(request)
    return Status(201, _write(OpportunityForm, save_opportunity, request, payload))


@router.patch(
    "/opportunities/{pk}",
    response={200: OpportunityOut, **WRITE_RESPONSES},
    operation_id="invest_update_opportunity",
    summary="Change an opportunity (the fields given)",
    description=FORM_FIELDS,
)
def update_opportunity_endpoint(request, pk: int, payload: dict[str, Any] = Body(...)):
    opportunity = _fetch(access_opportunity, request, pk, for_change=True)
    return _write(OpportunityForm, save_opportunity, request, payload, instance=opportunity)


@router.post(
    "/companies/",
    response={201: CompanyOut, **WRITE_RESPONSES},
    operation_id="invest_create_company",
    summary="Add a company profile (the same form and rules as /invest/companies/new/)",
    description=FORM_FIELDS,
)
def create_company_endpoint(request, payload: dict[str, Any] = Body(...)):
    _require_staff(request)
    profile = _write(CompanyProfileForm, save_company_profile, request, payload)
    return Status(201, CompanyProfile.objects.select_related("organisation").get(pk=profile.pk))


@router.patch(
    "/companies/{pk}",
    response={200: CompanyOut, **WRITE_RESPONSES},
    operation_id="invest_update_company",
    summary="Change a company profile (the fields given)",
    description=FORM_FIELDS,
)
def update_company_endpoint(request, pk: int, payload: dict[str, Any] = Body(...)):
    profile = _fetch(access_company, request, pk, for_change=True)
    _write(CompanyProfileForm, save_company_profile, request, payload, instance=profile)
    return CompanyProfile.objects.select_related("organisation").get(pk=profile.pk)


# -- pipelines (the officers' editor, as /invest/pipelines/) -----------------------------------------------


class StageIO(Schema):
    code: str
    name: str
    name_tr: str = ""
    name_zh: str = ""
    order: int
    phase: str
    probability: int


class PipelineOut(Schema):
    id: int
    name: str
    name_tr: str
    name_zh: str
    description: str
    team: str
    is_default: bool
    stages: list[StageIO]

    @staticmethod
    def resolve_stages(obj):
        return list(obj.stages.order_by("order"))


class PipelineIn(Schema):
    name: str | None = None
    name_tr: str | None = None
    name_zh: str | None = None
    description: str | None = None
    team: str | None = None
    is_default: bool | None = None
    stages: list[StageIO] | None = None


def _pipeline_forms(payload: PipelineIn, pipeline: Pipeline | None):
    """The editor's form and stage formset, bound as the page would post them: stages matched by code
    (a code not in the list is deleted when a list is given)."""
    base = PipelineForm(instance=pipeline)
    data = {bound.name: bound.value() for bound in base}
    data.update(payload.dict(exclude_unset=True, exclude={"stages"}))
    data = {key: value for key, value in data.items() if value not in (None, False)}
    existing = {stage.code: stage for stage in pipeline.stages.all()} if pipeline else {}
    given = (
        payload.stages
        if payload.stages is not None
        else [StageIO(**_stage_dict(s)) for s in existing.values()]
    )
    rows = [(existing.get(stage.code), stage.dict()) for stage in given]
    rows += [(stage, None) for code, stage in existing.items() if code not in {s.code for s in given}]
    prefix = "stages"
    data.update({f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": sum(1 for s, _ in rows if s)})
    data.update({f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000})
    rows.sort(key=lambda row: row[0] is None)  # the formset expects the existing stages first
    for index, (stage, values) in enumerate(rows):
        if stage is not None:
            data[f"{prefix}-{index}-id"] = stage.pk
        if values is None:
            data.update({f"{prefix}-{index}-{k}": v for k, v in _stage_dict(stage).items()})
            data[f"{prefix}-{index}-DELETE"] = "on"
        else:
            data.update({f"{prefix}-{index}-{k}": v for k, v in values.items()})
    form = PipelineForm(data, instance=pipeline)
    stages = StageFormSet(data, instance=pipeline or Pipeline(), prefix=prefix)
    return form, stages


def _stage_dict(stage: Stage) -> dict:
    return {
        k: getattr(stage, k) for k in ("code", "name", "name_tr", "name_zh", "order", "phase", "probability")
    }


def _save_pipeline(payload: PipelineIn, pipeline: Pipeline | None) -> Pipeline:
    form, stages = _pipeline_forms(payload, pipeline)
    if not form.is_valid():
        raise from_form(form)
    if not stages.is_valid():
        errors = [
            field_error(["body", "payload", "stages", index, field], message)
            for index, stage_form in enumerate(stages.forms)
            for field, messages in stage_form.errors.items()
            for message in messages
        ]
        errors += [
            field_error(["body", "payload", "stages"], message) for message in stages.non_form_errors()
        ]
        raise unprocessable(*errors)
    try:
        return save_pipeline(form, stages)
    except ValidationError as error:
        raise from_validation_error(error) from None


@router.get(
    "/pipelines/",
    response={200: list[PipelineOut], 401: ErrorOut, 403: ErrorOut},
    operation_id="invest_list_pipelines",
)
def list_pipelines(request):
    _require_staff(request)
    return list(Pipeline.objects.prefetch_related("stages"))


@router.post(
    "/pipelines/",
    response={201: PipelineOut, **WRITE_RESPONSES},
    operation_id="invest_create_pipeline",
    summary="Create a pipeline with its stages (in board order, one of them for lost deals)",
)
def create_pipeline_endpoint(request, payload: PipelineIn):
    _require_staff(request)
    return Status(201, _save_pipeline(payload, None))


@router.patch(
    "/pipelines/{pk}",
    response={200: PipelineOut, **WRITE_RESPONSES},
    operation_id="invest_update_pipeline",
    summary="Change a pipeline; with `stages`, its stages become that list (matched by code)",
)
def update_pipeline_endpoint(request, pk: int, payload: PipelineIn):
    _require_staff(request)
    pipeline = Pipeline.objects.filter(pk=pk).first()
    if pipeline is None:
        raise HttpError(404, "No such pipeline")
    return _save_pipeline(payload, pipeline)
