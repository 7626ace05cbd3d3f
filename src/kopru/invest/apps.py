from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kopru.ui.gates import STAFF_PERM
from kopru.ui.navigation import NavItem


class InvestConfig(AppConfig):
    name = "kopru.invest"
    label = "invest"
    verbose_name = _("Investment")
    # Main menu entries, each with the permission its view requires (kopru.ui.navigation).
    nav_items = [
        NavItem("investment", _("Overview"), "invest:home", order=10),
        NavItem("investment", _("Board"), "invest:board", perm=STAFF_PERM, order=20),
        NavItem("investment", _("Deals"), "invest:deal-list", order=30),
        NavItem("investment", _("Opportunities"), "invest:opportunity-list", order=40),
        NavItem("investment", _("Company profiles"), "invest:company-list", order=50),
        NavItem("investment", _("Pipelines"), "invest:pipeline-list", perm=STAFF_PERM, order=60),
        NavItem("investment", _("Import"), "invest:import-upload", perm=STAFF_PERM, order=70),
    ]

    def ready(self):
        from kopru.core import access

        # Company users read the shared parts of their own organisation's investor profile and deals
        # (kopru.core.access applies the rule to lists and single records alike).
        access.register_organisation_link("invest.companyprofile", "organisation")
        access.register_organisation_link("invest.deal", "company__organisation")

        from kopru.core import versions

        # figures kept per data version (kopru.core.versions): the home page's (kopru.invest.domain.reports),
        # the deals' list order (kopru.invest.domain.rows), the board's columns (kopru.invest.views.pages)
        versions.track(
            "invest.deal",
            "invest.companyprofile",
            "invest.stage",
            "invest.opportunity",
            "invest.deal_sectors",
            "core.sector",
            "core.organisation",
        )

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

        from kopru.invest.domain import funnel

        funnel.connect()  # Deal.furthest_stage follows the stage changes

        from kopru.core.jobs import register_job
        from kopru.invest import tasks

        register_job("invest.confirm_import", tasks.confirm_import_task.enqueue)
