"""Every route of the calls namespace and every operation of its API × every role → the expected status.

Officers (both sides' government staff and admins) run calls; applicants (company users) see and change their
own organisation's proposals; reviewers only their assigned ones; the public sees open calls.
302 for anonymous users means "sent to the login page"; 302 for others is the redirect after a POST.
`test_every_route_is_in_the_matrix` fails when a route is added without a row here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser

from kopru.calls.enums import CallStatus
from kopru.calls.models import Call, Proposal, ReviewAssignment, ReviewerProfile
from kopru.calls.rules import visible_calls, visible_proposals
from kopru.core.rules import has_perm as allowed
from tests.factories import PDF, CallFactory, draft, move, organisation, reviewer, submitted
from tests.matrix import ROLES, api_operation_ids, client_as, expect, url_names

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


EVERYONE = expect(200, 200, 200, 200, 200, 200)
OFFICERS = expect(200, 200, 200, 403, 403, 302)
OFFICERS_POST = expect(302, 302, 302, 403, 403, 302)
APPLICANT_DRAFT = expect(404, 404, 404, 200, 404, 302)
APPLICANT_DRAFT_POST = expect(404, 404, 404, 302, 404, 302)
REVIEWER_ONLY = expect(403, 403, 403, 403, 200, 302)


@dataclass
class World:
    open_call: object
    draft_call: object
    review_call: object
    draft: object
    submitted: object


@pytest.fixture
def world(cast):
    owner = cast.company_organisation
    owner.country_id = "TR"
    owner.save()
    open_call = CallFactory(title="Open call")
    draft_call = CallFactory(title="Draft call", status=CallStatus.DRAFT)
    review_call = CallFactory(title="Call in review")
    mine = draft(open_call, owner, partners=[(organisation("Shenzhen Lab", "CN"), "1000")])
    sent = submitted(review_call, owner, organisation("Hefei Lab", "CN"), title="Reviewed")
    move(review_call, CallStatus.CLOSED)
    move(review_call, CallStatus.IN_REVIEW)
    ReviewerProfile.objects.create(user=cast.reviewer, country_id="CN", expertise="batteries")
    ReviewAssignment.objects.create(proposal=sent, reviewer=cast.reviewer, source="manual")
    reviewer("spare", "TR")
    return World(open_call, draft_call, review_call, mine, sent)


def routes(w: World):
    """(URL name, method, path, data, expected) for every route; some names have several rows."""
    cn_partner = w.draft.partners.get(country_id="CN")
    line = cn_partner.budget_lines.get()
    attachment = w.draft.attachments.get()
    assignment = w.submitted.assignments.get()
    o, r, d, s = w.open_call.pk, w.review_call.pk, w.draft.pk, w.submitted.pk
    return [
        ("calls:home", "get", "/calls/", None, EVERYONE),
        ("calls:call-create", "get", "/calls/new/", None, OFFICERS),
        ("calls:call-detail", "get", f"/calls/{o}/", None, EVERYONE),
        (
            "calls:call-detail",
            "get",
            f"/calls/{w.draft_call.pk}/",
            None,
            expect(200, 200, 200, 404, 404, 302),
        ),
        ("calls:call-edit", "get", f"/calls/{o}/edit/", None, OFFICERS),
        (
            "calls:call-advance",
            "post",
            f"/calls/{w.draft_call.pk}/advance/",
            {"to_status": "open"},
            expect(302, 302, 302, 404, 404, 302),
        ),
        ("calls:proposal-list", "get", f"/calls/{r}/proposals/", None, OFFICERS),
        ("calls:proposal-create", "get", f"/calls/{o}/apply/", None, expect(403, 403, 403, 200, 403, 302)),
        ("calls:assignments", "get", f"/calls/{r}/assignments/", None, OFFICERS),
        ("calls:assignment-run", "post", f"/calls/{r}/assignments/run/", {}, OFFICERS_POST),
        ("calls:assignment-add", "post", f"/calls/{r}/assignments/add/", {}, OFFICERS_POST),
        ("calls:panel", "get", f"/calls/{r}/panel/", None, OFFICERS),
        ("calls:funding-override", "post", f"/calls/{r}/panel/override/", {}, OFFICERS_POST),
        ("calls:call-decide", "post", f"/calls/{r}/decide/", {}, OFFICERS_POST),
        ("calls:export-csv", "get", f"/calls/{r}/export/TR.csv", None, expect(200, 200, 403, 403, 403, 302)),
        (
            "calls:export-xlsx",
            "get",
            f"/calls/{r}/export/CN.xlsx",
            None,
            expect(200, 403, 200, 403, 403, 302),
        ),
        ("calls:proposal-detail", "get", f"/calls/proposals/{d}/", None, APPLICANT_DRAFT),
        (
            "calls:proposal-detail",
            "get",
            f"/calls/proposals/{s}/",
            None,
            expect(200, 200, 200, 200, 200, 302),
        ),
        ("calls:proposal-edit", "get", f"/calls/proposals/{d}/edit/", None, APPLICANT_DRAFT),
        (
            "calls:proposal-print",
            "get",
            f"/calls/proposals/{s}/print/",
            None,
            expect(200, 200, 200, 200, 200, 302),
        ),
        (
            "calls:partner-add",
            "post",
            f"/calls/proposals/{d}/partners/",
            {"organisation": "", "country": "CN"},
            APPLICANT_DRAFT_POST,
        ),
        ("calls:budget-line-add", "post", f"/calls/proposals/{d}/budget/", {}, APPLICANT_DRAFT_POST),
        (
            "calls:attachment-upload",
            "post",
            f"/calls/proposals/{d}/attachments/",
            {"kind": "cv"},
            APPLICANT_DRAFT_POST,
        ),
        ("calls:review-edit", "get", f"/calls/proposals/{s}/review/", None, REVIEWER_ONLY),
        (
            "calls:conflict-declare",
            "post",
            f"/calls/proposals/{s}/conflict/",
            {"reason": "x"},
            expect(403, 403, 403, 403, 302, 302),
        ),
        (
            "calls:budget-line-remove",
            "post",
            f"/calls/budget-lines/{line.pk}/remove/",
            {},
            APPLICANT_DRAFT_POST,
        ),
        (
            "calls:partner-remove",
            "post",
            f"/calls/partners/{cn_partner.pk}/remove/",
            {},
            APPLICANT_DRAFT_POST,
        ),
        ("calls:attachment-download", "get", f"/calls/attachments/{attachment.pk}/", None, APPLICANT_DRAFT),
        (
            "calls:attachment-remove",
            "post",
            f"/calls/attachments/{attachment.pk}/remove/",
            {},
            APPLICANT_DRAFT_POST,
        ),
        ("calls:assignment-remove", "post", f"/calls/assignments/{assignment.pk}/remove/", {}, OFFICERS_POST),
        ("calls:reviewer-pool", "get", "/calls/reviewers/", None, OFFICERS),
        # state-changing rows last: they consume the draft
        ("calls:proposal-submit", "post", f"/calls/proposals/{d}/submit/", {}, APPLICANT_DRAFT_POST),
        ("calls:proposal-withdraw", "post", f"/calls/proposals/{d}/withdraw/", {}, APPLICANT_DRAFT_POST),
        ("calls:reviewer-profile", "get", "/calls/reviewers/me/", None, REVIEWER_ONLY),
        ("calls:my-reviews", "get", "/calls/reviews/", None, REVIEWER_ONLY),
    ]


def api_routes(w: World):
    o, r, d, s = w.open_call.pk, w.review_call.pk, w.draft.pk, w.submitted.pk
    a = "/api/calls"
    return [
        ("list_calls", "get", f"{a}/", EVERYONE),
        ("get_call", "get", f"{a}/{o}", EVERYONE),
        ("get_call", "get", f"{a}/{w.draft_call.pk}", expect(200, 200, 200, 404, 404, 401)),
        ("list_call_proposals", "get", f"{a}/{r}/proposals", expect(200, 200, 200, 200, 200, 401)),
        ("get_proposal", "get", f"{a}/proposals/{s}", expect(200, 200, 200, 200, 200, 401)),
        ("get_proposal", "get", f"{a}/proposals/{d}", expect(404, 404, 404, 200, 404, 401)),
        (
            "get_proposal_eligibility",
            "get",
            f"{a}/proposals/{s}/eligibility",
            expect(200, 200, 200, 200, 403, 401),
        ),
        ("submit_proposal", "post", f"{a}/proposals/{d}/submit", expect(404, 404, 404, 200, 404, 401)),
        ("get_call_panel", "get", f"{a}/{r}/panel", expect(200, 200, 200, 403, 403, 401)),
        ("list_call_transitions", "get", f"{a}/{r}/transitions", expect(200, 200, 200, 403, 403, 401)),
        # an empty status is refused by the lifecycle rule (422), after the permission check
        ("advance_call", "post", f"{a}/{r}/transitions", expect(422, 422, 422, 403, 403, 401)),
        ("run_call_assignment", "post", f"{a}/{r}/assignment-runs", expect(202, 202, 202, 403, 403, 401)),
        ("list_my_assignments", "get", f"{a}/reviews/assignments", expect(403, 403, 403, 403, 200, 401)),
    ]


def test_every_route_is_in_the_matrix(cast):
    covered_urls = {
        "calls:home", "calls:call-create", "calls:call-detail", "calls:call-edit", "calls:call-advance",
        "calls:proposal-list", "calls:proposal-create", "calls:assignments", "calls:assignment-run",
        "calls:assignment-add", "calls:panel", "calls:funding-override", "calls:call-decide",
        "calls:export-csv",
        "calls:export-xlsx", "calls:proposal-detail", "calls:proposal-edit", "calls:proposal-print",
        "calls:partner-add", "calls:budget-line-add", "calls:attachment-upload", "calls:proposal-submit",
        "calls:proposal-withdraw", "calls:review-edit", "calls:conflict-declare", "calls:partner-remove",
        "calls:budget-line-remove", "calls:attachment-download", "calls:attachment-remove",
        "calls:assignment-remove", "calls:reviewer-pool", "calls:reviewer-profile", "calls:my-reviews",
    }  # fmt: skip
    covered_api = {
        "list_calls", "get_call", "list_call_proposals", "get_proposal", "get_proposal_eligibility",
        "submit_proposal", "get_call_panel", "run_call_assignment", "list_my_assignments",
        "list_call_transitions", "advance_call",
    }  # fmt: skip
    assert url_names("calls/") == covered_urls
    assert api_operation_ids("/calls/") == covered_api


def test_the_matrix_rows_name_every_route(world):
    assert {row[0] for row in routes(world)} == url_names("calls/")
    assert {row[0] for row in api_routes(world)} == api_operation_ids("/calls/")


@pytest.mark.parametrize("role", ROLES)
def test_pages(client, cast, world, role):
    client = client_as(client, cast, role)
    outcomes = {}
    for name, method, path, data, expected in routes(world):
        response = client.get(path) if method == "get" else client.post(path, data or {})
        outcomes[(name, path)] = (response.status_code, expected[role])
    assert {key: got for key, (got, _) in outcomes.items()} == {
        key: want for key, (_, want) in outcomes.items()
    }


@pytest.mark.parametrize("role", ROLES)
def test_api(client, cast, world, role):
    client = client_as(client, cast, role)
    outcomes = {}
    for name, method, path, expected in api_routes(world):
        response = (
            client.get(path) if method == "get" else client.post(path, {}, content_type="application/json")
        )
        outcomes[(name, path)] = (response.status_code, expected[role])
    assert {key: got for key, (got, _) in outcomes.items()} == {
        key: want for key, (_, want) in outcomes.items()
    }


@pytest.mark.parametrize("role", ROLES)
def test_unknown_ids_are_404(client, cast, world, role):
    client = client_as(client, cast, role)
    expected = 302 if role == "anonymous" else 404
    assert client.get("/calls/999999/").status_code == 404
    assert client.get("/calls/proposals/999999/").status_code == expected
    assert client.get("/calls/attachments/999999/").status_code == expected
    assert client.get("/api/calls/999999").status_code == 404


def test_lists_show_only_what_each_role_may_see(client, cast, world):
    seen = {}
    for role in ROLES:
        client.logout()
        response = client_as(client, cast, role).get("/calls/")
        seen[role] = sorted(call.title for call in response.context["calls"])
    everything = sorted(["Open call", "Draft call", "Call in review"])
    assert seen == {
        "admin": everything,
        "staff_a": everything,
        "staff_b": everything,
        "company": ["Call in review", "Open call"],
        "reviewer": ["Call in review", "Open call"],
        "anonymous": ["Open call"],
    }


def test_pdf_fixture_is_a_pdf():
    assert PDF.startswith(b"%PDF-")


def test_predicates_and_query_filters_agree(cast, world):
    for role, user in cast.by_role().items():
        user = user or AnonymousUser()
        for proposal in Proposal.objects.all():
            listed = visible_proposals(Proposal.objects.all(), user).filter(pk=proposal.pk).exists()
            assert allowed(user, "calls.view_proposal", proposal) == listed, (role, proposal)
        for call in Call.objects.all():
            listed = visible_calls(Call.objects.all(), user).filter(pk=call.pk).exists()
            assert allowed(user, "calls.view_call", call) == listed, (role, call)
