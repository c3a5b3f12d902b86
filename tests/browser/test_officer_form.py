"""An invited officer fills the whole default questionnaire on a 360 px phone and submits it;
the planner returns it with comments; the officer fixes it and submits again."""

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from app.auth.accounts import create_link, create_user
from app.submissions import review
from app.submissions.models import Submission, SubmissionStatus
from tests.browser.officer_fixtures import Form, log_in, site_fixture  # noqa: F401

pytestmark = pytest.mark.browser
PASSWORD = "sandi-petugas-2026"
NIP = "198609262015051001"
SKALA = ("kesiapan_struktur_jumlah_sdm", "kesiapan_struktur_kompetensi",
         "kesiapan_struktur_anggaran", "kesiapan_struktur_pimpinan", "kesiapan_infra_jaringan",
         "kesiapan_infra_perangkat", "kesiapan_infra_aplikasi", "kesiapan_infra_sarana",
         "kesiapan_supra_regulasi", "kesiapan_supra_kelembagaan", "kesiapan_supra_sop",
         "kesiapan_supra_standar")


def _invite(site) -> str:
    from app.db import Database

    db = Database(site.db_url)
    try:
        with db.write_session() as session:
            user = create_user(session, username="sekretaris.a", role="officer",
                               opd_code="OPD-A", full_name="Sekretaris Dinas A")
            return create_link(session, user=user, purpose="invite")
    finally:
        db.dispose()


def _accept_invitation(page, site, token):
    page.goto(f"{site.url}/account/link/{token}")
    expect(page.locator("h1")).to_have_text("Aktifkan akun")
    page.get_by_label("Kata sandi baru", exact=True).fill(PASSWORD)
    page.get_by_label("Ulangi kata sandi baru").fill(PASSWORD)
    page.get_by_role("button", name="Simpan kata sandi").click()
    page.wait_for_url(site.url + "/")  # signed in at once: no second login


def _fill_everything(page, form: Form, artifacts):
    page.get_by_label("Nama lengkap pejabat penanggung jawab").fill("Andi Baso, S.Kom.")
    page.get_by_label("Jabatan", exact=False).first.fill("Sekretaris")
    form.fill("pj_nip", NIP)
    form.fill("pj_telepon", "081234567890")
    form.choose("urusan", "Komunikasi dan informatika")
    form.saved()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / "officer-form-360px.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    form.next()
    form.next()  # B. Layanan: no rows needed
    form.choose("punya_aplikasi", "Tidak")
    form.next()
    form.next()  # D. Data
    form.fill("internet_bandwidth", "50,5")
    form.choose("jaringan_intra", "Ya")
    for name, value in (("jumlah_komputer", "25"), ("jumlah_server", "1"), ("jumlah_cctv", "0")):
        form.fill(name, value)
    form.choose("ruang_server", "Tidak")
    form.next()
    for name, value in (("jumlah_pns", "1.250"), ("jumlah_pppk", "10"), ("jumlah_non_asn", "5"),
                        ("jumlah_pengelola_tik", "3"), ("jf_pranata_komputer", "1"),
                        ("jf_statistisi", "0"), ("jf_sandiman", "0"), ("jf_arsiparis", "1")):
        form.fill(name, value)
    form.choose("pelatihan_dibutuhkan", "Keamanan informasi")
    form.next()
    form.fill("anggaran_tik_berjalan", "1.500.000")
    form.fill("anggaran_tik_lalu", "0")
    form.choose("anggaran_sumber_dana", "Dana Alokasi Umum (DAU)")
    form.next()
    form.choose("regulasi_spbe", "Tidak")
    form.choose("sop_layanan_digital", "Belum ada")
    form.choose("tim_pengelola", "Tidak")
    form.next()
    for name in SKALA:
        form.choose(name, "4 – Baik")
    form.next()
    page.get_by_role("button", name="+ Tambah Kebutuhan").click()
    form.fill("kebutuhan_permasalahan", "Antrean berkas masih manual.")
    form.fill("nama_kebutuhan", "Aplikasi antrean daring")
    form.select("kebutuhan_jenis_solusi", "Pengembangan aplikasi yang ada")
    form.choose("kebutuhan_dimensi", "Smart Governance")
    form.select("kebutuhan_elemen", "Layanan Publik")
    form.fill("kebutuhan_penerima_manfaat", "Pemohon izin")
    form.fill("kebutuhan_output", "Aplikasi antrean")
    form.fill("biaya", "250000000")
    form.choose("kebutuhan_jangka", "Jangka pendek (≤ 1 tahun)")
    form.fill("kebutuhan_tahun_mulai", "2026")
    form.fill("kebutuhan_prioritas", "1")
    form.choose("kebutuhan_quick_win", "Tidak")
    expect(form.q("biaya").locator("input")).to_have_value("250.000.000")
    page.screenshot(path=str(artifacts / "officer-form-kebutuhan-360px.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    form.next()
    form.choose("pernyataan_setuju", "Saya setuju")
    form.fill("penandatangan_nama", "Ir. Baso Amir")
    form.fill("penandatangan_jabatan", "Kepala Dinas")
    form.fill("penandatangan_nip", NIP)
    form.fill("tempat_pengisian", "Masamba")
    form.fill("tanggal_pengisian", "2026-08-17")
    expect(form.q("tanggal_pengisian").locator(".day")).to_have_text("17 Agustus 2026")
    with page.expect_navigation():
        page.get_by_role("button", name="Periksa dan Kirim →").click()


def test_invited_officer_fills_submits_revises_and_resubmits(page, site, artifacts):
    token = _invite(site)
    _accept_invitation(page, site, token)
    expect(page.locator(".round-card")).to_contain_text("Belum mulai")
    page.get_by_role("link", name="Mulai mengisi").click()
    form = Form(page)
    _fill_everything(page, form, artifacts)
    expect(page.locator(".review")).to_contain_text("Isian siap dikirim.")
    with page.expect_navigation():
        page.get_by_role("button", name="Kirim").click()
    expect(page.locator("h1")).to_have_text("Tanda Terima Isian")
    expect(page.locator(".receipt")).to_contain_text("WITA")
    page.get_by_role("link", name="Lihat jawaban").click()
    expect(page.locator(".notice.ok")).to_contain_text("Isian telah dikirim pada")
    assert page.locator("main input, main textarea, main select").count() == 0
    expect(page.locator(".readonly")).to_contain_text("Rp250.000.000")
    expect(page.locator(".readonly")).to_contain_text("1.250")

    submission = _return_with_comments(site)
    page.goto(site.url + "/")
    expect(page.locator(".round-card")).to_contain_text("Perlu perbaikan")
    page.get_by_role("link", name="Lanjutkan mengisi").click()
    expect(page.locator(".remarks")).to_contain_text("Biaya terlalu kecil.")
    page.locator(".remarks").get_by_role("link", name="Kebutuhan 1 › Perkiraan biaya").click()
    page.wait_for_url("**section=daftar_kebutuhan#q-kebutuhan[1].biaya")
    expect(form.q("biaya").locator("input")).to_be_focused()
    expect(form.q("biaya").locator(".remark")).to_contain_text("Biaya terlalu kecil.")
    form.fill("biaya", "500.000.000")
    with page.expect_navigation():
        page.get_by_role("button", name="Lanjut →").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Periksa dan Kirim →").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Kirim").click()
    expect(page.locator("h1")).to_have_text("Tanda Terima Isian")
    expect(page.locator(".receipt")).to_contain_text("Kiriman ke-")
    stored = _submission(site, submission)
    assert stored.status == SubmissionStatus.submitted
    assert stored.answers["kebutuhan"][0]["biaya"] == 500_000_000


def _submission(site, submission_id) -> Submission:
    from app.db import Database

    db = Database(site.db_url)
    try:
        with db.session() as session:
            return session.get(Submission, submission_id)
    finally:
        db.dispose()


def _return_with_comments(site) -> int:
    from app.db import Database

    db = Database(site.db_url)
    try:
        with db.write_session() as session:
            submission = session.exec(select(Submission)).one()
            review.return_for_revision(session, submission=submission, actor=site.world.planner,
                                       note="Mohon diperbaiki.",
                                       field_comments={"kebutuhan[1].biaya":
                                                       "Biaya terlalu kecil."})
            return submission.id
    finally:
        db.dispose()
