"""Autosave on a phone: nothing typed is lost across a reload, an offline spell or two tabs."""

import re

import pytest
from playwright.sync_api import expect

from app.db import Database
from app.submissions import service
from tests.browser.officer_fixtures import Form, log_in, site_fixture  # noqa: F401

pytestmark = pytest.mark.browser
SAVE_URL = "**/api/v1/rounds/*/submission"
OFFLINE = "Offline, tersimpan di perangkat ini — dikirim otomatis saat tersambung lagi."


def _stored(site) -> dict:
    db = Database(site.db_url)
    try:
        with db.session() as session:
            found = service.find(session, round_id=site.world.round_a.id,
                                 opd_id=site.world.opd_a.id)
            return found.answers if found else {}
    finally:
        db.dispose()


def test_autosave_survives_a_reload_and_an_offline_spell(page, site):
    log_in(page, site)
    page.goto(site.form)
    form = Form(page)
    status = page.locator("#save-status")
    form.fill("pj_nama", "Andi Baso")
    form.saved()
    expect(status).to_have_text(re.compile(r"^Tersimpan [0-2][0-9]\.[0-5][0-9]$"))  # 14.32
    page.reload()
    expect(form.q("pj_nama").locator("input")).to_have_value("Andi Baso")

    page.route(SAVE_URL, lambda route: route.abort("internetdisconnected"))
    form.fill("pj_jabatan", "Sekretaris Dinas")
    expect(status).to_have_text(OFFLINE)
    warned = []
    page.on("dialog", lambda dialog: (warned.append(dialog.type), dialog.accept()))
    page.reload()
    assert warned == ["beforeunload"]  # leaving with unsaved input warns
    expect(form.q("pj_jabatan").locator("input")).to_have_value("Sekretaris Dinas")
    expect(status).to_have_text(OFFLINE)
    assert "pj_jabatan" not in _stored(site)

    page.unroute(SAVE_URL)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    form.saved()
    assert _stored(site)["pj_jabatan"] == "Sekretaris Dinas"
    page.reload()
    expect(form.q("pj_jabatan").locator("input")).to_have_value("Sekretaris Dinas")


def test_input_typed_before_the_form_script_runs_is_saved(page, site):
    """On a slow phone the fields show before the script arrives: what is typed then is sent
    as soon as it runs, not lost when the officer goes on to the next section."""
    log_in(page, site)
    saves = []
    page.on("request", lambda request: saves.append(request) if request.method == "PUT" else None)
    page.goto(site.form)  # opened and left untouched: nothing is sent, no draft is made
    page.evaluate("new Promise((done) => setTimeout(done, 100))")
    assert saves == [] and _stored(site) == {}
    held = []
    page.route("**/static/js/form/main.js", lambda route: held.append(route))
    page.goto(site.form, wait_until="commit")
    form = Form(page)
    form.fill("pj_nama", "Diketik sebelum skrip")
    form.choose("urusan", "Komunikasi dan informatika")
    assert len(held) == 1 and "pj_nama" not in _stored(site)
    held[0].continue_()
    form.saved()
    stored = _stored(site)
    assert stored["pj_nama"] == "Diketik sebelum skrip"
    assert stored["urusan"] == ["kominfo"]
    page.unroute("**/static/js/form/main.js")
    page.reload()
    expect(form.q("pj_nama").locator("input")).to_have_value("Diketik sebelum skrip")


def test_two_tabs_show_the_conflict_and_keep_both_texts(page, site):
    log_in(page, site)
    other = page.context.new_page()
    page.goto(site.form)
    other.goto(site.form)
    first, second = Form(page), Form(other)
    first.fill("pj_nama", "Nama dari tab satu")
    first.fill("pj_jabatan", "Sekretaris")
    first.saved()
    second.fill("pj_nama", "Nama dari tab dua")
    panel = other.locator("#conflict")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Nama lengkap pejabat penanggung jawab")
    expect(panel.locator(".other-value")).to_have_text("Nama dari tab satu")
    expect(second.q("pj_nama").locator("input")).to_have_value("Nama dari tab dua")
    expect(second.q("pj_nama").locator(".elsewhere")).to_contain_text("Nama dari tab satu")
    expect(second.q("pj_jabatan").locator("input")).to_have_value("Sekretaris")  # merged
    assert _stored(site)["pj_nama"] == "Nama dari tab satu"  # nothing overwritten yet
    other.get_by_role("button", name="Simpan isian saya").click()
    expect(panel).to_be_hidden()
    second.saved()
    stored = _stored(site)
    assert stored["pj_nama"] == "Nama dari tab dua" and stored["pj_jabatan"] == "Sekretaris"

    first.fill("pj_telepon", "081234567890")  # tab one is now stale in turn
    expect(page.locator("#conflict")).to_contain_text("Ada perubahan dari tempat lain")
    first.saved()
    expect(first.q("pj_nama").locator("input")).to_have_value("Nama dari tab dua")
    assert _stored(site)["pj_telepon"] == "081234567890"
