from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kopru.calls.models import (
    AssignmentRun,
    Attachment,
    Call,
    CallTransition,
    ConflictDeclaration,
    FundingDecision,
    FundingOverride,
    Letter,
    Partner,
    Proposal,
    Review,
    ReviewAssignment,
    ReviewerProfile,
)


class TransitionInline(admin.TabularInline):
    model = CallTransition
    extra = 0
    readonly_fields = ["from_status", "to_status", "at", "by", "note"]


@admin.register(Call)
class CallAdmin(SimpleHistoryAdmin):
    list_display = ["title", "status", "deadline", "agency_a", "agency_b"]
    list_filter = ["status"]
    search_fields = ["title"]
    filter_horizontal = ["topics"]
    inlines = [TransitionInline]


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    list_display = ["title", "call", "organisation", "status", "submitted_at"]
    list_filter = ["status", "call"]
    search_fields = ["title", "acronym"]
    inlines = [PartnerInline]


@admin.register(ReviewerProfile)
class ReviewerProfileAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "organisation", "country", "max_load", "active"]
    list_filter = ["country", "active"]
    filter_horizontal = ["sectors"]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["proposal", "reviewer", "affinity", "source", "created_at"]
    list_filter = ["source", "proposal__call"]


@admin.register(FundingOverride)
class FundingOverrideAdmin(admin.ModelAdmin):
    """The override log is append-only: rows are read, never edited."""

    list_display = ["proposal", "fund", "reason", "by", "at"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


for model in (Attachment, AssignmentRun, ConflictDeclaration, FundingDecision, Letter, Review):
    admin.site.register(model)
