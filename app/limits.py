"""Request limits: how large a body each route accepts, and how long a client may take to send it.

Body caps are FastAPI's own (`max_body_size`, checked against Content-Length first and then
while the body streams in, so an oversized body is refused with 413 before it is read whole).
The app default (`SURVEI_MAX_BODY_BYTES`, 2 MiB) covers every JSON and form route; a route that
takes a file declares `max_body_size=upload_cap(ITS_FILE_LIMIT)`. uvicorn has no deadline for a
request body, so `BodyTimeoutMiddleware` gives one: 408 when a chunk does not arrive within the
deadline (a client declaring 999,999 bytes and sending 14 waits no longer than that).
"""

import re

import anyio
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Room for the multipart envelope and the other form fields next to the file itself.
UPLOAD_MARGIN_BYTES = 64 * 1024


def upload_cap(file_limit: int) -> int:
    """The body cap of a route that takes one file of at most `file_limit` bytes."""
    return file_limit + UPLOAD_MARGIN_BYTES


class LargerCaps:
    """The cap of every route allowed more than `default` (upload routes), found by method and
    path; a path with parameters (`/rounds/{round_id}/…`) matches as the router matches it."""

    def __init__(self, app: FastAPI, default: int) -> None:
        self.default = default
        self.fixed: dict[tuple[str, str], int] = {}
        self.templated: list[tuple[frozenset[str], re.Pattern, int]] = []
        for route in iter_route_contexts(app.routes):
            cap = getattr(route, "max_body_size", None)
            if not cap or cap <= default:
                continue
            if "{" in route.path:
                self.templated.append((frozenset(route.methods), compile_path(route.path)[0],
                                       cap))
            else:
                self.fixed.update({(method, route.path): cap for method in route.methods})

    def cap(self, method: str, path: str) -> int:
        """The body cap of a request: its route's, else the app's default."""
        found = self.fixed.get((method, path))
        if found is not None:
            return found
        for methods, pattern, cap in self.templated:
            if method in methods and pattern.match(path):
                return cap
        return self.default


class DeclaredLengthMiddleware:
    """413 in the app's own error format when Content-Length already exceeds the route's cap.

    FastAPI would refuse it too, but with a plain-text body that replaces any answer; bodies
    without a length (chunked) are cut by FastAPI while they stream, through our handlers.
    """

    def __init__(self, app: ASGIApp, fastapi_app: FastAPI, default: int) -> None:
        self.app, self.fastapi_app, self.default = app, fastapi_app, default
        self.caps: LargerCaps | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = Headers(scope=scope).get("content-length", "") if scope["type"] == "http" \
            else ""
        if declared.isdigit() and int(declared) > self.default:
            if self.caps is None:
                self.caps = LargerCaps(self.fastapi_app, self.default)
            cap = self.caps.cap(scope["method"], scope["path"])
            if int(declared) > cap:
                from app.errors import error_response

                response = error_response(Request(scope, receive), 413, "error.too_large", {}, {})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyTimeout(HTTPException):
    """The client did not send its request body in time."""

    def __init__(self) -> None:
        super().__init__(status_code=408)


class BodyTimeoutMiddleware:
    """A deadline for the whole request body (`seconds`), counted from the first read of it."""

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        deadline: float | None = None
        complete = False

        async def timed_receive() -> Message:
            nonlocal deadline, complete
            if complete:  # after the body, receive only waits for a disconnect: no deadline
                return await receive()
            deadline = deadline or anyio.current_time() + self.seconds
            with anyio.move_on_after(deadline - anyio.current_time()) as scope_:
                message = await receive()
            if scope_.cancelled_caught:
                raise BodyTimeout()
            complete = message["type"] != "http.request" or not message.get("more_body")
            return message

        await self.app(scope, timed_receive, send)
