"""Every route declares who may call it, and each role gets exactly what the policy allows."""

from typing import Annotated

import pytest
from fastapi import Depends

from app.auth.policy import Principal, public
from app.config import load_settings
from app.main import create_app
from tests.support.factories import login, seed_roles
from tests.support.policy import route_table, routes_without_policy

# (method, path) -> policy name. A route added to the app without a row here fails the test.
DECLARED = {
    ("GET", "/"): "public",
    ("GET", "/healthz"): "public",
    ("GET", "/login"): "public",
    ("POST", "/login"): "public",
    ("POST", "/logout"): "signed-in",
    ("GET", "/account/link/{token}"): "public",
    ("POST", "/account/link/{token}"): "public",
    ("POST", "/language"): "public",
    ("GET", "/api/v1/me"): "signed-in",
    ("GET", "/opds"): "staff",
    ("GET", "/api/v1/opds"): "staff",
}
ROLES = ("anonymous", "officer_a", "officer_b", "viewer", "planner", "admin")
# What each caller gets from each GET route (after no redirect following).
EXPECTED_GET = {
    "/": {"anonymous": 303, "*": 200},
    "/healthz": {"*": 200},
    "/login": {"anonymous": 200, "*": 303},
    "/api/v1/me": {"anonymous": 401, "*": 200},
    "/opds": {"anonymous": 303, "officer_a": 403, "officer_b": 403, "*": 200},
    "/api/v1/opds": {"anonymous": 401, "officer_a": 403, "officer_b": 403, "*": 200},
}


def _test_settings(tmp_path):
    return load_settings(env="test", var_dir=tmp_path, secret_key="k" * 40,
                         database_url=f"sqlite:///{tmp_path / 'x.db'}")


def test_every_route_declares_a_policy(app):
    assert routes_without_policy(app) == []


def test_a_route_added_without_a_policy_is_caught(tmp_path):
    app = create_app(_test_settings(tmp_path))

    @app.get("/forgotten")
    def forgotten():
        return {}

    @app.get("/declared")
    def declared(_p: Annotated[Principal | None, Depends(public)]):
        return {}

    assert routes_without_policy(app) == ["GET /forgotten"]


def test_the_route_table_matches_the_declared_policies(app):
    assert route_table(app) == DECLARED


@pytest.mark.parametrize("path", sorted(EXPECTED_GET))
def test_each_role_gets_what_the_policy_allows(client, db, path):
    seed_roles(db)
    for role in ROLES:
        client.cookies.clear()
        if role != "anonymous":
            assert login(client, role).status_code == 303
        expected = EXPECTED_GET[path].get(role, EXPECTED_GET[path].get("*"))
        got = client.get(path, follow_redirects=False).status_code
        assert got == expected, f"{role} GET {path}: {got} != {expected}"


def test_every_get_route_is_in_the_matrix(app):
    get_paths = {path for (method, path) in route_table(app) if method == "GET"}
    assert get_paths - {"/account/link/{token}"} == set(EXPECTED_GET)
