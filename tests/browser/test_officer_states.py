"""What the officer sees while saving (one state at a time), hidden answers that survive, a
colleague's hostile row id that stays inert, and links that land on their question."""

import json
import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import update

from app.db import Database
from app.submissions import service
from app.submissions.models import Submission
from tests.browser.officer_fixtures import Form, log_in, site_fixture  # noqa: F401

pytestmark = pytest.mark.browser
SAVE_URL = "**/api/v1/rounds/*/submission"
HOSTILE = ['"><img src=x onerror="window.__pwned=1">',
           '<meta http-equiv="refresh" content="0;url=/logout">']


def _submission(site) -> Submission | None:
    db = Database(site.db_url)
    try:
        with db.session() as session:
            return service.find(session, round_id=site.world.round_a.id,
                                opd_id=site.world.opd_a.id)
    finally:
        db.dispose()


def _section(site, name: str) -> str:
    return f"{site.form}?section={name}"


def _two_apps(page, site, form: Form) -> None:
    page.goto(_section(site, "daftar_aplikasi"))
    form.choose("punya_aplikasi", "Ya")
    for n in (1, 2):
        page.get_by_role("button", name="+ Tambah Aplikasi").click()
        form.fill("aplikasi_nama", f"Aplikasi {n}", row=n - 1)
    form.saved()


def test_tidak_hides_the_applications_and_ya_brings_them_back(page, site):
    log_in(page, site)
    form = Form(page)
    _two_apps(page, site, form)
    form.choose("punya_aplikasi", "Tidak")
    expect(page.locator('.repeat[data-name="aplikasi"]')).to_be_hidden()
    form.saved()
    stored = _submission(site)
    assert "aplikasi" not in stored.answers  # what a planner would read
    assert [row["aplikasi_nama"] for row in stored.draft_answers["aplikasi"]] == [
        "Aplikasi 1", "Aplikasi 2"]
    page.reload()
    expect(page.locator('.repeat[data-name="aplikasi"]')).to_be_hidden()
    page.goto(f"{site.form}?step=review")
    expect(page.locator("#not-sent")).to_contain_text(
        "2 baris Aplikasi tidak dikirim karena «Apakah Perangkat Daerah menggunakan atau "
        "mengelola aplikasi/sistem informasi?» dijawab «Tidak».")
    page.goto(_section(site, "daftar_aplikasi"))
    form.choose("punya_aplikasi", "Ya")
    expect(form.q("aplikasi_nama", 0).locator("input")).to_have_value("Aplikasi 1")
    expect(form.q("aplikasi_nama", 1).locator("input")).to_have_value("Aplikasi 2")
    form.saved()
    assert len(_submission(site).answers["aplikasi"]) == 2


def test_offline_and_storage_faults_read_as_offline_and_navigation_says_why(page, site):
    log_in(page, site)
    page.goto(site.form)
    form, status = Form(page), page.locator("#save-status")
    page.route(SAVE_URL, lambda route: route.abort("internetdisconnected"))
    form.fill("pj_nama", "Andi")
    expect(status).to_have_attribute("data-kind", "offline")
    expect(status).to_contain_text("Offline, tersimpan di perangkat ini")
    page.get_by_role("button", name="Lanjut →").click()
    expect(status).to_contain_text("Offline: pindah bagian setelah tersambung lagi.")
    assert page.url.endswith("/form")  # stayed, and said why
    page.unroute(SAVE_URL)
    message = "Penyimpanan sedang bermasalah; isian Anda tetap tersimpan di perangkat ini"
    page.route(SAVE_URL, lambda route: route.fulfill(
        status=503, content_type="application/json",
        body=json.dumps({"error": {"status": 503, "code": "error.storage", "message": message}})))
    form.fill("pj_jabatan", "Sekretaris")
    expect(status).to_have_attribute("data-kind", "offline")
    expect(status).to_contain_text(message)
    page.unroute(SAVE_URL)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    form.saved()
    assert _submission(site).answers["pj_jabatan"] == "Sekretaris"
    with page.expect_navigation():
        page.get_by_role("button", name="Lanjut →").click()
    assert "section=daftar_layanan" in page.url


def test_a_conflict_is_shown_focused_and_typing_meanwhile_is_saved_after(page, site):
    log_in(page, site)
    other = page.context.new_page()
    page.goto(site.form)
    other.goto(site.form)
    first, second = Form(page), Form(other)
    first.fill("pj_nama", "Nama dari tab satu")
    first.saved()
    second.fill("pj_nama", "Nama dari tab dua")
    panel, status = other.locator("#conflict"), other.locator("#save-status")
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()
    expect(status).to_have_attribute("data-kind", "conflict")
    expect(status).to_contain_text("Konflik, pilih versi")
    second.fill("pj_jabatan", "Diketik selama konflik")
    expect(status).to_have_attribute("data-kind", "conflict")  # one state, not "Menyimpan…"
    other.get_by_role("button", name="Lanjut →").click()
    expect(status).to_contain_text("Pilih versi pada daftar konflik dulu")
    expect(panel).to_be_focused()
    other.get_by_role("button", name="Simpan isian saya").click()
    second.saved()
    stored = _submission(site).answers
    assert stored["pj_nama"] == "Nama dari tab dua"
    assert stored["pj_jabatan"] == "Diketik selama konflik"


def test_a_hostile_row_id_stored_by_a_colleague_stays_inert_after_a_merge(page, site):
    log_in(page, site)
    form = Form(page)
    _two_apps(page, site, form)
    stored = _submission(site)
    rows = [*stored.answers["aplikasi"],
            *({"_id": row_id, "aplikasi_nama": f"Baris {n}"} for n, row_id in
              enumerate(HOSTILE, start=1))]
    db = Database(site.db_url)
    try:  # written around the service, as an id stored before the rule would be
        with db.write_session() as session:
            session.execute(update(Submission).values(
                answers={**stored.answers, "aplikasi": rows}, version=stored.version + 1))
            session.commit()
    finally:
        db.dispose()
    url = page.url
    form.fill("aplikasi_nama", "Aplikasi 1 diubah", row=0)
    expect(page.locator(".row[data-repeat=aplikasi]")).to_have_count(4)
    merged = page.locator(".row[data-repeat=aplikasi]").nth(2)
    assert merged.get_attribute("data-row") == HOSTILE[0]
    expect(form.q("aplikasi_nama", 3).locator("input")).to_have_value("Baris 2")
    assert page.locator("main img, meta[http-equiv]").count() == 0
    page.wait_for_timeout(500)
    assert page.url == url and page.evaluate("window.__pwned") is None
    status = page.locator("#save-status")
    expect(status).to_have_attribute("data-kind", "refused")  # the server refuses that id
    expect(status).to_contain_text("_id baris harus unik")


def test_a_link_from_a_problem_focuses_its_question_below_the_status_line(page, site):
    log_in(page, site)
    page.goto(f"{site.form}?step=review")
    page.locator("#problems a").first.click()
    page.wait_for_url(re.compile(r"section=identitas#q-pj_nama$"))
    focused = page.locator(".q[data-name=pj_nama] input")
    expect(focused).to_be_focused()
    label = page.locator(".q[data-name=pj_nama] .label").bounding_box()
    bar = page.locator("#save-status").bounding_box()
    assert label["y"] >= bar["y"] + bar["height"] - 1, (label, bar)
