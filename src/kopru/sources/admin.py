from django.contrib import admin

from kopru.sources.models import FetchLog, Source, SourceItem


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "url", "language", "interval_minutes", "active", "last_fetched_at"]
    list_filter = ["kind", "active", "visibility"]
    search_fields = ["name", "url", "publisher"]


@admin.register(SourceItem)
class SourceItemAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "url", "found_at"]
    raw_id_fields = ["document", "ingest_item"]


@admin.register(FetchLog)
class FetchLogAdmin(admin.ModelAdmin):
    list_display = ["source", "started_at", "outcome", "http_status", "new_items", "duplicates"]
    list_filter = ["outcome"]
