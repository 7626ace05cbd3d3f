"""django-rules predicates and permissions; they delegate to kopru.core.access so lists agree with details.

`has_perm` is the one way code asks a permission question. Superusers are administrators through
`kopru.core.access.role_of` (the one place that knows about them), and each predicate says what an
administrator may do — so there is no blanket pass: `user.has_perm` (Django's, which lets a superuser do
anything, even review a proposal or apply to a call) is not used.
"""

import rules

from kopru.core import access


def has_perm(user, perm: str, obj=None) -> bool:
    """Whether `user` holds `perm` (on `obj`), as its django-rules predicate says."""
    return rules.has_perm(perm, user, obj)


@rules.predicate
def is_admin(user):
    return access.is_admin(user)


@rules.predicate
def is_government_staff(user):
    return access.is_government_staff(user)


@rules.predicate
def is_company_user(user):
    return access.company_organisation_id(user) is not None


@rules.predicate
def can_view_record(user, record=None):
    return record is not None and access.can_view(user, record)


@rules.predicate
def can_change_record(user, record=None):
    return record is not None and access.can_change(user, record)


can_create_records = is_admin | is_government_staff
can_export = is_admin | is_government_staff

# Reference data (countries, sectors) has no visibility: everyone reads it, administrators change it.
rules.add_perm("kopru.view_reference", rules.always_allow)
rules.add_perm("kopru.change_reference", is_admin)
rules.add_perm("kopru.view_record", can_view_record)
rules.add_perm("kopru.change_record", can_change_record)
rules.add_perm("kopru.add_record", can_create_records)
rules.add_perm("kopru.export_records", can_export)
rules.add_perm("kopru.advance_area", can_change_record)
rules.add_perm("kopru.add_note", can_view_record & can_create_records)
