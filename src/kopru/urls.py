"""The project's URLs: each app's pages, then the kit's generic record pages (which must come last)."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from kopru.api import api
from kopru.intel.upload import document_upload

urlpatterns = [
    # Browsers ask for /favicon.ico on their own (pages link the SVG and PNG icons).
    path(
        "favicon.ico",
        RedirectView.as_view(url=static("kopru/favicon.ico"), permanent=True),
        name="favicon",
    ),
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

handler403 = "kopru.ui.error_pages.permission_denied"
handler404 = "kopru.ui.error_pages.page_not_found"
handler500 = "kopru.ui.error_pages.server_error"
