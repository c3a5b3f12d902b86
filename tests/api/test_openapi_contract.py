"""The API answers what its OpenAPI document says: a bounded schemathesis run against uvicorn.

Every operation of /openapi.json (the JSON API, /healthz and the file downloads), as an officer
and as a planner (bearer tokens), a few cases each: no 5xx, every status documented, every
body and content type as declared. Bounded: MAX_EXAMPLES cases per operation and token.
"""

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.auth.api_tokens import create_api_token
from app.config import load_settings
from app.db import Database
from tests.rounds.world import build_world, submit
from tests.support.live_server import LiveServer

MAX_EXAMPLES = 4
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The app under uvicorn on a world of OPDs, roles and a round with a submission."""
    tmp = tmp_path_factory.mktemp("contract")
    config = load_settings(env="test", var_dir=tmp / "var", secret_key="c" * 40,
                           database_url=f"sqlite:///{tmp / 'contract.db'}")
    server = LiveServer(config)
    db = Database(config.database_url)
    server.start()
    world = build_world(db)
    submit(db, world, world.opd_a)
    with db.write_session() as session:
        tokens = {name: create_api_token(session, user=world.users[name])
                  for name in ("officer_a", "planner")}
    yield server, tokens
    db.dispose()
    server.stop()


def operations(served):
    server, _tokens = served
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    return schema, [result.ok() for result in schema.get_all_operations()]


def test_every_operation_answers_as_documented(served):
    server, tokens = served
    schema, ops = operations(served)
    assert len(ops) >= 40
    http = requests.Session()
    failures, calls = [], []
    for operation in ops:
        for who, token in tokens.items():
            try:
                _run(operation, server.url, http, {"Authorization": f"Bearer {token}"}, calls)
            except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - collect them all
                failures.append(f"{operation.label} as {who}: {_summary(error)}")
    assert not failures, "\n".join(failures)
    assert len(calls) >= 200 and len(set(calls)) == len(ops)


def _run(operation, base_url: str, http, headers: dict, calls: list) -> None:
    """MAX_EXAMPLES generated cases of one operation, each sent and checked."""

    @given(case=operation.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    def run(case):
        calls.append(operation.label)
        case.call_and_validate(base_url=base_url, session=http, headers=headers, checks=CHECKS,
                               timeout=30)

    run()


def _summary(error: BaseException) -> str:
    """The first lines of each failure schemathesis found (its full report is long)."""
    found = getattr(error, "exceptions", None) or [error]
    return "; ".join(str(item).strip().splitlines()[0][:300] for item in found)
