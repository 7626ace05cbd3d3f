from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kopru.ui.navigation import NavItem


class InsightsConfig(AppConfig):
    name = "kopru.insights"
    label = "insights"
    verbose_name = _("Insights")
    default_auto_field = "django.db.models.BigAutoField"
    # Main menu entries: every insights page asks for a signed-in user (kopru.ui.navigation).
    nav_items = [
        NavItem("insights", _("Overview"), "insights:overview", login=True, order=10),
        NavItem("insights", _("Commitments"), "insights:commitments", login=True, order=20),
        NavItem("insights", _("Relationship graph"), "insights:graph", login=True, order=30),
        NavItem("insights", _("Investment map"), "insights:map", login=True, order=40),
        NavItem("insights", _("Calls statistics"), "insights:calls", login=True, order=50),
        NavItem("insights", _("Following and feeds"), "insights:following", login=True, order=60),
    ]

    def ready(self):
        from kopru.core.domain.demo import DemoStep, register_demo_step
        from kopru.insights.domain import demo

        register_demo_step(DemoStep("insights", lambda context: demo.load_demo(), 50))

        from kopru.insights.domain import changes

        changes.watch()
