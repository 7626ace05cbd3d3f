from django.apps import AppConfig


class UiConfig(AppConfig):
    """The generic kit: record pages, forms base, listing, exports and the registry apps register into."""

    name = "kopru.ui"
    label = "ui"
    verbose_name = "UI kit"

    def ready(self):
        from kopru.ui import core_records

        core_records.register()
