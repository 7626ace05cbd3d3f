"""The data migration reads titles generated before parts were stored back into parts; typed ones stay."""

import importlib

import pytest
from django.apps import apps
from django.utils import translation

from kopru.engage.models import Engagement
from tests.factories import EngagementFactory

pytestmark = [pytest.mark.django_db]

migration = importlib.import_module("kopru.engage.migrations.0005_generated_titles_as_parts")


def test_generated_titles_become_parts_and_typed_titles_stay_typed():
    old = {
        "visit": EngagementFactory(
            kind="visit", title="Visit to Farasis Energy (Jiangxi): Mehmet Fatih Kacır"
        ),
        "meeting": EngagementFactory(
            kind="meeting", title="Meeting in Beijing: Mehmet Fatih Kacır, Yin Hejun"
        ),
        "typed": EngagementFactory(kind="meeting", title="Talks on battery supply chains"),
    }

    migration.store_parts(apps, None)

    rows = {key: Engagement.objects.get(pk=e.pk) for key, e in old.items()}
    assert rows["visit"].title_parts == {
        "kind": "visit",
        "place": "Jiangxi",
        "people": ["Mehmet Fatih Kacır"],
        "hosts": ["Farasis Energy"],
    }
    assert rows["typed"].title_parts == {}
    with translation.override("tr"):
        assert [str(rows[key]) for key in ("visit", "meeting", "typed")] == [
            "Farasis Energy ziyareti (Jiangxi): Mehmet Fatih Kacır",
            "Toplantı (Beijing): Mehmet Fatih Kacır, Yin Hejun",
            "Talks on battery supply chains",
        ]
