from django.urls import path  # noqa: F401

app_name = "intel"

urlpatterns: list = []
