"""API for watched sources (government staff and admins): list, create, update, fetch now."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from ninja import Router, Schema, Status
from pydantic import Field

from kopru.core.jobs import enqueue_on_commit
from kopru.sources.access import sources_for
from kopru.sources.domain.status import with_last_fetch
from kopru.sources.domain.watching import save_source
from kopru.sources.enums import SourceKind
from kopru.sources.models import Source
from kopru.ui.api import api_access, api_require, declare_forbidden
from kopru.ui.errors import ValidationErrorOut, from_validation_error

router = Router()


class SourceOut(Schema):
    id: int
    name: str
    url: str
    kind: str
    language: str
    publisher: str
    interval_minutes: int
    active: bool
    visibility: str
    owner_side: str
    last_fetched_at: datetime | None
    last_outcome: str | None
    item_count: int


class SourceIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    url: str = Field(min_length=1, max_length=1000)
    kind: SourceKind = SourceKind.FEED
    language: str = Field("en", min_length=1, max_length=10)
    publisher: str = Field("", max_length=200)
    interval_minutes: int = Field(60, ge=5, le=7 * 24 * 60)
    active: bool = True
    visibility: str = Field("shared", pattern="^(public|shared|internal)$")


class SourcePatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    url: str | None = Field(None, min_length=1, max_length=1000)
    kind: SourceKind | None = None
    language: str | None = Field(None, min_length=1, max_length=10)
    publisher: str | None = Field(None, max_length=200)
    interval_minutes: int | None = Field(None, ge=5, le=7 * 24 * 60)
    active: bool | None = None
    visibility: str | None = Field(None, pattern="^(public|shared|internal)$")


class Queued(Schema):
    id: int
    queued: bool


def _staff(request):
    api_require(request, "sources.watch", forbidden="Only government staff watch sources")
    return request.auth


def _source(request, pk: int, perm: str = "sources.view_source"):
    user = _staff(request)
    queryset = with_last_fetch(Source.objects.all())
    return user, api_access(request, queryset, pk, view="sources.view_source", perm=perm)


def _save(source, data: dict, user):
    try:
        with transaction.atomic():
            saved = save_source(source, data, user=user)
    except ValidationError as error:
        raise from_validation_error(error) from None
    return with_last_fetch(Source.objects.filter(pk=saved.pk)).get()


@router.get("/", response=list[SourceOut], operation_id="list_sources")
def list_sources(request):
    return list(with_last_fetch(sources_for(_staff(request))).order_by("name", "pk"))


@router.get("/{int:pk}", response=SourceOut, operation_id="get_source")
def get_source(request, pk: int):
    return _source(request, pk)[1]


@router.post("/", response={201: SourceOut, 422: ValidationErrorOut}, operation_id="create_source")
def create_source(request, payload: SourceIn):
    user = _staff(request)
    return Status(201, _save(None, payload.dict(), user))


@router.patch("/{int:pk}", response=SourceOut, operation_id="update_source")
def update_source(request, pk: int, payload: SourcePatch):
    user, source = _source(request, pk, "sources.change_source")
    return _save(source, payload.dict(exclude_none=True), user)


@router.post(
    "/{int:pk}/fetch", response={202: Queued, 422: ValidationErrorOut}, operation_id="fetch_source_now"
)
def fetch_now(request, pk: int):
    _user, source = _source(request, pk, "sources.change_source")
    with transaction.atomic():
        enqueue_on_commit("sources.fetch_source", source_id=source.pk)
    return Status(202, {"id": source.pk, "queued": True})


declare_forbidden(router)  # government staff only
