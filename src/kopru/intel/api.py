"""API for ingestion and the review queue (government staff and admins)."""

from datetime import datetime

from django.core.exceptions import ValidationError
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.pagination import paginate

from kopru.core import access
from kopru.intel.access import suggestions_for
from kopru.intel.domain.ingest import IncomingFile, batches_for, ingest_files
from kopru.intel.domain.review import accept_suggestion, reject_suggestion
from kopru.intel.domain.suggestions import linked_record, without_matches
from kopru.intel.enums import FINISHED_ITEM_STATUSES
from kopru.intel.models import IngestBatch
from kopru.ui.api import api_access, api_require, declare_forbidden
from kopru.ui.errors import ValidationErrorOut, field_error, from_validation_error, unprocessable
from kopru.ui.pagination import EstimatedLimitOffsetPagination

router = Router()


class SuggestionOut(Schema):
    id: int
    document: int
    kind: str
    label: str
    payload: dict
    confidence: float
    status: str
    evidence: list[int] | None
    quote: str
    match: str | None
    match_note: str
    result: str | None

    @staticmethod
    def resolve_document(obj):
        return obj.document_id

    @staticmethod
    def resolve_evidence(obj):
        return [obj.evidence_start, obj.evidence_end] if obj.evidence_start is not None else None

    @staticmethod
    def resolve_match(obj, context):
        # a link to a record the caller may not see (another side's internal record) is not shown
        record = linked_record(obj, context["request"].auth, "match")
        return f"{obj.match_type.model}:{obj.match_id}" if record is not None else None

    @staticmethod
    def resolve_match_note(obj, context):
        hidden = obj.match_id is not None and linked_record(obj, context["request"].auth, "match") is None
        return "" if hidden else obj.match_note

    @staticmethod
    def resolve_payload(obj):
        return without_matches(obj.payload)

    @staticmethod
    def resolve_result(obj, context):
        record = linked_record(obj, context["request"].auth, "result")
        return f"{obj.result_type.model}:{obj.result_id}" if record is not None else None


class DecisionIn(Schema):
    edits: dict = {}


class ItemOut(Schema):
    name: str
    status: str
    error: str
    duplicate: bool
    document: int | None
    suggestions_created: int

    @staticmethod
    def resolve_document(obj):
        return obj.document_id


class BatchOut(Schema):
    id: int
    created_at: datetime
    total: int
    finished: int
    items: list[ItemOut]

    @staticmethod
    def resolve_total(obj):
        return len(obj.items.all())

    @staticmethod
    def resolve_finished(obj):
        return sum(item.status in FINISHED_ITEM_STATUSES for item in obj.items.all())

    @staticmethod
    def resolve_items(obj):
        return list(obj.items.all())


def _staff(request):
    api_require(request, "intel.review_documents", forbidden="Only government staff review documents")
    return request.user


def _suggestion(request, pk: int):
    user = _staff(request)
    queryset = suggestions_for(user).select_related("document", "match_type", "result_type")
    return user, api_access(request, queryset, pk, view="intel.review_documents")


@router.get("/suggestions/", response=list[SuggestionOut], operation_id="list_suggestions")
@paginate(EstimatedLimitOffsetPagination)
def list_suggestions(request, status: str = "pending", kind: str = "", document: int | None = None):
    suggestions = (
        suggestions_for(_staff(request))
        .filter(status=status)
        .select_related("document", "match_type", "result_type")
    )
    if kind:
        suggestions = suggestions.filter(kind=kind)
    if document is not None:
        suggestions = suggestions.filter(document_id=document)
    return suggestions.order_by("document_id", "kind", "-confidence", "pk")


@router.get("/suggestions/{pk}", response=SuggestionOut, operation_id="get_suggestion")
def get_suggestion(request, pk: int):
    return _suggestion(request, pk)[1]


@router.post("/suggestions/{pk}/accept", response=SuggestionOut, operation_id="accept_suggestion")
def accept(request, pk: int, decision: DecisionIn | None = None):
    user, suggestion = _suggestion(request, pk)
    try:
        accept_suggestion(suggestion, user=user, edits=(decision.edits if decision else None) or None)
    except ValidationError as error:
        raise from_validation_error(error, where=("path", "pk")) from None
    return _suggestion(request, pk)[1]


@router.post("/suggestions/{pk}/reject", response=SuggestionOut, operation_id="reject_suggestion")
def reject(request, pk: int):
    user, suggestion = _suggestion(request, pk)
    try:
        reject_suggestion(suggestion, user=user)
    except ValidationError as error:
        raise from_validation_error(error, where=("path", "pk")) from None
    return _suggestion(request, pk)[1]


@router.post("/documents", response={201: BatchOut, 422: ValidationErrorOut}, operation_id="ingest_documents")
def ingest(request, files: list[UploadedFile] = File(...), visibility: str = Form("shared")):
    user = _staff(request)
    if visibility not in ("public", "shared", "internal"):
        raise unprocessable(
            field_error(["form", "visibility"], "visibility must be public, shared or internal")
        )
    incoming = [IncomingFile(upload.name, upload.read()) for upload in files]
    batch = ingest_files(incoming, user=user, visibility=visibility, owner_side=access.side_of(user))
    return Status(201, IngestBatch.objects.prefetch_related("items").get(pk=batch.pk))


@router.get("/batches/{pk}", response=BatchOut, operation_id="get_batch")
def get_batch(request, pk: int):
    batch = batches_for(_staff(request)).prefetch_related("items").filter(pk=pk).first()
    if batch is None:
        raise HttpError(404, "Not found")
    return batch


declare_forbidden(router)  # government staff only
