"""Browser fixtures (a pytest plugin loaded by tests/conftest.py, so every directory shares ONE
Chromium: two sync Playwright instances cannot run in one thread): Debian's Chromium driven by
Playwright against the real service (SQLite)."""

import os
import shutil
from pathlib import Path

import pytest

from app.config import load_settings
from app.db import Database
from tests.conftest import missing
from tests.support.live_server import LiveServer, free_port

CHROMIUM = os.environ.get("SURVEI_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# Without the background-networking flags Chromium keeps trying to reach Google's hosts,
# which this closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        missing(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def live_port() -> int:
    return free_port()


@pytest.fixture
def live_settings(tmp_path, live_port):
    # One-time links are built from SURVEI_BASE_URL: the live server's own address.
    return load_settings(env="test", var_dir=tmp_path / "var", secret_key="b" * 40,
                         database_url=f"sqlite:///{tmp_path / 'live.db'}",
                         base_url=f"http://127.0.0.1:{live_port}")


@pytest.fixture
def live_db(live_settings):
    database = Database(live_settings.database_url)
    yield database
    database.dispose()


@pytest.fixture
def live_server(live_settings, live_db, live_port):
    server = LiveServer(live_settings, port=live_port).start()
    yield server
    server.stop()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
