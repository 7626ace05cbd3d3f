"""Schemathesis over the OpenAPI schema, as a signed-in officer: no server errors, every response body as
documented and every status code declared (issue 14). Stateless over every operation, and stateful over
the record API: create → read → update through the links schemathesis infers from the schema (the id a
create returns feeds the read and the update). Few examples keep it inside the CI budget.

Requests go through the WSGI application, not Django's test client, so Django's request signals run:
at the start and end of each request `close_old_connections()` closes a connection that is not in
autocommit, such as one inside a test-wide transaction (SQLite's in-memory test database ignores that;
PostgreSQL then answers "the connection is closed"). So each run starts on a connection of its own and
its requests run as production's do, each in its own transaction (transaction=True); that also keeps a
refused write from aborting a shared transaction for every later request.
"""

import time

import pytest
import schemathesis
from django.db import connection
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from kopru.core.models import ApiToken
from kopru.wsgi import application

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]
STATEFUL_BUDGET_S = 60
# The record API's writable types; create, read and update of each are linked by the ids they return.
RECORDS = r"^/api/(engagements|agreements|claims|areas|actions|people|organisations|positions)/"

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture(autouse=True)
def own_connection():
    """A fresh connection: an earlier test in this process may have cut the shared one on purpose
    (tests/ui/test_error_pages.py). SQLite's in-memory test database ignores close()."""
    if connection.vendor == "postgresql":
        connection.close()  # the next query opens a new one
    yield


@pytest.fixture
def auth_headers(cast):
    _, raw = ApiToken.issue(cast.staff_a, "schemathesis")
    return {"Authorization": f"Bearer {raw}"}


@schema.parametrize()
@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_api_operations_conform(case, auth_headers):
    case.call_and_validate(headers=auth_headers, checks=CHECKS)


def test_create_read_update_workflows_conform(auth_headers):
    machine = schema.include(path_regex=RECORDS).as_state_machine()

    class Workflow(machine):
        def get_call_kwargs(self, case):
            return {"headers": auth_headers}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS)

    started = time.perf_counter()
    Workflow.run(
        settings=settings(
            max_examples=12,
            stateful_step_count=4,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
    )
    assert time.perf_counter() - started < STATEFUL_BUDGET_S
