"""The project's URLs: each app's pages, then the kit's generic record pages (which must come last)."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kopru.api import api
from kopru.intel.upload import document_upload

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("intel/", include("kopru.intel.urls")),
    path("invest/case/", include("kopru.invest.case.urls")),
    path("invest/", include("kopru.invest.urls")),
    path("calls/", include("kopru.calls.urls")),
    path("insights/", include("kopru.insights.urls")),
    path("sources/", include("kopru.sources.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("documents/upload/", document_upload, name="document-upload"),
    path("", include("kopru.engage.urls")),
    path("", include("kopru.ui.urls")),
]

handler500 = "kopru.ui.error_pages.server_error"
