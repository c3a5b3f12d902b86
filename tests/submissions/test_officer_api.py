"""The officer's JSON API: read the draft, save with the version (409 when stale), submit."""

from sqlmodel import select

from app.auth.api_tokens import create_api_token
from app.rounds.models import RoundStatus
from app.rounds.service import set_status
from app.submissions import review
from app.submissions.models import Submission
from tests.submissions.conftest import sign_in
from tests.submissions.default_answers import default_answers


def _url(world, tail=""):
    return f"/api/v1/rounds/{world.round_a.id}/submission{tail}"


def _put(client, world, csrf, answers, version):
    return client.put(_url(world), json={"version": version, "answers": answers},
                      headers={"X-CSRF-Token": csrf})


def test_a_new_draft_reads_as_not_started(client, world):
    sign_in(client, "officer_a")
    body = client.get(_url(world)).json()
    assert body["status"] == "not_started" and body["version"] == 0
    assert body["answers"] == {} and body["opd_code"] == "OPD-A"
    assert body["completion"]["answered"] == 0 and body["completion"]["total"] > 40
    assert body["accepting"] is True and body["comments"] == []


def test_saves_carry_the_version_and_a_stale_one_gets_409_with_the_current_answers(client,
                                                                                  world):
    csrf = sign_in(client, "officer_a")
    first = _put(client, world, csrf, {"pj_nama": "Tab satu", "jumlah_server": -1}, 0)
    assert first.status_code == 200
    assert first.json()["version"] == 1
    assert first.json()["errors"] == {"jumlah_server": "Nilai tidak boleh negatif."}
    assert "WITA" not in first.json()["saved_at"]  # ISO time for machines
    second = _put(client, world, csrf, {"pj_nama": "Tab satu lagi"}, 1)
    assert second.json()["version"] == 2
    stale = _put(client, world, csrf, {"pj_nama": "Tab dua"}, 1)
    assert stale.status_code == 409
    error = stale.json()["error"]
    assert error["code"] == "submission.stale" and error["status"] == 409  # the error's own
    current = error["current"]  # the submission as it is now, kept apart from the error
    assert current["version"] == 2
    assert current["status"] == "draft" and current["answers"]["pj_nama"] == "Tab satu lagi"
    assert client.get(_url(world)).json()["answers"]["pj_nama"] == "Tab satu lagi"
    first_again = _put(client, world, csrf, {"pj_nama": "Tab tiga"}, 0)
    assert first_again.status_code == 409


def test_what_is_not_an_answers_document_is_422(client, world):
    csrf = sign_in(client, "officer_a")
    response = client.put(_url(world), json={"version": 0, "answers": ["a"]},
                          headers={"X-CSRF-Token": csrf})
    assert response.status_code == 422
    unknown = _put(client, world, csrf, {"pj_nama": "Ani", "tidak_ada": 1}, 0)
    assert unknown.status_code == 422
    assert unknown.json()["error"]["fields"] == {"tidak_ada": "Isian tidak dikenal."}
    assert client.get(_url(world)).json()["status"] == "not_started"  # nothing was stored


def test_autosave_needs_the_csrf_header_but_a_bearer_token_does_not(client, db, world):
    sign_in(client, "officer_a")
    refused = client.put(_url(world), json={"version": 0, "answers": {}})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "error.csrf"
    with db.write_session() as session:
        token = create_api_token(session, user=world.officer_a)
    client.cookies.clear()
    scripted = client.put(_url(world), json={"version": 0, "answers": {"pj_nama": "Skrip"}},
                          headers={"Authorization": f"Bearer {token}"})
    assert scripted.status_code == 200


def test_submit_blocked_then_accepted_and_repeated_harmlessly(client, world):
    csrf = sign_in(client, "officer_a")
    submit = _url(world, "/submit")
    nothing = client.post(submit, json={"version": 0}, headers={"X-CSRF-Token": csrf})
    assert nothing.status_code == 422 and "pj_nama" in nothing.json()["error"]["fields"]
    answers = default_answers()
    del answers["pj_jabatan"]
    _put(client, world, csrf, answers, 0)
    blocked = client.post(submit, json={"version": 1}, headers={"X-CSRF-Token": csrf})
    assert blocked.status_code == 422
    assert blocked.json()["error"]["fields"] == {"pj_jabatan": "Wajib diisi."}
    _put(client, world, csrf, default_answers(), 1)
    done = client.post(submit, json={"version": 2}, headers={"X-CSRF-Token": csrf})
    assert done.status_code == 200
    assert done.json()["status"] == "submitted" and done.json()["version"] == 3
    assert done.json()["receipt_url"] == f"/rounds/{world.round_a.id}/receipt"
    again = client.post(submit, json={"version": 2}, headers={"X-CSRF-Token": csrf})
    assert again.status_code == 200 and again.json()["version"] == 3
    late = _put(client, world, csrf, default_answers(), 3)
    assert late.status_code == 409 and late.json()["error"]["code"] == "submission.not_editable"
    assert client.get(_url(world)).json()["status"] == "submitted"


def test_comments_of_a_return_are_in_the_draft(client, db, world):
    csrf = sign_in(client, "officer_a")
    _put(client, world, csrf, default_answers(), 0)
    client.post(_url(world, "/submit"), json={"version": 1}, headers={"X-CSRF-Token": csrf})
    with db.write_session() as session:
        submission = session.exec(select(Submission)).one()
        review.return_for_revision(session, submission=submission, actor=world.planner,
                                   note="Lengkapi.", field_comments={"biaya": "Terlalu kecil"})
    body = client.get(_url(world)).json()
    assert body["status"] == "needs_revision"
    assert [(c["field_path"], c["text"]) for c in body["comments"]] == [
        (None, "Lengkapi."), ("biaya", "Terlalu kecil")]


def test_a_closed_round_refuses_saves(client, db, world):
    csrf = sign_in(client, "officer_a")
    with db.write_session() as session:
        set_status(session, round_=world.round_a, status=RoundStatus.closed)
    response = _put(client, world, csrf, {"pj_nama": "Terlambat"}, 0)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "submission.round_closed"
    assert client.get(_url(world)).json()["accepting"] is False


def test_the_api_is_documented_in_openapi(client):
    paths = client.get("/openapi.json").json()["paths"]
    put = paths["/api/v1/rounds/{round_id}/submission"]["put"]
    assert put["description"].startswith("Save the draft")
    assert {"200", "409", "422"} <= set(put["responses"])
