"""The whole collection loop in Chromium at 360 px, planner and officer side by side:
planner creates and opens a round -> invites an officer -> the officer sets a password through
the link, fills in and submits -> the planner returns it with a comment on one question ->
the officer sees the comment at that question, fixes and resubmits -> the planner sees the
diff and approves -> the progress table shows Disetujui.

NOTE: written while the officer helper was still building the officer pages (no
/work/helpers/officer.done yet); the officer steps use those pages as they stood then
(.round-card, .q[data-name=…], "Lanjut →", "Periksa dan Kirim →", "Kirim", .remarks, .remark).
"""

import re

import pytest
from playwright.sync_api import expect

from app.questionnaires.service import publish
from tests.support.factories import PASSWORD, make_opd, make_user
from tests.support.forms import small_workbook

pytestmark = pytest.mark.browser
OFFICER_PASSWORD = "sandi-petugas-a-2026"
COMMENT = "Jumlah pegawai belum sesuai data BKPSDM."


def _seed(db) -> None:
    with db.write_session() as session:
        make_opd(session, "OPD-A", "Dinas Komunikasi dan Informatika")
        make_opd(session, "OPD-B", "Dinas Kesehatan")
        make_user(session, "perencana", "planner")
        assert publish(session, filename="kecil.xlsx", data=small_workbook()).ok


def _log_in(page, url: str, username: str, password: str) -> None:
    page.goto(url + "/login")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(url + "/")


WIDE = """[...document.querySelectorAll("body *")]
    .filter(e => e.getBoundingClientRect().right > 361)
    .map(e => `${e.tagName}.${e.className}`).slice(0, 10)"""


def _fits(page) -> None:
    """No sideways scrolling at 360 px (wide tables scroll inside their own box)."""
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.evaluate(WIDE)


def _create_and_open_round(page, url: str) -> str:
    page.goto(url + "/rounds/new")
    page.get_by_label("Nama periode").fill("Periode Uji 2026")
    page.get_by_label("Batas waktu").fill("2030-12-31T16:00")
    page.get_by_label("Hanya OPD yang dicentang di bawah").check()
    page.get_by_label("OPD-A · Dinas Komunikasi dan Informatika").check()
    page.get_by_role("button", name="Buat periode (sebagai draf)").click()
    expect(page.get_by_role("status")).to_contain_text("Periode dibuat sebagai draf.")
    page.get_by_role("button", name="Buka periode").click()
    expect(page.get_by_role("status")).to_contain_text("Periode dibuka.")
    return re.search(r"/rounds/(\d+)", page.url).group(1)


def _invite_officer(page, url: str) -> str:
    page.goto(url + "/accounts/new")
    page.get_by_label("Nama pengguna").fill("petugas.a")
    page.get_by_label("Nama lengkap").fill("Andi Petugas")
    page.get_by_label("Peran").select_option("officer")
    page.get_by_label("OPD (khusus Petugas OPD)").select_option("OPD-A")
    page.get_by_label("Telepon/WhatsApp").fill("081234567890")
    page.get_by_role("button", name="Buat akun dan tautan").click()
    expect(page.locator("h1")).to_have_text("Tautan sekali pakai")
    expect(page.locator("#link-message")).to_contain_text("Nama pengguna: petugas.a")
    _fits(page)
    return page.locator("#one-time-link").input_value()


def _officer_fills_and_submits(officer, url: str, link: str) -> None:
    officer.goto(link)
    expect(officer.locator("h1")).to_have_text("Aktifkan akun")
    officer.get_by_label("Kata sandi baru", exact=True).fill(OFFICER_PASSWORD)
    officer.get_by_label("Ulangi kata sandi baru").fill(OFFICER_PASSWORD)
    officer.get_by_role("button", name="Simpan kata sandi").click()
    officer.wait_for_url(url + "/")  # signed in at once: no second login
    officer.locator(".round-card a.button").click()
    officer.locator('.q[data-name="nama"] input').fill("Andi Petugas")
    officer.locator('.q[data-name="jumlah"] input').fill("12")
    with officer.expect_navigation():
        officer.get_by_role("button", name="Lanjut →").click()
    officer.get_by_role("button", name="+ Tambah Kebutuhan").click()
    officer.locator('.q[data-name="judul"] input').first.fill("Aplikasi perizinan daring")
    _send(officer)


def _send(officer) -> None:
    with officer.expect_navigation():
        officer.get_by_role("button", name="Periksa dan Kirim →").click()
    with officer.expect_navigation():
        officer.get_by_role("button", name="Kirim").click()
    expect(officer.locator("h1")).to_have_text("Tanda Terima Isian")


def _return_with_a_comment(page, url: str, round_id: str) -> str:
    page.goto(f"{url}/rounds/{round_id}")
    row = page.locator('tr[data-opd="OPD-A"]')
    expect(row).to_contain_text("Dikirim")
    row.get_by_role("link", name="Dinas Komunikasi dan Informatika").click()
    page.wait_for_url("**/submissions/*")
    question = page.locator('.answer[data-path="jumlah"]')
    question.locator("summary").click()
    question.get_by_label("Catatan untuk: Jumlah pegawai").fill(COMMENT)
    question.get_by_role("button", name="Simpan catatan").click()
    expect(page.get_by_role("status")).to_contain_text("Catatan tersimpan.")
    expect(page.locator('.answer[data-path="jumlah"] .comment')).to_contain_text(COMMENT)
    page.get_by_text("Kembalikan untuk perbaikan").click()
    page.get_by_label("Catatan untuk OPD (wajib)").fill("Mohon perbaiki jumlah pegawai.")
    page.get_by_role("button", name="Kembalikan ke OPD").click()
    expect(page.get_by_role("status")).to_contain_text("dikembalikan ke OPD")
    return page.url.split("?")[0]


def _officer_fixes_at_the_question(officer, url: str) -> None:
    officer.goto(url + "/")
    expect(officer.locator(".round-card")).to_contain_text("Perlu perbaikan")
    officer.locator(".round-card a.button").click()
    expect(officer.locator(".remarks")).to_contain_text(COMMENT)
    officer.locator(".remarks a", has_text="Jumlah pegawai").click()
    jumlah = officer.locator('.q[data-name="jumlah"]')
    expect(jumlah.locator(".remark")).to_contain_text(COMMENT)
    jumlah.locator("input").fill("15")
    with officer.expect_navigation():
        officer.get_by_role("button", name="Lanjut →").click()
    _send(officer)


def _diff_then_approve(page, review_url: str) -> None:
    page.goto(review_url)
    page.get_by_role("link", name="Lihat perubahan terakhir").click()
    changed = page.locator('tr[data-path="jumlah"]')
    expect(changed.locator(".before")).to_have_text("12")
    expect(changed.locator(".after")).to_have_text("15")
    _fits(page)
    page.go_back()
    page.get_by_role("button", name="Setujui").click()
    expect(page.get_by_role("status")).to_contain_text("Isian disetujui.")


def test_the_whole_loop_from_round_to_approval(page, browser, live_server, live_db, artifacts):
    url = live_server.url
    _seed(live_db)
    _log_in(page, url, "perencana", PASSWORD)
    round_id = _create_and_open_round(page, url)
    link = _invite_officer(page, url)
    officer_context = browser.new_context(viewport={"width": 360, "height": 740},
                                          locale="id-ID")
    try:
        officer = officer_context.new_page()
        _officer_fills_and_submits(officer, url, link)
        review_url = _return_with_a_comment(page, url, round_id)
        _fits(page)
        page.screenshot(path=str(artifacts / "planner-review-360px.png"), full_page=True)
        _officer_fixes_at_the_question(officer, url)
    finally:
        officer_context.close()
    _diff_then_approve(page, review_url)
    page.goto(f"{url}/rounds/{round_id}")
    expect(page.locator('tr[data-opd="OPD-A"]')).to_contain_text("Disetujui")
    expect(page.locator('.count[data-status="approved"]')).to_have_text("1")
    _fits(page)
    page.screenshot(path=str(artifacts / "planner-progress-360px.png"), full_page=True)
