"""Who met whom: people and organisations linked by the engagements they took part in together, over a
period and optionally in one sector. Edge weight = number of shared engagements."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from itertools import chain, combinations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopru.core.access import visible_to
from kopru.core.models import Organisation, Person
from kopru.engage.models import Engagement
from kopru.insights.domain import sources
from kopru.insights.domain.memo import remembered
from kopru.insights.domain.scope import Scope
from kopru.insights.domain.tables import Table

MAX_EDGES = 300


def graph(scope: Scope, user, *, max_edges: int = MAX_EDGES) -> dict:
    """{"nodes": [...], "edges": [...]} for Cytoscape; the heaviest `max_edges` edges and their nodes."""
    return remembered("graph", user, (scope, max_edges), lambda: _graph(scope, user, max_edges))


def _graph(scope: Scope, user, max_edges: int) -> dict:
    engagement_ids = sources.engagements(scope, user).values("pk")
    people_ids = visible_to(Person.objects.all(), user).values("pk")
    org_ids = visible_to(Organisation.objects.all(), user).values("pk")
    members: dict[int, list[str]] = defaultdict(list)
    for eid, pid in (
        Engagement.people.through.objects.filter(engagement_id__in=engagement_ids, person_id__in=people_ids)
        .values_list("engagement_id", "person_id")
        .order_by()
    ):
        members[eid].append(f"p{pid}")
    for eid, oid in (
        Engagement.organisations.through.objects.filter(
            engagement_id__in=engagement_ids, organisation_id__in=org_ids
        )
        .values_list("engagement_id", "organisation_id")
        .order_by()
    ):
        members[eid].append(f"o{oid}")
    # Counted by Counter's C loop over generators (tens of thousands of pairs in a year of engagements).
    degree = Counter(chain.from_iterable(members.values()))
    weights = Counter(chain.from_iterable(combinations(sorted(set(nodes)), 2) for nodes in members.values()))
    edges = heapq.nsmallest(max_edges, weights.items(), key=lambda item: (-item[1], item[0]))
    wanted = {node for (a, b), _w in edges for node in (a, b)}
    if not edges:  # people who met no one else still show
        wanted = {node for node, _n in degree.most_common(50)}
    people = dict(
        Person.objects.filter(pk__in=[int(n[1:]) for n in wanted if n[0] == "p"]).values_list("pk", "name")
    )
    orgs = dict(
        Organisation.objects.filter(pk__in=[int(n[1:]) for n in wanted if n[0] == "o"]).values_list(
            "pk", "name"
        )
    )
    person_url = reverse("insights:pack-person", args=[1])[: -len("1/")]
    org_url = reverse("insights:pack-organisation", args=[1])[: -len("1/")]
    nodes = []
    for node in sorted(wanted):
        pk = int(node[1:])
        if node[0] == "p":
            label, kind, pack = people.get(pk, ""), "person", f"{person_url}{pk}/"
        else:
            label, kind, pack = (
                orgs.get(pk, ""),
                "organisation",
                f"{org_url}{pk}/",
            )
        nodes.append({"id": node, "label": label, "kind": kind, "engagements": degree[node], "url": pack})
    return {
        "nodes": nodes,
        "edges": [{"source": a, "target": b, "weight": w} for (a, b), w in edges],
    }


def edge_table(data: dict) -> Table:
    labels = {node["id"]: node for node in data["nodes"]}
    table = Table(
        "graph",
        _("Who met whom"),
        [("a", _("participant")), ("b", _("participant")), ("weight", _("engagements together"))],
    )
    for edge in data["edges"]:
        a, b = labels[edge["source"]], labels[edge["target"]]
        table.add(
            {"a": a["label"], "b": b["label"], "weight": edge["weight"]}, {"a": a["url"], "b": b["url"]}
        )
    return table
