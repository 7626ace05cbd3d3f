"""One 422 body for every API operation, declared in the OpenAPI schema; JSON 500s; integers too large for
the database are a 422, not a crash."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from kopru.core.enums import Visibility
from kopru.core.models import ApiToken
from kopru.engage.models import Engagement
from tests.factories import EngagementFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

WRITE_METHODS = ("post", "patch", "put", "delete")
BIG = "99999999999999999999"  # more than a signed 64-bit integer holds


def _schema():
    """The schema as served (JSON: status codes are strings)."""
    return Client().get("/api/openapi.json").json()


def _operations():
    for path, methods in _schema()["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def assert_422_shape(body: dict) -> None:
    assert set(body) == {"detail"}, body
    assert isinstance(body["detail"], list) and body["detail"], body
    for item in body["detail"]:
        assert set(item) == {"loc", "msg", "type"}, item
        assert isinstance(item["loc"], list) and item["loc"], item
        assert all(isinstance(part, str | int) for part in item["loc"]), item
        assert isinstance(item["msg"], str) and item["msg"], item
        assert isinstance(item["type"], str) and item["type"], item


def test_every_operation_declares_the_one_422_body_in_the_openapi_schema():
    schema = _schema()
    assert schema["components"]["schemas"]["ValidationErrorOut"] == {
        "properties": {
            "detail": {
                "items": {"$ref": "#/components/schemas/FieldError"},
                "title": "Detail",
                "type": "array",
            }
        },
        "required": ["detail"],
        "title": "ValidationErrorOut",
        "type": "object",
    }
    operations = list(_operations())
    assert len(operations) >= 70
    for path, method, operation in operations:
        declared = operation["responses"].get("422")
        assert declared is not None, (method, path)
        assert declared["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/ValidationErrorOut"
        }, (method, path)


@pytest.fixture
def admin_client(cast):
    _, raw = ApiToken.issue(cast.admin, "tests")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def _fill(path: str, value: str) -> str:
    return re.sub(r"\{(?:int:)?(\w+)\}", value, path)


def _invalid_json(schema: dict, body: dict) -> str:
    """A payload whose first field holds a value of the wrong kind (a list for an object, else an object)."""
    top = body["content"]["application/json"]["schema"]
    refs = [top.get("$ref")] + [option.get("$ref") for option in top.get("anyOf", [])]
    ref = next((ref for ref in refs if ref), "")
    if not ref:  # a free-form object: a list is not one
        return "[1, 2]"
    model = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    name, field = next(iter(model["properties"].items()))
    types = {field.get("type")} | {option.get("type") for option in field.get("anyOf", [])}
    return json.dumps({name: [1] if "object" in types else {"not": "valid"}})


def test_every_write_operation_answers_invalid_input_with_the_one_422_body(admin_client):
    """An invalid body where the operation takes one, otherwise an id no database can hold."""
    schema = _schema()
    tried = []
    for path, method, operation in _operations():
        if method not in WRITE_METHODS:
            continue
        body = operation.get("requestBody")
        url = _fill(path, BIG) if not body else None
        if body is not None:
            url = _fill(path, "1")
            content = body["content"]
            if "application/json" in content:
                payload = _invalid_json(schema, body)
                response = getattr(admin_client, method)(url, payload, content_type="application/json")
            else:  # multipart: the required files are missing
                response = admin_client.post(url, {})
        else:
            response = getattr(admin_client, method)(url)
        assert response.status_code == 422, (method, path, response.status_code, response.content[:300])
        assert_422_shape(response.json())
        tried.append(operation["operationId"])
    assert len(tried) >= 25


def test_domain_refusals_use_the_same_body_with_the_field_or_the_refusing_object(admin_client, cast):
    engagement = EngagementFactory(visibility=Visibility.SHARED)
    response = admin_client.patch(
        f"/api/engagements/{engagement.pk}", {"title": ""}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {"loc": ["body", "payload", "title"], "msg": "This field is required.", "type": "value_error"}
        ]
    }
    response = admin_client.get("/api/invest/companies/1/matches?k=0")
    assert response.status_code in (404, 422)  # no such company: the id is checked first
    response = admin_client.post("/api/intel/documents", {"visibility": "secret"})
    assert response.status_code == 422
    assert_422_shape(response.json())


# Each request is its own transaction in production; on PostgreSQL a refused number aborts the enclosing
# transaction, so the three requests must not share the test's one.
@pytest.mark.django_db(transaction=True)
def test_integers_too_large_for_the_database_are_a_422_naming_where(admin_client):
    response = admin_client.get(f"/api/engagements/?offset={BIG}")
    assert response.status_code == 422
    assert_422_shape(response.json())
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = admin_client.post(
        "/api/engagements/",
        {"kind": "visit", "title": "T", "status": "planned", "sectors": [int(BIG)]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "payload", "sectors", 0],
            "msg": "Number out of range.",
            "type": "value_error.number.too_large",
        }
    ]
    assert Engagement.objects.count() == 0
    response = admin_client.get(f"/api/calls/proposals/{BIG}")
    assert response.status_code == 422
    assert_422_shape(response.json())


def test_an_unexpected_error_is_a_json_500(admin_client, monkeypatch):
    from kopru.ui import listing

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(listing, "apply_list_params", broken)
    monkeypatch.setattr("kopru.ui.api.apply_list_params", broken)
    response = admin_client.get("/api/engagements/")
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error"}


def test_digits_that_are_not_decimal_are_ordinary_values_not_a_crash():
    # "¹" and "٣" pass str.isdigit() but int() refuses "¹": the range check must not raise on them.
    from kopru.ui.errors import too_large

    assert [too_large(value) for value in ("¹", "²³", "٣", " 12 ", "-9223372036854775808")] == [
        False,
        False,
        False,
        False,
        True,
    ]


@pytest.mark.django_db(transaction=True)
def test_a_body_with_a_superscript_digit_is_a_422_not_a_500(admin_client):
    response = admin_client.post(
        "/api/agreements/",
        {"title": "T", "kind": "\u00b9", "signatories": [int(BIG)]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert_422_shape(response.json())
