"""The pipeline editor (pages and API): officers create and change pipelines and their stages — order,
probability, phase and names in three languages — with the rules kept (a lost stage, unique orders, no
stage deleted while it holds deals), instead of only the Django admin."""

from __future__ import annotations

import json

import pytest

from kopru.invest.domain.pipelines import ensure_default_pipeline
from kopru.invest.models import Pipeline, Stage
from tests.factories import DealFactory
from tests.matrix import client_as

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

TWO_STAGES = [
    {
        "code": "lead",
        "name": "Lead",
        "name_tr": "Aday",
        "name_zh": "线索",
        "order": 1,
        "phase": "open",
        "probability": 10,
    },
    {"code": "lost", "name": "Lost", "order": 2, "phase": "lost", "probability": 0},
]


def _api(client, method, path, body):
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


def _formset_post(pipeline: Pipeline, **changes) -> dict:
    stages = list(pipeline.stages.order_by("order"))
    data = {
        "name": pipeline.name,
        "name_tr": pipeline.name_tr,
        "name_zh": pipeline.name_zh,
        "description": "",
        "team": "",
        "is_default": "on" if pipeline.is_default else "",
        "stages-TOTAL_FORMS": str(len(stages)),
        "stages-INITIAL_FORMS": str(len(stages)),
        "stages-MIN_NUM_FORMS": "0",
        "stages-MAX_NUM_FORMS": "1000",
    }
    for index, stage in enumerate(stages):
        for field in ("code", "name", "name_tr", "name_zh", "order", "phase", "probability"):
            data[f"stages-{index}-{field}"] = getattr(stage, field)
        data[f"stages-{index}-id"] = stage.pk
        data[f"stages-{index}-pipeline"] = pipeline.pk
    data.update(changes)
    return data


def test_the_default_pipeline_has_its_name_in_three_languages(client, cast):
    pipeline = ensure_default_pipeline()
    assert (pipeline.name_tr, pipeline.name_zh) == ("Yatırım süreci", "投资项目流程")
    client = client_as(client, cast, "staff_a")
    client.cookies["django_language"] = "tr"
    assert "Yatırım süreci" in client.get("/invest/pipelines/").content.decode()


def test_an_officer_swaps_two_stages_and_renames_one_in_turkish(client, cast):
    pipeline = ensure_default_pipeline()
    lead, contacted = pipeline.stages.get(code="lead"), pipeline.stages.get(code="contacted")
    index = {stage.pk: i for i, stage in enumerate(pipeline.stages.order_by("order"))}
    data = _formset_post(
        pipeline,
        **{
            f"stages-{index[lead.pk]}-order": contacted.order,
            f"stages-{index[contacted.pk]}-order": lead.order,
            f"stages-{index[lead.pk]}-name_tr": "Aday yatırımcı",
            f"stages-{index[lead.pk]}-probability": 7,
        },
    )
    response = client_as(client, cast, "staff_a").post(f"/invest/pipelines/{pipeline.pk}/edit/", data)
    assert response.status_code == 302, response.context and response.context["stages"].errors
    lead.refresh_from_db()
    contacted.refresh_from_db()
    assert (lead.order, contacted.order, lead.probability, lead.name_tr) == (2, 1, 7, "Aday yatırımcı")
    from django.utils import translation

    with translation.override("tr"):
        assert lead.label == "Aday yatırımcı"


def test_the_stages_not_changed_keep_their_order(client, cast):
    """save_pipeline moves every order out of the way before the formset saves the changed stages; the
    unchanged ones used to keep the shifted order (10,001 for the lead, drawn after the stages edited)."""
    pipeline = ensure_default_pipeline()
    before = list(pipeline.stages.order_by("order").values_list("code", "order"))
    data = _formset_post(pipeline, **{"stages-1-order": 3, "stages-2-order": 2})
    response = client_as(client, cast, "staff_a").post(f"/invest/pipelines/{pipeline.pk}/edit/", data)
    assert response.status_code == 302
    after = list(pipeline.stages.order_by("order").values_list("code", "order"))
    assert after == [before[0], (before[2][0], 2), (before[1][0], 3), *before[3:]]


def test_two_stages_with_one_order_are_refused(client, cast):
    pipeline = ensure_default_pipeline()
    data = _formset_post(pipeline, **{"stages-0-order": 2, "stages-1-order": 2})
    response = client_as(client, cast, "staff_a").post(f"/invest/pipelines/{pipeline.pk}/edit/", data)
    assert response.status_code == 400
    assert list(pipeline.stages.order_by("order").values_list("order", flat=True))[:2] == [1, 2]


def test_a_stage_holding_deals_is_not_deleted(client, cast):
    deal = DealFactory()
    pipeline = deal.pipeline
    index = list(pipeline.stages.order_by("order")).index(deal.stage)
    data = _formset_post(pipeline, **{f"stages-{index}-DELETE": "on"})
    response = client_as(client, cast, "staff_a").post(f"/invest/pipelines/{pipeline.pk}/edit/", data)
    assert response.status_code == 400
    assert "cannot be deleted" in response.content.decode()
    assert Stage.objects.filter(pk=deal.stage_id).exists()


def test_the_api_creates_a_pipeline_and_replaces_its_stages(client, cast):
    client = client_as(client, cast, "staff_a")
    created = _api(client, "post", "/api/invest/pipelines/", {"name": "Batteries", "stages": TWO_STAGES})
    assert created.status_code == 201, created.content
    body = created.json()
    assert [(s["code"], s["order"], s["name_tr"]) for s in body["stages"]] == [
        ("lead", 1, "Aday"),
        ("lost", 2, ""),
    ]
    stages = [
        {"code": "lead", "name": "Lead", "order": 2, "phase": "open", "probability": 15},
        {"code": "visit", "name": "Site visit", "order": 1, "phase": "open", "probability": 25},
        {"code": "lost", "name": "Lost", "order": 3, "phase": "lost", "probability": 0},
    ]
    changed = _api(client, "patch", f"/api/invest/pipelines/{body['id']}", {"stages": stages})
    assert changed.status_code == 200, changed.content
    assert [(s["code"], s["probability"]) for s in changed.json()["stages"]] == [
        ("visit", 25),
        ("lead", 15),
        ("lost", 0),
    ]


def test_the_api_refuses_a_pipeline_without_a_lost_stage(client, cast):
    client = client_as(client, cast, "staff_a")
    response = _api(client, "post", "/api/invest/pipelines/", {"name": "No exit", "stages": TWO_STAGES[:1]})
    assert response.status_code == 422
    assert "lost deals" in response.content.decode()
    assert not Pipeline.objects.filter(name="No exit").exists()
