"""A null character in the query string is refused with a clear answer, never a server error (issue 14).

PostgreSQL cannot hold or compare text with a null character, so before the middleware every search box
and filter answered 500 when a probe sent `?q=%00`. Pages now answer 400 with the error page in the
reader's language; the API answers its documented 422 body naming the parameter.
"""

from __future__ import annotations

import json

import pytest

from kopru.core.models import ApiToken

pytestmark = pytest.mark.django_db

PAGES = [
    "/engagements/?q=a%00b",
    "/search/?q=%00",
    "/documents/?q=x%00",
    "/areas/?q=a%00",
    "/invest/board/?q=%00",
]
API_LISTS = ["/api/areas/?offset=8000&q=a%00b", "/api/engagements/?q=%00", "/api/documents/?q=x%00"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_answers_400_with_the_error_page(client, cast, path):
    client.force_login(cast.staff_a)
    response = client.get(path)
    assert response.status_code == 400
    assert "This address cannot be read" in response.content.decode()


def test_the_page_speaks_the_readers_language(client, cast):
    client.force_login(cast.staff_a)
    turkish = client.get("/engagements/?q=%00", HTTP_ACCEPT_LANGUAGE="tr")
    chinese = client.get("/engagements/?q=%00", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert turkish.status_code == chinese.status_code == 400
    assert "Bu adres okunamıyor" in turkish.content.decode()
    assert "无法读取此地址" in chinese.content.decode()


@pytest.mark.parametrize("path", API_LISTS)
def test_an_api_list_answers_its_422_body_naming_the_parameter(client, cast, path):
    _, raw = ApiToken.issue(cast.staff_a, "probe")
    response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 422
    assert json.loads(response.content) == {
        "detail": [{"loc": ["query", "q"], "msg": "Null characters are not allowed.", "type": "value_error"}]
    }


def test_a_null_character_in_a_parameters_name_is_refused_too(client, cast):
    client.force_login(cast.staff_a)
    response = client.get("/api/engagements/?q%00=x")
    assert response.status_code == 422
    assert json.loads(response.content)["detail"][0]["loc"] == ["query", "q"]


def test_an_ordinary_search_still_works(client, cast):
    client.force_login(cast.staff_a)
    assert client.get("/engagements/?q=battery").status_code == 200
    assert client.get("/api/engagements/?q=battery").status_code == 200
