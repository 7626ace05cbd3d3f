"""The funnel and value by stage are SQL aggregates: the same figures as counting deal by deal, in a
number of queries that does not grow with deals or stage changes (issue 14: /invest/ at 37x the floor)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kopru.core.enums import Visibility
from kopru.invest.domain.pipelines import ensure_default_pipeline
from kopru.invest.domain.reports import pipeline_figures
from kopru.invest.enums import StagePhase
from kopru.invest.models import Deal, StageChange
from tests.factories import DealFactory, default_stage
from tests.matrix import client_as

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _history(deal: Deal, *codes: str) -> None:
    """Record the deal's path through `codes` (the last one is where it is now)."""
    previous = None
    for code in codes:
        stage = default_stage(code)
        StageChange.objects.create(deal=deal, from_stage=previous, to_stage=stage, at=timezone.now())
        previous = stage
    Deal.objects.filter(pk=deal.pk).update(stage=previous)


def _by_hand(pipeline, deals) -> dict[str, tuple]:
    """The figures counted deal by deal in Python (what the page did before)."""
    stages = list(pipeline.stages.order_by("order"))
    furthest: dict[int, int] = {}
    for change in StageChange.objects.filter(deal__in=deals).select_related("to_stage"):
        if change.to_stage.pipeline_id == pipeline.pk and change.to_stage.phase != StagePhase.LOST:
            furthest[change.deal_id] = max(furthest.get(change.deal_id, 0), change.to_stage.order)
    figures = {}
    for stage in stages:
        here = [deal for deal in deals if deal.stage_id == stage.pk]
        usd = [deal for deal in here if deal.currency == "USD"]
        reached = (
            len(here)
            if stage.phase == StagePhase.LOST
            else sum(1 for o in furthest.values() if o >= stage.order)
        )
        weighted = sum(
            (
                (d.committed_amount or d.announced_amount or Decimal(0)) * d.effective_probability / 100
                for d in usd
            ),
            Decimal(0),
        )
        figures[stage.code] = (
            len(here),
            reached,
            sum((d.announced_amount or 0 for d in usd), Decimal(0)),
            sum((d.committed_amount or 0 for d in usd), Decimal(0)),
            Decimal(weighted).quantize(Decimal("0.01")),
        )
    return figures


def test_the_sql_figures_equal_the_deal_by_deal_count(cast):
    a = DealFactory(announced_amount=Decimal("100"), probability=40)
    _history(a, "lead", "contacted", "site_visit")
    b = DealFactory(announced_amount=Decimal("50"), committed_amount=Decimal("30"))
    _history(b, "lead", "contacted", "site_visit", "negotiation", "lost")
    c = DealFactory(announced_amount=Decimal("70"), currency="EUR")
    _history(c, "lead")
    DealFactory(announced_amount=Decimal("9"))  # no stage change recorded: in no funnel row
    pipeline = ensure_default_pipeline()
    deals = Deal.objects.all()
    figures = {
        row.stage.code: (row.current, row.reached, row.announced, row.committed, row.weighted)
        for row in pipeline_figures(pipeline, deals)
    }
    assert figures == _by_hand(pipeline, list(deals.select_related("stage")))
    assert figures["site_visit"][1] == 2 and figures["negotiation"][1] == 1
    assert figures["site_visit"][4] == Decimal("40.00")  # 100 million at 40 %


def test_the_figures_count_only_the_deals_given(cast):
    shown = DealFactory(announced_amount=Decimal("10"))
    _history(shown, "lead", "contacted")
    hidden = DealFactory(visibility=Visibility.INTERNAL, owner_side="TR", announced_amount=Decimal("99"))
    _history(hidden, "lead", "contacted")
    pipeline = ensure_default_pipeline()
    contacted = next(
        row
        for row in pipeline_figures(pipeline, Deal.objects.filter(pk=shown.pk))
        if row.stage.code == "contacted"
    )
    assert (contacted.current, contacted.reached, contacted.announced) == (1, 1, Decimal("10"))


def test_the_overview_queries_do_not_grow_with_deals_or_history(client, cast):
    client = client_as(client, cast, "staff_a")
    _history(DealFactory(announced_amount=Decimal("5")), "lead", "contacted")
    with CaptureQueriesContext(connection) as one:
        assert client.get("/invest/").status_code == 200
    for _ in range(2):
        _history(DealFactory(announced_amount=Decimal("5")), "lead", "contacted", "site_visit", "negotiation")
    with CaptureQueriesContext(connection) as three:
        response = client.get("/invest/")
    assert len(three) == len(one)
    reached = dict(
        zip(response.context["chart"]["labels"], response.context["chart"]["reached"], strict=True)
    )
    assert reached["Contacted"] == 3 and reached["Negotiation"] == 2


def test_deals_of_one_stage_with_different_histories_add_up(cast, django_assert_max_num_queries):
    """PostgreSQL reads the value by stage and the funnel in one statement grouped by (stage now, furthest
    stage), then adds the groups up: deals now in one stage that went different ways are summed whole."""
    paths = [
        (("lead", "contacted", "site_visit", "negotiation", "contacted"), "100", "60", "5", 40),
        (("lead", "contacted"), "50", None, None, None),
        (("lead", "site_visit", "lead", "contacted"), "7.25", "1.5", None, 10),
        (("lead", "contacted", "lost", "contacted"), "3", None, "2", None),
    ]
    for codes, announced, committed, realised, probability in paths:
        deal = DealFactory(
            announced_amount=Decimal(announced),
            committed_amount=committed and Decimal(committed),
            realised_amount=realised and Decimal(realised),
            probability=probability,
        )
        _history(deal, *codes)
    _history(DealFactory(announced_amount=Decimal("1000"), currency="EUR"), "lead", "proposal", "contacted")
    pipeline = ensure_default_pipeline()
    deals = Deal.objects.all()
    with django_assert_max_num_queries(2 if connection.vendor == "postgresql" else 3):
        rows = pipeline_figures(pipeline, deals)
    figures = {
        row.stage.code: (row.current, row.reached, row.announced, row.committed, row.weighted) for row in rows
    }
    assert figures == _by_hand(pipeline, list(deals.select_related("stage")))
    contacted = next(row for row in rows if row.stage.code == "contacted")
    assert (contacted.current, contacted.announced, contacted.committed, contacted.realised) == (
        5,
        Decimal("160.25"),
        Decimal("61.5"),
        Decimal("7"),
    )
    assert figures["negotiation"][1] == 1 and figures["proposal"][1] == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement")
def test_the_weighted_sum_in_two_parts_equals_the_orm_aggregate(cast):
    """The statement sums amount × the deal's own probability, and the amounts of the deals without one,
    which the stage's probability multiplies afterwards: the same Decimal per stage as the ORM's
    SUM(amount × COALESCE(deal's, stage's probability))."""
    from kopru.invest.domain.reports import _value_and_histogram_postgresql, _value_by_stage
    from kopru.invest.models import Stage

    pipeline = ensure_default_pipeline()
    Stage.objects.filter(pipeline=pipeline, code="contacted").update(probability=15)
    Stage.objects.filter(pipeline=pipeline, code="site_visit").update(probability=35)
    for codes, announced, committed, probability in [
        (("lead", "contacted"), "100.10", None, None),
        (("lead", "contacted"), "12.34", "7.77", 40),
        (("lead", "contacted", "site_visit"), "0.01", None, None),
        (("lead", "site_visit"), "99999999.99", "123.45", None),
        (("lead", "site_visit"), "5", None, 0),
        (("lead",), "3", None, None),
    ]:
        deal = DealFactory(
            announced_amount=Decimal(announced),
            committed_amount=committed and Decimal(committed),
            probability=probability,
        )
        _history(deal, *codes)
    _history(DealFactory(announced_amount=Decimal("8"), currency="EUR", probability=50), "lead", "contacted")
    deals = Deal.objects.filter(pipeline=pipeline)
    stages = list(pipeline.stages.all())
    two_parts, _histogram = _value_and_histogram_postgresql(deals, {s.pk: s.probability for s in stages})
    orm = _value_by_stage(deals)
    assert set(two_parts) == set(orm)
    for stage_id, row in orm.items():
        for name in ("current", "announced", "committed", "realised", "weighted_percent"):
            assert two_parts[stage_id][name] == row[name], (stage_id, name)
            assert str(two_parts[stage_id][name]) == str(row[name]), (stage_id, name)
