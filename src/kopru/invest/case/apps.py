from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestCaseConfig(AppConfig):
    name = "kopru.invest.case"
    label = "invest_case"
    verbose_name = _("Investment case")
    # (label, URL name) pairs shown in the main navigation, when the URL name exists.
    nav_items = [(_("Investment case"), "invest_case:home")]

    def ready(self):
        from kopru.core.domain.demo import DemoStep, register_demo_step
        from kopru.invest.case import rules  # noqa: F401  (registers the permissions)
        from kopru.invest.case.domain import demo

        register_demo_step(DemoStep("investment case", lambda context: demo.load_demo(), 30))
