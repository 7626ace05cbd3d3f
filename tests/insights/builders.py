"""A small cooperation record for insights tests: one sector's worth of engagements, agreements, deals,
actions and claims, of a given visibility."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kopru.core.enums import Visibility
from kopru.engage.enums import ActionStatus, AreaStatus
from kopru.invest.models import StageChange
from tests.factories import (
    ActionFactory,
    AgreementFactory,
    AreaFactory,
    ClaimFactory,
    DealFactory,
    EngagementFactory,
    PersonFactory,
    country,
    sector,
)


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def activity(
    n: int = 1, *, code: str = "battery", visibility=Visibility.SHARED, owner_side: str = "", person=None
):
    """n engagements (with `person`), agreements, deals and actions in sector `code`."""
    person = person or PersonFactory(name="Ayşe Test", visibility=Visibility.PUBLIC)
    made = []
    for i in range(n):
        engagement = EngagementFactory(
            title=f"{code} meeting {i} {visibility}",
            start_date=days(-30 - i),
            country=country("TR"),
            visibility=visibility,
            owner_side=owner_side,
        )
        engagement.sectors.add(sector(code))
        engagement.people.add(person)
        agreement = AgreementFactory(
            title=f"{code} MoU {i} {visibility}", visibility=visibility, owner_side=owner_side
        )
        agreement.sectors.add(sector(code))
        deal = DealFactory(
            title=f"{code} deal {i} {visibility}",
            visibility=visibility,
            owner_side=owner_side,
            province="Manisa",
        )
        deal.sectors.add(sector(code))
        StageChange.objects.create(deal=deal, to_stage=deal.stage, at=timezone.now())
        action = ActionFactory(
            title=f"{code} action {i} {visibility}",
            engagement=engagement,
            due_date=days(-5),
            status=ActionStatus.OPEN,
            visibility=visibility,
            owner_side=owner_side,
        )
        ClaimFactory(
            speaker=person,
            sector=sector(code),
            visibility=visibility,
            owner_side=owner_side,
            engagement=engagement,
        )
        made.append((engagement, agreement, deal, action))
    return person, made


def area(code: str = "battery", status=AreaStatus.AGREED, visibility=Visibility.SHARED):
    return AreaFactory(sector=sector(code), status=status, visibility=visibility)
