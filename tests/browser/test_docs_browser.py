"""/docs in Chromium: Swagger UI renders the API from the service's own files, under its CSP."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_api_docs_render_from_local_assets_under_the_csp(page, live_server):
    problems, hosts = [], set()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    page.on("response",
            lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    response = page.goto(f"{live_server.url}/docs")
    assert "script-src" not in response.headers["content-security-policy"]  # default-src 'self'
    expect(page.locator(".opblock").first).to_be_visible(timeout=15_000)
    expect(page.get_by_text("/api/v1/me", exact=True).first).to_be_visible()
    assert hosts == {live_server.url.split("/")[2]}  # nothing from a CDN
    assert problems == []  # no script error, nothing the Content-Security-Policy refused


def test_redoc_is_gone(live_server, page):
    assert page.goto(f"{live_server.url}/redoc").status == 404
