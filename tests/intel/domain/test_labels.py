"""Event suggestions are labelled in the reader's language; the stored label is the English one."""

import pytest
from django.conf import settings
from django.utils import translation

from kopru.intel.domain.drafting import event_drafts
from kopru.intel.domain.labels import event_label, organisation_label
from kopru.intel.models import Suggestion
from tests.factories import DocumentFactory

EVENT = {
    "type": "meeting",
    "status": "held",
    "place": "Beijing",
    "date": "2024-05-01",
    "participants": ["Mehmet Fatih Kacır", "Yin Hejun"],
}


@pytest.mark.parametrize(
    ("language", "full", "bare"),
    [
        ("en", "Meeting (held) in Beijing on 2024-05-01: Mehmet Fatih Kacır, Yin Hejun", "Investment"),
        ("tr", "Toplantı (gerçekleştirildi), Beijing, 2024-05-01: Mehmet Fatih Kacır, Yin Hejun", "Yatırım"),
        ("zh-hans", "会谈（已举行），Beijing，2024-05-01：Mehmet Fatih Kacır、Yin Hejun", "投资"),
    ],
)
def test_an_event_label_reads_in_each_language(language, full, bare):
    with translation.override(language):
        assert event_label(EVENT) == full
        assert event_label({"type": "investment", "status": None, "participants": []}) == bare


def test_the_drafted_label_is_english_and_never_shows_a_missing_status():
    with translation.override("tr"):
        [draft] = event_drafts({"events": [{**EVENT, "status": None, "date": None}]})
    assert draft.label == "Meeting in Beijing: Mehmet Fatih Kacır, Yin Hejun"


@pytest.mark.django_db
def test_the_queue_shows_the_label_in_the_readers_language(client, cast):
    suggestion = Suggestion.objects.create(
        document=DocumentFactory(),
        kind="event",
        label="Meeting (held) in Beijing on 2024-05-01: Mehmet Fatih Kacır, Yin Hejun",
        payload=EVENT,
        fingerprint="f" * 64,
        confidence=0.9,
    )
    client.force_login(cast.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    body = client.get("/intel/queue/").content.decode()
    assert ">会谈（已举行），Beijing，2024-05-01：Mehmet Fatih Kacır、Yin Hejun</a>" in body
    page = client.get(suggestion.get_absolute_url()).content.decode()
    assert "会谈（已举行），Beijing，2024-05-01：Mehmet Fatih Kacır、Yin Hejun</h1>" in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Farasis Energy (Company, CN)"),
        ("tr", "Farasis Energy (Şirket, CN)"),
        ("zh-hans", "Farasis Energy（企业、CN）"),
    ],
)
def test_an_organisation_label_names_its_kind_in_each_language(language, expected):
    with translation.override(language):
        assert organisation_label({"name": "Farasis Energy", "kind": "company", "country": "CN"}) == expected
