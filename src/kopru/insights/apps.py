from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "kopru.insights"
    label = "insights"
    verbose_name = _("Insights")
    default_auto_field = "django.db.models.BigAutoField"
    # (label, URL name) pairs shown in the main navigation, when the URL name exists.
    nav_items = [(_("Insights"), "insights:overview"), (_("Commitments"), "insights:commitments")]

    def ready(self):
        from kopru.core.domain.demo import DemoStep, register_demo_step
        from kopru.insights.domain import demo

        register_demo_step(DemoStep("insights", lambda context: demo.load_demo(), 50))

        from kopru.insights.domain import changes

        changes.watch()
