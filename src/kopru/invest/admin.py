from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kopru.invest.domain.funnel import refresh_pipeline
from kopru.invest.models import CompanyProfile, Deal, ImportBatch, Opportunity, Pipeline, Stage, StageChange


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(Pipeline)
class PipelineAdmin(SimpleHistoryAdmin):
    list_display = ["name", "sector", "team", "is_default"]
    inlines = [StageInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_pipeline(form.instance)  # stage orders and phases may have changed


@admin.register(Opportunity)
class OpportunityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "status", "province", "capex_musd", "visibility"]
    list_filter = ["kind", "status", "visibility", "owner_side"]
    search_fields = ["title", "search_text"]
    filter_horizontal = ["sectors", "contacts", "attachments"]


@admin.register(CompanyProfile)
class CompanyProfileAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "size", "visibility"]
    list_filter = ["size", "visibility"]
    search_fields = ["organisation__name", "organisation__search_text"]
    raw_id_fields = ["organisation"]
    filter_horizontal = ["people"]


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0
    fk_name = "deal"
    readonly_fields = ["from_stage", "to_stage", "at", "by", "note", "overridden", "override_reason"]
    can_delete = False


@admin.register(Deal)
class DealAdmin(SimpleHistoryAdmin):
    list_display = [
        "title",
        "company",
        "pipeline",
        "stage",
        "announced_amount",
        "committed_amount",
        "visibility",
    ]
    list_filter = ["pipeline", "stage__code", "visibility", "owner_side"]
    search_fields = ["title", "search_text"]
    filter_horizontal = ["sectors", "engagements", "attachments"]
    readonly_fields = ["stage", "stage_since"]  # moves go through move_deal, which checks and logs them
    inlines = [StageChangeInline]

    def has_add_permission(self, request):
        return False  # deals start in the app (create_deal records the first stage on the timeline)


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created_by", "created_at", "confirmed_at"]
    list_filter = ["kind", "status"]
    readonly_fields = ["rows", "file_errors", "decisions", "summary"]
