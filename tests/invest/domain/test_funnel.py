"""`Deal.furthest_stage`, the funnel's input kept on the deal (kopru.invest.domain.funnel): after every write
path that touches what it summarises (stage changes; stage orders and phases) it equals the value counted
from the stage changes, and the home page's figures equal the deal-by-deal count."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.admin.sites import site
from django.db import connection
from django.utils import timezone

from kopru.invest.domain import funnel
from kopru.invest.domain.deals import create_deal, move_deal
from kopru.invest.domain.funnel import furthest_stage_by_hand, refresh_furthest_stage
from kopru.invest.domain.pipelines import create_pipeline, ensure_default_pipeline
from kopru.invest.domain.reports import pipeline_figures
from kopru.invest.enums import LostReason
from kopru.invest.models import Deal, Pipeline, StageChange
from tests.factories import CompanyProfileFactory, DealFactory, default_stage
from tests.invest.domain.test_reports import _by_hand
from tests.invest.views.test_pipelines import _formset_post
from tests.matrix import client_as

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _kept() -> dict[int, int | None]:
    return dict(Deal.objects.values_list("pk", "furthest_stage_id"))


def _counted() -> dict[int, int | None]:
    return {deal.pk: furthest_stage_by_hand(deal) for deal in Deal.objects.all()}


def assert_kept() -> None:
    """The column equals the count from the stage changes, and the funnel the deal-by-deal figures."""
    assert _kept() == _counted()
    for pipeline in Pipeline.objects.all():
        deals = Deal.objects.all()
        figures = {
            row.stage.code: (row.current, row.reached, row.announced, row.committed, row.weighted)
            for row in pipeline_figures(pipeline, deals)
        }
        assert figures == _by_hand(pipeline, list(deals.filter(pipeline=pipeline).select_related("stage")))


def _new_deal(cast, code: str = "lead", **fields) -> Deal:
    deal = Deal(
        title=fields.pop("title", "Cells"),
        company=CompanyProfileFactory(),
        pipeline=ensure_default_pipeline(),
        stage=default_stage(code),
        **fields,
    )
    return create_deal(deal, user=cast.staff_a)


def _move(deal: Deal, code: str, cast, **kwargs):
    lost_reason = LostReason.COMPETING_LOCATION if code == "lost" else ""
    return move_deal(deal, default_stage(code), user=cast.staff_a, lost_reason=lost_reason, **kwargs)


def test_a_new_deal_has_reached_its_first_stage(cast):
    deal = _new_deal(cast, "contacted")
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("contacted")
    assert_kept()


def test_moves_forward_back_to_lost_and_within_a_column(cast):
    deal = _new_deal(cast)
    other = _new_deal(cast, title="Other")
    _move(deal, "site_visit", cast)
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("site_visit")
    assert_kept()
    _move(deal, "contacted", cast)  # back: the furthest stays
    _move(deal, "lost", cast)  # lost stages are not in the funnel
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("site_visit")
    assert_kept()
    _move(deal, "proposal", cast)
    _move(other, "lead", cast, position=0)  # a reorder within the column: no stage change
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("proposal")
    assert Deal.objects.get(pk=other.pk).furthest_stage == default_stage("lead")
    assert_kept()


def test_an_overridden_move_is_counted(cast):
    deal = _new_deal(cast)
    deal.company = None
    deal.save()
    move_deal(deal, default_stage("agreement_signed"), user=cast.admin, override_reason="signed on paper")
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("agreement_signed")
    assert_kept()


def test_a_deal_saved_from_a_copy_read_before_a_move_keeps_the_moved_value(cast):
    deal = _new_deal(cast)
    stale = Deal.objects.get(pk=deal.pk)  # e.g. an edit form opened before the move
    _move(deal, "negotiation", cast)
    stale.summary = "edited"
    stale.save()
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("negotiation")
    assert Deal.objects.get(pk=deal.pk).summary == "edited"
    assert_kept()


def test_the_edit_page_and_the_api_leave_it_alone(client, cast):
    deal = _new_deal(cast, announced_amount=5)
    _move(deal, "site_visit", cast)
    client = client_as(client, cast, "staff_a")
    response = client.patch(
        f"/api/invest/deals/{deal.pk}", {"summary": "via the API"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("site_visit")
    assert_kept()


def test_a_move_through_the_page_and_the_api(client, cast):
    deal = _new_deal(cast)
    client = client_as(client, cast, "staff_a")
    response = client.post(f"/invest/deals/{deal.pk}/move/", {"stage": default_stage("proposal").pk})
    assert response.status_code in (200, 302)
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("proposal")
    response = client.post(
        f"/api/invest/deals/{deal.pk}/move", {"stage": "negotiation"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("negotiation")
    assert_kept()


def test_stage_changes_written_or_deleted_directly(cast):
    deal = DealFactory()  # no stage change yet: in no funnel row
    assert Deal.objects.get(pk=deal.pk).furthest_stage is None
    far = StageChange.objects.create(deal=deal, to_stage=default_stage("proposal"), at=timezone.now())
    StageChange.objects.create(deal=deal, to_stage=default_stage("contacted"), at=timezone.now())
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("proposal")
    far.to_stage = default_stage("site_visit")
    far.save()
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("site_visit")
    far.delete()
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("contacted")
    assert_kept()


def test_deleting_a_deal_deletes_its_changes_without_a_refresh(cast, monkeypatch):
    deal = _new_deal(cast)
    _move(deal, "contacted", cast)
    kept = _new_deal(cast, title="Kept")
    refreshed = []
    monkeypatch.setattr(funnel, "refresh_furthest_stage", refreshed.append)
    deal.delete()
    Deal.objects.filter(pk=kept.pk).delete()
    assert refreshed == []
    assert not Deal.objects.exists()


def test_reordering_stages_in_the_editor_recounts_the_pipeline(client, cast):
    pipeline = ensure_default_pipeline()
    deal = _new_deal(cast)
    _move(deal, "site_visit", cast)
    _move(deal, "contacted", cast)
    stayed = _new_deal(cast, title="Stayed")
    stages = {stage.code: stage for stage in pipeline.stages.all()}
    index = {stage.pk: i for i, stage in enumerate(pipeline.stages.order_by("order"))}
    data = _formset_post(
        pipeline,
        **{
            f"stages-{index[stages['contacted'].pk]}-order": stages["site_visit"].order,
            f"stages-{index[stages['site_visit'].pk]}-order": stages["contacted"].order,
        },
    )
    response = client_as(client, cast, "staff_a").post(f"/invest/pipelines/{pipeline.pk}/edit/", data)
    assert response.status_code == 302
    assert Deal.objects.get(pk=deal.pk).furthest_stage == stages["contacted"]  # now the later of the two
    assert Deal.objects.get(pk=stayed.pk).furthest_stage == stages["lead"]
    assert_kept()


def test_a_stage_turned_lost_in_the_editor_leaves_the_funnel(client, cast):
    pipeline = ensure_default_pipeline()
    deal = _new_deal(cast)
    _move(deal, "contacted", cast)
    _move(deal, "proposal", cast)
    index = list(pipeline.stages.order_by("order")).index(default_stage("proposal"))
    data = _formset_post(pipeline, **{f"stages-{index}-phase": "lost"})
    response = client_as(client, cast, "staff_a").post(f"/invest/pipelines/{pipeline.pk}/edit/", data)
    assert response.status_code == 302
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("contacted")
    assert_kept()
    data = _formset_post(pipeline, **{f"stages-{index}-phase": "open"})
    assert client.post(f"/invest/pipelines/{pipeline.pk}/edit/", data).status_code == 302
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("proposal")
    assert_kept()


def test_the_api_rewriting_a_pipeline_recounts_it(client, cast):
    client = client_as(client, cast, "staff_a")
    stages = [
        {"code": "lead", "name": "Lead", "order": 1, "phase": "open", "probability": 10},
        {"code": "visit", "name": "Site visit", "order": 2, "phase": "open", "probability": 25},
        {"code": "lost", "name": "Lost", "order": 3, "phase": "lost", "probability": 0},
    ]
    created = client.post(
        "/api/invest/pipelines/", {"name": "Batteries", "stages": stages}, content_type="application/json"
    )
    assert created.status_code == 201, created.content
    pipeline = Pipeline.objects.get(pk=created.json()["id"])
    deal = Deal(
        title="Cells",
        pipeline=pipeline,
        stage=pipeline.stages.get(code="lead"),
        company=CompanyProfileFactory(),
    )
    create_deal(deal, user=cast.staff_a)
    move_deal(deal, pipeline.stages.get(code="visit"), user=cast.staff_a)
    move_deal(deal, pipeline.stages.get(code="lead"), user=cast.staff_a)
    assert Deal.objects.get(pk=deal.pk).furthest_stage.code == "visit"
    stages[0]["order"], stages[1]["order"] = 2, 1
    changed = client.patch(
        f"/api/invest/pipelines/{pipeline.pk}", {"stages": stages}, content_type="application/json"
    )
    assert changed.status_code == 200, changed.content
    assert Deal.objects.get(pk=deal.pk).furthest_stage.code == "lead"
    assert_kept()


def test_the_admin_saving_a_pipeline_recounts_it(rf, cast):
    pipeline = ensure_default_pipeline()
    deal = _new_deal(cast)
    _move(deal, "contacted", cast)
    contacted = default_stage("contacted")
    contacted.phase = "lost"
    contacted.save()  # what the admin's stage inline does, then save_related
    site._registry[Pipeline].save_related(
        rf.post("/"), SimpleNamespace(instance=pipeline, save_m2m=lambda: None), [], True
    )
    assert Deal.objects.get(pk=deal.pk).furthest_stage == default_stage("lead")
    assert_kept()


def test_the_migration_fills_the_column_and_a_refresh_after_bulk_writes(cast):
    other = create_pipeline(
        "Energy",
        stages=[
            ("lead", "Lead", "open", 10),
            ("built", "Built", "delivery", 90),
            ("lost", "Lost", "lost", 0),
        ],
    )
    for path in (("lead",), ("lead", "contacted", "lost"), ("lead", "proposal", "site_visit"), ()):
        deal = _new_deal(cast)
        for code in path[1:]:
            _move(deal, code, cast)
    energy = Deal(
        title="Wind", pipeline=other, stage=other.stages.get(code="lead"), company=CompanyProfileFactory()
    )
    create_deal(energy, user=cast.staff_a)
    move_deal(energy, other.stages.get(code="built"), user=cast.admin, override_reason="test")
    counted = _counted()
    assert counted[energy.pk] == other.stages.get(code="built").pk
    Deal.objects.update(furthest_stage=None)
    migration = importlib.import_module("kopru.invest.migrations.0004_deal_furthest_stage")
    migration.fill(apps, SimpleNamespace(connection=connection))
    assert _kept() == counted
    Deal.objects.update(furthest_stage=None)
    assert refresh_furthest_stage(Deal.objects.all()) == sum(1 for v in counted.values() if v is not None)
    assert refresh_furthest_stage(Deal.objects.all()) == 0  # nothing left to write
    assert_kept()


def test_the_home_page_reads_the_column_in_one_statement(client, cast, django_assert_num_queries):
    deal = _new_deal(cast, announced_amount=5)
    _move(deal, "proposal", cast)
    client = client_as(client, cast, "staff_a")
    client.get("/invest/")
    queries = 6 if connection.vendor == "postgresql" else 7
    with django_assert_num_queries(queries) as captured:
        response = client.get("/invest/")
    assert not any("invest_stagechange" in query["sql"] for query in captured.captured_queries)
    reached = dict(
        zip(response.context["chart"]["labels"], response.context["chart"]["reached"], strict=True)
    )
    assert (reached["Lead"], reached["Proposal"], reached["Negotiation"]) == (1, 1, 0)
