"""Who may see and change what: the one place that knows the visibility rules.

`rules.py` exposes these as django-rules predicates for single objects; `visible_to()` applies the very same
rules to a queryset, so lists, search, exports and the API never show what a detail page would refuse.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Model, Q, QuerySet
from django.utils.functional import LazyObject, empty

from kopru.core.enums import Role, Visibility

# For company users: the lookup from each model to the organisations whose records they may read. Apps of
# higher floors add theirs from `AppConfig.ready` (`register_organisation_link`).
ORGANISATION_LINKS: dict[str, str] = {
    "core.organisation": "pk",
    "core.person": "positions__organisation",
    "core.position": "organisation",
}


def register_organisation_link(model_label: str, lookup: str) -> None:
    """Let an app say how its model leads to the organisation whose company users may read it."""
    ORGANISATION_LINKS.setdefault(model_label, lookup)


def _resolved(user):
    """The user behind `request.user`'s lazy wrapper. Every attribute read through the wrapper raises and
    catches an AttributeError first: 16 µs per role lookup against 0.3 µs on the user itself, and a list
    page asks a few hundred times (one per linked record shown)."""
    if isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        return user._wrapped
    return user


def profile_of(user):
    user = _resolved(user)
    if not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "profile", None)


def role_of(user) -> int | None:
    user = _resolved(user)
    if not getattr(user, "is_authenticated", False):
        return None
    if user.is_superuser:
        return Role.ADMIN
    profile = profile_of(user)
    return profile.role if profile else None


def side_of(user) -> str:
    profile = profile_of(user)
    return profile.side if profile and role_of(user) == Role.STAFF else ""


def is_admin(user) -> bool:
    return role_of(user) == Role.ADMIN


def is_government_staff(user) -> bool:
    return role_of(user) == Role.STAFF and bool(side_of(user))


def company_organisation_id(user) -> int | None:
    profile = profile_of(user)
    if role_of(user) == Role.COMPANY and profile and profile.organisation_id:
        return profile.organisation_id
    return None


def _label(model: type[Model] | Model) -> str:
    return model._meta.label_lower


def reader_scope(user) -> tuple:
    """Everything `visible_to`'s filter depends on, as a hashable key: a statement built from a reader's
    visible querysets is the same for every reader of the same scope (administrators; government staff of
    one side; company users of one organisation; everyone else)."""
    if is_admin(user):
        return ("admin",)
    if is_government_staff(user):
        return ("staff", side_of(user))
    organisation_id = company_organisation_id(user)
    if organisation_id:
        return ("company", organisation_id)
    return ("public",)


def visible_to(queryset: QuerySet, user) -> QuerySet:
    """Narrow a queryset of VisibleRecord rows to those `user` may read."""
    if is_admin(user):
        return queryset
    public = Q(visibility=Visibility.PUBLIC)
    if is_government_staff(user):
        return queryset.filter(public | Q(visibility=Visibility.SHARED) | Q(owner_side=side_of(user)))
    organisation_id = company_organisation_id(user)
    link = ORGANISATION_LINKS.get(_label(queryset.model))
    if organisation_id and link:
        own = Q(**{link: organisation_id}) & ~Q(visibility=Visibility.INTERNAL)
        return queryset.filter(public | own).distinct()
    return queryset.filter(public)


def can_view(user, record) -> bool:
    return viewer(user)(record)


def viewer(user) -> Callable[[Model | None], bool]:
    """Whether `user` may read a record, as a function of the record alone, with the user's role, side and
    company looked up once, for pages that check many linked records. The one place the rule is written:
    `can_view` and `.row` (a record given as plain values) ask it here."""
    admin = is_admin(user)
    staff_side = side_of(user) if is_government_staff(user) else ""
    organisation_id = None if admin or staff_side else company_organisation_id(user)

    def may_view_row(model: type[Model], pk, visibility: str, owner_side) -> bool:
        """A `model` record given as its id, visibility and owner side (plain values read by `.values()`),
        or, for a model instance, a function that reads the side only when the answer needs it."""
        if admin or visibility == Visibility.PUBLIC:
            return True
        if staff_side:
            if visibility == Visibility.SHARED:
                return True
            return (owner_side() if callable(owner_side) else owner_side) == staff_side
        link = ORGANISATION_LINKS.get(_label(model))
        if organisation_id and link and visibility != Visibility.INTERNAL:
            return model.objects.filter(Q(pk=pk) & Q(**{link: organisation_id})).exists()
        return False

    def may_view(record) -> bool:
        if record is None:
            return False
        return may_view_row(type(record), record.pk, record.visibility, lambda: record.owner_side)

    may_view.row = may_view_row
    return may_view


def can_change(user, record) -> bool:
    """Government staff edit what they can read; the other side's internal records stay out of reach."""
    if is_admin(user):
        return True
    return is_government_staff(user) and can_view(user, record)


def can_create(user) -> bool:
    return is_admin(user) or is_government_staff(user)


def may_change_visibility(user, record) -> bool:
    """Who may change an existing record's visibility or owner side: its own side's staff and admins. A
    shared record stays its author side's: the other side may edit it, never take it over (make it their
    internal record) or hand it to another side."""
    if is_admin(user):
        return True
    return is_government_staff(user) and bool(record.owner_side) and record.owner_side == side_of(user)
