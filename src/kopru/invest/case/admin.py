from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kopru.invest.case.models import InvestmentCase


@admin.register(InvestmentCase)
class InvestmentCaseAdmin(SimpleHistoryAdmin):
    list_display = ["name", "visibility", "owner_side", "owner", "updated_at"]
    list_filter = ["visibility", "owner_side"]
    search_fields = ["name", "description"]
    raw_id_fields = ["owner"]
