"""Request limits: how large a body each route accepts, and how long a client may take to send it.

Body caps are FastAPI's own (`max_body_size`, checked against Content-Length first and then
while the body streams in, so an oversized body is refused with 413 before it is read whole).
The app default (`SURVEI_MAX_BODY_BYTES`, 2 MiB) covers every JSON and form route; a route that
takes a file declares `max_body_size=upload_cap(ITS_FILE_LIMIT)`. uvicorn has no deadline for a
request body, so `BodyTimeoutMiddleware` gives one: 408 when a chunk does not arrive within the
deadline (a client declaring 999,999 bytes and sending 14 waits no longer than that).
"""

import anyio
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Room for the multipart envelope and the other form fields next to the file itself.
UPLOAD_MARGIN_BYTES = 64 * 1024


def upload_cap(file_limit: int) -> int:
    """The body cap of a route that takes one file of at most `file_limit` bytes."""
    return file_limit + UPLOAD_MARGIN_BYTES


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
