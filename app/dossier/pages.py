"""The dossier downloads and the public verification page.

    GET /rounds/{id}/dossier.pdf           officer: their own OPD's latest revision
    GET /submissions/{id}/dossier.pdf      staff: any submission (?revision=N for an older one)
    GET /rounds/{id}/dossiers.zip          planner: every dossier of the round in one ZIP
    GET /verifikasi/{code}                 anyone: OPD, round, revision time and status only

The ZIP is written in the request while the round has at most SURVEI_DIRECT_DOWNLOAD_MAX
submitted OPDs; a larger round is sent to the round page's jobs section, where the job kind
"dossiers" (app/dossier/job.py) runs `archive.write_round_dossiers` in the background.
"""

import tempfile
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.background import BackgroundTask

from app.auth.policy import Principal, public
from app.deps import DatabaseDep, SessionDep, client_ip
from app.dossier import verify as verification
from app.dossier.archive import (
    dossier_filename,
    record_round_download,
    round_zip_filename,
    write_round_dossiers,
)
from app.dossier.code import normalise
from app.dossier.document import dossier_pdf
from app.dossier.service import dossier_of, record_download, round_submissions
from app.downloads import attachment
from app.errors import NotFound, TooManyRequests, file_responses
from app.i18n import language_of
from app.jobs.limits import over_limit
from app.regencies.context import site_of
from app.review.deps import StaffDep, StaffSubmission
from app.rounds.deps import PlannerDep, PlannerRound
from app.submissions.access import OfficerRoundDep
from app.types import DbInt, utcnow
from app.web import render

router = APIRouter(tags=["pages: dossier"])
PDF = file_responses("application/pdf", "The dossier of one revision as an A4 PDF/A.")
ZIP = file_responses("application/zip", "Every dossier of the round, one PDF per OPD.")


def _pdf(request: Request, session, principal: Principal, submission,
         number: int | None = None) -> Response:
    settings = site_of(request).settings
    dossier = dossier_of(session, submission=submission, number=number)
    pdf = dossier_pdf(dossier, lang=language_of(request), base_url=settings.base_url,
                      timezone=settings.timezone, generated_at=utcnow())
    record_download(session, actor=principal.user, dossier=dossier, ip=client_ip(request))
    name = dossier_filename(dossier.opd.code, dossier.revision.number)
    return Response(pdf, media_type="application/pdf",
                    headers={"Cache-Control": "no-store",
                             "Content-Disposition": attachment(name)})


@router.get("/rounds/{round_id}/dossier.pdf", response_class=Response, responses=PDF)
def own_dossier(request: Request, session: SessionDep, ctx: OfficerRoundDep):
    """The officer's own OPD's dossier: the latest submitted revision, as a PDF."""
    if ctx.submission is None:
        raise NotFound("dossier.no_revision")
    return _pdf(request, session, ctx.principal, ctx.submission)


@router.get("/submissions/{submission_id}/dossier.pdf", response_class=Response,
            responses=PDF)
def submission_dossier(request: Request, session: SessionDep, submission: StaffSubmission,
                       principal: StaffDep, revision: DbInt | None = None):
    """A submission's dossier (the latest revision, or ?revision=N), as a PDF."""
    return _pdf(request, session, principal, submission, revision)


@router.get("/rounds/{round_id}/dossiers.zip", response_class=FileResponse, responses=ZIP)
def round_dossiers(request: Request, db: DatabaseDep, session: SessionDep,
                   round_: PlannerRound, principal: PlannerDep):
    """Every submitted OPD's dossier of the round (latest revision each), in one ZIP; a large
    round goes to the round page's background jobs instead."""
    if over_limit(request, len(round_submissions(session, round_id=round_.id)), round_.id):
        return RedirectResponse(f"/rounds/{round_.id}?notice=dossiers_large#jobs",
                                status_code=303)
    settings = site_of(request).settings
    path = Path(tempfile.gettempdir()) / f"survei-dossiers-{uuid.uuid4().hex}.zip"
    count = write_round_dossiers(db, round_id=round_.id, path=path, lang=language_of(request),
                                 base_url=settings.base_url, timezone=settings.timezone)
    record_round_download(db, actor=principal.user, round_id=round_.id, count=count,
                          ip=client_ip(request))
    return FileResponse(path, media_type="application/zip",
                        headers={"Cache-Control": "no-store",
                                 "Content-Disposition": attachment(round_zip_filename(round_.id))},
                        background=BackgroundTask(path.unlink, missing_ok=True))


def _limiter(request: Request) -> verification.LookupLimiter:
    state = request.app.state
    if not hasattr(state, "verify_limiter"):
        state.verify_limiter = verification.LookupLimiter()
    return state.verify_limiter


@router.get("/verifikasi/{verification_code}", include_in_schema=False)
def verify_page(request: Request, session: SessionDep, verification_code: str,
                _principal: Annotated[Principal | None, Depends(public)]):
    """Which OPD, round, revision and status a dossier's code belongs to (never the answers)."""
    wait = _limiter(request).wait(client_ip(request))
    if wait:
        raise TooManyRequests("dossier.verify_too_many", headers={"Retry-After": str(wait)},
                              seconds=wait)
    code = verification_code[:200]
    cleaned = normalise(code)
    found = verification.verify(session, code=cleaned) if cleaned else []
    context = {"code": cleaned or code, "found": found}
    response = render(request, "dossier/verify.html", context, status=200 if found else 404)
    response.headers["X-Robots-Tag"] = "noindex"
    return response
