from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kopru.core"
    label = "core"
    verbose_name = _("Record")

    def ready(self):
        from kopru.core.domain.search import register_core_sources

        register_core_sources()

        from django.db.models.signals import post_migrate

        from kopru.core import versions

        # after every migrate (and a test flush): the data versions' rows and triggers (kopru.core.versions)
        post_migrate.connect(versions.installed, sender=self, dispatch_uid="kopru.core.versions")
