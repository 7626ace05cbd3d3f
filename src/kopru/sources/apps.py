from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "kopru.sources"
    label = "sources"
    verbose_name = _("Watched sources")
    # (label, URL name) pairs shown in the main navigation, when the URL name exists.
    nav_items = [(_("Sources"), "sources:list")]

    def ready(self):
        from kopru.core.jobs import register_job
        from kopru.sources import rules, tasks  # noqa: F401  (rules registers the django-rules permissions)

        register_job("sources.fetch_source", tasks.fetch_source_task.enqueue)
        register_job("sources.watch", tasks.watch_task.enqueue)
