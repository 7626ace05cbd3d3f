"""Fetch-and-check helpers: every view gets its objects through these, never by a bare .get()."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from kopru.core import access
from kopru.ui.registry import RecordType


class LoginRequired(Exception):
    pass


def access_record(request, record_type: RecordType, pk, *, for_change: bool = False):
    try:
        obj = record_type.model.objects.get(pk=pk)
    except (record_type.model.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record") from None
    if record_type.has_visibility and not access.can_view(request.user, obj):
        if not request.user.is_authenticated:
            raise LoginRequired
        raise Http404("No such record")
    if for_change:
        if not request.user.is_authenticated:
            raise LoginRequired
        allowed = (
            access.can_change(request.user, obj)
            if record_type.has_visibility
            else access.is_admin(request.user)
        )
        if not allowed or record_type.form is None:
            raise PermissionDenied
    return obj


def require_creator(request, record_type: RecordType | None = None):
    if not request.user.is_authenticated:
        raise LoginRequired
    if not access.can_create(request.user) or (record_type is not None and record_type.form is None):
        raise PermissionDenied


def require_staff(request):
    """Government staff and admins only (exports, the timeline feed, the board)."""
    require_creator(request)


def login_redirect(request):
    return redirect_to_login(request.get_full_path())
