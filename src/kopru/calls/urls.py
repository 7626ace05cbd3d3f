from django.urls import path

from kopru.calls import views

app_name = "calls"

urlpatterns = [
    path("", views.home, name="home"),
    path("new/", views.call_create, name="call-create"),
    path("<int:pk>/", views.call_detail, name="call-detail"),
    path("<int:pk>/edit/", views.call_edit, name="call-edit"),
    path("<int:pk>/advance/", views.call_advance, name="call-advance"),
    path("<int:pk>/proposals/", views.proposal_list, name="proposal-list"),
    path("<int:pk>/apply/", views.proposal_create, name="proposal-create"),
    path("<int:pk>/assignments/", views.assignments, name="assignments"),
    path("<int:pk>/assignments/run/", views.assignment_run, name="assignment-run"),
    path("<int:pk>/assignments/add/", views.assignment_add, name="assignment-add"),
    path("<int:pk>/panel/", views.panel, name="panel"),
    path("<int:pk>/panel/override/", views.funding_override, name="funding-override"),
    path("<int:pk>/decide/", views.call_decide, name="call-decide"),
    path("<int:pk>/export/<str:side>.csv", views.export_csv, name="export-csv"),
    path("<int:pk>/export/<str:side>.xlsx", views.export_xlsx, name="export-xlsx"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal-detail"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="proposal-edit"),
    path("proposals/<int:pk>/print/", views.proposal_print, name="proposal-print"),
    path("proposals/<int:pk>/partners/", views.partner_add, name="partner-add"),
    path("proposals/<int:pk>/budget/", views.budget_line_add, name="budget-line-add"),
    path("proposals/<int:pk>/attachments/", views.attachment_upload, name="attachment-upload"),
    path("proposals/<int:pk>/submit/", views.proposal_submit, name="proposal-submit"),
    path("proposals/<int:pk>/withdraw/", views.proposal_withdraw, name="proposal-withdraw"),
    path("proposals/<int:pk>/review/", views.review_edit, name="review-edit"),
    path("proposals/<int:pk>/conflict/", views.conflict_declare, name="conflict-declare"),
    path("partners/<int:pk>/remove/", views.partner_remove, name="partner-remove"),
    path("budget-lines/<int:pk>/remove/", views.budget_line_remove, name="budget-line-remove"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment-download"),
    path("attachments/<int:pk>/remove/", views.attachment_remove, name="attachment-remove"),
    path("assignments/<int:pk>/remove/", views.assignment_remove, name="assignment-remove"),
    path("reviewers/", views.reviewer_pool, name="reviewer-pool"),
    path("reviewers/me/", views.reviewer_profile, name="reviewer-profile"),
    path("reviews/", views.my_reviews, name="my-reviews"),
]
