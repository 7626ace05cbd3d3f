from django.conf import settings

from kopru.core import access


def kopru(request):
    user = request.user
    return {
        "kopru_sides": (settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B),
        "user_role": access.role_of(user),
        "user_side": access.side_of(user),
        "can_create_records": access.can_create(user),
    }
