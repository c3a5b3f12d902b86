"""Request limits: 413 above a route's cap (while streaming), deadlines for slow clients."""

import json
import select
import socket
import time

import pytest

from app.config import load_settings
from app.opds.importer import MAX_FILE_BYTES
from app.serving import HeadTimeoutH11Protocol
from tests.support.factories import login, make_user
from tests.support.live_server import LiveServer


@pytest.fixture
def planner_token(client, db):
    from app.auth.api_tokens import create_api_token

    with db.write_session() as session:
        user = make_user(session, "perencana", "planner")
        return create_api_token(session, user=user)


def test_a_json_body_above_the_cap_is_413_before_it_is_read(client, db):
    with db.write_session() as session:
        make_user(session, "officer", "admin")
    login(client, "officer")
    body = json.dumps({"version": 0, "answers": {f"k{n}": n for n in range(300_000)}})
    assert len(body) > 2 * 1024 * 1024
    started = time.monotonic()
    answer = client.put("/api/v1/rounds/1/submission", content=body,
                        headers={"Content-Type": "application/json", "X-CSRF-Token": "x"})
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "error.too_large"
    assert answer.json()["error"]["message"] == "Permintaan terlalu besar untuk halaman ini."
    assert time.monotonic() - started < 5


def test_an_upload_route_takes_its_file_limit_plus_a_margin(client, planner_token):
    auth = {"Authorization": f"Bearer {planner_token}"}
    just_under = b"kode,nama,jenis\n" + b"X" * (MAX_FILE_BYTES - 100)
    accepted = client.post("/api/v1/opds/import", files={"file": ("opd.csv", just_under)},
                           headers=auth)
    assert accepted.status_code != 413
    too_big = b"X" * (MAX_FILE_BYTES + 200_000)
    refused = client.post("/api/v1/opds/import", files={"file": ("opd.csv", too_big)},
                          headers=auth)
    assert refused.status_code == 413


class QuickHead(HeadTimeoutH11Protocol):
    head_timeout = 0.5


@pytest.fixture
def slow_client_server(tmp_path):
    settings = load_settings(env="test", var_dir=tmp_path / "var", secret_key="b" * 40,
                             database_url=f"sqlite:///{tmp_path / 'live.db'}",
                             body_timeout_seconds=1)
    server = LiveServer(settings, http=QuickHead).start()
    yield server
    server.stop()


def _closed_within(sock: socket.socket, seconds: float) -> bytes:
    """What the server sent before closing the connection (fails if it stays open)."""
    sock.settimeout(seconds)
    received = b""
    while True:
        chunk = sock.recv(4096)
        if not chunk:
            return received
        received += chunk


def test_a_client_dripping_its_headers_is_disconnected(slow_client_server):
    with socket.create_connection(("127.0.0.1", slow_client_server.port)) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # the head never ends
        started = time.monotonic()
        assert _closed_within(sock, 5) == b""
        assert time.monotonic() - started < 3


def test_a_body_that_never_arrives_gets_408(slow_client_server):
    with socket.create_connection(("127.0.0.1", slow_client_server.port)) as sock:
        sock.sendall(b"PUT /api/v1/rounds/1/submission HTTP/1.1\r\nHost: x\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 999999\r\n\r\n"
                     b'{"version": 0,')
        answer = _closed_within(sock, 10)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"error.request_timeout" in answer


def test_a_keep_alive_connection_is_closed_when_idle(slow_client_server):
    with socket.create_connection(("127.0.0.1", slow_client_server.port)) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = _closed_within(sock, 10)
    assert answer.startswith(b"HTTP/1.1 200")


def test_a_streamed_body_without_length_is_cut_at_the_cap(slow_client_server):
    chunk = b"x" * 65_536
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65_536)
        sock.connect(("127.0.0.1", slow_client_server.port))
        sock.sendall(b"POST /api/v1/opds HTTP/1.1\r\nHost: x\r\n"
                     b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        sent = 0
        while sent < 300:  # 19.7 MB if it were all taken
            sent += 1
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                break
            if select.select([sock], [], [], 0)[0]:
                break
        answer = _closed_within(sock, 10)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"error.too_large" in answer
    assert sent < 150  # answered long before the end, whatever the socket buffers hold
