from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kopru.core"
    label = "core"
    verbose_name = _("Record")

    def ready(self):
        from kopru.core.domain.search import register_core_sources

        register_core_sources()
