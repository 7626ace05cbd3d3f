from django.urls import path

from kopru.invest.case import views

app_name = "invest_case"

urlpatterns = [
    path("", views.home, name="home"),
    path("results/", views.results, name="results"),
    path("report/", views.report, name="report"),
    path("report.pdf", views.report_pdf, name="report-pdf"),
    path("save/", views.save, name="save"),
    path("cases/", views.case_list, name="case-list"),
    path("cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("cases/<int:pk>/edit/", views.case_edit, name="case-edit"),
    path("cases/<int:pk>/history/", views.case_history, name="case-history"),
    path("cases/<int:pk>/report/", views.case_report, name="case-report"),
    path("cases/<int:pk>/report.pdf", views.case_report_pdf, name="case-report-pdf"),
    path("cases/<int:pk>/delete/", views.case_delete, name="case-delete"),
    path("rules/", views.rule_list, name="rule-list"),
    path("rules/<path:row_id>/", views.rule_detail, name="rule-detail"),
]
