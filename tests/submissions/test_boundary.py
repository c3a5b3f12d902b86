"""What the service refuses where answers enter (JSON API, the form without JavaScript), and
what it keeps after the documented normalisation."""

import json

import pytest
from sqlalchemy import update

from app.submissions import service
from app.submissions.models import Submission
from tests.submissions.conftest import sign_in
from tests.submissions.default_answers import default_answers

HOSTILE_IDS = ['<img src=x onerror=alert(1)>', '<meta http-equiv="refresh" content="0;url=/x">',
               "a b", "x" * 65, "", 'a"b']


def _url(world):
    return f"/api/v1/rounds/{world.round_a.id}/submission"


def _put(client, world, csrf, answers, version=0):
    """JSON as a client sends it: a lone surrogate travels as its \\u escape."""
    body = json.dumps({"version": version, "answers": answers})
    return client.put(_url(world), content=body, headers={
        "X-CSRF-Token": csrf, "Content-Type": "application/json"})


def _stored(db, world):
    with db.session() as session:
        return service.find(session, round_id=world.round_a.id, opd_id=world.opd_a.id)


@pytest.mark.parametrize("answers, path, message", [
    ({"pj_nama": "Andi\ud800"}, "pj_nama",
     "Teks memuat karakter yang tidak dapat disimpan (NUL atau surrogate tunggal); "
     "ketik ulang atau tempel ulang teksnya."),
    ({"pj_nama": "Andi\x00Baso"}, "pj_nama",
     "Teks memuat karakter yang tidak dapat disimpan (NUL atau surrogate tunggal); "
     "ketik ulang atau tempel ulang teksnya."),
    ({"pj_nama": "x" * 2001}, "pj_nama", "Teks terlalu panjang (maksimal 2000 karakter)."),
    ({"jumlah_pns": 10**16}, "jumlah_pns",
     "Angka terlalu besar: paling banyak 1.000.000.000.000.000 (10^15), positif atau negatif."),
    ({"anggaran_tik_berjalan": 1e30}, "anggaran_tik_berjalan",
     "Angka terlalu besar: paling banyak 1.000.000.000.000.000 (10^15), positif atau negatif."),
    ({"internet_bandwidth": 0.1 + 0.2}, "internet_bandwidth",
     "Angka terlalu rinci: paling banyak 15 digit dan 15 angka di belakang koma."),
])
def test_the_api_refuses_what_cannot_be_stored_and_stores_nothing(client, db, world, answers,
                                                                  path, message):
    csrf = sign_in(client, "officer_a")
    assert _put(client, world, csrf, {"pj_jabatan": "Sekretaris"}).status_code == 200
    response = _put(client, world, csrf, {"pj_jabatan": "Kepala", **answers}, 1)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "submission.refused" and error["fields"] == {path: message}
    assert error["message"].startswith("Tidak ada yang disimpan")
    stored = _stored(db, world)
    assert stored.version == 1 and stored.answers["pj_jabatan"] == "Sekretaris"


@pytest.mark.parametrize("day", ["1899-12-31", "0001-01-01"])
def test_dates_before_1900_are_refused_with_a_message(client, world, day):
    csrf = sign_in(client, "officer_a")
    response = _put(client, world, csrf, {"tanggal_pengisian": day})
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "tanggal_pengisian": "Tanggal harus antara 1 Januari 1900 dan 31 Desember 9999."}


@pytest.mark.parametrize("row_id", HOSTILE_IDS)
def test_a_row_id_of_another_form_is_refused(client, db, world, row_id):
    csrf = sign_in(client, "officer_a")
    rows = [{"_id": "ok-1", "aplikasi_nama": "A"}, {"_id": row_id, "aplikasi_nama": "B"}]
    response = _put(client, world, csrf, {"punya_aplikasi": "ya", "aplikasi": rows})
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "aplikasi[2]._id": "_id baris harus unik dan terdiri atas 1–64 huruf, angka, _ atau -."}
    assert _stored(db, world) is None


@pytest.mark.parametrize("row_id", HOSTILE_IDS[:3])
def test_the_form_without_javascript_refuses_a_hostile_row_id(client, db, world, row_id):
    csrf = sign_in(client, "officer_a")
    response = client.post(f"/rounds/{world.round_a.id}/form?section=daftar_aplikasi", data={
        "csrf_token": csrf, "version": "0", "go": "stay", "punya_aplikasi": "ya",
        "rows:aplikasi": row_id, f"aplikasi#{row_id}/aplikasi_nama": "SiCantik"})
    assert response.status_code == 422
    assert "ID baris tidak valid" in response.text
    assert "<img src=x" not in response.text and "<meta http-equiv" not in response.text
    assert _stored(db, world) is None


def test_the_form_without_javascript_shows_a_number_too_large_and_keeps_the_rest(client, db,
                                                                                 world):
    csrf = sign_in(client, "officer_a")
    response = client.post(f"/rounds/{world.round_a.id}/form?section=anggaran", data={
        "csrf_token": csrf, "version": "0", "go": "next",
        "anggaran_tik_berjalan": "9.000.000.000.000.000", "anggaran_tik_lalu": "150.000.000"})
    assert response.status_code == 422
    assert "Angka terlalu besar" in response.text
    assert 'value="9.000.000.000.000.000"' in response.text
    assert _stored(db, world).answers["anggaran_tik_lalu"] == 150_000_000


def test_what_is_kept_is_kept_after_the_documented_normalisation(client, db, world):
    csrf = sign_in(client, "officer_a")
    answers = {"pj_nama": "Jose\u0301\x07 Baso", "pj_jabatan": "Kepala\r\nBidang\tTI",
               "anggaran_tik_berjalan": 10**15, "tanggal_pengisian": "1900-01-01"}
    response = _put(client, world, csrf, answers)
    assert response.status_code == 200
    got = client.get(_url(world)).json()["answers"]
    assert got["pj_nama"] == "José Baso" and got["pj_jabatan"] == "Kepala\nBidang\tTI"
    assert got["anggaran_tik_berjalan"] == 10**15 and got["tanggal_pengisian"] == "1900-01-01"


def test_a_complete_submission_at_the_bounds_submits(client, world):
    csrf = sign_in(client, "officer_a")
    answers = default_answers()
    answers["kebutuhan"][0]["biaya"] = 10**15
    assert _put(client, world, csrf, answers).status_code == 200
    submitted = client.post(f"{_url(world)}/submit", json={"version": 1},
                            headers={"X-CSRF-Token": csrf})
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"


def test_a_stored_value_the_rule_refuses_never_breaks_the_officers_pages(client, db, world):
    """Stored before the bounds (or by hand): pages, reads and a stale save still answer."""
    csrf = sign_in(client, "officer_a")
    _put(client, world, csrf, {"pj_nama": "Andi"})
    spoiled = {"pj_nama": "Andi", "anggaran_tik_berjalan": 1e30}
    if db.is_sqlite:  # jsonb cannot hold a lone surrogate
        spoiled["pj_jabatan"] = "Kepala \ud800"
    with db.write_session() as session:
        session.execute(update(Submission).values(answers=spoiled))
        session.commit()
    read = client.get(_url(world))
    assert read.status_code == 200
    assert float(json.loads(read.content)["answers"]["anggaran_tik_berjalan"]) == 1e30
    for section in ("identitas", "anggaran"):
        page = client.get(f"/rounds/{world.round_a.id}/form?section={section}")
        assert page.status_code == 200
    assert client.get(f"/rounds/{world.round_a.id}/form?step=review").status_code == 200
    stale = _put(client, world, csrf, {"pj_nama": "Budi"}, 0)
    assert stale.status_code == 409
    assert json.loads(stale.content)["error"]["current"]["answers"]["pj_nama"] == "Andi"
    assert client.get("/").status_code == 200
