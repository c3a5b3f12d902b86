"""Officers reach only their own OPD's submission; staff and strangers are refused."""

import pytest

from app.rounds.models import RoundStatus
from app.rounds.service import create_round
from tests.submissions.conftest import sign_in


def _calls(round_id: int):
    form = f"/rounds/{round_id}/form"
    api = f"/api/v1/rounds/{round_id}/submission"
    return [("GET", form, None), ("GET", f"{form}?step=review", None),
            ("POST", form, "form"), ("POST", f"/rounds/{round_id}/submit", "form"),
            ("GET", f"/rounds/{round_id}/receipt", None),
            ("GET", f"/rounds/{round_id}/print", None),
            ("GET", api, None), ("PUT", api, "json"), ("POST", f"{api}/submit", "json")]


def _call(client, method, url, kind, csrf):
    if kind == "form":
        return client.request(method, url, data={"csrf_token": csrf, "version": "0"},
                              follow_redirects=False)
    if kind == "json":
        body = {"version": 0, "answers": {"pj_nama": "Bukan milik saya"}}
        return client.request(method, url, json=body, headers={"X-CSRF-Token": csrf})
    return client.request(method, url, follow_redirects=False)


def test_an_officer_of_another_opd_gets_404_everywhere(client, world):
    csrf = sign_in(client, "officer_b")
    for method, url, kind in _calls(world.round_a.id):
        response = _call(client, method, url, kind, csrf)
        assert response.status_code == 404, f"{method} {url}: {response.status_code}"
    assert "Periode 2026" not in client.get("/").text
    assert client.get(f"/rounds/{world.round_b.id}/form").status_code == 200


def test_rounds_that_do_not_exist_or_are_drafts_are_404(client, db, world):
    with db.write_session() as session:
        draft = create_round(session, name="Belum dibuka", opd_ids=[world.opd_a.id],
                             questionnaire_id=world.round_a.questionnaire_id)
    assert draft.status == RoundStatus.draft
    csrf = sign_in(client, "officer_a")
    for round_id in (draft.id, 9999):
        for method, url, kind in _calls(round_id):
            assert _call(client, method, url, kind, csrf).status_code == 404, f"{method} {url}"


@pytest.mark.parametrize("role", ["planner", "viewer", "admin"])
def test_staff_are_not_officers(client, world, role):
    from tests.support.factories import make_user

    csrf = sign_in(client, "planner") if role == "planner" else None
    if csrf is None:
        with client.app.state.db.write_session() as session:
            make_user(session, role, role)
        csrf = sign_in(client, role)
    for method, url, kind in _calls(world.round_a.id):
        assert _call(client, method, url, kind, csrf).status_code == 403, f"{method} {url}"


def test_anonymous_callers_must_log_in(client, world):
    page = client.get(f"/rounds/{world.round_a.id}/form", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login?next=")
    api = client.get(f"/api/v1/rounds/{world.round_a.id}/submission")
    assert api.status_code == 401


def test_posts_without_the_csrf_token_are_refused(client, world):
    sign_in(client, "officer_a")
    form = client.post(f"/rounds/{world.round_a.id}/form", data={"version": "0",
                                                                 "pj_nama": "x"})
    assert form.status_code == 403
    submit = client.post(f"/rounds/{world.round_a.id}/submit", data={"version": "0"})
    assert submit.status_code == 403
