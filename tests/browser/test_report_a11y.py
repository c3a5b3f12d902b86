"""The report passes axe-core (the npm package, run from a local copy) with 0 violations, as
the round page that links it does (issue 15)."""

import pytest

from tests.reports.conftest import seed_round
from tests.support.axe import axe_violations
from tests.support.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_the_report_and_the_round_page_have_no_axe_violations(browser, live_server, live_db):
    round_id = seed_round(live_db).round_id
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/login")
        page.get_by_label("Nama pengguna").fill("planner")
        page.get_by_label("Kata sandi").fill(PASSWORD)
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_url(live_server.url + "/")
        page.goto(f"{live_server.url}/rounds/{round_id}/report")
        assert page.locator("main section.chapter").count() == 7  # inside the main landmark
        assert axe_violations(page) == []
        page.emulate_media(media="print")
        assert axe_violations(page) == []
        page.emulate_media(media="screen")
        page.goto(f"{live_server.url}/rounds/{round_id}")
        assert page.get_by_role("link", name="Laporan PDF").count() == 1
        assert axe_violations(page) == []
    finally:
        context.close()
