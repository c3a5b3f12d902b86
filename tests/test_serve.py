"""`survei serve --workers 2` as an operator runs it: a real process tree on a loopback port."""

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2 as httpx
import pytest
from sqlmodel import func, select

from app.auth.models import LoginAttempt
from tests.support.factories import PASSWORD, make_user
from tests.support.live_server import free_port

SURVEI = Path(sys.executable).parent / "survei"


@pytest.fixture
def served(database_url, tmp_path):
    """`survei serve --workers 2` on the test database; yields its base URL and its stderr."""
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "SURVEI_ENV": "test", "SURVEI_DATABASE_URL": database_url,
           "SURVEI_SECRET_KEY": "s" * 40, "SURVEI_VAR_DIR": str(tmp_path / "var")}
    with open(log, "w") as stderr:
        process = subprocess.Popen([str(SURVEI), "serve", "--workers", "2", "--port", str(port)],
                                   env=env, stdout=stderr, stderr=stderr, start_new_session=True)
    try:
        yield f"http://127.0.0.1:{port}", log
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_until_up(base: str, seconds: float = 90) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return time.monotonic() - started
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError(f"survei serve did not answer within {seconds} s")


def test_two_workers_come_up_answer_and_count_wrong_passwords_exactly(served, db):
    base, log = served
    with db.write_session() as session:
        make_user(session, "perencana", "planner")
    wait_until_up(base)
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: httpx.get(f"{base}/login", timeout=30).status_code,
                                range(40)))
    assert answers == [200] * 40
    time.sleep(1)  # let the supervisor report any worker it had to replace
    output = log.read_text()
    assert output.count("Started server process") == 2, output
    assert "died" not in output and "not ready" not in output, output
    statuses, checks = thirty_wrong_passwords_at_once(base, db)
    assert checks <= 5
    assert statuses.count(401) == checks and statuses.count(429) == 30 - checks


def thirty_wrong_passwords_at_once(base: str, db) -> tuple[list[int], int]:
    """30 browsers posting a wrong password for one account at once; (statuses, checks)."""

    def wrong(_n: int) -> int:
        with httpx.Client(base_url=base, timeout=60) as browser:
            page = browser.get("/login").text
            token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
            return browser.post("/login", data={"username": "perencana", "csrf_token": token,
                                                "password": PASSWORD + "-salah"}).status_code

    with ThreadPoolExecutor(30) as pool:
        statuses = list(pool.map(wrong, range(30)))
    with db.session() as session:
        checks = session.exec(select(func.count()).select_from(LoginAttempt)).one()
    return statuses, checks
