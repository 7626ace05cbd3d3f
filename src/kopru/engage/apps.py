from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kopru.ui.navigation import NavItem


class EngageConfig(AppConfig):
    name = "kopru.engage"
    label = "engage"
    verbose_name = _("Engagements")
    # Main menu entries; these pages are open to everyone, each showing what its reader may see.
    nav_items = [
        NavItem("record", _("Engagements"), "record-list", ("engagements",), order=10),
        NavItem("record", _("Timeline"), "engagement-timeline", order=20),
        NavItem("record", _("Agreements"), "record-list", ("agreements",), order=30),
        NavItem("record", _("Cooperation areas"), "area-board", order=40),
        NavItem("record", _("Claims"), "record-list", ("claims",), order=50),
        NavItem("record", _("Actions"), "record-list", ("actions",), order=60),
    ]

    def ready(self):
        from kopru.engage import records

        records.register()

        from kopru.core import versions
        from kopru.engage.domain.dashboard import COUNTED_MODELS

        # the dashboard's exact counts, kept per data version (kopru.engage.domain.dashboard)
        versions.track(*COUNTED_MODELS)
