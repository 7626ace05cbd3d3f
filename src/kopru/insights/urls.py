from django.urls import path

from kopru.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.overview_page, name="overview"),
    path("records/", views.records_page, name="records"),
    path("commitments/", views.commitments_page, name="commitments"),
    path("graph/", views.graph_page, name="graph"),
    path("map/", views.map_page, name="map"),
    path("calls/", views.calls_page, name="calls"),
    path("export/<slug:name>.csv", views.export_csv, name="export-csv"),
    path("export/<slug:name>.xlsx", views.export_xlsx, name="export-xlsx"),
    path("packs/person/<int:pk>/", views.pack_person, name="pack-person"),
    path("packs/person/<int:pk>/pdf/", views.pack_person_pdf, name="pack-person-pdf"),
    path("packs/organisation/<int:pk>/", views.pack_organisation, name="pack-organisation"),
    path("packs/organisation/<int:pk>/pdf/", views.pack_organisation_pdf, name="pack-organisation-pdf"),
    path("packs/pair/", views.pack_pair, name="pack-pair"),
    path("packs/pair/pdf/", views.pack_pair_pdf, name="pack-pair-pdf"),
    path("follow/", views.follow_view, name="follow"),
    path("following/", views.following_page, name="following"),
    path("filters/<int:pk>/delete/", views.filter_delete, name="filter-delete"),
    path("feeds/<str:token>.atom", views.saved_filter_feed, name="filter-feed"),
]
