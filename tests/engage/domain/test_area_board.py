"""The cooperation-areas board: cards count what the reader may see and date the last real activity."""

import datetime

import pytest
from django.utils import timezone, translation

from kopru.core.enums import Visibility
from kopru.engage.domain.area_board import board_rows
from tests.conftest import client_for
from tests.factories import AgreementFactory, AreaFactory, EngagementFactory, sector

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _language_restored():
    # A request in another language leaves that language active in the thread; later tests expect English.
    with translation.override(translation.get_language()):
        yield


def _card(rows, area):
    return next(card for row in rows for cell in row.cells for card in cell if card.area == area)


def test_a_card_counts_only_the_engagements_and_agreements_its_reader_may_see(cast):
    area = AreaFactory(status="agreed", status_since=datetime.date(2024, 3, 1))
    shared = EngagementFactory(start_date=datetime.date(2024, 5, 20))
    secret = EngagementFactory(
        start_date=datetime.date(2024, 9, 9), visibility=Visibility.INTERNAL, owner_side="CN"
    )
    area.engagements.add(shared, secret)
    area.agreements.add(AgreementFactory(signed_date=datetime.date(2024, 7, 8)))

    side_a = _card(board_rows(cast.staff_a), area)
    assert (side_a.engagements, side_a.agreements, side_a.last_activity) == (1, 1, datetime.date(2024, 7, 8))
    side_b = _card(board_rows(cast.staff_b), area)
    assert (side_b.engagements, side_b.agreements, side_b.last_activity) == (2, 1, datetime.date(2024, 9, 9))


def test_a_planned_meeting_is_not_activity_and_an_empty_area_has_none(cast):
    future = timezone.localdate() + datetime.timedelta(days=30)
    busy = AreaFactory(status_since=datetime.date(2024, 1, 10))
    busy.engagements.add(EngagementFactory(status="planned", start_date=future))
    empty = AreaFactory(sector=sector("solar"), status_since=None)

    rows = board_rows(cast.staff_a)
    assert (_card(rows, busy).engagements, _card(rows, busy).last_activity) == (1, datetime.date(2024, 1, 10))
    assert (_card(rows, empty).engagements, _card(rows, empty).last_activity) == (0, None)


def test_each_sector_is_a_row_and_each_card_sits_in_its_status_column(cast):
    battery = AreaFactory(status="in_progress")
    solar = AreaFactory(sector=sector("solar"), status="proposed")
    rows = board_rows(cast.staff_a)
    by_sector = {row.sector.code: [[card.area for card in cell] for cell in row.cells] for row in rows}
    assert by_sector == {
        "battery": [[], [], [], [battery], []],
        "solar": [[solar], [], [], [], []],
    }
    assert board_rows(None) == []  # shared areas: nothing for an anonymous visitor


def test_the_board_page_names_the_countries_and_the_counts_in_each_language(client, cast, settings):
    area = AreaFactory(status="discussed", status_since=datetime.date(2024, 3, 1))
    area.engagements.add(EngagementFactory(), EngagementFactory())
    client = client_for(client, cast.staff_a)
    expected = {
        "en": ["Türkiye – China", "2 engagements · 0 agreements", "Last activity 2024-05-20"],
        "tr": ["Türkiye – Çin", "2 görüşme · 0 anlaşma", "Son etkinlik 2024-05-20"],
        "zh-hans": ["土耳其 – 中国", "2 次交流活动 · 0 项协议", "最近动态 2024-05-20"],
    }
    for language, texts in expected.items():
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        page = client.get("/areas/board/").content.decode()
        for text in texts:
            assert text in page, (language, text)
    assert "TR–CN" not in page
