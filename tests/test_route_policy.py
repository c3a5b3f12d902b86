"""Every route declares who may call it, and each role gets exactly what the policy allows."""

import importlib
import pkgutil
from typing import Annotated

import pytest
from fastapi import Depends

from app.auth.policy import Principal, public
from app.config import load_settings
from app.main import create_app
from tests import policies
from tests.support.factories import login, seed_roles
from tests.support.policy import route_table, routes_without_policy

ROLES = ("anonymous", "officer_a", "officer_b", "viewer", "planner", "admin")


def _merged(name: str) -> dict:
    """One table from every module of tests/policies (each domain declares its own routes)."""
    merged: dict = {}
    for module in pkgutil.iter_modules(policies.__path__):
        table = getattr(importlib.import_module(f"tests.policies.{module.name}"), name, {})
        assert not set(table) & set(merged), f"{module.name} repeats a route of another module"
        merged.update(table)
    return merged


DECLARED = _merged("DECLARED")
EXPECTED_GET = _merged("EXPECTED_GET")
NOT_CALLED = _merged("NOT_CALLED")


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
    assert get_paths - set(NOT_CALLED) == set(EXPECTED_GET)
