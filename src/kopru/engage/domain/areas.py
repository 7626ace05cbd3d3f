"""The cooperation-area lifecycle: proposed → discussed → agreed → in progress → delivered."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kopru.core.domain.actors import Ownership, attach_spans
from kopru.core.enums import Visibility
from kopru.core.models import Country, Document, Sector
from kopru.engage.domain.engagements import engagements_sourced_from
from kopru.engage.enums import AREA_ORDER, AreaStatus
from kopru.engage.models import AreaTransition, CooperationArea


@transaction.atomic
def advance_area(
    area: CooperationArea, *, to_status: str, on_date: datetime.date | None = None, by=None, note: str = ""
) -> AreaTransition:
    """Move an area to another status. Going back is allowed (talks stall) but must say why."""
    if to_status not in AREA_ORDER:
        raise ValidationError({"to_status": _("Unknown status.")})
    if to_status == area.status:
        raise ValidationError({"to_status": _("The area already has this status.")})
    on_date = on_date or timezone.localdate()
    if on_date > timezone.localdate():
        raise ValidationError({"on_date": _("A status change cannot be dated in the future.")})
    moving_back = AREA_ORDER.index(to_status) < AREA_ORDER.index(area.status)
    if moving_back and not note.strip():
        raise ValidationError({"note": _("Say why the area moves back to an earlier status.")})
    last = area.transitions.order_by("-on_date").first()
    if last and on_date < last.on_date:
        raise ValidationError({"on_date": _("The date is before the area's previous status change.")})
    transition = AreaTransition.objects.create(
        area=area, from_status=area.status, to_status=to_status, on_date=on_date, note=note, by=by
    )
    area.status = to_status
    area.status_since = on_date
    area.save(update_fields=["status", "status_since", "updated_at"])
    return transition


def record_initial_status(area: CooperationArea, by=None) -> AreaTransition:
    return AreaTransition.objects.create(
        area=area,
        from_status="",
        to_status=area.status or AreaStatus.PROPOSED,
        on_date=area.status_since or timezone.localdate(),
        by=by,
    )


def _side_countries() -> tuple[Country, Country]:
    return Country.objects.get(code=settings.KOPRU_SIDE_A), Country.objects.get(code=settings.KOPRU_SIDE_B)


def _area_slot(ownership: Ownership) -> Q:
    """Which of the pair-and-sector's areas a record with `ownership` would be: each side may hold one
    internal area beside the one shared (or public) area (the model's two uniqueness rules)."""
    if ownership.visibility == Visibility.INTERNAL:
        return Q(visibility=Visibility.INTERNAL, owner_side=ownership.owner_side)
    return ~Q(visibility=Visibility.INTERNAL)


def record_area_mention(
    sector: Sector, document: Document, *, spans, areas: QuerySet, engagements: QuerySet
) -> CooperationArea:
    """A document names `sector` as a field of cooperation between the two sides: the area (created as
    "discussed" when new) gets the document's evidence and the document's engagements in that sector.

    `areas` and `engagements` are the records the caller may change; an area outside them is not touched."""
    country_a, country_b = _side_countries()
    pair = {"country_a": country_a, "country_b": country_b, "sector": sector}
    ownership = Ownership.of(document)
    slot = _area_slot(ownership)
    reachable = areas.filter(**pair)
    # The area in the document's own slot first (the shared one for a shared document, the side's internal
    # one for an internal document), else any other this acceptance may change. The other side's internal
    # area is never among them: it neither receives this evidence nor stops a visible area being created.
    area = reachable.filter(slot).order_by("pk").first() or reachable.order_by("pk").first()
    if area is None:
        if CooperationArea.objects.filter(**pair).filter(slot).exists():
            # The slot's area exists but this acceptance may not change it (e.g. an internal document of a
            # side whose internal area someone else's visibility rules keep out of reach).
            raise ValidationError(
                _("The cooperation area for this sector cannot be changed from this document.")
            )
        area = CooperationArea.objects.create(
            **pair,
            status=AreaStatus.DISCUSSED,
            status_since=document.published_date or timezone.localdate(),
            **ownership.as_fields(),
        )
        record_initial_status(area)
    area.engagements.add(*engagements.filter(engagements_sourced_from(document), sectors=sector))
    attach_spans(area, document, spans)
    return area
