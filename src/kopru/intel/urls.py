from django.urls import path

from kopru.intel import views

app_name = "intel"

urlpatterns = [
    path("queue/", views.queue, name="queue"),
    path("queue/decide/", views.bulk_decide, name="bulk-decide"),
    path("suggestions/<int:pk>/", views.suggestion_detail, name="suggestion"),
    path("suggestions/<int:pk>/reject/", views.suggestion_reject, name="suggestion-reject"),
    path("batches/<int:pk>/", views.batch_detail, name="batch"),
    path("documents/<int:pk>/", views.document_analysis, name="document"),
]
