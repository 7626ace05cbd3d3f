from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kopru.engage.models import Action, Agreement, AreaTransition, Claim, CooperationArea, Engagement


class RecordAdmin(SimpleHistoryAdmin):
    list_filter = ["visibility", "owner_side"]


@admin.register(Engagement)
class EngagementAdmin(RecordAdmin):
    list_display = ["title", "kind", "status", "start_date", "place", "visibility"]
    list_filter = ["kind", "status", *RecordAdmin.list_filter]
    search_fields = ["title", "search_text"]
    filter_horizontal = ["people", "organisations", "sectors"]


@admin.register(Agreement)
class AgreementAdmin(RecordAdmin):
    list_display = ["title", "kind", "status", "signed_date", "visibility"]
    search_fields = ["title"]
    filter_horizontal = ["parties", "signatories", "sectors"]


@admin.register(Claim)
class ClaimAdmin(RecordAdmin):
    list_display = ["subject", "metric", "value", "unit", "scope", "sector"]
    search_fields = ["subject", "text"]


class TransitionInline(admin.TabularInline):
    model = AreaTransition
    extra = 0


@admin.register(CooperationArea)
class CooperationAreaAdmin(RecordAdmin):
    list_display = ["__str__", "status", "status_since", "visibility"]
    list_filter = ["status", "sector", *RecordAdmin.list_filter]
    inlines = [TransitionInline]


@admin.register(Action)
class ActionAdmin(RecordAdmin):
    list_display = ["title", "owner", "due_date", "status"]
    list_filter = ["status", *RecordAdmin.list_filter]
    search_fields = ["title"]
