from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngageConfig(AppConfig):
    name = "kopru.engage"
    label = "engage"
    verbose_name = _("Engagements")

    def ready(self):
        from kopru.engage import records

        records.register()
