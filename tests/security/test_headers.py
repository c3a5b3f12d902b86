"""Security headers: CSP, Permissions-Policy, no-store, and in production HSTS and __Host-."""

import re

import pytest
from fastapi.testclient import TestClient

from app.config import load_settings
from app.main import create_app
from app.security import csrf
from tests.support.factories import csrf_from, login, make_user


@pytest.fixture
def production(database_url, db, tmp_path):
    with db.write_session() as session:
        make_user(session, "perencana", "planner")
    settings = load_settings(env="production", secret_key="p" * 40, var_dir=tmp_path,
                             database_url=database_url, base_url="https://testserver")
    with TestClient(create_app(settings), base_url="https://testserver") as client:
        yield client


def directives(header: str) -> dict[str, str]:
    return {part.split(" ", 1)[0]: part.partition(" ")[2]
            for part in (p.strip() for p in header.split(";")) if part}


def test_pages_carry_a_csp_that_pins_forms_and_the_base_url(client):
    policy = directives(client.get("/login").headers["content-security-policy"])
    assert policy["form-action"] == "'self'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert "'unsafe-inline'" not in policy.get("script-src", policy["default-src"])


def test_features_the_service_does_not_use_are_denied(client):
    features = client.get("/login").headers["permissions-policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in features


def test_signed_in_pages_and_api_answers_are_never_cached(client, db):
    with db.write_session() as session:
        make_user(session, "perencana", "planner")
    login(client, "perencana")
    for path in ("/", "/account", "/opds", "/api/v1/me", "/api/v1/opds"):
        assert client.get(path).headers["cache-control"] == "no-store", path
    assert "no-store" not in client.get("/static/css/app.css").headers.get("cache-control", "")


def test_no_hsts_outside_production(client):
    assert "strict-transport-security" not in client.get("/login").headers


def test_production_sends_hsts_for_at_least_a_year(production):
    for path in ("/login", "/healthz", "/static/css/app.css", "/tidak-ada"):
        hsts = production.get(path).headers["strict-transport-security"]
        assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 365 * 86400, path


def test_production_csrf_cookie_has_the_host_prefix_and_still_works(production):
    page = production.get("/login")
    cookie = page.headers["set-cookie"]
    assert cookie.startswith("__Host-survei_csrf=")
    assert "; secure" in cookie.lower() and "path=/" in cookie.lower()
    assert "domain=" not in cookie.lower()
    assert login(production, "perencana").status_code == 303
    assert "Selamat datang" in production.get("/").text


def test_the_anonymous_csrf_token_is_signed_with_the_secret_key(client, settings):
    page = client.get("/login")
    nonce = client.cookies.get("survei_csrf")
    token = csrf_from(page.text)
    assert token != nonce and token == csrf.sign(settings.secret_key, nonce)
    # A cookie an attacker planted, echoed as the token (plain double submit), is refused.
    client.cookies.set("survei_csrf", "dipasang-penyerang")
    forged = client.post("/login", data={"username": "x", "password": "y",
                                         "csrf_token": "dipasang-penyerang"})
    assert forged.status_code == 403
    signed_elsewhere = csrf.sign("kunci-lain-" + "z" * 40, "dipasang-penyerang")
    assert client.post("/login", data={"username": "x", "password": "y",
                                       "csrf_token": signed_elsewhere}).status_code == 403
