import pytest

from kopru.core import access
from kopru.core.domain.notes import add_note, notes_for
from kopru.core.enums import Visibility
from kopru.core.models import Note, Person
from tests.factories import EngagementFactory, PersonFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_side_b_staff_cannot_read_side_a_internal_notes(cast):
    engagement = EngagementFactory()
    internal = add_note(
        engagement, author=cast.staff_a, text="Our red line: no tech transfer", visibility="internal"
    )
    shared = add_note(engagement, author=cast.staff_a, text="Agenda agreed", visibility="shared")
    assert internal.owner_side == "TR"
    assert list(notes_for(engagement, cast.staff_a).order_by("pk")) == [internal, shared]
    assert list(notes_for(engagement, cast.staff_b)) == [shared]
    assert list(notes_for(engagement, cast.company)) == []
    assert list(notes_for(engagement, cast.admin).order_by("pk")) == [internal, shared]


def test_the_rules_predicates_agree_with_querysets(cast):
    records = [
        PersonFactory(visibility=Visibility.PUBLIC),
        PersonFactory(visibility=Visibility.SHARED),
        PersonFactory(visibility=Visibility.INTERNAL, owner_side="TR"),
        PersonFactory(visibility=Visibility.INTERNAL, owner_side="CN"),
    ]
    for user in cast.by_role().values():
        actor = user if user is not None else _anonymous()
        listed = set(access.visible_to(Person.objects.all(), actor))
        allowed = {record for record in records if actor.has_perm("kopru.view_record", record)}
        assert listed == allowed


def test_company_users_see_shared_records_of_their_own_organisation(cast):
    own = EngagementFactory(visibility=Visibility.SHARED)
    own.organisations.add(cast.company_organisation)
    internal_own = EngagementFactory(visibility=Visibility.INTERNAL, owner_side="TR")
    internal_own.organisations.add(cast.company_organisation)
    EngagementFactory(visibility=Visibility.SHARED)
    from kopru.engage.models import Engagement

    assert list(access.visible_to(Engagement.objects.all(), cast.company)) == [own]
    assert cast.company.has_perm("kopru.view_record", own)
    assert not cast.company.has_perm("kopru.change_record", own)


def test_notes_without_a_side_fall_back_to_shared(cast):
    note = add_note(EngagementFactory(), author=cast.admin, text="From the admin", visibility="internal")
    assert (note.visibility, note.owner_side) == ("shared", "")
    assert Note.objects.count() == 1


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def test_a_viewer_answers_as_can_view_for_every_role_and_lazy_users_read_the_same(cast):
    """`access.viewer(user)` (the role looked up once, for pages with many linked records) and `can_view`
    agree, for every role and visibility, with the user as it is and behind request.user's lazy wrapper."""
    from django.contrib.auth.models import AnonymousUser
    from django.utils.functional import SimpleLazyObject

    own = EngagementFactory(visibility=Visibility.SHARED)
    own.organisations.add(cast.company_organisation)
    records = [
        PersonFactory(visibility=Visibility.PUBLIC),
        PersonFactory(visibility=Visibility.SHARED),
        PersonFactory(visibility=Visibility.INTERNAL, owner_side="TR"),
        PersonFactory(visibility=Visibility.INTERNAL, owner_side="CN"),
        own,
        EngagementFactory(visibility=Visibility.SHARED),
        None,
    ]
    for user in [*(u for u in cast.by_role().values() if u is not None), AnonymousUser()]:
        lazy = SimpleLazyObject(lambda user=user: user)
        expected = [access.can_view(user, record) for record in records]
        assert [access.viewer(user)(record) for record in records] == expected
        assert [access.viewer(lazy)(record) for record in records] == expected
        assert [access.can_view(lazy, record) for record in records] == expected
        # the same answers from the record's plain values (the API's list rows)
        rows = [(type(r), r.pk, r.visibility, r.owner_side) for r in records if r is not None]
        assert [access.viewer(user).row(*row) for row in rows] == expected[:-1]
        assert access.role_of(lazy) == access.role_of(user)
    assert access.can_view(cast.company, own) and not access.can_view(cast.staff_a, records[3])
