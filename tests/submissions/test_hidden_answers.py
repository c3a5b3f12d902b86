"""Skip logic never deletes: a draft keeps answers to questions that do not apply right now;
only the submitted revision leaves them out, and the review step says so beforehand."""

import json

from sqlmodel import select

from app.submissions import review, service
from app.submissions.models import Submission, SubmissionRevision
from tests.submissions.conftest import sign_in
from tests.submissions.default_answers import default_answers
from tests.support.factories import login

NOT_SENT = ("2 baris Aplikasi tidak dikirim karena «Apakah Perangkat Daerah menggunakan atau "
            "mengelola aplikasi/sistem informasi?» dijawab «Tidak».")


def _url(world, tail=""):
    return f"/api/v1/rounds/{world.round_a.id}/submission{tail}"


def _put(client, world, csrf, answers, version):
    response = client.put(_url(world), json={"version": version, "answers": answers},
                          headers={"X-CSRF-Token": csrf})
    assert response.status_code == 200, response.text
    return response.json()


def _stored(db, world) -> Submission:
    with db.session() as session:
        return service.find(session, round_id=world.round_a.id, opd_id=world.opd_a.id)


def test_answering_tidak_keeps_the_rows_in_the_draft_and_ya_brings_them_back(client, db,
                                                                             world):
    csrf = sign_in(client, "officer_a")
    answers = default_answers()
    shown = _put(client, world, csrf, answers, 0)["completion"]
    hidden = _put(client, world, csrf, answers | {"punya_aplikasi": "tidak"}, 1)["completion"]
    assert hidden["total"] == shown["total"] - 12  # 2 rows × 6 required: not applicable
    assert hidden["answered"] == hidden["total"]
    _put(client, world, csrf, answers, 2)
    _put(client, world, csrf, answers | {"punya_aplikasi": "tidak"}, 3)
    draft = client.get(_url(world)).json()["answers"]
    assert [row["aplikasi_nama"] for row in draft["aplikasi"]] == ["Aplikasi 1", "Aplikasi 2"]
    stored = _stored(db, world)
    assert "aplikasi" not in stored.answers  # what planners read
    assert len(stored.draft_answers["aplikasi"]) == 2
    _put(client, world, csrf, draft | {"punya_aplikasi": "ya"}, 4)
    assert len(_stored(db, world).answers["aplikasi"]) == 2
    assert _stored(db, world).draft_answers is None


def test_clearing_the_technical_officers_name_keeps_nip_and_phone(client, world):
    csrf = sign_in(client, "officer_a")
    person = {"teknis_nama": "Rina", "teknis_nip": "199001012015011001",
              "teknis_telepon": "0812000111"}
    _put(client, world, csrf, person, 0)
    _put(client, world, csrf, {**person, "teknis_nama": ""}, 1)
    draft = client.get(_url(world)).json()["answers"]
    assert draft["teknis_nip"] == person["teknis_nip"]
    assert draft["teknis_telepon"] == person["teknis_telepon"]


def test_the_review_step_says_what_will_not_be_sent(client, world):
    csrf = sign_in(client, "officer_a")
    answers = default_answers() | {"punya_aplikasi": "tidak", "teknis_nip": "199001012015011001"}
    answers.pop("teknis_nama", None)
    _put(client, world, csrf, answers, 0)
    page = client.get(f"/rounds/{world.round_a.id}/form?step=review").text
    assert NOT_SENT in page
    assert ("Jawaban «NIP penanggung jawab teknis» tidak dikirim karena «Nama penanggung "
            "jawab teknis/operator» kosong.") in page
    assert "tetap tersimpan di draf" in page


def test_the_submitted_revision_leaves_them_out_and_a_return_gives_them_back(client, db,
                                                                             world):
    csrf = sign_in(client, "officer_a")
    _put(client, world, csrf, default_answers() | {"punya_aplikasi": "tidak"}, 0)
    done = client.post(_url(world, "/submit"), json={"version": 1},
                       headers={"X-CSRF-Token": csrf})
    assert done.status_code == 200
    with db.session() as session:
        revision = session.exec(select(SubmissionRevision)).one()
        assert "aplikasi" not in revision.answers
    submission = _stored(db, world)
    client.cookies.clear()
    login(client, "planner")
    planner_view = client.get(f"/api/v1/submissions/{submission.id}").json()
    assert "aplikasi" not in planner_view["answers"]
    assert "Aplikasi 1" not in json.dumps(planner_view)
    exported = client.get(f"/rounds/{world.round_a.id}/export.json?statuses=all").json()
    sheets = {sheet["name"]: sheet for sheet in exported["sheets"]}
    assert sheets["Aplikasi"]["rows"] == [] and len(sheets["Layanan"]["rows"]) == 2
    with db.write_session() as session:
        review.return_for_revision(session, submission=session.get(Submission, submission.id),
                                   actor=world.planner, note="Aplikasi ada, isi lagi.")
    client.cookies.clear()
    sign_in(client, "officer_a")
    draft = client.get(_url(world)).json()["answers"]
    assert len(draft["aplikasi"]) == 2


def test_the_form_without_javascript_keeps_the_hidden_rows(client, db, world):
    csrf = sign_in(client, "officer_a")
    _put(client, world, csrf, default_answers(), 0)
    form = f"/rounds/{world.round_a.id}/form?section=daftar_aplikasi"
    page = client.get(form).text
    assert 'name="rows:aplikasi" value="aplikasi1"' in page
    posted = {"csrf_token": csrf, "version": "1", "go": "next", "punya_aplikasi": "tidak",
              "rows:aplikasi": ["aplikasi1"], "aplikasi#aplikasi1/aplikasi_nama": "Aplikasi 1"}
    assert client.post(form, data=posted, follow_redirects=False).status_code == 303
    stored = _stored(db, world)
    assert "aplikasi" not in stored.answers
    assert [row["_id"] for row in stored.draft_answers["aplikasi"]] == ["aplikasi1"]
    again = client.get(form).text
    assert 'value="Aplikasi 1"' in again  # drawn, hidden, and posted with the section again
