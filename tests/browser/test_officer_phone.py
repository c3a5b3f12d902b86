"""On a 360 px phone: Beranda and the receipt fit the screen, the language switch keeps the
place, calculated values show as the officer types, the print view is signed from the answers."""

import pytest
from playwright.sync_api import expect

from app.db import Database
from app.submissions import service
from tests.browser.officer_fixtures import Form, log_in, site_fixture  # noqa: F401
from tests.submissions.default_answers import NIP, default_answers

pytestmark = pytest.mark.browser


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def _submitted(site) -> None:
    """OPD A's complete answers, submitted through the service."""
    db = Database(site.db_url)
    try:
        with db.write_session() as session:
            world = site.world
            saved = service.save_draft(session, round_=world.round_a, opd_id=world.opd_a.id,
                                       questionnaire=world.form,
                                       questionnaire_id=world.round_a.questionnaire_id,
                                       answers=default_answers(today="2026-08-17"),
                                       base_version=0, actor=world.officer_a)
            service.submit(session, round_=world.round_a, submission=saved.submission,
                           questionnaire=world.form, base_version=saved.submission.version,
                           actor=world.officer_a)
    finally:
        db.dispose()


def test_beranda_and_the_receipt_fit_a_phone(page, site, artifacts):
    log_in(page, site)
    _fits(page)
    page.screenshot(path=str(artifacts / "officer-beranda-360px.png"), full_page=True)
    _submitted(site)
    page.goto(f"{site.url}/rounds/{site.world.round_a.id}/receipt")
    expect(page.locator("h1")).to_have_text("Tanda Terima Isian")
    _fits(page)
    page.screenshot(path=str(artifacts / "officer-receipt-360px.png"), full_page=True)


def test_the_print_view_is_signed_from_the_answers(page, site):
    log_in(page, site)
    _submitted(site)
    page.goto(f"{site.url}/rounds/{site.world.round_a.id}/print")
    block = page.locator(".signature")
    answers = default_answers()
    expect(block).to_contain_text("Masamba, 17 Agustus 2026")
    expect(block).to_contain_text(answers["penandatangan_jabatan"])
    expect(block.locator(".sign-name")).to_have_text(answers["penandatangan_nama"])
    expect(block).to_contain_text(f"NIP. {NIP}")


def test_the_language_switch_keeps_the_section(page, site):
    log_in(page, site)
    page.goto(f"{site.form}?section=sdm")
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/form?section=sdm")
    expect(page.locator(".section-title")).to_have_text("F. Human Resources")
    page.get_by_role("button", name="Bahasa Indonesia").click()
    page.wait_for_url("**/form?section=sdm")


def test_calculated_values_show_as_the_officer_types(page, site):
    log_in(page, site)
    page.goto(f"{site.form}?section=sdm")
    form = Form(page)
    form.fill("jumlah_pns", "1.200")
    form.fill("jumlah_pppk", "30")
    form.fill("jumlah_non_asn", "20")
    expect(form.q("total_pegawai").locator("output")).to_have_text("1.250")
    expect(form.q("total_pegawai")).to_contain_text("Jumlah seluruh pegawai")
    page.goto(f"{site.form}?section=kesiapan")
    for name in ("kesiapan_struktur_jumlah_sdm", "kesiapan_struktur_kompetensi",
                 "kesiapan_struktur_anggaran", "kesiapan_struktur_pimpinan"):
        form.choose(name, "4 – Baik")
    expect(form.q("skor_struktur").locator("output")).to_have_text("4")
