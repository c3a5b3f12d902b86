"""Fixtures for the officer browser tests (imported by tests/browser/test_officer_*.py)."""

from dataclasses import dataclass

import pytest

from app.questionnaires import service as questionnaire_service
from tests.submissions.worlds import World, build_world, load_once
from tests.support.factories import PASSWORD


@dataclass
class Site:
    """The live server with the default questionnaire in an open round for OPD A."""

    url: str
    world: World
    db_url: str

    @property
    def form(self) -> str:
        return f"{self.url}/rounds/{self.world.round_a.id}/form"


@pytest.fixture(name="site")
def site_fixture(live_server, live_db, monkeypatch) -> Site:
    """The default questionnaire in open rounds, on the live server (import this by name)."""
    monkeypatch.setattr(questionnaire_service, "load_xlsform",
                        lambda data, filename: load_once(data, filename))
    with live_db.write_session() as session:
        world = build_world(session)
    return Site(live_server.url, world, live_db.url)


def log_in(page, site: Site, username: str = "officer_a") -> None:
    """Log in through the login page and land on Beranda."""
    page.goto(site.url + "/login")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(site.url + "/")


class Form:
    """Fill the officer form by question name (rows by their position), as a user would."""

    def __init__(self, page):
        self.page = page

    def q(self, name: str, row: int = 0):
        """The question block (row: which occurrence, for questions inside repeat rows)."""
        return self.page.locator(f'.q[data-name="{name}"]').nth(row)

    def fill(self, name: str, value: str, row: int = 0) -> None:
        self.q(name, row).locator("input, textarea").first.fill(value)

    def choose(self, name: str, label: str, row: int = 0) -> None:
        self.q(name, row).get_by_label(label, exact=True).check()

    def select(self, name: str, label: str, row: int = 0) -> None:
        self.q(name, row).locator("select").select_option(label=label)

    def next(self) -> None:
        """Lanjut: saves, then the next section loads."""
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="Lanjut →").click()

    def saved(self, timeout: float = 10_000) -> None:
        """Wait until the status line says the answers are on the server."""
        from playwright.sync_api import expect

        expect(self.page.locator("#save-status")).to_have_attribute("data-kind", "saved",
                                                                    timeout=timeout)
