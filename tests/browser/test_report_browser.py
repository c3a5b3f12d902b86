"""The round report in a real Chromium: renders, prints to PDF, makes no request, stays inert."""

import re

import pytest

from tests.reports.conftest import HOSTILE_TITLE, seed_round
from tests.support.factories import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def wide(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    yield context.new_page()
    context.close()


def test_report_renders_prints_and_requests_nothing_else(wide, live_server, live_db, artifacts):
    round_id = seed_round(live_db).round_id
    page = wide
    blocked, failed, errors, dialogs = [], [], [], []

    def only_the_live_server(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_live_server)
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server.url + "/login")
    page.get_by_label("Nama pengguna").fill("planner")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(live_server.url + "/")
    requests_before = len(failed)

    page.goto(f"{live_server.url}/rounds/{round_id}/report")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Laporan Analisis Kebutuhan Smart City"
    assert page.locator("section.chapter h2").count() == 10  # 1-10 (11: with a plan)
    assert page.locator("svg").count() == 3
    # the hostile need title is shown as text; no element, no script, no dialog came of it
    assert page.get_by_text(HOSTILE_TITLE).count() >= 1
    assert page.evaluate("document.querySelectorAll('script, img, iframe').length") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.screenshot(path=str(artifacts / "laporan-1280px.png"), full_page=False)
    # anchors from the tables lead to the OPD profiles
    page.locator('a[href="#opd-opd-a"]').first.click()
    assert page.evaluate("location.hash") == "#opd-opd-a"

    pdf = page.pdf(path=str(artifacts / "laporan-a4.pdf"), format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pdf.startswith(b"%PDF") and pages >= 7  # each of the seven sections starts a page
    assert blocked == [] and failed[requests_before:] == [] and errors == [] and dialogs == []
