"""On a 360 px phone: the officer confirms the rows carried from last year's round and sees last
year's value beside an answer as soon as it differs (app/carry/)."""

import pytest
from playwright.sync_api import expect

from app.db import Database
from app.rounds.models import RoundStatus
from app.rounds.service import create_round, set_status
from app.submissions import review, service
from tests.browser.officer_fixtures import Form, log_in, site_fixture  # noqa: F401
from tests.submissions.default_answers import default_answers

pytestmark = pytest.mark.browser


def _carried_round(site) -> int:
    """OPD A's answers approved in round A (last year), and a new round carried from it."""
    db = Database(site.db_url)
    world = site.world
    try:
        with db.write_session() as session:
            saved = service.save_draft(session, round_=world.round_a, opd_id=world.opd_a.id,
                                       questionnaire=world.form,
                                       questionnaire_id=world.round_a.questionnaire_id,
                                       answers=default_answers(today="2019-08-17"),
                                       base_version=0, actor=world.officer_a).submission
            sent = service.submit(session, round_=world.round_a, submission=saved,
                                  questionnaire=world.form, base_version=saved.version,
                                  actor=world.officer_a)
            review.approve(session, submission=sent, actor=world.planner)
            second = create_round(session, name="Periode Pengisian Berikutnya",
                                  questionnaire_id=world.round_a.questionnaire_id,
                                  opd_ids=[world.opd_a.id], carry_from_id=world.round_a.id,
                                  actor=world.planner)
            set_status(session, round_=second, status=RoundStatus.open)
            return second.id
    finally:
        db.dispose()


def test_officer_confirms_carried_rows_on_a_phone(page, site, artifacts):
    round_id = _carried_round(site)
    log_in(page, site)
    page.goto(f"{site.url}/rounds/{round_id}/form?section=daftar_layanan")
    expect(page.locator("#carry-notice")).to_contain_text("Periode 2026")
    rows = page.locator(".row[data-carry]")
    expect(rows).to_have_count(2)
    rows.nth(0).get_by_label("Masih sama", exact=True).check()
    rows.nth(1).get_by_label("Tidak berlaku lagi", exact=True).check()
    expect(rows.nth(1)).to_have_attribute("data-carry", "retired")
    expect(rows.nth(1).locator('.q[data-name="layanan_nama"]')).to_be_hidden()
    Form(page).saved()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(artifacts / "officer-carry-360px.png"), full_page=True)
    page.reload()
    expect(page.locator(".row[data-carry]").nth(0)).to_have_attribute("data-carry", "same")
    expect(page.locator(".row[data-carry]").nth(1)).to_have_attribute("data-carry", "retired")
    page.goto(f"{site.url}/rounds/{round_id}/form?section=infrastruktur")
    form = Form(page)
    mark = form.q("internet_bandwidth").locator(".carried")
    expect(mark).to_contain_text("Sama dengan periode sebelumnya")
    form.fill("internet_bandwidth", "100")
    expect(mark.locator(".c-changed")).to_be_visible()
    expect(mark).to_contain_text("Tahun lalu: 50,5 Mbps")
    form.saved()
    with Database(site.db_url).session() as session:
        draft = service.find(session, round_id=round_id, opd_id=site.world.opd_a.id)
        assert draft.answers["internet_bandwidth"] == 100
        assert [r["_id"] for r in draft.answers["layanan"]] == ["layanan1"]
