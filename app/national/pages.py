"""/nasional: every regency's rounds and progress, and the workbooks of regencies that share
their raw answers, for the national coordinator."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import RedirectResponse

from app import audit
from app.auth.policy import Principal, coordinators
from app.deps import SessionDep, client_ip
from app.errors import NotFound
from app.exports.options import Format
from app.exports.pages import send_export
from app.jobs import service as jobs
from app.jobs.context import job_context
from app.jobs.pages import poke
from app.national.progress import totals
from app.national.service import regency_rounds, shared_export, shared_round
from app.regencies.context import site_of
from app.types import DbId
from app.web import render

router = APIRouter(tags=["pages: national"])
CoordinatorDep = Annotated[Principal, Depends(coordinators)]
RegencyCode = Annotated[str, Path(pattern=r"^[0-9]{2}(\.[0-9]{2})?$")]


@router.get("/nasional")
def national_progress(request: Request, session: SessionDep, _principal: CoordinatorDep,
                      notice: str = ""):
    """Every regency's rounds: OPDs asked, submitted, approved, overdue; the national jobs."""
    rows = regency_rounds(request.app.state.sites.all())
    return render(request, "national/progress.html", {
        "rows": rows, "totals": totals(rows), **job_context(request, session, None),
        "notice": notice if notice == "export_job" else ""})


@router.get("/nasional/{regency_code}/rounds/{round_id}/export.xlsx")
def national_export(request: Request, regency_code: RegencyCode, round_id: DbId,
                    session: SessionDep, principal: CoordinatorDep):
    """A regency's consolidated workbook, where that regency shares its raw answers; above the
    direct-download limit it is made in the background (a national job) instead."""
    site = request.app.state.sites.by_code(regency_code)
    if site is None:
        raise NotFound()
    if shared_round(site, round_id=round_id) > site_of(request).settings.direct_download_max:
        jobs.start_job(session, round_id=None, kind="national_export",
                       raw={"regency_code": regency_code, "round": round_id},
                       actor=principal.user, ip=client_ip(request))
        poke(request)
        return RedirectResponse("/nasional?notice=export_job#jobs", status_code=303)
    response = send_export(lambda path: shared_export(
        site, round_id=round_id, coordinator=principal.user, path=path), Format.xlsx)
    audit.record(session, action="national.export_downloaded", actor=principal.user,
                 object_type="regency", object_id=regency_code, ip=client_ip(request),
                 round_id=round_id)
    session.commit()
    return response
