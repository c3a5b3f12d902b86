"""The form's live logic in Chromium: skip logic, repeat rows, choice filters, numbers,
submit problems that link to their questions, and hostile text that stays text."""

import pytest
from playwright.sync_api import expect

from app.db import Database
from app.submissions import service
from tests.browser.officer_fixtures import Form, log_in, site_fixture  # noqa: F401
from tests.submissions.default_answers import default_answers

pytestmark = pytest.mark.browser
HOSTILE = '"><img src=x onerror=alert(1)><script>alert(1)</script>'


def _stored(site) -> dict:
    db = Database(site.db_url)
    try:
        with db.session() as session:
            found = service.find(session, round_id=site.world.round_a.id,
                                 opd_id=site.world.opd_a.id)
            return found.answers if found else {}
    finally:
        db.dispose()


def _seed(site, answers) -> None:
    db = Database(site.db_url)
    try:
        with db.write_session() as session:
            w = site.world
            service.save_draft(session, round_=w.round_a, opd_id=w.opd_a.id,
                               questionnaire=w.form, questionnaire_id=w.round_a.questionnaire_id,
                               answers=answers, base_version=0, actor=w.officer_a)
    finally:
        db.dispose()


def test_skip_logic_shows_and_hides_questions(page, site):
    problems = []
    page.on("console", lambda message: problems.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    log_in(page, site)
    page.goto(site.form)
    form = Form(page)
    expect(form.q("teknis_telepon")).to_be_hidden()
    form.fill("teknis_nama", "Budi")
    expect(form.q("teknis_telepon")).to_be_visible()
    expect(form.q("teknis_telepon").locator(".req")).to_be_visible()
    form.fill("teknis_nama", "")
    expect(form.q("teknis_telepon")).to_be_hidden()
    page.goto(site.form + "?section=anggaran")
    expect(form.q("anggaran_sumber_dana")).to_be_hidden()
    form.fill("anggaran_tik_berjalan", "1.500.000")
    expect(form.q("anggaran_sumber_dana")).to_be_visible()
    form.fill("anggaran_tik_lalu", "2,5")
    form.q("anggaran_tik_berjalan").locator("input").focus()
    expect(form.q("anggaran_tik_lalu").locator("input")).to_have_value("2,5")
    expect(form.q("anggaran_tik_berjalan").locator(".prefix")).to_have_text("Rp")
    form.fill("anggaran_tik_lalu", "dua juta")
    expect(form.q("anggaran_tik_lalu").locator(".err")).to_have_text(
        "Harus berupa angka, misalnya 1.500.000 atau 2,5.")
    form.fill("anggaran_tik_lalu", "-5")
    expect(form.q("anggaran_tik_lalu").locator(".err")).to_have_text("Nilai tidak boleh negatif.")
    form.saved()
    assert _stored(site)["anggaran_tik_berjalan"] == 1_500_000
    assert problems == []  # no script error, nothing the Content-Security-Policy refused


def test_repeat_rows_are_added_reordered_and_removed_with_stable_ids(page, site):
    log_in(page, site)
    page.goto(site.form + "?section=daftar_kebutuhan")
    form = Form(page)
    add = page.get_by_role("button", name="+ Tambah Kebutuhan")
    for title in ("Pertama", "Kedua", "Ketiga"):
        add.click()
        form.fill("nama_kebutuhan", title, row=page.locator(".row").count() - 1)
    rows = page.locator(".rows > .row")
    expect(rows).to_have_count(3)
    expect(rows.nth(2).locator(".row-title")).to_have_text("Kebutuhan 3")
    form.choose("kebutuhan_dimensi", "Smart Environment", row=0)
    options = form.q("kebutuhan_elemen", 0).locator("option:not([hidden])")
    expect(options).to_have_text(["Pilih…", "Proteksi Lingkungan",
                                  "Tata Kelola Sampah dan Limbah", "Tata Kelola Energi"])
    form.saved()
    ids = [row["_id"] for row in _stored(site)["kebutuhan"]]
    rows.nth(2).get_by_role("button", name="Pindahkan ke atas").click()
    expect(rows.nth(1).locator(".q[data-name=nama_kebutuhan] input")).to_have_value("Ketiga")
    remove = rows.nth(0).get_by_role("button", name="Hapus")
    remove.click()
    expect(remove).to_have_text("Yakin hapus?")
    remove.click()
    expect(rows).to_have_count(2)
    expect(rows.nth(0).locator(".row-title")).to_have_text("Kebutuhan 1")
    form.saved()
    stored = _stored(site)["kebutuhan"]
    assert [row["_id"] for row in stored] == [ids[2], ids[1]]
    assert [row["nama_kebutuhan"] for row in stored] == ["Ketiga", "Kedua"]
    page.reload()
    expect(rows).to_have_count(2)
    assert rows.nth(0).get_attribute("id") == "q-kebutuhan[1]"


def test_submit_with_problems_links_to_them_then_succeeds_read_only(page, site):
    answers = default_answers(today="2026-01-05")
    del answers["pj_jabatan"]
    answers["kebutuhan"][1]["kebutuhan_output"] = ""
    _seed(site, answers)
    log_in(page, site)
    page.goto(site.form + "?step=review")
    with page.expect_navigation():
        page.get_by_role("button", name="Kirim").click()
    problems = page.locator("#problems")
    expect(problems).to_contain_text("Isian belum dapat dikirim.")
    expect(problems.get_by_role("link")).to_have_count(2)
    problems.get_by_role("link", name="Kebutuhan 2 › Keluaran (output) yang diharapkan").click()
    page.wait_for_url("**section=daftar_kebutuhan#q-kebutuhan[2].kebutuhan_output")
    target = page.locator('[id="q-kebutuhan[2].kebutuhan_output"]')
    expect(target).to_be_in_viewport()
    target.locator("input").fill("Aplikasi antrean")
    page.goto(site.form + "?section=identitas")
    Form(page).fill("pj_jabatan", "Sekretaris")
    with page.expect_navigation():
        page.locator(".steps summary").click()
        page.get_by_role("link", name="Periksa dan Kirim").click()
    expect(page.locator(".review")).to_contain_text("Isian siap dikirim.")
    with page.expect_navigation():
        page.get_by_role("button", name="Kirim").click()
    expect(page.locator("h1")).to_have_text("Tanda Terima Isian")
    page.goto(site.form)
    assert page.locator("main input, main textarea, main select").count() == 0
    expect(page.locator(".readonly")).to_contain_text("5 Januari 2026")


def test_hostile_text_stays_inert_in_the_form_conflict_panel_and_printout(page, site):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, site)
    page.goto(site.form)
    form = Form(page)
    form.fill("pj_nama", HOSTILE)
    form.fill("tugas_fungsi", HOSTILE)
    form.saved()
    page.reload()
    expect(form.q("pj_nama").locator("input")).to_have_value(HOSTILE)
    expect(form.q("tugas_fungsi").locator("textarea")).to_have_value(HOSTILE)
    page.goto(site.url + f"/rounds/{site.world.round_a.id}/print")
    expect(page.locator(".printout")).to_contain_text(HOSTILE)
    assert page.locator("main img").count() == 0 and page.locator("main script").count() == 0
    assert dialogs == []
