"""The API documentation renders with the network off: Swagger UI comes from our own static files."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e]


def test_api_docs_render_without_any_outside_request(live_server, page):
    outside = []

    def block_outside(route):
        host = urlparse(route.request.url).hostname
        if host in ("localhost", "127.0.0.1"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", block_outside)
    page.goto(f"{live_server.url}/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Köprü API")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    assert outside == []
