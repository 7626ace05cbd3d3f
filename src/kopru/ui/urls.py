from django.urls import path

from kopru.ui.views import exports, pages, records

# The generic record pages; mounted last, since `<slug>/<pk>/` would swallow more specific paths.
urlpatterns = [
    path("search/", pages.search, name="search"),
    path("<slug:slug>/", records.record_list, name="record-list"),
    path("<slug:slug>/new/", records.record_create, name="record-create"),
    path("<slug:slug>/export.csv", exports.export_csv, name="record-export-csv"),
    path("<slug:slug>/export.xlsx", exports.export_xlsx, name="record-export-xlsx"),
    path("<slug:slug>/<str:pk>/", records.record_detail, name="record-detail"),
    path("<slug:slug>/<str:pk>/edit/", records.record_edit, name="record-edit"),
    path("<slug:slug>/<str:pk>/history/", records.record_history, name="record-history"),
    path("<slug:slug>/<str:pk>/notes/", records.record_add_note, name="record-add-note"),
]
