"""One permission path: every `rules.py` holds django-rules permissions, views and APIs ask them through one
helper, and superusers are administrators in one place (core.access.role_of), never by a blanket pass."""

from __future__ import annotations

import ast
import pathlib

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from kopru.calls.enums import CallStatus
from kopru.core.enums import Visibility
from kopru.core.models import Organisation
from kopru.core.rules import has_perm
from kopru.ui.views.access import LoginRequired, access_object
from tests.factories import CallFactory, OrganisationFactory, move, organisation, reviewer, submitted

SRC = pathlib.Path(__file__).resolve().parents[3] / "src" / "kopru"


def test_every_rules_module_registers_django_rules_permissions_and_nothing_else_is_called_rules():
    modules = sorted(SRC.rglob("rules.py"))
    assert [str(m.relative_to(SRC)) for m in modules] == [
        "calls/rules.py",
        "core/rules.py",
        "intel/rules.py",
        "invest/case/rules.py",
        "sources/rules.py",
    ]
    for module in modules:
        text = module.read_text()
        assert "import rules\n" in text and "rules.add_perm(" in text, module


def test_no_view_or_api_asks_django_user_has_perm_which_lets_superusers_do_anything():
    offenders = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "has_perm"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "user"
            ):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root", "root@example.org", "x")


def test_a_superuser_is_an_administrator_of_records_but_not_an_applicant_or_a_reviewer(superuser, cast):
    internal = OrganisationFactory(name="Hidden Co", visibility=Visibility.INTERNAL, owner_side="TR")
    assert has_perm(superuser, "kopru.view_record", internal) is True
    assert has_perm(superuser, "kopru.change_record", internal) is True
    assert has_perm(superuser, "invest_case.add_case") is True
    assert has_perm(superuser, "calls.manage_call") is True
    call = CallFactory()
    applicant = organisation("Anka Batarya", "TR")
    proposal = submitted(call, applicant, organisation("Hefei Cells", "CN"))
    move(call, CallStatus.IN_REVIEW)
    assert has_perm(superuser, "calls.review_proposal", proposal) is False
    assert has_perm(superuser, "calls.edit_proposal", proposal) is False
    assert has_perm(superuser, "calls.apply", call) is False
    # Django's own check would have said yes to all of these:
    assert superuser.has_perm("calls.review_proposal", proposal) is True
    assigned = reviewer("rev.one", "DE")
    proposal.assignments.create(reviewer=assigned)
    assert has_perm(assigned, "calls.review_proposal", proposal) is True


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_access_object_answers_not_found_login_and_forbidden_the_same_way_for_every_model(cast):
    from django.contrib.auth.models import AnonymousUser

    internal = OrganisationFactory(name="Hidden Co", visibility=Visibility.INTERNAL, owner_side="TR")
    public = OrganisationFactory(name="Open Co", visibility=Visibility.PUBLIC)
    view = "kopru.view_record"
    assert access_object(_request(cast.staff_a), Organisation, internal.pk, view=view) == internal
    with pytest.raises(Http404):
        access_object(_request(cast.staff_b), Organisation, internal.pk, view=view)
    with pytest.raises(LoginRequired):
        access_object(_request(AnonymousUser()), Organisation, internal.pk, view=view)
    with pytest.raises(Http404):  # an id that does not exist is not found, even for anonymous visitors
        access_object(_request(AnonymousUser()), Organisation, 10**6, view=view)
    for bad in ("abc", 2**70, None):
        with pytest.raises(Http404):
            access_object(_request(cast.staff_a), Organisation, bad, view=view)
    with pytest.raises(PermissionDenied):
        access_object(_request(cast.company), Organisation, public.pk, view=view, perm="kopru.change_record")
    with pytest.raises(LoginRequired):
        access_object(_request(AnonymousUser()), Organisation, 10**6, view=view, login_first=True)
