from django.urls import path

from kopru.engage import views

# Mounted at the site root before the kit's generic `<slug>/…` record pages.
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("engagements/timeline/", views.engagement_timeline, name="engagement-timeline"),
    path("engagements/calendar.ics", views.engagements_ical, name="engagement-calendar"),
    path("areas/board/", views.area_board, name="area-board"),
    path("areas/<int:pk>/advance/", views.area_advance, name="area-advance"),
]
