from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kopru.api import api
from kopru.ui.views import documents, exports, pages, records

urlpatterns = [
    path("", pages.dashboard, name="dashboard"),
    path("search/", pages.search, name="search"),
    path("engagements/timeline/", pages.engagement_timeline, name="engagement-timeline"),
    path("engagements/calendar.ics", exports.engagements_ical, name="engagement-calendar"),
    path("areas/board/", pages.area_board, name="area-board"),
    path("areas/<int:pk>/advance/", records.area_advance, name="area-advance"),
    path("documents/upload/", documents.document_upload, name="document-upload"),
    path("<slug:slug>/", records.record_list, name="record-list"),
    path("<slug:slug>/new/", records.record_create, name="record-create"),
    path("<slug:slug>/export.csv", exports.export_csv, name="record-export-csv"),
    path("<slug:slug>/export.xlsx", exports.export_xlsx, name="record-export-xlsx"),
    path("<slug:slug>/<str:pk>/", records.record_detail, name="record-detail"),
    path("<slug:slug>/<str:pk>/edit/", records.record_edit, name="record-edit"),
    path("<slug:slug>/<str:pk>/history/", records.record_history, name="record-history"),
    path("<slug:slug>/<str:pk>/notes/", records.record_add_note, name="record-add-note"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("intel/", include("kopru.intel.urls")),
    path("invest/case/", include("kopru.invest.case.urls")),
    path("invest/", include("kopru.invest.urls")),
    path("calls/", include("kopru.calls.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    *urlpatterns,
]
