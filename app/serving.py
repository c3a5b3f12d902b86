"""How uvicorn runs the service: workers, proxy trust, timeouts (used by `survei serve`).

uvicorn has no deadline for a request's head: a client sending a byte a second keeps its
connection forever. `HeadTimeoutH11Protocol` adds one; the body has its own deadline in the app
(`app.http.limits.BodyTimeoutMiddleware`), so it holds behind any server.
"""

import asyncio
from functools import cache

from uvicorn.protocols.http.h11_impl import H11Protocol

from app.config import Settings

# uvicorn kills a worker that does not answer its supervisor within this many seconds; its
# default (5) is shorter than a worker's start on a busy 2-core machine.
WORKER_HEALTHCHECK_SECONDS = 30


@cache
def _head_timeout() -> float:
    return Settings().header_timeout_seconds


class HeadTimeoutH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing a connection whose request head is not complete in time."""

    head_timeout: float | None = None  # None: SURVEI_HEADER_TIMEOUT_SECONDS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._head_timer: asyncio.TimerHandle | None = None
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._in_request():
            self._disarm()

    def on_response_complete(self) -> None:
        self._arm()
        super().on_response_complete()
        if self._in_request() or self.transport.is_closing():
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _in_request(self) -> bool:
        return self.cycle is not None and not self.cycle.response_complete

    def _arm(self) -> None:
        self._disarm()
        seconds = self.head_timeout or _head_timeout()
        self._head_timer = self.loop.call_later(seconds, self._head_too_slow)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if not self._in_request() and not self.transport.is_closing():
            self.transport.close()


def uvicorn_options(settings: Settings, *, workers: int = 1, reload: bool = False) -> dict:
    """Keyword arguments for `uvicorn.run("app.main:create_app", **options)`."""
    return {
        "factory": True,
        "reload": reload,
        "workers": None if reload else workers,
        # The app applies uvicorn's proxy-headers middleware itself with SURVEI_TRUSTED_PROXIES
        # (see app.main), so uvicorn's own default (trust loopback) must stay off.
        "proxy_headers": False,
        "forwarded_allow_ips": settings.trusted_proxies or "",
        "timeout_keep_alive": settings.keep_alive_seconds,
        "timeout_worker_healthcheck": WORKER_HEALTHCHECK_SECONDS,
        "http": HeadTimeoutH11Protocol,
        "server_header": False,
    }
