from django.urls import path

from kopru.invest.views import companies, deals, imports, opportunities, pages, pipelines

app_name = "invest"

urlpatterns = [
    path("", pages.home, name="home"),
    path("board/", pages.board, name="board"),
    path("board/stages/<int:stage_pk>/", pages.board_column, name="board-column"),
    path("deals/", deals.deal_list, name="deal-list"),
    path("deals/new/", deals.deal_create, name="deal-create"),
    path("deals/export.csv", deals.deal_export_csv, name="deal-export-csv"),
    path("deals/export.xlsx", deals.deal_export_xlsx, name="deal-export-xlsx"),
    path("deals/<int:pk>/", deals.deal_detail, name="deal-detail"),
    path("deals/<int:pk>/edit/", deals.deal_edit, name="deal-edit"),
    path("deals/<int:pk>/move/", deals.deal_move, name="deal-move"),
    path("deals/<int:pk>/notes/", deals.deal_note, name="deal-note"),
    path("opportunities/", opportunities.opportunity_list, name="opportunity-list"),
    path("opportunities/new/", opportunities.opportunity_create, name="opportunity-create"),
    path("opportunities/<int:pk>/", opportunities.opportunity_detail, name="opportunity-detail"),
    path("opportunities/<int:pk>/edit/", opportunities.opportunity_edit, name="opportunity-edit"),
    path("opportunities/<int:pk>/notes/", deals.opportunity_note, name="opportunity-note"),
    path("companies/", companies.company_list, name="company-list"),
    path("companies/new/", companies.company_create, name="company-create"),
    path("companies/<int:pk>/", companies.company_detail, name="company-detail"),
    path("companies/<int:pk>/edit/", companies.company_edit, name="company-edit"),
    path("companies/<int:pk>/notes/", deals.company_note, name="company-note"),
    path("pipelines/", pipelines.pipeline_list, name="pipeline-list"),
    path("pipelines/new/", pipelines.pipeline_create, name="pipeline-create"),
    path("pipelines/<int:pk>/edit/", pipelines.pipeline_edit, name="pipeline-edit"),
    path("import/", imports.import_upload, name="import-upload"),
    path("import/<int:pk>/", imports.import_preview, name="import-preview"),
]
