from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestConfig(AppConfig):
    name = "kopru.invest"
    label = "invest"
    verbose_name = _("Investment")
    # (label, URL name) pairs shown in the main navigation, when the URL name exists.
    nav_items = [(_("Investment"), "invest:home")]
