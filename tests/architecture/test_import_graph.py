"""The floors and the import graph: no module cycle, counting imports inside functions too.

import-linter (run by `make lint`) checks the direction between floors; this test checks what it does not:
that no two modules import each other in a circle, directly or through others. grimp reads every import
statement, function-level ones included, so an import moved into a function to dodge a cycle fails here.
"""

from __future__ import annotations

import sys

import grimp
import pytest

pytestmark = pytest.mark.unit


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(module: str) -> None:
        index[module] = low[module] = counter[0]
        counter[0] += 1
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for module in sorted(graph.modules):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return found


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("kopru", cache_dir=None)


def test_no_module_imports_itself_through_others(graph):
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    fake = grimp.ImportGraph()
    for name in ("a", "b", "c"):
        fake.add_module(name)
    fake.add_import(importer="a", imported="b")
    fake.add_import(importer="b", imported="c")
    fake.add_import(importer="c", imported="a")
    assert _cycles(fake) == [["a", "b", "c"]]


def test_domain_modules_never_import_their_tasks(graph):
    offenders = [
        (module, imported)
        for module in graph.modules
        if ".domain" in module
        for imported in graph.find_modules_directly_imported_by(module)
        if imported.endswith(".tasks")
    ]
    assert offenders == []
