"""/api/docs is served with local assets only (no CDN)."""

import re

import pytest

pytestmark = pytest.mark.integration


@pytest.mark.django_db
def test_api_docs_page_loads_no_asset_from_another_host(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r'(?:src|href)="(https?://[^"]+)"', html) == []
    assert "/static/ninja/swagger-ui-bundle.js" in html
