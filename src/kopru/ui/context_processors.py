from django.conf import settings

from kopru.core import access
from kopru.core.rules import has_perm
from kopru.ui.navigation import menu_html


def kopru(request):
    user = request.user
    return {
        "kopru_sides": (settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B),
        "user_role": access.role_of(user),
        "user_side": access.side_of(user),
        "can_create_records": has_perm(user, "kopru.add_record"),
        # A callable, so that only pages that draw the menu (not htmx fragments) evaluate its permissions.
        "main_menu": lambda: menu_html(user, request.path),
    }
