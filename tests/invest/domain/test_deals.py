"""Stage moves: the rules, the admin override, the history they leave, and positions on the board."""

from __future__ import annotations

import pytest
from django.utils import timezone

from kopru.invest.domain.deals import StageMoveRefused, create_deal, move_deal
from kopru.invest.domain.pipelines import create_pipeline, ensure_default_pipeline
from kopru.invest.enums import DEFAULT_STAGES, LostReason
from kopru.invest.models import Deal, StageChange
from tests.factories import CompanyProfileFactory, DealFactory, default_stage

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_default_pipeline_has_the_stages_of_the_issue():
    pipeline = ensure_default_pipeline()
    assert [stage.code for stage in pipeline.stages.order_by("order")] == [
        "lead",
        "contacted",
        "site_visit",
        "proposal",
        "negotiation",
        "agreement_signed",
        "under_construction",
        "operating",
        "lost",
    ]
    assert ensure_default_pipeline() == pipeline


def test_creating_a_deal_records_its_first_stage(cast):
    deal = Deal(
        title="Cells",
        company=CompanyProfileFactory(),
        pipeline=ensure_default_pipeline(),
        stage=default_stage("lead"),
    )
    create_deal(deal, user=cast.staff_a, note="first contact at the fair")
    change = StageChange.objects.get(deal=deal)
    assert (change.from_stage, change.to_stage, change.by, change.note) == (
        None,
        default_stage("lead"),
        cast.staff_a,
        "first contact at the fair",
    )


def test_a_move_is_logged_with_who_when_and_from_where(cast):
    deal = DealFactory()
    before = timezone.now()
    change = move_deal(deal, default_stage("contacted"), user=cast.staff_a, note="called the CEO")
    deal.refresh_from_db()
    assert deal.stage == default_stage("contacted")
    assert (change.from_stage, change.to_stage, change.by, change.note, change.overridden) == (
        default_stage("lead"),
        default_stage("contacted"),
        cast.staff_a,
        "called the CEO",
        False,
    )
    assert change.at >= before and deal.stage_since == change.at


def test_operating_without_a_signed_agreement_is_refused_with_a_reason(cast):
    deal = DealFactory()
    with pytest.raises(StageMoveRefused) as refusal:
        move_deal(deal, default_stage("operating"), user=cast.staff_a)
    assert (
        refusal.value.reason
        == "“Operating” needs a signed agreement: move the deal to the agreement stage first."
    )
    deal.refresh_from_db()
    assert deal.stage == default_stage("lead")
    assert StageChange.objects.filter(deal=deal).count() == 0


def test_staff_cannot_override_a_refusal(cast):
    deal = DealFactory()
    with pytest.raises(StageMoveRefused):
        move_deal(deal, default_stage("operating"), user=cast.staff_a, override_reason="I say so")


def test_an_admin_override_is_logged(cast):
    deal = DealFactory()
    change = move_deal(
        deal, default_stage("operating"), user=cast.admin, override_reason="Plant opened before we tracked it"
    )
    assert (change.overridden, change.override_reason) == (True, "Plant opened before we tracked it")
    deal.refresh_from_db()
    assert deal.stage == default_stage("operating")


def test_signing_sets_the_agreement_date_and_opens_construction(cast):
    deal = DealFactory()
    move_deal(deal, default_stage("agreement_signed"), user=cast.staff_a)
    move_deal(deal, default_stage("under_construction"), user=cast.staff_a)
    deal.refresh_from_db()
    assert deal.agreement_signed_on == timezone.localdate()
    assert deal.stage == default_stage("under_construction")


def test_an_agreement_needs_a_company(cast):
    deal = DealFactory(company=None)
    with pytest.raises(StageMoveRefused) as refusal:
        move_deal(deal, default_stage("agreement_signed"), user=cast.staff_a)
    assert refusal.value.reason == "An agreement needs a company: set the deal's company first."


def test_lost_needs_a_known_reason_and_admins_cannot_skip_it(cast):
    deal = DealFactory()
    with pytest.raises(StageMoveRefused) as refusal:
        move_deal(deal, default_stage("lost"), user=cast.admin, override_reason="whatever")
    assert refusal.value.reason == "Say why the deal was lost."
    with pytest.raises(StageMoveRefused):
        move_deal(deal, default_stage("lost"), user=cast.staff_a, lost_reason="bored")
    move_deal(deal, default_stage("lost"), user=cast.staff_a, lost_reason=LostReason.FINANCING)
    deal.refresh_from_db()
    assert (deal.stage, deal.lost_reason) == (default_stage("lost"), LostReason.FINANCING)
    move_deal(deal, default_stage("contacted"), user=cast.staff_a, note="back on")
    deal.refresh_from_db()
    assert (deal.stage, deal.lost_reason) == (default_stage("contacted"), "")


def test_a_stage_of_another_pipeline_is_refused_even_for_admins(cast):
    other = create_pipeline("Energy desk", stages=DEFAULT_STAGES)
    deal = DealFactory()
    with pytest.raises(StageMoveRefused) as refusal:
        move_deal(deal, other.stages.get(code="contacted"), user=cast.admin, override_reason="x")
    assert refusal.value.reason == "That stage belongs to another pipeline."


def test_positions_in_a_column_stay_dense_after_a_drop(cast):
    first, second, third = DealFactory(), DealFactory(), DealFactory()
    contacted = default_stage("contacted")
    for deal in (first, second):
        move_deal(deal, contacted, user=cast.staff_a)
    move_deal(third, contacted, user=cast.staff_a, position=0)
    column = list(Deal.objects.filter(stage=contacted).order_by("position").values_list("pk", "position"))
    assert column == [(third.pk, 0), (first.pk, 1), (second.pk, 2)]
    move_deal(first, contacted, user=cast.staff_a, position=2)  # reorder within the column: no history row
    column = list(Deal.objects.filter(stage=contacted).order_by("position").values_list("pk", flat=True))
    assert column == [third.pk, second.pk, first.pk]
    assert StageChange.objects.filter(deal=first).count() == 1
