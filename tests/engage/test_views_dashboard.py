"""The dashboard keeps each date on one line (a narrow column broke "2027-01-11" at its hyphen)."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.utils import translation

from tests.conftest import client_for
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


def _cards(page: str) -> dict[str, int]:
    import re

    found = re.findall(r'<a class="card" href="/([a-z]+)/"><div class="n">(\d+)</div>', page)
    return {slug: int(count) for slug, count in found}


@pytest.mark.parametrize("role", ["admin", "staff_a", "staff_b", "company"])
def test_the_cards_count_what_each_reader_may_read(client, cast, role):
    # The small tables are counted in one statement (kopru.ui.pagination.counts_in_one_statement): each card
    # still counts exactly the rows its reader may read, a company reader's (a DISTINCT over a join) too.
    from kopru.core.access import visible_to
    from kopru.core.enums import Visibility
    from kopru.engage.models import Agreement, Engagement
    from tests.factories import AgreementFactory

    for visibility, side in [
        (Visibility.PUBLIC, ""),
        (Visibility.SHARED, ""),
        (Visibility.INTERNAL, settings.KOPRU_SIDE_A),
        (Visibility.INTERNAL, settings.KOPRU_SIDE_B),
    ]:
        engagement = EngagementFactory(visibility=visibility, owner_side=side)
        AgreementFactory(visibility=visibility, owner_side=side)
        if visibility != Visibility.INTERNAL:
            engagement.organisations.add(cast.company_organisation)
    user = getattr(cast, role)
    cards = _cards(client_for(client, user).get("/").content.decode())
    assert cards["engagements"] == visible_to(Engagement.objects.all(), user).count()
    assert cards["agreements"] == visible_to(Agreement.objects.all(), user).count()
    assert len(cards) == 7


def test_the_dashboard_asks_the_database_a_bounded_number_of_times(
    client, cast, django_assert_max_num_queries
):
    for _ in range(5):
        EngagementFactory()
    client.force_login(cast.staff_a)
    client.get("/")
    # session, user, the seven counts in one statement, latest engagements and their participants, actions
    with django_assert_max_num_queries(6):
        assert client.get("/").status_code == 200
