from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestConfig(AppConfig):
    name = "kopru.invest"
    label = "invest"
    verbose_name = _("Investment")
    # (label, URL name) pairs shown in the main navigation, when the URL name exists.
    nav_items = [(_("Investment"), "invest:home")]

    def ready(self):
        from kopru.core import access

        # Company users read the shared parts of their own organisation's investor profile and deals
        # (kopru.core.access applies the rule to lists and single records alike).
        access.register_organisation_link("invest.companyprofile", "organisation")
        access.register_organisation_link("invest.deal", "company__organisation")

        from kopru.ui.display import linked_name, register_label

        # A company profile is named by its organisation, which the viewer may not be allowed to read.
        register_label("invest.companyprofile", lambda profile, user: linked_name(profile.organisation, user))

        from kopru.core.domain.demo import DemoStep, register_demo_step
        from kopru.invest.domain import demo

        register_demo_step(DemoStep("investment", lambda context: demo.load_demo(), 20))

        from kopru.intel.domain.review import register_acceptor
        from kopru.invest.domain.suggestions import create_deal_from_investment_event

        register_acceptor(
            "investment",
            lambda data, document, user: create_deal_from_investment_event(
                data, document=document, user=user
            ),
        )

        from kopru.core.jobs import register_job
        from kopru.invest import tasks

        register_job("invest.confirm_import", tasks.confirm_import_task.enqueue)
