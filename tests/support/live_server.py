"""The real service under uvicorn on a free loopback port, in a background thread."""

import socket
import threading
import time
import urllib.error
import urllib.request

import uvicorn

from app.config import Settings
from app.main import create_app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """Start with `start()`; `url` is the base address; `stop()` shuts it down."""

    def __init__(self, settings: Settings, port: int | None = None, **options):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        options = {"log_level": "warning", **options}
        config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=self.port,
                                **options)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        return self
            except OSError:  # refused, reset, or a first answer slower than 1 s on a busy machine
                time.sleep(0.05)
        raise RuntimeError("live server did not start")

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
