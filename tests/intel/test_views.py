import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kopru.engage.models import Engagement
from kopru.intel.models import Suggestion

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

RELEASE = (
    "Turkish Minister of Industry and Technology Mehmet Fatih Kacır met Chinese Minister of Science and "
    "Technology Yin Hejun in Beijing to discuss electric vehicles and batteries."
)


@pytest.fixture
def uploaded(client, cast, immediate_tasks, django_capture_on_commit_callbacks):
    client.force_login(cast.staff_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/documents/upload/",
            {"files": SimpleUploadedFile("release.txt", RELEASE.encode()), "visibility": "shared"},
        )
    return response


def test_upload_shows_batch_progress_then_the_queue(client, uploaded):
    batch_page = client.get(uploaded["Location"])
    assert batch_page.status_code == 200
    assert (batch_page.context["finished"], batch_page.context["total"], batch_page.context["percent"]) == (
        1,
        1,
        100,
    )
    partial = client.get(uploaded["Location"], headers={"HX-Request": "true"})
    assert next(t.name for t in partial.templates) == "intel/batch_progress.html"
    queue = client.get("/intel/queue/?kind=person")
    assert sorted(s.payload["name"] for s, _ in queue.context["rows"]) == ["Mehmet Fatih Kacır", "Yin Hejun"]
    assert all("<mark>" in str(snippet) for _, snippet in queue.context["rows"])


def test_edit_then_accept_an_event(client, uploaded):
    for person in Suggestion.objects.filter(kind="person"):
        client.post(f"/intel/suggestions/{person.pk}/")
    event = Suggestion.objects.get(kind="event")
    response = client.post(
        f"/intel/suggestions/{event.pk}/",
        {"type": "meeting", "status": "held", "date": "2024-05-20", "place": "Beijing"},
    )
    assert response.status_code == 302
    engagement = Engagement.objects.get()
    assert (engagement.start_date.isoformat(), engagement.place) == ("2024-05-20", "Beijing")
    assert sorted(p.name for p in engagement.people.all()) == ["Mehmet Fatih Kacır", "Yin Hejun"]
    event.refresh_from_db()
    assert (event.status, event.result) == ("accepted", engagement)


def test_invalid_edits_are_field_errors_and_nothing_is_saved(client, uploaded):
    event = Suggestion.objects.get(kind="event")
    response = client.post(
        f"/intel/suggestions/{event.pk}/", {"type": "party", "status": "held", "date": "soon"}
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"type", "date"}
    assert Engagement.objects.count() == 0
    assert Suggestion.objects.get(pk=event.pk).status == "pending"


def test_bulk_accept_reports_each_outcome(client, uploaded):
    ids = list(Suggestion.objects.values_list("pk", flat=True))
    response = client.post("/intel/queue/decide/", {"action": "accept", "ids": ids}, follow=True)
    assert [str(m) for m in response.context["messages"]][-1] == f"{len(ids)} suggestions decided."
    assert Suggestion.objects.filter(status="pending").count() == 0


def test_the_queue_has_no_n_plus_one(client, uploaded, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        client.get("/intel/queue/")
