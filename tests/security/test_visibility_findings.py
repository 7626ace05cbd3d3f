"""Issue 11: one regression test per finding — visibility holds on every path, edits never reach across."""

from __future__ import annotations

import csv
import io

import pytest
from django.conf import settings

from kopru.core.domain.evidence import attach_evidence
from kopru.core.enums import Visibility
from kopru.core.models import ApiToken, Organisation, Person
from kopru.engage.models import CooperationArea
from tests.conftest import client_for
from tests.factories import (
    ActionFactory,
    AreaFactory,
    ClaimFactory,
    DocumentFactory,
    EngagementFactory,
    OrganisationFactory,
    PersonFactory,
    PositionFactory,
    sector,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

A = settings.KOPRU_SIDE_A
INTERNAL_A = {"visibility": Visibility.INTERNAL, "owner_side": A}
HIDDEN = "a record you cannot see"


def _api(cast_user):
    _, raw = ApiToken.issue(cast_user, "tests")
    from django.test import Client

    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_finding_1_evidence_snippets_follow_their_documents_visibility(client, cast):
    person = PersonFactory(name="Li Qiang", visibility=Visibility.SHARED)
    document = DocumentFactory(
        title="Ankara cable zebrafish", text="Zebrafish memo: Li Qiang will visit in May.", **INTERNAL_A
    )
    attach_evidence(person, document, 15, 23)
    page = client_for(client, cast.staff_b).get(person.get_absolute_url()).content.decode()
    assert "zebrafish" not in page.lower()
    client.logout()
    page = client_for(client, cast.staff_a).get(person.get_absolute_url()).content.decode()
    assert "Ankara cable zebrafish" in page


def test_finding_3_linked_records_show_as_hidden_to_staff_and_not_at_all_to_others(client, cast):
    secret_person = PersonFactory(name="Walrus Envoy", **INTERNAL_A)
    secret_org = OrganisationFactory(name="Walrus Holdings", **INTERNAL_A)
    engagement = EngagementFactory(title="Shared meeting", visibility=Visibility.PUBLIC)
    engagement.people.add(secret_person)
    PositionFactory(
        person=secret_person, organisation=secret_org, title="Envoy", visibility=Visibility.PUBLIC
    )
    ClaimFactory(speaker=secret_person, visibility=Visibility.PUBLIC)
    ActionFactory(
        title="Public follow-up",
        engagement=EngagementFactory(title="Walrus talks", **INTERNAL_A),
        visibility=Visibility.PUBLIC,
    )
    urls = [
        engagement.get_absolute_url(),
        "/engagements/",
        "/positions/",
        "/claims/",
        "/actions/",
        "/",
        "/engagements/timeline/",
    ]
    for role, user in (("staff_b", cast.staff_b), ("anonymous", None), ("company", cast.company)):
        client.logout()
        client_for(client, user)
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 302), (role, url)
            page = response.content.decode()
            assert "Walrus" not in page, (role, url)
        if role == "staff_b":
            assert HIDDEN in client.get(engagement.get_absolute_url()).content.decode()
            export = client.get("/engagements/export.csv").content.decode("utf-8-sig")
            rows = list(csv.reader(io.StringIO(export)))
            assert rows[1][-1] == HIDDEN
        if role == "anonymous":
            assert HIDDEN not in client.get(engagement.get_absolute_url()).content.decode()
    client.logout()
    client_for(client, cast.staff_a)
    assert "Walrus Envoy" in client.get(engagement.get_absolute_url()).content.decode()


def test_finding_4_side_b_cannot_take_over_side_a_shared_record(cast):
    engagement = EngagementFactory(title="A's shared meeting", visibility=Visibility.SHARED, owner_side=A)
    response = _api(cast.staff_b).patch(
        f"/api/engagements/{engagement.pk}", {"visibility": "internal"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "visibility"]
    assert "Only side TR" in response.json()["detail"][0]["msg"]
    engagement.refresh_from_db()
    assert (engagement.visibility, engagement.owner_side) == (Visibility.SHARED, A)
    # side B may still edit it, and the record stays side A's
    response = _api(cast.staff_b).patch(
        f"/api/engagements/{engagement.pk}", {"title": "Renamed"}, content_type="application/json"
    )
    assert response.status_code == 200
    engagement.refresh_from_db()
    assert (engagement.title, engagement.owner_side) == ("Renamed", A)
    # its own side may change it
    response = _api(cast.staff_a).patch(
        f"/api/engagements/{engagement.pk}", {"visibility": "internal"}, content_type="application/json"
    )
    assert response.status_code == 200
    engagement.refresh_from_db()
    assert (engagement.visibility, engagement.owner_side) == (Visibility.INTERNAL, A)


def test_finding_5_edits_keep_the_links_the_editor_cannot_see(client, cast):
    hidden = PersonFactory(name="Hidden participant", **INTERNAL_A)
    visible = PersonFactory(name="Visible participant", visibility=Visibility.SHARED)
    engagement = EngagementFactory(title="Joint meeting", visibility=Visibility.SHARED, owner_side=A)
    engagement.people.add(hidden, visible)
    # the API: a payload that leaves the hidden id out keeps it
    response = _api(cast.staff_b).patch(
        f"/api/engagements/{engagement.pk}", {"people": [visible.pk]}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert set(engagement.people.values_list("pk", flat=True)) == {hidden.pk, visible.pk}
    response = _api(cast.staff_b).patch(
        f"/api/engagements/{engagement.pk}", {"title": "Unchanged otherwise"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert set(engagement.people.values_list("pk", flat=True)) == {hidden.pk, visible.pk}
    # the page: re-saving the form as side B
    client_for(client, cast.staff_b)
    form = client.get(f"/engagements/{engagement.pk}/edit/").content.decode()
    assert "Hidden participant" not in form
    data = {
        "kind": engagement.kind,
        "title": "Joint meeting",
        "status": engagement.status,
        "start_date": "2024-05-20",
        "people": [visible.pk],
        "visibility": "shared",
    }
    response = client.post(f"/engagements/{engagement.pk}/edit/", data)
    assert response.status_code == 302
    assert set(engagement.people.values_list("pk", flat=True)) == {hidden.pk, visible.pk}


def test_finding_6_search_does_not_match_through_a_hidden_participant(client, cast):
    hidden = PersonFactory(name="Narwhal Minister", **INTERNAL_A)
    engagement = EngagementFactory(title="Open meeting", visibility=Visibility.SHARED)
    engagement.people.add(hidden)
    client_for(client, cast.staff_b)
    page = client.get("/search/?q=narwhal").content.decode()
    assert "Open meeting" not in page and "Narwhal" not in page.replace("narwhal", "")
    client.logout()
    client_for(client, cast.staff_a)
    assert "Open meeting" in client.get("/search/?q=narwhal").content.decode()


def test_finding_6_filter_choices_come_from_visible_rows_only(client, cast):
    DocumentFactory(title="Shared", publisher="Xinhua", language="zh", visibility=Visibility.PUBLIC)
    DocumentFactory(title="Internal", publisher="Okapi Gazette", language="xx", **INTERNAL_A)
    for user in (None, cast.staff_b, cast.company):
        client.logout()
        client_for(client, user)
        page = client.get("/documents/").content.decode()
        assert "Xinhua" in page and "Okapi Gazette" not in page and '"xx"' not in page


def test_finding_6_area_uniqueness_is_per_side_where_internal(cast):
    AreaFactory(sector=sector("solar"), **INTERNAL_A)
    api = _api(cast.staff_b)
    payload = {
        "country_a_id": "TR",
        "country_b_id": "CN",
        "sector_id": sector("solar").pk,
        "visibility": "internal",
    }
    response = api.post("/api/areas/", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    response = api.post("/api/areas/", {**payload, "visibility": "shared"}, content_type="application/json")
    assert response.status_code == 201, response.content
    response = api.post("/api/areas/", {**payload, "visibility": "shared"}, content_type="application/json")
    assert response.status_code == 422
    assert CooperationArea.objects.filter(sector__code="solar").count() == 3


def test_finding_7_aliases_round_trip_as_lists(cast):
    api = _api(cast.staff_a)
    response = api.post(
        "/api/people/", {"name": "Ayşe", "aliases": ["Foo", "Bar"]}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert response.json()["aliases"] == ["Foo", "Bar"]
    for _ in range(3):
        response = api.patch(f"/api/people/{pk}", {"biography": "x"}, content_type="application/json")
        assert response.json()["aliases"] == ["Foo", "Bar"]
    response = api.patch(f"/api/people/{pk}", {"aliases": ["Baz"]}, content_type="application/json")
    assert Person.objects.get(pk=pk).aliases == ["Baz"]
    organisation = Organisation.objects.create(name="Org", aliases=["One", "Two"], visibility="shared")
    response = api.patch(
        f"/api/organisations/{organisation.pk}", {"website": ""}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    organisation.refresh_from_db()
    assert organisation.aliases == ["One", "Two"]


def test_finding_5_the_api_answers_only_visible_links_and_an_edit_keeps_the_hidden_ones(cast):
    hidden = PersonFactory(name="Hidden participant", **INTERNAL_A)
    visible = PersonFactory(name="Visible participant", visibility=Visibility.SHARED)
    hidden_engagement = EngagementFactory(title="Hidden meeting", **INTERNAL_A)
    claim = ClaimFactory(visibility=Visibility.SHARED, speaker=hidden, engagement=hidden_engagement)
    engagement = EngagementFactory(title="Joint meeting", visibility=Visibility.SHARED, owner_side=A)
    engagement.people.add(hidden, visible)
    side_b = _api(cast.staff_b)
    body = side_b.get(f"/api/engagements/{engagement.pk}").json()
    assert body["people"] == [visible.pk]
    body = side_b.get(f"/api/claims/{claim.pk}").json()
    assert (body["speaker"], body["engagement"]) == (None, None)
    response = side_b.patch(
        f"/api/engagements/{engagement.pk}",
        {"people": body_people(side_b, engagement)},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert set(engagement.people.values_list("pk", flat=True)) == {hidden.pk, visible.pk}
    response = side_b.patch(f"/api/claims/{claim.pk}", {"text": "edited"}, content_type="application/json")
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert (claim.text, claim.speaker_id, claim.engagement_id) == ("edited", hidden.pk, hidden_engagement.pk)
    assert _api(cast.staff_a).get(f"/api/engagements/{engagement.pk}").json()["people"] == sorted(
        [hidden.pk, visible.pk]
    )


def body_people(client, engagement) -> list[int]:
    return client.get(f"/api/engagements/{engagement.pk}").json()["people"]
