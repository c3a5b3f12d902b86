"""Which downloads are too large to build inside a request (SURVEI_DIRECT_DOWNLOAD_MAX)."""

from fastapi import Request
from sqlmodel import Session

from app.errors import Conflict
from app.exports.options import ExportOptions
from app.exports.source import count_submissions
from app.regencies.context import site_of


def too_large(request: Request, session: Session, round_id: int,
              options: ExportOptions) -> bool:
    """True for a page when more submissions pass the filters than a direct download may hold;
    an API call is answered 409 (job.too_large) instead."""
    count = count_submissions(session, round_id=round_id, options=options)
    return over_limit(request, count, round_id)


def over_limit(request: Request, count: int, round_id: int) -> bool:
    """True for a page when `count` submissions are more than a direct download may hold;
    an API call is answered 409 (job.too_large) instead."""
    limit = site_of(request).settings.direct_download_max
    if count <= limit:
        return False
    if request.url.path.startswith("/api/"):
        raise Conflict("job.too_large", count=count, limit=limit, round_id=round_id)
    return True
