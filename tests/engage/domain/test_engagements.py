"""Creating and merging engagements reported by documents."""

import datetime

import pytest

from kopru.core.enums import Visibility
from kopru.core.models import Evidence
from kopru.engage.domain.engagements import ReportedEngagement, find_same_engagement, record_engagement
from kopru.engage.models import Engagement
from tests.factories import DocumentFactory, PersonFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

TEXT = "Kacır met Yin Hejun in Beijing. Kacır then met Jin Zhuanglong in Beijing."


@pytest.fixture
def people():
    return {name: PersonFactory(name=name) for name in ("Kacır", "Yin Hejun", "Jin Zhuanglong")}


def report(people, *names, date=datetime.date(2024, 5, 20), evidence=(0, 30)):
    return ReportedEngagement(
        kind="meeting",
        status="held",
        date=date,
        place="Beijing",
        people=[people[name] for name in names],
        sector_codes=["ev"],
        summary="Talks.",
        evidence=evidence,
    )


def test_the_same_meeting_from_two_outlets_is_one_engagement_with_two_sources(people):
    one, two = DocumentFactory(text=TEXT), DocumentFactory(text=TEXT + " ")
    first = record_engagement(report(people, "Kacır", "Yin Hejun"), one)
    later = report(people, "Yin Hejun", "Kacır", date=datetime.date(2024, 5, 22))
    assert record_engagement(later, two) == first
    assert Engagement.objects.count() == 1
    assert set(Evidence.objects.filter(object_id=first.pk).values_list("document", flat=True)) == {
        one.pk,
        two.pk,
    }
    assert (first.title, list(first.sectors.values_list("code", flat=True))) == (
        "Meeting in Beijing: Kacır, Yin Hejun",
        ["ev"],
    )


def test_a_ministers_two_meetings_on_one_trip_stay_two(people):
    document, other = DocumentFactory(text=TEXT), DocumentFactory(text=TEXT + " ")
    with_yin = record_engagement(report(people, "Kacır", "Yin Hejun"), document)
    with_jin = record_engagement(report(people, "Kacır", "Jin Zhuanglong", evidence=(32, 70)), document)
    assert with_yin != with_jin
    # another outlet's report of the meeting with Jin joins that one, not the meeting with Yin
    assert record_engagement(report(people, "Jin Zhuanglong", "Kacır"), other) == with_jin
    # a report naming only the minister matches neither two-person meeting of another day
    assert find_same_engagement(report(people, "Kacır", date=datetime.date(2024, 6, 1)), other) is None


def test_only_engagements_the_caller_may_change_are_merged_into(people):
    hidden = Engagement.objects.create(
        kind="meeting",
        title="Internal",
        start_date=datetime.date(2024, 5, 20),
        place="Beijing",
        visibility=Visibility.INTERNAL,
        owner_side="TR",
    )
    hidden.people.add(people["Kacır"], people["Yin Hejun"])
    reported = report(people, "Kacır", "Yin Hejun")
    document = DocumentFactory(text=TEXT)
    assert find_same_engagement(reported, document) == hidden
    within = Engagement.objects.exclude(visibility=Visibility.INTERNAL)
    created = record_engagement(reported, document, within=within)
    assert created != hidden
    assert (created.visibility, created.owner_side) == (document.visibility, document.owner_side)
    assert not Evidence.objects.filter(object_id=hidden.pk, content_type__model="engagement").exists()
