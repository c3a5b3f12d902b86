"""Logging in with a real Chromium at phone width."""

import pytest

from tests.support.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser


def test_officer_logs_in_on_a_phone_and_sees_beranda(page, live_server, live_db, artifacts):
    with live_db.write_session() as session:
        make_user(session, "perencana", "planner")
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Masuk"
    page.get_by_label("Nama pengguna").fill("perencana")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(live_server.url + "/")
    assert "Selamat datang, Perencana." in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(artifacts / "beranda-360px.png"), full_page=True)


def test_wrong_password_shows_the_message_and_keeps_the_username(page, live_server, live_db):
    with live_db.write_session() as session:
        make_user(session, "perencana", "planner")
    page.goto(live_server.url + "/login")
    page.get_by_label("Nama pengguna").fill("perencana")
    page.get_by_label("Kata sandi").fill("bukan-sandinya-123")
    page.get_by_role("button", name="Masuk").click()
    assert page.get_by_role("alert").inner_text() == "Nama pengguna atau kata sandi salah."
    assert page.get_by_label("Nama pengguna").input_value() == "perencana"
