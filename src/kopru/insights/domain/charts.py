"""Every table insights draws, by name: the export views and the API read them from here."""

from __future__ import annotations

from kopru.insights.domain import callstats, commitments, graph, overview, provinces
from kopru.insights.domain.scope import Scope, ScopeError
from kopru.insights.domain.tables import Table

GRAPH_DAYS = 365


def _calls(index):
    return lambda scope, user: callstats.call_tables(scope, user)[index]


def _delivery(index):
    return lambda scope, user: commitments.delivery_tables(commitments.commitments(scope, user))[index]


BUILDERS = {
    "sectors": overview.sector_table,
    "quarters": overview.quarter_table,
    "commitments": lambda scope, user: commitments.commitment_table(commitments.commitments(scope, user)),
    "delivery-quarter": _delivery(0),
    "delivery-sector": _delivery(1),
    "delivery-counterpart": _delivery(2),
    "graph": lambda scope, user: graph.edge_table(graph.graph(scope, user)),
    "provinces": lambda scope, user: provinces.province_table(scope, user)[0],
    "calls-topic": _calls(0),
    "calls-country": _calls(1),
    "calls-institution": _calls(2),
    "calls-reviewers": _calls(3),
}


def build(name: str, scope: Scope, user) -> Table:
    try:
        builder = BUILDERS[name]
    except KeyError:
        raise ScopeError(f"unknown table {name!r}") from None
    return builder(scope, user)


def chart_data(table: Table, label_key: str, series: list[str]) -> dict:
    """What a chart draws: labels, one list of numbers per series and the link behind each bar, all
    read from the table (a test checks they equal the table's and the API's numbers)."""
    return {
        "name": table.name,
        "labels": [row[label_key] for row in table.rows],
        "series": [
            {"key": key, "label": label, "data": [row[key] for row in table.rows]}
            for key, label in ((k, str(dict(table.columns)[k])) for k in series)
        ],
        "links": [{key: links.get(key, "") for key in series} for links in table.links],
    }
