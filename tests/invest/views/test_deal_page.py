"""The deal page reads what it shows in few statements (issue 14): the lists it may show are read only when
the deal has rows in them, the pipeline's stages once, the timeline and the sectors by plain SQL, and the
move form is drawn once per language, stages and chosen stage. What it shows is what the querysets say."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from kopru.core.domain.evidence import attach_evidence
from kopru.core.domain.notes import add_note
from kopru.core.enums import Visibility
from kopru.core.models import Evidence, Note
from kopru.invest.domain.deal_page import any_rows, deal_sectors, pipeline_stages, timeline
from kopru.invest.domain.deals import move_deal, stage_history
from kopru.invest.domain.pipelines import ensure_default_pipeline
from kopru.invest.forms import MoveForm, move_form_html
from kopru.invest.models import Pipeline, Stage, StageChange
from tests.factories import DealFactory, DocumentFactory, EngagementFactory, default_stage, sector
from tests.matrix import client_as

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_a_deal_with_no_lists_costs_seven_statements_and_says_so(client, cast):
    """Session, user, deal, the lists' one question, stages, timeline, sectors: nothing else is read when
    the deal has no activity, attachment, evidence, note or audit-log entry."""
    deal = DealFactory(company=None)
    deal.history.all().delete()
    client = client_as(client, cast, "staff_a")
    client.get(f"/invest/deals/{deal.pk}/")  # the content types, the user's menu
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/invest/deals/{deal.pk}/")
    assert len(queries) == 7, [query["sql"][:80] for query in queries]
    body = response.content.decode()
    assert "No activities linked." in body and "No attachments." in body and "No notes." in body
    assert "Audit log" not in body and "<h2>Evidence</h2>" not in body


def test_any_rows_answers_for_every_reader_and_the_page_filters_what_it_reads(client, cast):
    """`any_rows` counts every row; the lists are then read through the reader's visibility filter, so a
    row only the other side may read makes a query more and shows nothing."""
    deal = DealFactory(company=None)
    assert any_rows(deal) == (False, False, False, False, True)  # the factory's save is in the history
    hidden = EngagementFactory(title="Side B only", visibility=Visibility.INTERNAL, owner_side="CN")
    deal.engagements.add(hidden)
    document = DocumentFactory(title="Side B memo", visibility=Visibility.INTERNAL, owner_side="CN")
    deal.attachments.add(document)
    attach_evidence(deal, document, 0, 8)
    add_note(deal, author=cast.staff_b, text="between us", visibility=Visibility.INTERNAL)
    assert any_rows(deal) == (True, True, True, True, True)
    body = client_as(client, cast, "staff_a").get(f"/invest/deals/{deal.pk}/").content.decode()
    assert "Side B" not in body and "between us" not in body
    assert "No activities linked." in body and "No attachments." in body and "No notes." in body
    body = client_as(client, cast, "staff_b").get(f"/invest/deals/{deal.pk}/").content.decode()
    assert "Side B only" in body and "Side B memo" in body and "between us" in body


def test_any_rows_counts_each_list_of_its_own_deal_only(cast):
    deal, other = DealFactory(company=None), DealFactory(company=None)
    other.engagements.add(EngagementFactory())
    add_note(other, author=cast.staff_a, text="other deal", visibility=Visibility.SHARED)
    Evidence.objects.filter(object_id=deal.pk).delete()
    assert any_rows(deal)[:4] == (False, False, False, False)
    assert ContentType.objects.get_for_model(Note).pk  # the content type of a note is not the deal's
    add_note(deal, author=cast.staff_a, text="this deal", visibility=Visibility.SHARED)
    assert any_rows(deal)[:4] == (False, False, False, True)


def test_the_timeline_and_sectors_are_what_the_querysets_give(cast):
    deal = DealFactory(company=None)
    deal.sectors.set([sector("battery"), sector("ev"), sector("solar")])
    move_deal(deal, default_stage("contacted"), user=cast.staff_a, note="first <call>")
    move_deal(deal, default_stage("lost"), user=None, lost_reason="financing")
    # a stage change into a stage of another pipeline (an administrator's repair): read by its key
    other = Pipeline.objects.create(name="Other pipeline")
    foreign = Stage.objects.create(pipeline=other, code="elsewhere", name="Elsewhere", order=1)
    StageChange.objects.create(deal=deal, from_stage=deal.stage, to_stage=foreign, at=timezone.now(), by=None)
    stages = pipeline_stages(deal)
    assert stages == list(ensure_default_pipeline().stages.order_by("order"))
    expected = [
        (
            c.at,
            c.from_stage,
            c.to_stage,
            c.by.username if c.by else None,
            c.note,
            c.overridden,
            c.override_reason,
        )
        for c in stage_history(deal)
    ]
    entries = timeline(deal, stages)
    assert [
        (e.at, e.from_stage, e.to_stage, e.by, e.note, e.overridden, e.override_reason) for e in entries
    ] == expected
    assert entries[-1].to_stage.label == "Elsewhere"
    for language in ("en", "tr", "zh-hans"):
        with translation.override(language):
            assert [str(s) for s in deal_sectors(deal)] == [str(s) for s in deal.sectors.all()]


@pytest.mark.parametrize("language", ["en", "tr", "zh-hans"])
@pytest.mark.parametrize("role", ["admin", "staff_a"])
@pytest.mark.parametrize("chosen", [None, "3", "x<y", ""])
def test_the_remembered_move_form_is_the_forms_own_html(cast, language, role, chosen):
    deal = DealFactory(company=None)
    user = cast.by_role()[role]
    initial = chosen if chosen is not None else deal.stage_id
    with translation.override(language):
        stages = pipeline_stages(deal)
        drawn = MoveForm(deal=deal, user=user, initial={"stage": initial}).as_p()
        assert move_form_html(deal, user, stages, initial) == drawn
        assert move_form_html(deal, user, stages, initial) == drawn  # remembered
    if role == "admin":
        assert "override_reason" in drawn


def test_a_renamed_stage_draws_a_new_move_form(cast):
    deal = DealFactory(company=None)
    user = cast.staff_a
    before = move_form_html(deal, user, pipeline_stages(deal), deal.stage_id)
    Stage.objects.filter(pk=deal.stage_id).update(name="Renamed lead")
    after = move_form_html(deal, user, pipeline_stages(deal), deal.stage_id)
    assert "Renamed lead" in after and "Renamed lead" not in before
