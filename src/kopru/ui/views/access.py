"""The one fetch-and-check path: every view and API operation gets its objects through `access_object`
(or `access_record` for a registry type), and asks other permission questions through `require_perm` /
`has_perm`. All of them evaluate the apps' django-rules permissions (`kopru.view_record`,
`calls.review_proposal`, `invest_case.change_case` …); superusers are administrators through
`kopru.core.access.role_of`, the one place that knows about them.

The answers are the same everywhere: an object the user may not read is "not found" (404) — its existence
is not confirmed — or, for an anonymous visitor, a sign-in (login redirect on a page, 401 from the API); an
object the user may read but not change is 403.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import EmptyResultSet, PermissionDenied
from django.db import connections, router
from django.db.models import Model, QuerySet
from django.http import Http404

from kopru.core.lru import Remembered
from kopru.core.rules import has_perm
from kopru.core.statements import STAND_IN_ID, KeptRows
from kopru.ui.gates import STAFF_PERM
from kopru.ui.registry import RecordType

__all__ = [
    "LoginRequired",
    "access_object",
    "access_record",
    "has_perm",
    "login_redirect",
    "may_open",
    "require_creator",
    "require_login",
    "require_perm",
    "require_staff",
]


class LoginRequired(Exception):
    pass


def require_login(request) -> None:
    if not request.user.is_authenticated:
        raise LoginRequired


def may_open(user, perm: str | None = None, *, login: bool = False) -> bool:
    """Whether a page guarded by `require_perm(perm)` (or, with `login`, by `require_login`) lets `user`
    in — what the main menu asks before it shows a link (`kopru.ui.navigation`)."""
    if login and not getattr(user, "is_authenticated", False):
        return False
    return perm is None or has_perm(user, perm)


def require_perm(request, perm: str, obj=None) -> None:
    """Sign-in first for anonymous visitors, then 403 unless the user holds `perm` (on `obj`)."""
    if has_perm(request.user, perm, obj):
        return
    require_login(request)
    raise PermissionDenied


def access_object(
    request,
    source: type[Model] | QuerySet,
    pk,
    *,
    view: str,
    perm: str | None = None,
    login_first: bool = False,
):
    """Fetch `pk` from `source` (a model or a queryset, e.g. with its select_related) and check it.

    404 when there is no such object or the user may not `view` it (anonymous visitors are sent to sign in
    instead, so a shared link still works after logging in); then, when `perm` is another permission
    (change, review, withdraw …), 403 unless the user holds it. `login_first` sends anonymous visitors to
    sign in before anything is looked up (pages that are never public).
    """
    if login_first:
        require_login(request)
    queryset = source if isinstance(source, QuerySet) else source._default_manager.all()
    try:
        obj = queryset.filter(pk=pk).first()
    except (ValueError, TypeError, OverflowError):
        obj = None
    return _checked(request, obj, view=view, perm=perm)


def _checked(request, obj, *, view: str, perm: str | None):
    """`access_object`'s answer for the record it read (None: there is none)."""
    if obj is None:
        raise Http404("No such record")
    if not has_perm(request.user, view, obj):
        require_login(request)
        raise Http404("No such record")
    if perm is not None and perm != view:
        require_perm(request, perm, obj)
    return obj


def access_record(
    request, record_type: RecordType, pk, *, for_change: bool = False, select_related: tuple[str, ...] = ()
):
    """`access_object` for a record type of the registry; editing needs its form too. `select_related`:
    linked records the page shows, read with the record (a detail page's fields: a query each before)."""
    source = record_type.model
    if select_related:
        source = source._default_manager.select_related(*select_related)
    view, change = (
        ("kopru.view_record", "kopru.change_record")
        if record_type.has_visibility
        else ("kopru.view_reference", "kopru.change_reference")
    )
    found = _kept_record(record_type.model, select_related, pk)
    if found is _NOT_KEPT:
        obj = access_object(request, source, pk, view=view, perm=change if for_change else None)
    else:
        obj = _checked(request, found, view=view, perm=change if for_change else None)
    if for_change and record_type.form is None:
        raise PermissionDenied
    return obj


_NOT_KEPT = object()
# (model, select_related, database) -> the read of one record by its integer id (KeptRows), or None
_RECORD_READS = Remembered(128)


def _kept_record(model, select_related: tuple[str, ...], pk):
    """`model`'s record `pk` (with `select_related`) as `access_object` reads it — `.filter(pk=pk).first()`
    — by a statement written once per model (building and compiling it was about 0.4 ms of a detail
    page, bench/load.py) and prepared on the server; None when there is none, `_NOT_KEPT` where only the
    ORM reads it (a key that is neither an integer nor a string). A string (the pages' URLs) is read as
    the ORM's integer field reads it, `int(pk)`: "12", " 12", "+12" and "1_2" are record 12, "12.0" and
    "x" no record."""
    key_field = model._meta.pk
    kind = key_field.get_internal_type()
    if kind not in ("AutoField", "BigAutoField", "SmallAutoField"):
        return _NOT_KEPT
    if type(pk) is str:  # a page's URL (`<str:pk>`): the ORM's lookup takes `int(pk)`, or finds nothing
        try:
            pk = int(pk)
        except ValueError:
            return None
    if type(pk) is not int:
        return _NOT_KEPT
    using = router.db_for_read(model)
    low, high = connections[using].ops.integer_field_range(kind)
    if (low is not None and pk < low) or (high is not None and pk > high):
        return None  # the ORM's answer too: no row can have it (IntegerFieldOverflow)

    def build():
        queryset = model._default_manager.db_manager(using).select_related(*select_related)
        if not select_related:
            queryset = model._default_manager.db_manager(using).all()
        queryset = queryset.filter(pk=STAND_IN_ID)
        try:  # what `.first()` reads
            first = (queryset if queryset.ordered else queryset.order_by("pk"))[:1]
            return KeptRows(first, key=STAND_IN_ID, prepared=True)
        except (ValueError, EmptyResultSet):  # a manager that adds parameters of its own
            return None

    kept = _RECORD_READS.get_or_compute((model, select_related, using), build)
    if kept is None:
        return _NOT_KEPT
    found = kept.read(pk)
    return found[0] if found else None


def require_creator(request, record_type: RecordType | None = None):
    require_perm(request, "kopru.add_record")
    if record_type is not None and record_type.form is None:
        raise PermissionDenied


def require_staff(request):
    """Government staff and admins only (exports, the timeline feed, the board)."""
    require_perm(request, STAFF_PERM)


def login_redirect(request):
    return redirect_to_login(request.get_full_path())
