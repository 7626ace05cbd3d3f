"""The dashboard keeps each date on one line (a narrow column broke "2027-01-11" at its hyphen)."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import EngagementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "tr", "zh-hans"])
def test_an_engagement_date_is_one_unbreakable_cell(client, cast, language):
    EngagementFactory(start_date=datetime.date(2027, 1, 11))
    client.force_login(cast.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get("/").content.decode()
    translation.deactivate()  # the request left its language active in this thread
    assert '<td class="nowrap">2027-01-11</td>' in page
