"""The board shows at most 25 cards per column with "show more", one stage menu for the whole board, and
a constant number of queries whatever the number of deals (issue 14: 3,472 cards, 3.8 MB, 3.5 s)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kopru.core.enums import Visibility
from kopru.invest.domain.board import CARDS_PER_COLUMN
from kopru.invest.models import Deal
from tests.factories import CompanyProfileFactory, DealFactory, default_stage
from tests.matrix import client_as

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _many_leads(n: int) -> list[Deal]:
    company = CompanyProfileFactory()
    lead = default_stage("lead")
    deals = [
        Deal(
            title=f"Lead {i:03d}",
            company=company,
            pipeline=lead.pipeline,
            stage=lead,
            stage_since=timezone.now(),
            position=i,
            visibility=Visibility.SHARED,
        )
        for i in range(n)
    ]
    return Deal.objects.bulk_create(deals)


def test_a_column_shows_the_first_25_cards_and_says_how_many_more(client, cast):
    _many_leads(CARDS_PER_COLUMN + 7)
    response = client_as(client, cast, "staff_a").get("/invest/board/")
    lead = response.context["columns"][0]
    assert (lead.stage.code, lead.total, len(lead.deals), lead.more) == ("lead", 32, 25, 7)
    assert [deal.title for deal in lead.deals][:2] == ["Lead 000", "Lead 001"]
    html = response.content.decode()
    assert html.count('class="deal-card"') == 25
    assert "Show more (7 left)" in html
    assert f'hx-get="/invest/board/stages/{lead.stage.pk}/?offset=25"' in html


def test_show_more_returns_the_next_cards_of_that_column(client, cast):
    _many_leads(CARDS_PER_COLUMN + 7)
    lead = default_stage("lead")
    client = client_as(client, cast, "staff_a")
    response = client.get(f"/invest/board/stages/{lead.pk}/?offset=25", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert [deal.title for deal in response.context["column"].deals] == [
        f"Lead {i:03d}" for i in range(25, 32)
    ]
    html = response.content.decode()
    assert "<html" not in html and "Show more" not in html
    whole_page = client.get(f"/invest/board/stages/{lead.pk}/?offset=25")
    assert "<html" in whole_page.content.decode()


@pytest.mark.parametrize("offset", ["-1", "x", "99999999999999999999"])
def test_a_bad_offset_is_a_400_with_the_reason(client, cast, offset):
    lead = default_stage("lead")
    response = client_as(client, cast, "staff_a").get(f"/invest/board/stages/{lead.pk}/?offset={offset}")
    assert response.status_code == 400
    assert "offset" in response.content.decode()


def test_the_board_has_one_stage_menu_not_one_per_card(client, cast):
    _many_leads(5)
    html = client_as(client, cast, "staff_a").get("/invest/board/").content.decode()
    assert html.count('<select name="stage"') == 1
    assert html.count('class="move-open"') == 5


def test_the_board_counts_only_what_the_reader_may_see(client, cast):
    DealFactory(title="internal", visibility=Visibility.INTERNAL, owner_side="TR")
    DealFactory(title="shared")
    for role, expected in (("staff_a", 2), ("staff_b", 1)):
        lead = client_as(client, cast, role).get("/invest/board/").context["columns"][0]
        assert (lead.total, len(lead.deals)) == (expected, expected)


def test_board_queries_do_not_grow_with_deals(client, cast):
    client = client_as(client, cast, "staff_a")
    _many_leads(1)
    DealFactory(stage=default_stage("contacted"))
    with CaptureQueriesContext(connection) as one:
        client.get("/invest/board/")
    _many_leads(60)
    DealFactory(stage=default_stage("contacted"))
    DealFactory(stage=default_stage("site_visit"))
    with CaptureQueriesContext(connection) as many:
        response = client.get("/invest/board/")
    assert len(many) == len(one)
    assert len(response.content) < 60_000


def _expected_columns(pipeline, deals):
    """The board's definition, one plain query a column: what both ways of reading it must give."""
    expected = []
    for stage in pipeline.stages.order_by("order"):
        in_stage = deals.filter(pipeline=pipeline, stage=stage).order_by("position", "pk")
        expected.append((stage.code, in_stage.count(), [deal.pk for deal in in_stage[:CARDS_PER_COLUMN]]))
    return expected


def test_board_columns_match_one_query_per_column_for_each_side(cast):
    """PostgreSQL reads all columns in two queries (array subqueries); SQLite a query a column. Either way
    a column holds the first cards by (position, id) of what the reader may see, and counts only those."""
    from kopru.core import access
    from kopru.invest.domain.board import board_columns

    lead, contacted = default_stage("lead"), default_stage("contacted")
    leads = _many_leads(CARDS_PER_COLUMN + 3)
    Deal.objects.filter(pk__in=[deal.pk for deal in leads[:6]]).update(
        visibility=Visibility.INTERNAL, owner_side="TR"
    )
    Deal.objects.filter(pk__in=[deal.pk for deal in leads[6:9]]).update(
        visibility=Visibility.INTERNAL, owner_side="CN"
    )
    for position in (3, 1, 1):  # ties on position are ordered by id
        DealFactory(stage=contacted, position=position)
    hidden_company = CompanyProfileFactory(visibility=Visibility.INTERNAL, owner_side="CN")
    DealFactory(stage=contacted, company=hidden_company, position=0)
    # (a company user's deals join their company: PostgreSQL reads them through the ORM's statements, the
    # others through the statements written around the deals' condition)
    for role in ("staff_a", "staff_b", "admin", "company", "reviewer"):
        user = cast.by_role()[role]
        deals = access.visible_to(Deal.objects.all(), user)
        columns = board_columns(lead.pipeline, deals)
        got = [(column.stage.code, column.total, [deal.pk for deal in column.deals]) for column in columns]
        assert got == _expected_columns(lead.pipeline, deals), role
        assert [column.stage.code for column in columns][:2] == ["lead", "contacted"]


def test_board_cards_escape_titles_and_hide_companies_the_reader_may_not_see(client, cast):
    hidden = CompanyProfileFactory(
        organisation__name="Secret Holdings",
        organisation__visibility=Visibility.INTERNAL,
        organisation__owner_side="CN",
    )
    DealFactory(title='<b>"Cells" & co</b>', company=hidden, announced_amount=1234, currency="USD")
    html = client_as(client, cast, "staff_a").get("/invest/board/").content.decode()
    assert "&lt;b&gt;&quot;Cells&quot; &amp; co&lt;/b&gt;" in html
    assert "<b>" not in html.split('class="kanban"')[1]
    assert "Secret Holdings" not in html
    assert "USD 1,234m" in html


def test_board_reads_at_most_eight_queries_on_postgresql(client, cast, django_assert_max_num_queries):
    """Session, user, pipeline, the pipelines, then (PostgreSQL) the stages with their card ids and counts
    and the cards: 15 queries before, one per column (issue 14)."""
    client = client_as(client, cast, "staff_a")
    _many_leads(30)
    for code in ("contacted", "site_visit", "proposal"):
        DealFactory(stage=default_stage(code))
    ceiling = 8 if connection.vendor == "postgresql" else 20
    with django_assert_max_num_queries(ceiling):
        assert client.get("/invest/board/").status_code == 200
