import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kopru.core.domain.evidence import attach_evidence
from kopru.core.enums import Visibility
from kopru.core.models import Document
from kopru.engage.models import Engagement
from tests.factories import ClaimFactory, DocumentFactory, EngagementFactory, PersonFactory, country, sector

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_staff_create_an_engagement_with_two_participants(client, cast):
    kacir = PersonFactory(name="Mehmet Fatih Kacır")
    yin = PersonFactory(name="Yin Hejun")
    client.force_login(cast.staff_a)
    response = client.post(
        "/engagements/new/",
        {
            "kind": "meeting",
            "title": "Ministerial meeting in Beijing",
            "status": "held",
            "start_date": "2024-05-20",
            "place": "Beijing",
            "country": "CN",
            "people": [kacir.pk, yin.pk],
            "sectors": [sector("ev").pk, sector("battery").pk],
            "visibility": "shared",
        },
    )
    engagement = Engagement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/engagements/{engagement.pk}/"
    assert set(engagement.people.all()) == {kacir, yin}
    assert engagement.country == country("CN")
    assert engagement.history.earliest().history_type == "+"
    assert {entry.history_user for entry in engagement.history.all()} == {cast.staff_a}


def test_invalid_forms_come_back_with_field_errors(client, cast):
    client.force_login(cast.staff_a)
    future = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
    response = client.post(
        "/engagements/new/",
        {"kind": "meeting", "title": "", "status": "held", "start_date": future, "visibility": "shared"},
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"title", "start_date"}
    assert Engagement.objects.count() == 0


def test_staff_internal_records_are_filed_under_their_own_side(client, cast):
    client.force_login(cast.staff_b)
    client.post("/people/new/", {"name": "Wang Wentao", "visibility": "internal", "owner_side": "TR"})
    person = PersonFactory._meta.model.objects.get(name="Wang Wentao")
    assert (person.visibility, person.owner_side) == ("internal", "CN")


def test_edit_records_history(client, cast):
    engagement = EngagementFactory(title="Meeting", place="Ankara", status="planned")
    client.force_login(cast.staff_a)
    response = client.post(
        f"/engagements/{engagement.pk}/edit/",
        {
            "kind": "meeting",
            "title": "Meeting",
            "status": "held",
            "start_date": "2024-05-20",
            "place": "Beijing",
            "visibility": "shared",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/engagements/{engagement.pk}/history/")
    changes = [
        (c["field"], c["old"], c["new"]) for entry in page.context["entries"] for c in entry["changes"]
    ]
    assert ("place", "Ankara", "Beijing") in changes
    assert ("status", "Planned", "Held") in changes  # labels, not the stored codes
    assert page.context["entries"][0]["record"].history_user == cast.staff_a


def test_list_filters_sorts_and_paginates(client, cast, settings):
    settings.KOPRU_PAGE_SIZE = 2
    EngagementFactory(title="B visit", kind="visit", start_date=datetime.date(2024, 5, 21))
    EngagementFactory(title="A meeting", kind="meeting", start_date=datetime.date(2024, 5, 20))
    EngagementFactory(title="C meeting", kind="meeting", start_date=datetime.date(2024, 5, 22))
    client.force_login(cast.staff_a)
    meetings = client.get("/engagements/?kind=meeting&sort=title")
    assert [e.title for e in meetings.context["page"].object_list] == ["A meeting", "C meeting"]
    page_two = client.get("/engagements/?sort=-start_date&page=2")
    assert [e.title for e in page_two.context["page"].object_list] == ["A meeting"]
    htmx = client.get("/engagements/?q=visit", headers={"HX-Request": "true"})
    assert next(t.name for t in htmx.templates) == "ui/record_rows.html"
    assert [e.title for e in htmx.context["page"].object_list] == ["B visit"]


def test_search_without_diacritics_finds_people_with_them(client, cast):
    kacir = PersonFactory(name="Mehmet Fatih Kacır")
    PersonFactory(name="Yin Hejun")
    response = client.get("/search/?q=Kacir")
    assert response.status_code == 200
    people = next(group for group in response.context["groups"] if group.slug == "people")
    assert people.results == []  # shared record, anonymous visitor
    client.force_login(cast.staff_b)
    people = next(g for g in client.get("/search/?q=kacir").context["groups"] if g.slug == "people")
    assert people.results == [kacir]


def test_document_detail_highlights_evidence(client, cast):
    document = DocumentFactory(text="Kacır met <Yin Hejun> in Beijing.", visibility=Visibility.PUBLIC)
    person = PersonFactory(name="Yin Hejun", visibility=Visibility.PUBLIC)
    evidence = attach_evidence(person, document, 10, 21)
    page = client.get(f"/documents/{document.pk}/")
    assert f'<mark id="ev-{evidence.pk}">&lt;Yin Hejun&gt;</mark>' in page.content.decode()
    person_page = client.get(f"/people/{person.pk}/").content.decode()
    assert f"/documents/{document.pk}/#ev-{evidence.pk}" in person_page
    assert "<mark>&lt;Yin Hejun&gt;</mark>" in person_page


def test_upload_stores_once_and_points_to_the_existing_document(client, cast):
    client.force_login(cast.staff_a)
    upload = SimpleUploadedFile("release.txt", "Minister Kacır visited Beijing.".encode())
    first = client.post("/documents/upload/", {"files": upload, "visibility": "shared"}, follow=True)
    document = Document.objects.get()
    batch = document.ingest_items.get().batch
    assert first.redirect_chain == [(f"/intel/batches/{batch.pk}/", 302)]
    assert [str(m) for m in first.context["messages"]] == ["1 file(s) received; extraction is running."]
    again = SimpleUploadedFile("copy.txt", "Minister Kacır visited Beijing.".encode())
    second = client.post("/documents/upload/", {"files": again, "visibility": "shared"}, follow=True)
    assert second.redirect_chain == [(f"/documents/{document.pk}/", 302)]
    assert [str(m) for m in second.context["messages"]] == ["This document is already stored; here it is."]
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "The submitted file is empty."),
        (b"\x00\x01\x02binary" * 50, "Binary content, not text."),
    ],
)
def test_unreadable_uploads_are_refused_with_a_reason(client, cast, content, error):
    client.force_login(cast.staff_a)
    response = client.post(
        "/documents/upload/", {"files": SimpleUploadedFile("x.txt", content), "visibility": "shared"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["files"] == [error]
    assert Document.objects.count() == 0


def test_turkish_interface(client, cast):
    client.force_login(cast.staff_a)
    client.post("/i18n/setlang/", {"language": "tr", "next": "/"})
    page = client.get("/")
    assert page.context["LANGUAGE_CODE"] == "tr"
    assert "Görüşmeler" in page.content.decode()


def test_unknown_ids_are_404_not_500(client, cast):
    client.force_login(cast.admin)
    assert client.get("/engagements/999999/").status_code == 404
    assert client.get("/engagements/not-a-number/").status_code == 404
    assert client.get("/no-such-type/").status_code == 404


def test_the_claims_metric_filter_names_each_metric_in_the_readers_language(client, cast):
    ClaimFactory(metric="rank")
    ClaimFactory(metric="amount", value=5_000_000)
    client.force_login(cast.staff_a)
    client.post("/i18n/setlang/", {"language": "tr", "next": "/"})
    filters = {option.name: option for option in client.get("/claims/").context["filters"]}
    assert filters["metric"].choices == [("amount", "tutar"), ("rank", "sıra")]
