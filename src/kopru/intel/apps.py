from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntelConfig(AppConfig):
    name = "kopru.intel"
    label = "intel"
    verbose_name = _("Intelligence")
    # (label, URL name) pairs shown in the main navigation, when the URL name exists.
    nav_items = [(_("Review queue"), "intel:queue")]
