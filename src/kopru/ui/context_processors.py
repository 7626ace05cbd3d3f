from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from kopru.core import access
from kopru.core.rules import has_perm


def kopru(request):
    user = request.user
    return {
        "kopru_sides": (settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B),
        "user_role": access.role_of(user),
        "user_side": access.side_of(user),
        "can_create_records": has_perm(user, "kopru.add_record"),
        "app_nav_items": _app_nav_items(),
    }


def _app_nav_items():
    """Navigation links that apps declare in their AppConfig.nav_items, for the URLs that exist."""
    items = []
    for config in apps.get_app_configs():
        for label, url_name in getattr(config, "nav_items", []):
            try:
                items.append((label, reverse(url_name)))
            except NoReverseMatch:
                continue
    return items
