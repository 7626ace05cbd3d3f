"""Insights pages, exports and API: numbers, visibility, agreement between chart, table and API."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.contrib.auth.models import AnonymousUser

from kopru.core.enums import Visibility
from kopru.engage.enums import ActionStatus
from kopru.insights.domain import commitments, overview
from kopru.insights.domain.scope import ScopeError, scope_from_params
from tests.factories import ActionFactory
from tests.insights.builders import activity, area, days

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _json_script(response, element_id):
    html = response.content.decode()
    start = html.index(f'id="{element_id}"')
    start = html.index(">", start) + 1
    return json.loads(html[start : html.index("</script>", start)])


def test_overview_counts_each_kind_per_sector(cast):
    area("battery")
    activity(2, code="battery")
    activity(1, code="solar")
    table = overview.sector_table(scope_from_params({}), cast.staff_a)
    rows = {row["code"]: row for row in table.rows}
    assert rows["battery"] == {
        "sector": rows["battery"]["sector"],
        "code": "battery",
        "status": "Agreed",
        "engagements": 2,
        "agreements": 2,
        "deals": 2,
        "proposals": 0,
        "total": 6,
        "status_key": "agreed",
    }
    assert rows["solar"]["total"] == 3
    assert rows["solar"]["status"] == "no area"


def test_other_sides_internal_records_are_not_counted(cast):
    activity(1, code="battery", visibility=Visibility.INTERNAL, owner_side="TR")
    activity(1, code="battery", visibility=Visibility.SHARED)
    for user, expected in ((cast.staff_a, 2), (cast.staff_b, 1), (cast.admin, 2)):
        rows = overview.sector_table(scope_from_params({}), user).rows
        assert [row["engagements"] for row in rows] == [expected]


def test_chart_table_and_api_agree(client, cast):
    activity(2, code="battery")
    activity(1, code="solar")
    client.force_login(cast.staff_a)
    page = client.get("/insights/")
    chart = _json_script(page, "quarters-data")
    table = page.context["quarters_table"]
    api = client.get("/api/insights/tables/quarters").json()
    assert api["rows"] == table.rows
    for series in chart["series"]:
        assert series["data"] == [row[series["key"]] for row in api["rows"]]
    assert chart["labels"] == [row["quarter"] for row in api["rows"]]
    exported = list(
        csv.reader(io.StringIO(client.get("/insights/export/quarters.csv").content.decode("utf-8-sig")))
    )
    assert exported[1:] == [[str(value) for value in row] for row in table.values()]
    engagements = next(series for series in chart["series"] if series["key"] == "engagements")
    assert sum(engagements["data"]) == 3


def test_a_cell_opens_the_records_it_counts(client, cast):
    activity(2, code="battery")
    client.force_login(cast.staff_a)
    table = client.get("/insights/").context["sectors_table"]
    url = table.links[0]["engagements"]
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["count"] == table.rows[0]["engagements"] == 2


def test_commitments_put_overdue_and_slipping_first_and_rate_delivery(cast):
    _person, made = activity(1, code="battery")
    engagement = made[0][0]
    kept = ActionFactory(title="kept", engagement=engagement, due_date=days(30), status=ActionStatus.OPEN)
    kept.status = ActionStatus.DONE
    kept.save()
    slipping = ActionFactory(title="slipping", engagement=engagement, due_date=days(5))
    slipping.due_date = days(40)
    slipping.save()
    items = commitments.commitments(scope_from_params({}), cast.staff_a)
    assert [(item.title, item.status) for item in items] == [
        ("battery action 0 shared", "overdue"),
        ("slipping", "slipping"),
        ("kept", "kept"),
    ]
    rate = commitments.delivery_tables(items)[1].rows
    assert rate == [{"group": rate[0]["group"], "due": 2, "kept": 1, "kept_late": 0, "missed": 1, "rate": 50}]


def test_bad_parameters_are_explained_not_crashed(client, cast):
    client.force_login(cast.staff_a)
    response = client.get("/insights/?start=yesterday")
    assert response.status_code == 400
    assert "is not a date" in response.content.decode()
    refused = client.get("/api/insights/tables/sectors?pair=TR-TR")
    assert refused.status_code == 422
    assert refused.json() == {
        "detail": [
            {
                "loc": ["query", "pair"],
                "msg": "A pair is two different country codes, like TR-CN.",
                "type": "value_error",
            }
        ]
    }
    assert client.get("/api/insights/tables/nope").status_code == 404
    with pytest.raises(ScopeError):
        scope_from_params({"sector": "no-such-sector"})


def test_map_table_counts_deals_by_province(client, cast):
    activity(2, code="battery")
    client.force_login(cast.staff_a)
    response = client.get("/insights/map/")
    rows = response.context["table"].rows
    assert [(row["province"], row["deals"]) for row in rows] == [("Manisa", 2)]
    assert response.content.decode().count("<path ") == 81


def test_province_shapes_sit_where_the_provinces_are():
    from kopru.insights.domain.provinces import shapes

    where = {p["name"]: (p["x"], p["y"]) for p in shapes()["provinces"]}
    assert len(where) == 81
    assert where["Edirne"][0] < where["Manisa"][0] < where["Konya"][0] < where["Kars"][0]
    assert where["Sinop"][1] < where["Ankara"][1] < where["Antalya"][1]


def test_graph_links_people_who_met(client, cast):
    person, made = activity(2, code="battery")
    other = made[0][0].people.create(name="Li Test", visibility=Visibility.PUBLIC)
    client.force_login(cast.staff_a)
    data = client.get("/api/insights/graph").json()
    assert data["edges"] == [{"source": f"p{person.pk}", "target": f"p{other.pk}", "weight": 1}]
    assert {node["label"] for node in data["nodes"]} == {"Ayşe Test", "Li Test"}


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get("/insights/").status_code == 302
    assert client.get("/api/insights/tables/sectors").status_code == 401


def test_commitments_for_the_public_skip_internal_ones(cast):
    activity(1, code="battery", visibility=Visibility.INTERNAL, owner_side="TR")
    assert commitments.commitments(scope_from_params({}), AnonymousUser()) == []
