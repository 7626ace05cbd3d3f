"""Generated engagement titles: stored as parts, shown in the reader's language; typed titles stay typed."""

import pytest
from django.conf import settings
from django.utils import translation

from kopru.engage.domain.engagements import ReportedEngagement, record_engagement
from kopru.engage.enums import EngagementKind
from kopru.engage.models import Engagement
from kopru.engage.titles import parts_from_stored_title, render_title, stored_title
from tests.factories import DocumentFactory, EngagementFactory, OrganisationFactory, PersonFactory

VISIT = {
    "kind": "visit",
    "place": "Jiangxi",
    "people": ["Mehmet Fatih Kacır"],
    "hosts": ["Farasis Energy"],
}
MEETING = {"kind": "meeting", "place": "Beijing", "people": ["Mehmet Fatih Kacır", "Yin Hejun"], "hosts": []}
SIGNING = {"kind": "signing", "place": "", "people": ["Yin Hejun"], "hosts": []}
VISIT_TO_PLACE = {"kind": "visit", "place": "China", "people": ["Mehmet Fatih Kacır"], "hosts": []}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Visit to Farasis Energy (Jiangxi): Mehmet Fatih Kacır",
                "Meeting in Beijing: Mehmet Fatih Kacır, Yin Hejun",
                "Signing: Yin Hejun",
                "Visit to China: Mehmet Fatih Kacır",
            ],
        ),
        (
            "tr",
            [
                "Farasis Energy ziyareti (Jiangxi): Mehmet Fatih Kacır",
                "Toplantı (Beijing): Mehmet Fatih Kacır, Yin Hejun",
                "İmza töreni: Yin Hejun",
                "China ziyareti: Mehmet Fatih Kacır",
            ],
        ),
        (
            "zh-hans",
            [
                "访问Farasis Energy（Jiangxi）：Mehmet Fatih Kacır",
                "会谈（Beijing）：Mehmet Fatih Kacır、Yin Hejun",
                "签约仪式：Yin Hejun",
                "访问China：Mehmet Fatih Kacır",
            ],
        ),
    ],
)
def test_a_generated_title_reads_in_each_language(language, expected):
    with translation.override(language):
        assert [render_title(p) for p in (VISIT, MEETING, SIGNING, VISIT_TO_PLACE)] == expected


def test_the_stored_rendering_is_english_whatever_the_active_language():
    with translation.override("tr"):
        assert stored_title(MEETING) == "Meeting in Beijing: Mehmet Fatih Kacır, Yin Hejun"


@pytest.mark.parametrize("parts", [VISIT, MEETING, SIGNING, VISIT_TO_PLACE])
def test_an_english_title_written_before_parts_were_stored_is_read_back(parts):
    read = parts_from_stored_title(stored_title(parts), parts["kind"])
    assert read is not None
    with translation.override("tr"):
        assert render_title(read) == render_title(parts)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Talks on batteries", "meeting"),
        ("Meeting in Beijing", "visit"),  # the text does not fit the kind
        ("Signing ceremony: Yin Hejun", "signing"),  # not what the platform writes
    ],
)
def test_a_typed_title_is_not_mistaken_for_a_generated_one(title, kind):
    assert parts_from_stored_title(title, kind) is None


@pytest.mark.django_db
def test_an_accepted_report_is_titled_in_the_readers_language(client, cast):
    kacir = PersonFactory(name="Mehmet Fatih Kacır")
    farasis = OrganisationFactory(name="Farasis Energy")
    report = ReportedEngagement(
        kind=EngagementKind.VISIT,
        status="planned",
        date=None,
        place="Jiangxi",
        people=[kacir],
        organisations=[farasis],
    )
    with translation.override("zh-hans"):
        engagement = record_engagement(report, DocumentFactory())
    engagement.refresh_from_db()
    assert engagement.title == "Visit to Farasis Energy (Jiangxi): Mehmet Fatih Kacır"
    assert engagement.title_is_generated
    client.force_login(cast.staff_a)
    for language, title in [
        ("en", "Visit to Farasis Energy (Jiangxi): Mehmet Fatih Kacır"),
        ("tr", "Farasis Energy ziyareti (Jiangxi): Mehmet Fatih Kacır"),
        ("zh-hans", "访问Farasis Energy（Jiangxi）：Mehmet Fatih Kacır"),
    ]:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        detail = client.get(engagement.get_absolute_url()).content.decode()
        listing = client.get("/engagements/").content.decode()
        assert f"<title>{title}" in detail or f"<h1>{title} " in detail
        assert f">{title}</a>" in listing


@pytest.mark.django_db
def test_saving_a_generated_title_unchanged_in_turkish_keeps_it_generated_and_an_edit_makes_it_typed(cast):
    engagement = EngagementFactory(title=stored_title(MEETING), title_parts=MEETING)
    with translation.override("tr"):
        engagement.title = "Toplantı (Beijing): Mehmet Fatih Kacır, Yin Hejun"  # what the edit form showed
        engagement.save()
    engagement.refresh_from_db()
    assert (engagement.title, engagement.title_parts) == (
        "Meeting in Beijing: Mehmet Fatih Kacır, Yin Hejun",
        MEETING,
    )
    engagement.title = "Kacır and Yin on battery supply"
    engagement.save(update_fields=["title"])
    engagement = Engagement.objects.get(pk=engagement.pk)
    assert (engagement.title, engagement.title_parts, engagement.title_is_generated) == (
        "Kacır and Yin on battery supply",
        {},
        False,
    )
    with translation.override("zh-hans"):
        assert str(engagement) == "Kacır and Yin on battery supply"
