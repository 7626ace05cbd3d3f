import datetime

import pytest
from django.core.exceptions import ValidationError

from kopru.engage.domain.areas import advance_area, record_initial_status
from tests.factories import AreaFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_an_area_moves_forward_with_dated_transitions(cast):
    area = AreaFactory(status_since=datetime.date(2024, 1, 10))
    record_initial_status(area, by=cast.staff_a)
    advance_area(area, to_status="discussed", on_date=datetime.date(2024, 5, 20), by=cast.staff_a)
    advance_area(area, to_status="agreed", on_date=datetime.date(2024, 7, 8), by=cast.staff_b)
    area.refresh_from_db()
    assert (area.status, area.status_since) == ("agreed", datetime.date(2024, 7, 8))
    assert [(t.from_status, t.to_status, t.on_date) for t in area.transitions.all()] == [
        ("", "proposed", datetime.date(2024, 1, 10)),
        ("proposed", "discussed", datetime.date(2024, 5, 20)),
        ("discussed", "agreed", datetime.date(2024, 7, 8)),
    ]


def test_moving_back_needs_a_reason():
    area = AreaFactory(status="agreed")
    with pytest.raises(ValidationError) as error:
        advance_area(area, to_status="discussed", on_date=datetime.date(2024, 8, 1))
    assert list(error.value.message_dict) == ["note"]
    advance_area(
        area, to_status="discussed", on_date=datetime.date(2024, 8, 1), note="Financing fell through"
    )
    assert area.status == "discussed"


def test_transitions_cannot_go_back_in_time_or_into_the_future():
    area = AreaFactory()
    advance_area(area, to_status="discussed", on_date=datetime.date(2024, 5, 20))
    with pytest.raises(ValidationError) as error:
        advance_area(area, to_status="agreed", on_date=datetime.date(2024, 5, 1))
    assert list(error.value.message_dict) == ["on_date"]
    with pytest.raises(ValidationError) as error:
        advance_area(area, to_status="agreed", on_date=datetime.date.today() + datetime.timedelta(days=3))
    assert list(error.value.message_dict) == ["on_date"]


def test_the_same_status_is_not_a_transition():
    area = AreaFactory()
    with pytest.raises(ValidationError):
        advance_area(area, to_status="proposed")
