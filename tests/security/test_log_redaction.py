"""One-time link tokens never reach the access log (uvicorn prints every request's path)."""

import logging
import urllib.request

from app.auth.accounts import create_link, create_user
from app.security.log_redaction import redact
from tests.support.factories import make_opd
from tests.support.live_server import LiveServer


class Captured(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def test_redact_replaces_the_token_and_keeps_the_rest():
    assert redact("GET /account/link/abc-DEF_123?x=1 HTTP/1.1") == \
        "GET /account/link/[token]?x=1 HTTP/1.1"
    assert redact("/rounds/3/form") == "/rounds/3/form"


def test_the_access_log_shows_the_link_path_without_its_token(db, settings):
    with db.write_session() as session:
        make_opd(session)
        user = create_user(session, username="budi", role="officer", opd_code="DINKES")
        token = create_link(session, user=user, purpose="invite")
    # What `survei serve` runs: uvicorn's own logging set-up with the access log on.
    server = LiveServer(settings, log_level="info")
    captured = Captured()
    server.start()
    logging.getLogger("uvicorn.access").addHandler(captured)
    try:
        with urllib.request.urlopen(f"{server.url}/account/link/{token}") as answer:
            assert answer.status == 200
        urllib.request.urlopen(f"{server.url}/healthz").close()
    finally:
        logging.getLogger("uvicorn.access").removeHandler(captured)
        server.stop()
    lines = [line for line in captured.lines if "/account/link/" in line]
    assert lines and all(token not in line for line in captured.lines)
    assert '"GET /account/link/[token] HTTP/1.1" 200' in lines[0]
