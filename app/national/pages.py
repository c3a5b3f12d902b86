"""/nasional: every regency's rounds and progress, for the national coordinator."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from app.auth.policy import Principal, coordinators
from app.national.progress import totals
from app.national.service import regency_rounds
from app.web import render

router = APIRouter(tags=["pages: national"])
CoordinatorDep = Annotated[Principal, Depends(coordinators)]


@router.get("/nasional")
def national_progress(request: Request, _principal: CoordinatorDep):
    """Every regency's rounds: OPDs asked, submitted, approved, overdue."""
    rows = regency_rounds(request.app.state.sites.all())
    return render(request, "national/progress.html", {"rows": rows, "totals": totals(rows)})
