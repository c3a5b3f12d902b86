"""Errors that carry their HTTP status, and the one handler that renders them as HTML or JSON."""

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ConfigDict
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.db import WriteLockTimeout
from app.faults import RETRY_AFTER_SECONDS, is_storage_fault
from app.responses import SafeJSONResponse


class ErrorDetail(BaseModel):
    """What went wrong: the status, a stable code, a message in the caller's language."""

    model_config = ConfigDict(extra="allow")  # e.g. `fields`, `problems`, a 409's `version`

    status: int
    code: str
    message: str


class ErrorOut(BaseModel):
    """Every error the API answers has this shape."""

    error: ErrorDetail


_ERROR_DESCRIPTIONS = {
    400: "The request cannot be read.",
    401: "No valid session cookie or bearer token.",
    403: "The caller's role or OPD may not do this, or the CSRF token is missing.",
    404: "No such object (or not visible to the caller).",
    408: "The request body did not arrive in time.",
    409: "The object changed or is in a state that does not allow this.",
    413: "The request body is larger than this route accepts.",
    422: "The input is invalid: `error.fields` or `error.problems` say where.",
    429: "Too many requests: wait for the `Retry-After` seconds.",
    503: "Storage or service unavailable: retry after `Retry-After` seconds; nothing is lost.",
}
# Declared on every API router, so the OpenAPI document lists each status the API may answer.
API_ERRORS: dict[int | str, dict] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in _ERROR_DESCRIPTIONS.items()
}


def file_responses(media_type: str, what: str, schema: dict | None = None) -> dict:
    """The OpenAPI `responses` of a page route that sends a file (its errors are pages)."""
    page = {"text/html": {"schema": {"type": "string"}}}
    errors = {status: {"description": _ERROR_DESCRIPTIONS[status], "content": page}
              for status in (400, 403, 404, 422, 503)}
    return {200: {"description": what,
                  "content": {media_type: {"schema": schema or {"type": "string",
                                                                  "format": "binary"}}}},
            303: {"description": "Not signed in: to the login page."}, **errors}


class AppError(Exception):
    """An error a user may see: `key` names a message in the catalogues."""

    status = 400
    key = "error.bad_request"

    def __init__(self, key: str | None = None, *, detail: dict | None = None,
                 headers: dict[str, str] | None = None, **params):
        self.key = key or self.key
        self.params = params
        self.detail = detail or {}
        self.headers = headers or {}
        super().__init__(self.key)


class BadRequest(AppError):
    status, key = 400, "error.bad_request"


class Unauthorized(AppError):
    status, key = 401, "error.unauthorized"


class Forbidden(AppError):
    status, key = 403, "error.forbidden"


class NotFound(AppError):
    status, key = 404, "error.not_found"


class Conflict(AppError):
    status, key = 409, "error.conflict"


class Invalid(AppError):
    """Input validation failed: `errors` maps a field to its message."""

    status, key = 422, "error.invalid"


class PayloadTooLarge(AppError):
    """An upload (or what it unpacks to) beyond a limit."""

    status, key = 413, "error.file_too_large"


class TooManyRequests(AppError):
    status, key = 429, "error.too_many_requests"


class ServiceUnavailable(AppError):
    status, key = 503, "error.unavailable"


STATUS_KEYS = {
    400: "error.bad_request",
    401: "error.unauthorized",
    403: "error.forbidden",
    404: "error.not_found",
    405: "error.method_not_allowed",
    408: "error.request_timeout",
    409: "error.conflict",
    413: "error.too_large",
    422: "error.invalid",
    429: "error.too_many_requests",
    500: "error.internal",
    503: "error.unavailable",
}


def wants_json(request: Request) -> bool:
    """API paths and clients that ask for JSON get JSON errors; browsers get a page."""
    if request.url.path.startswith("/api/") or request.url.path == "/healthz":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def login_redirect(request: Request) -> RedirectResponse:
    """Send a browser to the login page, to come back to this page (with its query) after."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)


def error_response(
    request: Request, status: int, key: str, params: dict, detail: dict,
    headers: dict[str, str] | None = None,
) -> Response:
    """Render one error, as JSON for the API and as a page in the user's language otherwise."""
    from app.i18n import translator_for
    from app.web import render

    _ = translator_for(request)
    message = _(key, **params)
    if wants_json(request):
        # The error's own fields come last: no payload key (a submission's `status`) hides them.
        body = {"error": {**detail, "status": status, "code": key, "message": message}}
        return SafeJSONResponse(body, status_code=status, headers=headers)
    if status == 401:
        return login_redirect(request)
    response = render(request, "error.html", {"status": status, "message": message}, status=status)
    response.headers.update(headers or {})
    return response


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through error_response."""

    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError):
        return error_response(request, exc.status, exc.key, exc.params, exc.detail,
                              headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        key = STATUS_KEYS.get(exc.status_code, "error.internal")
        # Keep the headers HTTP requires with some statuses, e.g. `Allow` on a 405.
        return error_response(request, exc.status_code, key, {}, {}, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        if any(e["loc"][:1] == ("path",) for e in exc.errors()):
            # An id that is not a number, or one no row can have, names nothing: not found.
            return error_response(request, 404, "error.not_found", {}, {})
        fields = {".".join(str(p) for p in e["loc"][1:]) or "body": e["msg"] for e in exc.errors()}
        return error_response(request, 422, "error.invalid", {}, {"fields": fields})

    @app.exception_handler(DBAPIError)
    @app.exception_handler(PoolTimeout)
    @app.exception_handler(WriteLockTimeout)
    async def _database_error(request: Request, exc: Exception):
        if not (isinstance(exc, WriteLockTimeout) or is_storage_fault(exc)):
            return await _unexpected(request, exc)
        logging.getLogger("app").warning("storage fault on %s: %s", request.url.path, exc)
        return error_response(request, 503, "error.storage", {}, {},
                              headers={"Retry-After": str(RETRY_AFTER_SECONDS)})

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        logging.getLogger("app").exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "error.internal", {}, {})
