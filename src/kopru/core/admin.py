from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kopru.core.models import (
    ApiToken,
    Country,
    Document,
    Evidence,
    Note,
    Organisation,
    Person,
    Position,
    Profile,
    Sector,
)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "alpha3", "name", "name_tr", "name_zh"]
    search_fields = ["code", "name", "name_tr", "name_zh"]


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "parent"]
    search_fields = ["code", "name"]


class VisibleAdmin(SimpleHistoryAdmin):
    list_filter = ["visibility", "owner_side"]


@admin.register(Organisation)
class OrganisationAdmin(VisibleAdmin):
    list_display = ["name", "kind", "country", "visibility"]
    list_filter = ["kind", "country", *VisibleAdmin.list_filter]
    search_fields = ["name", "search_text"]
    autocomplete_fields = ["parent"]


@admin.register(Person)
class PersonAdmin(VisibleAdmin):
    list_display = ["name", "country", "visibility"]
    search_fields = ["name", "search_text"]


@admin.register(Position)
class PositionAdmin(VisibleAdmin):
    list_display = ["person", "title", "organisation", "start_date", "end_date"]
    search_fields = ["title", "person__name"]
    autocomplete_fields = ["person", "organisation"]


@admin.register(Document)
class DocumentAdmin(VisibleAdmin):
    list_display = ["title", "publisher", "published_date", "language", "visibility"]
    search_fields = ["title", "search_text", "checksum"]
    readonly_fields = ["checksum"]


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["document", "start", "end", "content_type", "object_id"]


@admin.register(Note)
class NoteAdmin(VisibleAdmin):
    list_display = ["author", "visibility", "owner_side", "content_type", "object_id", "created_at"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "side", "organisation"]
    list_filter = ["role", "side"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "created_at", "last_used_at"]
    readonly_fields = ["key_hash"]
