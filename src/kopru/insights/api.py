"""/api/insights/: every insights table by name (the numbers the charts draw), and the relationship graph.

Same rules as the pages: a signed-in caller (token or session) sees what they may read; anonymous callers
get 401. Bad parameters are 422 with the reason.
"""

from __future__ import annotations

from django.http import HttpResponse
from ninja import Router, Schema
from ninja.errors import HttpError

from kopru.insights.domain import charts, graph
from kopru.insights.domain.memo import remembered
from kopru.insights.domain.scope import ScopeError, scope_from_params
from kopru.ui.errors import NON_FIELD, field_error, unprocessable

router = Router()


class Column(Schema):
    key: str
    label: str


class TableOut(Schema):
    name: str
    title: str
    columns: list[Column]
    rows: list[dict]


class Node(Schema):
    id: str
    label: str
    kind: str
    engagements: int
    url: str


class Edge(Schema):
    source: str
    target: str
    weight: int


class GraphOut(Schema):
    nodes: list[Node]
    edges: list[Edge]


def _user(request):
    if not request.user.is_authenticated:
        raise HttpError(401, "Sign in or send a token to read insights.")
    return request.user


def _scope(request, **kwargs):
    try:
        return scope_from_params(request.GET, **kwargs)
    except ScopeError as error:
        raise unprocessable(field_error(["query", error.param or NON_FIELD], str(error))) from None


@router.get("/tables/", response=list[str], operation_id="insights_table_names")
def table_names(request):
    """The names of the tables (for /api/insights/tables/{name})."""
    _user(request)
    return list(charts.BUILDERS)


@router.get("/tables/{name}", response=TableOut, operation_id="insights_table")
def table(request, name: str, pair: str = "", sector: str = "", start: str = "", end: str = ""):
    """One table with the numbers its chart draws. Filters: pair (TR-CN), sector (code), start, end."""
    user = _user(request)
    if name not in charts.BUILDERS:
        raise HttpError(404, "No such table")
    scope = _scope(request, default_days=charts.GRAPH_DAYS if name == "graph" else None)
    return charts.build(name, scope, user).as_data()


@router.get("/graph", response=GraphOut, operation_id="insights_graph")
def relationship_graph(request, pair: str = "", sector: str = "", start: str = "", end: str = ""):
    """Who met whom over a period (default: the last year); edge weight = engagements together."""
    user = _user(request)
    scope = _scope(request, default_days=charts.GRAPH_DAYS)
    # Validated against GraphOut and serialised once per reader class, scope and data version.
    body = remembered(
        "graph-json",
        user,
        (scope,),
        lambda: GraphOut.model_validate(graph.graph(scope, user)).model_dump_json(),
    )
    return HttpResponse(body, content_type="application/json")
