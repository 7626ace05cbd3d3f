"""Enumerating routes for permission-matrix tests: each app's matrix proves it covers its own routes."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver

from kopru.api import api

ROLES = ["admin", "staff_a", "staff_b", "company", "reviewer", "anonymous"]

# URL prefixes owned by apps with their own matrix test (tests/<app>/test_*permission_matrix*.py).
APP_PREFIXES = ("intel/", "invest/", "calls/")


def url_names(prefix: str = "") -> set[str]:
    """Names of the web routes whose path starts with `prefix` (namespaced as "ns:name")."""

    def walk(patterns, path, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                yield from walk(pattern.url_patterns, path + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield path + str(pattern.pattern), name

    return {name for path, name in walk(get_resolver().url_patterns, "", "") if path.startswith(prefix)}


def api_operation_ids(prefix: str = "/") -> set[str]:
    """operation_ids of the API routes mounted under `prefix` (e.g. "/", "/invest/")."""
    operations = set()
    for mount, router in api._routers:
        if mount.rstrip("/") + "/" != prefix:
            continue
        for path_view in router.path_operations.values():
            operations |= {operation.operation_id for operation in path_view.operations}
    return operations


def client_as(client, cast, role):
    user = cast.by_role()[role]
    if user is not None:
        client.force_login(user)
    return client
