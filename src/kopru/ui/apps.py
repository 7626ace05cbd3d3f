from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kopru.ui.navigation import NavItem


class UiConfig(AppConfig):
    """The generic kit: record pages, forms base, listing, exports and the registry apps register into."""

    name = "kopru.ui"
    label = "ui"
    verbose_name = "UI kit"
    # Main menu entries for the core record types whose pages the kit serves (open to everyone). Countries
    # and sectors are reference data that administrators keep: linked from records, not in the menu.
    nav_items = [
        NavItem("record", _("People"), "record-list", ("people",), order=70),
        NavItem("record", _("Positions"), "record-list", ("positions",), order=75),
        NavItem("record", _("Organisations"), "record-list", ("organisations",), order=80),
        NavItem("record", _("Sectors"), "record-list", ("sectors",), order=85),
        NavItem("record", _("Countries"), "record-list", ("countries",), order=90),
        NavItem("intelligence", _("Documents"), "record-list", ("documents",), order=10),
    ]

    def ready(self):
        from kopru.ui import core_records

        core_records.register()
