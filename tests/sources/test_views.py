"""The sources status page and forms, filled in and submitted as an officer would."""

import json

import pytest
from django.utils import timezone

from kopru.core.enums import Visibility
from kopru.sources.models import FetchLog, Source

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_status_page_shows_each_source_with_its_last_fetch(client, cast):
    feed = Source.objects.create(
        name="Ministry feed", url="https://example.org/rss.xml", last_fetched_at=timezone.now()
    )
    Source.objects.create(name="Quiet page", url="https://example.org/press/", kind="page")
    now = timezone.now()
    FetchLog.objects.create(source=feed, started_at=now, finished_at=now, outcome="ok", new_items=3)
    FetchLog.objects.create(
        source=feed,
        started_at=now + timezone.timedelta(minutes=60),
        finished_at=now,
        outcome="http_error",
        http_status=503,
        message="https://example.org/rss.xml answered HTTP 503.",
    )
    client.force_login(cast.staff_a)

    page = client.get("/sources/").content.decode()

    assert "Ministry feed" in page and "Quiet page" in page
    assert "HTTP error" in page
    assert "https://example.org/rss.xml answered HTTP 503." in page
    assert "never" in page  # the page source not fetched yet


def test_staff_add_a_source_with_the_form_and_internal_ones_belong_to_their_side(client, cast):
    client.force_login(cast.staff_a)
    response = client.post(
        "/sources/new/",
        {
            "name": "  Embassy   notes ",
            "url": "https://example.org/embassy/",
            "kind": "page",
            "language": "zh",
            "publisher": "Embassy",
            "interval_minutes": 120,
            "visibility": Visibility.INTERNAL,
            "active": "on",
        },
    )
    source = Source.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/sources/{source.pk}/"
    assert (source.name, source.kind, source.language, source.owner_side, source.created_by) == (
        "Embassy notes",
        "page",
        "zh",
        "TR",
        cast.staff_a,
    )


def test_a_bad_form_is_shown_again_with_its_errors_and_saves_nothing(client, cast):
    client.force_login(cast.staff_a)
    response = client.post(
        "/sources/new/",
        {"name": "X", "url": "not a url", "kind": "feed", "language": "en", "interval_minutes": 1},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"url", "interval_minutes", "visibility"}
    assert Source.objects.count() == 0


def test_the_api_refuses_a_duplicate_url_with_a_clear_error(client, cast):
    Source.objects.create(name="Ministry feed", url="https://example.org/rss.xml")
    client.force_login(cast.staff_a)
    response = client.post(
        "/api/sources/",
        data=json.dumps({"name": "Again", "url": "https://example.org/rss.xml"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "payload", "url"],
                "msg": "Source with this URL already exists.",
                "type": "value_error",
            }
        ]
    }
    assert Source.objects.count() == 1


def test_the_status_page_and_api_list_take_as_many_queries_for_three_sources_as_for_one(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.staff_a)

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    now = timezone.now()
    for n in range(3):
        source = Source.objects.create(name=f"Feed {n}", url=f"https://example.org/{n}.xml")
        FetchLog.objects.create(source=source, started_at=now, finished_at=now, outcome="ok", new_items=n)
        if n == 0:
            one = (queries("/sources/"), queries("/api/sources/"))
    assert (queries("/sources/"), queries("/api/sources/")) == one
