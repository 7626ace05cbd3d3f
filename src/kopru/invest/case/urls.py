from django.urls import path  # noqa: F401

app_name = "invest_case"

urlpatterns: list = []
