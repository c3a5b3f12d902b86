"""Ids no row can have (2^63, 2^31, -1, 0, letters) are "not found" everywhere, never a 500;
numbers in bodies and forms are bounded where they enter."""

import re

import pytest

from tests.rounds.world import build_matrix_world, caller_headers
from tests.support.policy import route_table

ID_PLACEHOLDER = re.compile(r"\{(\w+_id)\}")
BAD_IDS = [str(2**63), str(2**64 + 5), str(2**31), "-1", "0", "abc", "1e3", "²"]


def caller_for(policy: str) -> str:
    """Someone the route's policy lets in, so the id itself is what gets judged."""
    return {"officer": "officer_a", "coordinator": "coordinator"}.get(policy, "admin")


@pytest.mark.parametrize("bad", BAD_IDS)
def test_an_impossible_id_is_404_on_every_route_that_takes_one(app, client, db, settings, bad):
    world = build_matrix_world(db)
    headers = caller_headers(db, settings, world)
    routes = [(m, p, pol) for (m, p), pol in route_table(app).items() if ID_PLACEHOLDER.search(p)]
    assert len(routes) > 40  # every page and API route with an id
    failures = []
    for method, path, policy in routes:
        url = ID_PLACEHOLDER.sub(bad, path).replace("{regency_code}", "73.22")
        body = {"json": {}} if path.startswith("/api/") else {"data": {}}
        response = client.request(method, url, headers=headers[caller_for(policy)],
                                  follow_redirects=False, **({} if method == "GET" else body))
        if response.status_code != 404:
            failures.append(f"{method} {url}: {response.status_code}")
    assert not failures, "\n".join(failures)


def test_a_page_with_an_impossible_id_is_the_not_found_page(client, db, settings):
    world = build_matrix_world(db)
    headers = caller_headers(db, settings, world)["planner"]
    page = client.get(f"/rounds/{2**63}", headers=headers)
    assert page.status_code == 404 and "Halaman atau data tidak ditemukan." in page.text
    api = client.get(f"/api/v1/rounds/{2**63}", headers=headers)
    assert api.json()["error"]["code"] == "error.not_found"


HUGE = 2**63


@pytest.mark.parametrize(("method", "path", "body"), [
    ("PUT", "/api/v1/rounds/{round_id}/submission", {"version": HUGE, "answers": {}}),
    ("POST", "/api/v1/rounds/{round_id}/submission/submit", {"version": HUGE}),
    ("POST", "/api/v1/submissions/{submission_id}/approve", {"version": HUGE}),
    ("POST", "/api/v1/submissions/{submission_id}/return", {"note": "x", "version": HUGE}),
    ("POST", "/api/v1/rounds", {"name": "x", "questionnaire_id": HUGE}),
    ("POST", "/api/v1/rounds", {"name": "x", "questionnaire_id": 1, "opd_ids": [HUGE]}),
    ("POST", "/api/v1/rounds/{round_id}/deadline",
     {"opd_id": HUGE, "closes_at": "2030-01-01T00:00:00+08:00"}),
    ("POST", "/api/v1/rounds/{round_id}/approve", {"seen": {str(HUGE): 1}}),
    ("GET", "/api/v1/submissions/{submission_id}/diff?a=" + str(HUGE), None),
    ("GET", "/api/v1/audit?page=" + str(HUGE), None),
])
def test_numbers_beyond_a_column_are_422_on_the_api(client, db, settings, method, path, body):
    world = build_matrix_world(db)
    caller = "officer_a" if "/submission" in path and "/submissions/" not in path else "admin"
    headers = caller_headers(db, settings, world)[caller]
    url = path.format(**world.values)
    response = client.request(method, url, headers=headers, json=body)
    assert response.status_code == 422, (url, response.status_code, response.text[:300])


@pytest.mark.parametrize(("path", "data"), [
    ("/rounds/{round_id}/form", {"version": str(HUGE), "section": "a"}),
    ("/rounds/{round_id}/deadline", {"opd_id": str(HUGE), "closes_at": "2030-01-01"}),
    ("/rounds/{round_id}/approve", {"seen": f"{HUGE}:1"}),
    ("/rounds/new", {"name": "x", "questionnaire_id": str(HUGE), "scope": "chosen",
                     "opd_ids": [str(HUGE), "²"]}),
    ("/submissions/{submission_id}/approve", {"version": str(HUGE)}),
])
def test_numbers_beyond_a_column_never_break_a_form_post(client, db, settings, path, data):
    world = build_matrix_world(db)
    caller = "officer_a" if path.endswith("/form") else "admin"
    headers = caller_headers(db, settings, world)[caller]
    response = client.post(path.format(**world.values), headers=headers, data=data,
                           follow_redirects=False)
    assert response.status_code < 500, (path, response.status_code)
