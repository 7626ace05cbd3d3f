"""Enumerating routes for permission-matrix tests: each app's matrix proves it covers its own routes."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver

from kopru.api import api
from kopru.core.enums import Visibility

ROLES = ["admin", "staff_a", "staff_b", "company", "reviewer", "anonymous"]

EVERYONE = dict.fromkeys(ROLES, 200)

# A record of each visibility: (visibility, owner_side).
VISIBILITIES = {
    "internal_a": (Visibility.INTERNAL, "TR"),
    "shared": (Visibility.SHARED, ""),
    "public": (Visibility.PUBLIC, ""),
}

# URL prefixes owned by apps with their own matrix test (tests/<app>/test_*permission_matrix*.py).
APP_PREFIXES = ("intel/", "invest/", "calls/", "insights/", "sources/")


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


def expect(admin, staff_a, staff_b, company, reviewer, anonymous) -> dict:
    """The expected outcome for each role, in the order of ROLES."""
    return dict(zip(ROLES, (admin, staff_a, staff_b, company, reviewer, anonymous), strict=True))


def on_success(expected: dict, status) -> dict:
    """`expected` with each 200 replaced by `status` (302 for a POST that redirects, 204 for a DELETE)."""
    return {role: (status if outcome == 200 else outcome) for role, outcome in expected.items()}


def view_outcomes(anonymous) -> dict[str, dict]:
    """Who may read a record of each of VISIBILITIES under the core rules (others get 404); `anonymous`
    is what a visitor gets where reading needs a sign-in (a login redirect on a page, 401 from the API)."""
    return {
        "internal_a": expect(200, 200, 404, 404, 404, anonymous),
        "shared": expect(200, 200, 200, 404, 404, anonymous),
        "public": dict(EVERYONE),
    }


def change_outcomes(anonymous) -> dict[str, dict]:
    """Who may change a record of each of VISIBILITIES: staff who may read it; company users and reviewers
    are refused (403) a public record they can read."""
    view = view_outcomes(anonymous)
    return {
        "internal_a": view["internal_a"],
        "shared": view["shared"],
        "public": expect(200, 200, 200, 403, 403, anonymous),
    }
