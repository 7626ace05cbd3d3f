from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kopru.ui.gates import STAFF_PERM
from kopru.ui.navigation import NavItem


class SourcesConfig(AppConfig):
    name = "kopru.sources"
    label = "sources"
    verbose_name = _("Watched sources")
    # Main menu entries, each with the permission its view requires (kopru.ui.navigation).
    nav_items = [NavItem("intelligence", _("Watched sources"), "sources:list", perm=STAFF_PERM, order=40)]

    def ready(self):
        from kopru.core.jobs import register_job
        from kopru.sources import rules, tasks  # noqa: F401  (rules registers the django-rules permissions)

        register_job("sources.fetch_source", tasks.fetch_source_task.enqueue)
        register_job("sources.watch", tasks.watch_task.enqueue)
