import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import AgreementFactory, EngagementFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

FUTURE = datetime.date.today() + datetime.timedelta(days=30)


@pytest.mark.parametrize("status", ["held", "ongoing", "cancelled"])
def test_only_planned_engagements_may_be_in_the_future(status):
    engagement = EngagementFactory.build(status=status, start_date=FUTURE)
    with pytest.raises(ValidationError) as error:
        engagement.full_clean()
    assert list(error.value.message_dict) == ["start_date"]


def test_a_planned_engagement_may_be_in_the_future_or_undated():
    EngagementFactory.build(status="planned", start_date=FUTURE).full_clean()
    EngagementFactory.build(status="planned", start_date=None).full_clean()


def test_a_held_engagement_may_have_an_unknown_date():
    # Press reports often say "met in Beijing" without a date; the record keeps what is known.
    EngagementFactory.build(status="held", start_date=None).full_clean()


def test_a_signed_agreement_needs_its_date():
    with pytest.raises(ValidationError) as error:
        AgreementFactory.build(status="signed", signed_date=None).full_clean()
    assert list(error.value.message_dict) == ["signed_date"]
