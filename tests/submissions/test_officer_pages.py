"""The officer's pages without JavaScript: Beranda, sections (POST → redirect → GET), submit."""

import re

from app.submissions import service
from app.submissions.models import Submission, SubmissionStatus
from tests.submissions.conftest import sign_in
from tests.submissions.default_answers import default_answers

HOSTILE = '"><img src=x onerror=alert(1)><script>alert(1)</script>'


def _form(world):
    return f"/rounds/{world.round_a.id}/form"


def _stored(db, world) -> Submission | None:
    with db.session() as session:
        return service.find(session, round_id=world.round_a.id, opd_id=world.opd_a.id)


def _typed(db, world) -> dict:
    """The stored answers without the calculated ones."""
    calculated = {f.question.name for f in world.form.fields() if f.question.type == "calculate"}
    return {k: v for k, v in _stored(db, world).answers.items() if k not in calculated}


def _post(client, world, section, data, csrf, version=0, go="next", **extra):
    body = {"csrf_token": csrf, "version": str(version), "go": go, **data, **extra}
    return client.post(f"{_form(world)}?section={section}", data=body, follow_redirects=False)


def test_beranda_lists_the_rounds_of_the_officers_opd_with_status(client, world):
    sign_in(client, "officer_a")
    home = client.get("/").text
    assert "Periode 2026" in home and "Periode Dinas B" not in home
    assert "Belum mulai" in home and "Mulai mengisi" in home
    assert re.search(r"0 dari \d+ pertanyaan wajib terisi", home)


def test_a_section_post_saves_and_moves_on(client, db, world):
    csrf = sign_in(client, "officer_a")
    page = client.get(_form(world))
    assert page.status_code == 200 and "Bagian 1 dari 11" in page.text
    response = _post(client, world, "identitas", {"pj_nama": "Andi Baso", "pj_nip": NIP,
                                                  "urusan": ["pendidikan", "kesehatan"]}, csrf)
    assert response.status_code == 303
    assert response.headers["location"].endswith("?section=daftar_layanan&saved=1")
    assert _typed(db, world) == {"pj_nama": "Andi Baso", "pj_nip": NIP,
                              "urusan": ["pendidikan", "kesehatan"]}
    nxt = client.get(response.headers["location"]).text
    assert "Jawaban tersimpan." in nxt and "B. Layanan" in nxt
    home = client.get("/").text
    assert "Draf" in home and "Lanjutkan mengisi" in home


NIP = "198609262015051001"


def test_an_invalid_post_is_422_with_the_typed_values_kept(client, db, world):
    csrf = sign_in(client, "officer_a")
    response = _post(client, world, "infrastruktur", {
        "internet_bandwidth": "1.500,5", "jumlah_komputer": "dua puluh",
        "jumlah_server": "-1"}, csrf)
    assert response.status_code == 422
    page = response.text
    assert 'value="dua puluh"' in page and "Harus berupa bilangan bulat." in page
    assert "Nilai tidak boleh negatif." in page
    assert 'value="1.500,5"' in page  # the valid one, shown the Indonesian way
    assert _typed(db, world) == {"internet_bandwidth": 1500.5, "jumlah_server": -1}


def test_rows_are_added_and_removed_without_javascript(client, db, world):
    csrf = sign_in(client, "officer_a")
    added = _post(client, world, "daftar_kebutuhan", {}, csrf, go="add:kebutuhan")
    assert added.status_code == 303 and "#q-kebutuhan" in added.headers["location"]
    row_id = _stored(db, world).answers["kebutuhan"][0]["_id"]
    page = client.get(added.headers["location"]).text
    assert f'name="kebutuhan#{row_id}/nama_kebutuhan"' in page
    kept = _post(client, world, "daftar_kebutuhan", {
        "rows:kebutuhan": row_id, f"kebutuhan#{row_id}/nama_kebutuhan": "Pusat data",
        f"kebutuhan#{row_id}/biaya": "Rp250.000.000"}, csrf, version=1, go="stay")
    assert kept.status_code == 303
    row = _stored(db, world).answers["kebutuhan"][0]
    assert row == {"_id": row_id, "nama_kebutuhan": "Pusat data", "biaya": 250_000_000}
    assert "Rp</span>" in client.get(kept.headers["location"]).text
    removed = _post(client, world, "daftar_kebutuhan", {"rows:kebutuhan": row_id}, csrf,
                    version=2, go=f"remove:kebutuhan#{row_id}")
    assert removed.status_code == 303
    assert "kebutuhan" not in _typed(db, world)


def test_a_stale_post_shows_what_changed_elsewhere_and_keeps_the_officers_text(client, db,
                                                                              world):
    csrf = sign_in(client, "officer_a")
    page = client.get(_form(world)).text
    digest = re.search(r'name="digest" value="([^"]+)"', page).group(1)
    _post(client, world, "identitas", {"pj_nama": "Tab satu"}, csrf, digest=digest)
    stale = _post(client, world, "identitas", {"pj_nama": "Tab dua"}, csrf, digest=digest)
    assert stale.status_code == 409
    assert 'value="Tab dua"' in stale.text
    assert "Tersimpan di tempat lain:" in stale.text and "<strong>Tab satu</strong>" in stale.text
    assert _typed(db, world) == {"pj_nama": "Tab satu"}
    again = _post(client, world, "identitas", {"pj_nama": "Tab dua"}, csrf, version=1,
                  digest=re.search(r'name="digest" value="([^"]+)"', stale.text).group(1))
    assert again.status_code == 303
    assert _typed(db, world) == {"pj_nama": "Tab dua"}


def test_a_stale_post_from_another_section_is_merged_without_asking(client, db, world):
    csrf = sign_in(client, "officer_a")
    page = client.get(f"{_form(world)}?section=infrastruktur").text
    digest = re.search(r'name="digest" value="([^"]+)"', page).group(1)
    _post(client, world, "identitas", {"pj_nama": "Tab satu"}, csrf)
    response = _post(client, world, "infrastruktur", {"jumlah_cctv": "4"}, csrf, digest=digest)
    assert response.status_code == 303
    assert _typed(db, world) == {"pj_nama": "Tab satu", "jumlah_cctv": 4}


def _complete(db, world, answers=None):
    with db.write_session() as session:
        return service.save_draft(session, round_=world.round_a, opd_id=world.opd_a.id,
                                  questionnaire=world.form,
                                  questionnaire_id=world.round_a.questionnaire_id,
                                  answers=answers or default_answers(), base_version=0,
                                  actor=world.officer_a).submission


def test_submit_with_problems_lists_each_with_a_link_to_its_question(client, db, world):
    csrf = sign_in(client, "officer_a")
    answers = default_answers()
    del answers["pj_nama"]
    del answers["kebutuhan"][1]["nama_kebutuhan"]
    _complete(db, world, answers)
    response = client.post(f"/rounds/{world.round_a.id}/submit",
                           data={"csrf_token": csrf, "version": "1"})
    assert response.status_code == 422
    assert "Isian belum dapat dikirim." in response.text
    assert f'href="{_form(world)}?section=identitas#q-pj_nama"' in response.text
    assert f'href="{_form(world)}?section=daftar_kebutuhan#q-kebutuhan[2].nama_kebutuhan"' \
        in response.text
    assert "Kebutuhan 2 › Usulan solusi/kebutuhan" in response.text
    linked = client.get(f"{_form(world)}?section=daftar_kebutuhan").text
    assert 'id="q-kebutuhan[2].nama_kebutuhan"' in linked
    assert _stored(db, world).status == SubmissionStatus.draft


def test_submit_then_receipt_read_only_form_and_print(client, db, world):
    csrf = sign_in(client, "officer_a")
    _complete(db, world)
    review = client.get(f"{_form(world)}?step=review").text
    assert "Isian siap dikirim." in review
    response = client.post(f"/rounds/{world.round_a.id}/submit",
                           data={"csrf_token": csrf, "version": "1"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/rounds/{world.round_a.id}/receipt"
    receipt = client.get(response.headers["location"]).text
    assert "Tanda Terima Isian" in receipt and "WITA" in receipt
    code = re.search(rf"<code>({world.round_a.id}-OPD-A-1-[0-9A-F]{{8}})</code>", receipt)
    assert code and "Kebutuhan</dt><dd>2 baris" in receipt
    form = client.get(_form(world)).text
    assert "Isian telah dikirim pada" in form
    assert "<input" not in form.split('id="main"')[1].split("</main>")[0]
    assert "Rp250.000.000" in form and "27 November 2026" in form
    printout = client.get(f"/rounds/{world.round_a.id}/print").text
    assert code.group(1) in printout
    assert "Masamba, 27 November 2026" in printout and "<strong>Ir. Baso Amir</strong>" in printout
    again = client.post(f"/rounds/{world.round_a.id}/submit",
                        data={"csrf_token": csrf, "version": "1"}, follow_redirects=False)
    assert again.status_code == 303  # the same submit twice is one submit
    assert "Dikirim" in client.get("/").text
    saving = _post(client, world, "identitas", {"pj_nama": "Terlambat"}, csrf, version=2)
    assert saving.status_code == 409
    assert "Isian ini sudah dikirim dan tidak dapat diubah." in saving.text


def test_returned_for_revision_shows_comments_at_their_questions_then_resubmits(client, db,
                                                                               world):
    from app.submissions import review

    csrf = sign_in(client, "officer_a")
    submission = _complete(db, world)
    with db.write_session() as session:
        service.submit(session, round_=world.round_a,
                       submission=session.get(Submission, submission.id),
                       questionnaire=world.form, base_version=1, actor=world.officer_a)
        review.return_for_revision(
            session, submission=session.get(Submission, submission.id), actor=world.planner,
            note=f"Periksa lagi {HOSTILE}",
            field_comments={"kebutuhan[2].biaya": "Biaya terlalu kecil.", "pj_nama": "Gelar?"})
    home = client.get("/").text
    assert "Perlu perbaikan" in home
    first = client.get(_form(world)).text
    assert "Catatan perbaikan dari Perencana" in first
    assert "Gelar?" in first and HOSTILE not in first
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in first
    assert f'href="{_form(world)}?section=daftar_kebutuhan#q-kebutuhan[2].biaya"' in first
    needs = client.get(f"{_form(world)}?section=daftar_kebutuhan").text
    biaya = needs.split('id="q-kebutuhan[2].biaya"')[1].split('<div class="q')[0]
    assert "Biaya terlalu kecil." in biaya
    version = int(re.search(r'name="version" value="(\d+)"', needs).group(1))
    row_ids = [row["_id"] for row in _stored(db, world).answers["kebutuhan"]]
    data = {"rows:kebutuhan": row_ids}
    for row in _stored(db, world).answers["kebutuhan"]:
        for name, value in row.items():
            if name != "_id":
                data[f"kebutuhan#{row['_id']}/{name}"] = str(value)
    data[f"kebutuhan#{row_ids[1]}/biaya"] = "500.000.000"
    saved = _post(client, world, "daftar_kebutuhan", data, csrf, version=version, go="review")
    assert saved.status_code == 303, saved.text[-2000:]
    done = client.post(f"/rounds/{world.round_a.id}/submit",
                       data={"csrf_token": csrf, "version": str(version + 1)},
                       follow_redirects=False)
    assert done.status_code == 303
    with db.session() as session:
        numbers = [r.number for r in service.revisions(session, submission_id=submission.id)]
    assert numbers == [1, 2]
    assert _stored(db, world).answers["kebutuhan"][1]["biaya"] == 500_000_000
    assert "Catatan perbaikan" not in client.get(_form(world)).text


def test_a_closed_round_shows_the_answers_and_refuses_saves(client, db, world):
    from app.rounds.models import RoundStatus
    from app.rounds.service import set_status

    csrf = sign_in(client, "officer_a")
    _complete(db, world)
    with db.write_session() as session:
        set_status(session, round_=world.round_a, status=RoundStatus.closed)
    page = client.get(_form(world)).text
    assert "Periode pengisian telah ditutup." in page and "Andi Baso, S.Kom." in page
    response = _post(client, world, "identitas", {"pj_nama": "Terlambat"}, csrf, version=1)
    assert response.status_code == 409
    assert _stored(db, world).answers["pj_nama"] == "Andi Baso, S.Kom."


def test_a_round_not_open_yet_says_when_it_opens(client, db, world):
    from datetime import timedelta

    from app.types import utcnow
    from tests.submissions.worlds import open_round

    with db.write_session() as session:
        later = open_round(session, world.round_a.questionnaire_id, "Periode 2027", [world.opd_a])
        later.opens_at = utcnow() + timedelta(days=3)
        session.add(later)
        session.commit()
    sign_in(client, "officer_a")
    assert "Periode pengisian belum dibuka" in client.get("/").text
    page = client.get(f"/rounds/{later.id}/form").text
    assert "Periode pengisian belum dibuka; pengisian dapat dimulai" in page and "WITA" in page


def test_hostile_text_stays_text_in_form_review_receipt_and_print(client, db, world):
    csrf = sign_in(client, "officer_a")
    answers = {**default_answers(), "pj_nama": HOSTILE, "tugas_fungsi": HOSTILE}
    answers["kebutuhan"][0]["nama_kebutuhan"] = HOSTILE
    _complete(db, world, answers)
    pages = [client.get(_form(world)).text,
             client.get(f"{_form(world)}?section=daftar_kebutuhan").text]
    client.post(f"/rounds/{world.round_a.id}/submit", data={"csrf_token": csrf, "version": "1"})
    pages += [client.get(_form(world)).text, client.get(f"/rounds/{world.round_a.id}/print").text,
              client.get(f"/rounds/{world.round_a.id}/receipt").text]
    for page in pages:
        assert "<script>alert(1)</script>" not in page
        assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[0]
    assert "\\u003cscript\\u003e" in pages[0]  # inside the JSON block for the script


def test_the_english_switch_shows_labels_in_english(client, world):
    sign_in(client, "officer_a")
    client.cookies.set("survei_lang", "en")
    page = client.get(_form(world)).text
    assert "Section 1 of 11" in page and "A. Responsible Official" in page
