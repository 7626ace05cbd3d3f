from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kopru.ui.navigation import NavItem


class InvestCaseConfig(AppConfig):
    name = "kopru.invest.case"
    label = "invest_case"
    verbose_name = _("Investment case")
    # Main menu entries, each with the permission its view requires (kopru.ui.navigation).
    nav_items = [
        NavItem("investment", _("Investment case"), "invest_case:home", order=80),
        NavItem("investment", _("Saved investment cases"), "invest_case:case-list", order=90),
    ]

    def ready(self):
        from kopru.core.domain.demo import DemoStep, register_demo_step
        from kopru.invest.case import rules  # noqa: F401  (registers the permissions)
        from kopru.invest.case.domain import demo

        register_demo_step(DemoStep("investment case", lambda context: demo.load_demo(), 30))
