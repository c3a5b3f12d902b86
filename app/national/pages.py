"""/nasional: every regency's rounds and progress, and the workbooks of regencies that share
their raw answers, for the national coordinator."""

import os
import tempfile
from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from app import audit
from app.auth.policy import Principal, coordinators
from app.deps import SessionDep, client_ip
from app.downloads import attachment
from app.errors import NotFound
from app.national.progress import totals
from app.national.service import regency_rounds, shared_export
from app.regencies.context import site_of
from app.types import DbId
from app.web import render

router = APIRouter(tags=["pages: national"])
CoordinatorDep = Annotated[Principal, Depends(coordinators)]
RegencyCode = Annotated[str, Path(pattern=r"^[0-9]{2}(\.[0-9]{2})?$")]


@router.get("/nasional")
def national_progress(request: Request, _principal: CoordinatorDep):
    """Every regency's rounds: OPDs asked, submitted, approved, overdue."""
    rows = regency_rounds(request.app.state.sites.all())
    return render(request, "national/progress.html", {"rows": rows, "totals": totals(rows)})


@router.get("/nasional/{regency_code}/rounds/{round_id}/export.xlsx")
def national_export(request: Request, regency_code: RegencyCode, round_id: DbId,
                    session: SessionDep,
                    principal: CoordinatorDep):
    """A regency's consolidated workbook, where that regency shares its raw answers."""
    site = request.app.state.sites.by_code(regency_code)
    if site is None:
        raise NotFound()
    handle, name = tempfile.mkstemp(prefix="survei-national-", suffix=".xlsx")
    os.close(handle)
    path = FilePath(name)
    try:
        result = shared_export(site, round_id=round_id, coordinator=principal.user, path=path,
                               limit=site_of(request).settings.direct_download_max)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    audit.record(session, action="national.export_downloaded", actor=principal.user,
                 object_type="regency", object_id=regency_code, ip=client_ip(request),
                 round_id=round_id)
    session.commit()
    return FileResponse(path, media_type=result.media_type,
                        headers={"Cache-Control": "no-store",
                                 "Content-Disposition": attachment(result.filename)},
                        background=BackgroundTask(path.unlink, missing_ok=True))
