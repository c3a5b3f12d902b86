"""Every route declares who may call it, and each role gets exactly what the policy allows.

The role x route matrix calls EVERY route of the app (pages and API, GET and state-changing)
as anonymous, an officer of OPD A, an officer of OPD B, a viewer, a planner and an admin,
with path placeholders filled from a world in which every object belongs to OPD A.

Each domain declares its routes in tests/policies/<domain>.py:
  DECLARED      (method, path) -> policy name (the route table must match it exactly)
  EXPECTED_GET  GET path -> {caller: status}, "*" for everyone not named
  EXPECTED      (method, path) -> {caller: status | (statuses…) | "ok" | "denied"}
  NOT_CALLED    GET path -> why EXPECTED_GET has no row for it (the matrix still calls it)
  BODIES        (method, path) -> {"json": …} or {"data": …} to send instead of the default
  PLACEHOLDERS  "{name}" -> function(db, world) -> value, for placeholders the world lacks
A route without a row in the EXPECTED tables gets the answers its policy implies: refused
callers exactly 401 (API) / 303 to the login page, or 403; officer B 403 or 404 on a path
naming OPD A's objects; allowed callers "ok" (any answer but 401, 403, a redirect to the
login page or a server error). State-changing calls echo a valid CSRF token.
"""

import importlib
import pkgutil
import re
from typing import Annotated

from fastapi import Depends
from fastapi.testclient import TestClient

from app.accounts.models import Role
from app.auth.policy import Principal, public
from app.config import load_settings
from app.main import create_app
from tests import policies
from tests.rounds.world import ROLE_USERS, build_matrix_world, caller_headers
from tests.support.policy import route_table, routes_without_policy

ROLES = ("anonymous", "officer_a", "officer_b", "viewer", "planner", "admin")
SAFE = ("GET", "HEAD", "OPTIONS")
POLICY_ROLES = {"public": None, "signed-in": frozenset(Role),
                "staff": frozenset({Role.viewer, Role.planner, Role.admin}),
                "planner": frozenset({Role.planner, Role.admin}),
                "admin": frozenset({Role.admin})}
PLACEHOLDER = re.compile(r"\{(\w+)(?::\w+)?\}")


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
EXPECTED = _merged("EXPECTED")
NOT_CALLED = _merged("NOT_CALLED")
BODIES = _merged("BODIES")
PLACEHOLDERS = _merged("PLACEHOLDERS")


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


def test_every_get_route_is_in_the_matrix(app):
    get_paths = {path for (method, path) in route_table(app) if method == "GET"}
    assert get_paths - set(NOT_CALLED) == set(EXPECTED_GET)


def policy_roles(name: str) -> frozenset | None:
    """The roles a policy admits, from its name ("staff", "admin+planner", …); None: anyone."""
    if name in POLICY_ROLES:
        return POLICY_ROLES[name]
    return frozenset(Role(part) for part in name.split("+"))


def expected_answer(method: str, path: str, policy: str, caller: str) -> int | str | tuple:
    """What `caller` must get: a status, "ok" (allowed) or "denied" (403 or 404)."""
    table = EXPECTED.get((method, path)) or (EXPECTED_GET.get(path) if method == "GET" else None)
    if table and (caller in table or "*" in table):
        return table.get(caller, table.get("*"))
    roles = policy_roles(policy)
    if roles is None:
        return "ok"
    if caller == "anonymous":
        return 401 if path.startswith("/api/") else 303
    if ROLE_USERS[caller] not in roles:
        return 403
    if caller == "officer_b" and "{" in path:
        return "denied"  # every object of the world belongs to OPD A
    return "ok"


def answer_matches(expected: int | str | tuple, response) -> bool:
    """Whether the response is what `expected` allows."""
    status = response.status_code
    to_login = status in (302, 303) and response.headers.get("location", "").startswith("/login")
    if expected == "ok":
        return status < 500 and status not in (401, 403) and not to_login
    if expected == "denied":
        return status in (403, 404)
    if isinstance(expected, tuple):
        return status in expected
    return status == expected


def fill(path: str, values: dict[str, str]) -> str:
    """The path with its placeholders replaced by the world's ids."""
    missing = [name for name in PLACEHOLDER.findall(path) if name not in values]
    assert not missing, f"{path}: no value for {missing}; add PLACEHOLDERS to tests/policies/"
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], path)


def call(client: TestClient, headers: dict, method: str, path: str, url: str):
    """One request as one caller; unsafe ones carry the default (or declared) minimal body."""
    client.cookies.clear()  # the caller's cookies are in `headers`, nothing else
    body = {}
    if method not in SAFE:
        body = BODIES.get((method, path)) or (
            {"json": {}} if path.startswith("/api/") else {"data": {}})
    return client.request(method, url, headers=headers, follow_redirects=False, **body)


def test_every_route_answers_each_role_as_its_policy_allows(app, client, db, settings):
    world = build_matrix_world(db)
    values = {**world.values, **{name.strip("{}"): str(make(db, world))
                                 for name, make in PLACEHOLDERS.items()}}
    # GETs first, so reads see the world before any state-changing call alters it.
    routes = sorted(route_table(app).items(), key=lambda r: (r[0][0] not in SAFE, r[0][1]))
    failures, headers = [], caller_headers(db, settings, world)
    for (method, path), policy in routes:
        if method not in SAFE:
            headers = caller_headers(db, settings, world)  # a logout must not leak onward
        url = fill(path, values)
        for caller in ROLES:
            expected = expected_answer(method, path, policy, caller)
            response = call(client, headers[caller], method, path, url)
            if not answer_matches(expected, response):
                failures.append(f"{caller} {method} {url} ({policy}): "
                                f"{response.status_code} != {expected}")
    assert not failures, "\n".join(failures)


def test_the_matrix_itself_catches_a_wrong_answer():
    """Guard the checker: a 200 where the policy refuses is a failure, and so on."""

    class Answer:
        def __init__(self, status, location=""):
            self.status_code, self.headers = status, {"location": location}

    assert expected_answer("GET", "/api/v1/x", "staff", "officer_a") == 403
    assert expected_answer("POST", "/x/{round_id}", "signed-in", "officer_b") == "denied"
    assert expected_answer("GET", "/x", "planner", "anonymous") == 303
    assert not answer_matches(403, Answer(200))
    assert not answer_matches("ok", Answer(303, "/login?next=/x"))
    assert answer_matches("ok", Answer(422)) and not answer_matches("ok", Answer(500))
    assert answer_matches("denied", Answer(404)) and not answer_matches("denied", Answer(200))
