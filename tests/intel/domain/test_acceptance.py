"""Accepting a sector suggestion: the cooperation area is the accepting side's to see (issue 11 leftover)."""

import pytest
from django.conf import settings

from kopru.core.enums import Visibility
from kopru.core.models import Evidence, Note
from kopru.engage.enums import AreaStatus
from kopru.engage.models import CooperationArea
from kopru.intel.domain.acceptance import Acceptance, accept_sector
from kopru.intel.domain.payloads import SectorFacts
from tests.factories import AreaFactory, DocumentFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SIDE_A, SIDE_B = settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B
TEXT = "Both ministries agreed to deepen cooperation on battery manufacturing."


@pytest.fixture
def side_as_internal_area(cast):
    area = AreaFactory(visibility=Visibility.INTERNAL, owner_side=SIDE_A, summary="canary-area-summary")
    Note.objects.create(
        author=cast.staff_a,
        text="canary-internal-note",
        record=area,
        visibility=Visibility.INTERNAL,
        owner_side=SIDE_A,
    )
    return area


def _evidence_on(area):
    return Evidence.objects.filter(content_type__model="cooperationarea", object_id=area.pk).count()


def test_a_shared_sector_mention_creates_a_shared_area_beside_the_other_sides_internal_one(
    cast, side_as_internal_area
):
    document = DocumentFactory(text=TEXT, visibility=Visibility.SHARED)

    area = accept_sector(SectorFacts("battery", [(31, 43)]), Acceptance(document, user=cast.staff_b))

    assert area.pk != side_as_internal_area.pk
    assert (area.visibility, area.owner_side, area.sector.code, area.status) == (
        Visibility.SHARED,
        "",
        "battery",
        AreaStatus.DISCUSSED,
    )
    assert (area.summary, _evidence_on(area)) == ("", 1)
    assert not Note.objects.filter(object_id=area.pk, content_type__model="cooperationarea").exists()
    # side A's internal area is untouched
    untouched = CooperationArea.objects.get(pk=side_as_internal_area.pk)
    assert (untouched.visibility, untouched.owner_side, untouched.summary) == (
        Visibility.INTERNAL,
        SIDE_A,
        "canary-area-summary",
    )
    assert _evidence_on(untouched) == 0


def test_side_bs_internal_document_gets_side_bs_own_internal_area(cast, side_as_internal_area):
    document = DocumentFactory(text=TEXT, visibility=Visibility.INTERNAL, owner_side=SIDE_B)

    area = accept_sector(SectorFacts("battery", [(31, 43)]), Acceptance(document, user=cast.staff_b))

    assert (area.visibility, area.owner_side) == (Visibility.INTERNAL, SIDE_B)
    assert CooperationArea.objects.filter(sector__code="battery").count() == 2
    assert _evidence_on(side_as_internal_area) == 0


def test_a_second_mention_uses_the_area_the_first_created(cast, side_as_internal_area):
    first = accept_sector(
        SectorFacts("battery", [(31, 43)]),
        Acceptance(DocumentFactory(text=TEXT, visibility=Visibility.SHARED), user=cast.staff_b),
    )
    second = accept_sector(
        SectorFacts("battery", [(31, 43)]),
        Acceptance(DocumentFactory(text=TEXT, visibility=Visibility.SHARED), user=cast.staff_a),
    )
    assert second.pk == first.pk
    assert _evidence_on(first) == 2
    assert _evidence_on(side_as_internal_area) == 0


def test_through_the_page_side_b_accepts_and_reads_the_area_without_side_as_notes(
    client, cast, side_as_internal_area
):
    document = DocumentFactory(text=TEXT, visibility=Visibility.SHARED)
    area = accept_sector(SectorFacts("battery", [(31, 43)]), Acceptance(document, user=cast.staff_b))
    client.force_login(cast.staff_b)
    response = client.get(area.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert "canary-internal-note" not in body and "canary-area-summary" not in body
    assert client.get(side_as_internal_area.get_absolute_url()).status_code == 404
