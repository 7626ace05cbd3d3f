from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "kopru.ui"
    label = "ui"
    verbose_name = "UI kit"
